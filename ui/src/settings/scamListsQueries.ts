import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api";
import { researchQueryKeys } from "../diligence/researchQueries";

export const scamListQueryKeys = {
  all: ["scam-lists"] as const,
};

/** The lists of known scams the user imported. */
export function useScamLists() {
  return useQuery({ queryKey: scamListQueryKeys.all, queryFn: api.listScamLists });
}

/** After a list came or went: the lists, and every sale's check of its links against them. */
function useRefreshScamLists() {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: researchQueryKeys.all });
    await queryClient.invalidateQueries({ queryKey: scamListQueryKeys.all });
  };
}

export function useImportScamList() {
  const refresh = useRefreshScamLists();
  return useMutation({
    mutationFn: ({ name, file }: { name: string; file: number }) => api.importScamList(name, file),
    onSuccess: refresh,
  });
}

export function useImportScamListFromUrl() {
  const refresh = useRefreshScamLists();
  return useMutation({
    mutationFn: ({ name, url }: { name: string; url: string }) => api.importScamListFromUrl(name, url),
    onSuccess: refresh,
  });
}

/** Fetches a list again from its web address (the old entries stay on any problem). */
export function useRefreshScamList() {
  const refresh = useRefreshScamLists();
  return useMutation({ mutationFn: (id: number) => api.refreshScamList(id), onSuccess: refresh });
}

export function useRemoveScamList() {
  const refresh = useRefreshScamLists();
  return useMutation({ mutationFn: (id: number) => api.removeScamList(id), onSuccess: refresh });
}
