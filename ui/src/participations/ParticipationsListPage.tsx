import { Button, EmptyState, Paper } from "@mantine/core";
import { IconChecklist, IconRocket } from "@tabler/icons-react";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { navigate, routeHref } from "../shell/route";
import { ParticipationsTable } from "./ParticipationsTable";
import { useParticipationsList } from "./participationsQueries";

export function ParticipationsListPage() {
  const participationsQuery = useParticipationsList();

  let content;
  if (participationsQuery.isPending) {
    content = <LoadingState label="Loading participations…" />;
  } else if (participationsQuery.isError) {
    content = (
      <FailureAlert
        title="The participations could not be loaded"
        error={participationsQuery.error}
        onRetry={() => void participationsQuery.refetch()}
      />
    );
  } else if (participationsQuery.data.length === 0) {
    content = (
      <Paper withBorder radius="md" p="xl" data-testid="participations-empty">
        <EmptyState
          withIndicatorBackground
          icon={<IconChecklist size={28} stroke={1.5} />}
          title="No participations yet"
          description="A participation is your own record of taking part in one sale: registering, KYC, contributing, a refund or the tokens arriving, each step dated and with a note, never rewritten. Start one from the sale's page: open a sale and choose “Start participation”."
        >
          <EmptyState.Actions>
            <Button
              component="a"
              href={routeHref({ area: "sales", view: "list" })}
              leftSection={<IconRocket size={18} />}
              data-testid="go-to-sales"
            >
              Go to sales
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  } else {
    content = (
      <Paper withBorder radius="md">
        <ParticipationsTable
          participations={participationsQuery.data}
          onOpenParticipation={(participation) =>
            navigate({ area: "participations", view: "detail", participationId: participation.id })
          }
        />
      </Paper>
    );
  }

  return (
    <>
      <PageHeader
        title="Participations"
        description="Your involvement in each sale, step by step, most recently changed first. “Since” is when the last step happened, in your local time (UTC on hover)."
      />
      {content}
    </>
  );
}
