import { Button, EmptyState, Grid, Paper, Text, Title } from "@mantine/core";
import { IconRocket, IconSearch } from "@tabler/icons-react";
import { hasErrorCode } from "../api";
import { BackLink } from "../common/BackLink";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { routeHref } from "../shell/route";
import { ParticipationStateBadge } from "./ParticipationStateBadge";
import { ParticipationTimeline } from "./ParticipationTimeline";
import { RecordNextStep } from "./RecordNextStepForm";
import { lastStepAt, useParticipation } from "./participationsQueries";

const listHref = routeHref({ area: "participations", view: "list" });

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
          <Button component="a" href={saleHref} variant="default" leftSection={<IconRocket size={16} />} data-testid="open-sale">
            View the sale
          </Button>
        }
      />
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
    </>
  );
}
