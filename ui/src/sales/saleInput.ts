import type { SaleInput } from "../api";

export const emptySaleInput: SaleInput = {
  projectName: "",
  tokenSymbol: "",
  tokenDecimals: "",
  chainId: "",
  contributionAddress: "",
  currencyKind: "native",
  currencySymbol: "",
  currencyAddress: "",
  currencyDecimals: "",
  pricingKind: "none",
  pricingAmount: "",
  softCap: "",
  hardCap: "",
  minContribution: "",
  maxContribution: "",
  startsAt: "",
  endsAt: "",
  kycRequired: false,
  whitepaperUrl: "",
  notes: "",
};

/**
 * The input as sent to the backend. Fields hidden by the current choices (the ERC-20
 * address and decimals for a native coin, the amount when there is no pricing) are
 * kept in the form so switching back loses nothing, but are sent empty.
 */
export function saleInputForSubmission(input: SaleInput): SaleInput {
  return {
    ...input,
    currencyAddress: input.currencyKind === "erc20" ? input.currencyAddress : "",
    currencyDecimals: input.currencyKind === "erc20" ? input.currencyDecimals : "",
    pricingAmount: input.pricingKind === "none" ? "" : input.pricingAmount,
  };
}
