import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { AppLayout } from "./shell/AppLayout";
import { theme } from "./theme";

type AppProvidersProps = {
  queryClient: QueryClient;
  /** "test" turns off transitions and portals (for component tests). */
  env?: "default" | "test";
  children: ReactNode;
};

export function AppProviders({ queryClient, env = "default", children }: AppProvidersProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={env}>
      <Notifications position="bottom-right" limit={3} autoClose={4000} />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

export function App({ queryClient, env }: Omit<AppProvidersProps, "children">) {
  return (
    <AppProviders queryClient={queryClient} env={env}>
      <AppLayout />
    </AppProviders>
  );
}
