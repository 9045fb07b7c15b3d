// Run by the build (vite.config.ts, `prerenderShell`), not by the app: the window's frame
// as HTML, drawn into index.html so the window shows it before the app's script has
// loaded. The app replaces it with the live frame on its first render.
import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { ShellFrame } from "./AppLayout";
import { theme } from "../theme";

/** The frame on the dashboard, where the window opens, with no page in it yet. */
export function shellMarkup(): string {
  return renderToStaticMarkup(
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <ShellFrame drawn="prerendered" activeArea="dashboard" navigationOpened={false} onToggleNavigation={() => undefined} />
    </MantineProvider>,
  );
}
