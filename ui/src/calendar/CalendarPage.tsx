import { ActionIcon, Button, EmptyState, Grid, Group, Loader, Paper, Text, Title } from "@mantine/core";
import { IconCalendarEvent, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useId, useMemo, useState } from "react";
import type { CalendarEvent } from "../api";
import { BackLink } from "../common/BackLink";
import { FailureAlert } from "../common/FailureAlert";
import { PageHeader } from "../common/PageHeader";
import { CalendarEventList } from "./CalendarEventList";
import { CalendarMonth } from "./CalendarMonth";
import {
  addMonths,
  dateOfDayKey,
  dayKeyOfIso,
  formatDay,
  formatMonth,
  monthBounds,
  monthOf,
  sameMonth,
  type Month,
} from "./calendarDates";
import { useCalendarBetween } from "./calendarQueries";

type DayPanelProps = {
  title: string;
  events: ReadonlyArray<CalendarEvent>;
  empty: string;
  onShowMonth?: () => void;
};

/** The chosen day's events, or the whole month's when no day is chosen. */
function DayPanel({ title, events, empty, onShowMonth }: DayPanelProps) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="calendar-day-events" aria-labelledby={titleId} component="section">
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h5" id={titleId} data-testid="calendar-day-title">
          {title}
        </Title>
        {onShowMonth && (
          <Button variant="subtle" size="compact-sm" onClick={onShowMonth} data-testid="calendar-show-month">
            Whole month
          </Button>
        )}
      </Group>
      {events.length === 0 ? (
        <EmptyState
          icon={<IconCalendarEvent size={24} stroke={1.5} />}
          title={empty}
          description="Sale openings and closings come from the sales you track, unlocks from the vesting plans of your participations, refund deadlines from refunds that are due."
          data-testid="calendar-day-empty"
        />
      ) : (
        <CalendarEventList events={events} label={title} rowTestId="calendar-day-event" />
      )}
    </Paper>
  );
}

/** Sale openings and closings, token unlocks and refund deadlines, month by month, in local time. */
export function CalendarPage() {
  const [month, setMonth] = useState<Month>(() => monthOf(new Date()));
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const { from, to } = monthBounds(month);
  const query = useCalendarBetween(from, to);
  const monthTitleId = useId();

  // While the next month loads, the previous one's events are not shown as its own.
  const events = useMemo(() => (query.isPlaceholderData ? [] : (query.data ?? [])), [query.isPlaceholderData, query.data]);
  const selectedDay = chosenDay !== null && sameMonth(monthOf(dateOfDayKey(chosenDay)), month) ? chosenDay : null;
  const dayEvents = selectedDay === null ? events : events.filter((event) => dayKeyOfIso(event.at) === selectedDay);
  const loading = query.isPending || query.isPlaceholderData;
  const monthName = formatMonth(month);
  const thisMonth = monthOf(new Date());

  return (
    <>
      <PageHeader
        breadcrumb={<BackLink to={{ area: "dashboard", view: "overview" }} label="Dashboard" />}
        title="Calendar"
        description="Sale openings and closings, token unlocks and refund deadlines, in your local time (UTC on hover). Choose a day to see its events; the arrow keys move between days."
      />
      {query.isError && (
        <FailureAlert title="The calendar could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      )}
      <Grid gap="lg" mt={query.isError ? "lg" : 0}>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder radius="md" p="lg">
            <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
              <Group gap="xs" wrap="nowrap">
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Previous month"
                  onClick={() => setMonth((current) => addMonths(current, -1))}
                  data-testid="calendar-previous-month"
                >
                  <IconChevronLeft size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Next month"
                  onClick={() => setMonth((current) => addMonths(current, 1))}
                  data-testid="calendar-next-month"
                >
                  <IconChevronRight size={18} />
                </ActionIcon>
                <Title order={2} size="h4" id={monthTitleId} aria-live="polite" data-testid="calendar-month-title" ml="xs">
                  {monthName}
                </Title>
                {loading && <Loader size="xs" aria-label="Loading the month's events" />}
              </Group>
              {/* Marked disabled but kept focusable: pressing it must not drop focus to the page. */}
              <Button
                variant="default"
                size="sm"
                onClick={() => setMonth(thisMonth)}
                data-disabled={sameMonth(month, thisMonth) || undefined}
                aria-disabled={sameMonth(month, thisMonth) || undefined}
                data-testid="calendar-this-month"
              >
                This month
              </Button>
            </Group>
            <CalendarMonth
              month={month}
              events={events}
              selectedDay={selectedDay}
              onSelectDay={setChosenDay}
              onMonthChange={setMonth}
              labelledBy={monthTitleId}
            />
            <Text size="xs" c="dimmed" mt="sm">
              Today is marked. Days of the neighbouring months are greyed out: go to their month to see their events.
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {query.isError ? null : loading ? (
            <Paper withBorder radius="md" p="lg">
              <Group gap="sm">
                <Loader size="sm" />
                <Text size="sm" c="dimmed" role="status">
                  Loading {monthName}…
                </Text>
              </Group>
            </Paper>
          ) : (
            <DayPanel
              title={selectedDay === null ? `All of ${monthName}` : formatDay(dateOfDayKey(selectedDay))}
              events={dayEvents}
              empty={selectedDay === null ? `Nothing in ${monthName}` : "Nothing on this day"}
              onShowMonth={selectedDay === null ? undefined : () => setChosenDay(null)}
            />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
