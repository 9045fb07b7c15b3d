import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, type BudgetInput, type PriceInput, type PriceQuery } from "../api";
import { usePagedList } from "../common/usePagedList";
import { portfolioQueryKeys } from "../portfolio/portfolioQueries";

export const budgetQueryKeys = {
  budgets: ["budgets"] as const,
  current: ["budgets", "current"] as const,
  prices: ["prices"] as const,
};

export function useBudgets() {
  return useQuery({ queryKey: budgetQueryKeys.budgets, queryFn: api.listBudgets });
}

/** The budget that applies now (for the dashboard); under the budgets' key, so any change to them refreshes it. */
export function useCurrentBudget() {
  return useQuery({ queryKey: budgetQueryKeys.current, queryFn: api.getCurrentBudget });
}

/** The price book as `query` filters and orders it, read a page at a time. */
export function usePriceBook(query: PriceQuery) {
  return usePagedList([...budgetQueryKeys.prices, "list", query], (page) => api.listPrices(query, page));
}

/** The assets the price book has prices of (what it may be filtered by). */
export function usePriceAssets() {
  return useQuery({ queryKey: [...budgetQueryKeys.prices, "assets"], queryFn: api.listPriceAssets });
}

export function useAddBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetInput) => api.addBudget(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetQueryKeys.budgets }),
  });
}

export function useUpdateBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: BudgetInput }) => api.updateBudget(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetQueryKeys.budgets }),
  });
}

export function useRemoveBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.removeBudget(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetQueryKeys.budgets }),
  });
}

/**
 * After the prices changed (a price recorded, imported or fetched, or the sources' order):
 * the price book is asked again, and so are the budgets and the portfolio, valued with it.
 */
export async function invalidatePricedQueries(queryClient: QueryClient) {
  await queryClient.invalidateQueries({ queryKey: budgetQueryKeys.prices });
  await queryClient.invalidateQueries({ queryKey: budgetQueryKeys.budgets });
  await queryClient.invalidateQueries({ queryKey: portfolioQueryKeys.portfolio });
}

/** A new price changes what earlier payments and holdings are worth, so budgets and the portfolio are asked again. */
export function useAddPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PriceInput) => api.addPrice(input),
    onSuccess: () => invalidatePricedQueries(queryClient),
  });
}
