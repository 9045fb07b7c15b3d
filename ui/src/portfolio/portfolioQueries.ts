import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type TradeInput } from "../api";

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

export function useTrades() {
  return useQuery({ queryKey: portfolioQueryKeys.trades, queryFn: api.listTrades });
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
