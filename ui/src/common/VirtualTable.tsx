import { Box, Skeleton, Table, type MantineSpacing } from "@mantine/core";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type Key, type ReactNode } from "react";

/** One column of a `VirtualTable`: its header, and what each row shows in it. */
export type VirtualColumn<T> = {
  /** The header's text; also the column's React key, so unique in its table. */
  header: string;
  /** The header says its name to screen readers only (e.g. a column of buttons). */
  headerHidden?: boolean;
  /** Amounts, prices, counts: right-aligned, with tabular figures. */
  numeric?: boolean;
  /** The cell's text never wraps (e.g. "3,012.5 USD"). */
  noWrap?: boolean;
  cell: (row: T) => ReactNode;
};

export type VirtualTableProps<T> = {
  /** The table's accessible name (also the name of its scroll region). */
  label: string;
  /** How many rows the list holds, drawn or not. */
  rowCount: number;
  /** The row at a place in the list; none while its page is still being read (drawn as a placeholder). */
  rowAt: (index: number) => T | undefined;
  /** Told the first and last place drawn whenever they change, so a paged list reads the pages in view. */
  onRowsShown?: (first: number, last: number) => void;
  rowKey: (row: T) => Key;
  columns: ReadonlyArray<VirtualColumn<T>>;
  /** Pixels per row, as drawn: the estimate until each shown row is measured. */
  rowHeight: number;
  /** The scroll area's largest height, in pixels. */
  maxHeight: number;
  minWidth?: number;
  verticalSpacing?: MantineSpacing;
  /** Test ids of the table, its scroll area and each row. */
  testIds: { table: string; scroll?: string; row: string };
};

/** Rows drawn beyond the visible ones on each side, so a short scroll shows no gap. */
const overscan = 8;

/** The rows of an array, as a `VirtualTable` reads them. */
export function arrayRows<T>(rows: ReadonlyArray<T>): Pick<VirtualTableProps<T>, "rowCount" | "rowAt"> {
  return { rowCount: rows.length, rowAt: (index) => rows[index] };
}

/**
 * A table that draws only the rows in view (with a spacer row above and below for the rest),
 * so a million rows scroll as smoothly as ten; a row not read yet (a paged list) is a placeholder
 * until its page arrives. It scrolls on its own under a sticky header; screen readers still hear
 * the full count (`aria-rowcount`) and each row's place in it.
 * Where nothing is laid out (jsdom), it shows a window's worth of rows at their estimated height.
 */
export function VirtualTable<T>({ label, rowCount, rowAt, onRowsShown, rowKey, columns, rowHeight, maxHeight, minWidth, verticalSpacing = "xs", testIds }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The scroll area's size until it has one (before layout, or where nothing is laid out).
  const unlaidOut = { width: 900, height: maxHeight };
  // eslint-disable-next-line react-hooks/incompatible-library -- a React Compiler notice (it would skip memoizing this component); this app does not use the compiler, and the virtualizer is read afresh on each render, never memoized
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: unlaidOut,
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : unlaidOut)),
    // A row not laid out (height 0) keeps the estimate rather than collapsing the list.
    measureElement: (element) => element.getBoundingClientRect().height || rowHeight,
  });
  const shown = virtualizer.getVirtualItems();
  const firstShown = shown[0]?.index ?? 0;
  const lastShown = shown[shown.length - 1]?.index ?? 0;
  useEffect(() => onRowsShown?.(firstShown, lastShown), [onRowsShown, firstShown, lastShown]);
  const before = shown[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (shown[shown.length - 1]?.end ?? 0);
  const spacer = (height: number) => (
    <tr aria-hidden="true">
      <td colSpan={columns.length} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
  return (
    // Focusable, so the keyboard can scroll it even when its rows hold no control.
    <Box ref={scrollRef} mah={maxHeight} style={{ overflow: "auto" }} role="region" aria-label={label} tabIndex={0} data-testid={testIds.scroll}>
      <Table verticalSpacing={verticalSpacing} fz="sm" aria-label={label} aria-rowcount={rowCount + 1} data-testid={testIds.table} miw={minWidth} stickyHeader>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {columns.map((column) =>
              column.headerHidden ? (
                <Table.Th key={column.header} aria-label={column.header} />
              ) : (
                <Table.Th key={column.header} ta={column.numeric ? "right" : undefined}>
                  {column.header}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && spacer(before)}
          {shown.map((item) => {
            const row = rowAt(item.index);
            if (row === undefined) {
              return (
                <Table.Tr key={`unread-${item.index}`} data-testid={`${testIds.row}-unread`} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2} aria-busy="true">
                  <Table.Td colSpan={columns.length}>
                    <Skeleton height={Math.max(rowHeight - 24, 12)} radius="sm" aria-label="Loading this row" />
                  </Table.Td>
                </Table.Tr>
              );
            }
            return (
              // Keyed by place and row: pages read again after a change may briefly hold a row twice.
              <Table.Tr key={`${item.index}:${rowKey(row)}`} data-testid={testIds.row} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
                {columns.map((column) => (
                  <Table.Td key={column.header} ta={column.numeric ? "right" : undefined} className={column.numeric ? "tabular-nums" : undefined} style={column.noWrap ? { whiteSpace: "nowrap" } : undefined}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {after > 0 && spacer(after)}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
