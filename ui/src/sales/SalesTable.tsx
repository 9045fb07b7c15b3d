import { Center, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import { useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Sale } from "../api";
import { AmountText } from "../common/AmountText";
import { DateTimeText } from "../common/DateTimeText";
import { ArchivedBadge } from "./ArchivedBadge";
import { SaleStatusBadge } from "./SaleStatusBadge";
import { defaultSaleSort, nextSort, sortSales, type SaleSort, type SaleSortKey } from "./sortSales";
import classes from "./SalesTable.module.css";

type Column = { key: SaleSortKey; label: string; numeric?: boolean };

const columns: ReadonlyArray<Column> = [
  { key: "projectName", label: "Project" },
  { key: "tokenSymbol", label: "Token" },
  { key: "chainId", label: "Chain", numeric: true },
  { key: "status", label: "Status" },
  { key: "startsAt", label: "Starts" },
  { key: "endsAt", label: "Ends" },
  { key: "hardCap", label: "Hard cap", numeric: true },
];

type SortableHeaderProps = {
  column: Column;
  sort: SaleSort;
  onSort: (key: SaleSortKey) => void;
};

function SortableHeader({ column, sort, onSort }: SortableHeaderProps) {
  const sorted = sort.key === column.key;
  const SortIcon = !sorted ? IconSelector : sort.direction === "ascending" ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={sorted ? sort.direction : "none"} ta={column.numeric ? "right" : undefined}>
      <UnstyledButton onClick={() => onSort(column.key)} className={classes.sortButton} data-sorted={sorted || undefined}>
        <Group gap={4} wrap="nowrap" justify={column.numeric ? "flex-end" : "flex-start"}>
          <Text span fw={600} size="sm">
            {column.label}
          </Text>
          <Center>
            <SortIcon size={14} stroke={1.8} aria-hidden="true" />
          </Center>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

type SalesTableProps = {
  sales: ReadonlyArray<Sale>;
  onOpenSale: (sale: Sale) => void;
  caption?: ReactNode;
};

export function SalesTable({ sales, onOpenSale, caption }: SalesTableProps) {
  const [sort, setSort] = useState<SaleSort>(defaultSaleSort);
  const sortedSales = useMemo(() => sortSales(sales, sort), [sales, sort]);

  const openOnKey = (event: KeyboardEvent<HTMLTableRowElement>, sale: Sale) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpenSale(sale);
    }
  };

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover data-testid="sales-table" className={classes.table}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <SortableHeader key={column.key} column={column} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortedSales.map((sale) => (
            <Table.Tr
              key={sale.id}
              data-testid="sale-row"
              tabIndex={0}
              className={classes.row}
              onClick={() => onOpenSale(sale)}
              onKeyDown={(event) => openOnKey(event, sale)}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap" miw={120}>
                  <Text size="sm" fw={600}>
                    {sale.projectName}
                  </Text>
                  {sale.archivedAt !== null && <ArchivedBadge archivedAt={sale.archivedAt} />}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text span size="sm">
                  {sale.tokenSymbol}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums">
                {sale.chainId}
              </Table.Td>
              <Table.Td>
                <SaleStatusBadge status={sale.status} />
              </Table.Td>
              <Table.Td>
                <DateTimeText iso={sale.startsAt} stacked />
              </Table.Td>
              <Table.Td>
                <DateTimeText iso={sale.endsAt} stacked />
              </Table.Td>
              <Table.Td ta="right">
                <AmountText amount={sale.hardCap} emptyLabel="None" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
