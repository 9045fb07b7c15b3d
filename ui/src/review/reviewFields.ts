import type { ReviewInput } from "../api";

export type ReviewField = Exclude<keyof ReviewInput, "saleId">;

/** The review form's inputs, by the name the backend uses in `AppError.field`. */
export const reviewFieldLabels: Record<ReviewField, string> = {
  from: "From",
  to: "To",
  amount: "Amount",
  chainId: "Chain id",
  at: "At (UTC)",
};

export function isReviewField(name: string): name is ReviewField {
  return Object.hasOwn(reviewFieldLabels, name);
}

export function sameReviewInput(a: ReviewInput, b: ReviewInput): boolean {
  return (Object.keys(reviewFieldLabels) as ReviewField[]).every((field) => a[field] === b[field]) && a.saleId === b.saleId;
}
