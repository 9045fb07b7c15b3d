import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderComponent } from "../test/renderComponent";
import { arrayRows, VirtualTable, type VirtualColumn } from "./VirtualTable";

type Row = { id: number; name: string; value: string };

const rows: Row[] = Array.from({ length: 10_000 }, (_, index) => ({ id: index + 1, name: `Row ${index + 1}`, value: `${index + 1}.5` }));

const columns: ReadonlyArray<VirtualColumn<Row>> = [
  { header: "Name", cell: (row) => row.name },
  { header: "Value", numeric: true, noWrap: true, cell: (row) => row.value },
  { header: "Actions", headerHidden: true, cell: (row) => <button type="button">Open {row.name}</button> },
];

function renderTable(shown: ReadonlyArray<Row> = rows) {
  return renderComponent(
    <VirtualTable label="Things" {...arrayRows(shown)} rowKey={(row) => row.id} columns={columns} rowHeight={50} maxHeight={500} testIds={{ table: "things-table", scroll: "things-scroll", row: "thing-row" }} />,
  );
}

/** The first cell of each row drawn. */
function names(table: HTMLElement): string[] {
  return within(table)
    .getAllByTestId("thing-row")
    .map((row) => within(row).getAllByRole("cell")[0]?.textContent ?? "");
}

describe("a virtual table", () => {
  it("draws a window of rows, and tells screen readers how many there are and where each stands", () => {
    renderTable();
    const table = screen.getByRole("table", { name: "Things" });
    const drawn = within(table).getAllByTestId("thing-row");
    // 500 px of 50 px rows, and 8 more below for a short scroll.
    expect(drawn).toHaveLength(18);
    expect(names(table).slice(0, 2)).toEqual(["Row 1", "Row 2"]);
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    expect(drawn.map((row) => row.getAttribute("aria-rowindex")).slice(0, 2)).toEqual(["2", "3"]);

    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((header) => header.textContent)).toEqual(["Name", "Value", ""]);
    expect(headers[2]).toHaveAccessibleName("Actions");
    expect(headers[1]).toHaveStyle({ textAlign: "right" });
    const value = within(drawn[0] as HTMLElement).getAllByRole("cell")[1];
    expect(value).toHaveClass("tabular-nums");
    expect(value).toHaveStyle({ textAlign: "right", whiteSpace: "nowrap" });

    // The rows not drawn keep their room, in a spacer hidden from screen readers.
    const spacers = table.querySelectorAll("tbody > tr[aria-hidden='true']");
    expect(spacers).toHaveLength(1);
    expect(spacers[0]?.querySelector("td")).toHaveAttribute("colspan", "3");
  });

  it("draws the rows scrolled to, and none of those scrolled past", async () => {
    renderTable();
    const scroll = screen.getByRole("region", { name: "Things" });
    expect(scroll).toHaveAttribute("tabindex", "0");
    // jsdom does not scroll: the offset is set by hand, then announced.
    Object.defineProperty(scroll, "scrollTop", { configurable: true, value: 50 * 5000 });
    fireEvent.scroll(scroll);

    const table = screen.getByRole("table", { name: "Things" });
    await waitFor(() => expect(names(table)).toContain("Row 5001"));
    expect(names(table)).not.toContain("Row 1");
    expect(within(table).getAllByTestId("thing-row").length).toBeLessThan(40);
    expect(table.querySelectorAll("tbody > tr[aria-hidden='true']")).toHaveLength(2);
    expect(within(table).getByRole("row", { name: /Row 5001/ })).toHaveAttribute("aria-rowindex", "5002");
  });

  it("draws every row of a short list, with no spacer", () => {
    renderTable(rows.slice(0, 3));
    const table = screen.getByRole("table", { name: "Things" });
    expect(names(table)).toEqual(["Row 1", "Row 2", "Row 3"]);
    expect(table.querySelectorAll("tbody > tr[aria-hidden='true']")).toHaveLength(0);
  });
});
