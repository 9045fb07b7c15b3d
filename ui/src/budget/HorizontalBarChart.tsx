import { Box, Stack, Table, useMantineTheme } from "@mantine/core";
import { useReducedMotion } from "@mantine/hooks";
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions, type ChartType, type Plugin } from "chart.js";
import { useMemo, type ReactNode } from "react";
import { Bar as BarCanvas } from "react-chartjs-2";
import { useCssColors } from "../common/useCssColors";
import { barWidth } from "./budgetFormat";

// Only what a horizontal bar chart draws (the bar controller comes with `Bar`): the bundle keeps nothing else.
Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

export type Bar = {
  key: string | number;
  /** The bar's name on the chart, in plain text: a period, a sale's name. */
  name: string;
  /** The name in the table of figures, e.g. a link to the sale; `name` when not given. */
  label?: ReactNode;
  /** The exact figures for the table, one per column after the name; "" for one that is not known. */
  figures: ReadonlyArray<string>;
  /** How much of the whole the bar fills: a percentage string from the backend (drawn from 0 to 100). */
  percent: string | null;
  /** What the bar shows, in words: part of the chart's accessible summary and its tooltip. */
  description: string;
  /** A Mantine colour name ("teal", "red"), drawn in the colour scheme shown. */
  color: string;
};

type HorizontalBarChartProps = {
  bars: ReadonlyArray<Bar>;
  /** The table's column headings: the name's, then one per figure. */
  columns: ReadonlyArray<string>;
  /** A dashed line across every bar at this percentage, e.g. the largest share per sale. */
  limitPercent?: string | null;
  /** What the dashed line is, in words, for the chart's summary: "the largest share per sale". */
  limitName?: string;
  /** What the chart shows: the table's name, and the start of the chart's summary. */
  "aria-label": string;
  "data-testid"?: string;
};

type LimitLineOptions = { percent: number | null; color: string };

declare module "chart.js" {
  // The type parameter is Chart.js's own: a merged declaration must repeat it.
  interface PluginOptionsByType<TType extends ChartType> {
    /** The dashed line across the bars at a percentage (see `limitLine`). */
    limitLine: LimitLineOptions;
  }
}

/** Draws the dashed line at `options.plugins.limitLine.percent` over the bars, from the top of the chart to its axis. */
const limitLine: Plugin<"bar", LimitLineOptions> = {
  id: "limitLine",
  defaults: { percent: null, color: "red" },
  afterDatasetsDraw(chart, _args, options) {
    if (options.percent === null) return;
    const x = chart.scales.x?.getPixelForValue(options.percent);
    if (x === undefined || !Number.isFinite(x)) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(x, chartArea.top);
    ctx.lineTo(x, chartArea.bottom);
    ctx.stroke();
    ctx.restore();
  },
};

/** The theme's colours the chart draws in besides the bars', as CSS (resolved for the colour scheme shown). */
const chartCssColors = {
  text: "var(--mantine-color-text)",
  dimmed: "var(--mantine-color-dimmed)",
  grid: "var(--mantine-color-default-border)",
  track: "var(--mantine-color-gray-light)",
  limit: "var(--mantine-color-red-filled)",
};

type ChartColors = Record<keyof typeof chartCssColors, string> & { bars: Record<string, string> };

/** The CSS colours to resolve: the chart's, and each bar colour name (`bar:teal`) as its Mantine variable. */
function cssColorsFor(barColorNames: ReadonlyArray<string>): Record<string, string> {
  const bars = barColorNames.map((name) => [`bar:${name}`, `var(--mantine-color-${name}-filled)`]);
  return { ...chartCssColors, ...Object.fromEntries(bars) };
}

function chartColors(resolved: Record<string, string>): ChartColors {
  const bars: Record<string, string> = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (key.startsWith("bar:")) bars[key.slice("bar:".length)] = value;
  }
  const of = (name: keyof typeof chartCssColors) => resolved[name] ?? "gray";
  return { text: of("text"), dimmed: of("dimmed"), grid: of("grid"), track: of("track"), limit: of("limit"), bars };
}

function shortened(name: string, max = 24): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/** What a chart shows, in one sentence per bar, for the canvas's accessible name. */
function chartSummary(label: string, bars: ReadonlyArray<Bar>, limitPercent: string | null, limitName: string | undefined): string {
  const parts = bars.map((bar) => bar.description);
  if (limitPercent !== null) parts.push(`the dashed line is ${limitName ?? "the limit"}, at ${limitPercent} %`);
  return `${label}: ${parts.join("; ")}.`;
}

/** The longest any part of a chart moves, in milliseconds. */
const motionMs = 200;

/** Pixels per bar, and for the axis below them. */
const rowHeight = 30;
const axisHeight = 28;

/**
 * Horizontal bars drawn with Chart.js, each a share of a whole (100 % is the full track).
 * The canvas has a summary of every bar as its accessible name; the exact figures are in a
 * small table below it (each row `[data-testid='chart-bar']`), since a canvas cannot be read.
 * Money stays text: only a bar's percentage becomes a number, for its length.
 */
export function HorizontalBarChart({
  bars,
  columns,
  limitPercent = null,
  limitName,
  "aria-label": label,
  "data-testid": testId,
}: HorizontalBarChartProps) {
  const theme = useMantineTheme();
  const reduceMotion = useReducedMotion();
  const colorNames = [...new Set(bars.map((bar) => bar.color))].sort().join(" ");
  // Stable while the bars keep their colours, so the colours are resolved once per scheme.
  const cssColors = useMemo(() => cssColorsFor(colorNames.split(" ").filter(Boolean)), [colorNames]);
  const resolved = useCssColors(cssColors);
  const colors = useMemo(() => (resolved === null ? null : chartColors(resolved)), [resolved]);

  const data = useMemo<ChartData<"bar", (number | null)[], string> | null>(() => {
    if (colors === null) return null;
    return {
      labels: bars.map((bar) => bar.name),
      datasets: [
        {
          label: "value",
          // Nothing drawn for nothing committed (or no percentage), not a sliver.
          data: bars.map((bar) => barWidth(bar.percent) || null),
          backgroundColor: bars.map((bar) => colors.bars[bar.color] ?? colors.dimmed),
          borderRadius: 4,
          borderSkipped: false,
          barThickness: 12,
          grouped: false,
          order: 0,
        },
        {
          // The whole of each bar's track, drawn behind it.
          label: "track",
          data: bars.map(() => 100),
          backgroundColor: colors.track,
          borderRadius: 4,
          borderSkipped: false,
          barThickness: 12,
          grouped: false,
          order: 1,
        },
      ],
    };
  }, [bars, colors]);

  const limit = limitPercent === null ? null : barWidth(limitPercent);
  const options = useMemo<ChartOptions<"bar"> | null>(() => {
    if (colors === null) return null;
    const font = { family: theme.fontFamily, size: 12 };
    return {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      // At most 200 ms (Chart.js's defaults run to 400 for hovering and tooltips), none if asked.
      animation: reduceMotion ? false : { duration: motionMs },
      transitions: { active: { animation: { duration: reduceMotion ? 0 : motionMs } } },
      scales: {
        x: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, color: colors.dimmed, font, callback: (value) => `${value} %` },
          grid: { color: colors.grid },
          border: { display: false },
        },
        y: {
          ticks: { color: colors.text, font, callback: (_value, index) => shortened(bars[index]?.name ?? "") },
          grid: { display: false },
          border: { color: colors.grid },
        },
      },
      plugins: {
        // The table below names every bar. Without this, a page that registered Chart.js's
        // legend for another chart (the Portfolio's) drew one here too, taking the height
        // the bars were given and squashing a single bar to a hairline.
        legend: { display: false },
        tooltip: {
          animation: reduceMotion ? false : { duration: motionMs },
          filter: (item) => item.datasetIndex === 0,
          callbacks: { title: () => "", label: (item) => bars[item.dataIndex]?.description ?? "" },
        },
        limitLine: { percent: limit, color: colors.limit },
      },
    };
  }, [bars, colors, limit, reduceMotion, theme.fontFamily]);

  return (
    <Stack gap="xs" data-testid={testId}>
      <Box pos="relative" h={bars.length * rowHeight + axisHeight}>
        {/* Drawn once the theme's colours are resolved (just after mounting); the box keeps its place meanwhile. */}
        {data && options && (
          <BarCanvas
            data={data}
            options={options}
            plugins={[limitLine]}
            aria-label={chartSummary(label, bars, limitPercent, limitName)}
            data-testid="bar-chart"
          />
        )}
      </Box>
      <Table aria-label={label} fz="xs" verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false} data-testid="chart-figures">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={column} ta={index === 0 ? "left" : "right"} c="dimmed" fw={500}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((bar) => (
            <Table.Tr key={bar.key} data-testid="chart-bar">
              <Table.Td>{bar.label ?? bar.name}</Table.Td>
              {bar.figures.map((figure, index) => (
                <Table.Td key={index} ta="right" className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
                  {figure}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
