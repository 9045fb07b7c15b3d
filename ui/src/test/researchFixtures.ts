import type { FactorInput, ResearchInput, SaleResearch } from "../api";

export const factorNames = [
  "whitepaper",
  "roadmap",
  "team",
  "market_potential",
  "token_economics",
  "community",
  "audits",
  "exchange_involvement",
  "legal_status",
] as const;

export const redFlagNames = [
  "unrealistic_promises",
  "lack_of_transparency",
  "anonymous_or_inexperienced_team",
  "no_comprehensive_whitepaper",
  "no_third_party_audit",
  "no_recognised_exchange",
] as const;

/** The input the backend gives back for research with these factors changed (all nine, in order). */
export function researchInputFixture(changed: Partial<Record<string, Partial<FactorInput>>> = {}, overrides: Partial<ResearchInput> = {}): ResearchInput {
  return {
    factors: factorNames.map((factor) => ({ factor, score: "", notes: "", evidence: [], ...changed[factor] })),
    redFlags: [],
    eligibleJurisdictions: "",
    excludedJurisdictions: "",
    ...overrides,
  };
}

/** Research on sale 30 as the backend would describe it for `input` (grade given, not computed here). */
export function researchFixture(input: ResearchInput = researchInputFixture(), overrides: Partial<SaleResearch> = {}): SaleResearch {
  const scored = input.factors.filter((factor) => factor.score !== "").length;
  return {
    saleId: 30,
    projectName: "Example Protocol",
    factors: input.factors.map((factor) => ({
      factor: factor.factor,
      question: `Question about ${factor.factor}?`,
      score: factor.score === "" ? null : Number(factor.score),
      notes: factor.notes,
      evidence: factor.evidence,
    })),
    redFlags: redFlagNames.map((flag) => ({ flag, raised: input.redFlags.includes(flag) })),
    grade: { letter: null, points: null, scored, needed: 5, maxScore: 5 },
    eligibleJurisdictions: [],
    excludedJurisdictions: [],
    residenceCountry: null,
    jurisdiction: {
      kind: "no_country_set",
      severity: "warn",
      message: "Set your country of residence in Settings to check it against this sale's jurisdictions.",
    },
    whitepapers: [],
    whitepaperChanged: false,
    input,
    updatedAt: null,
    linkHits: [],
    ...overrides,
  };
}
