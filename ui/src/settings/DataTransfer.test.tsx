import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";
import { describeTables } from "./DataTransfer";

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>("input[type='file'][accept='application/json,.json']");
  if (!input) throw new Error("no file input for the import");
  return input;
}

const exportText = '{"format": "saleguard-export", "format_version": 1, "tables": {}}\n';

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

  it("exports into the Downloads folder and shows where", async () => {
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

  it("imports the picked file's text and says what came in", async () => {
    const backend = settingsBackend({
      import_data: () => ({ tables: [{ table: "sales", rows: 3 }] }),
    });
    const { user } = renderApp("#/settings");
    await screen.findByRole("button", { name: "Import an export…" });
    await user.upload(fileInput(), new File([exportText], "saleguard-export.json", { type: "application/json" }));
    const done = await screen.findByTestId("import-done");
    expect(done).toHaveTextContent("saleguard-export.json imported");
    expect(done).toHaveTextContent("3 sales.");
    expect(backend.callsTo("import_data")[0]?.args).toEqual({ contents: exportText });
  });

  it("lists every problem of a refused file at its JSON path, after how many there are", async () => {
    settingsBackend({
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
    await screen.findByRole("button", { name: "Import an export…" });
    await user.upload(fileInput(), new File(["{}"], "old.json", { type: "application/json" }));
    const problems = await screen.findByTestId("import-problems");
    expect(problems).toHaveTextContent("old.json was not imported");
    expect(within(problems).getByTestId("import-problems-lead")).toHaveTextContent(/^Nothing was imported: 2 problems in the file\.$/);
    expect(problems).toHaveTextContent("Nothing was changed.");
    const items = within(problems).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "$.tables.sales[0].chain_id: expected a whole number, found text",
      "$.tables.participations[0].sale_id: no sales row with id 9",
    ]);
  });

  it("says so when the backend listed only the first problems", async () => {
    settingsBackend({
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
    await screen.findByRole("button", { name: "Import an export…" });
    await user.upload(fileInput(), new File(["{}"], "big.json", { type: "application/json" }));
    const problems = await screen.findByTestId("import-problems");
    expect(within(problems).getByTestId("import-problems-lead")).toHaveTextContent(
      "Nothing was imported: 250 problems in the file (the first 200 are listed).",
    );
    expect(within(problems).getAllByRole("listitem")).toHaveLength(200);
  });

  it("refuses a file that is not UTF-8 text without sending it to the backend", async () => {
    const backend = settingsBackend({ import_data: () => ({ tables: [] }) });
    const { user } = renderApp("#/settings");
    await screen.findByRole("button", { name: "Import an export…" });
    // {"café"} in Latin-1: the é is the single byte 0xE9, which is not UTF-8.
    const latin1 = new Uint8Array([0x7b, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x7d]);
    await user.upload(fileInput(), new File([latin1], "latin1.json", { type: "application/json" }));
    const problems = await screen.findByTestId("import-problems");
    expect(problems).toHaveTextContent("latin1.json was not imported");
    expect(within(problems).getByTestId("import-problems-lead")).toHaveTextContent("Nothing was imported: 1 problem in the file.");
    expect(problems).toHaveTextContent("Nothing was changed.");
    expect(within(problems).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["$: the file is not UTF-8 text"]);
    expect(backend.callsTo("import_data")).toHaveLength(0);
  });

  it("sends UTF-8 text beyond ASCII exactly as it is in the file", async () => {
    const backend = settingsBackend({ import_data: () => ({ tables: [] }) });
    const { user } = renderApp("#/settings");
    await screen.findByRole("button", { name: "Import an export…" });
    const text = '{"note": "café ✓"}';
    await user.upload(fileInput(), new File([new TextEncoder().encode(text)], "utf8.json", { type: "application/json" }));
    await screen.findByTestId("import-done");
    expect(backend.callsTo("import_data")[0]?.args).toEqual({ contents: text });
  });

  it("explains that an import only goes into an empty data folder", async () => {
    settingsBackend({
      import_data: () => {
        throw appErrorFixture({
          code: "data_not_empty",
          message: "nothing was imported: an import restores into an empty data folder, and this one holds sales (2)",
        });
      },
    });
    const { user } = renderApp("#/settings");
    await screen.findByRole("button", { name: "Import an export…" });
    await user.upload(fileInput(), new File([exportText], "export.json", { type: "application/json" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("export.json was not imported");
    expect(alert).toHaveTextContent("this one holds sales (2)");
    await waitFor(() => expect(screen.queryByTestId("import-done")).toBeNull());
  });
});
