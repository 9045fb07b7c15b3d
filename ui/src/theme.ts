import { createTheme, Table } from "@mantine/core";

const systemSans = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: "md",
  cursorType: "pointer",
  fontFamily: `Inter, ${systemSans}`,
  // Addresses must be easy to compare character by character: a monospace face
  // that distinguishes 0/O and 1/l, from the operating system (nothing downloaded).
  fontFamilyMonospace:
    'ui-monospace, "SF Mono", "Cascadia Mono", "Segoe UI Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: {
    fontFamily: `Inter, ${systemSans}`,
    fontWeight: "600",
  },
  components: {
    Table: Table.extend({
      defaultProps: { verticalSpacing: "sm", horizontalSpacing: "md" },
    }),
  },
});
