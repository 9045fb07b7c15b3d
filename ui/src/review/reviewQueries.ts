import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type OverrideInput, type ReviewInput, type ReviewPolicy } from "../api";

export const reviewQueryKeys = {
  all: ["review"] as const,
  overrides: () => [...reviewQueryKeys.all, "overrides"] as const,
  saleOverrides: (saleId: number) => [...reviewQueryKeys.overrides(), saleId] as const,
  policy: () => [...reviewQueryKeys.all, "policy"] as const,
};

/**
 * Reviews a contribution. A review is asked for, not cached: it depends on the clock,
 * the budget and the prices, so each press of "Review" asks the backend again.
 */
export function useReviewContribution() {
  return useMutation({ mutationFn: (input: ReviewInput) => api.reviewContribution(input) });
}

/** Overrides a blocked review with a reason; the history of overrides is asked again. */
export function useOverrideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OverrideInput) => api.overrideReview(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewQueryKeys.overrides() }),
  });
}

/** A sale's overridden reviews, newest first. */
export function useSaleReviewOverrides(saleId: number) {
  return useQuery({ queryKey: reviewQueryKeys.saleOverrides(saleId), queryFn: () => api.listReviewOverrides(saleId) });
}

export function useReviewPolicy() {
  return useQuery({ queryKey: reviewQueryKeys.policy(), queryFn: api.getReviewPolicy });
}

export function useSetReviewPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewPolicy) => api.setReviewPolicy(input),
    onSuccess: (saved) => queryClient.setQueryData(reviewQueryKeys.policy(), saved),
  });
}
