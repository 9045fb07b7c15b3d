import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { portfolioQueryKeys } from "./portfolioQueries";

/**
 * Under the portfolio's key: TanStack Query matches keys by prefix, so everything that asks
 * the portfolio again (a trade, a CSV import, a price, the currency) asks its charts again too.
 */
export const portfolioChartsKey = [...portfolioQueryKeys.portfolio, "charts"] as const;

/**
 * The portfolio's value over time, the current budget's use and the coming unlocks. Like the
 * portfolio, anything recorded anywhere (a budget, a vesting plan, a payment) changes them, so
 * they are asked again each time the page that shows them opens.
 */
export function usePortfolioCharts() {
  return useQuery({ queryKey: portfolioChartsKey, queryFn: api.getPortfolioCharts, staleTime: 0, refetchOnMount: "always" });
}
