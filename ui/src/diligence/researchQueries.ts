import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type ResearchInput, type SaleResearch } from "../api";

export const researchQueryKeys = {
  all: ["research"] as const,
  sale: (saleId: number) => [...researchQueryKeys.all, "sale", saleId] as const,
};

export const settingsQueryKeys = {
  settings: ["settings"] as const,
  countries: ["countries"] as const,
};

export function useResearch(saleId: number) {
  return useQuery({ queryKey: researchQueryKeys.sale(saleId), queryFn: () => api.getResearch(saleId) });
}

function useRememberResearch() {
  const queryClient = useQueryClient();
  return (research: SaleResearch) => {
    queryClient.setQueryData(researchQueryKeys.sale(research.saleId), research);
  };
}

export function useSetResearch(saleId: number) {
  const rememberResearch = useRememberResearch();
  return useMutation({
    mutationFn: (input: ResearchInput) => api.setResearch(saleId, input),
    onSuccess: rememberResearch,
  });
}

export type PickedWhitepaper = { sha256: string; fileName: string; byteCount: number };

export function useRecordWhitepaper(saleId: number) {
  const rememberResearch = useRememberResearch();
  return useMutation({
    mutationFn: ({ sha256, fileName, byteCount }: PickedWhitepaper) =>
      api.recordWhitepaper(saleId, sha256, fileName, byteCount),
    onSuccess: rememberResearch,
  });
}

export function useSettings() {
  return useQuery({ queryKey: settingsQueryKeys.settings, queryFn: api.getSettings });
}

export function useCountries() {
  return useQuery({ queryKey: settingsQueryKeys.countries, queryFn: api.listCountries, staleTime: Infinity });
}

/** Sets the country of residence; every sale's jurisdiction finding depends on it. */
export function useSetResidenceCountry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.setResidenceCountry(code),
    onSuccess: async (settings) => {
      queryClient.setQueryData(settingsQueryKeys.settings, settings);
      await queryClient.invalidateQueries({ queryKey: researchQueryKeys.all });
    },
  });
}

/** The SHA-256 of a file the user picked, computed by the platform (WebCrypto), in lowercase hex. */
export async function sha256OfFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
