import { Alert, Box, Button, EmptyState, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconWallet } from "@tabler/icons-react";
import { Chart, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import type { BudgetChart } from "../api";
import { money } from "../budget/budgetFormat";
import { formatLocalDate } from "../format/time";
import { routeHref } from "../shell/route";
import { ChartFigures, FigureTime } from "./ChartFigures";
import { drawnNumber, momentLabels, tickText } from "./chartFormat";
import { motionMs, useChartLook } from "./useChartLook";

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
    const { colors, font, motion, reduceMotion } = look;
    return {
      responsive: true,
      maintainAspectRatio: false,
      ...motion,
      interaction: { mode: "nearest", axis: "x", intersect: false },
      scales: {
        x: {
          type: "linear",
          min: span.from,
          max: span.to,
          ticks: {
            color: colors.dimmed,
            font,
            maxRotation: 0,
            autoSkipPadding: 16,
            callback: (value) => formatLocalDate(new Date(Number(value)).toISOString()),
          },
          grid: { display: false },
          border: { color: colors.grid },
        },
        y: {
          beginAtZero: true,
          // Room above the budget's line, so it is never drawn on the chart's edge.
          grace: "8%",
          ticks: { color: colors.dimmed, font, callback: (value) => tickText(value, budget.currency) },
          grid: { color: colors.grid },
          border: { display: false },
        },
      },
      plugins: {
        legend: { labels: { color: colors.text, font, boxHeight: 2 } },
        tooltip: {
          animation: reduceMotion ? false : { duration: motionMs },
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
    <Box pos="relative" h={240}>
      {/* Drawn once the theme's colours are resolved (just after mounting); the box keeps its place meanwhile. */}
      {data && options && <Line data={data} options={options} aria-label={chartSummary(budget)} data-testid="budget-use-chart" />}
    </Box>
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
      <Paper withBorder radius="md" p="lg" data-testid="budget-use">
        <Title order={3} size="h5" mb="md">
          Budget use over time
        </Title>
        <EmptyState
          withIndicatorBackground
          icon={<IconWallet size={28} stroke={1.5} />}
          title="No budget for now"
          description="Set a budget for this year, this month or any period under Budget to see how you use it over time."
          data-testid="budget-use-empty"
        >
          <EmptyState.Actions>
            <Button component="a" href={routeHref({ area: "budget" })} variant="light" data-testid="go-to-budget">
              Go to Budget
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }
  const total = money(budget.total, budget.currency);
  const firstIncomplete = budget.steps.find((step) => !step.complete);
  const stepLabels = momentLabels(budget.steps.map((step) => step.at));
  return (
    <Paper withBorder radius="md" p="lg" data-testid="budget-use">
      <Title order={3} size="h5">
        Budget use over time
      </Title>
      <Text size="sm" c="dimmed" mb="md" data-testid="budget-use-caption">
        {budget.steps.length === 0 ? (
          <>
            The {budget.period} budget is <span className="tabular-nums">{total}</span>.
          </>
        ) : (
          <>
            The {budget.period} budget, in {budget.currency}
            {budget.startsAt && <> from {formatLocalDate(budget.startsAt)}</>}: the stepped line is what is committed after each contribution or
            refund; the dashed line is the budget, <span className="tabular-nums">{total}</span>.
          </>
        )}
      </Text>
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
    </Paper>
  );
}
