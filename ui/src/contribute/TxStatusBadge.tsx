import type { TxStatus } from "../api";
import { LooksBadge } from "../common/LooksBadge";
import { txStatusLooks } from "./txLooks";

/** A transaction's status in a word, with its colour and icon (what it means on hover). */
export function TxStatusBadge({ status }: { status: TxStatus }) {
  const { label, color, icon: StatusIcon, meaning } = txStatusLooks[status];
  return (
    <LooksBadge color={color} Icon={StatusIcon} title={meaning} data-status={status} testId="tx-status" neverShortened>
      {label}
    </LooksBadge>
  );
}
