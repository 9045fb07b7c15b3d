import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import { createQueryClient } from "../queryClient";

/** Renders the whole app at a route ("#/sales"), as the user would see it. */
export function renderApp(hash = "#/dashboard") {
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null });
  const result = render(<App queryClient={createQueryClient()} env="test" />);
  return { user, ...result };
}
