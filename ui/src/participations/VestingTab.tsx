import { DataList, EmptyState, Grid, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { IconCalendarTime } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Participation, Vesting } from "../api";
import { AmountText } from "../common/AmountText";
import { DateTimeText } from "../common/DateTimeText";
import { permilleOf } from "../format/amount";
import { isoOfUtcInput } from "../format/time";
import { VestingForm } from "./VestingForm";
import { VestingSchedule } from "./VestingSchedule";
import { describePlan } from "./vestingFields";

function SummaryItem({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <DataList.Item data-testid={testId}>
      <DataList.ItemLabel>
        <Text span size="sm" c="dimmed">
          {label}
        </Text>
      </DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function NextUnlock({ vesting }: { vesting: Vesting }) {
  const next = vesting.nextUnlock;
  if (!next) {
    return (
      <Text span size="sm" c="dimmed">
        Nothing left: every token has unlocked.
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text span size="sm" fw={600}>
        <AmountText amount={next.amount} />
      </Text>
      <DateTimeText iso={next.at} withRelative />
    </Stack>
  );
}

function UnlockedSoFar({ vesting }: { vesting: Vesting }) {
  const permille = permilleOf(vesting.unlockedNow, vesting.total);
  const percent = `${(permille / 10).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <AmountText amount={vesting.unlockedNow} />
        <Text span size="sm" c="dimmed" className="tabular-nums">
          ({percent})
        </Text>
      </Group>
      <Progress value={permille / 10} size="sm" radius="xl" aria-label={`Unlocked so far: ${percent}`} maw={320} />
    </Stack>
  );
}

function VestingSummary({ vesting }: { vesting: Vesting }) {
  const tge = isoOfUtcInput(vesting.plan.tgeAt);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="vesting-summary">
      <Title order={2} size="h5" mb="md">
        Plan
      </Title>
      <DataList labelWidth={160} gap="sm" size="sm">
        <SummaryItem label="Plan" testId="vesting-plan">
          <Text span size="sm">
            {describePlan(vesting.plan)}
          </Text>
        </SummaryItem>
        <SummaryItem label="TGE">
          {tge ? (
            <DateTimeText iso={tge} />
          ) : (
            <Text span size="sm">
              {vesting.plan.tgeAt} UTC
            </Text>
          )}
        </SummaryItem>
        <SummaryItem label="Total" testId="vesting-total">
          <AmountText amount={vesting.total} />
        </SummaryItem>
        <SummaryItem label="Unlocked so far" testId="vesting-unlocked">
          <UnlockedSoFar vesting={vesting} />
        </SummaryItem>
        <SummaryItem label="Next unlock" testId="next-unlock">
          <NextUnlock vesting={vesting} />
        </SummaryItem>
      </DataList>
    </Paper>
  );
}

function NoVestingPlan({ participation }: { participation: Participation }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="vesting-empty">
      <EmptyState
        withIndicatorBackground
        icon={<IconCalendarTime size={28} stroke={1.5} />}
        title="No vesting plan yet"
        description={`Enter how the ${participation.tokenSymbol} tokens unlock, as the project announced it: a share at the TGE, then linear (daily, monthly or quarterly, after an optional cliff) or in tranches. Saleguard then lists every unlock here, tells you the next one and puts them in the calendar.`}
      />
    </Paper>
  );
}

/** The participation's vesting: the plan, what has unlocked, the next unlock and the whole schedule; the form to set it. */
export function VestingTab({ participation }: { participation: Participation }) {
  const { vesting } = participation;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        {vesting ? (
          <Stack gap="lg">
            <VestingSummary vesting={vesting} />
            <Paper withBorder radius="md" p="lg">
              <Group justify="space-between" align="baseline" mb="sm">
                <Title order={2} size="h5">
                  Schedule
                </Title>
                <Text size="xs" c="dimmed" className="tabular-nums">
                  {vesting.unlocks.length.toLocaleString()} {vesting.unlocks.length === 1 ? "unlock" : "unlocks"}, your local time
                </Text>
              </Group>
              {/* A new plan opens on the page of its own next unlock. */}
              <VestingSchedule key={JSON.stringify(vesting.plan)} vesting={vesting} />
            </Paper>
          </Stack>
        ) : (
          <NoVestingPlan participation={participation} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <VestingForm participation={participation} />
      </Grid.Col>
    </Grid>
  );
}
