import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  api,
  hasErrorCode,
  type MoveParticipationInput,
  type Participation,
  type StartParticipationInput,
} from "../api";

export const participationQueryKeys = {
  all: ["participations"] as const,
  list: () => [...participationQueryKeys.all, "list"] as const,
  detail: (id: number) => [...participationQueryKeys.all, "detail", id] as const,
};

export function useParticipationsList() {
  return useQuery({ queryKey: participationQueryKeys.list(), queryFn: api.listParticipations });
}

export function useParticipation(id: number) {
  return useQuery({ queryKey: participationQueryKeys.detail(id), queryFn: () => api.getParticipation(id) });
}

/** After a participation was started or moved: remember it and refresh the list. */
function useRememberParticipation() {
  const queryClient = useQueryClient();
  return async (participation: Participation) => {
    queryClient.setQueryData(participationQueryKeys.detail(participation.id), participation);
    await queryClient.invalidateQueries({ queryKey: participationQueryKeys.list() });
  };
}

export function useStartParticipation() {
  const queryClient = useQueryClient();
  const rememberParticipation = useRememberParticipation();
  return useMutation({
    mutationFn: (input: StartParticipationInput) => api.startParticipation(input),
    onSuccess: rememberParticipation,
    onError: (error) => {
      // Started meanwhile (another window, the command line): show the one that exists.
      if (hasErrorCode(error, "participation_exists")) {
        void queryClient.invalidateQueries({ queryKey: participationQueryKeys.list() });
      }
    },
  });
}

export function useMoveParticipation(id: number) {
  const queryClient = useQueryClient();
  const rememberParticipation = useRememberParticipation();
  return useMutation({
    mutationFn: (input: MoveParticipationInput) => api.moveParticipation(id, input),
    onSuccess: rememberParticipation,
    onError: (error) => {
      // It moved elsewhere meanwhile: show what is stored now (the form keeps what was typed).
      if (hasErrorCode(error, "participation_changed")) {
        void queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
      }
    },
  });
}

/** The date the participation reached its current state: its last step's. */
export function lastStepAt(participation: Participation): string {
  return participation.history.at(-1)?.happenedAt ?? participation.createdAt;
}
