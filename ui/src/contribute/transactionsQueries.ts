import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ActInput, type AmountValue, type ContributionInput, type RefundInput, type ReplaceInput, type RevokeInput, type TxProgress } from "../api";
import { budgetQueryKeys } from "../budget/budgetQueries";
import { participationQueryKeys } from "../participations/participationsQueries";

export const transactionQueryKeys = {
  all: ["transactions"] as const,
  ofParticipation: (participationId: number) => [...transactionQueryKeys.all, "participation", participationId] as const,
};

/** How many transactions are read at a time: the first page, then each "Show older". */
export const TRANSACTION_PAGE_ROWS = 50;

/**
 * A participation's transactions (planned, signed, sent, settled), newest first, a page
 * at a time: the next (older) page is read when asked for. After a transaction moved,
 * every page read so far is read again, in order.
 */
export function useParticipationTransactions(participationId: number) {
  return useInfiniteQuery({
    queryKey: transactionQueryKeys.ofParticipation(participationId),
    queryFn: ({ pageParam }) => api.listTransactions(participationId, "newestFirst", { offset: pageParam, limit: TRANSACTION_PAGE_ROWS }),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.rows.length;
      return last.rows.length > 0 && next < last.total ? next : undefined;
    },
  });
}

/** How long typing pauses before the amount typed is valued. */
export const AMOUNT_VALUE_DEBOUNCE_MS = 300;

/**
 * What the amount being typed is worth in the budget's currency: asked once typing
 * pauses, never for an empty amount, and kept under the budgets' key so that a new
 * budget or price values it again. A hint only: a refused amount (or any failure)
 * gives no value, and the form says what is wrong when it is submitted.
 *
 * While the next amount is on its way the previous answer stays, with `current` false;
 * once the answer has come, it is the typed amount's or there is none.
 */
export function useContributionValue(saleId: number, typedAmount: string): { value: AmountValue | undefined; current: boolean } {
  const typed = typedAmount.trim();
  const [amount] = useDebouncedValue(typed, AMOUNT_VALUE_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: [...budgetQueryKeys.budgets, "value", saleId, amount] as const,
    queryFn: () => api.valueContribution({ saleId, amount }),
    enabled: amount !== "",
    placeholderData: keepPreviousData,
  });
  if (typed === "") return { value: undefined, current: true };
  return { value: query.data, current: amount === typed && !query.isPlaceholderData };
}

/**
 * After a transaction moved (planned, sent, settled): its participation's list, and the
 * participation itself (a confirmed one is recorded in its entries).
 */
function useRefreshAfterTransaction(participationId: number) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: transactionQueryKeys.ofParticipation(participationId) });
    await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
  };
}

/** What the wizard plans: a contribution, a refund claim, or another of the sale's actions. */
export type PrepareInput =
  | { purpose: "contribution"; input: ContributionInput }
  | { purpose: "refund"; input: RefundInput }
  | { purpose: "action"; input: ActInput }
  | { purpose: "revoke"; input: RevokeInput }
  | { purpose: "replace"; input: ReplaceInput };

function prepare(input: PrepareInput) {
  switch (input.purpose) {
    case "contribution":
      return api.prepareContribution(input.input);
    case "refund":
      return api.prepareRefund(input.input);
    case "action":
      return api.prepareAction(input.input);
    case "revoke":
      return api.prepareRevoke(input.input);
    case "replace":
      return api.prepareReplacement(input.input);
  }
}

/**
 * Plans a contribution, a refund claim or another action against the node. Asked for each time, never
 * cached: the nonce, the fees and the review are only true at that moment.
 */
export function usePrepareTransaction(participationId: number) {
  const refresh = useRefreshAfterTransaction(participationId);
  return useMutation({
    mutationFn: prepare,
    onSuccess: refresh,
  });
}

type SendVariables = { draftId: string; overrideReason: string | null; onStep: (step: TxProgress) => void };

/** Signs and sends a draft, each step handed to `onStep` as it happens. */
export function useSendTransaction(participationId: number) {
  const refresh = useRefreshAfterTransaction(participationId);
  return useMutation({
    mutationFn: ({ draftId, overrideReason, onStep }: SendVariables) => api.sendTransaction(draftId, overrideReason, onStep),
    // Also after a failure: it may have been signed before the node could not be reached.
    onSettled: refresh,
  });
}

/** Follows a sent transaction to its end, each step handed to `onStep`. */
export function useFollowTransaction(participationId: number) {
  const refresh = useRefreshAfterTransaction(participationId);
  return useMutation({
    mutationFn: ({ id, onStep }: { id: string; onStep: (step: TxProgress) => void }) => api.followTransaction(id, onStep),
    onSettled: refresh,
  });
}

/** Stops a signing in progress, before its signature. */
export function useCancelSigning() {
  return useMutation({ mutationFn: (draftId: string) => api.cancelSigning(draftId) });
}

/**
 * Gives up on a planned draft the user left without signing, so it can no longer be
 * signed. Best effort, and silent: a draft already signed is not changed, and one left
 * planned is still checked again (review, nonce, signing hash) before any signature.
 */
export function abandonDraftQuietly(draftId: string): void {
  api.abandonTransaction(draftId).catch(() => undefined);
}

/** Opens a sent transaction's page on its network's explorer in the system browser. */
export function useOpenInExplorer() {
  return useMutation({ mutationFn: (transactionId: string) => api.openInExplorer(transactionId) });
}
