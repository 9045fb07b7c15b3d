import type { SaleInput } from "../api";
import { fieldNamesOf } from "../common/formErrors";
import { emptySaleInput } from "./saleInput";

export type SaleField = keyof SaleInput;

/** Whether a backend error's `field` names one of the sale form's inputs. */
export const isSaleField = fieldNamesOf(emptySaleInput);

export const saleFormErrorWhenUnexpected =
  "The sale was not saved. Try again; if it keeps failing, the log file (see Settings) has the details.";
