import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api";

export const calendarQueryKeys = {
  all: ["calendar"] as const,
  /** The next twelve months from now, as the backend counts them (`calendar("", "")`). */
  upcoming: () => [...calendarQueryKeys.all, "upcoming"] as const,
  /** Between two moments, RFC 3339 UTC. */
  between: (from: string, to: string) => [...calendarQueryKeys.all, "between", from, to] as const,
};

// "Now" moves: asking again once a minute drops what has passed and keeps relative
// times ("in 3 hours") honest while the window stays open.
const upcomingRefreshMs = 60_000;

/** Sale openings and closings and token unlocks in the next twelve months, soonest first. */
export function useUpcomingEvents() {
  return useQuery({
    queryKey: calendarQueryKeys.upcoming(),
    queryFn: () => api.calendar("", ""),
    refetchInterval: upcomingRefreshMs,
  });
}

/** The events between two moments; the previous range stays shown while the next one loads. */
export function useCalendarBetween(from: string, to: string) {
  return useQuery({
    queryKey: calendarQueryKeys.between(from, to),
    queryFn: () => api.calendar(from, to),
    placeholderData: keepPreviousData,
    refetchInterval: upcomingRefreshMs,
  });
}
