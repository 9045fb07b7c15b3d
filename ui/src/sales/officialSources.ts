import type { AddressPurpose, OfficialAddress, SourceKind } from "../api";

/** Each kind of source, as a badge names it, and what it means. */
export const sourceKindLooks: Record<SourceKind, { label: string; meaning: string; color: string }> = {
  website: { label: "Website", meaning: "The project's own website.", color: "teal" },
  official_social: { label: "Official social", meaning: "The project's official account on a social network.", color: "teal" },
  whitepaper: { label: "Whitepaper", meaning: "The project's whitepaper.", color: "teal" },
  announcement: { label: "Announcement", meaning: "The project's announcement channel (its blog, its Telegram or Discord announcements).", color: "teal" },
  launchpad: { label: "Launchpad", meaning: "A launchpad's page for the sale: not the project's own voice.", color: "gray" },
  explorer: { label: "Explorer", meaning: "A block explorer's verified-contract page: it shows the code, not who published it.", color: "gray" },
  third_party: { label: "Third party", meaning: "News, an aggregator, a forum: someone else speaking for the project.", color: "gray" },
  private_message: { label: "Private message", meaning: "A direct message: the usual route of a scam.", color: "red" },
  unknown: {
    label: "Kind not recorded",
    meaning: "Recorded by an earlier version of Saleguard, which did not ask where it was seen. Add a source of the project's own.",
    color: "yellow",
  },
};

/** The kinds a user may choose for a new source, the project's own first. */
export const chosenSourceKinds: ReadonlyArray<Exclude<SourceKind, "unknown">> = [
  "website",
  "official_social",
  "whitepaper",
  "announcement",
  "launchpad",
  "explorer",
  "third_party",
  "private_message",
];

export const purposeLabels: Record<AddressPurpose, string> = {
  contribution: "Contribution address",
  claim: "Claim contract",
  vesting: "Vesting contract",
  refund: "Refund contract",
  token: "Token contract",
  other: "Other",
};

export function isSourceKind(value: string): value is SourceKind {
  return value in sourceKindLooks;
}

export function isAddressPurpose(value: string): value is AddressPurpose {
  return value in purposeLabels;
}

/** How much an address can be trusted, from its sources: what its badge says. */
export function trustOf(official: OfficialAddress): { key: string; label: string; color: string; explanation: string } {
  if (official.retiredAt !== null) {
    return { key: "retired", label: "Retired", color: "gray", explanation: `Retired: ${official.retiredReason}` };
  }
  if (official.sources.length > 0 && official.sources.every((source) => source.kind === "private_message")) {
    return {
      key: "private_only",
      label: "Only private messages",
      color: "red",
      explanation: "Only ever seen in private messages: a review blocks it.",
    };
  }
  if (official.vouched) {
    return { key: "vouched", label: "Vouched by the project", color: "teal", explanation: "A source of the project's own shows it." };
  }
  return {
    key: "unvouched",
    label: "No source of the project's own",
    color: "yellow",
    explanation: "A review warns about it, or blocks it if your review rules say so.",
  };
}
