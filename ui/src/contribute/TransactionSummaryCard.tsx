import { DataList, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { TxPurpose, TransactionSummary } from "../api";
import { AddressText } from "../common/AddressText";
import { CopyValueButton } from "../common/CopyValueButton";
import { DetailItem } from "../common/DetailsSection";

const feeSpeedLabels = { slow: "Slow", normal: "Normal", fast: "Fast" } as const;

function Mono({ children, testId }: { children: string; testId?: string }) {
  return (
    <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid={testId}>
      {children}
    </Text>
  );
}

type TransactionSummaryCardProps = { transaction: TransactionSummary; purpose: TxPurpose };

/** What will be signed, in plain words first and then in the numbers the signature covers. */
export function TransactionSummaryCard({ transaction, purpose }: TransactionSummaryCardProps) {
  const toIsSale = transaction.to.toLowerCase() === transaction.saleAddress.toLowerCase();
  const call = transaction.decodedCall;
  // No gas limit: the node says the call fails, and there is nothing to sign.
  const signable = transaction.gasLimit > 0;
  const sentence =
    purpose === "refund"
      ? `Claim your refund from the sale by calling ${call ?? "its refund function"}, from your account on ${transaction.network}.`
      : purpose !== "contribution"
        ? `Take “${transaction.action}”: call ${call ?? "the contract"} ${toIsSale ? "on the sale's address" : "on another contract than the sale's"}, from your account on ${transaction.network}. No coins are sent with it.`
        : call
        ? `Send ${transaction.amount} to the sale by calling ${call}, on ${transaction.network}.`
        : toIsSale
          ? `Send ${transaction.amount} to the sale's address, a plain transfer on ${transaction.network}.`
          : `Send ${transaction.amount} to the sale's address through the token's contract, on ${transaction.network}.`;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="transaction-summary">
      <Stack gap="md">
        <div>
          <Title order={2} size="h5">
            What you sign
          </Title>
          <Text size="sm" mt={4} data-testid="transaction-sentence">
            {sentence}{" "}
            {signable
              ? `The fees cost at most ${transaction.maxFee}.`
              : "The fees are unknown: the node says the call fails, so it cannot be signed."}
          </Text>
        </div>
        <DataList labelWidth={180} gap="sm" size="sm">
          <DetailItem label="From">
            <AddressText address={transaction.from} />
          </DetailItem>
          <DetailItem label="Action">
            <Text span size="sm" data-testid="summary-action">
              {transaction.action}
            </Text>
          </DetailItem>
          <DetailItem label={toIsSale ? "To (the sale)" : purpose === "contribution" ? "To (the token's contract)" : "To (the action's contract)"}>
            <AddressText address={transaction.to} />
          </DetailItem>
          {!toIsSale && (
            <DetailItem label="Sale address">
              <AddressText address={transaction.saleAddress} />
            </DetailItem>
          )}
          {purpose === "contribution" && (
            <DetailItem label="Amount">
              <Text span size="sm" fw={600} className="tabular-nums" data-testid="summary-amount">
                {transaction.amount}
              </Text>
            </DetailItem>
          )}
          {transaction.value !== transaction.amount && (
            <DetailItem label="Coins sent with it">
              <Text span size="sm" className="tabular-nums">
                {transaction.value}
              </Text>
            </DetailItem>
          )}
          <DetailItem label="Network">
            <Text span size="sm" data-testid="summary-network">
              {transaction.network}{" "}
              <Text span size="sm" c="dimmed" className="tabular-nums">
                (chain id {transaction.chainId})
              </Text>
            </Text>
          </DetailItem>
          <DetailItem label="Call">
            {call ? (
              <Mono testId="summary-call">{call}</Mono>
            ) : (
              <Text span size="sm" data-testid="summary-call">
                Plain transfer
              </Text>
            )}
          </DetailItem>
          {transaction.arguments.length > 0 && (
            <DetailItem label="Arguments">
              <Stack gap={2} data-testid="summary-arguments">
                {transaction.arguments.map((argument, index) => (
                  <Text key={index} span size="sm" style={{ overflowWrap: "anywhere" }} data-testid="summary-argument">
                    {argument.name || `argument ${index + 1}`}{" "}
                    <Text span size="xs" c="dimmed">
                      ({argument.type})
                    </Text>
                    :{" "}
                    <Text span size="sm" ff="monospace">
                      {argument.value}
                    </Text>
                  </Text>
                ))}
                <Text span size="xs" c="dimmed">
                  Decoded again from the call data about to be signed.
                </Text>
              </Stack>
            </DetailItem>
          )}
          <DetailItem label="Nonce">
            <Text span size="sm" className="tabular-nums">
              {transaction.nonce}
            </Text>
          </DetailItem>
          <DetailItem label="Gas limit">
            {signable ? (
              <Text span size="sm" className="tabular-nums">
                {transaction.gasLimit}
              </Text>
            ) : (
              <Text span size="sm" c="red">
                Could not be estimated: the node says the call fails
              </Text>
            )}
          </DetailItem>
          <DetailItem label="Max fee">
            {!signable ? (
              <Text span size="sm" c="dimmed" data-testid="summary-max-fee">
                Unknown until the call can go through
              </Text>
            ) : (
              <Stack gap={0}>
                <Text span size="sm" className="tabular-nums" data-testid="summary-max-fee">
                  {transaction.maxFee}{" "}
                  <Text span size="sm" c="dimmed">
                    ({feeSpeedLabels[transaction.feeSpeed]})
                  </Text>
                </Text>
                <Text span size="xs" c="dimmed" className="tabular-nums">
                  Max fee per gas {transaction.maxFeePerGas}, priority fee {transaction.maxPriorityFeePerGas}
                </Text>
              </Stack>
            )}
          </DetailItem>
          {signable && (
            <DetailItem label="Signing hash">
              <Group gap="xs" wrap="nowrap" align="center">
                <Mono testId="summary-signing-hash">{transaction.signingHash}</Mono>
                <CopyValueButton value={transaction.signingHash} label="Copy signing hash" />
              </Group>
            </DetailItem>
          )}
          {transaction.data !== "0x" && (
            <DetailItem label="Call data">
              <Text span size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
                {transaction.data}
              </Text>
            </DetailItem>
          )}
        </DataList>
        {signable && (
          <Text size="xs" c="dimmed">
            The signing hash is what the key signs: it covers every field above, so nothing else can be signed in its place.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
