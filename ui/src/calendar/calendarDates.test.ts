import { describe, expect, it } from "vitest";
import { calendarEventFixture } from "../test/fixtures";
import { addMonths, dayKey, eventsByDay, monthBounds, monthWeeks } from "./calendarDates";

// The tests run in UTC (vite.config.ts), so local days are UTC days here.
describe("calendar dates", () => {
  it("counts months across years", () => {
    expect(addMonths({ year: 2026, month: 11 }, 1)).toEqual({ year: 2027, month: 0 });
    expect(addMonths({ year: 2027, month: 0 }, -1)).toEqual({ year: 2026, month: 11 });
    expect(addMonths({ year: 2027, month: 5 }, -18)).toEqual({ year: 2025, month: 11 });
  });

  it("bounds a month from its first to its last second, leap years included", () => {
    expect(monthBounds({ year: 2028, month: 1 })).toEqual({ from: "2028-02-01T00:00:00Z", to: "2028-02-29T23:59:59Z" });
    expect(monthBounds({ year: 2026, month: 11 })).toEqual({ from: "2026-12-01T00:00:00Z", to: "2026-12-31T23:59:59Z" });
  });

  it("lays a month out in whole weeks from the chosen first weekday", () => {
    // February 2027 starts on a Monday and has exactly four weeks.
    const mondayFirst = monthWeeks({ year: 2027, month: 1 }, 1);
    expect(mondayFirst.map((week) => week.map(dayKey)[0])).toEqual(["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]);
    const sundayFirst = monthWeeks({ year: 2027, month: 1 }, 0);
    expect(sundayFirst).toHaveLength(5);
    expect(dayKey(sundayFirst[0]?.[0] ?? new Date(0))).toBe("2027-01-31");
    expect(dayKey(sundayFirst[4]?.[6] ?? new Date(0))).toBe("2027-03-06");
    // A month over six weeks: May 2027 starts on a Saturday.
    expect(monthWeeks({ year: 2027, month: 4 }, 1)).toHaveLength(6);
  });

  it("groups events by their local day, keeping their order", () => {
    const first = calendarEventFixture({ at: "2027-01-15T00:00:00Z" });
    const second = calendarEventFixture({ at: "2027-01-15T23:59:59Z", kind: "sale_closes" });
    const next = calendarEventFixture({ at: "2027-01-16T00:00:00Z" });
    const byDay = eventsByDay([first, second, next]);
    expect(byDay.get("2027-01-15")).toEqual([first, second]);
    expect(byDay.get("2027-01-16")).toEqual([next]);
  });
});
