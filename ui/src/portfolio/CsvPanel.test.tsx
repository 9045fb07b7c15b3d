import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CsvPreview, CsvProgress } from "../api";
import { amountFixture, appErrorFixture, chooseFileAnswers, chosenFileFixture, portfolioFixture, priceSourcesFixture, tradesReply } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { emptyChartsFixture } from "../test/portfolioChartsFixtures";
import { renderApp } from "../test/renderApp";
import { deferred, progressSender } from "../test/transactionFixtures";

/** The CSV the user chose in the open dialog: the backend knows it as file 7, of 1,234 bytes. */
const trades = chosenFileFixture("trades.csv", 7);

const clean: CsvPreview = {
  rows: 2,
  trades: 1,
  entries: 1,
  sample: [
    { row: 2, kind: "buy", happenedAt: "2027-01-02T10:00:00Z", amount: amountFixture("100", "XYZ"), counter: amountFixture("250", "USD", 2), sale: "", account: "Kraken" },
    { row: 3, kind: "contribution", happenedAt: "2027-01-03T10:00:00Z", amount: amountFixture("1", "ETH"), counter: null, sale: "Aurora", account: "" },
  ],
  errors: [],
  errorCount: 0,
};

const base = { get_portfolio: () => portfolioFixture(), ...tradesReply([]), get_price_sources: () => priceSourcesFixture(), get_portfolio_charts: () => emptyChartsFixture() };

describe("CSV in the portfolio", () => {
  it("previews a file with its problems by row and column, and offers no import", async () => {
    const backend = fakeBackend({
      ...base,
      choose_file: chooseFileAnswers(trades),
      preview_csv_import: () => ({
        ...clean,
        trades: 0,
        errors: [
          { row: 3, column: "date_utc", code: "invalid_datetime", message: "not a date" },
          { row: 7, column: "", code: "invalid_value", message: "this row has 17 values and the header 16" },
        ],
        errorCount: 2,
      }),
    });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-import"));

    const errors = await screen.findByTestId("csv-errors");
    expect(errors).toHaveTextContent("2 problems: nothing would be added");
    expect(within(errors).getAllByTestId("csv-error-row").map((row) => row.textContent)).toEqual([
      "3date_utcnot a date",
      "7—this row has 17 values and the header 16",
    ]);
    expect(screen.queryByTestId("csv-confirm-import")).not.toBeInTheDocument();
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "transactionsCsv" }]);
    expect(backend.callsTo("preview_csv_import").map((call) => call.args)).toEqual([{ file: 7 }]);
    expect(backend.callsTo("import_csv")).toHaveLength(0);
  });

  it("imports a clean file with its progress and refreshes what it changed", async () => {
    const finished = deferred<void>();
    let report: (progress: CsvProgress) => void = () => {};
    const backend = fakeBackend({
      ...base,
      choose_file: chooseFileAnswers(trades),
      preview_csv_import: () => clean,
      import_csv: async (args) => {
        report = progressSender<CsvProgress>(args);
        await finished.promise;
        return { trades: 1, entries: 1 };
      },
    });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-import"));

    const preview = await screen.findByTestId("csv-preview");
    expect(preview).toHaveTextContent("trades.csv (1.2 KB): 2 rows — 1 trade and 1 participation entry");
    expect(within(preview).getByTestId("csv-sample")).toHaveTextContent("Aurora");
    await user.click(within(preview).getByTestId("csv-confirm-import"));
    const importing = await screen.findByTestId("csv-importing");
    expect(importing).toHaveTextContent("Adding the rows of trades.csv");
    expect(backend.callsTo("import_csv")[0]?.args).toEqual({ file: 7, importId: expect.any(String), progress: expect.anything() });
    act(() => report({ done: 1, total: 2 }));
    await waitFor(() => expect(importing).toHaveTextContent("1 of 2"));
    const portfolioCalls = backend.callsTo("get_portfolio").length;
    await act(async () => finished.resolve());
    expect(await screen.findByText("1 trade and 1 participation entry from trades.csv")).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo("get_portfolio").length).toBeGreaterThan(portfolioCalls));
    expect(screen.queryByTestId("csv-importing")).not.toBeInTheDocument();
  });

  it("cancels an import in progress: nothing is added and it says so", async () => {
    const backend = fakeBackend({
      ...base,
      choose_file: chooseFileAnswers(trades),
      preview_csv_import: () => clean,
      import_csv: () => new Promise(() => {}),
      cancel_csv_import: () => null,
    });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-import"));
    await user.click(await screen.findByTestId("csv-confirm-import"));
    await user.click(await screen.findByTestId("csv-cancel-import"));
    const importId = (backend.callsTo("import_csv")[0]?.args as { importId: string }).importId;
    await waitFor(() => expect(backend.callsTo("cancel_csv_import")).toEqual([{ command: "cancel_csv_import", args: { importId } }]));
  });

  it("says why a file could not be read", async () => {
    const backend = fakeBackend({
      ...base,
      choose_file: chooseFileAnswers(chosenFileFixture("utf16.csv", 8)),
      preview_csv_import: () => {
        throw appErrorFixture({ code: "file_unreadable", message: "the file is UTF-16 text: save it as UTF-8" });
      },
    });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-import"));
    expect(await screen.findByRole("alert")).toHaveTextContent("the file is UTF-16 text: save it as UTF-8");
    expect(screen.getByRole("alert")).toHaveTextContent("utf16.csv could not be read");
    expect(backend.callsTo("preview_csv_import").map((call) => call.args)).toEqual([{ file: 8 }]);
    expect(screen.queryByTestId("csv-preview")).not.toBeInTheDocument();
  });

  it("adds nothing when the open dialog is cancelled, and keeps the preview shown before", async () => {
    const backend = fakeBackend({ ...base, choose_file: chooseFileAnswers(null, trades, null), preview_csv_import: () => clean });
    const { user } = renderApp("#/portfolio");
    const choose = await screen.findByTestId("csv-import");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(1));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(screen.queryByTestId("csv-preview")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(backend.callsTo("preview_csv_import")).toHaveLength(0);

    await user.click(choose);
    const preview = await screen.findByTestId("csv-preview");
    expect(preview).toHaveTextContent("trades.csv (1.2 KB): 2 rows");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(3));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(screen.getByTestId("csv-preview")).toHaveTextContent("trades.csv (1.2 KB): 2 rows — 1 trade and 1 participation entry");
    expect(within(screen.getByTestId("csv-preview")).getByTestId("csv-confirm-import")).toBeEnabled();
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual(Array(3).fill({ purpose: "transactionsCsv" }));
    expect(backend.callsTo("preview_csv_import").map((call) => call.args)).toEqual([{ file: 7 }]);
    expect(backend.callsTo("import_csv")).toHaveLength(0);
  });

  it("says so when the open dialog could not give the file chosen", async () => {
    const backend = fakeBackend({
      ...base,
      choose_file: chooseFileAnswers(appErrorFixture({ code: "file_unreadable", message: "/home/me/trades is not a file" })),
    });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-import"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No file could be chosen");
    expect(alert).toHaveTextContent("/home/me/trades is not a file");
    expect(backend.callsTo("choose_file")).toHaveLength(1);
  });

  it("exports the transactions where the save dialog says and shows where", async () => {
    const backend = fakeBackend({ ...base, export_csv: () => ({ path: "/home/me/Downloads/saleguard-transactions-2027-01-10.csv", rows: 12 }) });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-export-transactions"));
    expect(await screen.findByTestId("csv-export-path")).toHaveTextContent("saleguard-transactions-2027-01-10.csv");
    expect(screen.getByText("12 rows exported")).toBeInTheDocument();
    expect(backend.callsTo("export_csv")[0]?.args).toEqual({ kind: "transactions" });
  });

  it("says nothing when the save dialog is cancelled: nothing was written", async () => {
    const backend = fakeBackend({
      ...base,
      export_csv: (args) => ((args as { kind: string }).kind === "holdings" ? null : { path: "/home/me/Downloads/saleguard-transactions-2027-01-10.csv", rows: 1 }),
    });
    const { user } = renderApp("#/portfolio");
    const holdings = await screen.findByTestId("csv-export-holdings");
    await user.click(holdings);
    await waitFor(() => expect(backend.callsTo("export_csv")).toHaveLength(1));
    await waitFor(() => expect(holdings).not.toHaveAttribute("data-loading"));
    expect(screen.queryByTestId("csv-export-path")).not.toBeInTheDocument();
    expect(screen.queryByText(/exported$/)).not.toBeInTheDocument();
    expect(screen.queryByText("Nothing was exported")).not.toBeInTheDocument();

    // A notification does show, once something is written: only that one.
    await user.click(screen.getByTestId("csv-export-transactions"));
    expect(await screen.findByText("1 row exported")).toBeInTheDocument();
    expect(screen.getAllByTestId("csv-export-path")).toHaveLength(1);
    expect(backend.callsTo("export_csv").map((call) => call.args)).toEqual([{ kind: "holdings" }, { kind: "transactions" }]);
  });
});
