import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Chart } from "chart.js";
import { describe, expect, it } from "vitest";
import type { BudgetInput, BudgetView, PageInput, PriceInput, PriceQuery, PriceView, ReviewPolicy } from "../api";
import { appErrorFixture, pricesReply } from "../test/fixtures";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const year: BudgetView = {
  id: 1,
  currency: "USD",
  period: "2027",
  total: "20000",
  perSaleCap: "8000",
  maxSharePercent: "40",
  committed: "17000.5",
  left: "2999.5",
  committedPercent: "85",
  perSale: [
    { saleId: 3, projectName: "Aurora Network", committed: "12000.5", percentOfTotal: "60" },
    { saleId: 4, projectName: "Borealis", committed: "5000", percentOfTotal: "25" },
  ],
  unpriced: 1,
  input: { currency: "USD", period: "year", year: "2027", month: "", from: "", until: "", total: "20000", perSaleCap: "8000", maxSharePercent: "40" },
};

const ethPrice: PriceView = { id: 1, asset: "ETH", currency: "USD", price: "3012.5", observedAt: "2027-01-10T09:00:00Z", source: "manual" };

const month: BudgetView = {
  id: 2,
  currency: "EUR",
  period: "2027-03",
  total: "1000",
  perSaleCap: null,
  maxSharePercent: null,
  committed: "250",
  left: "750",
  committedPercent: "25",
  perSale: [{ saleId: 5, projectName: "Cassini", committed: "250", percentOfTotal: "25" }],
  unpriced: 0,
  input: { currency: "EUR", period: "month", year: "2027", month: "3", from: "", until: "", total: "1000", perSaleCap: "", maxSharePercent: "" },
};

const policy: ReviewPolicy = { minimumGrade: "C", blockingFlags: ["no_third_party_audit"], maxPriceAge: "7", maxPriceAgeUnit: "days", officialSourceRequired: false };

/** The cells of each row of a chart's table of figures, as text. */
function rowsOf(chart: HTMLElement): string[][] {
  return within(chart)
    .getAllByTestId("chart-bar")
    .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent ?? ""));
}

/** What Chart.js was given to draw on a canvas: each bar's length (percent of its track), and the dashed line. */
function drawnOn(canvas: HTMLElement): { lengths: unknown[]; limit: unknown } {
  const chart = Chart.getChart(canvas as HTMLCanvasElement);
  if (!chart) throw new Error("no chart was drawn on the canvas");
  return { lengths: chart.data.datasets[0]?.data ?? [], limit: chart.options.plugins?.limitLine?.percent };
}

function backendWith(budgets: BudgetView[], prices: PriceView[] = [ethPrice], overrides: Record<string, CommandHandler> = {}) {
  let current = budgets;
  let book = prices;
  let rules = policy;
  return fakeBackend({
    get_review_policy: () => rules,
    set_review_policy: (args) => {
      const { input } = args as { input: ReviewPolicy };
      if (!/^\d+$/.test(input.maxPriceAge)) {
        throw appErrorFixture({
          code: "invalid_amount",
          message: "maxPriceAge: a whole number of days",
          field: "maxPriceAge",
          invalidFields: [{ field: "maxPriceAge", code: "invalid_amount", message: "a whole number of days from 0 to 3650" }],
        });
      }
      rules = input;
      return rules;
    },
    list_budgets: () => current,
    ...pricesReply(() => book),
    add_budget: (args) => {
      const { input } = args as { input: BudgetInput };
      if (input.total.startsWith("-")) {
        throw appErrorFixture({
          code: "invalid_amount",
          message: "total: a positive number",
          field: "total",
          invalidFields: [{ field: "total", code: "invalid_amount", message: "a positive number with a dot for decimals, e.g. 5000 or 1999.99" }],
        });
      }
      const added: BudgetView = { ...year, id: 2, period: `${input.year}-0${input.month}`, total: input.total, committed: "0", committedPercent: "0", perSale: [], unpriced: 0 };
      current = [...current, added];
      return added;
    },
    update_budget: (args) => {
      const { id, input } = args as { id: number; input: BudgetInput };
      if (input.total.startsWith("-")) {
        throw appErrorFixture({
          code: "invalid_amount",
          message: "total: a positive number",
          field: "total",
          invalidFields: [{ field: "total", code: "invalid_amount", message: "a positive number with a dot for decimals, e.g. 5000 or 1999.99" }],
        });
      }
      const saved = current.find((budget) => budget.id === id);
      if (!saved) throw appErrorFixture({ code: "budget_not_found", message: `no budget with id ${id}` });
      const changed: BudgetView = { ...saved, total: input.total, perSaleCap: input.perSaleCap || null, input };
      current = current.map((budget) => (budget.id === id ? changed : budget));
      return changed;
    },
    remove_budget: (args) => {
      current = current.filter((budget) => budget.id !== (args as { id: number }).id);
      return null;
    },
    add_price: (args) => {
      const { input } = args as { input: PriceInput };
      const added: PriceView = { id: 2, asset: input.asset, currency: input.currency, price: input.price, observedAt: "2027-01-11T09:00:00Z", source: "manual" };
      book = [added, ...book];
      return added;
    },
    ...overrides,
  });
}

describe("the budget page", () => {
  it("shows committed against the total, per sale, and what could not be counted", async () => {
    backendWith([year]);
    renderApp("#/budget");
    const card = await screen.findByTestId("budget-card");
    expect(within(card).getByTestId("budget-committed")).toHaveTextContent("17,000.5 USD of 20,000 USD committed");
    expect(within(card).getByRole("progressbar", { name: "85 % of the 2027 budget committed" })).toBeInTheDocument();
    expect(card).toHaveTextContent("at most 8,000 USD per sale; at most 40 % of the total in one sale");
    expect(rowsOf(within(card).getByTestId("budget-per-sale"))).toEqual([
      ["Aurora Network", "12,000.5 USD", "60 %"],
      ["Borealis", "5,000 USD", "25 %"],
    ]);
    expect(card).toHaveTextContent("1 payment(s) of this period have no price in USD");
    expect(screen.getByTestId("price-row")).toHaveTextContent("3,012.5 USD");
    expect(within(screen.getByTestId("price-row")).getByTestId("price-source")).toHaveTextContent("Manual");
  });

  it("explains an empty page, adds a month's budget, and keeps a refused total at its input", async () => {
    const backend = backendWith([], []);
    const { user } = renderApp("#/budget");
    expect(await screen.findByTestId("budgets-empty")).toHaveTextContent("No budget yet");
    expect(screen.getByTestId("prices-empty")).toBeVisible();
    const form = screen.getByTestId("budget-form");
    await user.click(within(form).getByText("A month"));
    await user.type(within(form).getByRole("textbox", { name: "Month" }), "2");
    await user.type(within(form).getByRole("textbox", { name: "Total" }), "-5{Enter}");
    expect(await within(form).findByText("a positive number with a dot for decimals, e.g. 5000 or 1999.99")).toBeVisible();
    expect(within(form).getByRole("textbox", { name: "Total" })).toHaveValue("-5");

    await user.clear(within(form).getByRole("textbox", { name: "Total" }));
    await user.type(within(form).getByRole("textbox", { name: "Total" }), "1500{Enter}");
    await waitFor(() => expect(backend.callsTo("add_budget")).toHaveLength(2));
    expect((backend.callsTo("add_budget")[1]?.args as { input: BudgetInput }).input).toMatchObject({
      period: "month",
      month: "2",
      total: "1500",
      currency: "USD",
    });
    expect(await screen.findByTestId("budget-card")).toHaveTextContent("1,500 USD");
  });

  it("says where each price in the book came from: recorded, imported or fetched", async () => {
    backendWith([year], [
      { ...ethPrice, id: 3, price: "3050", observedAt: "2027-01-10T12:00:00Z", source: "api" },
      { ...ethPrice, id: 2, price: "3000", observedAt: "2027-01-10T10:00:00Z", source: "csv" },
      ethPrice,
    ]);
    renderApp("#/budget");
    const rows = await screen.findAllByTestId("price-row");
    expect(rows.map((row) => within(row).getByTestId("price-source").textContent)).toEqual(["API", "CSV", "Manual"]);
    expect(within(rows[1] as HTMLElement).getByTestId("price-source")).toHaveAttribute("title", "Imported from a price history CSV.");
  });

  it("draws only the prices in view, however many the imported history and the API add", async () => {
    const sources = ["api", "csv", "manual"] as const;
    const many: PriceView[] = Array.from({ length: 10_000 }, (_, index) => ({
      id: index + 1,
      asset: index % 2 === 0 ? "ETH" : "BTC",
      currency: "USD",
      price: `${1000 + index}.5`,
      observedAt: "2027-01-10T09:00:00Z",
      source: sources[index % 3] ?? "manual",
    }));
    backendWith([year], many);
    renderApp("#/budget");

    const table = await screen.findByRole("table", { name: "Price book" });
    await waitFor(() => expect(within(table).getAllByTestId("price-row").length).toBeGreaterThan(5));
    const rows = within(table).getAllByTestId("price-row");
    expect(rows.length).toBeLessThan(40);
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    expect(within(table).getAllByRole("columnheader").map((header) => header.textContent)).toEqual(["Asset", "Price", "Seen", "Source"]);
    const firstRows = rows.slice(0, 3).map((row) => {
      const [asset, price] = within(row).getAllByRole("cell");
      return [asset?.textContent, price?.textContent, within(row).getByTestId("price-source").textContent, row.getAttribute("aria-rowindex")];
    });
    expect(firstRows).toEqual([
      ["ETH", "1,000.5 USD", "API", "2"],
      ["BTC", "1,001.5 USD", "CSV", "3"],
      ["ETH", "1,002.5 USD", "Manual", "4"],
    ]);
    // Prices line up: right-aligned, with tabular figures.
    const priceCell = within(rows[0] as HTMLElement).getAllByRole("cell")[1];
    expect(priceCell).toHaveClass("tabular-nums");
    expect(priceCell).toHaveStyle({ textAlign: "right" });
  });

  it("reads the price book a page at a time as it scrolls, and filters and orders it in the backend", async () => {
    const many: PriceView[] = Array.from({ length: 10_000 }, (_, index) => ({
      ...ethPrice,
      id: index + 1,
      asset: index % 4 === 0 ? "BTC" : "ETH",
      price: `${index}`,
    }));
    // Pages after the first wait until released, so the rows still unread can be seen.
    const waiting: Array<() => void> = [];
    const answer = pricesReply(() => many).list_prices;
    const backend = backendWith([year], many, {
      list_prices: (args) => {
        const reply = answer?.(args);
        const { page } = args as { page: PageInput };
        return page.offset === 0 ? reply : new Promise((resolve) => waiting.push(() => resolve(reply)));
      },
    });
    const { user } = renderApp("#/budget");
    const table = await screen.findByRole("table", { name: "Price book" });
    expect(screen.getByTestId("prices-filters")).toHaveTextContent("10,000 prices");
    const asked = () => backend.callsTo("list_prices").map((call) => call.args as { query: PriceQuery; page: PageInput });
    expect(asked().map((call) => call.page)).toEqual([{ offset: 0, limit: 200 }]);

    const scroll = screen.getByRole("region", { name: "Price book" });
    Object.defineProperty(scroll, "scrollTop", { configurable: true, value: 53 * 5000 });
    fireEvent.scroll(scroll);
    await waitFor(() => expect(asked().map((call) => call.page.offset)).toContain(5000));
    // Rows of a page not read yet are placeholders, busy, in their place.
    const unread = await within(table).findAllByTestId("price-row-unread");
    expect(unread[0]).toHaveAttribute("aria-busy", "true");
    expect(Number(unread[0]?.getAttribute("aria-rowindex"))).toBeGreaterThan(4900);
    waiting.forEach((release) => release());
    await waitFor(() => expect(within(table).queryAllByTestId("price-row-unread")).toHaveLength(0));
    expect(within(table).getByRole("row", { name: /5,000 USD/ })).toHaveAttribute("aria-rowindex", "5002");

    const filters = screen.getByTestId("prices-filters");
    await user.click(within(filters).getByRole("combobox", { name: "Asset" }));
    await user.click(await screen.findByRole("option", { name: "BTC" }));
    await waitFor(() => expect(filters).toHaveTextContent("2,500 prices"));
    await user.click(within(filters).getByText("Oldest first"));
    await waitFor(() => expect(asked().at(-1)?.query).toEqual({ asset: "BTC", currency: "", order: "oldestFirst" }));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Price book" })).getAllByTestId("price-row")[0]).toHaveTextContent("9,996 USD"));
    // A new filter starts from the first page, at the top.
    expect(asked().at(-1)?.page).toEqual({ offset: 0, limit: 200 });
  });

  it("edits a budget in its dialog, filled in, and keeps a refused change at its input", async () => {
    const backend = backendWith([year, month]);
    const { user } = renderApp("#/budget");
    await user.click(await screen.findByRole("button", { name: "Edit the 2027 budget" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit the 2027 budget" });
    const total = within(dialog).getByRole("textbox", { name: "Total" });
    expect(total).toHaveValue("20000");
    expect(within(dialog).getByRole("textbox", { name: "Cap per sale" })).toHaveValue("8000");
    expect(within(dialog).getByRole("textbox", { name: "Year" })).toHaveValue("2027");

    await user.clear(total);
    await user.type(total, "-1{Enter}");
    expect(await within(dialog).findByText("a positive number with a dot for decimals, e.g. 5000 or 1999.99")).toBeVisible();
    expect(within(dialog).getByText("The budget was not saved")).toBeVisible();
    expect(total).toHaveValue("-1");

    await user.clear(total);
    await user.type(total, "25000");
    await user.clear(within(dialog).getByRole("textbox", { name: "Cap per sale" }));
    await user.click(within(dialog).getByRole("button", { name: "Save budget" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.callsTo("update_budget")[1]?.args).toEqual({ id: 1, input: { ...year.input, total: "25000", perSaleCap: "" } });
    const cards = await screen.findAllByTestId("budget-card");
    await waitFor(() => expect(within(cards[0] as HTMLElement).getByTestId("budget-committed")).toHaveTextContent("of 25,000 USD committed"));
    expect(cards[0]).toHaveTextContent("at most 40 % of the total in one sale");
    expect(cards[0]).not.toHaveTextContent("8,000 USD per sale");
    expect(cards[1]).toHaveTextContent("1,000 EUR");
  });

  it("removes a budget after asking, and records a price", async () => {
    const backend = backendWith([year]);
    const { user } = renderApp("#/budget");
    await user.click(await screen.findByRole("button", { name: "Remove" }));
    await user.click(await screen.findByTestId("confirm-remove-budget"));
    expect(await screen.findByTestId("budgets-empty")).toBeVisible();
    expect(backend.callsTo("remove_budget")[0]?.args).toEqual({ id: 1 });

    const prices = screen.getByTestId("price-form");
    await user.clear(within(prices).getByRole("textbox", { name: "Price" }));
    await user.type(within(prices).getByRole("textbox", { name: "Price" }), "3100");
    await user.type(within(prices).getByRole("textbox", { name: /Seen at/ }), "2027-01-11 09:00{Enter}");
    await waitFor(() => expect(screen.getAllByTestId("price-row")).toHaveLength(2));
    expect(backend.callsTo("add_price")[0]?.args).toEqual({
      input: { asset: "ETH", currency: "USD", price: "3100", observedAt: "2027-01-11 09:00" },
    });
  });

  it("charts committed against the total per budget, and each sale's part, with the exact figures as text", async () => {
    backendWith([year, month]);
    renderApp("#/budget");

    const overview = await screen.findByTestId("budget-overview");
    const overviewCanvas = within(overview).getByRole("img");
    expect(overviewCanvas.tagName).toBe("CANVAS");
    expect(overviewCanvas).toHaveAccessibleName(
      "Committed against the total, per budget: 2027: 17,000.5 USD committed of 20,000 USD (85 %); 2027-03: 250 EUR committed of 1,000 EUR (25 %).",
    );
    await waitFor(() => expect(drawnOn(overviewCanvas)).toEqual({ lengths: [85, 25], limit: null }));
    expect(rowsOf(overview)).toEqual([
      ["2027", "17,000.5 USD", "20,000 USD", "85 %"],
      ["2027-03", "250 EUR", "1,000 EUR", "25 %"],
    ]);
    expect(within(overview).getByRole("table", { name: "Committed against the total, per budget" })).toBeInTheDocument();

    const [yearCard] = screen.getAllByTestId("budget-card");
    const perSale = within(yearCard as HTMLElement).getByTestId("budget-per-sale");
    const perSaleCanvas = within(perSale).getByRole("img");
    expect(perSaleCanvas).toHaveAccessibleName(
      "What each sale commits of the 2027 budget: Aurora Network: 12,000.5 USD committed, 60 % of the 20,000 USD total; " +
        "Borealis: 5,000 USD committed, 25 % of the 20,000 USD total; the dashed line is your largest share per sale, at 40 %.",
    );
    await waitFor(() => expect(drawnOn(perSaleCanvas)).toEqual({ lengths: [60, 25], limit: 40 }));
    const figures = within(perSale).getByRole("table", { name: "What each sale commits of the 2027 budget" });
    expect(within(figures).getByRole("link", { name: "Aurora Network" })).toHaveAttribute("href", "#/sales/3");
    expect(yearCard).toHaveTextContent("The dashed line is your largest share per sale: 40 % of the total.");
  });

  it("writes no percentage where there is none, and says so in the chart's summary", async () => {
    const empty: BudgetView = {
      ...month,
      id: 3,
      period: "2027-04",
      total: "0",
      committed: "0",
      committedPercent: null,
      perSale: [{ saleId: 6, projectName: "Dione", committed: "0", percentOfTotal: null }],
    };
    backendWith([empty]);
    renderApp("#/budget");

    const overview = await screen.findByTestId("budget-overview");
    expect(within(overview).getByRole("img")).toHaveAccessibleName(
      "Committed against the total, per budget: 2027-04: 0 EUR committed of 0 EUR (percentage unknown).",
    );
    await waitFor(() => expect(drawnOn(within(overview).getByRole("img"))).toEqual({ lengths: [null], limit: null }));
    expect(rowsOf(overview)).toEqual([["2027-04", "0 EUR", "0 EUR", ""]]);
    expect(overview).not.toHaveTextContent("%");

    const card = screen.getByTestId("budget-card");
    expect(within(card).getByRole("progressbar", { name: "The 2027-04 budget: percentage committed unknown" })).toBeInTheDocument();
    expect(within(card).getByTestId("budget-per-sale")).not.toHaveTextContent("%");
    expect(within(within(card).getByTestId("budget-per-sale")).getByRole("img")).toHaveAccessibleName(
      "What each sale commits of the 2027-04 budget: Dione: 0 EUR committed of the 0 EUR total, percentage unknown.",
    );
    expect(card).not.toHaveTextContent("—");
  });

  it("saves the review rules, and keeps a refused staleness limit at its input", async () => {
    const backend = backendWith([year]);
    const { user } = renderApp("#/budget");

    const rules = await screen.findByTestId("review-rules-form");
    const grade = within(rules).getByRole("combobox", { name: "Minimum grade" });
    expect(grade).toHaveValue("C");
    expect(within(rules).getByRole("checkbox", { name: "No third-party audit" })).toBeChecked();
    expect(within(rules).getByRole("checkbox", { name: "Anonymous or inexperienced team" })).not.toBeChecked();

    await user.selectOptions(grade, "B or better");
    await user.click(within(rules).getByRole("checkbox", { name: "Anonymous or inexperienced team" }));
    const days = within(rules).getByRole("textbox", { name: "Price staleness limit" });
    await user.clear(days);
    await user.type(days, "a week{Enter}");

    await waitFor(() => expect(days).toHaveAttribute("aria-invalid", "true"));
    expect(days).toHaveAccessibleDescription(expect.stringContaining("a whole number of days from 0 to 3650"));
    expect(days).toHaveValue("a week");
    expect(grade).toHaveValue("B");
    expect(within(rules).getByRole("checkbox", { name: "Anonymous or inexperienced team" })).toBeChecked();

    await user.clear(days);
    await user.type(days, "36");
    await user.selectOptions(within(rules).getByRole("combobox", { name: "Unit of the staleness limit" }), "hours");
    await user.click(within(rules).getByRole("button", { name: "Save rules" }));
    await waitFor(() => expect(backend.callsTo("set_review_policy")).toHaveLength(2));
    expect(backend.callsTo("set_review_policy")[1]?.args).toEqual({
      input: {
        minimumGrade: "B",
        blockingFlags: ["no_third_party_audit", "anonymous_or_inexperienced_team"],
        maxPriceAge: "36",
        maxPriceAgeUnit: "hours",
        officialSourceRequired: false,
      },
    });
    expect(await screen.findByText("Review rules saved")).toBeInTheDocument();
    expect(days).not.toHaveAttribute("aria-invalid", "true");
  });
});
