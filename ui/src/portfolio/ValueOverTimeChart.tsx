import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconChartLine } from "@tabler/icons-react";
import { CategoryScale, Chart, LinearScale, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import type { ValuePoint } from "../api";
import { ChartCanvas, ChartCard, ChartEmptyState } from "./ChartCard";
import { ChartFigures, FigureTime } from "./ChartFigures";
import { drawnNumber, listInWords, momentLabels } from "./chartFormat";
import { chartFrame, tooltipLook, xAxisLook, yAxisLook } from "./chartOptions";
import { moneyText } from "./portfolioFormat";
import { useChartLook } from "./useChartLook";

// Only what a line chart draws (the line controller comes with `Line`).
Chart.register(CategoryScale, LinearScale, LineElement, PointElement, Tooltip);

type ValueOverTimeChartProps = {
  points: ReadonlyArray<ValuePoint>;
  currency: string;
};

/** Every asset left out of some point's value (no price then), in the order first met. */
function assetsLeftOut(points: ReadonlyArray<ValuePoint>): string[] {
  return [...new Set(points.flatMap((point) => point.unpriced))];
}

/** What the chart shows, in words, for the canvas's accessible name (the table has every point). */
function chartSummary(points: ReadonlyArray<ValuePoint>, labels: ReadonlyArray<string>, currency: string): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return "Portfolio value over time: nothing recorded yet.";
  const partial = points.filter((point) => point.unpriced.length > 0).length;
  const range =
    points.length === 1
      ? `one point, ${labels[0]}: ${moneyText(first.value, currency)}`
      : `${points.length} points from ${labels[0]} (${moneyText(first.value, currency)}) to ${labels[labels.length - 1]} (${moneyText(last.value, currency)})`;
  const leftOut = partial === 0 ? "" : `; at ${partial} of them some holdings had no price and are left out of the value`;
  return `Portfolio value over time in ${currency}: ${range}${leftOut}. Every point is in the table below.`;
}

/**
 * What the portfolio was worth over time, in its currency, from the first record to now. A point
 * where some holdings had no price then is drawn as an amber triangle and said so in words: its
 * value is of the rest only, never with the missing ones counted as zero.
 */
export function ValueOverTimeChart({ points, currency }: ValueOverTimeChartProps) {
  const look = useChartLook();
  const labels = useMemo(() => momentLabels(points.map((point) => point.at)), [points]);
  const leftOut = assetsLeftOut(points);
  const partialCount = points.filter((point) => point.unpriced.length > 0).length;

  const data = useMemo<ChartData<"line", (number | null)[], string> | null>(() => {
    if (look === null) return null;
    const { colors } = look;
    const partial = points.map((point) => point.unpriced.length > 0);
    return {
      labels,
      datasets: [
        {
          label: `Value in ${currency}`,
          data: points.map((point) => drawnNumber(point.value)),
          borderColor: colors.line,
          borderWidth: 2,
          tension: 0,
          pointStyle: partial.map((left) => (left ? "triangle" : "circle")),
          pointRadius: partial.map((left) => (left ? 6 : 2)),
          pointHoverRadius: partial.map((left) => (left ? 8 : 5)),
          pointBackgroundColor: partial.map((left) => (left ? colors.warn : colors.line)),
          pointBorderColor: partial.map((left) => (left ? colors.warn : colors.line)),
        },
      ],
    };
  }, [currency, labels, look, points]);

  const options = useMemo<ChartOptions<"line"> | null>(() => {
    if (look === null) return null;
    return {
      ...chartFrame(look),
      interaction: { mode: "index", intersect: false },
      scales: {
        x: xAxisLook(look, { autoSkip: true, autoSkipPadding: 16 }),
        y: yAxisLook(look, currency),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipLook(look),
          callbacks: {
            label: (item) => {
              const point = points[item.dataIndex];
              if (!point) return "";
              const value = moneyText(point.value, currency);
              return point.unpriced.length === 0 ? value : `${value}, leaving out ${listInWords(point.unpriced)} (no price then)`;
            },
          },
        },
      },
    };
  }, [currency, look, points]);

  return (
    <ChartCard
      title="Value over time"
      caption={`What you held was worth, in ${currency}, at the price known at each moment.`}
      data-testid="value-over-time"
    >
      {points.length === 0 ? (
        <ChartEmptyState
          icon={IconChartLine}
          title="Nothing recorded yet"
          description="The value over time starts with your first recorded contribution, distribution or trade."
          data-testid="value-over-time-empty"
        />
      ) : (
        <Stack gap="sm">
          {leftOut.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Some holdings had no price then" data-testid="value-unpriced-note">
              {listInWords(leftOut)} — left out of the value at {partialCount} of the {points.length} points, drawn as amber triangles. The value
              there is of the rest only: a missing price is not counted as zero.
            </Alert>
          )}
          <ChartCanvas>
            {data && options && <Line data={data} options={options} aria-label={chartSummary(points, labels, currency)} data-testid="value-chart" />}
          </ChartCanvas>
          <ChartFigures
            aria-label="Portfolio value over time"
            columns={[{ label: "Date" }, { label: "Value", numeric: true }, { label: "Left out (no price then)" }]}
            rows={points.map((point, index) => ({
              key: point.at,
              cells: [
                <FigureTime iso={point.at} label={labels[index] ?? point.at} />,
                moneyText(point.value, currency),
                point.unpriced.length === 0 ? (
                  <Text span size="xs" c="dimmed">
                    None
                  </Text>
                ) : (
                  listInWords(point.unpriced)
                ),
              ],
            }))}
            data-testid="value-figures"
          />
        </Stack>
      )}
    </ChartCard>
  );
}
