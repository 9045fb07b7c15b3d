import { Anchor, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import type { CalendarEvent } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { eventHref, eventKindLooks, eventSubject } from "./calendarEventKinds";
import classes from "./CalendarEventList.module.css";

type CalendarEventRowProps = {
  event: CalendarEvent;
  /** Adds "(in 3 days)" after the time. */
  withRelative: boolean;
  testId: string;
};

/** One event: its kind (icon and word), what happens, linking to what it is about, and when. */
export function CalendarEventRow({ event, withRelative, testId }: CalendarEventRowProps) {
  const looks = eventKindLooks(event.kind);
  const subject = eventSubject(event);
  return (
    <li className={classes.row} data-testid={testId} data-kind={event.kind}>
      <Group gap="sm" wrap="nowrap" justify="space-between" align="center">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" color={looks.color} radius="md" size="lg" aria-hidden="true">
            <looks.Icon size={18} stroke={1.8} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor href={eventHref(event)} size="sm" fw={600} className="tabular-nums" data-testid="event-title">
              {looks.title(event)}
            </Anchor>
            <Text size="xs" c="dimmed" truncate>
              {looks.label}
              {subject && ` · ${subject}`}
            </Text>
          </Stack>
        </Group>
        <DateTimeText iso={event.at} withRelative={withRelative} />
      </Group>
    </li>
  );
}

type CalendarEventListProps = {
  events: ReadonlyArray<CalendarEvent>;
  label: string;
  withRelative?: boolean;
  rowTestId: string;
};

/** Events in time order, as a list (a screen reader says how many). */
export function CalendarEventList({ events, label, withRelative = true, rowTestId }: CalendarEventListProps) {
  return (
    <ul className={classes.list} aria-label={label}>
      {events.map((event, index) => (
        <CalendarEventRow
          key={`${event.at}-${event.kind}-${event.saleId}-${event.participationId ?? ""}-${index}`}
          event={event}
          withRelative={withRelative}
          testId={rowTestId}
        />
      ))}
    </ul>
  );
}
