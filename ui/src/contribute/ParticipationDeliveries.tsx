import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconCoins, IconPlayerStop, IconSearch } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isAppError, type ScanProgress, type ScanSummary, type TransferFromOtherView } from "../api";
import { AddressText } from "../common/AddressText";
import { AmountText } from "../common/AmountText";
import { DateTimeText } from "../common/DateTimeText";
import { formatAmount } from "../format/amount";
import { FailureAlert, FailureDetails } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { participationQueryKeys } from "../participations/participationsQueries";
import { transactionQueryKeys } from "./transactionsQueries";

const transfersKey = (participationId: number) => [...transactionQueryKeys.ofParticipation(participationId), "from-others"] as const;

/** How far a scan has read, as a share of its blocks. */
function scanShare(progress: ScanProgress): number {
  const total = progress.lastBlock - progress.firstBlock + 1;
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, ((progress.scannedTo - progress.firstBlock + 1) / total) * 100));
}

function ScanProgressLine({ progress, onStop }: { progress: ScanProgress; onStop: () => void }) {
  return (
    <Stack gap={6} data-testid="scan-progress">
      <Progress value={scanShare(progress)} animated aria-label="Blocks read" />
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed" className="tabular-nums">
          Read blocks {progress.firstBlock.toLocaleString()} to {progress.scannedTo.toLocaleString()} of {progress.lastBlock.toLocaleString()},{" "}
          {progress.range.toLocaleString()} at a time · {progress.found} found
        </Text>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconPlayerStop size={12} />} onClick={onStop}>
          Stop
        </Button>
      </Group>
    </Stack>
  );
}

function ScanResult({ summary }: { summary: ScanSummary }) {
  const delivered = summary.distributions;
  return (
    <Alert color={delivered.length > 0 ? "teal" : "gray"} variant="light" icon={<IconCoins />} data-testid="scan-result">
      <Text size="sm">
        {summary.firstBlock === summary.scannedTo
          ? `Checked block ${summary.firstBlock.toLocaleString()}.`
          : `Checked blocks ${summary.firstBlock.toLocaleString()} to ${summary.scannedTo.toLocaleString()}.`}{" "}
        {delivered.length === 0
          ? "No new delivery from the sale."
          : `${delivered.length === 1 ? "One new delivery" : `${delivered.length} new deliveries`} from the sale recorded: ${delivered
              .map((amount) => formatAmount(amount))
              .join(", ")}.`}
        {summary.fromOthers.length === 1 && " One transfer from someone else was found: see below."}
        {summary.fromOthers.length > 1 && ` ${summary.fromOthers.length} transfers from others were found: see below.`}
      </Text>
    </Alert>
  );
}

function TransfersFromOthers({ participationId, transfers }: { participationId: number; transfers: ReadonlyArray<TransferFromOtherView> }) {
  const queryClient = useQueryClient();
  const count = useMutation({
    mutationFn: (id: number) => api.countTransfer(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: transfersKey(participationId) });
      await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
    },
  });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Transfers from others
      </Text>
      <Text size="xs" c="dimmed">
        The sale&apos;s token reached your accounts from someone other than the sale (a DEX, an exchange, another person). They are not
        this sale&apos;s distribution unless you say so.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transfers.map((transfer) => (
              <Table.Tr key={transfer.id} data-testid="transfer-from-other">
                <Table.Td>
                  <DateTimeText iso={transfer.happenedAt} stacked />
                </Table.Td>
                <Table.Td ta="right">
                  <AmountText amount={transfer.amount} />
                </Table.Td>
                <Table.Td>
                  <AddressText address={transfer.from} />
                  <Text size="xs" c="dimmed" ff="monospace" title={transfer.transaction}>
                    {transfer.transaction.slice(0, 10)}…{transfer.transaction.slice(-6)} · log {transfer.logIndex}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {transfer.counted ? (
                    <Badge color="teal" variant="light" data-testid="transfer-counted">
                      Counted
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      loading={count.isPending && count.variables === transfer.id}
                      onClick={() => count.mutate(transfer.id)}
                      data-testid="count-transfer"
                    >
                      Count as this sale&apos;s tokens
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {count.isError && <FailureDetails error={count.error} />}
    </Stack>
  );
}

/**
 * On a participation's page: "Check for tokens". The sale token's transfers to the user's accounts are read
 * from the node's logs (resuming where the last check stopped); deliveries from the sale are recorded once each,
 * transfers from others are listed apart.
 */
export function ParticipationDeliveries({ participationId }: { participationId: number }) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [fromBlock, setFromBlock] = useState("");
  const [needsFromBlock, setNeedsFromBlock] = useState(false);
  const transfers = useQuery({ queryKey: transfersKey(participationId), queryFn: () => api.listTransfersFromOthers(participationId) });
  const scan = useMutation({
    mutationFn: () => {
      setProgress(null);
      const typed = fromBlock.trim();
      return api.scanDeliveries({ participationId, fromBlock: typed === "" ? null : Number(typed) }, setProgress);
    },
    onSuccess: async () => {
      setNeedsFromBlock(false);
      await queryClient.invalidateQueries({ queryKey: transfersKey(participationId) });
      await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
    },
    onError: (error) => {
      if (isAppError(error) && error.field === "fromBlock") setNeedsFromBlock(true);
    },
    onSettled: () => setProgress(null),
  });
  const typedBlock = fromBlock.trim();
  const blockInvalid = typedBlock !== "" && !/^\d+$/.test(typedBlock);
  const fromBlockError = scan.isError && isAppError(scan.error) && scan.error.field === "fromBlock" ? scan.error.message : undefined;

  return (
    <Paper withBorder radius="md" p="lg" data-testid="participation-deliveries">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h5">
          Tokens on chain
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconSearch size={14} />}
          loading={scan.isPending}
          disabled={blockInvalid}
          onClick={() => scan.mutate()}
          data-testid="scan-deliveries"
        >
          Check for tokens
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Reads the sale token&apos;s transfers to your accounts from your node: deliveries by the sale, claims made elsewhere, airdrops.
        Each is recorded once, with its transaction and log; a later check goes on where this one stopped.
      </Text>
      <Stack gap="md">
        {needsFromBlock && (
          <TextInput
            label="Look from block"
            description="No transaction of this participation is recorded on chain: give the block the sale started at, say."
            value={fromBlock}
            onChange={(event) => setFromBlock(event.currentTarget.value)}
            error={blockInvalid ? "A block number: digits only." : fromBlockError}
            inputMode="numeric"
            w={320}
            data-testid="scan-from-block"
          />
        )}
        {scan.isPending && progress && <ScanProgressLine progress={progress} onStop={() => void api.cancelDeliveryScan(participationId)} />}
        {scan.isSuccess && <ScanResult summary={scan.data} />}
        {scan.isError && !fromBlockError && <FailureAlert title="The check for tokens stopped" error={scan.error} onRetry={() => scan.mutate()} />}
        {transfers.isPending && <LoadingState label="Loading the transfers found…" />}
        {transfers.isError && (
          <FailureAlert title="The transfers found could not be loaded" error={transfers.error} onRetry={() => void transfers.refetch()} />
        )}
        {transfers.isSuccess && transfers.data.length > 0 && <TransfersFromOthers participationId={participationId} transfers={transfers.data} />}
      </Stack>
    </Paper>
  );
}
