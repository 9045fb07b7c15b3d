import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarEvent } from "../api";
import { amountFixture, calendarEventFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const january: CalendarEvent[] = [
  calendarEventFixture({ at: "2027-01-13T09:00:00Z", kind: "sale_opens", saleId: 3, projectName: "Aurora Network" }),
  calendarEventFixture({
    at: "2027-01-15T12:00:00Z",
    kind: "unlock",
    saleId: 4,
    projectName: "Borealis Protocol",
    participationId: 7,
    amount: amountFixture("1250", "AUR"),
  }),
  calendarEventFixture({ at: "2027-01-15T18:00:00Z", kind: "sale_closes", saleId: 3, projectName: "Aurora Network" }),
];
const february: CalendarEvent[] = [
  calendarEventFixture({ at: "2027-02-03T08:00:00Z", kind: "sale_closes", saleId: 5, projectName: "Cirrus Labs" }),
];

/** A backend answering `calendar` with the events of the month asked for. */
function calendarBackend() {
  return fakeBackend({
    calendar: (args) => {
      const { from } = args as { from: string; to: string };
      if (from.startsWith("2027-01")) return january;
      if (from.startsWith("2027-02")) return february;
      return [];
    },
  });
}

function grid(): HTMLElement {
  return screen.getByTestId("calendar-month");
}

function day(key: string): HTMLElement {
  const element = grid().querySelector<HTMLElement>(`[data-date="${key}"]`);
  if (!element) throw new Error(`no day ${key} in the grid`);
  return element;
}

function eventsOn(key: string): string[] {
  return within(day(key))
    .queryAllByTestId("calendar-event")
    .map((event) => `${event.getAttribute("data-kind")}: ${event.textContent}`);
}

describe("the calendar", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-10T12:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows this month with today marked and each event on its day, asking for the month's bounds", async () => {
    const backend = calendarBackend();
    renderApp("#/dashboard/calendar");

    expect(await screen.findByRole("heading", { level: 1, name: "Calendar" })).toBeInTheDocument();
    expect(screen.getByTestId("calendar-month-title")).toHaveTextContent("January 2027");
    // The page asks once it is drawn: on a loaded machine the heading can come first.
    await waitFor(() => expect(backend.callsTo("calendar")[0]?.args).toEqual({ from: "2027-01-01T00:00:00Z", to: "2027-01-31T23:59:59Z" }));
    await waitFor(() => expect(eventsOn("2027-01-15")).toHaveLength(2));

    expect(eventsOn("2027-01-13")).toEqual(["sale_opens: Aurora Network opens"]);
    expect(eventsOn("2027-01-15")).toEqual(["unlock: Unlock of 1,250 AUR", "sale_closes: Aurora Network closes"]);
    expect(eventsOn("2027-01-14")).toEqual([]);
    expect(day("2027-01-15")).toHaveAccessibleName(expect.stringContaining("2 events"));
    expect(day("2027-01-10")).toHaveAttribute("aria-current", "date");
    expect(day("2027-01-10")).toHaveAttribute("data-today");
    expect(grid().querySelectorAll("[data-today]")).toHaveLength(1);
    // Every day of the month, once; the neighbouring months' days only fill the weeks.
    expect(within(grid()).getAllByTestId("calendar-day")).toHaveLength(31);
    // Without a day chosen, the whole month is listed.
    const panel = screen.getByTestId("calendar-day-events");
    expect(within(panel).getByTestId("calendar-day-title")).toHaveTextContent("All of January 2027");
    expect(within(panel).getAllByTestId("calendar-day-event")).toHaveLength(3);
  });

  it("lists a day's events when it is clicked, linking to what each is about", async () => {
    calendarBackend();
    const { user } = renderApp("#/dashboard/calendar");
    await waitFor(() => expect(eventsOn("2027-01-15")).toHaveLength(2));

    await user.click(day("2027-01-15"));
    expect(day("2027-01-15")).toHaveAttribute("data-selected");
    expect(day("2027-01-15").closest("td")).toHaveAttribute("aria-selected", "true");
    const panel = screen.getByTestId("calendar-day-events");
    expect(within(panel).getByTestId("calendar-day-title")).toHaveTextContent("January 15, 2027");
    const rows = within(panel).getAllByTestId("calendar-day-event");
    expect(rows.map((row) => within(row).getByTestId("event-title").getAttribute("href"))).toEqual([
      "#/participations/7",
      "#/sales/3",
    ]);

    await user.click(day("2027-01-14"));
    expect(within(panel).getByTestId("calendar-day-empty")).toHaveTextContent("Nothing on this day");
    await user.click(within(panel).getByTestId("calendar-show-month"));
    expect(within(panel).getAllByTestId("calendar-day-event")).toHaveLength(3);
  });

  it("moves a month on and back with the buttons, asking for each month's events", async () => {
    const backend = calendarBackend();
    const { user } = renderApp("#/dashboard/calendar");
    await waitFor(() => expect(eventsOn("2027-01-15")).toHaveLength(2));
    expect(screen.getByTestId("calendar-this-month")).toHaveAttribute("aria-disabled", "true");

    await user.click(screen.getByRole("button", { name: "Next month" }));
    expect(screen.getByTestId("calendar-month-title")).toHaveTextContent("February 2027");
    await waitFor(() => expect(eventsOn("2027-02-03")).toEqual(["sale_closes: Cirrus Labs closes"]));
    expect(backend.callsTo("calendar").at(-1)?.args).toEqual({ from: "2027-02-01T00:00:00Z", to: "2027-02-28T23:59:59Z" });
    expect(within(grid()).getAllByTestId("calendar-day")).toHaveLength(28);
    expect(grid().querySelector("[data-today]"), "today is not in February").toBeNull();
    expect(grid().querySelector('[data-date="2027-01-15"]'), "January's days are not February's").toBeNull();

    await user.click(screen.getByTestId("calendar-previous-month"));
    await user.click(screen.getByTestId("calendar-previous-month"));
    expect(screen.getByTestId("calendar-month-title")).toHaveTextContent("December 2026");
    expect(backend.callsTo("calendar").at(-1)?.args).toEqual({ from: "2026-12-01T00:00:00Z", to: "2026-12-31T23:59:59Z" });
    await waitFor(() => expect(within(screen.getByTestId("calendar-day-events")).getByTestId("calendar-day-empty")).toBeInTheDocument());

    await user.click(screen.getByTestId("calendar-this-month"));
    expect(screen.getByTestId("calendar-month-title")).toHaveTextContent("January 2027");
    expect(screen.getByTestId("calendar-this-month")).toHaveFocus();
    expect(screen.getByTestId("calendar-this-month")).toHaveAttribute("aria-disabled", "true");
    await waitFor(() => expect(eventsOn("2027-01-15")).toHaveLength(2));
  });

  it("moves between days with the arrow keys, on into the next month, and chooses one with Enter", async () => {
    calendarBackend();
    const { user } = renderApp("#/dashboard/calendar");
    await waitFor(() => expect(eventsOn("2027-01-15")).toHaveLength(2));

    // One day in the Tab order: today.
    expect(within(grid()).getAllByTestId("calendar-day").filter((element) => element.tabIndex === 0)).toEqual([day("2027-01-10")]);
    act(() => day("2027-01-10").focus());
    await user.keyboard("{ArrowRight}{ArrowDown}");
    expect(day("2027-01-18")).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(day("2027-01-18")).toHaveAttribute("data-selected");

    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(day("2027-02-01")).toHaveFocus();
    expect(screen.getByTestId("calendar-month-title")).toHaveTextContent("February 2027");
    await user.keyboard("{PageUp}");
    expect(screen.getByTestId("calendar-month-title")).toHaveTextContent("January 2027");
    expect(day("2027-01-01")).toHaveFocus();
  });
});
