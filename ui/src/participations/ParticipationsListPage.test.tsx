import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { amountFixture, appErrorFixture, calendarEventFixture, participationFixture, portfolioFixture, saleFixture, stepFixture, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

const alpha = participationFixture({
  id: 1,
  saleId: 11,
  projectName: "Alpha",
  tokenSymbol: "ALP",
  history: [
    stepFixture({ to: "researching", happenedAt: "2026-11-01T09:00:00Z" }),
    stepFixture({ from: "researching", to: "kyc_pending", happenedAt: "2026-11-10T09:00:00Z" }),
  ],
});
const bravo = participationFixture({
  id: 2,
  saleId: 12,
  projectName: "Bravo",
  tokenSymbol: "BRV",
  history: [
    stepFixture({ to: "researching", happenedAt: "2026-10-01T09:00:00Z" }),
    stepFixture({ from: "researching", to: "contributed", happenedAt: "2026-10-05T09:00:00Z" }),
    stepFixture({ from: "contributed", to: "soft_cap_missed", happenedAt: "2026-10-20T09:00:00Z" }),
    stepFixture({ from: "soft_cap_missed", to: "refund_due", happenedAt: "2026-11-20T16:30:00Z" }),
  ],
});
const charlie = participationFixture({
  id: 3,
  saleId: 13,
  projectName: "Charlie",
  tokenSymbol: "CHR",
  history: [
    stepFixture({ to: "tokens_distributed", happenedAt: "2026-09-01T09:00:00Z" }),
    stepFixture({ from: "tokens_distributed", to: "fully_claimed", happenedAt: "2026-09-02T09:00:00Z" }),
  ],
});

function rowOf(projectName: string): HTMLElement {
  const row = screen.getAllByTestId("participation-row").find((candidate) => candidate.textContent?.includes(projectName));
  if (!row) throw new Error(`no row for ${projectName}`);
  return row;
}

describe("the participations list", () => {
  it("shows each participation with its sale, its state in words, since when and its number of steps, last moved first", async () => {
    const backend = fakeBackend({ list_participations: () => [alpha, charlie, bravo].map(summaryOf) });
    renderApp("#/participations");

    const rows = await screen.findAllByTestId("participation-row");
    expect(backend.callsTo("list_participations")).toHaveLength(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual(["BravoBRV", "AlphaALP", "CharlieCHR"]);

    const bravoRow = rowOf("Bravo");
    const bravoState = within(bravoRow).getByTestId("participation-state");
    expect(bravoState).toHaveTextContent("Refund due");
    expect(bravoState).toHaveAttribute("data-family", "waiting");
    expect(bravoState).toHaveAttribute("title", "Waiting");
    expect(within(bravoRow).getByTestId("participation-steps")).toHaveTextContent("4");
    // "Since" is the last step's date (not the first's), local time with UTC on hover.
    const since = within(bravoRow).getByText(
      (_, element) => element?.tagName === "TIME" && element.getAttribute("datetime") === "2026-11-20T16:30:00Z",
    );
    expect(since).toHaveAttribute("title", "2026-11-20 16:30 UTC");

    expect(within(rowOf("Alpha")).getByTestId("participation-state")).toHaveTextContent("KYC pending");
    expect(within(rowOf("Alpha")).getByTestId("participation-steps")).toHaveTextContent("2");
    const charlieState = within(rowOf("Charlie")).getByTestId("participation-state");
    expect(charlieState).toHaveTextContent("Fully claimed");
    expect(charlieState).toHaveAttribute("data-family", "done");
  });

  it("shows what comes next for each participation, or a dash", async () => {
    const withNext = [
      { ...alpha, nextEvent: calendarEventFixture({ kind: "sale_closes", projectName: "Alpha", at: "2027-01-10T12:00:00Z" }) },
      {
        ...bravo,
        nextEvent: calendarEventFixture({ kind: "refund_deadline", projectName: "Bravo", participationId: 2, at: "2027-02-01T00:00:00Z" }),
      },
      {
        ...charlie,
        nextEvent: calendarEventFixture({ kind: "unlock", projectName: "Charlie", amount: amountFixture("1250", "CHR"), participationId: 3 }),
      },
      participationFixture({ id: 4, saleId: 14, projectName: "Delta" }),
    ];
    fakeBackend({ list_participations: () => withNext.map(summaryOf), list_sales: () => [] });
    renderApp("#/participations");
    await screen.findByTestId("participations-table");
    const next = (name: string) => within(rowOf(name)).getByTestId("participation-next");
    expect(next("Alpha")).toHaveTextContent("Alpha closes");
    expect(next("Bravo")).toHaveTextContent("Refund deadline of Bravo");
    expect(next("Charlie")).toHaveTextContent("Unlock of 1,250 CHR");
    expect(next("Charlie").querySelector("time")).toHaveAttribute("datetime", "2027-01-15T12:00:00Z");
    expect(next("Delta")).toHaveTextContent("—");
  });

  it("opens a participation from its row, or from its link with the keyboard", async () => {
    const backend = fakeBackend({
      list_participations: () => [alpha, bravo].map(summaryOf),
      list_transactions: transactionsReply([]),
      get_participation: (args) => [alpha, bravo].find((participation) => participation.id === (args as { id: number }).id),
    });
    const { user } = renderApp("#/participations");

    await user.click(within(await screen.findByRole("table")).getByText("KYC pending"));
    expect(await screen.findByRole("heading", { level: 1, name: "Alpha" })).toBeInTheDocument();
    expect(backend.callsTo("get_participation").at(-1)?.args).toEqual({ id: 1 });

    await user.click(screen.getByRole("link", { name: "All participations" }));
    const link = await screen.findByRole("link", { name: "Bravo" });
    link.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Bravo" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/participations/2");
  });

  it("explains what a participation is when there is none, and points to the sales", async () => {
    fakeBackend({
      list_participations: () => [],
      list_sales: () => [saleFixture({ id: 4, projectName: "Delta" })],
      get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => [],
    });
    const { user } = renderApp("#/dashboard");
    await user.click(screen.getByTestId("nav-participations"));

    const empty = await screen.findByTestId("participations-empty");
    expect(empty).toHaveTextContent("No participations yet");
    expect(empty).toHaveTextContent("Start one from the sale's page");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByTestId("not-built-yet")).not.toBeInTheDocument();
    expect(screen.getByTestId("nav-participations")).toHaveAttribute("aria-current", "page");

    await user.click(within(empty).getByRole("link", { name: "Go to sales" }));
    expect(await screen.findAllByTestId("sale-row")).toHaveLength(1);
  });

  it("says what happened when the participations cannot be loaded, and tries again", async () => {
    let fail = true;
    const backend = fakeBackend({
      list_participations: () => {
        if (fail) throw appErrorFixture({ code: "storage_failed", message: "The database could not be read." });
        return [alpha].map(summaryOf);
      },
    });
    const { user } = renderApp("#/participations");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The database could not be read.");
    expect(screen.queryByTestId("participations-empty"), "a failure is not an empty list").toBeNull();
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findAllByTestId("participation-row")).toHaveLength(1);
    await waitFor(() => expect(backend.callsTo("list_participations")).toHaveLength(2));
  });
});
