import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { IconShieldX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api, type AllowanceView } from "../api";
import { AddressText } from "../common/AddressText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { routeHref } from "../shell/route";
import { transactionQueryKeys } from "./transactionsQueries";

/** What the user's accounts allow the contracts of a participation's sale to take, read from the token. */
function useAllowances(participationId: number) {
  return useQuery({
    // Under the transactions' key: an approval or a revocation confirmed reads them again.
    queryKey: [...transactionQueryKeys.ofParticipation(participationId), "allowances"] as const,
    queryFn: () => api.listAllowances(participationId),
  });
}

function AllowancesTable({ allowances }: { allowances: ReadonlyArray<AllowanceView> }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>May take it</Table.Th>
            <Table.Th ta="right">Allowed</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {allowances.map((allowance) => (
            <Table.Tr key={`${allowance.accountId}-${allowance.spender}`} data-testid="allowance-row">
              <Table.Td>
                <Text size="sm">{allowance.accountLabel}</Text>
              </Table.Td>
              <Table.Td>
                <AddressText address={allowance.spender} />
              </Table.Td>
              <Table.Td ta="right">
                {allowance.unlimited ? (
                  <Badge color="red" variant="light" data-testid="allowance-unlimited">
                    Unlimited {allowance.amount.symbol}
                  </Badge>
                ) : (
                  <Text size="sm" className="tabular-nums" data-testid="allowance-amount">
                    {allowance.amount.decimal} {allowance.amount.symbol}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  component="a"
                  href={routeHref({
                    area: "participations",
                    view: "revoke",
                    participationId: allowance.participationId,
                    spender: allowance.spender,
                  })}
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconShieldX size={14} />}
                  data-testid="revoke-allowance"
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * On the page of a participation in a sale paid in a token: what its contracts may still take from
 * the user's accounts. Read from the token each time, since approvals made elsewhere count too.
 */
export function ParticipationAllowances({ participationId, symbol }: { participationId: number; symbol: string }) {
  const query = useAllowances(participationId);
  let content;
  if (query.isPending) {
    content = <LoadingState label="Reading the allowances from your node…" />;
  } else if (query.isError) {
    content = <FailureAlert title="The allowances could not be read" error={query.error} onRetry={() => void query.refetch()} />;
  } else if (query.data.length === 0) {
    content = (
      <Text size="sm" c="dimmed" data-testid="allowances-empty">
        None: no contract of this sale may take {symbol} from your accounts.
      </Text>
    );
  } else {
    content = <AllowancesTable allowances={query.data} />;
  }
  return (
    <Paper withBorder radius="md" p="lg" data-testid="participation-allowances">
      <Group justify="space-between" align="baseline" mb="md">
        <Title order={2} size="h5">
          Allowances
        </Title>
        <Anchor component="button" type="button" size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Read again
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        What your accounts allow this sale&apos;s contracts to take of your {symbol}, as the token says now. An exact approval is spent
        by its contribution; anything left can be revoked.
      </Text>
      {content}
    </Paper>
  );
}
