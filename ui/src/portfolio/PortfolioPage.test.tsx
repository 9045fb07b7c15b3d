import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PortfolioView, TradeInput, TradeView } from "../api";
import { amountFixture, appErrorFixture, holdingFixture, portfolioFixture, priceSourcesFixture, tradesReply } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { emptyChartsFixture } from "../test/portfolioChartsFixtures";
import { renderApp } from "../test/renderApp";

const held: PortfolioView = portfolioFixture({
  value: { amount: "4600", complete: false },
  cost: { amount: "3000", complete: false },
  unrealized: { amount: "1000", complete: false },
  realized: { amount: "-50.25", complete: true },
  holdings: [
    holdingFixture({ asset: "BOR", value: "600", valueSharePercent: "13", unrealized: null, cost: null, realized: "-50.25", places: [] }),
    holdingFixture(),
    holdingFixture({ asset: "ZED", value: null, price: null, valueSharePercent: null, unrealized: null, places: [] }),
  ],
  sales: [
    {
      participationId: 7,
      saleId: 3,
      saleName: "Aurora",
      token: "AUR",
      paid: "3000",
      refunded: "0",
      received: amountFixture("1000", "AUR"),
      held: amountFixture("1000", "AUR"),
      costHeld: "3000",
      costToCome: "1500",
      value: "4000",
      valueSharePercent: "87",
      realized: "0",
      unrealized: "1000",
    },
  ],
  problems: [{ code: "no_price", message: "No price of BTC in USD on or before 2026-12-01T00:00:00Z: the value of buy 2 is unknown." }],
});

/** The online price API off, as it is until the user turns it on: no "Refresh prices". */
const apiOff = { get_price_sources: () => priceSourcesFixture() };
/** The page asks for its charts too: none here (they are tested in OverTimeCharts.test.tsx). */
const noCharts = { get_portfolio_charts: () => emptyChartsFixture() };

const trade: TradeView = {
  id: 2,
  kind: "buy",
  happenedAt: "2027-01-02T10:00:00Z",
  amount: amountFixture("100", "BOR"),
  counter: amountFixture("0.5", "BTC", 8),
  fee: null,
  account: "Kraken",
  toAccount: "",
  reference: "",
  note: "",
};

describe("the portfolio", () => {
  it("shows the headline, what is not known, the holdings with their price times, and each sale", async () => {
    fakeBackend({ ...apiOff, ...noCharts, get_portfolio: () => held, ...tradesReply([trade]) });
    renderApp("#/portfolio");

    expect(await screen.findByTestId("portfolio-value-total-amount")).toHaveTextContent(/^4,600 USD$/);
    expect(screen.getByTestId("portfolio-value-total-incomplete")).toBeInTheDocument();
    expect(screen.getByTestId("portfolio-profit-total-amount")).toHaveTextContent(/^\+949\.75 USD$/);
    expect(screen.getByTestId("portfolio-profit-total-incomplete")).toBeInTheDocument();
    expect(screen.getByTestId("portfolio-to-come-total-amount")).toHaveTextContent(/^0 USD$/);
    expect(screen.queryByTestId("portfolio-to-come-total-incomplete")).not.toBeInTheDocument();
    expect(screen.getByTestId("portfolio-problems")).toHaveTextContent("No price of BTC in USD");

    const rows = within(screen.getByTestId("holdings-table")).getAllByTestId("holding-row");
    // Largest value first; the one without a price last, said as such, never as zero.
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual(["AURMain: 1,000 AUR", "BOR", "ZED"]);
    expect(rows[0]).toHaveTextContent("4 USD");
    expect(within(rows[0] as HTMLElement).getByRole("time")).toHaveAttribute("dateTime", "2027-01-09T09:00:00Z");
    expect(rows[2]).toHaveTextContent("No price");
    expect(rows[2]).toHaveTextContent("Unknown");
    expect(rows[1]).toHaveTextContent("-50.25 USD");

    const sale = within(screen.getByTestId("sales-outcome-table")).getByTestId("sale-outcome-row");
    expect(sale).toHaveTextContent("1,500 USD paid for tokens still to come");
    expect(within(sale).getByRole("link", { name: "Aurora" })).toHaveAttribute("href", "#/participations/7");
    // Allocation charts, each with its table of figures.
    expect(within(screen.getByTestId("allocation-by-asset")).getAllByTestId("chart-bar")).toHaveLength(2);
    expect(await screen.findByTestId("trades-table")).toHaveTextContent("0.5 BTC");
  });

  it("sorts the holdings by a column, both ways, keeping unknown values last", async () => {
    fakeBackend({ ...apiOff, ...noCharts, get_portfolio: () => held, ...tradesReply([]) });
    const { user } = renderApp("#/portfolio");
    const table = await screen.findByTestId("holdings-table");
    const assets = () => within(table).getAllByTestId("holding-row").map((row) => within(row).getByText(/^(AUR|BOR|ZED)$/).textContent);

    await user.click(within(table).getByTestId("sort-value"));
    expect(assets()).toEqual(["BOR", "AUR", "ZED"]);
    expect(within(table).getByRole("columnheader", { name: /Value/ })).toHaveAttribute("aria-sort", "ascending");
    await user.click(within(table).getByTestId("sort-asset"));
    expect(assets()).toEqual(["ZED", "BOR", "AUR"]);
  });

  it("records a trade, showing each refused field at its input first", async () => {
    const recorded: TradeInput[] = [];
    let attempts = 0;
    const backend = fakeBackend({
      ...apiOff, ...noCharts,
      get_portfolio: () => portfolioFixture(),
      ...tradesReply([]),
      record_trade: (args) => {
        attempts += 1;
        const input = (args as { input: TradeInput }).input;
        if (attempts === 1) {
          throw appErrorFixture({
            code: "invalid_amount",
            message: "counterAmount: use a dot",
            field: "counterAmount",
            invalidFields: [{ field: "counterAmount", code: "invalid_amount", message: "use a dot as the decimal separator" }],
          });
        }
        recorded.push(input);
        return { ...trade, amount: amountFixture(input.amount, input.asset) };
      },
    });
    const { user } = renderApp("#/portfolio");
    const form = await screen.findByTestId("trade-form");

    await user.type(within(form).getByLabelText("When (UTC)"), "2027-01-02 10:00");
    await user.type(within(form).getByLabelText("Token"), "BOR");
    await user.type(within(form).getByLabelText("Amount"), "100");
    await user.type(within(form).getByLabelText("Paid"), "1,5");
    await user.click(within(form).getByRole("button", { name: "Record trade" }));
    const paid = within(form).getByLabelText("Paid");
    await waitFor(() => expect(paid).toHaveAttribute("aria-invalid", "true"));
    expect(form).toHaveTextContent("use a dot as the decimal separator");
    expect(paid).toHaveFocus();

    await user.clear(paid);
    await user.type(paid, "1.5");
    await user.click(within(form).getByRole("button", { name: "Record trade" }));
    await waitFor(() => expect(recorded).toHaveLength(1));
    expect(recorded[0]).toMatchObject({ kind: "buy", asset: "BOR", amount: "100", counterAmount: "1.5", counterAsset: "USD" });
    // The portfolio is asked again after a trade.
    await waitFor(() => expect(backend.callsTo("get_portfolio").length).toBeGreaterThan(1));
  });

  it("asks before removing a trade, and keeps it when told to", async () => {
    const backend = fakeBackend({ ...apiOff, ...noCharts, get_portfolio: () => portfolioFixture(), ...tradesReply([trade]), remove_trade: () => null });
    const { user } = renderApp("#/portfolio");
    const row = await screen.findByTestId("trade-row");

    await user.click(within(row).getByRole("button", { name: /Remove the buy/ }));
    // The safe choice takes the focus of the trash button it replaced.
    expect(within(row).getByRole("button", { name: "Keep" })).toHaveFocus();
    await user.click(within(row).getByRole("button", { name: "Keep" }));
    expect(backend.callsTo("remove_trade")).toHaveLength(0);
    await user.click(within(row).getByRole("button", { name: /Remove the buy/ }));
    await user.click(within(row).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(backend.callsTo("remove_trade")).toEqual([{ command: "remove_trade", args: { id: 2 } }]));
  });

  it("changes the currency, and says so when it is refused", async () => {
    let currency = "USD";
    fakeBackend({
      ...apiOff, ...noCharts,
      get_portfolio: () => portfolioFixture({ currency }),
      ...tradesReply([]),
      set_portfolio_currency: (args) => {
        const asked = (args as { currency: string }).currency;
        if (asked === "XYZ1") {
          throw appErrorFixture({ code: "unknown_currency", message: "currency: unknown", field: "currency", invalidFields: [{ field: "currency", code: "unknown_currency", message: "an ISO 4217 currency" }] });
        }
        currency = asked.toUpperCase();
        return currency;
      },
    });
    const { user } = renderApp("#/portfolio");
    const form = await screen.findByTestId("currency-form");
    const input = within(form).getByLabelText("Currency");

    await user.clear(input);
    await user.type(input, "XYZ1");
    await user.click(within(form).getByRole("button", { name: "Show in this currency" }));
    await waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
    await user.clear(input);
    await user.type(input, "eur");
    await user.click(within(form).getByRole("button", { name: "Show in this currency" }));
    expect(await screen.findByText(/^In EUR, valued/)).toBeInTheDocument();
  });

  it("says the portfolio could not be computed, with a way to try again", async () => {
    fakeBackend({
      ...apiOff, ...noCharts,
      get_portfolio: () => {
        throw appErrorFixture({ code: "storage_failed", message: "The database could not be read." });
      },
      ...tradesReply([]),
    });
    renderApp("#/portfolio");
    expect(await screen.findByRole("alert")).toHaveTextContent("The database could not be read.");
    expect(screen.getByRole("button", { name: /Try again/ })).toBeInTheDocument();
  });

  it("draws only the trades in view, however many there are", async () => {
    const many = Array.from({ length: 10_000 }, (_, index) => ({ ...trade, id: index + 1, amount: amountFixture(String(index + 1), "BOR") }));
    fakeBackend({ ...apiOff, ...noCharts, get_portfolio: () => portfolioFixture(), ...tradesReply(many) });
    renderApp("#/portfolio");
    const table = await screen.findByRole("table", { name: "Trades" });
    expect(table).toHaveAttribute("data-testid", "trades-table");
    await waitFor(() => expect(within(table).getAllByTestId("trade-row").length).toBeGreaterThan(5));
    const rows = within(table).getAllByTestId("trade-row");
    expect(rows.length).toBeLessThan(40);
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    expect(within(table).getAllByRole("columnheader").map((header) => header.getAttribute("aria-label") ?? header.textContent)).toEqual([
      "When",
      "Kind",
      "Amount",
      "Paid or received",
      "Fee",
      "Where",
      "Actions",
    ]);
    // The first rows are the first trades, each in its place among all of them; amounts line up on the right.
    expect(rows.slice(0, 2).map((row) => [row.getAttribute("aria-rowindex"), within(row).getAllByRole("cell")[2]?.textContent])).toEqual([
      ["2", "1 BOR"],
      ["3", "2 BOR"],
    ]);
    expect(within(rows[0] as HTMLElement).getAllByRole("cell")[2]).toHaveClass("tabular-nums");
    expect(within(rows[0] as HTMLElement).getByRole("button", { name: "Remove the buy of 1 BOR" })).toBeInTheDocument();
  });

  it("filters the trades by asset and kind in the backend, and says when none is left", async () => {
    const trades: TradeView[] = [
      { ...trade, id: 3, kind: "sell", amount: amountFixture("40", "BOR") },
      { ...trade, id: 2, amount: amountFixture("100", "BOR") },
      { ...trade, id: 1, amount: amountFixture("7", "AUR") },
    ];
    const backend = fakeBackend({ ...apiOff, ...noCharts, get_portfolio: () => portfolioFixture(), ...tradesReply(trades) });
    const { user } = renderApp("#/portfolio");
    const filters = await screen.findByTestId("trades-filters");
    await waitFor(() => expect(filters).toHaveTextContent("3 trades"));
    await user.click(within(filters).getByText("Sells"));
    await waitFor(() => expect(filters).toHaveTextContent("1 trade"));
    expect(backend.callsTo("list_trades").at(-1)?.args).toMatchObject({ query: { asset: "", kind: "sell", order: "newestFirst" } });
    expect(within(screen.getByRole("table", { name: "Trades" })).getAllByTestId("trade-row")).toHaveLength(1);

    await user.click(within(filters).getByRole("combobox", { name: "Asset" }));
    await user.click(await screen.findByRole("option", { name: "AUR" }));
    expect(await screen.findByTestId("trades-empty")).toHaveTextContent("No trade of this kind and asset.");
    // The filters stay, so the way back is in view.
    await user.click(within(screen.getByTestId("trades-filters")).getByText("All"));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Trades" })).getAllByTestId("trade-row")).toHaveLength(1));
    expect(screen.getByRole("table", { name: "Trades" })).toHaveTextContent("7 AUR");
  });

  it("keeps the filters and the rows in place while another order is read", async () => {
    const trades: TradeView[] = [
      { ...trade, id: 3, happenedAt: "2026-03-03T10:00:00Z", amount: amountFixture("3", "BOR") },
      { ...trade, id: 2, happenedAt: "2026-03-02T10:00:00Z", amount: amountFixture("2", "BOR") },
      { ...trade, id: 1, happenedAt: "2026-03-01T10:00:00Z", amount: amountFixture("1", "BOR") },
    ];
    const reply = tradesReply(trades);
    let release = () => {};
    fakeBackend({
      ...apiOff,
      ...noCharts,
      get_portfolio: () => portfolioFixture(),
      ...reply,
      list_trades: (args) => {
        const answer = reply.list_trades?.(args);
        const { query } = args as { query: { order: string } };
        return query.order === "oldestFirst" ? new Promise((resolve) => (release = () => resolve(answer))) : answer;
      },
    });
    const { user } = renderApp("#/portfolio");
    const filters = await screen.findByTestId("trades-filters");
    const amounts = () => screen.getAllByTestId("trade-row").map((row) => within(row).getAllByRole("cell")[2]?.textContent);
    await waitFor(() => expect(amounts()).toEqual(["3 BOR", "2 BOR", "1 BOR"]));
    await user.click(within(filters).getByText("Oldest first"));
    // Still the same filters (not drawn anew, so the keyboard's place is kept), and the rows until the new ones arrive.
    expect(filters).toBeInTheDocument();
    expect(amounts()).toEqual(["3 BOR", "2 BOR", "1 BOR"]);
    release();
    await waitFor(() => expect(amounts()).toEqual(["1 BOR", "2 BOR", "3 BOR"]));
    expect(filters).toBeInTheDocument();
  });
});
