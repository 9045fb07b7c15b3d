import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useState } from "react";
import type { Entry, EntryQuery } from "../api";
import { AmountText } from "../common/AmountText";
import { CopyValueButton } from "../common/CopyValueButton";
import { DateTimeText } from "../common/DateTimeText";
import { LooksBadge } from "../common/LooksBadge";
import { countText, ListFilters, PagedTable } from "../common/PagedTable";
import type { VirtualColumn } from "../common/VirtualTable";
import { entryKindLooks, entrySourceLooks } from "./entryFields";
import { useEntries } from "./participationsQueries";

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

/** Pixels per row, as drawn (a date on two lines, a reference with its log); rows are measured once shown. */
const rowHeight = 64;

const columns: ReadonlyArray<VirtualColumn<Entry>> = [
  {
    header: "Kind",
    cell: (entry) => {
      const kind = entryKindLooks(entry.kind);
      return (
        <LooksBadge color={kind.color} Icon={kind.Icon} title={kind.meaning || undefined} testId="entry-kind" neverShortened>
          {kind.label}
        </LooksBadge>
      );
    },
  },
  { header: "When", cell: (entry) => <DateTimeText iso={entry.happenedAt} stacked /> },
  {
    header: "Amount",
    numeric: true,
    cell: (entry) => (
      <span data-testid="entry-amount">
        <AmountText amount={entry.amount} />
      </span>
    ),
  },
  {
    header: "Reference",
    cell: (entry) => (
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
    ),
  },
  {
    header: "From → to",
    cell: (entry) => (
      <Group gap={6} wrap="wrap" data-testid="entry-parties">
        <Party value={entry.from} />
        <IconArrowRight size={14} aria-label="to" />
        <Party value={entry.to} />
      </Group>
    ),
  },
  {
    header: "Source",
    cell: (entry) => {
      const source = entrySourceLooks(entry.source);
      return (
        <LooksBadge color={source.color} Icon={source.Icon} title={source.description} testId="entry-source" neverShortened>
          {source.label}
        </LooksBadge>
      );
    },
  },
];

const kinds = [
  { value: "", label: "All" },
  { value: "contribution", label: "Contributions" },
  { value: "refund", label: "Refunds" },
  { value: "distribution", label: "Distributions" },
];

/**
 * Contributions, refunds and distributions as recorded, oldest first unless the user turns the order,
 * filtered by kind. A ledger that grew by imports or deliveries is read a page at a time as it scrolls.
 */
export function EntriesTable({ participationId, entryCount }: { participationId: number; entryCount: number }) {
  const [query, setQuery] = useState<EntryQuery>({ kind: "", order: "oldestFirst" });
  const entries = useEntries(participationId, query);
  return (
    <Stack gap="sm">
      {entryCount > 1 && (
        <ListFilters order={query.order} onOrder={(order) => setQuery((current) => ({ ...current, order }))} count={entries.isPending ? "" : countText(entries.total, "entry", "entries")} testId="entries-filters">
          <SegmentedControl size="xs" aria-label="Kind" data={kinds} value={query.kind} onChange={(kind) => setQuery((current) => ({ ...current, kind }))} />
        </ListFilters>
      )}
      <PagedTable
        list={entries}
        label="Entries"
        what="the entries"
        empty={
          <Text size="sm" c="dimmed" data-testid="entries-none-of-kind">
            No entry of this kind.
          </Text>
        }
        rowKey={(entry) => entry.id}
        columns={columns}
        rowHeight={rowHeight}
        maxHeight={560}
        minWidth={820}
        verticalSpacing="sm"
        testIds={{ table: "entries-table", row: "entries-entry" }}
      />
    </Stack>
  );
}
