// How verdicts and severities look, the same everywhere (docs/review-findings.md):
// info blue, warn amber, block red, and always an icon and a word beside the colour.

import { IconAlertTriangle, IconBan, IconCircleCheck, IconInfoCircle, type Icon } from "@tabler/icons-react";
import type { Severity, Verdict } from "../api";
import { severityColors } from "../diligence/researchLabels";

type Looks = { color: string; icon: Icon };

export type SeverityLooks = Looks & {
  /** One finding's badge: "Blocks". */
  word: string;
  /** The heading of their group: "Warnings". */
  groupTitle: string;
};

export const severityLooks: Record<Severity, SeverityLooks> = {
  block: { color: severityColors.block, icon: IconBan, word: "Blocks", groupTitle: "Blocks" },
  warn: { color: severityColors.warn, icon: IconAlertTriangle, word: "Warning", groupTitle: "Warnings" },
  info: { color: severityColors.info, icon: IconInfoCircle, word: "Info", groupTitle: "For your information" },
};

/** Most severe first: the order the groups are shown in. */
export const severityOrder: ReadonlyArray<Severity> = ["block", "warn", "info"];

export type VerdictLooks = Looks & {
  /** The verdict in plain words, the panel's heading. */
  title: string;
  /** What the verdict means for `subject` ("contribution", "refund claim"). */
  meaning: (subject: string) => string;
};

export const verdictLooks: Record<Verdict, VerdictLooks> = {
  clear: {
    color: "teal",
    icon: IconCircleCheck,
    title: "Clear",
    meaning: (subject) => `Nothing stands in the way of this ${subject}.`,
  },
  warnings: {
    color: severityColors.warn,
    icon: IconAlertTriangle,
    title: "Read the warnings",
    meaning: (subject) => `Nothing blocks this ${subject}, but read each warning before you sign it.`,
  },
  blocked: {
    color: severityColors.block,
    icon: IconBan,
    title: "Blocked",
    meaning: (subject) => `This ${subject} will not be signed as it stands. Read what blocks it below.`,
  },
};

/** The names the backend gives a finding's details, in words; an unknown name is shown as it comes. */
const detailNames: Record<string, string> = {
  draft_chain_id: "Chain of this contribution",
  sale_chain_id: "Chain of the sale",
  to: "Destination",
  from: "From",
  designated: "Designated address",
  looks_like: "Looks like",
  starts_at: "Sale opens",
  ends_at: "Sale ends",
  amount: "Amount",
  minimum: "Minimum",
  maximum: "Maximum",
  kyc: "KYC",
  country: "Country",
  scored: "Factors scored",
  grade: "Grade",
  flag: "Red flag",
  observed_at: "Price seen",
  asset: "Asset",
  currency: "Currency",
  unpriced: "Payments without a price",
  committed: "Committed before",
  value: "This contribution",
  total: "Total",
  sale_total: "This sale with it",
  cap: "Cap per sale",
  share_bps: "Share (basis points)",
  limit_bps: "Limit (basis points)",
  url: "Link",
  domain: "Domain",
  list: "List",
  entry: "Entry that caught it",
  note: "The list's note",
};

export function detailName(name: string): string {
  const known = detailNames[name];
  if (known) return known;
  const words = name.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
