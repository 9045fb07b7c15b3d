import { Group, Stack, Table, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import type { Entry } from "../api";
import { AmountText } from "../common/AmountText";
import { CopyValueButton } from "../common/CopyValueButton";
import { DateTimeText } from "../common/DateTimeText";
import { LooksBadge } from "../common/LooksBadge";
import { entryKindLooks, entrySourceLooks } from "./entryFields";

/** A long reference (a transaction hash) shortened in the middle; the whole of it on hover and to copy. */
function ReferenceText({ reference }: { reference: string }) {
  if (reference === "") {
    return (
      <Text span size="sm" c="dimmed">
        None
      </Text>
    );
  }
  const short = reference.length > 20 ? `${reference.slice(0, 10)}…${reference.slice(-6)}` : reference;
  return (
    <Group gap={4} wrap="nowrap">
      <Text span size="sm" ff="monospace" title={reference} data-testid="entry-reference">
        {short}
      </Text>
      <CopyValueButton value={reference} label="Copy reference" />
    </Group>
  );
}

function Party({ value }: { value: string }) {
  if (value === "") {
    return (
      <Text span size="sm" c="dimmed">
        not recorded
      </Text>
    );
  }
  return (
    <Text span size="sm" ff="monospace" style={{ overflowWrap: "anywhere" }}>
      {value}
    </Text>
  );
}

/** Contributions, refunds and distributions, oldest first, as recorded. */
export function EntriesTable({ entries }: { entries: ReadonlyArray<Entry> }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table data-testid="entries-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>From → to</Table.Th>
            <Table.Th>Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const kind = entryKindLooks(entry.kind);
            const source = entrySourceLooks(entry.source);
            return (
              <Table.Tr key={entry.id} data-testid="entries-entry" data-kind={entry.kind} style={{ verticalAlign: "top" }}>
                <Table.Td>
                  <LooksBadge color={kind.color} Icon={kind.Icon} title={kind.meaning || undefined} testId="entry-kind" neverShortened>
                    {kind.label}
                  </LooksBadge>
                </Table.Td>
                <Table.Td>
                  <DateTimeText iso={entry.happenedAt} stacked />
                </Table.Td>
                <Table.Td ta="right" data-testid="entry-amount">
                  <AmountText amount={entry.amount} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <ReferenceText reference={entry.reference} />
                    {entry.logIndex !== null && (
                      <Text size="xs" c="dimmed" data-testid="entry-log">
                        Log {entry.logIndex} of that transaction
                      </Text>
                    )}
                    {entry.note !== "" && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="entry-note">
                        {entry.note}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap" data-testid="entry-parties">
                    <Party value={entry.from} />
                    <IconArrowRight size={14} aria-label="to" />
                    <Party value={entry.to} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <LooksBadge color={source.color} Icon={source.Icon} title={source.description} testId="entry-source" neverShortened>
                    {source.label}
                  </LooksBadge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
