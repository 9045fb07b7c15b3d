import { Text } from "@mantine/core";
import type { Amount } from "../api";
import { describeAmountExactly, formatAmount } from "../format/amount";

type AmountTextProps = {
  amount: Amount | null;
  /** Shown when the amount is not set. */
  emptyLabel?: string;
};

/** An amount with its unit, in tabular figures, with the exact value in base units on hover. */
export function AmountText({ amount, emptyLabel = "Not set" }: AmountTextProps) {
  if (!amount) {
    return (
      <Text span size="sm" c="dimmed">
        {emptyLabel}
      </Text>
    );
  }
  return (
    <Text span size="sm" className="tabular-nums" title={describeAmountExactly(amount)} style={{ whiteSpace: "nowrap" }}>
      {formatAmount(amount)}
    </Text>
  );
}
