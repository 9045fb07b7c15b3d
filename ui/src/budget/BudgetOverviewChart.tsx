import { Paper, Text, Title } from "@mantine/core";
import type { BudgetView } from "../api";
import { barColor, money } from "./budgetFormat";
import { HorizontalBarChart } from "./HorizontalBarChart";

/** Every budget at a glance: committed against its total, one bar per period (each to its own scale). */
export function BudgetOverviewChart({ budgets }: { budgets: ReadonlyArray<BudgetView> }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="budget-overview">
      <Title order={2} size="h5">
        Committed by period
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Each bar is one budget's total; the filled part is what is committed of it.
      </Text>
      <HorizontalBarChart
        aria-label="Committed against the total, per budget"
        columns={["Period", "Committed", "Total", "Share"]}
        bars={budgets.map((budget) => {
          const committed = money(budget.committed, budget.currency);
          const total = money(budget.total, budget.currency);
          // No percentage (a total of zero): no "— %", and the summary says why the bar is empty.
          const percent = budget.committedPercent;
          return {
            key: budget.id,
            name: budget.period,
            figures: [committed, total, percent === null ? "" : `${percent} %`],
            percent,
            description: `${budget.period}: ${committed} committed of ${total} (${percent === null ? "percentage unknown" : `${percent} %`})`,
            color: barColor(percent),
          };
        })}
      />
    </Paper>
  );
}
