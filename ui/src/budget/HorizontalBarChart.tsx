import { Box, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { barWidth } from "./budgetFormat";

export type Bar = {
  key: string | number;
  /** Shown at the left above the bar, e.g. the sale's name (may be a link). */
  label: ReactNode;
  /** Shown at the right above the bar, e.g. "12,000.5 USD · 60 %". */
  value: string;
  /** How much of the track the bar fills: a percentage string from the backend. */
  percent: string | null;
  /** The bar's accessible name: what it shows, in words. */
  description: string;
  color: string;
};

type HorizontalBarChartProps = {
  bars: ReadonlyArray<Bar>;
  /** A dashed line across every track at this percentage, e.g. the largest share per sale. */
  limitPercent?: string | null;
  "aria-label": string;
  "data-testid"?: string;
};

/**
 * Horizontal bars in plain CSS, each a share of a whole (100 % is the full track). Every
 * bar carries its meaning as text (role "img" with a label) and shows it beside it.
 */
export function HorizontalBarChart({ bars, limitPercent = null, "aria-label": label, "data-testid": testId }: HorizontalBarChartProps) {
  const limit = limitPercent === null ? null : barWidth(limitPercent);
  return (
    <Stack gap={10} component="ul" role="list" aria-label={label} data-testid={testId} style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {bars.map((bar) => (
        <li key={bar.key}>
          <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
            <Box style={{ minWidth: 0 }}>{typeof bar.label === "string" ? <Text size="sm">{bar.label}</Text> : bar.label}</Box>
            <Text size="sm" className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
              {bar.value}
            </Text>
          </Group>
          <Box
            pos="relative"
            h={10}
            style={{ borderRadius: "var(--mantine-radius-sm)", background: "var(--mantine-color-gray-light)" }}
          >
            <Box
              role="img"
              aria-label={bar.description}
              data-testid="chart-bar"
              h="100%"
              style={{
                width: `${barWidth(bar.percent)}%`,
                borderRadius: "var(--mantine-radius-sm)",
                background: `var(--mantine-color-${bar.color}-filled)`,
              }}
            />
            {limit !== null && (
              <Box
                aria-hidden="true"
                pos="absolute"
                top={-3}
                bottom={-3}
                style={{ left: `${limit}%`, borderLeft: "2px dashed var(--mantine-color-red-6)" }}
              />
            )}
          </Box>
        </li>
      ))}
    </Stack>
  );
}
