import { EmptyState, Paper, Stack, Text, Title } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import type { Participation } from "../api";
import { EntryForm } from "./EntryForm";
import { EntriesTable } from "./EntriesTable";
import { LedgerRepairPanel } from "./LedgerRepairPanel";

/** The participation's entries: every contribution, refund and distribution, and the form to record one. */
export function EntriesTab({ participation }: { participation: Participation }) {
  return (
    <Stack gap="lg">
      {participation.entryCount === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="entries-empty">
          <EmptyState
            withIndicatorBackground
            icon={<IconReceipt size={28} stroke={1.5} />}
            title="Nothing recorded yet"
            description="Record each payment you made to the sale, each refund you got back and each distribution of tokens you received, with the form below. Contributions Saleguard signs for you will appear here on their own."
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h5" mb="sm">
            Entries
          </Title>
          <EntriesTable participationId={participation.id} entryCount={participation.entryCount} />
          <Text size="xs" c="dimmed" mt="sm">
            Times are your local time, with UTC on hover; amounts in full on hover.
          </Text>
        </Paper>
      )}
      <EntryForm participation={participation} />
      <LedgerRepairPanel participationId={participation.id} />
    </Stack>
  );
}
