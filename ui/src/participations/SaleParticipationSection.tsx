import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowRight, IconPlayerPlay } from "@tabler/icons-react";
import type { Sale } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { routeHref } from "../shell/route";
import { ParticipationStateBadge } from "./ParticipationStateBadge";
import { StartParticipationDialog } from "./StartParticipationDialog";
import { useParticipationsList } from "./participationsQueries";

/** On a sale's page: its participation (one per sale) with a link to it, or the way to start one. */
export function SaleParticipationSection({ sale }: { sale: Sale }) {
  const participationsQuery = useParticipationsList();
  const [startOpened, startDialog] = useDisclosure(false);

  let content;
  if (participationsQuery.isPending) {
    content = <LoadingState label="Loading the participation…" />;
  } else if (participationsQuery.isError) {
    content = (
      <FailureAlert
        title="The participation could not be loaded"
        error={participationsQuery.error}
        onRetry={() => void participationsQuery.refetch()}
      />
    );
  } else {
    const participation = participationsQuery.data.find((candidate) => candidate.saleId === sale.id);
    if (participation) {
      const steps = participation.steps;
      content = (
        <Group justify="space-between" gap="md" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <ParticipationStateBadge state={participation.state} />
            <Text span size="sm" c="dimmed">
              since <DateTimeText iso={participation.lastStepAt} /> · {steps} {steps === 1 ? "step" : "steps"}
            </Text>
          </Group>
          <Button
            component="a"
            href={routeHref({ area: "participations", view: "detail", participationId: participation.id })}
            variant="light"
            rightSection={<IconArrowRight size={16} />}
            data-testid="open-participation"
          >
            Open participation
          </Button>
        </Group>
      );
    } else {
      content = (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            You have not started a participation in this sale. Start one to keep a dated record of each step: registering,
            KYC, contributing, a refund or the tokens arriving.
          </Text>
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={startDialog.open} data-testid="start-participation">
            Start participation
          </Button>
        </Stack>
      );
    }
  }

  return (
    <Paper withBorder radius="md" p="lg" data-testid="sale-participation">
      <Title order={2} size="h5" mb="md">
        Participation
      </Title>
      {content}
      <StartParticipationDialog sale={sale} opened={startOpened} onClose={startDialog.close} />
    </Paper>
  );
}
