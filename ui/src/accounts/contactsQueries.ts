import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, hasErrorCode, type ContactInput } from "../api";

export const contactQueryKeys = {
  list: ["contacts"] as const,
};

/** Every contact, by name. */
export function useContacts() {
  return useQuery({ queryKey: contactQueryKeys.list, queryFn: api.listContacts });
}

export function useAddContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api.addContact(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueryKeys.list }),
  });
}

export function useRemoveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.removeContact(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueryKeys.list }),
    onError: (error) => {
      // Removed meanwhile (another window, the command line): show what is kept now.
      if (hasErrorCode(error, "contact_not_found")) {
        void queryClient.invalidateQueries({ queryKey: contactQueryKeys.list });
      }
    },
  });
}
