import { Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { ListOrder } from "../api";
import { FailureAlert } from "./FailureAlert";
import { LoadingState } from "./LoadingState";
import type { PagedList } from "./usePagedList";
import { VirtualTable, type VirtualTableProps } from "./VirtualTable";

type PagedTableProps<T> = Omit<VirtualTableProps<T>, "rowCount" | "rowAt" | "onRowsShown"> & {
  list: PagedList<T>;
  /** What the list holds, for the loading and failure messages: "the price book". */
  what: string;
  /** Shown when the list (as filtered) holds no row. */
  empty: ReactNode;
};

/**
 * A long list read a page at a time (`usePagedList`) in a `VirtualTable`: loading and failure
 * states of its first page, its empty state, and a page that failed later said under the table
 * with a way to read it again.
 */
export function PagedTable<T>({ list, what, empty, ...table }: PagedTableProps<T>) {
  if (list.isPending) return <LoadingState label={`Loading ${what}…`} />;
  if (list.error) return <FailureAlert title={`${capitalized(what)} could not be loaded`} error={list.error} onRetry={list.retry} />;
  if (list.total === 0) return <>{empty}</>;
  return (
    <Stack gap="xs">
      <VirtualTable key={list.listKey} rowCount={list.total} rowAt={list.rowAt} onRowsShown={list.showRows} {...table} />
      {list.pageError && <FailureAlert title={`Part of ${what} could not be loaded`} error={list.pageError} onRetry={list.retry} />}
    </Stack>
  );
}

/** A count of rows in words: `countText(1204, "price")` is "1,204 prices". */
export function countText(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? noun : plural}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type ListFiltersProps = {
  /** The assets the list may be filtered by, in order, the one chosen ("" for every asset) and how to choose; none: no asset filter. */
  assets?: { choices: ReadonlyArray<string>; chosen: string; choose: (asset: string) => void };
  order: ListOrder;
  onOrder: (order: ListOrder) => void;
  /** How many rows the list holds as filtered, in words: "1,204 prices". */
  count: string;
  /** Further filters, between the asset and the order. */
  children?: ReactNode;
  testId: string;
};

const orders: { value: ListOrder; label: string }[] = [
  { value: "newestFirst", label: "Newest first" },
  { value: "oldestFirst", label: "Oldest first" },
];

/** The filters above a long dated list: an asset (when it has several), any further ones, the order, and the count. */
export function ListFilters({ assets, order, onOrder, count, children, testId }: ListFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid={testId}>
      {assets && (
        <Select
          label="Asset"
          size="xs"
          w={150}
          data={[{ value: "", label: "Every asset" }, ...assets.choices.map((symbol) => ({ value: symbol, label: symbol }))]}
          value={assets.chosen}
          onChange={(value) => assets.choose(value ?? "")}
          allowDeselect={false}
          searchable
          nothingFoundMessage="No such asset"
          data-testid={`${testId}-asset`}
        />
      )}
      {children}
      <SegmentedControl size="xs" aria-label="Order" data={orders} value={order} onChange={(value) => onOrder(value as ListOrder)} />
      <Text size="sm" c="dimmed" ml="auto" className="tabular-nums" aria-live="polite">
        {count}
      </Text>
    </Group>
  );
}
