// A participation's states in the user's words, each in one of five families so that a
// glance at the badge says where things stand: still deciding, waiting on the project,
// money out, done, or stopped.

import {
  IconCircleCheck,
  IconCircleX,
  IconHourglass,
  IconProgress,
  IconSend,
  type Icon,
} from "@tabler/icons-react";
import type { ParticipationState } from "../api";

export type StateFamily = "in_progress" | "waiting" | "money_sent" | "done" | "stopped";

export const stateFamilyLooks = {
  in_progress: { label: "In progress", color: "blue", Icon: IconProgress },
  waiting: { label: "Waiting", color: "yellow", Icon: IconHourglass },
  money_sent: { label: "Money sent", color: "grape", Icon: IconSend },
  done: { label: "Done", color: "teal", Icon: IconCircleCheck },
  stopped: { label: "Stopped", color: "gray", Icon: IconCircleX },
} satisfies Record<StateFamily, { label: string; color: string; Icon: Icon }>;

type StateDescription = {
  label: string;
  /** What it means, in a sentence: shown beside each choice of the next step. */
  meaning: string;
  family: StateFamily;
};

export const participationStates = {
  researching: { label: "Researching", meaning: "Looking into the sale; nothing committed yet.", family: "in_progress" },
  registered: { label: "Registered", meaning: "Signed up or whitelisted for the sale.", family: "in_progress" },
  kyc_pending: {
    label: "KYC pending",
    meaning: "Identity documents sent; waiting for the project's answer.",
    family: "waiting",
  },
  kyc_approved: {
    label: "KYC approved",
    meaning: "The project verified your identity: you may contribute.",
    family: "in_progress",
  },
  kyc_rejected: {
    label: "KYC rejected",
    meaning: "The project refused your identity check. You may apply again.",
    family: "stopped",
  },
  contributed: { label: "Contributed", meaning: "You sent money to the sale.", family: "money_sent" },
  soft_cap_missed: {
    label: "Soft cap missed",
    meaning: "The sale ended below its soft cap: contributions should be refunded.",
    family: "waiting",
  },
  refund_due: { label: "Refund due", meaning: "The project owes you your contribution back.", family: "waiting" },
  refunded: { label: "Refunded", meaning: "Your contribution came back to you.", family: "done" },
  succeeded: { label: "Sale succeeded", meaning: "The sale reached its goal; the tokens are to come.", family: "money_sent" },
  tokens_distributed: {
    label: "Tokens received",
    meaning: "Tokens arrived: all of them, or a first part.",
    family: "money_sent",
  },
  vesting: { label: "Vesting", meaning: "The rest of the tokens unlock over time.", family: "waiting" },
  fully_claimed: { label: "Fully claimed", meaning: "Every token is yours; nothing more is to come.", family: "done" },
  withdrawn: { label: "Withdrawn", meaning: "You decided not to take part, before sending any money.", family: "stopped" },
  abandoned: {
    label: "Abandoned",
    meaning: "Dropped: the sale was called off, or you stopped following it.",
    family: "stopped",
  },
} satisfies Record<ParticipationState, StateDescription>;

export function stateLabel(state: ParticipationState): string {
  return participationStates[state].label;
}

/** The states in lifecycle order, grouped as the start form offers them. */
export const stateGroups: ReadonlyArray<{ group: string; states: ReadonlyArray<ParticipationState> }> = [
  { group: "Before contributing", states: ["researching", "registered", "kyc_pending", "kyc_approved", "kyc_rejected"] },
  {
    group: "After contributing",
    states: ["contributed", "soft_cap_missed", "refund_due", "succeeded", "tokens_distributed", "vesting"],
  },
  { group: "Over", states: ["refunded", "fully_claimed", "withdrawn", "abandoned"] },
];
