import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type PriceApiInput, type PriceSource, type PriceSources } from "../api";
import { invalidatePricedQueries } from "../budget/budgetQueries";

export const priceSourcesKey = ["price-sources"] as const;

/**
 * The price sources: their order, the online price API (its settings and last outcome) and its coin ids. Read again
 * whenever a screen shows them: the assets to price change with every trade, sale and import made elsewhere.
 */
export function usePriceSources() {
  return useQuery({ queryKey: priceSourcesKey, queryFn: api.getPriceSources, staleTime: 0, refetchOnMount: "always" });
}

/** Each change answers with the sources as saved, which replace what is shown. */
function useKeepSaved() {
  const queryClient = useQueryClient();
  return (saved: PriceSources) => queryClient.setQueryData(priceSourcesKey, saved);
}

/** Another order picks other prices, so the budgets and the portfolio are valued again. */
export function useSetPriceSourceOrder() {
  const queryClient = useQueryClient();
  const keepSaved = useKeepSaved();
  return useMutation({
    mutationFn: (order: PriceSource[]) => api.setPriceSourceOrder(order),
    onSuccess: async (saved) => {
      keepSaved(saved);
      await invalidatePricedQueries(queryClient);
    },
  });
}

export function useSetPriceApi() {
  const keepSaved = useKeepSaved();
  return useMutation({ mutationFn: (input: PriceApiInput) => api.setPriceApi(input), onSuccess: keepSaved });
}

export function useSetPriceApiCoin() {
  const keepSaved = useKeepSaved();
  return useMutation({
    mutationFn: ({ asset, coinId }: { asset: string; coinId: string }) => api.setPriceApiCoin(asset, coinId),
    onSuccess: keepSaved,
  });
}

/**
 * Asks the online price API for the latest prices. Either way the sources are asked again
 * (when it last answered, or why it failed); new prices revalue the budgets and the portfolio.
 */
export function useRefreshPrices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.refreshPrices(),
    onSuccess: () => invalidatePricedQueries(queryClient),
    onSettled: () => queryClient.invalidateQueries({ queryKey: priceSourcesKey }),
  });
}

/** Imported prices revalue the budgets and the portfolio. */
export function useImportPriceHistory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: number) => api.importPriceHistory(file),
    onSuccess: async () => {
      await invalidatePricedQueries(queryClient);
      await queryClient.invalidateQueries({ queryKey: priceSourcesKey });
    },
  });
}
