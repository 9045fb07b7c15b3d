import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useMemo, type MouseEvent } from "react";
import type { ParticipationSummary } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { eventKindLooks } from "../calendar/calendarEventKinds";
import { formatRelativeTime, timestampOf } from "../format/time";
import { routeHref } from "../shell/route";
import { ParticipationStateBadge } from "./ParticipationStateBadge";
import classes from "./ParticipationsTable.module.css";

type ParticipationsTableProps = {
  participations: ReadonlyArray<ParticipationSummary>;
  onOpenParticipation: (participation: ParticipationSummary) => void;
};

/** A click on the row opens the participation, unless it was on the link itself. */
function isOnControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest("a, button") !== null;
}

/** Most recently moved first: what changed last is what the user is most likely to look for. */
function byLastStep(participations: ReadonlyArray<ParticipationSummary>): ParticipationSummary[] {
  return [...participations].sort(
    (a, b) => timestampOf(b.lastStepAt) - timestampOf(a.lastStepAt) || a.projectName.localeCompare(b.projectName),
  );
}

/** What comes next for the participation, or a dash. */
function NextEvent({ participation }: { participation: ParticipationSummary }) {
  const event = participation.nextEvent;
  if (!event) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const looks = eventKindLooks(event.kind);
  return (
    <Stack gap={0}>
      <Text span size="sm">
        {looks.title(event)}
      </Text>
      <Text span size="xs" c="dimmed">
        <DateTimeText iso={event.at} size="xs" /> · {formatRelativeTime(event.at)}
      </Text>
    </Stack>
  );
}

export function ParticipationsTable({ participations, onOpenParticipation }: ParticipationsTableProps) {
  const sorted = useMemo(() => byLastStep(participations), [participations]);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover data-testid="participations-table" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Sale</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Since</Table.Th>
            <Table.Th>Next</Table.Th>
            <Table.Th ta="right">Steps</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((participation) => (
            <Table.Tr
              key={participation.id}
              data-testid="participation-row"
              className={classes.row}
              onClick={(event) => {
                if (!isOnControl(event)) onOpenParticipation(participation);
              }}
            >
              <Table.Td>
                <Stack gap={0}>
                  {/* The link is the keyboard's way in; the whole row is the mouse's. */}
                  <Anchor
                    href={routeHref({ area: "participations", view: "detail", participationId: participation.id })}
                    size="sm"
                    fw={600}
                  >
                    {participation.projectName}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {participation.tokenSymbol}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <ParticipationStateBadge state={participation.state} />
              </Table.Td>
              <Table.Td>
                <DateTimeText iso={participation.lastStepAt} stacked />
              </Table.Td>
              <Table.Td data-testid="participation-next">
                <NextEvent participation={participation} />
              </Table.Td>
              <Table.Td ta="right" className="tabular-nums" data-testid="participation-steps">
                {participation.steps}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
