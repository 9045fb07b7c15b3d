import { Anchor, Table, Text } from "@mantine/core";
import type { SaleOutcome } from "../api";
import { formatAmount } from "../format/amount";
import { routeHref } from "../shell/route";
import { gainColor, gainText, moneyText } from "./portfolioFormat";
import { SortableHeader, sortRows, useSort } from "./SortableHeader";

type SaleKey = "sale" | "paid" | "value" | "realized" | "unrealized";

/** What each participation came to: paid, tokens held, their value, and the profit or loss; sortable. */
export function SaleOutcomesTable({ sales, currency }: { sales: ReadonlyArray<SaleOutcome>; currency: string }) {
  const { sort, sortBy } = useSort<SaleKey>({ key: "value", descending: true });
  const sorted = sortRows(sales, sort, "sale", (sale) => sale.saleName, (sale, key) => sale[key]);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" fz="sm" aria-label="Profit and loss per sale" data-testid="sales-outcome-table">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="sale" sort={sort} onSort={sortBy}>
              Sale
            </SortableHeader>
            <SortableHeader column="paid" sort={sort} onSort={sortBy} align="right">
              Paid
            </SortableHeader>
            <Table.Th ta="right">Held</Table.Th>
            <SortableHeader column="value" sort={sort} onSort={sortBy} align="right">
              Value
            </SortableHeader>
            <SortableHeader column="realized" sort={sort} onSort={sortBy} align="right">
              Realized
            </SortableHeader>
            <SortableHeader column="unrealized" sort={sort} onSort={sortBy} align="right">
              Unrealized
            </SortableHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((sale) => (
            <Table.Tr key={sale.participationId} data-testid="sale-outcome-row">
              <Table.Td>
                <Anchor href={routeHref({ area: "participations", view: "detail", participationId: sale.participationId })} fw={600} size="sm">
                  {sale.saleName}
                </Anchor>
                {sale.costToCome !== null && sale.costToCome !== "0" && (
                  <Text size="xs" c="dimmed">
                    {moneyText(sale.costToCome, currency)} paid for tokens still to come
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" c={sale.paid === null ? "dimmed" : undefined}>
                {moneyText(sale.paid, currency)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {sale.held ? formatAmount(sale.held) : <Text span size="sm" c="dimmed">None received</Text>}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" fw={600}>
                {moneyText(sale.value, currency)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" c={gainColor(sale.realized)}>
                {gainText(sale.realized, currency)}
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" c={gainColor(sale.unrealized)}>
                {gainText(sale.unrealized, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
