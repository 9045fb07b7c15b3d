import type { ReviewInput } from "../api";
import { fieldNamesOf } from "../common/formErrors";

export type ReviewField = Exclude<keyof ReviewInput, "saleId">;

/** The review form's inputs, by the name the backend uses in `AppError.field`. */
export const reviewFieldLabels: Record<ReviewField, string> = {
  from: "From",
  to: "To",
  amount: "Amount",
  chainId: "Chain id",
  at: "At (UTC)",
};

export const isReviewField = fieldNamesOf(reviewFieldLabels);

export function sameReviewInput(a: ReviewInput, b: ReviewInput): boolean {
  return (Object.keys(reviewFieldLabels) as ReviewField[]).every((field) => a[field] === b[field]) && a.saleId === b.saleId;
}
