import { ScrollArea, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { formatUtcDateTime } from "../format/time";

export type FiguresColumn = {
  label: string;
  /** A figure (money, an amount): right-aligned in tabular figures. Text columns stay left. */
  numeric?: boolean;
};

export type FiguresRow = {
  key: string;
  /** One cell per column; a figure always with its unit. */
  cells: ReadonlyArray<ReactNode>;
};

type ChartFiguresProps = {
  /** The table's name: what the chart beside it shows. */
  "aria-label": string;
  columns: ReadonlyArray<FiguresColumn>;
  rows: ReadonlyArray<FiguresRow>;
  /** Taller tables scroll under their header. */
  maxHeight?: number;
  "data-testid"?: string;
};

/**
 * The exact figures a chart draws, as a small table beside it (each row `[data-testid='chart-row']`):
 * a canvas cannot be read, so this is the chart's accessible content. Styled as the allocation
 * charts' table of figures.
 */
export function ChartFigures({ "aria-label": label, columns, rows, maxHeight = 260, "data-testid": testId }: ChartFiguresProps) {
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
      <Table
        aria-label={label}
        stickyHeader
        fz="xs"
        verticalSpacing={4}
        horizontalSpacing="xs"
        withRowBorders={false}
        data-testid={testId ?? "chart-figures"}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} ta={column.numeric ? "right" : "left"} c="dimmed" fw={500}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid="chart-row">
              {row.cells.map((cell, index) =>
                columns[index]?.numeric ? (
                  <Table.Td key={index} ta="right" className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
                    {cell}
                  </Table.Td>
                ) : (
                  <Table.Td key={index}>{cell}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** A moment in a table of figures: its label (a local date), with the UTC time on hover. */
export function FigureTime({ iso, label }: { iso: string; label: string }) {
  return (
    <time dateTime={iso} title={formatUtcDateTime(iso)} className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
      {label}
    </time>
  );
}
