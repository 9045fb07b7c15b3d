import { Checkbox, createTheme, Fieldset, Table, Textarea, TextInput } from "@mantine/core";

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
    fontWeight: "700",
    // Section titles (rendered at h5 size) are lighter than page titles.
    sizes: { h5: { fontSize: "1rem", lineHeight: "1.4", fontWeight: "600" } },
  },
  components: {
    // Help text under the input, so inputs in one row line up whatever the help's length.
    TextInput: TextInput.extend({
      defaultProps: { inputWrapperOrder: ["label", "input", "description", "error"] },
    }),
    Textarea: Textarea.extend({
      defaultProps: { inputWrapperOrder: ["label", "input", "description", "error"] },
    }),
    Checkbox: Checkbox.extend({ defaultProps: { radius: "sm" } }),
    Fieldset: Fieldset.extend({
      defaultProps: { variant: "unstyled" },
      styles: {
        legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-md)", marginBottom: "var(--mantine-spacing-md)" },
      },
    }),
    Table: Table.extend({
      defaultProps: { verticalSpacing: "sm", horizontalSpacing: "md" },
    }),
  },
});
