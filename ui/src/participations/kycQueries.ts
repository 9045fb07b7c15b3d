import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type KycInput, type Participation } from "../api";
import { calendarQueryKeys } from "../calendar/calendarQueries";
import { participationQueryKeys } from "./participationsQueries";

function useRememberSaved() {
  const queryClient = useQueryClient();
  return async (participation: Participation) => {
    queryClient.setQueryData(participationQueryKeys.detail(participation.id), participation);
    await queryClient.invalidateQueries({ queryKey: participationQueryKeys.list() });
  };
}

export function useSetKyc(id: number) {
  const rememberSaved = useRememberSaved();
  return useMutation({ mutationFn: (input: KycInput) => api.setKyc(id, input), onSuccess: rememberSaved });
}

/** Sets or clears the refund deadline; the calendar and the dashboard show it. */
export function useSetRefundDeadline(id: number) {
  const queryClient = useQueryClient();
  const rememberSaved = useRememberSaved();
  return useMutation({
    mutationFn: (at: string) => api.setRefundDeadline(id, at),
    onSuccess: async (participation) => {
      await rememberSaved(participation);
      await queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all });
    },
  });
}
