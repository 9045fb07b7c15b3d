import { DataList, Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled card of label–value rows, e.g. a sale's schedule. */
export function DetailsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h5" mb="md">
        {title}
      </Title>
      <DataList labelWidth={180} gap="sm" size="sm">
        {children}
      </DataList>
    </Paper>
  );
}

export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
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
