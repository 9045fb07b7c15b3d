import { Alert, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import type { Finding, Review, ReviewInput, ReviewOverride } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { BudgetImpactText } from "./BudgetImpactText";
import { FindingsBySeverity } from "./FindingList";
import { OverrideReviewDialog } from "./OverrideReviewDialog";
import { VerdictBanner } from "./VerdictBanner";

type ReviewPanelProps = {
  review: Review;
  /** The contribution as it was reviewed: what an override is recorded for. */
  input: ReviewInput;
  /** After an override was kept in the history (a wizard may go on to signing). */
  onOverridden?: (override: ReviewOverride) => void;
};

function OverrideRecorded({ override }: { override: ReviewOverride }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Override recorded" data-testid="override-recorded">
      <Stack gap={4}>
        <Text size="sm">
          Kept in the history of {override.projectName} on <DateTimeText iso={override.createdAt} /> with its{" "}
          {override.findings.length === 1 ? "finding" : `${override.findings.length} findings`}.
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          Your reason: “{override.reason}”
        </Text>
      </Stack>
    </Alert>
  );
}

/** Why there is no way past these blocks, and what to do instead. */
function NeverOverridable({ blocks }: { blocks: ReadonlyArray<Finding> }) {
  return (
    <Alert color="red" variant="light" icon={<IconLock />} title="This cannot be overridden" data-testid="not-overridable">
      <Stack gap={6}>
        <Text size="sm">
          A wrong chain or a destination that is not a valid address would send the money where no one can get it back, so
          Saleguard never lets a reason through for {blocks.length === 1 ? "this block" : "these blocks"}:
        </Text>
        <List size="sm" spacing={2}>
          {blocks.map((finding, index) => (
            <List.Item key={`${finding.code}-${index}`}>{finding.message}</List.Item>
          ))}
        </List>
        <Text size="sm">Correct the chain or the destination, then review again.</Text>
      </Stack>
    </Alert>
  );
}

type OverrideOfferProps = { input: ReviewInput; blocks: ReadonlyArray<Finding>; onOverridden: (override: ReviewOverride) => void };

/** The way past overridable blocks: a reason, typed in a dialog, kept with the findings. */
function OverrideOffer({ input, blocks, onOverridden }: OverrideOfferProps) {
  const [opened, dialog] = useDisclosure(false);
  const [reason, setReason] = useState("");
  return (
    <Paper withBorder radius="md" p="md" data-testid="override-offer">
      <Group justify="space-between" gap="md" wrap="wrap">
        <Text size="sm" maw={560}>
          Every block here can be overridden. If you have checked and still want to go ahead, give your reason: it is kept in
          the history with these findings.
        </Text>
        <Button color="red" variant="light" leftSection={<IconShieldCheck size={16} />} onClick={dialog.open} data-testid="open-override">
          Override with a reason…
        </Button>
      </Group>
      <OverrideReviewDialog
        opened={opened}
        onClose={dialog.close}
        input={input}
        blockCount={blocks.length}
        reason={reason}
        onReasonChange={setReason}
        onOverridden={(override) => {
          dialog.close();
          onOverridden(override);
        }}
      />
    </Paper>
  );
}

/**
 * A contribution's review: the verdict in plain words, the findings by severity, what it
 * does to the budget, and — when every block can be overridden — the way to override
 * them with a reason. Made to be embedded: the review page shows it, so will the
 * contribution wizard.
 */
export function ReviewPanel({ review, input, onOverridden }: ReviewPanelProps) {
  const [recorded, setRecorded] = useState<ReviewOverride | null>(null);
  const blocks = review.findings.filter((finding) => finding.severity === "block");
  const neverOverridable = blocks.filter((finding) => !finding.overridable);

  const overridden = (override: ReviewOverride) => {
    setRecorded(override);
    notifications.show({
      title: "Override recorded",
      message: `${override.projectName}: ${override.amount} ${override.currency}, kept with its reason.`,
      color: "teal",
      icon: <IconCircleCheck size={18} />,
    });
    onOverridden?.(override);
  };

  let overrideArea = null;
  if (recorded) {
    overrideArea = <OverrideRecorded override={recorded} />;
  } else if (review.verdict === "blocked" && neverOverridable.length > 0) {
    overrideArea = <NeverOverridable blocks={neverOverridable} />;
  } else if (review.verdict === "blocked" && blocks.length > 0) {
    overrideArea = <OverrideOffer input={input} blocks={blocks} onOverridden={overridden} />;
  }

  return (
    <Stack gap="md" data-testid="review-panel">
      <VerdictBanner verdict={review.verdict} reviewedAt={review.reviewedAt} />
      <FindingsBySeverity findings={review.findings} />
      <BudgetImpactText impact={review.budget} priceMissing={review.findings.some((finding) => finding.code === "price_missing")} />
      {overrideArea}
    </Stack>
  );
}
