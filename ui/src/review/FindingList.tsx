import { Badge, DataList, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLock, IconLockOpen } from "@tabler/icons-react";
import { useId } from "react";
import type { Finding, FindingDetail, Severity } from "../api";
import { AddressText } from "../common/AddressText";
import { DateTimeText } from "../common/DateTimeText";
import { detailName, severityLooks, severityOrder } from "./reviewLooks";
import { SeverityMark } from "./SeverityMark";

const addressPattern = /^0x[0-9a-fA-F]{40}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A detail's value: an address with its fingerprint (look-alikes look different), a time in local time, else as sent. */
function DetailValue({ value }: { value: string }) {
  if (addressPattern.test(value)) return <AddressText address={value} />;
  if (timestampPattern.test(value)) return <DateTimeText iso={value} size="xs" />;
  return (
    <Text span size="xs" className="tabular-nums" style={{ wordBreak: "break-word" }}>
      {value}
    </Text>
  );
}

function FindingDetails({ details }: { details: ReadonlyArray<FindingDetail> }) {
  if (details.length === 0) return null;
  return (
    <DataList size="xs" gap={4} labelWidth={170} data-testid="finding-details">
      {details.map((detail, index) => (
        <DataList.Item key={`${detail.name}-${index}`}>
          <DataList.ItemLabel>
            <Text span size="xs" c="dimmed">
              {detailName(detail.name)}
            </Text>
          </DataList.ItemLabel>
          <DataList.ItemValue>
            <DetailValue value={detail.value} />
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** Whether a block can be overridden with a reason, in words (with an icon, not colour alone). */
function OverridableBadge({ overridable }: { overridable: boolean }) {
  return overridable ? (
    <Badge variant="outline" color="gray" size="sm" leftSection={<IconLockOpen size={12} />} data-testid="finding-overridable">
      can be overridden
    </Badge>
  ) : (
    <Badge variant="filled" color="red" size="sm" leftSection={<IconLock size={12} />} data-testid="finding-overridable">
      cannot be overridden
    </Badge>
  );
}

/** One finding: its severity (icon and word), its plain message, whether it can be overridden (blocks only), its details and its stable code. */
export function FindingCard({ finding }: { finding: Finding }) {
  const looks = severityLooks[finding.severity];
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${looks.color}-6)` }}
      data-testid="finding"
      data-code={finding.code}
      data-severity={finding.severity}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="xs" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
            <SeverityMark severity={finding.severity} iconSize={18} />
            <Text size="sm" fw={500} data-testid="finding-message">
              {finding.message}
            </Text>
          </Group>
          {finding.severity === "block" && <OverridableBadge overridable={finding.overridable} />}
        </Group>
        <FindingDetails details={finding.details} />
        <Text size="xs" c="dimmed" ff="monospace">
          {finding.code}
        </Text>
      </Stack>
    </Paper>
  );
}

function SeverityGroup({ severity, findings }: { severity: Severity; findings: ReadonlyArray<Finding> }) {
  const looks = severityLooks[severity];
  const SeverityIcon = looks.icon;
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} data-testid={`findings-${severity}`}>
      <Group gap="xs" mb="xs">
        <ThemeIcon variant="light" color={looks.color} size="sm" radius="sm" aria-hidden="true">
          <SeverityIcon size={14} />
        </ThemeIcon>
        <Title order={3} size="h6" id={titleId}>
          {looks.groupTitle}
        </Title>
        <Badge variant="light" color={looks.color} size="sm" circle>
          {findings.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {findings.map((finding, index) => (
          <FindingCard key={`${finding.code}-${index}`} finding={finding} />
        ))}
      </Stack>
    </section>
  );
}

const everythingChecked =
  "Nothing found: the chain, the destination, the sale's window and limits, your KYC, where you live, the sale's grade and your budget all check out.";

/**
 * The findings in three groups, most severe first. `checked` says what came out clean
 * when nothing was found (a contribution's full review unless told).
 */
export function FindingsBySeverity({ findings, checked = everythingChecked }: { findings: ReadonlyArray<Finding>; checked?: string }) {
  if (findings.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-findings">
        {checked}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {severityOrder.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        return group.length === 0 ? null : <SeverityGroup key={severity} severity={severity} findings={group} />;
      })}
    </Stack>
  );
}
