import { useMantineTheme } from "@mantine/core";
import { useReducedMotion } from "@mantine/hooks";
import { useMemo } from "react";
import { useCssColors } from "../common/useCssColors";

/** The Mantine colours a chart's series are drawn in, in order (as the allocation charts'). */
export const seriesColorNames = ["teal", "blue", "grape", "orange", "cyan", "pink", "lime", "indigo"] as const;

/** The theme's colours the over-time charts draw in, as CSS (resolved for the colour scheme shown). A module constant: resolved once per scheme. */
const chartCssColors = {
  text: "var(--mantine-color-text)",
  dimmed: "var(--mantine-color-dimmed)",
  grid: "var(--mantine-color-default-border)",
  surface: "var(--mantine-color-body)",
  line: "var(--mantine-primary-color-filled)",
  /** A point that leaves something out (no price then): amber, as every warning. */
  warn: "var(--mantine-color-yellow-filled)",
  /** The budget's line: the limit, as the budget charts' dashed line. */
  limit: "var(--mantine-color-red-filled)",
  ...Object.fromEntries(seriesColorNames.map((name) => [`series:${name}`, `var(--mantine-color-${name}-filled)`])),
} as Record<string, string>;

export type ChartColors = {
  text: string;
  dimmed: string;
  grid: string;
  surface: string;
  line: string;
  warn: string;
  limit: string;
  /** One colour per series, in the order of `seriesColorNames`. */
  series: string[];
};

/** What every chart takes from the theme: its colours (null until resolved: draw nothing rather than in the wrong ones), font and motion. */
export type ChartLook = {
  colors: ChartColors;
  font: { family: string; size: number };
  /** Chart.js's animation options: at most 200 ms, none when the user asks for less motion. */
  motion: { animation: false | { duration: number }; transitions: { active: { animation: { duration: number } } } };
};

/** The longest any part of a chart moves, in milliseconds (as the budget charts). */
const motionMs = 200;

/** The theme's colours, font and motion for a chart on canvas, in the colour scheme shown; `null` until its colours are resolved. */
export function useChartLook(): ChartLook | null {
  const theme = useMantineTheme();
  const reduceMotion = useReducedMotion() ?? false;
  const resolved = useCssColors(chartCssColors);
  return useMemo(() => {
    if (resolved === null) return null;
    const of = (name: string) => resolved[name] ?? "gray";
    const colors: ChartColors = {
      text: of("text"),
      dimmed: of("dimmed"),
      grid: of("grid"),
      surface: of("surface"),
      line: of("line"),
      warn: of("warn"),
      limit: of("limit"),
      series: seriesColorNames.map((name) => of(`series:${name}`)),
    };
    return {
      colors,
      font: { family: theme.fontFamily ?? "sans-serif", size: 12 },
      motion: {
        animation: reduceMotion ? false : { duration: motionMs },
        transitions: { active: { animation: { duration: reduceMotion ? 0 : motionMs } } },
      },
    };
  }, [resolved, reduceMotion, theme.fontFamily]);
}
