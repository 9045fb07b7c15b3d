import { Box, Group, Stack, Text, Title } from "@mantine/core";
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
        {/* At least a readable column wide (or as wide as the title and badge need): when the
            actions do not fit beside it, they go to a line of their own instead of squeezing
            the title and the description into a narrow strip. */}
        <Stack gap={4} style={{ minWidth: "min(100%, 28rem)", flex: "1 1 auto" }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1} size="h2" tabIndex={-1} data-page-title>
              {title}
            </Title>
            {badge}
          </Group>
          {description && (
            // No say in that width: it takes what is left beside the actions and wraps in it.
            <Box w={0} miw="100%">
              <Text c="dimmed" size="sm" maw={720}>
                {description}
              </Text>
            </Box>
          )}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
