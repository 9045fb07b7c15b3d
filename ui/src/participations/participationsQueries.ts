import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  api,
  hasErrorCode,
  type EntryInput,
  type EntryQuery,
  type MoveParticipationInput,
  type Participation,
  type StartParticipationInput,
  type VestingInput,
} from "../api";
import { calendarQueryKeys } from "../calendar/calendarQueries";
import { usePagedList } from "../common/usePagedList";

export const participationQueryKeys = {
  all: ["participations"] as const,
  list: () => [...participationQueryKeys.all, "list"] as const,
  detail: (id: number) => [...participationQueryKeys.all, "detail", id] as const,
  /** Its entries' pages: under its detail, so what refreshes the participation refreshes them. */
  entries: (id: number) => [...participationQueryKeys.detail(id), "entries"] as const,
};

/** A participation's entries as `query` filters and orders them, read a page at a time. */
export function useEntries(id: number, query: EntryQuery) {
  return usePagedList([...participationQueryKeys.entries(id), query], (page) => api.listEntries(id, query, page));
}

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
    onSuccess: async (participation) => {
      await rememberParticipation(participation);
      // A refund becoming due (or refunded) adds or removes its deadline.
      await queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all });
    },
    onError: (error) => {
      // It moved elsewhere meanwhile: show what is stored now (the form keeps what was typed).
      if (hasErrorCode(error, "participation_changed")) {
        void queryClient.invalidateQueries({ queryKey: participationQueryKeys.all });
      }
    },
  });
}

/** Sets or replaces the plan; its unlocks change the calendar too. */
export function useSetVesting(id: number) {
  const queryClient = useQueryClient();
  const rememberParticipation = useRememberParticipation();
  return useMutation({
    mutationFn: (input: VestingInput) => api.setVesting(id, input),
    onSuccess: async (participation) => {
      await rememberParticipation(participation);
      await queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all });
    },
  });
}

/** Records a contribution, refund or distribution made outside Saleguard; its entries are read again. */
export function useRecordEntry(id: number) {
  const queryClient = useQueryClient();
  const rememberParticipation = useRememberParticipation();
  return useMutation({
    mutationFn: (input: EntryInput) => api.recordEntry(id, input),
    onSuccess: async (participation) => {
      await rememberParticipation(participation);
      await queryClient.invalidateQueries({ queryKey: participationQueryKeys.entries(id) });
    },
  });
}

/** The date the participation reached its current state: its last step's. */
export function lastStepAt(participation: Participation): string {
  return participation.history.at(-1)?.happenedAt ?? participation.createdAt;
}
