import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { AppProviders } from "../App";
import { createQueryClient } from "../queryClient";

/** Renders one component with the app's providers (theme, queries, notifications), outside any page. */
export function renderComponent(node: ReactNode) {
  const user = userEvent.setup({ delay: null });
  const result = render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {node}
    </AppProviders>,
  );
  return { user, ...result };
}
