import { Group, Text } from "@mantine/core";
import type { Severity } from "../api";
import { severityLooks } from "./reviewLooks";

type SeverityMarkProps = {
  severity: Severity;
  /** The icon's size in pixels; the word is small text beside it. */
  iconSize?: number;
};

/** A finding's severity as its icon in the severity's colour and its word ("Blocks", "Warning", "Info"): never colour alone. */
export function SeverityMark({ severity, iconSize = 16 }: SeverityMarkProps) {
  const looks = severityLooks[severity];
  const SeverityIcon = looks.icon;
  return (
    <Group component="span" gap={4} wrap="nowrap" style={{ flexShrink: 0 }} data-testid="severity-mark" data-severity={severity}>
      <SeverityIcon size={iconSize} color={`var(--mantine-color-${looks.color}-6)`} aria-hidden="true" style={{ flexShrink: 0 }} />
      <Text span size="sm" fw={600}>
        {looks.word}
      </Text>
    </Group>
  );
}
