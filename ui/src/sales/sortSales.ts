import type { Amount, Sale, SaleStatus } from "../api";
import { compareAmountValues } from "../format/amount";
import { timestampOf } from "../format/time";

export type SaleSortKey = "projectName" | "tokenSymbol" | "chainId" | "status" | "startsAt" | "endsAt" | "hardCap";
export type SortDirection = "ascending" | "descending";
export type SaleSort = { key: SaleSortKey; direction: SortDirection };

export const defaultSaleSort: SaleSort = { key: "startsAt", direction: "ascending" };

// Lifecycle order, not alphabetical.
const statusOrder: Record<SaleStatus, number> = { upcoming: 0, open: 1, ended: 2 };

const textCollator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Caps in different currencies are grouped by currency, then ordered by exact value. */
function compareCaps(a: Amount, b: Amount): number {
  return textCollator.compare(a.symbol, b.symbol) || compareAmountValues(a, b);
}

function compareBy(key: Exclude<SaleSortKey, "hardCap">, a: Sale, b: Sale): number {
  switch (key) {
    case "projectName":
      return textCollator.compare(a.projectName, b.projectName);
    case "tokenSymbol":
      return textCollator.compare(a.tokenSymbol, b.tokenSymbol);
    case "chainId":
      return a.chainId - b.chainId;
    case "status":
      return statusOrder[a.status] - statusOrder[b.status];
    case "startsAt":
      return timestampOf(a.startsAt) - timestampOf(b.startsAt);
    case "endsAt":
      return timestampOf(a.endsAt) - timestampOf(b.endsAt);
  }
}

export function sortSales(sales: ReadonlyArray<Sale>, sort: SaleSort): Sale[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...sales].sort((a, b) => {
    let order: number;
    if (sort.key === "hardCap") {
      // Sales without a hard cap go last in either direction.
      if (!a.hardCap || !b.hardCap) {
        if (a.hardCap === b.hardCap) return a.id - b.id;
        return a.hardCap ? -1 : 1;
      }
      order = sign * compareCaps(a.hardCap, b.hardCap);
    } else {
      order = sign * compareBy(sort.key, a, b);
    }
    return order || a.id - b.id;
  });
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort(current: SaleSort, key: SaleSortKey): SaleSort {
  if (current.key === key) {
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { key, direction: "ascending" };
}
