import { ActionIcon, Badge, Button, Group, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import { useRef, useState } from "react";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { TradeQuery, TradeView } from "../api";
import { failureMessage } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { countText, ListFilters, PagedTable } from "../common/PagedTable";
import type { VirtualColumn } from "../common/VirtualTable";
import { formatAmount } from "../format/amount";
import { useRemoveTrade, useTradeAssets, useTrades } from "./portfolioQueries";

const kindColors: Record<string, string> = { buy: "teal", sell: "orange", transfer: "gray" };

/** Pixels per row, as drawn (date on two lines); rows are measured once shown. */
const rowHeight = 57;

const everyTrade: TradeQuery = { asset: "", kind: "", order: "newestFirst" };

const kinds = [
  { value: "", label: "All" },
  { value: "buy", label: "Buys" },
  { value: "sell", label: "Sells" },
  { value: "transfer", label: "Transfers" },
];

/**
 * The trades recorded, newest first, each removable, filtered by asset and kind. They are read a
 * page at a time as the list scrolls and only the rows in view are drawn, so a million imported
 * trades scroll as smoothly as ten.
 */
export function TradesTable() {
  const [query, setQuery] = useState<TradeQuery>(everyTrade);
  const trades = useTrades(query);
  const assets = useTradeAssets();
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
  const filtered = query.asset !== "" || query.kind !== "";
  return (
    <Stack gap="sm">
      {(trades.total > 0 || (assets.data?.length ?? 0) > 0 || filtered) && (
        <ListFilters
          assets={{ choices: assets.data ?? [], chosen: query.asset, choose: (asset) => setQuery((current) => ({ ...current, asset })) }}
          order={query.order}
          onOrder={(order) => setQuery((current) => ({ ...current, order }))}
          count={trades.isPending ? "" : countText(trades.total, "trade")}
          testId="trades-filters"
        >
          <SegmentedControl size="xs" aria-label="Kind" data={kinds} value={query.kind} onChange={(kind) => setQuery((current) => ({ ...current, kind }))} />
        </ListFilters>
      )}
      <PagedTable
        list={trades}
        label="Trades"
        what="your trades"
        empty={
          <Text size="sm" c="dimmed" data-testid="trades-empty">
            {filtered
              ? "No trade of this kind and asset."
              : "No trade recorded. Tokens you received from a sale are already counted; record here what you bought, sold or moved elsewhere."}
          </Text>
        }
        rowKey={(trade) => trade.id}
        columns={columns}
        rowHeight={rowHeight}
        maxHeight={520}
        minWidth={640}
        testIds={{ table: "trades-table", scroll: "trades-scroll", row: "trade-row" }}
      />
    </Stack>
  );
}
