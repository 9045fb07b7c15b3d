import { IconArrowBackUp, IconArrowUpRight, IconCoins, IconPencil, IconSearch, IconSignature, type Icon } from "@tabler/icons-react";
import type { EntryInput } from "../api";
import { fieldNamesOf } from "../common/formErrors";

/** The entry form's inputs, by the name the backend uses in `AppError.field`. */
export type EntryField = keyof EntryInput;

export const entryFieldLabels: Record<EntryField, string> = {
  kind: "What moved",
  happenedAt: "When (UTC)",
  asset: "Asset",
  decimals: "Decimals",
  amount: "Amount",
  reference: "Reference",
  from: "From",
  to: "To",
  note: "Note",
};

export type EntryKind = "contribution" | "refund" | "distribution";

type EntryKindLooks = { label: string; meaning: string; color: string; Icon: Icon };

export const entryKinds = {
  contribution: { label: "Contribution", meaning: "Money you sent to the sale.", color: "grape", Icon: IconArrowUpRight },
  refund: { label: "Refund", meaning: "Money the sale sent back to you.", color: "teal", Icon: IconArrowBackUp },
  distribution: { label: "Distribution", meaning: "Tokens you received.", color: "blue", Icon: IconCoins },
} satisfies Record<EntryKind, EntryKindLooks>;

/** The kinds in the order the form offers them. */
export const entryKindOrder: ReadonlyArray<EntryKind> = ["contribution", "refund", "distribution"];

/** A kind the backend sends is a plain string: one this version does not know is shown as it is. */
export function entryKindLooks(kind: string): EntryKindLooks {
  if (Object.hasOwn(entryKinds, kind)) return entryKinds[kind as EntryKind];
  return { label: kind, meaning: "", color: "gray", Icon: IconPencil };
}

type EntrySourceLooks = { label: string; description: string; color: string; Icon: Icon };

const entrySources = {
  manual: { label: "Manual", description: "Recorded by hand", color: "gray", Icon: IconPencil },
  signed: { label: "Signed", description: "Read from the receipt of a transaction Saleguard signed", color: "indigo", Icon: IconSignature },
  found: { label: "Found", description: "Found in the chain's logs: a delivery Saleguard did not sign", color: "cyan", Icon: IconSearch },
} satisfies Record<"manual" | "signed" | "found", EntrySourceLooks>;

/** Where an entry came from: recorded by hand, signed by Saleguard or found on chain (a source this version does not know, as it is). */
export function entrySourceLooks(source: string): EntrySourceLooks {
  if (source === "manual" || source === "signed" || source === "found") return entrySources[source];
  return { ...entrySources.manual, label: source, description: source };
}

export const emptyEntryInput: EntryInput = {
  kind: "contribution",
  happenedAt: "",
  asset: "",
  decimals: "",
  amount: "",
  reference: "",
  from: "",
  to: "",
  note: "",
};

/** Whether a backend error's `field` names one of the entry form's inputs. */
export const isEntryField = fieldNamesOf(emptyEntryInput);

/** What the form keeps after an entry was recorded: the kind and asset, likely the same for the next one. */
export function entryFormAfterSaving(saved: EntryInput): EntryInput {
  return { ...emptyEntryInput, kind: saved.kind, asset: saved.asset, decimals: saved.decimals };
}

/** Longest note of an entry, in characters (the backend's limit). */
export const maxEntryNoteChars = 2000;

export const entryFormErrorWhenUnexpected =
  "Nothing was recorded. Try again; if it keeps failing, the log file (see Settings) has the details.";
