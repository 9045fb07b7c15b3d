import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture, ethAmount, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const threeSales = [
  saleFixture({
    id: 1,
    projectName: "Bravo",
    status: "open",
    startsAt: "2026-11-20T10:00:00Z",
    hardCap: ethAmount("20", "20000000000000000000"),
  }),
  saleFixture({
    id: 2,
    projectName: "Charlie",
    status: "upcoming",
    startsAt: "2026-12-05T10:00:00Z",
    hardCap: ethAmount("1000.5", "1000500000000000000000"),
  }),
  saleFixture({
    id: 3,
    projectName: "Alpha",
    status: "ended",
    startsAt: "2026-10-01T10:00:00Z",
    hardCap: ethAmount("999.999999999999999999", "999999999999999999999"),
  }),
];

function projectNamesInRows(): string[] {
  return screen.getAllByTestId("sale-row").map((row) => within(row).getAllByRole("cell")[0]?.textContent ?? "");
}

describe("the sales list", () => {
  it("shows one row per sale from list_sales, with status as icon and word and amounts with their unit", async () => {
    const backend = fakeBackend({ list_sales: () => threeSales });
    renderApp("#/sales");

    const rows = await screen.findAllByTestId("sale-row");
    expect(rows).toHaveLength(3);
    expect(backend.callsTo("list_sales")).toHaveLength(1);

    const bravo = rows.find((row) => row.textContent?.includes("Bravo"));
    if (!bravo) throw new Error("the Bravo row is missing");
    expect(within(bravo).getByText("Open")).toBeInTheDocument();
    expect(within(bravo).getByText("20 ETH")).toBeInTheDocument();
    // Full precision, grouped digits, no float rounding.
    expect(screen.getByText("999.999999999999999999 ETH")).toBeInTheDocument();
    expect(screen.getByText("1,000.5 ETH")).toHaveAttribute("title", expect.stringContaining("1000500000000000000000 base units"));
    // Local time shown, UTC on hover (tests run with TZ=UTC).
    const start = within(bravo).getByText((_, element) => element?.tagName === "TIME" && element.getAttribute("datetime") === "2026-11-20T10:00:00Z");
    expect(start).toHaveAttribute("title", "2026-11-20 10:00 UTC");
  });

  it("marks archived sales as such", async () => {
    fakeBackend({
      list_sales: () => [
        ...threeSales,
        saleFixture({ id: 4, projectName: "Delta", status: "ended", archivedAt: "2026-11-15T09:00:00Z" }),
      ],
    });
    renderApp("#/sales");

    const rows = await screen.findAllByTestId("sale-row");
    const archivedRows = rows.filter((row) => within(row).queryByTestId("archived-badge") !== null);
    expect(archivedRows).toHaveLength(1);
    expect(archivedRows[0]).toHaveTextContent("Delta");
    expect(within(archivedRows[0] as HTMLElement).getByTestId("archived-badge")).toHaveTextContent("Archived");
  });

  it("is sorted by start time at first and re-sorts when a column header is clicked", async () => {
    fakeBackend({ list_sales: () => threeSales });
    const { user } = renderApp("#/sales");
    await screen.findAllByTestId("sale-row");

    expect(projectNamesInRows()).toEqual(["Alpha", "Bravo", "Charlie"]);
    const startsHeader = screen.getByRole("columnheader", { name: /Starts/ });
    expect(startsHeader).toHaveAttribute("aria-sort", "ascending");

    await user.click(screen.getByRole("button", { name: /Hard cap/ }));
    expect(projectNamesInRows()).toEqual(["Bravo", "Alpha", "Charlie"]);
    expect(screen.getByRole("columnheader", { name: /Hard cap/ })).toHaveAttribute("aria-sort", "ascending");
    expect(startsHeader).toHaveAttribute("aria-sort", "none");

    await user.click(screen.getByRole("button", { name: /Hard cap/ }));
    expect(projectNamesInRows()).toEqual(["Charlie", "Alpha", "Bravo"]);
    expect(screen.getByRole("columnheader", { name: /Hard cap/ })).toHaveAttribute("aria-sort", "descending");
  });

  it("sorts from the keyboard too", async () => {
    fakeBackend({ list_sales: () => threeSales });
    const { user } = renderApp("#/sales");
    await screen.findAllByTestId("sale-row");

    screen.getByRole("button", { name: /Status/ }).focus();
    await user.keyboard("{Enter}");
    // Lifecycle order, not alphabetical: upcoming, open, ended.
    expect(projectNamesInRows()).toEqual(["Charlie", "Bravo", "Alpha"]);
  });

  it("says what to do when there are no sales yet", async () => {
    fakeBackend({ list_sales: () => [] });
    renderApp("#/sales");

    expect(await screen.findByText("Add the first sale you are following")).toBeInTheDocument();
    expect(screen.queryByTestId("sales-table")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("add-sale")).toHaveLength(1);
  });

  it("says what happened and what to try when the sales cannot be loaded", async () => {
    fakeBackend({
      list_sales: () => {
        throw appErrorFixture({ code: "storage_failed", message: "The database could not be read." });
      },
    });
    renderApp("#/sales");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The database could not be read.");
    expect(alert).toHaveTextContent("Check that the disk is not full");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.queryByTestId("add-sale"), "no way to add what could not be saved").toBeNull();
  });

  it("opens a sale's terms when its row is clicked or Enter is pressed on it", async () => {
    const [bravo] = threeSales;
    if (!bravo) throw new Error("fixture missing");
    const backend = fakeBackend({
      list_sales: () => threeSales,
      list_participations: () => [],
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: (args) => {
        const wanted = (args as { id: number }).id;
        return threeSales.find((sale) => sale.id === wanted);
      },
    });
    const { user } = renderApp("#/sales");
    const rows = await screen.findAllByTestId("sale-row");

    await user.click(rows[1] as HTMLElement); // Bravo, second by start time
    expect(await screen.findByRole("heading", { level: 1, name: "Bravo" })).toBeInTheDocument();
    expect(screen.getByTestId("address")).toHaveTextContent(bravo.contributionAddress);
    expect(backend.callsTo("get_sale").at(-1)?.args).toEqual({ id: 1 });

    await user.click(screen.getByRole("link", { name: "All sales" }));
    const rowsAgain = await screen.findAllByTestId("sale-row");
    (rowsAgain[2] as HTMLElement).focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Charlie" })).toBeInTheDocument();
    expect(backend.callsTo("get_sale").at(-1)?.args).toEqual({ id: 2 });
  });
});
