import { Anchor, Button, EmptyState, Group, Paper, Text, Title } from "@mantine/core";
import { IconCalendar, IconCalendarEvent, IconRocket } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { BackendFailure, CalendarEvent } from "../api";
import { CalendarEventList } from "../calendar/CalendarEventList";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { routeHref } from "../shell/route";

/** How many of the next events the dashboard lists; the calendar has them all. */
export const upcomingShown = 8;

const calendarHref = routeHref({ area: "dashboard", view: "calendar" });

function NothingUpcoming() {
  return (
    <EmptyState
      withIndicatorBackground
      icon={<IconCalendarEvent size={28} stroke={1.5} />}
      title="Nothing coming up in the next 12 months"
      description="Sale openings and closings appear here once you add a sale with future dates; token unlocks once you set a vesting plan on a participation (its Vesting tab); refund deadlines once a refund is due."
      data-testid="upcoming-empty"
    >
      <EmptyState.Actions>
        <Button component="a" href={routeHref({ area: "sales", view: "new" })} variant="light" leftSection={<IconRocket size={16} />}>
          Add a sale
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** The next events across every sale and participation, soonest first, each linking to what it is about. */
export function UpcomingEvents({ query }: { query: UseQueryResult<CalendarEvent[], BackendFailure> }) {
  let content;
  if (query.isPending) {
    content = <LoadingState label="Loading upcoming events…" />;
  } else if (query.isError) {
    content = (
      <FailureAlert title="The upcoming events could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
    );
  } else if (query.data.length === 0) {
    content = <NothingUpcoming />;
  } else {
    const events = query.data;
    const more = events.length - upcomingShown;
    content = (
      <>
        <CalendarEventList events={events.slice(0, upcomingShown)} label="Upcoming events" rowTestId="upcoming-event" />
        {more > 0 && (
          <Text size="sm" c="dimmed" mt="sm" data-testid="upcoming-more">
            And {more.toLocaleString()} more in the next 12 months:{" "}
            <Anchor href={calendarHref} size="sm">
              see them in the calendar
            </Anchor>
            .
          </Text>
        )}
      </>
    );
  }

  return (
    <Paper withBorder radius="md" p="lg" data-testid="upcoming-events">
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap">
        <div>
          <Title order={2} size="h5">
            Upcoming
          </Title>
          <Text size="xs" c="dimmed">
            Sale openings and closings, token unlocks and refund deadlines in the next 12 months, in your local time.
          </Text>
        </div>
        <Button component="a" href={calendarHref} variant="subtle" size="xs" leftSection={<IconCalendar size={14} />} data-testid="open-calendar">
          Open the calendar
        </Button>
      </Group>
      {content}
    </Paper>
  );
}
