// Reviews, findings and overrides as the backend would send them, for tests only.
import type { BudgetImpact, Finding, Review, ReviewInput, ReviewOverride } from "../api";

export const designatedAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

export function findingFixture(overrides: Partial<Finding> = {}): Finding {
  return {
    code: "sale_not_open_yet",
    severity: "block",
    overridable: true,
    message: "The sale opens on 2026-12-01 14:00 UTC.",
    details: [{ name: "starts_at", value: "2026-12-01T14:00:00Z" }],
    ...overrides,
  };
}

export const notDesignatedFinding = findingFixture({
  code: "not_designated_address",
  message: "The destination is neither the sale's designated address nor one of its official addresses.",
  details: [
    { name: "to", value: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359" },
    { name: "designated", value: designatedAddress },
  ],
});

export const noSourceWarning = findingFixture({
  code: "not_from_official_source",
  severity: "warn",
  overridable: false,
  message: "No source is recorded for this destination: check it on the project's site.",
  details: [{ name: "to", value: designatedAddress }],
});

export const firstTimeInfo = findingFixture({
  code: "first_time_recipient",
  severity: "info",
  overridable: false,
  message: `This account has never sent to ${designatedAddress} before.`,
  details: [],
});

export const chainMismatchFinding = findingFixture({
  code: "chain_mismatch",
  overridable: false,
  message: "This contribution is for chain 5, the sale is on chain 1.",
  details: [
    { name: "draft_chain_id", value: "5" },
    { name: "sale_chain_id", value: "1" },
  ],
});

export function budgetImpactFixture(overrides: Partial<BudgetImpact> = {}): BudgetImpact {
  return {
    currency: "USD",
    period: "2027",
    value: "4400",
    total: "20000",
    committed: "3400",
    usesPercent: "22",
    leftAfterPercent: "61",
    ...overrides,
  };
}

export function reviewFixture(overrides: Partial<Review> = {}): Review {
  const findings = overrides.findings ?? [];
  const verdict = findings.some((finding) => finding.severity === "block")
    ? "blocked"
    : findings.some((finding) => finding.severity === "warn")
      ? "warnings"
      : "clear";
  return { verdict, findings, budget: budgetImpactFixture(), reviewedAt: "2026-11-20T10:00:00Z", ...overrides };
}

export function reviewInputFixture(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return { saleId: 30, from: "7", to: designatedAddress, amount: "1.5", chainId: "", at: "", ...overrides };
}

export function overrideFixture(overrides: Partial<ReviewOverride> = {}): ReviewOverride {
  return {
    id: 1,
    saleId: 30,
    projectName: "Example Protocol",
    from: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    to: designatedAddress,
    amount: "1.5",
    currency: "ETH",
    chainId: 1,
    reviewedAt: "2026-11-20T10:00:00Z",
    findings: [findingFixture()],
    reason: "The project moved the opening forward in its announcement.",
    createdAt: "2026-11-20T10:01:00Z",
    ...overrides,
  };
}
