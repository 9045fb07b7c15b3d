import { ActionIcon, Badge, Box, Button, Group, Table, Text, Tooltip } from "@mantine/core";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState } from "react";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { TradeView } from "../api";
import { failureMessage } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { formatAmount } from "../format/amount";
import { useRemoveTrade } from "./portfolioQueries";

const kindColors: Record<string, string> = { buy: "teal", sell: "orange", transfer: "gray" };

/** Pixels per row, as drawn (date on two lines); rows are measured once shown. */
const rowHeight = 57;

/** The scroll area's size until it has one (before layout, or where nothing is laid out): a window's worth. */
const unlaidOut = { width: 900, height: 520 };

/**
 * The trades recorded, newest first, each removable. Only the rows in view are drawn (with
 * spacer rows for the rest), so a hundred thousand imported trades scroll as smoothly as ten.
 */
export function TradesTable({ trades }: { trades: ReadonlyArray<TradeView> }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: trades.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: unlaidOut,
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : unlaidOut)),
    // A row not laid out (height 0) keeps the estimate rather than collapsing the list.
    measureElement: (element) => element.getBoundingClientRect().height || rowHeight,
  });
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
  const shown = virtualizer.getVirtualItems();
  const before = shown[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (shown[shown.length - 1]?.end ?? 0);
  return (
    <Box ref={scrollRef} mah={520} style={{ overflow: "auto" }} data-testid="trades-scroll">
      <Table verticalSpacing="xs" fz="sm" aria-label="Trades" aria-rowcount={trades.length + 1} data-testid="trades-table" miw={640} stickyHeader>
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
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={7} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {shown.map((item) => {
            const trade = trades[item.index];
            if (!trade) return null;
            return (
              <Table.Tr key={trade.id} data-testid="trade-row" data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
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
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={7} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
