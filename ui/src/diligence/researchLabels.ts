import type { Severity } from "../api";

/** Short names of the scorecard's factors, by wire name (the backend gives the question). */
export const factorLabels: Record<string, string> = {
  whitepaper: "Whitepaper",
  roadmap: "Roadmap",
  team: "Team",
  market_potential: "Market potential and advantage",
  token_economics: "Token economics and distribution",
  community: "Community and transparency",
  audits: "Third-party audits",
  exchange_involvement: "Recognised exchange",
  legal_status: "Legal status where you live",
};

export const redFlagLabels: Record<string, string> = {
  unrealistic_promises: "Unrealistic promises of returns",
  lack_of_transparency: "Lack of transparency",
  anonymous_or_inexperienced_team: "Anonymous or inexperienced team",
  no_comprehensive_whitepaper: "No comprehensive whitepaper",
  no_third_party_audit: "No third-party audit",
  no_recognised_exchange: "No recognised exchange involved",
};

export function factorLabel(factor: string): string {
  return factorLabels[factor] ?? factor;
}

export function redFlagLabel(flag: string): string {
  return redFlagLabels[flag] ?? flag;
}

/** The colour of a grade letter: good news green, bad news red. */
export function gradeColor(letter: string | null): string {
  switch (letter) {
    case "A":
      return "teal";
    case "B":
      return "green";
    case "C":
      return "yellow";
    case "D":
      return "orange";
    case "F":
      return "red";
    default:
      return "gray";
  }
}

export const severityColors: Record<Severity, string> = { info: "blue", warn: "yellow", block: "red" };
