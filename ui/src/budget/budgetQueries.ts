import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type BudgetInput, type PriceInput } from "../api";

export const budgetQueryKeys = {
  budgets: ["budgets"] as const,
  prices: ["prices"] as const,
};

export function useBudgets() {
  return useQuery({ queryKey: budgetQueryKeys.budgets, queryFn: api.listBudgets });
}

export function usePrices() {
  return useQuery({ queryKey: budgetQueryKeys.prices, queryFn: api.listPrices });
}

export function useAddBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetInput) => api.addBudget(input),
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

/** A new price changes what earlier payments are worth, so budgets are asked again. */
export function useAddPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PriceInput) => api.addPrice(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: budgetQueryKeys.prices });
      await queryClient.invalidateQueries({ queryKey: budgetQueryKeys.budgets });
    },
  });
}
