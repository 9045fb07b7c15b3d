import { keepPreviousData, useQueries, useQuery, type QueryKey } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { BackendFailure, Page, PageInput } from "../api";

/** Rows per page read from the backend (it sends at most 500). */
export const PAGE_ROWS = 200;

/** A long list read a page at a time, as a `VirtualTable` draws it. */
export type PagedList<T> = {
  /** Names the query (filter and order): a table drawn anew for another starts at its top. */
  listKey: string;
  /** The first page is being read: nothing to show yet. */
  isPending: boolean;
  /** The first page could not be read. */
  error: BackendFailure | null;
  /** A later page could not be read (its rows stay placeholders). */
  pageError: BackendFailure | null;
  /** Reads again the pages that failed. */
  retry: () => void;
  /** How many rows the list holds, once the first page said. */
  total: number;
  rowAt: (index: number) => T | undefined;
  /** Tell it which rows are drawn; it reads their pages. */
  showRows: (first: number, last: number) => void;
};

/**
 * A list of any length read a page at a time: the first page, then the pages of the rows in
 * view as the user scrolls (each cached under `key` and its page number, so scrolling back
 * is instant and invalidating `key`'s first part reads them again). A new `key` (another
 * filter or order) starts again from the first page.
 */
export function usePagedList<T>(key: QueryKey, readPage: (page: PageInput) => Promise<Page<T>>): PagedList<T> {
  const keyText = JSON.stringify(key);
  // The pages in view, for the key they were shown under.
  const [shown, setShown] = useState({ keyText, first: 0, last: 0 });
  const inView = shown.keyText === keyText ? shown : { first: 0, last: 0 };
  const read = (number: number) => () => readPage({ offset: number * PAGE_ROWS, limit: PAGE_ROWS });
  // Another filter or order shows the first page it replaces until its own arrives: no
  // flash of a loading state, and the filters keep their place (and the keyboard's focus).
  const first = useQuery({ queryKey: [...key, 0], queryFn: read(0), placeholderData: keepPreviousData });
  // The later pages in view never stand in for each other: one not read yet is drawn as placeholders.
  const numbers: number[] = [];
  for (let number = Math.max(inView.first, 1); number <= inView.last; number += 1) numbers.push(number);
  const later = useQueries({ queries: numbers.map((number) => ({ queryKey: [...key, number], queryFn: read(number) })) });
  const pages = [first, ...later];
  numbers.unshift(0);
  const failed = pages.filter((page) => page.isError);
  const showRows = useCallback(
    (firstRow: number, lastRow: number) => {
      const page = { first: Math.floor(firstRow / PAGE_ROWS), last: Math.floor(lastRow / PAGE_ROWS) };
      setShown((current) => (current.keyText === keyText && current.first === page.first && current.last === page.last ? current : { keyText, ...page }));
    },
    [keyText],
  );
  return {
    listKey: keyText,
    isPending: first.isPending,
    error: first.error,
    pageError: failed.find((page) => page !== first)?.error ?? null,
    retry: () => failed.forEach((page) => void page.refetch()),
    total: first.data?.total ?? 0,
    rowAt: (index) => {
      const at = numbers.indexOf(Math.floor(index / PAGE_ROWS));
      return at < 0 ? undefined : pages[at]?.data?.rows[index % PAGE_ROWS];
    },
    showRows,
  };
}
