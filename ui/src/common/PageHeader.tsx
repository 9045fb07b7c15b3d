import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Shown above the title, e.g. a link back to the list. */
  breadcrumb?: ReactNode;
  actions?: ReactNode;
  badge?: ReactNode;
};

/** The heading of every page; focus lands on its title after navigation. */
export function PageHeader({ title, description, breadcrumb, actions, badge }: PageHeaderProps) {
  return (
    <Stack gap={4} mb="lg">
      {breadcrumb}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1} size="h2" tabIndex={-1} data-page-title>
              {title}
            </Title>
            {badge}
          </Group>
          {description && (
            <Text c="dimmed" size="sm" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
