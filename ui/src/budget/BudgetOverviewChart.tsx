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
        bars={budgets.map((budget) => {
          const committed = money(budget.committed, budget.currency);
          const total = money(budget.total, budget.currency);
          const percent = budget.committedPercent ?? "—";
          return {
            key: budget.id,
            label: (
              <Text size="sm" fw={600} className="tabular-nums">
                {budget.period}
              </Text>
            ),
            value: `${committed} of ${total} · ${percent} %`,
            percent: budget.committedPercent,
            description: `${budget.period}: ${committed} committed of ${total} (${percent} %)`,
            color: barColor(budget.committedPercent),
          };
        })}
      />
    </Paper>
  );
}
