import { Badge } from "@mantine/core";
import type { TxStatusName } from "../api";
import { txStatusLooks } from "./txLooks";

/** A transaction's status in a word, with its colour and icon (what it means on hover). */
export function TxStatusBadge({ status }: { status: TxStatusName }) {
  const { label, color, icon: StatusIcon, meaning } = txStatusLooks[status];
  return (
    <Badge
      variant="light"
      color={color}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<StatusIcon size={14} stroke={2} aria-hidden="true" />}
      title={meaning}
      data-status={status}
      data-testid="tx-status"
      styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
    >
      {label}
    </Badge>
  );
}
