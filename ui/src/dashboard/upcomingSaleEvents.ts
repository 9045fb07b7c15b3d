import type { Sale } from "../api";
import { timestampOf } from "../format/time";

export type SaleEvent = { sale: Sale; at: string };

function earliest(sales: ReadonlyArray<Sale>, timeOf: (sale: Sale) => string): SaleEvent | null {
  let best: SaleEvent | null = null;
  for (const sale of sales) {
    const at = timeOf(sale);
    if (!best || timestampOf(at) < timestampOf(best.at)) best = { sale, at };
  }
  return best;
}

/** The next sale to open (among upcoming ones) and the next to close (among open ones), as the backend's status says. */
export function nextSaleEvents(sales: ReadonlyArray<Sale>): { nextOpening: SaleEvent | null; nextClosing: SaleEvent | null } {
  return {
    nextOpening: earliest(
      sales.filter((sale) => sale.status === "upcoming"),
      (sale) => sale.startsAt,
    ),
    nextClosing: earliest(
      sales.filter((sale) => sale.status === "open"),
      (sale) => sale.endsAt,
    ),
  };
}
