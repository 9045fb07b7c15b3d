import type { Amount, Sale, SaleInput } from "../api";

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

/** "2026-12-01T14:00:00Z" → "2026-12-01 14:00"; anything with seconds stays as sent. */
export function editableDateTime(rfc3339: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):00(?:\.0+)?(?:Z|\+00:00)$/.exec(rfc3339);
  return match ? `${match[1]} ${match[2]}` : rfc3339;
}

function editableAmount(amount: Amount | null): string {
  return amount ? amount.decimal : "";
}

/** What the user would have typed to get this sale: used to prefill the edit form. */
export function saleInputFromSale(sale: Sale): SaleInput {
  const isErc20 = sale.currency.kind === "erc20";
  return {
    projectName: sale.projectName,
    tokenSymbol: sale.tokenSymbol,
    tokenDecimals: String(sale.tokenDecimals),
    chainId: String(sale.chainId),
    contributionAddress: sale.contributionAddress,
    currencyKind: sale.currency.kind,
    currencySymbol: sale.currency.symbol,
    currencyAddress: isErc20 ? (sale.currency.address ?? "") : "",
    currencyDecimals: isErc20 ? String(sale.currency.decimals) : "",
    pricingKind: sale.pricing ? sale.pricing.kind : "none",
    pricingAmount: sale.pricing ? sale.pricing.amount.decimal : "",
    softCap: editableAmount(sale.softCap),
    hardCap: editableAmount(sale.hardCap),
    minContribution: editableAmount(sale.minContribution),
    maxContribution: editableAmount(sale.maxContribution),
    startsAt: editableDateTime(sale.startsAt),
    endsAt: editableDateTime(sale.endsAt),
    kycRequired: sale.kycRequired,
    whitepaperUrl: sale.whitepaperUrl ?? "",
    notes: sale.notes,
  };
}

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
