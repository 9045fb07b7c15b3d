import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from "@mantine/core";
import { useState } from "react";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { TradeView } from "../api";
import { failureMessage } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { formatAmount } from "../format/amount";
import { useRemoveTrade } from "./portfolioQueries";

const kindColors: Record<string, string> = { buy: "teal", sell: "orange", transfer: "gray" };

/** The trades recorded, newest first, each removable. */
export function TradesTable({ trades }: { trades: ReadonlyArray<TradeView> }) {
  const removeTrade = useRemoveTrade();
  // A removal is asked twice: the first click only offers it beside a way back.
  const [confirming, setConfirming] = useState<number | null>(null);
  const remove = (trade: TradeView) =>
    removeTrade.mutate(trade.id, {
      onSettled: () => setConfirming(null),
      onSuccess: () => notifications.show({ title: "Trade removed", message: `${trade.kind}: ${formatAmount(trade.amount)}`, color: "gray" }),
      onError: (error) => notifications.show({ title: "The trade was not removed", message: failureMessage(error), color: "red" }),
    });
  if (trades.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="trades-empty">
        No trade recorded. Tokens you received from a sale are already counted; record here what you bought, sold or moved elsewhere.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" fz="sm" aria-label="Trades" data-testid="trades-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Paid or received</Table.Th>
            <Table.Th ta="right">Fee</Table.Th>
            <Table.Th>Where</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trades.map((trade) => (
            <Table.Tr key={trade.id} data-testid="trade-row">
              <Table.Td>
                <DateTimeText iso={trade.happenedAt} stacked />
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={kindColors[trade.kind] ?? "gray"}>
                  {trade.kind}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {formatAmount(trade.amount)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {trade.counter ? formatAmount(trade.counter) : "—"}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {trade.fee ? formatAmount(trade.fee) : "—"}
              </Table.Td>
              <Table.Td>{trade.toAccount ? `${trade.account} → ${trade.toAccount}` : trade.account || "—"}</Table.Td>
              <Table.Td>
                {confirming === trade.id ? (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" color="red" onClick={() => remove(trade)} loading={removeTrade.isPending}>
                      Remove
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)} autoFocus>
                      Keep
                    </Button>
                  </Group>
                ) : (
                  <Tooltip label="Remove this trade">
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove the ${trade.kind} of ${formatAmount(trade.amount)}`} onClick={() => setConfirming(trade.id)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
