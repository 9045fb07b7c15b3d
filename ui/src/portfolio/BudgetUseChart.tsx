import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconWallet } from "@tabler/icons-react";
import { Chart, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import type { BudgetChart } from "../api";
import { money } from "../budget/budgetFormat";
import { formatLocalDate } from "../format/time";
import { routeHref } from "../shell/route";
import { ChartCanvas, ChartCard, ChartEmptyState } from "./ChartCard";
import { ChartFigures, FigureTime } from "./ChartFigures";
import { drawnNumber, momentLabels } from "./chartFormat";
import { chartFrame, legendLook, tooltipLook, xAxisLook, yAxisLook } from "./chartOptions";
import { useChartLook } from "./useChartLook";

// Only what a line chart with a legend draws (the line controller comes with `Line`).
Chart.register(LinearScale, LineElement, PointElement, Legend, Tooltip);

/** A point of the chart: x is the moment in milliseconds, so steps weeks apart are drawn weeks apart. */
type TimePoint = { x: number; y: number | null };

/** The chart's moments: the period's start (nothing committed yet), when known, then each step. */
type Moment = { at: string; committed: string; complete: boolean; start: boolean };

function momentsOf(budget: BudgetChart): Moment[] {
  const steps = budget.steps.map((step) => ({ ...step, start: false }));
  return budget.startsAt === null ? steps : [{ at: budget.startsAt, committed: "0", complete: true, start: true }, ...steps];
}

/** What the chart shows, in words, for the canvas's accessible name (the table has every step). */
function chartSummary(budget: BudgetChart): string {
  const last = budget.steps[budget.steps.length - 1];
  const total = money(budget.total, budget.currency);
  const committed = last ? money(last.committed, budget.currency) : money("0", budget.currency);
  const steps = budget.steps.length === 1 ? "one contribution or refund" : `${budget.steps.length} contributions and refunds`;
  const incomplete = budget.steps.some((step) => !step.complete) ? "; some payments had no price and are left out" : "";
  return `Budget use over ${budget.period}: ${committed} committed after ${steps}, against a budget of ${total}${incomplete}. Every step is in the table below.`;
}

function StepsChart({ budget }: { budget: BudgetChart }) {
  const look = useChartLook();
  const moments = useMemo(() => momentsOf(budget), [budget]);
  const total = money(budget.total, budget.currency);
  // The budget's line spans the chart: from the first moment to the period's end (or the last step).
  const span = useMemo(() => {
    const times = moments.map((moment) => Date.parse(moment.at));
    const end = budget.endsAt === null ? Math.max(...times) : Date.parse(budget.endsAt);
    return { from: Math.min(...times), to: Math.max(end, ...times) };
  }, [budget.endsAt, moments]);

  const data = useMemo<ChartData<"line", TimePoint[]> | null>(() => {
    if (look === null) return null;
    const { colors } = look;
    const incomplete = moments.map((moment) => !moment.complete);
    return {
      datasets: [
        {
          label: "Committed",
          data: moments.map((moment) => ({ x: Date.parse(moment.at), y: drawnNumber(moment.committed) })),
          // The level changes at each payment and holds until the next.
          stepped: "before",
          borderColor: colors.line,
          backgroundColor: colors.line,
          borderWidth: 2,
          pointStyle: incomplete.map((left) => (left ? "triangle" : "circle")),
          pointRadius: incomplete.map((left) => (left ? 6 : 3)),
          pointBackgroundColor: incomplete.map((left) => (left ? colors.warn : colors.line)),
          pointBorderColor: incomplete.map((left) => (left ? colors.warn : colors.line)),
        },
        {
          label: `Budget: ${total}`,
          data: [span.from, span.to].map((x) => ({ x, y: drawnNumber(budget.total) })),
          borderColor: colors.limit,
          backgroundColor: colors.limit,
          borderWidth: 2,
          borderDash: [6, 4],
          pointRadius: 0,
          pointHoverRadius: 0,
        },
      ],
    };
  }, [budget.total, look, moments, span, total]);

  const options = useMemo<ChartOptions<"line"> | null>(() => {
    if (look === null) return null;
    return {
      ...chartFrame(look),
      interaction: { mode: "nearest", axis: "x", intersect: false },
      scales: {
        // A time axis (milliseconds), so steps weeks apart are drawn weeks apart.
        x: {
          ...xAxisLook(look, { autoSkipPadding: 16, callback: (value) => formatLocalDate(new Date(Number(value)).toISOString()) }),
          type: "linear",
          min: span.from,
          max: span.to,
        },
        y: {
          ...yAxisLook(look, budget.currency),
          // Room above the budget's line, so it is never drawn on the chart's edge.
          grace: "8%",
        },
      },
      plugins: {
        legend: legendLook(look, { boxHeight: 2 }),
        tooltip: {
          ...tooltipLook(look),
          callbacks: {
            title: (items) => {
              const x = items[0]?.parsed.x;
              return typeof x === "number" ? formatLocalDate(new Date(x).toISOString()) : "";
            },
            label: (item) => {
              if (item.datasetIndex === 1) return `Budget: ${total}`;
              const moment = moments[item.dataIndex];
              if (!moment) return "";
              const committed = `Committed: ${money(moment.committed, budget.currency)}`;
              if (moment.start) return `${committed} (start of ${budget.period})`;
              return moment.complete ? committed : `${committed} (a payment with no price is left out)`;
            },
          },
        },
      },
    };
  }, [budget.currency, budget.period, look, moments, span, total]);

  return (
    <ChartCanvas>
      {data && options && <Line data={data} options={options} aria-label={chartSummary(budget)} data-testid="budget-use-chart" />}
    </ChartCanvas>
  );
}

/**
 * The budget that applies now, used over its period: a stepped line of what is committed after
 * each contribution or refund, against a dashed line at the budget's total. In the budget's own
 * currency; a payment with no price is said to be left out, never counted as zero.
 */
export function BudgetUseChart({ budget }: { budget: BudgetChart | null }) {
  if (budget === null) {
    return (
      <ChartCard title="Budget use over time" data-testid="budget-use">
        <ChartEmptyState
          icon={IconWallet}
          title="No budget for now"
          description="Set a budget for this year, this month or any period under Budget to see how you use it over time."
          action={{ label: "Go to Budget", href: routeHref({ area: "budget" }), testId: "go-to-budget" }}
          data-testid="budget-use-empty"
        />
      </ChartCard>
    );
  }
  const total = money(budget.total, budget.currency);
  const firstIncomplete = budget.steps.find((step) => !step.complete);
  const stepLabels = momentLabels(budget.steps.map((step) => step.at));
  return (
    <ChartCard
      title="Budget use over time"
      caption={
        budget.steps.length === 0 ? (
          <>
            The {budget.period} budget is <span className="tabular-nums">{total}</span>.
          </>
        ) : (
          <>
            The {budget.period} budget, in {budget.currency}
            {budget.startsAt && <> from {formatLocalDate(budget.startsAt)}</>}: the stepped line is what is committed after each contribution or
            refund; the dashed line is the budget, <span className="tabular-nums">{total}</span>.
          </>
        )
      }
      captionTestId="budget-use-caption"
      data-testid="budget-use"
    >
      {budget.steps.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="budget-use-nothing">
          Nothing committed in {budget.period} yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {firstIncomplete && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="A payment had no price" data-testid="budget-use-incomplete">
              From {formatLocalDate(firstIncomplete.at)} on, a payment with no price in {budget.currency} is left out of what is committed
              (amber triangles), not counted as zero. Add a price in the price book (Budget).
            </Alert>
          )}
          <StepsChart budget={budget} />
          <ChartFigures
            aria-label={`Budget use over ${budget.period}`}
            columns={[{ label: "Date" }, { label: "Committed", numeric: true }, { label: "Complete" }]}
            rows={budget.steps.map((step, index) => ({
              key: `${step.at}-${index}`,
              cells: [
                <FigureTime iso={step.at} label={stepLabels[index] ?? step.at} />,
                money(step.committed, budget.currency),
                step.complete ? "Yes" : "No — a payment had no price",
              ],
            }))}
            data-testid="budget-use-figures"
          />
        </Stack>
      )}
    </ChartCard>
  );
}
