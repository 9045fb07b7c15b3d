import type { CartesianTickOptions } from "chart.js";
import { tickText } from "./chartFormat";
import type { ChartLook } from "./useChartLook";

// The Chart.js options the charts over time share. Each chart spreads these into its own
// options and adds what is its own (a time axis, stacking, its tooltips' words).

/** A chart that fills its box (`ChartCanvas` sets the height) and moves as the look allows. */
export function chartFrame(look: ChartLook) {
  return { responsive: true, maintainAspectRatio: false, ...look.motion };
}

/** The x axis: dimmed labels kept level (`ticks` adds how they skip or read), no grid lines, a baseline in the grid's colour. */
export function xAxisLook({ colors, font }: ChartLook, ticks: Partial<CartesianTickOptions> = {}) {
  return {
    ticks: { color: colors.dimmed, font, maxRotation: 0, ...ticks },
    grid: { display: false },
    border: { color: colors.grid },
  };
}

/** The y axis of figures in `unit` (a currency, or "" for token amounts): from zero, each tick with its unit, grid lines and no axis line. */
export function yAxisLook({ colors, font }: ChartLook, unit: string) {
  return {
    beginAtZero: true,
    ticks: { color: colors.dimmed, font, callback: (value: number | string) => tickText(value, unit) },
    grid: { color: colors.grid },
    border: { display: false },
  };
}

/** A legend in the theme's text colour and the chart's font; `box` sizes the swatch beside each label. */
export function legendLook({ colors, font }: ChartLook, box: { boxWidth?: number; boxHeight?: number }) {
  return { labels: { color: colors.text, font, ...box } };
}

/** A tooltip that moves as the chart does (not at all when the user asks for less motion). */
export function tooltipLook(look: ChartLook) {
  return { animation: look.motion.animation };
}
