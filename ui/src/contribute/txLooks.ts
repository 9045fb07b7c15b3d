// How transactions look, the same everywhere: a status in a word with an icon and a
// colour, a purpose in words, each progress step as a sentence.

import {
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconCircleDashed,
  IconCube,
  IconReplace,
  IconSend,
  IconSignature,
  IconTrashX,
  type Icon,
} from "@tabler/icons-react";
import type { TxPurpose, TxProgress, TxStatus } from "../api";

export const txStatusLooks = {
  planned: { label: "Planned", color: "gray", icon: IconCircleDashed, meaning: "Reviewed and kept as a draft; not signed." },
  signed: { label: "Signed", color: "blue", icon: IconSignature, meaning: "Signed on this computer; not sent yet." },
  sent: { label: "Sent", color: "blue", icon: IconSend, meaning: "Sent to the node; waiting for a block." },
  mined: { label: "Mined", color: "indigo", icon: IconCube, meaning: "In a block; waiting for confirmations." },
  confirmed: { label: "Confirmed", color: "teal", icon: IconCircleCheck, meaning: "In a block with enough confirmations." },
  failed: { label: "Failed", color: "red", icon: IconAlertTriangle, meaning: "Refused by the node, or reverted on chain." },
  dropped: { label: "Dropped", color: "orange", icon: IconBan, meaning: "No longer pending, and never included." },
  replaced: {
    label: "Replaced",
    color: "orange",
    icon: IconReplace,
    meaning: "Another transaction of the account with the same nonce was included instead.",
  },
  abandoned: { label: "Abandoned", color: "gray", icon: IconTrashX, meaning: "Planned, then left without signing." },
} satisfies Record<TxStatus, { label: string; color: string; icon: Icon; meaning: string }>;

export const purposeLabels: Record<TxPurpose, string> = {
  contribution: "Contribution",
  approval: "Approval",
  refund: "Refund claim",
  token_claim: "Token claim",
  vested_claim: "Vested claim",
  call: "Call",
  cancellation: "Cancellation",
};

/** How each kind of transaction is named in sentences ("your refund claim"). */
export const purposeWords: Record<TxPurpose, string> = {
  contribution: "contribution",
  approval: "approval of the payment",
  refund: "refund claim",
  token_claim: "token claim",
  vested_claim: "claim of vested tokens",
  call: "call",
  cancellation: "cancellation",
};

/** Whether a transaction has come to its end: nothing more will happen to it. */
export function isSettled(status: TxStatus): boolean {
  return status === "confirmed" || status === "failed" || status === "dropped" || status === "replaced" || status === "abandoned";
}

/**
 * A progress step in words (a hash is shown beside it, in full). A step the submission has
 * `passed` (a later one came) says what happened rather than what to do.
 */
export function progressWords(step: TxProgress, passed = false): string {
  if (passed) {
    switch (step.state) {
      case "connectingDevice":
        return "Connected to your hardware wallet";
      case "waitingForPin":
        return "Unlocked with its PIN";
      case "waitingForConfirmation":
        return "Confirmed on your hardware wallet";
      default:
        break;
    }
  }
  switch (step.state) {
    case "reviewing":
      return "Checking the review again against the sale and the node";
    case "loadingKey":
      return "Loading the key from the keyring";
    case "connectingDevice":
      return "Connecting to your hardware wallet";
    case "waitingForPin":
      return "Your hardware wallet is locked: enter your PIN on its screen";
    case "waitingForConfirmation":
      return "Check the transaction on your hardware wallet's screen and confirm it there";
    case "signing":
      return "Signing";
    case "signed":
      return "Signed";
    case "sending":
      return "Sending to the node";
    case "sent":
      return "Sent: waiting for a block";
    case "mined":
      return `In block ${step.block}: ${step.confirmations} of ${step.needed} confirmations`;
    case "confirmed":
      return `Confirmed in block ${step.block}`;
    case "failed":
      return `Failed: ${step.reason}`;
    case "dropped":
      return "Dropped: the network no longer has it pending";
    case "replaced":
      return "Replaced by another transaction of the account with the same nonce";
  }
}

/** The steps after which a signing can no longer be cancelled. */
export function isPastSignature(step: TxProgress): boolean {
  return !["reviewing", "loadingKey", "connectingDevice", "waitingForPin", "waitingForConfirmation", "signing"].includes(step.state);
}
