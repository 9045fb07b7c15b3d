import { ActionIcon, Badge, Button, Group, Text, Tooltip } from "@mantine/core";
import { useRef, useState } from "react";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { TradeView } from "../api";
import { failureMessage } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { VirtualTable, type VirtualColumn } from "../common/VirtualTable";
import { formatAmount } from "../format/amount";
import { useRemoveTrade } from "./portfolioQueries";

const kindColors: Record<string, string> = { buy: "teal", sell: "orange", transfer: "gray" };

/** Pixels per row, as drawn (date on two lines); rows are measured once shown. */
const rowHeight = 57;

/**
 * The trades recorded, newest first, each removable. Only the rows in view are drawn
 * (`VirtualTable`), so a hundred thousand imported trades scroll as smoothly as ten.
 */
export function TradesTable({ trades }: { trades: ReadonlyArray<TradeView> }) {
  const removeTrade = useRemoveTrade();
  // A removal is asked twice: the first click only offers it beside a way back.
  const [confirming, setConfirming] = useState<number | null>(null);
  // "Keep" takes the focus of the trash button it replaces, once: not autoFocus, which
  // would take focus again each time the virtual row is drawn anew after a scroll.
  const focusKeep = useRef(false);
  const focusKeepOnce = (button: HTMLButtonElement | null) => {
    if (button === null || !focusKeep.current) return;
    focusKeep.current = false;
    button.focus();
  };
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
  const columns: ReadonlyArray<VirtualColumn<TradeView>> = [
    { header: "When", cell: (trade) => <DateTimeText iso={trade.happenedAt} stacked /> },
    {
      header: "Kind",
      cell: (trade) => (
        <Badge variant="light" color={kindColors[trade.kind] ?? "gray"}>
          {trade.kind}
        </Badge>
      ),
    },
    { header: "Amount", numeric: true, cell: (trade) => formatAmount(trade.amount) },
    { header: "Paid or received", numeric: true, cell: (trade) => (trade.counter ? formatAmount(trade.counter) : "—") },
    { header: "Fee", numeric: true, cell: (trade) => (trade.fee ? formatAmount(trade.fee) : "—") },
    { header: "Where", cell: (trade) => (trade.toAccount ? `${trade.account} → ${trade.toAccount}` : trade.account || "—") },
    {
      header: "Actions",
      headerHidden: true,
      cell: (trade) =>
        confirming === trade.id ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" color="red" onClick={() => remove(trade)} loading={removeTrade.isPending}>
              Remove
            </Button>
            <Button ref={focusKeepOnce} size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
              Keep
            </Button>
          </Group>
        ) : (
          <Tooltip label="Remove this trade">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove the ${trade.kind} of ${formatAmount(trade.amount)}`}
              onClick={() => {
                focusKeep.current = true;
                setConfirming(trade.id);
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        ),
    },
  ];
  return (
    <VirtualTable
      label="Trades"
      rows={trades}
      rowKey={(trade) => trade.id}
      columns={columns}
      rowHeight={rowHeight}
      maxHeight={520}
      minWidth={640}
      testIds={{ table: "trades-table", scroll: "trades-scroll", row: "trade-row" }}
    />
  );
}
