import { Alert, DataList, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowsExchange, IconCircleCheck } from "@tabler/icons-react";
import type { PaymentView, TransactionPlan } from "../api";
import { DetailItem } from "../common/DetailsSection";
import { BudgetImpactText } from "../review/BudgetImpactText";
import { FindingsBySeverity } from "../review/FindingList";
import { VerdictBanner } from "../review/VerdictBanner";

/** Why a contribution starts with an approval: the sale takes its payment itself. */
export function ApprovalFirstNotice({ payment }: { payment: PaymentView }) {
  return (
    <Alert color="blue" variant="light" icon={<IconArrowsExchange />} title="Two transactions, in order" data-testid="approval-first">
      <Text size="sm">
        This sale takes its payment from your account itself (transferFrom by {payment.spender}), which may take {payment.allowance}{" "}
        now. First you approve exactly the contribution; once that is confirmed, Saleguard plans the contribution again and shows it
        here to sign.
      </Text>
    </Alert>
  );
}

/** The contribution that waits for the approval: its review now, its transaction once planned again. */
export function WaitingContributionCard({ plan }: { plan: TransactionPlan }) {
  const { review, transaction } = plan;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="waiting-contribution">
      <Stack gap="md">
        <div>
          <Title order={2} size="h5">
            Then: the contribution
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            Reviewed now; its nonce, fees and signing hash are known once the approval is confirmed, since the node cannot check it
            before.
          </Text>
        </div>
        <VerdictBanner verdict={review.verdict} reviewedAt={review.reviewedAt} subject="contribution" />
        <FindingsBySeverity findings={review.findings} />
        <BudgetImpactText impact={review.budget} priceMissing={review.findings.some((finding) => finding.code === "price_missing")} />
        <DataList labelWidth={180} gap="sm" size="sm">
          <DetailItem label="Contribution">
            <Text span size="sm" className="tabular-nums" data-testid="waiting-amount">
              {transaction.amount}
            </Text>
          </DetailItem>
          <DetailItem label="Call">
            <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
              {transaction.decodedCall ?? "—"}
            </Text>
          </DetailItem>
        </DataList>
      </Stack>
    </Paper>
  );
}

/** Said above the contribution's review once its approval is confirmed. */
export function ApprovalConfirmedNotice({ hash }: { hash: string }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="The approval is confirmed" data-testid="approval-confirmed">
      <Text size="sm">Now the contribution, planned again against your node: review it and sign it.</Text>
      <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
        {hash}
      </Text>
    </Alert>
  );
}
