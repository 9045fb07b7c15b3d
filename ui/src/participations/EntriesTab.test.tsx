import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Entry, EntryInput, Participation } from "../api";
import { amountFixture, appErrorFixture, entriesReply, entryFixture, participationFixture, stepFixture, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

function entriesParticipation(overrides: Partial<Participation> = {}): Participation {
  return participationFixture({
    id: 7,
    saleId: 21,
    projectName: "Aurora Network",
    tokenSymbol: "AUR",
    history: [stepFixture({ to: "contributed" })],
    ...overrides,
  });
}

function form(): HTMLElement {
  return screen.getByTestId("entries-form");
}

function input(name: keyof EntryInput): HTMLInputElement {
  const element = form().querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input named ${name}`);
  return element;
}

async function openEntriesTab(user: ReturnType<typeof renderApp>["user"]) {
  await user.click(await screen.findByTestId("tab-entries"));
  await screen.findByTestId("entries-form");
}

describe("a participation's entries", () => {
  it("says nothing is recorded yet, then records an entry as typed and lists it", async () => {
    let current = entriesParticipation();
    const recorded: Entry[] = [];
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => current,
      list_participations: () => [current].map(summaryOf),
      ...entriesReply(() => recorded),
      record_entry: (args) => {
        const { input: typed } = args as { id: number; input: EntryInput };
        recorded.push(
          entryFixture({
            id: 1,
            kind: typed.kind,
            happenedAt: "2026-12-01T10:00:00Z",
            amount: amountFixture(typed.amount, typed.asset, Number(typed.decimals)),
            reference: typed.reference,
            from: typed.from,
            to: typed.to,
            note: typed.note,
          }),
        );
        current = { ...current, entryCount: recorded.length };
        return current;
      },
    });
    const { user } = renderApp("#/participations/7");
    await openEntriesTab(user);

    expect(screen.getByTestId("entries-empty")).toHaveTextContent("Nothing recorded yet");
    expect(input("kind")).toHaveValue("contribution");
    expect(within(form()).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Contribution",
      "Refund",
      "Distribution",
    ]);

    await user.selectOptions(input("kind"), "refund");
    expect(input("kind")).toHaveAccessibleDescription("Money the sale sent back to you.");
    await user.type(input("happenedAt"), "2026-12-01 10:00");
    await user.type(input("asset"), "BTC");
    await user.type(input("decimals"), "8");
    await user.click(input("reference"));
    await user.paste("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
    await user.type(input("from"), "Exchange withdrawal");
    await user.click(input("to"));
    await user.paste("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    await user.type(input("note"), "Refund after the soft cap was missed.");
    await user.type(input("amount"), "0.015{Enter}");

    await waitFor(() => expect(backend.callsTo("record_entry")).toHaveLength(1));
    expect(backend.callsTo("record_entry")[0]?.args).toEqual({
      id: 7,
      input: {
        kind: "refund",
        happenedAt: "2026-12-01 10:00",
        asset: "BTC",
        decimals: "8",
        amount: "0.015",
        reference: "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
        from: "Exchange withdrawal",
        to: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        note: "Refund after the soft cap was missed.",
      },
    });

    const row = await screen.findByTestId("entries-entry");
    expect(screen.queryByTestId("entries-empty")).toBeNull();
    expect(within(row).getByTestId("entry-kind")).toHaveTextContent("Refund");
    expect(within(row).getByTestId("entry-amount")).toHaveTextContent("0.015 BTC");
    expect(within(row).getByTestId("entry-reference")).toHaveTextContent("4a5e1e4baa…eda33b");
    expect(within(row).getByTestId("entry-reference")).toHaveAttribute(
      "title",
      "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
    );
    expect(within(row).getByTestId("entry-parties")).toHaveTextContent("Exchange withdrawal");
    expect(within(row).getByTestId("entry-parties")).toHaveTextContent("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    expect(within(row).getByTestId("entry-note")).toHaveTextContent("Refund after the soft cap was missed.");
    expect(within(row).getByTestId("entry-source")).toHaveTextContent("Manual");
    expect(row.querySelector("time")).toHaveAttribute("datetime", "2026-12-01T10:00:00Z");
    expect(await screen.findByText("Entry recorded")).toBeInTheDocument();
    expect(screen.getByTestId("tab-entries")).toHaveTextContent("1");
    // Ready for the next one: the kind and asset stay, the rest is cleared.
    expect(input("kind")).toHaveValue("refund");
    expect(input("asset")).toHaveValue("BTC");
    expect(input("decimals")).toHaveValue("8");
    expect(input("amount")).toHaveValue("");
    expect(input("happenedAt")).toHaveValue("");
    expect(input("note")).toHaveValue("");
  });

  it("shows the backend's refusals beside their inputs, focuses the first and keeps everything typed", async () => {
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => entriesParticipation(),
      record_entry: () => {
        throw appErrorFixture({
          code: "too_many_decimal_places",
          message: "amount: BTC has at most 8 decimal places",
          field: "amount",
          invalidFields: [
            { field: "amount", code: "too_many_decimal_places", message: "BTC has at most 8 decimal places" },
            { field: "happenedAt", code: "in_the_future", message: "this date is in the future: record it once it has happened" },
          ],
        });
      },
    });
    const { user } = renderApp("#/participations/7");
    await openEntriesTab(user);

    await user.selectOptions(input("kind"), "distribution");
    expect(input("asset")).toHaveAttribute("placeholder", "AUR");
    await user.type(input("happenedAt"), "2099-01-01 00:00");
    await user.type(input("asset"), "BTC");
    await user.type(input("decimals"), "8");
    await user.type(input("amount"), "0.000000001");
    await user.type(input("note"), "Typed with care.");
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(input("happenedAt")).toHaveAttribute("aria-invalid", "true"));
    expect(backend.callsTo("record_entry")).toHaveLength(1);
    expect(input("happenedAt")).toHaveFocus();
    expect(input("happenedAt")).toHaveAccessibleDescription(expect.stringContaining("this date is in the future"));
    expect(input("amount")).toHaveAttribute("aria-invalid", "true");
    expect(input("amount")).toHaveAccessibleDescription(expect.stringContaining("BTC has at most 8 decimal places"));
    expect(input("asset")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("entries-form-alert")).toHaveTextContent("Check these fields: Amount, When (UTC).");
    // Nothing lost.
    expect(input("kind")).toHaveValue("distribution");
    expect(input("happenedAt")).toHaveValue("2099-01-01 00:00");
    expect(input("asset")).toHaveValue("BTC");
    expect(input("decimals")).toHaveValue("8");
    expect(input("amount")).toHaveValue("0.000000001");
    expect(input("note")).toHaveValue("Typed with care.");
    expect(screen.getByTestId("entries-empty")).toBeInTheDocument();
  });

  it("lists recorded entries oldest first, each kind and source in words, and by kind when asked", async () => {
    const entries = [
      entryFixture({ id: 1, kind: "contribution", source: "manual", reference: "ORDER-1234" }),
      entryFixture({
        id: 3,
        kind: "distribution",
        source: "found",
        happenedAt: "2027-01-20T12:00:00Z",
        amount: amountFixture("10", "AUR"),
        reference: "0x9f3c6b1b1a4f0e3f9a2b7c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081",
        logIndex: 7,
      }),
      entryFixture({
        id: 2,
        kind: "distribution",
        source: "signed",
        happenedAt: "2027-01-15T12:00:00Z",
        amount: amountFixture("1250", "AUR"),
        reference: "",
        from: "",
        to: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      }),
    ];
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => entriesParticipation({ entryCount: entries.length }),
      ...entriesReply(() => entries),
    });
    const { user } = renderApp("#/participations/7");
    await openEntriesTab(user);

    const rows = await screen.findAllByTestId("entries-entry");
    expect(rows.map((row) => within(row).getByTestId("entry-kind").textContent)).toEqual(["Contribution", "Distribution", "Distribution"]);
    expect(rows.map((row) => within(row).getByTestId("entry-source").textContent)).toEqual(["Manual", "Found", "Signed"]);
    expect(within(rows[1] as HTMLElement).getByTestId("entry-log")).toHaveTextContent("Log 7 of that transaction");
    expect(within(rows[0] as HTMLElement).queryByTestId("entry-log")).toBeNull();
    rows.splice(1, 1);
    expect(within(rows[0] as HTMLElement).getByTestId("entry-reference")).toHaveTextContent("ORDER-1234");
    expect(within(rows[1] as HTMLElement).getByTestId("entry-amount")).toHaveTextContent("1,250 AUR");
    expect(within(rows[1] as HTMLElement).queryByTestId("entry-reference")).toBeNull();
    expect(within(rows[1] as HTMLElement).getByTestId("entry-parties")).toHaveTextContent("not recorded");
    expect(screen.getByTestId("tab-entries")).toHaveTextContent("3");

    // Only the distributions, newest first: asked of the backend, which filters and orders.
    const filters = screen.getByTestId("entries-filters");
    expect(filters).toHaveTextContent("3 entries");
    await user.click(within(filters).getByText("Distributions"));
    await user.click(within(filters).getByText("Newest first"));
    await waitFor(() => expect(filters).toHaveTextContent("2 entries"));
    expect(backend.callsTo("list_entries").at(-1)?.args).toMatchObject({ id: 7, query: { kind: "distribution", order: "newestFirst" } });
    await waitFor(() =>
      expect(screen.getAllByTestId("entries-entry").map((row) => within(row).getByTestId("entry-source").textContent)).toEqual(["Signed", "Found"]),
    );
  });
});

describe("checking the ledger against the chain", () => {
  const refundHash = `0x${"9a".repeat(32)}`;
  const correction = {
    action: "amend",
    kind: "refund",
    reference: refundHash,
    recorded: amountFixture("1", "ETH"),
    proved: amountFixture("0.95", "ETH"),
    logIndex: null,
    why: "the chain proves another amount",
  };

  it("shows what the chain proves otherwise, and corrects only once asked", async () => {
    let corrected = false;
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      list_transfers_from_others: () => [],
      get_participation: () => entriesParticipation(),
      plan_ledger_repair: () => ({
        participationId: 7,
        transactionsRead: 3,
        corrections: corrected ? [] : [correction],
        leftAlone: ["0x77…: the coins it returned could not be measured (no archive)"],
      }),
      apply_ledger_repair: () => {
        corrected = true;
        return entriesParticipation();
      },
    });
    const { user } = renderApp("#/participations/7");
    await openEntriesTab(user);
    const panel = screen.getByTestId("ledger-repair");
    await user.click(within(panel).getByTestId("ledger-repair-check"));
    const row = await within(panel).findByTestId("ledger-correction");
    expect(row).toHaveTextContent("Correct");
    expect(row).toHaveTextContent("1 ETH");
    expect(row).toHaveTextContent("0.95 ETH");
    expect(panel).toHaveTextContent("could not be measured (no archive)");
    expect(backend.callsTo("apply_ledger_repair")).toHaveLength(0);

    await user.click(within(panel).getByTestId("ledger-repair-apply"));
    await waitFor(() => expect(backend.callsTo("apply_ledger_repair")).toHaveLength(1));
    expect(backend.callsTo("apply_ledger_repair")[0]?.args).toEqual({ participationId: 7, seen: [correction] });
    expect(await within(panel).findByTestId("ledger-repair-clean")).toHaveTextContent("the ledger says what the chain proves");
  });

  it("says why nothing was corrected when the ledger changed meanwhile", async () => {
    fakeBackend({
      list_transactions: transactionsReply([]),
      list_transfers_from_others: () => [],
      get_participation: () => entriesParticipation(),
      plan_ledger_repair: () => ({ participationId: 7, transactionsRead: 1, corrections: [correction], leftAlone: [] }),
      apply_ledger_repair: () => {
        throw appErrorFixture({ code: "review_outdated", message: "the ledger or the chain changed since the corrections were shown" });
      },
    });
    const { user } = renderApp("#/participations/7");
    await openEntriesTab(user);
    const panel = screen.getByTestId("ledger-repair");
    await user.click(within(panel).getByTestId("ledger-repair-check"));
    await user.click(await within(panel).findByTestId("ledger-repair-apply"));
    const alert = await within(panel).findByRole("alert");
    expect(alert).toHaveTextContent("Nothing was corrected");
    expect(alert).toHaveTextContent("changed since the corrections were shown");
  });
});
