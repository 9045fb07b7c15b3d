import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture, holdingFixture, portfolioFixture, priceSourcesFixture, tradesReply } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { emptyChartsFixture } from "../test/portfolioChartsFixtures";
import { renderApp } from "../test/renderApp";

/** What the Portfolio page asks for besides the portfolio and the price sources. */
const pageBasics = { ...tradesReply([]), get_portfolio_charts: () => emptyChartsFixture() };

const held = portfolioFixture({
  value: { amount: "4600", complete: true },
  holdings: [
    holdingFixture(),
    holdingFixture({ asset: "ETH", value: "600", price: { price: "3000", observedAt: "2027-01-10T11:00:00Z", stale: false, source: "api" }, places: [] }),
    holdingFixture({ asset: "BOR", value: "0", price: { price: "0.5", observedAt: "2026-12-01T00:00:00Z", stale: true, source: "csv" }, places: [] }),
  ],
});

describe("prices on the Portfolio page", () => {
  it("says where each holding's price came from, and offers no refresh while the price API is off", async () => {
    fakeBackend({ ...pageBasics, get_portfolio: () => held, get_price_sources: () => priceSourcesFixture() });
    renderApp("#/portfolio");
    const rows = within(await screen.findByTestId("holdings-table")).getAllByTestId("holding-row");
    expect(rows.map((row) => within(row).getByTestId("holding-price-source").textContent)).toEqual(["· Manual", "· API", "· CSV"]);
    expect(within(rows[1] as HTMLElement).getByTestId("holding-price-source")).toHaveAttribute("title", "Fetched from the online price API you turned on.");
    expect(rows[2]).toHaveTextContent("Stale");
    expect(screen.queryByTestId("portfolio-refresh-prices")).not.toBeInTheDocument();
  });

  it("refreshes the prices when the price API is on, then values the portfolio again", async () => {
    const backend = fakeBackend({
      ...pageBasics,
      get_portfolio: () => held,
      get_price_sources: () => priceSourcesFixture({ api: { enabled: true } }),
      refresh_prices: () => ({ prices: 2, currencies: ["USD"], unknown: [], withoutId: [], fetchedAt: "2027-01-10T12:00:00Z" }),
    });
    const { user } = renderApp("#/portfolio");
    const refresh = await screen.findByTestId("portfolio-refresh-prices");
    expect(refresh).toHaveTextContent("Refresh prices");
    const valued = backend.callsTo("get_portfolio").length;

    await user.click(refresh);
    expect(await screen.findByText("2 prices fetched")).toBeInTheDocument();
    expect(screen.getByTestId("price-refresh-summary")).toHaveTextContent("In USD.");
    await waitFor(() => expect(backend.callsTo("get_portfolio").length).toBeGreaterThan(valued));
    expect(backend.callsTo("refresh_prices")).toHaveLength(1);
  });

  it("says why prices could not be refreshed and what to try", async () => {
    fakeBackend({
      ...pageBasics,
      get_portfolio: () => held,
      get_price_sources: () => priceSourcesFixture({ api: { enabled: true, hasKey: true } }),
      refresh_prices: () => {
        throw appErrorFixture({ code: "price_api_key_refused", message: "api.coingecko.com refused the API key (401): invalid key" });
      },
    });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("portfolio-refresh-prices"));
    expect(await screen.findByText("No prices were fetched")).toBeInTheDocument();
    expect(screen.getByText("api.coingecko.com refused the API key (401): invalid key")).toBeInTheDocument();
    expect(screen.getByText(/Check the API key and that the base URL is the one it is for/)).toBeInTheDocument();
  });
});
