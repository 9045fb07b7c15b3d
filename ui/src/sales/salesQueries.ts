import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  api,
  type AddressSourceInput,
  type ContractTerms,
  type OfficialAddressInput,
  type Sale,
  type SaleActionInput,
  type SaleInput,
} from "../api";
import { participationQueryKeys } from "../participations/participationsQueries";
import { calendarQueryKeys } from "../calendar/calendarQueries";
import { researchQueryKeys } from "../diligence/researchQueries";

export const saleQueryKeys = {
  all: ["sales"] as const,
  list: () => [...saleQueryKeys.all, "list"] as const,
  detail: (id: number) => [...saleQueryKeys.all, "detail", id] as const,
  draft: (id: number) => [...saleQueryKeys.all, "draft", id] as const,
};

// A sale's status is computed by the backend against the clock; asking again once a
// minute keeps "upcoming → open → ended" current while the window stays open.
const statusRefreshMs = 60_000;

export function useSalesList() {
  return useQuery({
    queryKey: saleQueryKeys.list(),
    queryFn: api.listSales,
    refetchInterval: statusRefreshMs,
  });
}

export function useSale(id: number) {
  return useQuery({
    queryKey: saleQueryKeys.detail(id),
    queryFn: () => api.getSale(id),
    refetchInterval: statusRefreshMs,
  });
}

/** The sale as the user would type it, from the backend: what the edit form starts from. */
export function useSaleDraft(id: number) {
  return useQuery({
    queryKey: saleQueryKeys.draft(id),
    queryFn: () => api.getSaleDraft(id),
    // Always start an edit from what is stored now.
    gcTime: 0,
  });
}

function useRememberSale() {
  const queryClient = useQueryClient();
  return async (sale: Sale) => {
    queryClient.setQueryData(saleQueryKeys.detail(sale.id), sale);
    queryClient.removeQueries({ queryKey: saleQueryKeys.draft(sale.id) });
    // Its dates (and, archived, whether it is shown) are the calendar's too.
    void queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all });
    await queryClient.invalidateQueries({ queryKey: saleQueryKeys.list() });
    // A participation's next event comes from its sale's dates.
    await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
    // Its whitepaper link is checked against the phishing lists on the due-diligence page.
    void queryClient.invalidateQueries({ queryKey: researchQueryKeys.sale(sale.id) });
  };
}

export function useCreateSale() {
  const rememberSale = useRememberSale();
  return useMutation({
    mutationFn: (input: SaleInput) => api.createSale(input),
    onSuccess: rememberSale,
  });
}

export function useUpdateSale(id: number) {
  const rememberSale = useRememberSale();
  return useMutation({
    mutationFn: (input: SaleInput) => api.updateSale(id, input),
    onSuccess: rememberSale,
  });
}

export function useDeleteSale(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.deleteSale(id),
    // Only the list (and the calendar): refetching the (now deleted) sale's detail would just fail.
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all });
      await queryClient.invalidateQueries({ queryKey: saleQueryKeys.list() });
    },
  });
}

/** Archives the sale (kept with its history, out of the way) or brings it back. */
export function useSetSaleArchived(id: number) {
  const rememberSale = useRememberSale();
  return useMutation({
    mutationFn: (archived: boolean) => api.setSaleArchived(id, archived),
    onSuccess: rememberSale,
  });
}

const officialAddressesKey = (saleId: number) => [...saleQueryKeys.all, "official-addresses", saleId] as const;

/** After a change to the sale's official addresses: they, and the due-diligence page's check of their sources' links. */
function useRefreshOfficialAddresses(saleId: number) {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: researchQueryKeys.sale(saleId) });
    await queryClient.invalidateQueries({ queryKey: officialAddressesKey(saleId) });
  };
}

/** The addresses the sale's project published, with where and when the user saw each. */
export function useOfficialAddresses(saleId: number) {
  return useQuery({ queryKey: officialAddressesKey(saleId), queryFn: () => api.listOfficialAddresses(saleId) });
}

/** One more place an official address was seen. */
export function useAddAddressSource(saleId: number) {
  const refresh = useRefreshOfficialAddresses(saleId);
  return useMutation({
    mutationFn: ({ officialId, input }: { officialId: number; input: AddressSourceInput }) => api.addAddressSource(officialId, input),
    onSuccess: refresh,
  });
}

/** Removes a source (the address too, when it was its last). */
export function useRemoveAddressSource(saleId: number) {
  const refresh = useRefreshOfficialAddresses(saleId);
  return useMutation({
    mutationFn: (sourceId: number) => api.removeAddressSource(sourceId),
    onSuccess: refresh,
  });
}

/** Retires an address the user no longer trusts, with why. */
export function useRetireOfficialAddress(saleId: number) {
  const refresh = useRefreshOfficialAddresses(saleId);
  return useMutation({
    mutationFn: ({ officialId, reason }: { officialId: number; reason: string }) => api.retireOfficialAddress(officialId, reason),
    onSuccess: refresh,
  });
}

export function useAddOfficialAddress(saleId: number) {
  const refresh = useRefreshOfficialAddresses(saleId);
  return useMutation({
    mutationFn: (input: OfficialAddressInput) => api.addOfficialAddress(saleId, input),
    onSuccess: refresh,
  });
}

const contractTermsKey = (saleId: number) => [...saleQueryKeys.all, "contract-terms", saleId] as const;

/** The sale's token on chain. */
export function useContractTerms(saleId: number) {
  return useQuery({ queryKey: contractTermsKey(saleId), queryFn: () => api.getContractTerms(saleId) });
}

export function useSetContractTerms(saleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContractTerms) => api.setContractTerms(saleId, input),
    onSuccess: (saved) => queryClient.setQueryData(contractTermsKey(saleId), saved),
  });
}

const actionsKey = (saleId: number) => [...saleQueryKeys.all, "actions", saleId] as const;

/** The sale's actions on chain, in the order they were added; asked for only when `enabled`. */
export function useSaleActions(saleId: number, enabled = true) {
  return useQuery({ queryKey: actionsKey(saleId), queryFn: () => api.listSaleActions(saleId), enabled });
}

/** Adds (without `id`) or changes an action; the sale's actions and what participations are offered follow. */
export function useSaveAction(saleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: SaleActionInput }) =>
      id === null ? api.addAction(saleId, input) : api.updateAction(id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: actionsKey(saleId) });
      await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
    },
  });
}

export function useRemoveAction(saleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.removeAction(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: actionsKey(saleId) });
      await queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
    },
  });
}
