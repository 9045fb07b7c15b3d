import { screen, waitFor, within } from "@testing-library/react";
import { Chart } from "chart.js";
import { describe, expect, it } from "vitest";
import type { PortfolioCharts } from "../api";
import { formatLocalDate } from "../format/time";
import { appErrorFixture, portfolioFixture, priceSourcesFixture, tradesReply } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import {
  budgetChartFixture,
  emptyChartsFixture,
  partlyPricedUnlocksFixture,
  portfolioChartsFixture,
} from "../test/portfolioChartsFixtures";
import { renderApp } from "../test/renderApp";
import { monthLabel } from "./chartFormat";

function backendWith(charts: () => PortfolioCharts) {
  return fakeBackend({ get_portfolio: () => portfolioFixture(), ...tradesReply([]), get_price_sources: () => priceSourcesFixture(), get_portfolio_charts: charts });
}

/** The cells of each row of a chart's table of figures, as text. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByTestId("chart-row")
    .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent ?? ""));
}

/** What Chart.js was given to draw on a canvas. */
function chartOn<Type extends "line" | "bar">(canvas: HTMLElement): Chart<Type> {
  const chart = Chart.getChart(canvas as HTMLCanvasElement) as Chart<Type> | undefined;
  if (!chart) throw new Error("no chart was drawn on the canvas");
  return chart;
}

describe("the portfolio's charts over time", () => {
  it("draws the value over time with every point in its table, and marks the points that leave a holding out", async () => {
    backendWith(() => portfolioChartsFixture());
    renderApp("#/portfolio");

    const card = await screen.findByTestId("value-over-time");
    const table = within(card).getByRole("table", { name: "Portfolio value over time" });
    expect(rowsOf(table)).toEqual([
      [formatLocalDate("2026-12-01T12:00:00Z"), "3,000 USD", "None"],
      [formatLocalDate("2026-12-20T12:00:00Z"), "3,500.25 USD", "ZED"],
      [formatLocalDate("2027-01-10T12:00:00Z"), "4,600 USD", "None"],
    ]);
    // A missing price is said in words, never drawn as zero.
    expect(within(card).getByTestId("value-unpriced-note")).toHaveTextContent(
      "Some holdings had no price thenZED — left out of the value at 1 of the 3 points",
    );
    const canvas = within(card).getByRole("img");
    expect(canvas.tagName).toBe("CANVAS");
    expect(canvas).toHaveAccessibleName(/^Portfolio value over time in USD: 3 points from .* \(3,000 USD\) to .* \(4,600 USD\); at 1 of them some holdings had no price/);
    await waitFor(() => expect(chartOn(canvas).data.datasets[0]?.data).toEqual([3000, 3500.25, 4600]));
    expect(chartOn<"line">(canvas).data.datasets[0]?.pointStyle).toEqual(["circle", "triangle", "circle"]);
  });

  it("draws the budget's use as steps against a line at its total, with each step in its table", async () => {
    backendWith(() => portfolioChartsFixture());
    renderApp("#/portfolio");

    const card = await screen.findByTestId("budget-use");
    expect(within(card).getByTestId("budget-use-caption")).toHaveTextContent("the dashed line is the budget, 20,000 USD.");
    expect(rowsOf(within(card).getByRole("table", { name: "Budget use over 2027" }))).toEqual([
      [formatLocalDate("2027-01-10T12:00:00Z"), "12,000.5 USD", "Yes"],
      [formatLocalDate("2027-02-05T12:00:00Z"), "12,000.5 USD", "No — a payment had no price"],
      [formatLocalDate("2027-03-01T12:00:00Z"), "11,000.5 USD", "No — a payment had no price"],
    ]);
    expect(within(card).getByTestId("budget-use-incomplete")).toHaveTextContent("a payment with no price in USD is left out of what is committed");

    const canvas = within(card).getByRole("img");
    expect(canvas).toHaveAccessibleName(/^Budget use over 2027: 11,000\.5 USD committed after 3 contributions and refunds, against a budget of 20,000 USD/);
    await waitFor(() => expect(chartOn(canvas).data.datasets).toHaveLength(2));
    const [committed, budget] = chartOn(canvas).data.datasets;
    // From the period's start (nothing committed), then each step.
    // On a time axis: steps weeks apart are drawn weeks apart.
    const at = (iso: string) => Date.parse(iso);
    expect(committed?.data).toEqual([
      { x: at("2027-01-01T00:00:00Z"), y: 0 },
      { x: at("2027-01-10T12:00:00Z"), y: 12000.5 },
      { x: at("2027-02-05T12:00:00Z"), y: 12000.5 },
      { x: at("2027-03-01T12:00:00Z"), y: 11000.5 },
    ]);
    expect(committed?.label).toBe("Committed");
    expect(budget?.label).toBe("Budget: 20,000 USD");
    // The budget's line runs from the period's start to its end.
    expect(budget?.data).toEqual([
      { x: at("2027-01-01T00:00:00Z"), y: 20000 },
      { x: at("2028-01-01T00:00:00Z"), y: 20000 },
    ]);
  });

  it("stacks the unlocks by value when every token has a price, each token and month in its table", async () => {
    backendWith(() => portfolioChartsFixture());
    renderApp("#/portfolio");

    const card = await screen.findByTestId("unlock-calendar");
    expect(rowsOf(within(card).getByRole("table", { name: "Unlocks by month" }))).toEqual([
      [monthLabel("2027-02"), "AUR", "300 AUR", "1,200 USD"],
      [monthLabel("2027-03"), "AUR", "300 AUR", "1,200 USD"],
      [monthLabel("2027-03"), "BOR", "50.5 BOR", "101 USD"],
    ]);
    expect(within(card).queryByTestId("unlock-amounts-note")).not.toBeInTheDocument();
    const canvas = within(card).getByRole("img");
    await waitFor(() => expect(chartOn(canvas).data.datasets.map((set) => [set.label, set.data])).toEqual([
      ["AUR", [1200, 1200]],
      ["BOR", [null, 101]],
    ]));
    expect(chartOn<"bar">(canvas).options.scales?.y?.stacked).toBe(true);
    expect(canvas).toHaveAccessibleName(/by value in USD at today's price, stacked by token/);
  });

  it("shows token amounts instead when a token has no price, and says why", async () => {
    backendWith(() => portfolioChartsFixture({ unlocks: partlyPricedUnlocksFixture }));
    renderApp("#/portfolio");

    const card = await screen.findByTestId("unlock-calendar");
    expect(within(card).getByTestId("unlock-amounts-note")).toHaveTextContent("BOR has no price in USD, so the chart shows how many tokens unlock");
    expect(rowsOf(within(card).getByRole("table", { name: "Unlocks by month" }))).toEqual([
      [monthLabel("2027-02"), "AUR", "300 AUR", "1,200 USD"],
      [monthLabel("2027-03"), "AUR", "300 AUR", "1,200 USD"],
      [monthLabel("2027-03"), "BOR", "50.5 BOR", "No price"],
    ]);
    const canvas = within(card).getByRole("img");
    await waitFor(() => expect(chartOn(canvas).data.datasets.map((set) => [set.label, set.data])).toEqual([
      ["AUR", [300, 300]],
      ["BOR", [null, 50.5]],
    ]));
    // Amounts of different tokens do not add up: side by side, not stacked.
    expect(chartOn<"bar">(canvas).options.scales?.y?.stacked).toBe(false);
    expect(canvas).toHaveAccessibleName(/by token amount, as some tokens have no price/);
  });

  it("says what to do next when there is nothing to chart", async () => {
    backendWith(() => emptyChartsFixture());
    renderApp("#/portfolio");

    expect(await screen.findByTestId("value-over-time-empty")).toHaveTextContent("Nothing recorded yet");
    expect(screen.getByTestId("budget-use-empty")).toHaveTextContent("No budget for now");
    expect(within(screen.getByTestId("budget-use")).getByRole("link", { name: "Go to Budget" })).toHaveAttribute("href", "#/budget");
    expect(screen.getByTestId("unlock-calendar-empty")).toHaveTextContent("No unlocks in the next twelve months");
    expect(screen.getByTestId("unlock-calendar-empty")).toHaveTextContent("set a token's vesting plan on its participation");
    expect(within(screen.getByTestId("unlock-calendar")).getByRole("link", { name: "Go to participations" })).toHaveAttribute("href", "#/participations");
    expect(within(screen.getByTestId("portfolio-over-time")).queryByRole("img")).not.toBeInTheDocument();
  });

  it("says nothing is committed yet when the budget has no steps", async () => {
    backendWith(() => emptyChartsFixture({ budget: { ...budgetChartFixture, steps: [] } }));
    renderApp("#/portfolio");

    const card = await screen.findByTestId("budget-use");
    expect(within(card).getByTestId("budget-use-nothing")).toHaveTextContent("Nothing committed in 2027 yet.");
    expect(within(card).getByTestId("budget-use-caption")).toHaveTextContent("The 2027 budget is 20,000 USD.");
    expect(within(card).queryByRole("img")).not.toBeInTheDocument();
  });

  it("asks for the charts again with the portfolio, in the new currency", async () => {
    let currency = "USD";
    const backend = fakeBackend({
      get_portfolio: () => portfolioFixture({ currency }),
      ...tradesReply([]),
      get_price_sources: () => priceSourcesFixture(),
      get_portfolio_charts: () => portfolioChartsFixture({ currency }),
      set_portfolio_currency: (args) => {
        currency = (args as { currency: string }).currency.toUpperCase();
        return currency;
      },
    });
    const { user } = renderApp("#/portfolio");
    const form = await screen.findByTestId("currency-form");
    await screen.findByTestId("value-over-time");
    const asked = backend.callsTo("get_portfolio_charts").length;

    await user.clear(within(form).getByLabelText("Currency"));
    await user.type(within(form).getByLabelText("Currency"), "eur");
    await user.click(within(form).getByRole("button", { name: "Show in this currency" }));
    await waitFor(() => expect(backend.callsTo("get_portfolio_charts").length).toBeGreaterThan(asked));
    expect(await within(screen.getByTestId("value-over-time")).findByText("4,600 EUR")).toBeInTheDocument();
  });

  it("says the charts could not be drawn, with a way to try again, and keeps the rest of the page", async () => {
    backendWith(() => {
      throw appErrorFixture({ code: "storage_failed", message: "The database could not be read." });
    });
    renderApp("#/portfolio");

    const section = await screen.findByTestId("portfolio-over-time");
    expect(await within(section).findByRole("alert")).toHaveTextContent("The database could not be read.");
    expect(within(section).getByRole("button", { name: /Try again/ })).toBeInTheDocument();
    expect(screen.getByTestId("portfolio-value")).toBeInTheDocument();
  });
});
