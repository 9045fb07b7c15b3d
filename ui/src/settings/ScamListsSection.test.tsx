import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ScamList } from "../api";
import { appErrorFixture, chooseFileAnswers, chosenFileFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";

function listFixture(overrides: Partial<ScamList> = {}): ScamList {
  return {
    id: 4,
    name: "drainers",
    source: "drainers.csv",
    url: null,
    importedAt: "2026-12-06T10:00:00Z",
    blockedDomains: 1204,
    allowedDomains: 0,
    impersonatedDomains: 0,
    tolerance: 0,
    addresses: 3,
    ...overrides,
  };
}

async function section() {
  return screen.findByTestId("scam-lists");
}

describe("Known scams in Settings", () => {
  it("says what is always checked, and that no list of the user's own exists yet", async () => {
    settingsBackend();
    renderApp("#/settings");
    const lists = await section();
    expect(lists).toHaveTextContent("eth-phishing-detect list (version 1.2.0, 13,752 phishing domains)");
    expect(lists).toHaveTextContent("Nothing is fetched from the internet, unless you import a list from a web address and refresh it.");
    expect(await within(lists).findByTestId("scam-lists-empty")).toBeVisible();
  });

  it("imports a chosen file under the name the user gives it", async () => {
    const drainers = chosenFileFixture("drainers.csv", 11, 4321);
    let stored: ScamList[] = [];
    const backend = settingsBackend({
      list_scam_lists: () => stored,
      choose_file: chooseFileAnswers(drainers),
      import_scam_list: (args) => {
        // The backend names the list's source after the file it read.
        const { name, file } = args as { name: string; file: number };
        stored = [listFixture({ name, source: file === drainers.id ? drainers.name : `file ${file}` })];
        return stored[0];
      },
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    await user.click(within(lists).getByTestId("scam-list-choose"));
    const name = await within(lists).findByTestId("scam-list-name");
    expect(name).toHaveValue("drainers");
    expect(within(lists).getByTestId("scam-list-import-form")).toHaveTextContent("From drainers.csv (4.2 KB)");
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual([{ purpose: "scamList" }]);
    await user.clear(name);
    await user.type(name, "Drainers from X{Enter}");

    await waitFor(() => expect(backend.callsTo("import_scam_list")).toHaveLength(1));
    expect(backend.callsTo("import_scam_list")[0]?.args).toEqual({ name: "Drainers from X", file: 11 });
    const row = await within(lists).findByTestId("scam-list-row");
    expect(row).toHaveTextContent("Drainers from X");
    expect(row).toHaveTextContent("from drainers.csv");
    expect(within(row).getByTestId("scam-list-contents")).toHaveTextContent("1,204 phishing domains · 3 scam addresses");
    expect(within(lists).queryByTestId("scam-list-import-form")).not.toBeInTheDocument();
  });

  it("shows every problem of a refused file and keeps the form to try again", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(chosenFileFixture("mine.csv", 12)),
      import_scam_list: () => {
        throw appErrorFixture({
          code: "import_refused",
          message: "nothing was imported: 2 problems in the file (row 3: entry: not a domain is neither an address nor a domain)",
          invalidFields: [
            { field: "row 3: entry", code: "invalid_value", message: "not a domain is neither an address nor a domain" },
            { field: "row 4: entry", code: "bad_checksum", message: "its capital letters do not match its checksum" },
          ],
        });
      },
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    await user.click(within(lists).getByTestId("scam-list-choose"));
    await user.click(await within(lists).findByTestId("scam-list-import"));
    const alert = await within(lists).findByRole("alert");
    expect(alert).toHaveTextContent("Nothing was imported from mine.csv");
    const problems = within(lists).getByTestId("scam-list-problems");
    expect(problems).toHaveTextContent("row 3: entry: not a domain is neither an address nor a domain");
    expect(problems).toHaveTextContent("row 4: entry: its capital letters do not match its checksum");
    expect(within(lists).getByTestId("scam-list-name")).toHaveValue("mine");
    expect(backend.callsTo("import_scam_list").map((call) => call.args)).toEqual([{ name: "mine", file: 12 }]);
  });

  it("changes nothing when the open dialog is cancelled: the chosen file, its name and the refusal stay", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(null, chosenFileFixture("mine.json", 13, 900), null),
      import_scam_list: () => {
        throw appErrorFixture({
          code: "import_refused",
          message: "nothing was imported: 1 problem in the file",
          invalidFields: [{ field: "$.blacklist[0]", code: "invalid_value", message: "not a domain" }],
        });
      },
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    const choose = within(lists).getByTestId("scam-list-choose");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(1));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(within(lists).queryByTestId("scam-list-import-form")).not.toBeInTheDocument();
    expect(within(lists).queryByRole("alert")).not.toBeInTheDocument();

    await user.click(choose);
    const name = await within(lists).findByTestId("scam-list-name");
    expect(within(lists).getByTestId("scam-list-import-form")).toHaveTextContent("From mine.json (900 bytes)");
    await user.clear(name);
    await user.type(name, "Mine{Enter}");
    expect(await within(lists).findByTestId("scam-list-problems")).toHaveTextContent("$.blacklist[0]: not a domain");

    await user.click(choose);
    await waitFor(() => expect(backend.callsTo("choose_file")).toHaveLength(3));
    await waitFor(() => expect(choose).not.toHaveAttribute("data-loading"));
    expect(within(lists).getByTestId("scam-list-import-form")).toHaveTextContent("From mine.json (900 bytes)");
    expect(within(lists).getByTestId("scam-list-name")).toHaveValue("Mine");
    expect(within(lists).getByTestId("scam-list-problems")).toHaveTextContent("$.blacklist[0]: not a domain");
    expect(backend.callsTo("choose_file").map((call) => call.args)).toEqual(Array(3).fill({ purpose: "scamList" }));
    expect(backend.callsTo("import_scam_list").map((call) => call.args)).toEqual([{ name: "Mine", file: 13 }]);
  });

  it("says so when the open dialog could not give the file chosen", async () => {
    const backend = settingsBackend({
      choose_file: chooseFileAnswers(appErrorFixture({ code: "file_unreadable", message: "/home/me/lists is not a file" })),
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    await user.click(within(lists).getByTestId("scam-list-choose"));
    const alert = await within(lists).findByRole("alert");
    expect(alert).toHaveTextContent("No file could be chosen");
    expect(alert).toHaveTextContent("/home/me/lists is not a file");
    expect(within(lists).queryByTestId("scam-list-import-form")).not.toBeInTheDocument();
    expect(backend.callsTo("import_scam_list")).toHaveLength(0);
  });

  it("removes a list after asking, and Cancel keeps it", async () => {
    let stored = [listFixture()];
    const backend = settingsBackend({
      list_scam_lists: () => stored,
      remove_scam_list: () => {
        stored = [];
        return null;
      },
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    await user.click(await within(lists).findByTestId("scam-list-remove"));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("remove_scam_list")).toHaveLength(0);

    await user.click(within(lists).getByTestId("scam-list-remove"));
    await user.click(await screen.findByTestId("scam-list-remove-confirm"));
    await waitFor(() => expect(within(lists).getByTestId("scam-lists-empty")).toBeVisible());
    expect(backend.callsTo("remove_scam_list").map((call) => call.args)).toEqual([{ id: 4 }]);
  });

  it("imports a list from a web address the user types, and says a wrong address at its field", async () => {
    const url = "https://lists.example/team.csv";
    let stored: ScamList[] = [];
    const backend = settingsBackend({
      list_scam_lists: () => stored,
      import_scam_list_from_url: (args) => {
        const { name, url: typed } = args as { name: string; url: string };
        if (!typed.startsWith("https://")) {
          throw appErrorFixture({ code: "invalid_url", field: "url", message: "an http(s) address, e.g. https://example.org/scam-list.csv" });
        }
        stored = [listFixture({ name, source: typed, url: typed })];
        return stored[0];
      },
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    expect(within(lists).queryByTestId("scam-list-refresh")).not.toBeInTheDocument();
    await user.click(within(lists).getByTestId("scam-list-from-url"));
    const form = await within(lists).findByTestId("scam-list-url-form");
    expect(form).toHaveTextContent("again only when you press Refresh on it — never by itself");
    await user.type(within(form).getByTestId("scam-list-url"), "lists.example/team.csv");
    await user.type(within(form).getByTestId("scam-list-url-name"), "Team");
    await user.click(within(form).getByTestId("scam-list-url-import"));
    expect(await within(form).findByText("an http(s) address, e.g. https://example.org/scam-list.csv")).toBeVisible();

    await user.clear(within(form).getByTestId("scam-list-url"));
    await user.type(within(form).getByTestId("scam-list-url"), `${url}{Enter}`);
    const row = await within(lists).findByTestId("scam-list-row");
    expect(row).toHaveTextContent(`from ${url}`);
    expect(within(row).getByTestId("scam-list-refresh")).toBeVisible();
    expect(within(lists).queryByTestId("scam-list-url-form")).not.toBeInTheDocument();
    expect(backend.callsTo("import_scam_list_from_url").map((call) => call.args)).toEqual([
      { name: "Team", url: "lists.example/team.csv" },
      { name: "Team", url },
    ]);
  });

  it("refreshes a list from its address, and says when it stays as it was", async () => {
    const url = "https://lists.example/team.csv";
    let stored = [listFixture({ url, source: url })];
    let attempts = 0;
    const backend = settingsBackend({
      list_scam_lists: () => stored,
      refresh_scam_list: () => {
        attempts += 1;
        if (attempts === 2) {
          throw appErrorFixture({ code: "download_failed", message: "lists.example answered 404 Not Found" });
        }
        const fresh = listFixture({ url, source: url, blockedDomains: 1300 });
        stored = [fresh];
        return fresh;
      },
    });
    const { user } = renderApp("#/settings");
    const lists = await section();
    await user.click(await within(lists).findByTestId("scam-list-refresh"));
    await waitFor(() => expect(within(lists).getByTestId("scam-list-contents")).toHaveTextContent("1,300 phishing domains"));
    expect(await screen.findByText("It now holds 1,300 phishing domains · 3 scam addresses.")).toBeVisible();

    await user.click(within(lists).getByTestId("scam-list-refresh"));
    const failure = await within(lists).findByTestId("scam-list-refresh-failure");
    expect(failure).toHaveTextContent("“drainers” was not refreshed: it stays as it was");
    expect(failure).toHaveTextContent("lists.example answered 404 Not Found");
    expect(within(lists).getByTestId("scam-list-contents")).toHaveTextContent("1,300 phishing domains");
    expect(backend.callsTo("refresh_scam_list").map((call) => call.args)).toEqual([{ id: 4 }, { id: 4 }]);
  });
});
