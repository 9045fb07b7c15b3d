import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture, chooseFileAnswers, chosenFileFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";
import { describeTables } from "./DataTransfer";

/** Clicks "Import an export…" once the page is there: the open dialog is the backend's `choose_file`. */
async function chooseExport(user: ReturnType<typeof renderApp>["user"]) {
  await user.click(await screen.findByTestId("import-data"));
}

describe("export and import in Settings", () => {
  it("says what the tables hold in words", () => {
    expect(describeTables([])).toBe("no data yet");
    expect(describeTables([{ table: "sales", rows: 1 }])).toBe("1 sale");
    expect(
      describeTables([
        { table: "sales", rows: 2 },
        { table: "accounts", rows: 1 },
        { table: "prices", rows: 3 },
        { table: "contacts", rows: 2 },
      ]),
    ).toBe("2 sales, 1 account and 5 other records");
  });

  it("exports where the save dialog says and shows where", async () => {
    const backend = settingsBackend({
      export_data: () => ({
        path: "/home/me/Downloads/saleguard-export-2026-11-29.json",
        bytes: 5120,
        tables: [
          { table: "sales", rows: 2 },
          { table: "budgets", rows: 1 },
        ],
      }),
    });
    const { user } = renderApp("#/settings");
    await user.click(await screen.findByRole("button", { name: "Export all data" }));
    const done = await screen.findByTestId("export-done");
    expect(within(done).getByTestId("export-path")).toHaveTextContent("/home/me/Downloads/saleguard-export-2026-11-29.json");
    expect(done).toHaveTextContent("2 sales and 1 other record.");
    expect(backend.callsTo("export_data")).toHaveLength(1);
  });

  it("says nothing when the save dialog is cancelled: nothing was written", async () => {
    let cancel = true;
    const backend = settingsBackend({
      export_data: () => (cancel ? null : { path: "/home/me/saleguard-export-2026-11-29.json", bytes: 5120, tables: [{ table: "sales", rows: 2 }] }),
    });
    const { user } = renderApp("#/settings");
    const exportButton = await screen.findByTestId("export-data");
    await user.click(exportButton);
    await waitFor(() => expect(backend.callsTo("export_data")).toHaveLength(1));
    await waitFor(() => expect(exportButton).not.toHaveAttribute("data-loading"));
    expect(screen.queryByTestId("export-done")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    // Written once, then cancelled: what the earlier export said goes, and nothing else is said.
    cancel = false;
    await user.click(exportButton);
    expect(await screen.findByTestId("export-path")).toHaveTextContent("/home/me/saleguard-export-2026-11-29.json");
    cancel = true;
    await user.click(exportButton);
    await waitFor(() => expect(backend.callsTo("export_data")).toHaveLength(3));
    await waitFor(() => expect(screen.queryByTestId("export-done")).not.toBeInTheDocument());
    expect(exportButton).not.toHaveAttribute("data-loading");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("imports the file chosen in the open dialog and says what came in", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("saleguard-export.json", 31)),
      import_data: () => ({ tables: [{ table: "sales", rows: 3 }] }),
    });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    const done = await screen.findByTestId("import-done");
    expect(done).toHaveTextContent("saleguard-export.json imported");
    expect(done).toHaveTextContent("3 sales.");
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "export" }]);
    expect(backend.callsTo("import_data").map((call) => call.args)).toEqual([{ file: 31 }]);
  });

  it("imports nothing and says nothing when the open dialog is cancelled", async () => {
    const backend = settingsBackend({ choose_file: chooseFileAnswers(null), import_data: () => ({ tables: [] }) });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("import-data")).not.toHaveAttribute("data-loading"));
    expect(screen.queryByTestId("import-done")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(backend.callsTo("import_data")).toHaveLength(0);
  });

  it("says so when the open dialog could not give the file chosen", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(appErrorFixture({ code: "file_unreadable", message: "/home/me/exports is not a file" })),
      import_data: () => ({ tables: [] }),
    });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    const failed = await screen.findByTestId("import-failed");
    expect(within(failed).getByRole("alert")).toHaveTextContent("No file could be chosen");
    expect(failed).toHaveTextContent("/home/me/exports is not a file");
    expect(screen.queryByTestId("import-problems")).not.toBeInTheDocument();
    expect(backend.callsTo("import_data")).toHaveLength(0);
  });

  it("lists every problem of a refused file at its JSON path, after how many there are", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("old.json", 32)),
      import_data: () => {
        throw appErrorFixture({
          code: "import_refused",
          message: "nothing was imported: 2 problems in the file",
          invalidFields: [
            { field: "$.tables.sales[0].chain_id", code: "invalid_value", message: "expected a whole number, found text" },
            { field: "$.tables.participations[0].sale_id", code: "unknown_reference", message: "no sales row with id 9" },
          ],
        });
      },
    });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    const problems = await screen.findByTestId("import-problems");
    expect(problems).toHaveTextContent("old.json was not imported");
    expect(within(problems).getByTestId("import-problems-lead")).toHaveTextContent(/^Nothing was imported: 2 problems in the file\.$/);
    expect(problems).toHaveTextContent("Nothing was changed.");
    const items = within(problems).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "$.tables.sales[0].chain_id: expected a whole number, found text",
      "$.tables.participations[0].sale_id: no sales row with id 9",
    ]);
    expect(backend.callsTo("import_data").map((call) => call.args)).toEqual([{ file: 32 }]);
  });

  it("says so when the backend listed only the first problems", async () => {
    settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("big.json")),
      import_data: () => {
        throw appErrorFixture({
          code: "import_refused",
          message: "nothing was imported: 250 problems in the file (the first 200 are listed)",
          invalidFields: Array.from({ length: 200 }, (_, index) => ({
            field: `$.tables.sales[${index}].chain_id`,
            code: "invalid_value" as const,
            message: "expected a whole number, found text",
          })),
        });
      },
    });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    const problems = await screen.findByTestId("import-problems");
    expect(within(problems).getByTestId("import-problems-lead")).toHaveTextContent(
      "Nothing was imported: 250 problems in the file (the first 200 are listed).",
    );
    expect(within(problems).getAllByRole("listitem")).toHaveLength(200);
  });

  it("shows the backend's refusal of a file that is not UTF-8 text as the file's problem", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("latin1.json", 33)),
      import_data: () => {
        throw appErrorFixture({
          code: "import_refused",
          message: "nothing was imported: 1 problem in the file",
          invalidFields: [{ field: "$", code: "invalid_json", message: "the file is not UTF-8 text" }],
        });
      },
    });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    const problems = await screen.findByTestId("import-problems");
    expect(problems).toHaveTextContent("latin1.json was not imported");
    expect(within(problems).getByTestId("import-problems-lead")).toHaveTextContent("Nothing was imported: 1 problem in the file.");
    expect(problems).toHaveTextContent("Nothing was changed.");
    expect(within(problems).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["$: the file is not UTF-8 text"]);
    expect(backend.callsTo("import_data").map((call) => call.args)).toEqual([{ file: 33 }]);
  });

  it("explains that an import only goes into an empty data folder", async () => {
    settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("export.json")),
      import_data: () => {
        throw appErrorFixture({
          code: "data_not_empty",
          message: "nothing was imported: an import restores into an empty data folder, and this one holds sales (2)",
        });
      },
    });
    const { user } = renderApp("#/settings");
    await chooseExport(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("export.json was not imported");
    expect(alert).toHaveTextContent("this one holds sales (2)");
    await waitFor(() => expect(screen.queryByTestId("import-done")).toBeNull());
  });
});
