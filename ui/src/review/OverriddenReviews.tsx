import { DataList, EmptyState, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ReviewOverride } from "../api";
import { AddressText } from "../common/AddressText";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { formatDecimalString } from "../format/amount";
import { useSaleReviewOverrides } from "./reviewQueries";
import { SeverityMark } from "./SeverityMark";

function OverrideItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        <Text span size="sm" c="dimmed">
          {label}
        </Text>
      </DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** The findings as they were when overridden, each with its severity's icon and word. */
function OverriddenFindings({ override }: { override: ReviewOverride }) {
  return (
    <Stack gap={4} data-testid="override-findings">
      {override.findings.map((finding, index) => (
        <Group key={`${finding.code}-${index}`} gap="xs" wrap="nowrap" align="flex-start">
          <SeverityMark severity={finding.severity} />
          <Text size="sm">
            <Text span size="xs" ff="monospace" c="dimmed">
              {finding.code}
            </Text>{" "}
            · {finding.message}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function OverrideEntry({ override }: { override: ReviewOverride }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="override-entry">
      <DataList labelWidth={140} gap="xs" size="sm">
        <OverrideItem label="When">
          <DateTimeText iso={override.createdAt} />
        </OverrideItem>
        <OverrideItem label="Amount">
          <Text span size="sm" fw={600} className="tabular-nums">
            {formatDecimalString(override.amount)} {override.currency}
          </Text>
        </OverrideItem>
        <OverrideItem label="From">
          <AddressText address={override.from} />
        </OverrideItem>
        <OverrideItem label="To">
          <AddressText address={override.to} />
        </OverrideItem>
        <OverrideItem label="Chain id">
          <Text span size="sm" className="tabular-nums">
            {override.chainId}
          </Text>
        </OverrideItem>
        <OverrideItem label="Reason">
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="override-reason">
            {override.reason}
          </Text>
        </OverrideItem>
        <OverrideItem label="Findings then">
          <OverriddenFindings override={override} />
        </OverrideItem>
      </DataList>
    </Paper>
  );
}

/** A sale's overridden reviews, newest first: each with its reason and the findings as they were. */
export function OverriddenReviews({ saleId }: { saleId: number }) {
  const overridesQuery = useSaleReviewOverrides(saleId);
  let content;
  if (overridesQuery.isPending) {
    content = <LoadingState label="Loading the overridden reviews…" />;
  } else if (overridesQuery.isError) {
    content = (
      <FailureAlert
        title="The overridden reviews could not be loaded"
        error={overridesQuery.error}
        onRetry={() => void overridesQuery.refetch()}
      />
    );
  } else if (overridesQuery.data.length === 0) {
    content = (
      <EmptyState
        withIndicatorBackground
        icon={<IconHistory size={28} stroke={1.5} />}
        title="No override yet"
        description="When you override a blocked review with a reason, it is kept here with the contribution and the findings as they were."
        data-testid="overrides-empty"
      />
    );
  } else {
    content = (
      <Stack gap="sm">
        {overridesQuery.data.map((override) => (
          <OverrideEntry key={override.id} override={override} />
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" data-testid="overridden-reviews">
      <Title order={2} size="h5" mb="md">
        Overridden reviews
      </Title>
      {content}
    </Paper>
  );
}
