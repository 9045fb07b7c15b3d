import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarEvent } from "../api";
import { amountFixture, appErrorFixture, calendarEventFixture, portfolioFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

/** A kind this version never heard of (a newer backend's). */
function futureKind(kind: string, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return { ...calendarEventFixture(overrides), kind: kind as CalendarEvent["kind"] };
}

const upcoming: CalendarEvent[] = [
  calendarEventFixture({ at: "2027-01-13T12:00:00Z", kind: "sale_opens", saleId: 3, projectName: "Aurora Network" }),
  calendarEventFixture({
    at: "2027-01-15T12:00:00Z",
    kind: "unlock",
    saleId: 4,
    projectName: "Borealis Protocol",
    participationId: 7,
    amount: amountFixture("1250", "AUR"),
  }),
  calendarEventFixture({ at: "2027-01-20T12:00:00Z", kind: "sale_closes", saleId: 3, projectName: "Aurora Network" }),
  calendarEventFixture({ at: "2027-02-01T12:00:00Z", kind: "refund_deadline", saleId: 5, projectName: "Cirrus Labs", participationId: 8 }),
  futureKind("airdrop", { at: "2027-02-02T12:00:00Z", saleId: 6, projectName: "Delta Finance" }),
];

describe("the dashboard", () => {
  beforeEach(() => {
    // Only the clock: timers stay real for the queries and the user events.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-10T12:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts the sales tracked and names the next to open and to close, from list_sales", async () => {
    fakeBackend({
      list_sales: () => [
        saleFixture({ id: 1, projectName: "Later Upcoming", status: "upcoming", startsAt: "2027-02-01T10:00:00Z" }),
        saleFixture({ id: 2, projectName: "Soon Upcoming", status: "upcoming", startsAt: "2027-01-01T10:00:00Z" }),
        saleFixture({ id: 3, projectName: "Closing First", status: "open", endsAt: "2026-12-02T10:00:00Z" }),
        saleFixture({ id: 4, projectName: "Closing Later", status: "open", endsAt: "2026-12-20T10:00:00Z" }),
        saleFixture({ id: 5, projectName: "Long Gone", status: "ended", startsAt: "2020-01-01T10:00:00Z", endsAt: "2020-02-01T10:00:00Z" }),
        // Archived: out of the way, not counted, not next.
        saleFixture({
          id: 6,
          projectName: "Shelved",
          status: "upcoming",
          startsAt: "2026-12-20T10:00:00Z",
          archivedAt: "2026-11-20T10:00:00Z",
        }),
      ],
      get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => [],
    });
    renderApp("#/dashboard");

    expect(await screen.findByTestId("sales-tracked-count")).toHaveTextContent("5");
    expect(within(screen.getByTestId("next-opening")).getByRole("link")).toHaveTextContent("Soon Upcoming");
    expect(within(screen.getByTestId("next-closing")).getByRole("link")).toHaveTextContent("Closing First");
    expect(screen.queryByTestId("not-built-yet")).toBeNull();
  });

  it("invents nothing when there are no sales and nothing is coming up", async () => {
    fakeBackend({ list_sales: () => [], get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => [] });
    renderApp("#/dashboard");

    expect(await screen.findByTestId("sales-tracked-count")).toHaveTextContent("0");
    expect(screen.getByTestId("next-opening")).toHaveTextContent("No upcoming sale.");
    expect(screen.getByTestId("next-closing")).toHaveTextContent("No sale is open.");
    await waitFor(() => expect(screen.getByTestId("dashboard-next-unlock")).toHaveTextContent("No unlock scheduled."));
    expect(within(screen.getByTestId("upcoming-events")).getByTestId("upcoming-empty")).toHaveTextContent(
      "Nothing coming up in the next 12 months",
    );
    expect(screen.queryAllByTestId("upcoming-event")).toHaveLength(0);
  });

  it("lists the next twelve months' events of every kind, each saying what, when, and linking to what it is about", async () => {
    const backend = fakeBackend({ list_sales: () => [], get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => upcoming });
    renderApp("#/dashboard");

    const list = await screen.findByRole("list", { name: "Upcoming events" });
    expect(backend.callsTo("calendar")[0]?.args).toEqual({ from: "", to: "" });
    const rows = within(list).getAllByTestId("upcoming-event");
    expect(rows.map((row) => row.getAttribute("data-kind"))).toEqual([
      "sale_opens",
      "unlock",
      "sale_closes",
      "refund_deadline",
      "airdrop",
    ]);
    const titles = rows.map((row) => within(row).getByTestId("event-title"));
    expect(titles.map((title) => title.textContent)).toEqual([
      "Aurora Network opens",
      "Unlock of 1,250 AUR",
      "Aurora Network closes",
      "Refund deadline of Cirrus Labs",
      "Delta Finance",
    ]);
    // Sale events lead to the sale; an unlock (and a refund deadline) to the participation.
    expect(titles.map((title) => title.getAttribute("href"))).toEqual([
      "#/sales/3",
      "#/participations/7",
      "#/sales/3",
      "#/participations/8",
      "#/sales/6",
    ]);
    // The kind in words beside its icon, never the colour alone; the project where the title does not name it.
    expect(rows[0]).toHaveTextContent("Sale opens");
    expect(rows[1]).toHaveTextContent("Unlock · Borealis Protocol");
    expect(rows[4]).toHaveTextContent("Event");
    // Local time, UTC on hover, and how far away.
    const when = (rows[1] as HTMLElement).querySelector("time");
    expect(when).toHaveAttribute("datetime", "2027-01-15T12:00:00Z");
    expect(when).toHaveAttribute("title", "2027-01-15 12:00 UTC");
    expect(rows[1]).toHaveTextContent("(in 5 days)");
  });

  it("names the next unlock: its project, amount and date, linking to the participation", async () => {
    fakeBackend({ list_sales: () => [], get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => upcoming });
    renderApp("#/dashboard");

    const card = await screen.findByTestId("dashboard-next-unlock");
    await waitFor(() => expect(within(card).getByTestId("next-unlock-project")).toHaveTextContent("Borealis Protocol"));
    expect(within(card).getByTestId("next-unlock-project")).toHaveAttribute("href", "#/participations/7");
    expect(within(card).getByTestId("next-unlock-amount")).toHaveTextContent("1,250 AUR");
    expect(card.querySelector("time")).toHaveAttribute("datetime", "2027-01-15T12:00:00Z");
    expect(card).toHaveTextContent("in 5 days");
  });

  it("lists the first eight and sends the rest to the calendar", async () => {
    const many = Array.from({ length: 11 }, (_, index) =>
      calendarEventFixture({ at: `2027-02-${String(index + 1).padStart(2, "0")}T09:00:00Z`, saleId: index + 1, projectName: `Sale ${index + 1}` }),
    );
    fakeBackend({ list_sales: () => [], get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => many });
    const { user } = renderApp("#/dashboard");

    await waitFor(() => expect(screen.getAllByTestId("upcoming-event")).toHaveLength(8));
    expect(screen.getByTestId("upcoming-more")).toHaveTextContent("And 3 more in the next 12 months");
    expect(screen.getByTestId("dashboard-next-unlock")).toHaveTextContent("No unlock scheduled.");

    await user.click(screen.getByTestId("open-calendar"));
    expect(await screen.findByRole("heading", { level: 1, name: "Calendar" })).toBeInTheDocument();
    expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("aria-current", "page");
  });

  it("says when the events could not be loaded, and keeps the sales", async () => {
    fakeBackend({
      list_sales: () => [saleFixture({ id: 1 })],
      get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => {
        throw appErrorFixture({ code: "storage_failed", message: "The database could not be read." });
      },
    });
    renderApp("#/dashboard");

    const section = await screen.findByTestId("upcoming-events");
    expect(await within(section).findByRole("alert")).toHaveTextContent("The database could not be read.");
    expect(screen.getByTestId("dashboard-next-unlock")).toHaveTextContent("Not available");
    expect(screen.getByTestId("sales-tracked-count")).toHaveTextContent("1");
  });

  it("shows the portfolio's value, cost and profit and the budget left, and says what is not known", async () => {
    fakeBackend({
      list_sales: () => [],
      calendar: () => [],
      backup_status: () => ({ lastBackupAt: "2026-11-01T10:00:00Z", due: true, reminderDays: 30 }),
      get_portfolio: () =>
        portfolioFixture({
          currency: "EUR",
          value: { amount: "12500.5", complete: false },
          cost: { amount: "9000", complete: true },
          realized: { amount: "-250", complete: true },
          unrealized: { amount: "3500.5", complete: true },
        }),
      get_current_budget: () => ({
        id: 1,
        currency: "EUR",
        period: "2027",
        total: "20000",
        perSaleCap: null,
        maxSharePercent: null,
        committed: "21000",
        left: "-1000",
        committedPercent: "105",
        perSale: [],
        unpriced: 0,
      }),
    });
    renderApp("#/dashboard");

    expect(await screen.findByTestId("dashboard-value-total-amount")).toHaveTextContent(/^12,500\.5 EUR$/);
    expect(screen.getByTestId("dashboard-value-total-incomplete")).toHaveTextContent("some values have no price");
    expect(screen.getByTestId("dashboard-cost-total-amount")).toHaveTextContent(/^9,000 EUR$/);
    expect(screen.queryByTestId("dashboard-cost-total-incomplete")).not.toBeInTheDocument();
    expect(screen.getByTestId("dashboard-profit-total-amount")).toHaveTextContent(/^\+3,250\.5 EUR$/);
    expect(await screen.findByTestId("dashboard-budget-left-amount")).toHaveTextContent("-1,000 EUR");
    expect(screen.getByTestId("dashboard-budget-left")).toHaveTextContent("of 20,000 EUR for 2027");
    expect(within(screen.getByTestId("dashboard-value")).getByRole("link", { name: "See the portfolio" })).toHaveAttribute("href", "#/portfolio");
    const reminder = await screen.findByTestId("backup-reminder");
    expect(reminder).toHaveTextContent("No encrypted backup in the last 30 days.");
    expect(within(reminder).getByRole("link", { name: "Make a backup" })).toHaveAttribute("href", "#/settings");
  });

  it("offers to set a budget when none applies now", async () => {
    fakeBackend({ list_sales: () => [], calendar: () => [], get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }) });
    renderApp("#/dashboard");

    await waitFor(() => expect(screen.getByTestId("dashboard-budget-left")).toHaveTextContent("No budget for now."));
    expect(screen.queryByTestId("backup-reminder")).not.toBeInTheDocument();
    expect(await screen.findByTestId("dashboard-value-total-amount")).toHaveTextContent(/^0 USD$/);
  });
});
