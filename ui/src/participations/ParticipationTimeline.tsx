import { Stack, Text, ThemeIcon, Timeline } from "@mantine/core";
import type { ParticipationStep } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { formatLocalDateTime } from "../format/time";
import { participationStates, stateFamilyLooks, stateLabel } from "./participationStates";

/** "Researching → KYC pending"; the first step says how it started. */
export function stepTitle(step: ParticipationStep): string {
  if (step.from === null) return `Started: ${stateLabel(step.to)}`;
  // A note that moved nothing: the ledger corrected from the chain, its old values in the note.
  if (step.from === step.to) return `Ledger corrected (still ${stateLabel(step.to)})`;
  return `${stateLabel(step.from)} → ${stateLabel(step.to)}`;
}

function StepBullet({ step }: { step: ParticipationStep }) {
  const { color, Icon } = stateFamilyLooks[participationStates[step.to].family];
  return (
    <ThemeIcon size={24} radius="xl" color={color} variant="filled" aria-hidden="true">
      <Icon size={14} stroke={2} />
    </ThemeIcon>
  );
}

function StepBody({ step }: { step: ParticipationStep }) {
  // Shown only when it says something: a step recorded later than it happened.
  const recordedLater = formatLocalDateTime(step.recordedAt) !== formatLocalDateTime(step.happenedAt);
  return (
    <Stack gap={4} mt={4}>
      <div>
        <DateTimeText iso={step.happenedAt} />
        {recordedLater && (
          <Text span size="xs" c="dimmed" data-testid="step-recorded-at">
            {" "}
            · recorded <DateTimeText iso={step.recordedAt} size="xs" />
          </Text>
        )}
      </div>
      {step.note !== "" && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="step-note">
          {step.note}
        </Text>
      )}
    </Stack>
  );
}

/** The participation's history, oldest first (newest last), as it was recorded. */
export function ParticipationTimeline({ history }: { history: ReadonlyArray<ParticipationStep> }) {
  return (
    <Timeline active={history.length - 1} bulletSize={24} lineWidth={2} role="list" aria-label="History" data-testid="participation-timeline">
      {history.map((step, index) => (
        <Timeline.Item
          key={`${index}-${step.recordedAt}`}
          role="listitem"
          bullet={<StepBullet step={step} />}
          color={stateFamilyLooks[participationStates[step.to].family].color}
          title={
            <Text span fw={600} size="sm" data-testid="step-title">
              {stepTitle(step)}
            </Text>
          }
          data-testid="participation-step"
        >
          <StepBody step={step} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
