import { Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { Verdict } from "../api";
import { DateTimeText } from "../common/DateTimeText";
import { verdictLooks } from "./reviewLooks";

type VerdictBannerProps = {
  verdict: Verdict;
  reviewedAt: string;
  /** What was reviewed, in words: "contribution" unless told. */
  subject?: string;
};

/** The verdict in plain words, with its icon and colour; announced when it appears. */
export function VerdictBanner({ verdict, reviewedAt, subject = "contribution" }: VerdictBannerProps) {
  const looks = verdictLooks[verdict];
  const VerdictIcon = looks.icon;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="status"
      aria-live="polite"
      bg={`var(--mantine-color-${looks.color}-light)`}
      style={{ borderColor: `var(--mantine-color-${looks.color}-outline)` }}
      data-testid="review-verdict"
      data-verdict={verdict}
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon color={looks.color} variant="filled" size="xl" radius="md" aria-hidden="true">
          <VerdictIcon size={24} />
        </ThemeIcon>
        <Stack gap={2}>
          <Title order={2} size="h3" c={`var(--mantine-color-${looks.color}-light-color)`}>
            {looks.title}
          </Title>
          <Text size="sm">{looks.meaning(subject)}</Text>
          <Text size="xs" c="dimmed">
            Reviewed as of <DateTimeText iso={reviewedAt} size="xs" />.
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
