import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type NetworkInput } from "../api";

export const networkQueryKeys = {
  all: ["networks"] as const,
  list: () => [...networkQueryKeys.all, "list"] as const,
  draft: (chainId: number) => [...networkQueryKeys.all, "draft", chainId] as const,
};

/** The saved networks, then the presets not saved yet. */
export function useNetworks() {
  return useQuery({ queryKey: networkQueryKeys.list(), queryFn: api.listNetworks });
}

/** What a network's form starts from: the saved network, else its preset. */
export function useNetworkDraft(chainId: number) {
  return useQuery({
    queryKey: networkQueryKeys.draft(chainId),
    queryFn: () => api.getNetworkDraft(chainId),
    // Always start an edit from what is stored now.
    gcTime: 0,
  });
}

export function useSaveNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NetworkInput) => api.saveNetwork(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkQueryKeys.all }),
  });
}

export function useRemoveNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (chainId: number) => api.removeNetwork(chainId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkQueryKeys.all }),
  });
}

/**
 * Connects to a network's node, when the user asks: never cached, since the answer
 * (the latest block, whether the node is up) is only true at that moment.
 */
export function useCheckNetwork() {
  return useMutation({ mutationFn: (chainId: number) => api.checkNetwork(chainId) });
}
