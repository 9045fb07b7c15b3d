import { UnstyledButton } from "@mantine/core";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CalendarEvent } from "../api";
import { eventKindLooks } from "./calendarEventKinds";
import {
  addDays,
  addMonths,
  dateOfDayKey,
  dayKey,
  eventsByDay,
  firstDayOfWeek,
  formatDay,
  monthOf,
  monthWeeks,
  sameMonth,
  weekdayNames,
  type Month,
} from "./calendarDates";
import classes from "./CalendarMonth.module.css";

/** How many events a day shows by name; the rest are counted ("+2 more"). */
const eventsNamedPerDay = 3;

type CalendarMonthProps = {
  month: Month;
  /** The month's events, in time order. */
  events: ReadonlyArray<CalendarEvent>;
  /** The chosen day ("2027-01-15"), if any. */
  selectedDay: string | null;
  onSelectDay: (day: string) => void;
  /** Asked when the keyboard moves past the month's first or last day, or with Page Up / Page Down. */
  onMonthChange: (month: Month) => void;
  /** The element naming the grid (the month's title). */
  labelledBy: string;
};

function dayLabel(date: Date, events: ReadonlyArray<CalendarEvent>): string {
  const day = formatDay(date);
  if (events.length === 0) return `${day}: no events`;
  const titles = events.map((event) => eventKindLooks(event.kind).title(event)).join("; ");
  return `${day}: ${events.length === 1 ? "1 event" : `${events.length} events`}: ${titles}`;
}

/** Where an arrow key (or Home, End, Page Up, Page Down) moves from a day, or null for other keys. */
function dayAfterKey(key: string, from: Date, weekStart: number): Date | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(from, -1);
    case "ArrowRight":
      return addDays(from, 1);
    case "ArrowUp":
      return addDays(from, -7);
    case "ArrowDown":
      return addDays(from, 7);
    case "Home":
      return addDays(from, -((from.getDay() - weekStart + 7) % 7));
    case "End":
      return addDays(from, 6 - ((from.getDay() - weekStart + 7) % 7));
    case "PageUp":
    case "PageDown": {
      const target = addMonths(monthOf(from), key === "PageUp" ? -1 : 1);
      const lastDay = new Date(target.year, target.month + 1, 0).getDate();
      return new Date(target.year, target.month, Math.min(from.getDate(), lastDay));
    }
    default:
      return null;
  }
}

/**
 * A month as a grid of days, weeks in rows, today marked, each day's events named on it.
 * One day is in the Tab order; the arrow keys move between days (and on to the next or
 * previous month), Enter or Space chooses one.
 */
export function CalendarMonth({ month, events, selectedDay, onSelectDay, onMonthChange, labelledBy }: CalendarMonthProps) {
  const weekStart = useMemo(() => firstDayOfWeek(), []);
  const weeks = useMemo(() => monthWeeks(month, weekStart), [month, weekStart]);
  const byDay = useMemo(() => eventsByDay(events), [events]);
  const today = dayKey(new Date());
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const moveFocus = useRef(false);
  const gridRef = useRef<HTMLTableElement>(null);

  const inMonth = (key: string | null): key is string => key !== null && sameMonth(monthOf(dateOfDayKey(key)), month);
  // The day that takes Tab: the one last focused, the chosen one, today, or the 1st.
  const tabDay = [focusDay, selectedDay, today].find(inMonth) ?? dayKey(new Date(month.year, month.month, 1));

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${tabDay}"]`)?.focus();
  }, [tabDay]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = dayAfterKey(event.key, dateOfDayKey(tabDay), weekStart);
    if (!target) return;
    event.preventDefault();
    const targetMonth = monthOf(target);
    if (!sameMonth(targetMonth, month)) onMonthChange(targetMonth);
    moveFocus.current = true;
    setFocusDay(dayKey(target));
  };

  return (
    <table
      ref={gridRef}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role -- a <table role="grid"> with one tabbable day and arrow keys is the WAI-ARIA date-grid pattern (jsx-a11y's recommended config allows table→grid; strict does not)
      role="grid"
      className={classes.grid}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      data-testid="calendar-month"
      data-month={`${month.year}-${String(month.month + 1).padStart(2, "0")}`}
    >
      <thead>
        <tr>
          {weekdayNames(weekStart).map((name) => (
            <th key={name.long} scope="col" className={classes.weekday} abbr={name.long}>
              {name.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKey(week[0] ?? new Date())}>
            {week.map((date) => {
              const key = dayKey(date);
              if (date.getMonth() !== month.month) {
                // Days of the neighbouring months only fill the week.
                return (
                  <td key={key} className={classes.outside} aria-hidden="true">
                    <span className={classes.dayNumber}>{date.getDate()}</span>
                  </td>
                );
              }
              const dayEvents = byDay.get(key) ?? [];
              const selected = key === selectedDay;
              const hidden = dayEvents.length - eventsNamedPerDay;
              return (
                <td key={key} role="gridcell" aria-selected={selected} className={classes.cell}>
                  <UnstyledButton
                    className={classes.day}
                    data-date={key}
                    data-today={key === today || undefined}
                    data-selected={selected || undefined}
                    data-testid="calendar-day"
                    aria-current={key === today ? "date" : undefined}
                    aria-label={dayLabel(date, dayEvents)}
                    tabIndex={key === tabDay ? 0 : -1}
                    onClick={() => onSelectDay(key)}
                    onFocus={() => setFocusDay(key)}
                  >
                    <span className={classes.dayNumber}>{date.getDate()}</span>
                    {dayEvents.length > 0 && (
                      <span className={classes.events}>
                        {dayEvents.slice(0, eventsNamedPerDay).map((event, index) => {
                          const looks = eventKindLooks(event.kind);
                          return (
                            <span
                              key={index}
                              className={classes.event}
                              data-testid="calendar-event"
                              data-kind={event.kind}
                              title={`${looks.label}: ${looks.title(event)}`}
                            >
                              <span className={classes.dot} style={{ background: `var(--mantine-color-${looks.color}-filled)` }} />
                              <span className={classes.eventText}>{looks.title(event)}</span>
                            </span>
                          );
                        })}
                        {hidden > 0 && <span className={classes.more}>+{hidden} more</span>}
                      </span>
                    )}
                  </UnstyledButton>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
