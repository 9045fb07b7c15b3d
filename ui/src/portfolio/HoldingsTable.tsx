import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import type { HoldingView } from "../api";
import { priceSourceLooks } from "../budget/PriceSourceBadge";
import { DateTimeText } from "../common/DateTimeText";
import { formatAmount, formatDecimalString } from "../format/amount";
import { gainColor, gainText, moneyText } from "./portfolioFormat";
import { SortableHeader, sortRows, useSort } from "./SortableHeader";

type HoldingKey = "asset" | "value" | "unrealized" | "realized";

function PriceCell({ holding, currency }: { holding: HoldingView; currency: string }) {
  if (!holding.price) {
    return (
      <Text size="sm" c="dimmed">
        No price
      </Text>
    );
  }
  const source = priceSourceLooks[holding.price.source];
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm" className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
        {formatDecimalString(holding.price.price)} {currency}
      </Text>
      <Group gap={4} wrap="nowrap">
        {holding.price.stale && (
          <Badge size="xs" color="yellow" variant="light">
            Stale
          </Badge>
        )}
        <Text size="xs" c="dimmed" span>
          <DateTimeText iso={holding.price.observedAt} size="xs" />
        </Text>
        <Text size="xs" c="dimmed" span title={source.meaning} data-testid="holding-price-source">
          · {source.short}
        </Text>
      </Group>
    </Stack>
  );
}

/** What the user holds per asset, where, and what it is worth at which price; sortable by each figure. */
export function HoldingsTable({ holdings, currency }: { holdings: ReadonlyArray<HoldingView>; currency: string }) {
  const { sort, sortBy } = useSort<HoldingKey>({ key: "value", descending: true });
  const sorted = sortRows(holdings, sort, "asset", (holding) => holding.asset, (holding, key) => holding[key]);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" fz="sm" aria-label="Holdings" data-testid="holdings-table">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="asset" sort={sort} onSort={sortBy}>
              Asset
            </SortableHeader>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">Price (seen)</Table.Th>
            <SortableHeader column="value" sort={sort} onSort={sortBy} align="right">
              Value
            </SortableHeader>
            <Table.Th ta="right">Cost</Table.Th>
            <SortableHeader column="unrealized" sort={sort} onSort={sortBy} align="right">
              Unrealized
            </SortableHeader>
            <SortableHeader column="realized" sort={sort} onSort={sortBy} align="right">
              Realized
            </SortableHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((holding) => (
            <Table.Tr key={holding.asset} data-testid="holding-row">
              <Table.Td>
                <Text fw={600} size="sm">
                  {holding.asset}
                </Text>
                {holding.places.map((place) => (
                  <Text key={place.place} size="xs" c="dimmed" className="tabular-nums">
                    {place.place || "Place not recorded"}: {formatAmount(place.quantity)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {formatDecimalString(holding.quantity.decimal)}
              </Table.Td>
              <Table.Td ta="right">
                <PriceCell holding={holding} currency={currency} />
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" fw={600} c={holding.value === null ? "dimmed" : undefined}>
                {moneyText(holding.value, currency)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" c={holding.cost === null ? "dimmed" : undefined}>
                {moneyText(holding.cost, currency)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" c={gainColor(holding.unrealized)}>
                {gainText(holding.unrealized, currency)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" c={gainColor(holding.realized)}>
                {gainText(holding.realized, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
