// Accounts hold public data only (label, address, kind, path), so they are cached like
// sales. Secrets are not: a mutation keeps its variables and result in TanStack
// Query's cache, so every call that carries or returns a recovery phrase, a private key
// or confirmation words goes straight to `api` and keeps its data in component state.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, isAppError, type Account, type ErrorCode } from "../api";

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

/** The failures that say something about the keyring itself, not about the account. */
const keyringErrorCodes: ReadonlyArray<ErrorCode> = [
  "keyring_locked",
  "keyring_unavailable",
  "keyring_access_denied",
  "keyring_entry_missing",
  "keyring_entry_unreadable",
  "keyring_failure",
];

export function isKeyringError(error: unknown): boolean {
  return isAppError(error) && keyringErrorCodes.includes(error.code);
}

/**
 * Every account operation goes through the function this returns: when one fails because
 * of the keyring, the keyring's status is asked again (also when no page shows it right
 * now), so that the banners say what is true. The failure itself is passed on unchanged.
 */
export function useRecheckKeyringOnFailure() {
  const queryClient = useQueryClient();
  return useCallback(
    <Args extends unknown[], Result>(operation: (...args: Args) => Promise<Result>) =>
      async (...args: Args): Promise<Result> => {
        try {
          return await operation(...args);
        } catch (error) {
          if (isKeyringError(error)) {
            void queryClient.invalidateQueries({ queryKey: accountQueryKeys.keyringStatus(), refetchType: "all" });
          }
          throw error;
        }
      },
    [queryClient],
  );
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
  const recheckKeyringOnFailure = useRecheckKeyringOnFailure();
  return async (input: Input): Promise<Account> => {
    const account = await recheckKeyringOnFailure(add)(input);
    await rememberAccount(account);
    return account;
  };
}

export function useRenameAccount(id: number) {
  const rememberAccount = useRememberAccount();
  const recheckKeyringOnFailure = useRecheckKeyringOnFailure();
  return useMutation({
    mutationFn: recheckKeyringOnFailure((label: string) => api.renameAccount(id, label)),
    onSuccess: rememberAccount,
  });
}

export function useDeriveNextAccount(id: number) {
  const rememberAccount = useRememberAccount();
  const recheckKeyringOnFailure = useRecheckKeyringOnFailure();
  return useMutation({
    mutationFn: recheckKeyringOnFailure((label: string | null) => api.deriveNextAccount(id, label)),
    onSuccess: rememberAccount,
  });
}

export function useRemoveAccount(id: number) {
  const queryClient = useQueryClient();
  const recheckKeyringOnFailure = useRecheckKeyringOnFailure();
  return useMutation({
    mutationFn: recheckKeyringOnFailure((confirmation: string) => api.removeAccount(id, confirmation)),
    onSuccess: async () => {
      // Refetching the removed account's detail would only fail.
      queryClient.removeQueries({ queryKey: accountQueryKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: accountQueryKeys.list() });
    },
  });
}

/**
 * Reads the account's secret from the keyring once the label is confirmed. Not a
 * mutation: its result must stay in the dialog's state only.
 */
export function useRevealAccountSecret(id: number) {
  const recheckKeyringOnFailure = useRecheckKeyringOnFailure();
  return (confirmation: string) => recheckKeyringOnFailure(api.revealAccountSecret)(id, confirmation);
}
