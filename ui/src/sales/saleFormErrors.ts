import { isAppError, type SaleInput } from "../api";
import { errorHint } from "../common/errorHints";
import { emptySaleInput } from "./saleInput";

export type SaleField = keyof SaleInput;

export type GeneralFormError = { message: string; hint?: string };

export type SaleFormErrors = {
  /** Shown beside the input whose `name` is the key. */
  fields: Partial<Record<SaleField, string>>;
  /** Shown in an alert at the top of the form. */
  general: GeneralFormError[];
};

export const noSaleFormErrors: SaleFormErrors = { fields: {}, general: [] };

function isSaleField(name: string): name is SaleField {
  return Object.hasOwn(emptySaleInput, name);
}

/**
 * Places a failed save's error where the user will look: each invalid field beside its
 * input, anything else at the top of the form. Matches on `field` and `code` only.
 */
export function saleFormErrorsFrom(error: unknown): SaleFormErrors {
  if (!isAppError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { fields: {}, general: [{ message, hint: "The sale was not saved. Try again; if it keeps failing, the log file (see Settings) has the details." }] };
  }
  const fields: SaleFormErrors["fields"] = {};
  const general: GeneralFormError[] = [];
  const placeAtField = (field: string | null, message: string) => {
    if (field !== null && isSaleField(field)) {
      const existing = fields[field];
      fields[field] = existing ? `${existing} ${message}` : message;
    } else {
      general.push({ message });
    }
  };
  for (const invalid of error.invalidFields) {
    placeAtField(invalid.field, invalid.message);
  }
  if (error.invalidFields.length === 0) {
    if (error.field !== null && isSaleField(error.field)) {
      placeAtField(error.field, error.message);
    } else {
      general.push({ message: error.message, hint: errorHint(error.code) });
    }
  }
  return { fields, general };
}

export function withoutFieldError(errors: SaleFormErrors, field: SaleField): SaleFormErrors {
  if (!(field in errors.fields)) return errors;
  const fields = { ...errors.fields };
  delete fields[field];
  return { ...errors, fields };
}
