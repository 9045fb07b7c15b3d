import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CsvPreview, CsvProgress } from "../api";
import { amountFixture, appErrorFixture, portfolioFixture, priceSourcesFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { emptyChartsFixture } from "../test/portfolioChartsFixtures";
import { renderApp } from "../test/renderApp";
import { deferred, progressSender } from "../test/transactionFixtures";

const csv = "date_utc,type,asset,decimals,amount,counter_asset,counter_amount\n2027-01-02 10:00,buy,XYZ,18,100,USD,250\n";

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

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>("input[type='file'][accept='.csv,text/csv']");
  if (!input) throw new Error("no file input for the CSV import");
  return input;
}

const base = { get_portfolio: () => portfolioFixture(), list_trades: () => [], get_price_sources: () => priceSourcesFixture(), get_portfolio_charts: () => emptyChartsFixture() };

describe("CSV in the portfolio", () => {
  it("previews a file with its problems by row and column, and offers no import", async () => {
    const backend = fakeBackend({
      ...base,
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
    await screen.findByTestId("csv-import");
    await user.upload(fileInput(), new File([csv], "trades.csv", { type: "text/csv" }));

    const errors = await screen.findByTestId("csv-errors");
    expect(errors).toHaveTextContent("2 problems: nothing would be added");
    expect(within(errors).getAllByTestId("csv-error-row").map((row) => row.textContent)).toEqual([
      "3date_utcnot a date",
      "7—this row has 17 values and the header 16",
    ]);
    expect(screen.queryByTestId("csv-confirm-import")).not.toBeInTheDocument();
    expect(backend.callsTo("preview_csv_import")[0]?.args).toEqual({ contents: csv });
    expect(backend.callsTo("import_csv")).toHaveLength(0);
  });

  it("imports a clean file with its progress and refreshes what it changed", async () => {
    const finished = deferred<void>();
    let report: (progress: CsvProgress) => void = () => {};
    const backend = fakeBackend({
      ...base,
      preview_csv_import: () => clean,
      import_csv: async (args) => {
        report = progressSender<CsvProgress>(args);
        await finished.promise;
        return { trades: 1, entries: 1 };
      },
    });
    const { user } = renderApp("#/portfolio");
    await screen.findByTestId("csv-import");
    await user.upload(fileInput(), new File([csv], "trades.csv", { type: "text/csv" }));

    const preview = await screen.findByTestId("csv-preview");
    expect(preview).toHaveTextContent("trades.csv: 2 rows — 1 trade and 1 participation entry");
    expect(within(preview).getByTestId("csv-sample")).toHaveTextContent("Aurora");
    await user.click(within(preview).getByTestId("csv-confirm-import"));
    const importing = await screen.findByTestId("csv-importing");
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
      preview_csv_import: () => clean,
      import_csv: () => new Promise(() => {}),
      cancel_csv_import: () => null,
    });
    const { user } = renderApp("#/portfolio");
    await screen.findByTestId("csv-import");
    await user.upload(fileInput(), new File([csv], "trades.csv", { type: "text/csv" }));
    await user.click(await screen.findByTestId("csv-confirm-import"));
    await user.click(await screen.findByTestId("csv-cancel-import"));
    const importId = (backend.callsTo("import_csv")[0]?.args as { importId: string }).importId;
    await waitFor(() => expect(backend.callsTo("cancel_csv_import")).toEqual([{ command: "cancel_csv_import", args: { importId } }]));
  });

  it("says why a file could not be read", async () => {
    fakeBackend({
      ...base,
      preview_csv_import: () => {
        throw appErrorFixture({ code: "file_unreadable", message: "the file is UTF-16 text: save it as UTF-8" });
      },
    });
    const { user } = renderApp("#/portfolio");
    await screen.findByTestId("csv-import");
    await user.upload(fileInput(), new File([csv], "utf16.csv", { type: "text/csv" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the file is UTF-16 text: save it as UTF-8");
    expect(screen.getByRole("alert")).toHaveTextContent("utf16.csv could not be read");
  });

  it("exports the transactions into Downloads and shows where", async () => {
    const backend = fakeBackend({ ...base, export_csv: () => ({ path: "/home/me/Downloads/saleguard-transactions-2027-01-10.csv", rows: 12 }) });
    const { user } = renderApp("#/portfolio");
    await user.click(await screen.findByTestId("csv-export-transactions"));
    expect(await screen.findByTestId("csv-export-path")).toHaveTextContent("saleguard-transactions-2027-01-10.csv");
    expect(screen.getByText("12 rows exported")).toBeInTheDocument();
    expect(backend.callsTo("export_csv")[0]?.args).toEqual({ kind: "transactions" });
  });
});
