// Month arithmetic for the calendar, in the user's local time: a day is a local
// calendar day, and a month's bounds are its first and last local moments, sent to
// the backend in UTC.

import type { CalendarEvent } from "../api";
import { timestampOf } from "../format/time";

/** A calendar month; `month` counts from 0 (January) as `Date` does. */
export type Month = { year: number; month: number };

export function monthOf(date: Date): Month {
  return { year: date.getFullYear(), month: date.getMonth() };
}

export function addMonths({ year, month }: Month, count: number): Month {
  const index = year * 12 + month + count;
  return { year: Math.floor(index / 12), month: ((index % 12) + 12) % 12 };
}

export function sameMonth(a: Month, b: Month): boolean {
  return a.year === b.year && a.month === b.month;
}

/** RFC 3339 in UTC, whole seconds: what the backend's `calendar` reads. */
function utcText(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** From the month's first local moment to its last (whole seconds, inclusive), in UTC. */
export function monthBounds({ year, month }: Month): { from: string; to: string } {
  const start = new Date(year, month, 1);
  const nextStart = new Date(year, month + 1, 1);
  return { from: utcText(start), to: utcText(new Date(nextStart.getTime() - 1000)) };
}

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/** The local day of a moment, as "2027-01-15". */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/** The local day of an RFC 3339 time, or null when it cannot be read. */
export function dayKeyOfIso(iso: string): string | null {
  const time = timestampOf(iso);
  return Number.isNaN(time) ? null : dayKey(new Date(time));
}

/** The date of a day key, at local midnight. */
export function dateOfDayKey(key: string): Date {
  const [year = 1970, month = 1, day = 1] = key.split("-").map(Number);
  return new Date(year, month - 1, day);
}

/** The day `count` days after (or before) a day, by the calendar (not 24-hour steps). */
export function addDays(date: Date, count: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + count);
}

/**
 * The weeks shown for a month: whole weeks starting on `firstDayOfWeek` (0 Sunday … 6
 * Saturday), from the one holding the 1st to the one holding the last day.
 */
export function monthWeeks({ year, month }: Month, firstDayOfWeek: number): Date[][] {
  const first = new Date(year, month, 1);
  const leading = (first.getDay() - firstDayOfWeek + 7) % 7;
  let day = addDays(first, -leading);
  const weeks: Date[][] = [];
  do {
    const week: Date[] = [];
    for (let index = 0; index < 7; index += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.getMonth() === month && day.getFullYear() === year);
  return weeks;
}

type LocaleWithWeekInfo = Intl.Locale & {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
};

/** The first day of the week where the user lives (0 Sunday … 6 Saturday); Monday when unknown. */
export function firstDayOfWeek(language: string = navigator.language): number {
  try {
    const locale = new Intl.Locale(language) as LocaleWithWeekInfo;
    const firstDay = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay;
    // Intl counts 1 Monday … 7 Sunday.
    return firstDay === undefined ? 1 : firstDay % 7;
  } catch {
    return 1;
  }
}

/** Events by local day, each day's in time order (as the backend sends them). */
export function eventsByDay(events: ReadonlyArray<CalendarEvent>): Map<string, CalendarEvent[]> {
  const byDay = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const key = dayKeyOfIso(event.at);
    if (key === null) continue;
    const day = byDay.get(key);
    if (day) day.push(event);
    else byDay.set(key, [event]);
  }
  return byDay;
}

/** "January 2027", in the user's language. */
export function formatMonth({ year, month }: Month): string {
  return new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" }).format(new Date(year, month, 1));
}

/** "Friday 15 January 2027", in the user's language. */
export function formatDay(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "full" }).format(date);
}

/** The short names of the weekdays, starting on `firstDayOfWeek`: "Mon", "Tue"… */
export function weekdayNames(firstDayOfWeek: number): Array<{ short: string; long: string }> {
  // 2023-01-01 was a Sunday.
  const short = new Intl.DateTimeFormat(undefined, { weekday: "short" });
  const long = new Intl.DateTimeFormat(undefined, { weekday: "long" });
  return Array.from({ length: 7 }, (_, index) => {
    const date = new Date(2023, 0, 1 + ((firstDayOfWeek + index) % 7));
    return { short: short.format(date), long: long.format(date) };
  });
}
