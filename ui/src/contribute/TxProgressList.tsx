import { Group, List, Loader, Text, ThemeIcon } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import type { TxProgress } from "../api";
import { progressWords } from "./txLooks";

function StepIcon({ step, current }: { step: TxProgress; current: boolean }) {
  if (step.state === "failed" || step.state === "dropped" || step.state === "replaced") {
    return (
      <ThemeIcon color="red" variant="light" size={20} radius="xl" aria-hidden="true">
        <IconAlertTriangle size={12} />
      </ThemeIcon>
    );
  }
  if (current) return <Loader size={16} aria-hidden="true" />;
  return (
    <ThemeIcon color="teal" variant="light" size={20} radius="xl" aria-hidden="true">
      <IconCheck size={12} />
    </ThemeIcon>
  );
}

/**
 * Adds a step to those shown: a new count of confirmations of the same block replaces
 * the previous one rather than adding a line per block.
 */
export function withStep(steps: ReadonlyArray<TxProgress>, step: TxProgress): TxProgress[] {
  const last = steps.at(-1);
  if (last?.state === "mined" && step.state === "mined" && last.block === step.block) return [...steps.slice(0, -1), step];
  return [...steps, step];
}

type TxProgressListProps = {
  steps: ReadonlyArray<TxProgress>;
  /** Whether more is to come: the last step is then the one in progress. */
  working: boolean;
};

/** The submission's steps as they arrive, the one in progress with a spinner; announced to screen readers. */
export function TxProgressList({ steps, working }: TxProgressListProps) {
  if (steps.length === 0) {
    return (
      <Group gap="xs" role="status">
        <Loader size={16} aria-hidden="true" />
        <Text size="sm">Starting…</Text>
      </Group>
    );
  }
  return (
    <List spacing="xs" listStyleType="none" aria-live="polite" aria-label="Progress" data-testid="progress-steps">
      {steps.map((step, index) => (
        <List.Item key={index} data-testid="progress-step" data-state={step.state}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <StepIcon step={step} current={working && index === steps.length - 1} />
            <div style={{ minWidth: 0 }}>
              <Text size="sm">{progressWords(step, index < steps.length - 1)}</Text>
              {(step.state === "signed" || step.state === "sent") && (
                <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: "break-all" }}>
                  {step.hash}
                </Text>
              )}
            </div>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
