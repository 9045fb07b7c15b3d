import { Group, Paper, Text, ThemeIcon } from "@mantine/core";
import type { ReactNode } from "react";

type StatCardProps = { label: string; icon: ReactNode; children: ReactNode; testId: string };

/** A headline card: a small icon and label, then what matters in large type. */
export function StatCard({ label, icon, children, testId }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" radius="md" size="md" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
      </Group>
      {children}
    </Paper>
  );
}
