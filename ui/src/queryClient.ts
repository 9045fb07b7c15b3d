import { QueryClient } from "@tanstack/react-query";
import type { BackendFailure } from "./api";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: BackendFailure;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The backend is local: a failure is not a flaky network, retrying only delays the message.
        retry: false,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}
