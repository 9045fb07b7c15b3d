import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { compareDecimalStrings } from "../format/amount";

export type SortState<Key extends string> = { key: Key; descending: boolean };

/** The sort a table starts with, and how a click on a heading changes it (again on the same heading: the other way). */
export function useSort<Key extends string>(initial: SortState<Key>) {
  const [sort, setSort] = useState<SortState<Key>>(initial);
  const sortBy = (key: Key) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: true }));
  return { sort, sortBy };
}

/** Orders by exact decimal strings; values not known go last, whichever way. */
export function compareKnownDecimals(a: string | null, b: string | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = compareDecimalStrings(a, b);
  return descending ? -order : order;
}

/**
 * Rows in the table's order: by name when `sort.key` is `nameKey`, else by the exact decimal
 * `figure(row, key)` (unknown figures last).
 */
export function sortRows<Row, Key extends string>(
  rows: ReadonlyArray<Row>,
  sort: SortState<Key>,
  nameKey: Key,
  name: (row: Row) => string,
  figure: (row: Row, key: Exclude<Key, typeof nameKey>) => string | null,
): Row[] {
  return [...rows].sort((a, b) =>
    sort.key === nameKey
      ? (sort.descending ? -1 : 1) * name(a).localeCompare(name(b))
      : compareKnownDecimals(figure(a, sort.key as Exclude<Key, typeof nameKey>), figure(b, sort.key as Exclude<Key, typeof nameKey>), sort.descending),
  );
}

type SortableHeaderProps<Key extends string> = {
  column: Key;
  sort: SortState<Key>;
  onSort: (key: Key) => void;
  children: ReactNode;
  align?: "left" | "right";
};

/** A column heading that sorts the table: a real button, with the order announced through `aria-sort`. */
export function SortableHeader<Key extends string>({ column, sort, onSort, children, align = "left" }: SortableHeaderProps<Key>) {
  const active = sort.key === column;
  const Icon = !active ? IconArrowsSort : sort.descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th ta={align} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm" data-testid={`sort-${column}`}>
        <Group gap={4} wrap="nowrap" justify={align === "right" ? "flex-end" : "flex-start"}>
          {children}
          <Icon size={14} stroke={1.5} aria-hidden="true" opacity={active ? 1 : 0.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
