import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconCheck, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type CorrectionView, type LedgerRepair } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { formatAmount } from "../format/amount";
import { participationQueryKeys } from "./participationsQueries";

const actionLooks: Record<string, { label: string; color: string }> = {
  amend: { label: "Correct", color: "orange" },
  remove: { label: "Remove", color: "red" },
  add: { label: "Add", color: "teal" },
};

function CorrectionsTable({ corrections }: { corrections: ReadonlyArray<CorrectionView> }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Change</Table.Th>
            <Table.Th>Entry</Table.Th>
            <Table.Th ta="right">Recorded</Table.Th>
            <Table.Th ta="right">On chain</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {corrections.map((correction, index) => {
            const looks = actionLooks[correction.action] ?? { label: correction.action, color: "gray" };
            return (
              <Table.Tr key={index} data-testid="ledger-correction" style={{ verticalAlign: "top" }}>
                <Table.Td>
                  <Badge color={looks.color} variant="light">
                    {looks.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{correction.kind}</Text>
                  <Text size="xs" c="dimmed" ff="monospace" title={correction.reference} style={{ wordBreak: "break-all" }}>
                    {correction.reference}
                    {correction.logIndex !== null && ` · log ${correction.logIndex}`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {correction.why}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  {correction.recorded ? formatAmount(correction.recorded) : "—"}
                </Table.Td>
                <Table.Td ta="right" className="tabular-nums">
                  {correction.proved ? formatAmount(correction.proved) : "—"}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RepairFound({ repair, onApply, applying }: { repair: LedgerRepair; onApply: () => void; applying: boolean }) {
  return (
    <Stack gap="sm" data-testid="ledger-repair-result">
      {repair.corrections.length === 0 ? (
        <Alert color="teal" variant="light" icon={<IconCheck />} data-testid="ledger-repair-clean">
          Read {repair.transactionsRead} confirmed transaction(s) again: the ledger says what the chain proves.
        </Alert>
      ) : (
        <>
          <Text size="sm">
            Read {repair.transactionsRead} confirmed transaction(s) again. The chain proves otherwise for these entries; nothing changes
            until you correct them, and the old values are kept in the history.
          </Text>
          <CorrectionsTable corrections={repair.corrections} />
          <Group justify="flex-end">
            <Button color="orange" loading={applying} onClick={onApply} data-testid="ledger-repair-apply">
              Correct the ledger
            </Button>
          </Group>
        </>
      )}
      {repair.leftAlone.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            Left as it is:
          </Text>
          <List size="xs" c="dimmed">
            {repair.leftAlone.map((what, index) => (
              <List.Item key={index}>{what}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

/** On the entries tab: the effects of the participation's confirmed transactions read again, and the ledger corrected once confirmed. */
export function LedgerRepairPanel({ participationId }: { participationId: number }) {
  const queryClient = useQueryClient();
  const plan = useMutation({ mutationFn: () => api.planLedgerRepair(participationId) });
  const apply = useMutation({
    mutationFn: (repair: LedgerRepair) => api.applyLedgerRepair(participationId, repair.corrections),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
      plan.mutate();
    },
  });
  return (
    <Paper withBorder radius="md" p="lg" data-testid="ledger-repair">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h5">
          Check the ledger against the chain
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={plan.isPending}
          onClick={() => plan.mutate()}
          data-testid="ledger-repair-check"
        >
          Read again from the chain
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Reads the receipt of every confirmed transaction again and compares what it proves with what is recorded: amounts written by
        an older version&apos;s estimates are found here.
      </Text>
      {plan.isError && <FailureAlert title="The transactions could not be read again" error={plan.error} onRetry={() => plan.mutate()} />}
      {apply.isError && <FailureAlert title="Nothing was corrected" error={apply.error} />}
      {plan.isSuccess && <RepairFound repair={plan.data} applying={apply.isPending} onApply={() => apply.mutate(plan.data)} />}
    </Paper>
  );
}
