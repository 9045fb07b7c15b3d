// Accounts hold public data only (label, address, kind, path), so they are cached like
// sales. Secrets are not: a mutation keeps its variables and result in TanStack
// Query's cache, so every call that carries or returns a recovery phrase, a private key
// or confirmation words goes straight to `api` and keeps its data in component state.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Account } from "../api";

export const accountQueryKeys = {
  all: ["accounts"] as const,
  list: () => [...accountQueryKeys.all, "list"] as const,
  detail: (id: number) => [...accountQueryKeys.all, "detail", id] as const,
  keyringStatus: () => ["keyring", "status"] as const,
};

export function useAccountsList() {
  return useQuery({ queryKey: accountQueryKeys.list(), queryFn: api.listAccounts });
}

export function useAccount(id: number) {
  return useQuery({ queryKey: accountQueryKeys.detail(id), queryFn: () => api.getAccount(id) });
}

/** Whether the OS keyring can be used; asked again when the window regains focus (the user may unlock it). */
export function useKeyringStatus() {
  return useQuery({ queryKey: accountQueryKeys.keyringStatus(), queryFn: api.keyringStatus });
}

/** After an account was added or changed: remember it and refresh the list. */
function useRememberAccount() {
  const queryClient = useQueryClient();
  return async (account: Account) => {
    queryClient.setQueryData(accountQueryKeys.detail(account.id), account);
    await queryClient.invalidateQueries({ queryKey: accountQueryKeys.list() });
  };
}

/**
 * Wraps a call that adds an account (its input may hold a secret, so no mutation): the
 * returned function calls it, then updates the cached accounts.
 */
export function useAddAccount<Input>(add: (input: Input) => Promise<Account>) {
  const rememberAccount = useRememberAccount();
  return async (input: Input): Promise<Account> => {
    const account = await add(input);
    await rememberAccount(account);
    return account;
  };
}

export function useRenameAccount(id: number) {
  const rememberAccount = useRememberAccount();
  return useMutation({
    mutationFn: (label: string) => api.renameAccount(id, label),
    onSuccess: rememberAccount,
  });
}

export function useDeriveNextAccount(id: number) {
  const rememberAccount = useRememberAccount();
  return useMutation({
    mutationFn: (label: string | null) => api.deriveNextAccount(id, label),
    onSuccess: rememberAccount,
  });
}

export function useRemoveAccount(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmation: string) => api.removeAccount(id, confirmation),
    onSuccess: async () => {
      // Refetching the removed account's detail would only fail.
      queryClient.removeQueries({ queryKey: accountQueryKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: accountQueryKeys.list() });
    },
  });
}
