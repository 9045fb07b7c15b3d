import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type TradeInput, type TradeQuery } from "../api";
import { usePagedList } from "../common/usePagedList";

export const portfolioQueryKeys = {
  portfolio: ["portfolio"] as const,
  trades: ["trades"] as const,
};

/**
 * The portfolio, valued now. Everything recorded anywhere (a distribution, a price, a trade) changes it,
 * so it is asked again each time a page that shows it opens.
 */
export function usePortfolio() {
  return useQuery({ queryKey: portfolioQueryKeys.portfolio, queryFn: api.getPortfolio, staleTime: 0, refetchOnMount: "always" });
}

/** The trades as `query` filters and orders them, read a page at a time. */
export function useTrades(query: TradeQuery) {
  return usePagedList([...portfolioQueryKeys.trades, "list", query], (page) => api.listTrades(query, page));
}

/** The assets traded (what the trades may be filtered by). */
export function useTradeAssets() {
  return useQuery({ queryKey: [...portfolioQueryKeys.trades, "assets"], queryFn: api.listTradeAssets });
}

function useRefreshPortfolio() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: portfolioQueryKeys.trades });
    await queryClient.invalidateQueries({ queryKey: portfolioQueryKeys.portfolio });
  };
}

export function useRecordTrade() {
  const refresh = useRefreshPortfolio();
  return useMutation({ mutationFn: (input: TradeInput) => api.recordTrade(input), onSuccess: refresh });
}

export function useRemoveTrade() {
  const refresh = useRefreshPortfolio();
  return useMutation({ mutationFn: (id: number) => api.removeTrade(id), onSuccess: refresh });
}

export function useSetPortfolioCurrency() {
  const refresh = useRefreshPortfolio();
  return useMutation({ mutationFn: (currency: string) => api.setPortfolioCurrency(currency), onSuccess: refresh });
}
