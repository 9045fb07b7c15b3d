import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PriceApiInput, PriceHistoryPreview, PriceRefresh, PriceSource, PriceSources } from "../api";
import { appErrorFixture, chooseFileAnswers, chosenFileFixture, priceSourcesFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";
import { deferred } from "../test/transactionFixtures";

const defaultBaseUrl = "https://api.coingecko.com/api/v3";

/** The section once the sources are loaded. */
async function section(): Promise<HTMLElement> {
  await screen.findByTestId("price-api-form");
  return screen.getByTestId("price-sources-section");
}

describe("price sources in Settings", () => {
  it("moves a source up or down and saves the order at once, focus staying on the source moved", async () => {
    let order: PriceSource[] = ["manual", "csv", "api"];
    const backend = settingsBackend({
      get_price_sources: () => priceSourcesFixture({ order }),
      set_price_source_order: (args) => {
        order = (args as { order: PriceSource[] }).order;
        return priceSourcesFixture({ order });
      },
    });
    const { user } = renderApp("#/settings");
    const list = within(await section()).getByTestId("price-source-order");
    const shown = () => within(list).getAllByTestId("price-source-item").map((item) => item.dataset.source);
    expect(shown()).toEqual(["manual", "csv", "api"]);
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringContaining("Your price book"),
      expect.stringContaining("Imported price history"),
      expect.stringContaining("Online price API"),
    ]);
    expect(within(list).getByRole("button", { name: "Move Your price book up" })).toBeDisabled();
    expect(within(list).getByRole("button", { name: "Move Online price API down" })).toBeDisabled();
    expect(screen.getByText(/Asked in this order: the first with a price that is not stale is used; when all are stale, the most recent\./)).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "Move Online price API up" }));
    await waitFor(() => expect(shown()).toEqual(["manual", "api", "csv"]));
    expect(backend.callsTo("set_price_source_order").map((call) => call.args)).toEqual([{ order: ["manual", "api", "csv"] }]);
    expect(within(list).getByRole("button", { name: "Move Online price API up" })).toHaveFocus();

    // From the keyboard: at the top the pressed button no longer applies, so focus goes to the other one.
    await user.keyboard("{Enter}");
    await waitFor(() => expect(shown()).toEqual(["api", "manual", "csv"]));
    expect(within(list).getByRole("button", { name: "Move Online price API down" })).toHaveFocus();
    await waitFor(() => expect(backend.callsTo("set_price_source_order")).toHaveLength(2));
    expect(backend.callsTo("set_price_source_order")[1]?.args).toEqual({ order: ["api", "manual", "csv"] });
  });

  it("turns the price API on with a key sent once, keeps the key when its field is left empty, and forgets it when asked", async () => {
    let sources: PriceSources = priceSourcesFixture();
    const backend = settingsBackend({
      get_price_sources: () => sources,
      set_price_api: (args) => {
        const { input } = args as { input: PriceApiInput };
        const hasKey = input.apiKey === null ? sources.api.hasKey : input.apiKey !== "";
        sources = priceSourcesFixture({ api: { enabled: input.enabled, baseUrl: input.baseUrl || defaultBaseUrl, hasKey } });
        return sources;
      },
    });
    const { user } = renderApp("#/settings");
    const form = within(await section()).getByTestId("price-api-form");
    const enabled = within(form).getByRole("switch", { name: /^Use an online price API/ });
    expect(enabled).not.toBeChecked();
    expect(form).toHaveTextContent(`When on, Saleguard contacts ${defaultBaseUrl} and nothing else`);
    expect(within(form).getByLabelText("Base URL")).toHaveAttribute("placeholder", defaultBaseUrl);
    expect(screen.queryByTestId("price-api-key-kept")).not.toBeInTheDocument();
    expect(screen.queryByTestId("price-api-fetch")).not.toBeInTheDocument();

    await user.click(enabled);
    await user.type(within(form).getByLabelText("API key"), "CG-demo-key");
    await user.click(within(form).getByTestId("price-api-save"));
    await waitFor(() => expect(backend.callsTo("set_price_api")).toHaveLength(1));
    expect(backend.callsTo("set_price_api")[0]?.args).toEqual({ input: { enabled: true, baseUrl: "", apiKey: "CG-demo-key" } });
    expect(await screen.findByText("Price API settings saved")).toBeInTheDocument();
    expect(await screen.findByTestId("price-api-key-kept")).toHaveTextContent("A key is kept in your keyring.");
    expect(within(form).getByLabelText("API key")).toHaveValue("");
    expect(screen.getByTestId("price-api-status")).toHaveTextContent("Not asked yet.");
    expect(screen.getByTestId("price-api-fetch")).toBeInTheDocument();

    // Saved again with the key field empty: the key there is stays (null), never sent again.
    await user.type(within(form).getByLabelText("Base URL"), "https://pro-api.coingecko.com/api/v3{Enter}");
    await waitFor(() => expect(backend.callsTo("set_price_api")).toHaveLength(2));
    expect(backend.callsTo("set_price_api")[1]?.args).toEqual({
      input: { enabled: true, baseUrl: "https://pro-api.coingecko.com/api/v3", apiKey: null },
    });
    await waitFor(() => expect(form).toHaveTextContent("When on, Saleguard contacts https://pro-api.coingecko.com/api/v3 and nothing else"));

    // Forgetting is asked twice, and changes nothing else.
    await user.click(screen.getByTestId("price-api-forget"));
    await user.click(screen.getByRole("button", { name: "Keep it" }));
    expect(backend.callsTo("set_price_api")).toHaveLength(2);
    await user.click(screen.getByTestId("price-api-forget"));
    await user.click(screen.getByTestId("price-api-forget-confirm"));
    await waitFor(() => expect(backend.callsTo("set_price_api")).toHaveLength(3));
    expect(backend.callsTo("set_price_api")[2]?.args).toEqual({
      input: { enabled: true, baseUrl: "https://pro-api.coingecko.com/api/v3", apiKey: "" },
    });
    await waitFor(() => expect(screen.queryByTestId("price-api-key-kept")).not.toBeInTheDocument());
    expect(await screen.findByText("API key forgotten")).toBeInTheDocument();
  });

  it("shows a refused base URL at its input and focuses it", async () => {
    const backend = settingsBackend({
      set_price_api: () => {
        throw appErrorFixture({
          code: "invalid_url",
          message: "baseUrl: an http(s) URL without a query, e.g. https://api.coingecko.com/api/v3",
          field: "baseUrl",
          invalidFields: [{ field: "baseUrl", code: "invalid_url", message: "an http(s) URL without a query, e.g. https://api.coingecko.com/api/v3" }],
        });
      },
    });
    const { user } = renderApp("#/settings");
    const form = within(await section()).getByTestId("price-api-form");
    const baseUrl = within(form).getByLabelText("Base URL");

    await user.click(within(form).getByRole("switch", { name: /^Use an online price API/ }));
    await user.type(baseUrl, "ftp://prices.example");
    await user.click(within(form).getByTestId("price-api-save"));
    await waitFor(() => expect(baseUrl).toHaveAttribute("aria-invalid", "true"));
    expect(baseUrl).toHaveFocus();
    expect(baseUrl).toHaveValue("ftp://prices.example");
    expect(form).toHaveTextContent("an http(s) URL without a query");
    expect(within(form).getByLabelText("API key")).not.toHaveAttribute("aria-invalid");
    expect(backend.callsTo("set_price_api")[0]?.args).toEqual({ input: { enabled: true, baseUrl: "ftp://prices.example", apiKey: null } });

    await user.type(baseUrl, "x");
    expect(baseUrl).not.toHaveAttribute("aria-invalid");
  });

  it("fetches prices now, busy meanwhile, says what came and what was left out, then why the next fetch failed", async () => {
    const firstFetch = deferred<PriceRefresh>();
    let sources = priceSourcesFixture({ api: { enabled: true } });
    let fetches = 0;
    const backend = settingsBackend({
      get_price_sources: () => sources,
      refresh_prices: async () => {
        fetches += 1;
        if (fetches === 1) {
          const refresh = await firstFetch.promise;
          sources = priceSourcesFixture({ api: { enabled: true, fetchedAt: refresh.fetchedAt } });
          return refresh;
        }
        const message = "api.coingecko.com limits how often it may be asked: try again in 60 s";
        sources = priceSourcesFixture({ api: { enabled: true, fetchedAt: "2027-01-10T12:00:00Z", failure: message } });
        throw appErrorFixture({ code: "price_api_rate_limited", message });
      },
    });
    const { user } = renderApp("#/settings");
    const status = await screen.findByTestId("price-api-status");
    expect(status).toHaveTextContent("Not asked yet.");
    const fetchNow = within(status).getByRole("button", { name: "Fetch prices now" });

    await user.click(fetchNow);
    await waitFor(() => expect(fetchNow).toHaveAttribute("data-loading"));
    expect(fetchNow).toBeDisabled();
    await act(async () =>
      firstFetch.resolve({ prices: 3, currencies: ["USD", "EUR"], unknown: ["AUR"], withoutId: ["BOR"], fetchedAt: "2027-01-10T12:00:00Z" }),
    );
    expect(await screen.findByText("3 prices fetched")).toBeInTheDocument();
    const summary = screen.getByTestId("price-refresh-summary");
    expect(summary).toHaveTextContent("In USD, EUR.");
    expect(summary).toHaveTextContent("Not known to the API by the coin id given: AUR.");
    expect(summary).toHaveTextContent("Not asked, no coin id yet: BOR.");
    await waitFor(() => expect(status).toHaveTextContent("Last answered"));
    expect(within(status).getByRole("time")).toHaveAttribute("dateTime", "2027-01-10T12:00:00Z");
    expect(fetchNow).not.toBeDisabled();

    await user.click(fetchNow);
    expect(await screen.findByText("No prices were fetched")).toBeInTheDocument();
    expect(screen.getByText("The price API asked to be asked less often")).toBeInTheDocument();
    expect(screen.getAllByText(/limits how often it may be asked: try again in 60 s/).length).toBeGreaterThan(0);
    // The failure is kept: the status says so until a fetch succeeds.
    expect(await within(status).findByTestId("price-api-failure")).toHaveTextContent(
      "Its last request failed: api.coingecko.com limits how often it may be asked: try again in 60 s",
    );
    expect(backend.callsTo("refresh_prices")).toHaveLength(2);
  });

  it("sets an asset's coin id, shows a refused one at its input, and goes back to the default when emptied", async () => {
    let sources = priceSourcesFixture({
      coins: [
        { asset: "AUR", coinId: "", chosen: false },
        { asset: "ETH", coinId: "ethereum", chosen: false },
      ],
    });
    const backend = settingsBackend({
      get_price_sources: () => sources,
      set_price_api_coin: (args) => {
        const { asset, coinId } = args as { asset: string; coinId: string };
        if (coinId.includes(" ")) {
          throw appErrorFixture({
            code: "invalid_value",
            message: "coinId: the API's coin id: lower-case letters, digits and - _ . (e.g. ethereum)",
            field: "coinId",
            invalidFields: [{ field: "coinId", code: "invalid_value", message: "the API's coin id: lower-case letters, digits and - _ . (e.g. ethereum)" }],
          });
        }
        sources = priceSourcesFixture({
          coins: sources.coins.map((coin) =>
            coin.asset !== asset ? coin : coinId === "" ? { asset, coinId: asset === "ETH" ? "ethereum" : "", chosen: false } : { asset, coinId, chosen: true },
          ),
        });
        return sources;
      },
    });
    const { user } = renderApp("#/settings");
    const table = within(await section()).getByTestId("price-coins-table");
    const row = (asset: string) => within(table).getAllByTestId("price-coin-row").find((candidate) => candidate.dataset.asset === asset) as HTMLElement;
    const origin = (asset: string) => row(asset).querySelector("[data-origin]")?.getAttribute("data-origin");
    expect(origin("AUR")).toBe("none");
    expect(origin("ETH")).toBe("default");
    expect(row("ETH")).toHaveTextContent("Default");
    const aurId = within(row("AUR")).getByLabelText("Coin id of AUR");

    await user.type(aurId, "Aurora Network{Enter}");
    await waitFor(() => expect(aurId).toHaveAttribute("aria-invalid", "true"));
    expect(row("AUR")).toHaveTextContent("lower-case letters, digits and - _ .");
    expect(aurId).toHaveFocus();

    await user.clear(aurId);
    await user.type(aurId, "aurora-network");
    await user.click(within(row("AUR")).getByRole("button", { name: "Save the coin id of AUR" }));
    await waitFor(() => expect(origin("AUR")).toBe("yours"));
    expect(row("AUR")).toHaveTextContent("Yours");
    expect(backend.callsTo("set_price_api_coin").map((call) => call.args)).toEqual([
      { asset: "AUR", coinId: "Aurora Network" },
      { asset: "AUR", coinId: "aurora-network" },
    ]);

    // ETH with an id of the user's, then emptied: back to the default.
    const ethId = within(row("ETH")).getByLabelText("Coin id of ETH");
    await user.clear(ethId);
    await user.type(ethId, "weth{Enter}");
    await waitFor(() => expect(origin("ETH")).toBe("yours"));
    await user.clear(ethId);
    await user.click(within(row("ETH")).getByRole("button", { name: "Save the coin id of ETH" }));
    await waitFor(() => expect(origin("ETH")).toBe("default"));
    expect(ethId).toHaveValue("ethereum");
    expect(backend.callsTo("set_price_api_coin").at(-1)?.args).toEqual({ asset: "ETH", coinId: "" });
  });

  it("says what to do when there is no asset to give a coin id", async () => {
    settingsBackend({});
    renderApp("#/settings");
    expect(await screen.findByTestId("price-coins-empty")).toHaveTextContent("No asset to price yet.");
  });

  it("previews a price history file with its problems by row and column, then imports a good one", async () => {
    const refused: PriceHistoryPreview = {
      rows: 3,
      prices: 0,
      sample: [],
      errors: [
        { row: 2, column: "date_utc", code: "invalid_datetime", message: "not a date and time: 10/01/2027" },
        { row: 4, column: "price", code: "invalid_amount", message: "use a dot as the decimal separator" },
      ],
      errorCount: 2,
    };
    const clean: PriceHistoryPreview = {
      rows: 2,
      prices: 2,
      sample: [
        { id: 0, asset: "ETH", currency: "USD", price: "3012.5", observedAt: "2027-01-10T00:00:00Z", source: "csv" },
        { id: 0, asset: "ETH", currency: "USD", price: "3100", observedAt: "2027-01-11T00:00:00Z", source: "csv" },
      ],
      errors: [],
      errorCount: 0,
    };
    const bad = chosenFileFixture("bad.csv", 3, 60);
    const good = chosenFileFixture("prices.csv", 4, 96);
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(bad, good),
      preview_price_history: (args) => ((args as { file: number }).file === good.id ? clean : refused),
      import_price_history: () => 2,
    });
    const { user } = renderApp("#/settings");
    const history = within(await section()).getByTestId("price-history-import");
    expect(history).toHaveTextContent("date_utc, asset, currency and price");
    expect(history).toHaveTextContent("A date alone means 00:00 UTC that day.");
    expect(history).toHaveTextContent("importing the same file again replaces its prices instead of adding them twice");
    const choose = within(history).getByTestId("price-history-choose");

    await user.click(choose);
    const errors = await within(history).findByTestId("csv-errors");
    expect(within(history).getByTestId("price-history-preview")).toHaveTextContent("bad.csv (60 bytes): 3 rows");
    expect(errors).toHaveTextContent("2 problems: nothing would be added");
    expect(within(errors).getAllByTestId("csv-error-row").map((row) => row.textContent)).toEqual([
      "2date_utcnot a date and time: 10/01/2027",
      "4priceuse a dot as the decimal separator",
    ]);
    expect(within(history).queryByTestId("price-history-confirm")).not.toBeInTheDocument();

    await user.click(choose);
    const preview = await within(history).findByTestId("price-history-preview");
    await waitFor(() => expect(preview).toHaveTextContent("prices.csv (96 bytes): 2 rows — 2 prices"));
    expect(within(preview).getByTestId("price-history-sample")).toHaveTextContent("3,012.5 USD");
    const sourcesAsked = backend.callsTo("get_price_sources").length;
    await user.click(within(preview).getByTestId("price-history-confirm"));
    expect(await screen.findByText("2 prices from prices.csv.")).toBeInTheDocument();
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "priceHistory" }, { purpose: "priceHistory" }]);
    expect(backend.callsTo("preview_price_history").map((call) => call.args)).toEqual([{ file: 3 }, { file: 4 }]);
    expect(backend.callsTo("import_price_history").map((call) => call.args)).toEqual([{ file: 4 }]);
    expect(within(history).queryByTestId("price-history-preview")).not.toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo("get_price_sources").length).toBeGreaterThan(sourcesAsked));
  });

  it("checks nothing when the open dialog is cancelled, and keeps the preview shown before", async () => {
    const preview: PriceHistoryPreview = { rows: 1, prices: 1, sample: [], errors: [], errorCount: 0 };
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(null, chosenFileFixture("prices.csv", 5, 2048), null),
      preview_price_history: () => preview,
    });
    const { user } = renderApp("#/settings");
    const history = within(await section()).getByTestId("price-history-import");
    const choose = within(history).getByTestId("price-history-choose");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(1));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(within(history).queryByTestId("price-history-preview")).not.toBeInTheDocument();
    expect(within(history).queryByRole("alert")).not.toBeInTheDocument();
    expect(backend.callsTo("preview_price_history")).toHaveLength(0);

    await user.click(choose);
    expect(await within(history).findByTestId("price-history-preview")).toHaveTextContent("prices.csv (2.0 KB): 1 row — 1 price");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(3));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(within(history).getByTestId("price-history-preview")).toHaveTextContent("prices.csv (2.0 KB): 1 row — 1 price");
    expect(within(history).getByTestId("price-history-confirm")).toBeEnabled();
    expect(backend.callsTo("preview_price_history").map((call) => call.args)).toEqual([{ file: 5 }]);
  });

  it("says so when the open dialog could not give the file chosen", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(appErrorFixture({ code: "file_unreadable", message: "/home/me/prices.csv could not be read: permission denied" })),
    });
    const { user } = renderApp("#/settings");
    const history = within(await section()).getByTestId("price-history-import");
    await user.click(within(history).getByTestId("price-history-choose"));
    const alert = await within(history).findByRole("alert");
    expect(alert).toHaveTextContent("No file could be chosen");
    expect(alert).toHaveTextContent("permission denied");
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "priceHistory" }]);
  });

  it("says why an import was refused, naming the row and column", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("prices.csv", 6)),
      preview_price_history: (): PriceHistoryPreview => ({ rows: 1, prices: 1, sample: [], errors: [], errorCount: 0 }),
      import_price_history: () => {
        throw appErrorFixture({
          code: "import_refused",
          message: "nothing was imported: 1 problem in the file (row 2: asset: unknown coin)",
          field: "row 2: asset",
          invalidFields: [{ field: "row 2: asset", code: "invalid_symbol", message: "unknown coin" }],
        });
      },
    });
    const { user } = renderApp("#/settings");
    const history = within(await section()).getByTestId("price-history-import");
    await user.click(within(history).getByTestId("price-history-choose"));
    await user.click(await within(history).findByTestId("price-history-confirm"));
    const alert = await within(history).findByRole("alert");
    expect(alert).toHaveTextContent("Nothing was imported from prices.csv");
    expect(alert).toHaveTextContent("row 2: asset: unknown coin");
    expect(backend.callsTo("import_price_history").map((call) => call.args)).toEqual([{ file: 6 }]);
  });
});
