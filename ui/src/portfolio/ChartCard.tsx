import { Box, Button, EmptyState, Paper, Text, Title } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";

type ChartCardProps = {
  title: string;
  /** A line under the title saying what the chart shows; none when the card has nothing to show yet. */
  caption?: ReactNode;
  captionTestId?: string;
  "data-testid": string;
  children: ReactNode;
};

/** The card a chart over time stands in: its title, what it shows, then the chart (or why there is none yet). */
export function ChartCard({ title, caption, captionTestId, "data-testid": testId, children }: ChartCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Title order={3} size="h5" mb={caption === undefined ? "md" : undefined}>
        {title}
      </Title>
      {caption !== undefined && (
        <Text size="sm" c="dimmed" mb="md" data-testid={captionTestId}>
          {caption}
        </Text>
      )}
      {children}
    </Paper>
  );
}

type ChartEmptyStateProps = {
  icon: Icon;
  title: string;
  description: string;
  /** A link to where the user gives the chart something to show. */
  action?: { label: string; href: string; testId: string };
  "data-testid": string;
};

/** What a chart's card shows instead of an empty chart: why there is nothing yet and, maybe, where to add it. */
export function ChartEmptyState({ icon: EmptyIcon, title, description, action, "data-testid": testId }: ChartEmptyStateProps) {
  return (
    <EmptyState withIndicatorBackground icon={<EmptyIcon size={28} stroke={1.5} />} title={title} description={description} data-testid={testId}>
      {action && (
        <EmptyState.Actions>
          <Button component="a" href={action.href} variant="light" data-testid={action.testId}>
            {action.label}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}

/**
 * The chart's place, 240 px high. The chart is drawn in it once the theme's colours are resolved
 * (just after mounting); the box keeps its place meanwhile.
 */
export function ChartCanvas({ children }: { children: ReactNode }) {
  return (
    <Box pos="relative" h={240}>
      {children}
    </Box>
  );
}
