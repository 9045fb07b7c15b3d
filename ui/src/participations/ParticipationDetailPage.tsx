import { Badge, Button, EmptyState, Grid, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import {
  IconArrowBackUp,
  IconCalendarTime,
  IconId,
  IconPlayerPlay,
  IconReceipt,
  IconRocket,
  IconScale,
  IconSearch,
  IconSend,
  IconShieldSearch,
  IconTimeline,
  type Icon,
} from "@tabler/icons-react";
import { useState, type ComponentType } from "react";
import { hasErrorCode, type ActionPurpose, type Participation } from "../api";
import { BackLink } from "../common/BackLink";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { ParticipationAllowances } from "../contribute/ParticipationAllowances";
import { ParticipationDeliveries } from "../contribute/ParticipationDeliveries";
import { useSale } from "../sales/salesQueries";
import { ParticipationTransactions } from "../contribute/ParticipationTransactions";
import { ResearchPanel } from "../diligence/ResearchPanel";
import { routeHref } from "../shell/route";
import { KycPanel } from "./KycPanel";
import { EntriesTab } from "./EntriesTab";
import { ParticipationStateBadge } from "./ParticipationStateBadge";
import { ParticipationTimeline } from "./ParticipationTimeline";
import { RecordNextStep } from "./RecordNextStepForm";
import { lastStepAt, useParticipation } from "./participationsQueries";
import { VestingTab } from "./VestingTab";

const listHref = routeHref({ area: "participations", view: "list" });

/** Whether the sale's actions offer this step now (the backend decides, from the state and the sale's actions). */
function offers(participation: Participation, purpose: ActionPurpose): boolean {
  return participation.offeredActions.some((offered) => offered.purpose === purpose);
}

function BackToParticipations() {
  return <BackLink to={{ area: "participations", view: "list" }} label="All participations" />;
}

function ParticipationNotFound() {
  return (
    <>
      <PageHeader breadcrumb={<BackToParticipations />} title="Participation not found" />
      <Paper withBorder radius="md" p="xl">
        <EmptyState
          withIndicatorBackground
          icon={<IconSearch size={28} stroke={1.5} />}
          title="This participation does not exist"
          description="The list of participations shows every one Saleguard has."
        >
          <EmptyState.Actions>
            <Button component="a" href={listHref} variant="light">
              Go to all participations
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </>
  );
}

/** The allowances of a sale paid in a token; nothing for one paid in coins. */
function SaleAllowances({ participation }: { participation: Participation }) {
  const saleQuery = useSale(participation.saleId);
  const currency = saleQuery.data?.currency;
  if (currency?.kind !== "erc20") return null;
  return <ParticipationAllowances participationId={participation.id} symbol={currency.symbol} />;
}

function OverviewTab({ participation }: { participation: Participation }) {
  // The transactions take the full width: their hashes and blocks need it.
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} size="h5" mb="md">
              History
            </Title>
            <ParticipationTimeline history={participation.history} />
            <Text size="xs" c="dimmed" mt="md">
              Oldest first. Times are your local time, with UTC on hover.
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RecordNextStep participation={participation} />
        </Grid.Col>
      </Grid>
      <ParticipationTransactions participationId={participation.id} />
      <ParticipationDeliveries participationId={participation.id} />
      <SaleAllowances participation={participation} />
    </Stack>
  );
}

type ParticipationTab = {
  /** Also the tab's test id: `tab-${value}`. */
  value: string;
  label: string;
  icon: Icon;
  /** A count beside the label, when there is one worth showing. */
  count?: (participation: Participation) => number | null;
  /** Loads its own data: rendered the first time it is opened, then kept. */
  lazy?: boolean;
  Panel: ComponentType<{ participation: Participation }>;
};

/** The sale's research, edited here too: it is what the participation was decided on. */
function DiligenceTab({ participation }: { participation: Participation }) {
  return <ResearchPanel saleId={participation.saleId} />;
}

/** The sections of a participation's page, in order; a new one is one more entry. */
const participationTabs: ReadonlyArray<ParticipationTab> = [
  { value: "overview", label: "Overview", icon: IconTimeline, Panel: OverviewTab },
  { value: "vesting", label: "Vesting", icon: IconCalendarTime, Panel: VestingTab },
  {
    value: "entries",
    label: "Entries",
    icon: IconReceipt,
    count: (participation) => participation.entryCount || null,
    Panel: EntriesTab,
  },
  { value: "kyc", label: "KYC", icon: IconId, Panel: KycPanel },
  { value: "diligence", label: "Due diligence", icon: IconScale, lazy: true, Panel: DiligenceTab },
];

/**
 * The participation's sections as tabs: the arrow keys move between them, and each
 * panel stays mounted while hidden, so nothing typed in a form is lost on switching.
 */
function ParticipationTabs({ participation }: { participation: Participation }) {
  const [tab, setTab] = useState<string>("overview");
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(["overview"]));
  const open = (value: string | null) => {
    const next = value ?? "overview";
    setTab(next);
    setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
  };
  return (
    <Tabs value={tab} onChange={open} keepMounted data-testid="participation-tabs">
      <Tabs.List mb="lg" aria-label="Sections of the participation">
        {participationTabs.map(({ value, label, icon: TabIcon, count }) => {
          const shown = count?.(participation) ?? null;
          return (
            <Tabs.Tab
              key={value}
              value={value}
              leftSection={<TabIcon size={16} stroke={1.8} aria-hidden="true" />}
              rightSection={
                shown === null ? undefined : (
                  <Badge size="sm" variant="light" color="gray" circle title={`${shown} recorded`}>
                    {shown}
                  </Badge>
                )
              }
              data-testid={`tab-${value}`}
            >
              {label}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {participationTabs.map(({ value, Panel, lazy }) => (
        <Tabs.Panel key={value} value={value} data-testid={`panel-${value}`}>
          {(!lazy || opened.has(value)) && <Panel participation={participation} />}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

export function ParticipationDetailPage({ participationId }: { participationId: number }) {
  const participationQuery = useParticipation(participationId);

  if (participationQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={<BackToParticipations />} title="Participation" />
        <LoadingState label="Loading the participation…" />
      </>
    );
  }
  if (participationQuery.isError) {
    if (hasErrorCode(participationQuery.error, "participation_not_found")) return <ParticipationNotFound />;
    return (
      <>
        <PageHeader breadcrumb={<BackToParticipations />} title="Participation" />
        <FailureAlert
          title="The participation could not be loaded"
          error={participationQuery.error}
          onRetry={() => void participationQuery.refetch()}
        />
      </>
    );
  }

  const participation = participationQuery.data;
  const saleHref = routeHref({ area: "sales", view: "detail", saleId: participation.saleId });
  return (
    <>
      <PageHeader
        breadcrumb={<BackToParticipations />}
        title={participation.projectName}
        badge={<ParticipationStateBadge state={participation.state} />}
        description={
          <>
            {participation.tokenSymbol} · in this state since <DateTimeText iso={lastStepAt(participation)} />. Each step is
            kept as recorded: a new one is added, none is ever rewritten.
          </>
        }
        actions={
          <>
            {offers(participation, "contribute") && (
              <Button
                component="a"
                href={routeHref({ area: "participations", view: "contribute", participationId: participation.id })}
                leftSection={<IconSend size={16} />}
                data-testid="contribute-button"
              >
                Contribute
              </Button>
            )}
            {offers(participation, "claim_refund") && (
              <Button
                component="a"
                href={routeHref({ area: "participations", view: "refund", participationId: participation.id })}
                variant="light"
                leftSection={<IconArrowBackUp size={16} />}
                data-testid="claim-refund"
              >
                Claim refund
              </Button>
            )}
            {participation.offeredActions
              .filter((offered) => offered.purpose !== "contribute" && offered.purpose !== "claim_refund")
              .map(
                (offered) =>
                  offered.actionId !== null && (
                    <Button
                      key={offered.actionId}
                      component="a"
                      href={routeHref({ area: "participations", view: "act", participationId: participation.id, actionId: offered.actionId })}
                      variant="light"
                      leftSection={<IconPlayerPlay size={16} />}
                      data-testid="take-action"
                      data-purpose={offered.purpose}
                    >
                      {offered.name}
                    </Button>
                  ),
              )}
            {/* Reviewing a contribution makes sense only while one can be made. */}
            {offers(participation, "contribute") && (
              <Button
                component="a"
                href={routeHref({ area: "sales", view: "review", saleId: participation.saleId })}
                variant="light"
                leftSection={<IconShieldSearch size={16} />}
                data-testid="review-contribution"
              >
                Review a contribution
              </Button>
            )}
            <Button component="a" href={saleHref} variant="default" leftSection={<IconRocket size={16} />} data-testid="open-sale">
              View the sale
            </Button>
          </>
        }
      />
      <ParticipationTabs participation={participation} />
    </>
  );
}
