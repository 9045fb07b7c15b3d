import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCalendarEvent } from "@tabler/icons-react";
import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { useMemo } from "react";
import { Bar } from "react-chartjs-2";
import type { UnlockMonth, UnlockTotal } from "../api";
import { describeAmountExactly, formatAmount } from "../format/amount";
import { routeHref } from "../shell/route";
import { ChartCanvas, ChartCard, ChartEmptyState } from "./ChartCard";
import { ChartFigures } from "./ChartFigures";
import { drawnNumber, listInWords, monthLabel } from "./chartFormat";
import { chartFrame, legendLook, tooltipLook, xAxisLook, yAxisLook } from "./chartOptions";
import { moneyText } from "./portfolioFormat";
import { useChartLook } from "./useChartLook";

// Only what a bar chart with a legend draws (the bar controller comes with `Bar`).
Chart.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A token of the chart: one series. The backend sums by symbol and decimals, so both name it. */
type Token = { key: string; symbol: string };

function tokenKey(total: UnlockTotal): string {
  return `${total.amount.symbol}/${total.amount.decimals}`;
}

/** Every token unlocking in the months, in the order first met. */
function tokensOf(months: ReadonlyArray<UnlockMonth>): Token[] {
  const tokens = new Map<string, Token>();
  for (const month of months) {
    for (const total of month.tokens) {
      const key = tokenKey(total);
      if (!tokens.has(key)) tokens.set(key, { key, symbol: total.amount.symbol });
    }
  }
  return [...tokens.values()];
}

/** The tokens with no price in the portfolio's currency (by symbol), in the order first met. */
function unpricedSymbols(months: ReadonlyArray<UnlockMonth>): string[] {
  return [...new Set(months.flatMap((month) => month.tokens.filter((total) => total.value === null).map((total) => total.amount.symbol)))];
}

/** What the chart shows, in words, for the canvas's accessible name (the table has every figure). */
function chartSummary(months: ReadonlyArray<UnlockMonth>, byValue: boolean, currency: string): string {
  const parts = months.map((month) => {
    const tokens = month.tokens.map((total) =>
      byValue ? `${formatAmount(total.amount)} (${moneyText(total.value, currency)})` : formatAmount(total.amount),
    );
    return `${monthLabel(month.month)}: ${listInWords(tokens)}`;
  });
  const how = byValue ? `by value in ${currency} at today's price, stacked by token` : "by token amount, as some tokens have no price";
  return `Unlocks in the next twelve months, ${how}: ${parts.join("; ")}.`;
}

function UnlockBars({ months, currency, byValue }: { months: ReadonlyArray<UnlockMonth>; currency: string; byValue: boolean }) {
  const look = useChartLook();
  const tokens = useMemo(() => tokensOf(months), [months]);

  const data = useMemo<ChartData<"bar", (number | null)[], string> | null>(() => {
    if (look === null) return null;
    const { colors } = look;
    return {
      labels: months.map((month) => monthLabel(month.month)),
      datasets: tokens.map((token, index) => {
        const color = colors.series[index % colors.series.length] ?? colors.line;
        return {
          label: token.symbol,
          data: months.map((month) => {
            const total = month.tokens.find((candidate) => tokenKey(candidate) === token.key);
            if (!total) return null;
            return drawnNumber(byValue ? (total.value ?? "") : total.amount.decimal);
          }),
          backgroundColor: color,
          borderColor: color,
          borderRadius: 3,
          maxBarThickness: 40,
        };
      }),
    };
  }, [byValue, look, months, tokens]);

  const options = useMemo<ChartOptions<"bar"> | null>(() => {
    if (look === null) return null;
    const { colors, font } = look;
    return {
      ...chartFrame(look),
      interaction: { mode: "index", intersect: false },
      scales: {
        // Values in one currency add up; amounts of different tokens do not, so they stand side by side.
        x: { ...xAxisLook(look, { autoSkip: true }), stacked: byValue },
        y: {
          ...yAxisLook(look, byValue ? currency : ""),
          stacked: byValue,
          title: { display: true, color: colors.dimmed, font, text: byValue ? `${currency} at today's price` : "Tokens, each in its own unit" },
        },
      },
      plugins: {
        legend: legendLook(look, { boxWidth: 12 }),
        tooltip: {
          ...tooltipLook(look),
          filter: (item) => item.raw !== null,
          callbacks: {
            label: (item) => {
              const token = tokens[item.datasetIndex];
              const total = months[item.dataIndex]?.tokens.find((candidate) => token !== undefined && tokenKey(candidate) === token.key);
              if (!total) return "";
              return total.value === null ? `${formatAmount(total.amount)} (no price)` : `${formatAmount(total.amount)}: ${moneyText(total.value, currency)}`;
            },
          },
        },
      },
    };
  }, [byValue, currency, look, months, tokens]);

  return (
    <ChartCanvas>
      {data && options && <Bar data={data} options={options} aria-label={chartSummary(months, byValue, currency)} data-testid="unlock-chart" />}
    </ChartCanvas>
  );
}

/**
 * The tokens unlocking in each of the next twelve months, one bar per month. Stacked by value in
 * the portfolio's currency when every token has a price; otherwise each token's amount, side by
 * side, and the card says why (an unknown price is never drawn as zero).
 */
export function UnlockCalendarChart({ months, currency }: { months: ReadonlyArray<UnlockMonth>; currency: string }) {
  const unpriced = unpricedSymbols(months);
  const byValue = unpriced.length === 0;
  return (
    <ChartCard
      title="Unlocks by month"
      caption={
        months.length > 0 && byValue
          ? `What unlocks in each of the next twelve months, in ${currency} at today's price.`
          : "What unlocks in each of the next twelve months."
      }
      data-testid="unlock-calendar"
    >
      {months.length === 0 ? (
        <ChartEmptyState
          icon={IconCalendarEvent}
          title="No unlocks in the next twelve months"
          description="Unlocks come from vesting plans: set a token's vesting plan on its participation to see here when it unlocks."
          action={{ label: "Go to participations", href: routeHref({ area: "participations", view: "list" }), testId: "go-to-participations" }}
          data-testid="unlock-calendar-empty"
        />
      ) : (
        <Stack gap="sm">
          {!byValue && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Shown as token amounts" data-testid="unlock-amounts-note">
              {listInWords(unpriced)} {unpriced.length === 1 ? "has" : "have"} no price in {currency}, so the chart shows how many tokens unlock
              rather than what they are worth.
            </Alert>
          )}
          <UnlockBars months={months} currency={currency} byValue={byValue} />
          <ChartFigures
            aria-label="Unlocks by month"
            columns={[{ label: "Month" }, { label: "Token" }, { label: "Amount", numeric: true }, { label: "Value today", numeric: true }]}
            rows={months.flatMap((month) =>
              month.tokens.map((total) => ({
                key: `${month.month}-${tokenKey(total)}`,
                cells: [
                  monthLabel(month.month),
                  total.amount.symbol,
                  <span title={describeAmountExactly(total.amount)}>{formatAmount(total.amount)}</span>,
                  total.value === null ? (
                    <Text span size="xs" c="dimmed">
                      No price
                    </Text>
                  ) : (
                    moneyText(total.value, currency)
                  ),
                ],
              })),
            )}
            data-testid="unlock-figures"
          />
        </Stack>
      )}
    </ChartCard>
  );
}
