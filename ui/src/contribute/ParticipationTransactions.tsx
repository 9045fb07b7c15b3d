import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconBolt } from "@tabler/icons-react";
import type { Page, TransactionView } from "../api";
import { CopyValueButton } from "../common/CopyValueButton";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { countText } from "../common/PagedTable";
import { routeHref } from "../shell/route";
import { ExplorerFailure, ExplorerIconButton } from "./ExplorerButton";
import { useOpenInExplorer, useParticipationTransactions } from "./transactionsQueries";
import { purposeLabels } from "./txLooks";
import { TxStatusBadge } from "./TxStatusBadge";

/**
 * `0x1234ab…cdef`: the full hash is one click away (the copy button) and on hover; its
 * explorer page opens in the system browser when its network has an explorer.
 */
function HashText({ transaction }: { transaction: TransactionView }) {
  const { hash, explorerLink } = transaction;
  const opener = useOpenInExplorer();
  if (!hash) {
    return (
      <Text span size="sm" c="dimmed">
        Not signed
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <Text span size="sm" ff="monospace" title={hash} data-testid="tx-hash">
          {hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash}
        </Text>
        <CopyValueButton value={hash} label="Copy transaction hash" />
        {explorerLink && <ExplorerIconButton transactionId={transaction.id} opener={opener} />}
      </Group>
      {explorerLink && opener.isError && <ExplorerFailure error={opener.error} link={explorerLink} />}
    </Stack>
  );
}

/** For a transaction sent and not mined yet: replace it with higher fees, or with nothing. */
function StuckActions({ transaction }: { transaction: TransactionView }) {
  const href = (how: "speed_up" | "cancel") =>
    routeHref({ area: "participations", view: "replace", participationId: transaction.participationId, transactionId: transaction.id, how });
  return (
    <Group gap={4} wrap="nowrap">
      <Button component="a" href={href("speed_up")} size="compact-xs" variant="light" leftSection={<IconBolt size={12} />} data-testid="tx-speed-up">
        Speed up
      </Button>
      <Button component="a" href={href("cancel")} size="compact-xs" variant="subtle" color="red" data-testid="tx-cancel">
        Cancel
      </Button>
    </Group>
  );
}

/** What a confirmed transaction did, read from its receipt: each movement with its log, and why nothing moved when nothing did. */
function TransactionEffects({ effects }: { effects: NonNullable<TransactionView["effects"]> }) {
  return (
    <Stack gap={2} mt={4} data-testid="transaction-effects">
      {effects.moved.map((effect, index) => (
        <Text key={index} size="xs" style={{ wordBreak: "break-word" }} data-testid="transaction-effect">
          {effect.words}
          {effect.logIndex !== null && (
            <Text span size="xs" c="dimmed">
              {" "}
              · log {effect.logIndex}
            </Text>
          )}
        </Text>
      ))}
      {effects.remark && (
        <Text size="xs" c="orange.8" style={{ wordBreak: "break-word" }} data-testid="transaction-effects-remark">
          {effects.remark}
        </Text>
      )}
      {effects.unmeasured && !effects.remark && (
        <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
          Coins it returned could not be measured: {effects.unmeasured}
        </Text>
      )}
    </Stack>
  );
}

function TransactionsTable({ transactions }: { transactions: ReadonlyArray<TransactionView> }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Hash</Table.Th>
            <Table.Th ta="right">Block</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transactions.map((transaction) => (
            <Table.Tr key={transaction.id} data-testid="transaction-row">
              <Table.Td>
                <Text size="sm">{purposeLabels[transaction.purpose]}</Text>
                {transaction.action && transaction.action !== purposeLabels[transaction.purpose] && (
                  <Text size="xs" c="dimmed" data-testid="transaction-action">
                    {transaction.action}
                  </Text>
                )}
                {transaction.replaces && (
                  <Text size="xs" c="dimmed" data-testid="transaction-replaces">
                    Replaces an earlier transaction with the same nonce
                  </Text>
                )}
                {transaction.failure && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
                    {transaction.failure}
                  </Text>
                )}
                {transaction.effects && <TransactionEffects effects={transaction.effects} />}
              </Table.Td>
              <Table.Td>
                <Stack gap={6} align="flex-start">
                  <TxStatusBadge status={transaction.status} />
                  {transaction.status === "sent" && <StuckActions transaction={transaction} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <HashText transaction={transaction} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" className="tabular-nums">
                  {transaction.blockNumber ?? "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each transaction once, in the order read: a page read after a new transaction was planned may repeat the last one of the page before. */
function uniqueById(pages: ReadonlyArray<Page<TransactionView>>): TransactionView[] {
  const seen = new Set<string>();
  return pages.flatMap((page) => page.rows).filter((transaction) => !seen.has(transaction.id) && seen.add(transaction.id));
}

/** On a participation's page: the contributions and refund claims Saleguard planned or signed for it, newest first, older ones a page at a time. */
export function ParticipationTransactions({ participationId }: { participationId: number }) {
  const transactionsQuery = useParticipationTransactions(participationId);

  let content;
  if (transactionsQuery.isPending) {
    content = <LoadingState label="Loading the transactions…" />;
  } else if (transactionsQuery.isError && !transactionsQuery.isFetchNextPageError) {
    content = (
      <FailureAlert
        title="The transactions could not be loaded"
        error={transactionsQuery.error}
        onRetry={() => void transactionsQuery.refetch()}
      />
    );
  } else if (transactionsQuery.data.pages[0]?.total === 0) {
    content = (
      <Text size="sm" c="dimmed" data-testid="transactions-empty">
        No transaction yet. Contribute from here to have Saleguard plan, sign, send and follow it; payments you make elsewhere go in
        the Ledger tab.
      </Text>
    );
  } else {
    const { pages } = transactionsQuery.data;
    const transactions = uniqueById(pages);
    const total = pages[pages.length - 1]?.total ?? transactions.length;
    content = (
      <Stack gap="sm">
        <TransactionsTable transactions={transactions} />
        {transactionsQuery.isFetchNextPageError && (
          <FailureAlert
            title="The older transactions could not be loaded"
            error={transactionsQuery.error}
            onRetry={() => void transactionsQuery.fetchNextPage()}
          />
        )}
        {transactionsQuery.hasNextPage && (
          <Group justify="space-between" data-testid="transactions-more">
            <Text size="sm" c="dimmed">
              Showing the newest {transactions.length.toLocaleString()} of {countText(total, "transaction")}
            </Text>
            <Button
              variant="default"
              size="xs"
              loading={transactionsQuery.isFetchingNextPage}
              onClick={() => void transactionsQuery.fetchNextPage()}
              data-testid="transactions-show-older"
            >
              Show older transactions
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder radius="md" p="lg" data-testid="participation-transactions">
      <Title order={2} size="h5" mb="md">
        Transactions
      </Title>
      {content}
    </Paper>
  );
}
