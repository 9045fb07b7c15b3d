import { Badge, EmptyState, Paper } from "@mantine/core";
import { IconHammer } from "@tabler/icons-react";
import type { ReactNode } from "react";

type NotBuiltYetProps = {
  /** What the area will do once it exists. */
  description: ReactNode;
  icon?: ReactNode;
  title?: ReactNode;
  /** The "Not built yet" badge, for placeholders whose title does not already say so. */
  withBadge?: boolean;
};

/** The honest placeholder for a part of Saleguard that does not exist yet. */
export function NotBuiltYet({ description, icon, title = "Not built yet", withBadge = true }: NotBuiltYetProps) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="not-built-yet">
      <EmptyState
        withIndicatorBackground
        icon={icon ?? <IconHammer size={28} stroke={1.5} />}
        title={title}
        description={description}
      >
        {withBadge && (
          <EmptyState.Actions>
            <Badge variant="light" color="gray" leftSection={<IconHammer size={12} />}>
              Not built yet
            </Badge>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}
