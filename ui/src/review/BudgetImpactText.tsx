import { Anchor, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { IconPigMoney } from "@tabler/icons-react";
import type { BudgetImpact } from "../api";
import { clampToTrack, money, percentValue } from "../budget/budgetFormat";
import { routeHref } from "../shell/route";

/** "This uses 22 % of your 2027 USD budget; 61 % left." — or what it is worth when the total is zero. */
export function budgetImpactSentence(impact: BudgetImpact): string {
  const budget = `your ${impact.period} ${impact.currency} budget`;
  if (impact.usesPercent === null) {
    return `This contribution is worth ${money(impact.value, impact.currency)} against ${budget}.`;
  }
  const left = impact.leftAfterPercent;
  let after = "";
  if (left !== null) after = left.startsWith("-") ? `; that goes ${left.slice(1)} % over its total` : `; ${left} % left`;
  return `This uses ${impact.usesPercent} % of ${budget}${after}.`;
}

type BudgetImpactTextProps = {
  impact: BudgetImpact | null;
  /** The contribution could not be valued in the budget's currency (a `price_missing` finding). */
  priceMissing?: boolean;
};

/** What the contribution does to the budget of its period, or why nothing is said about one. */
export function BudgetImpactText({ impact, priceMissing = false }: BudgetImpactTextProps) {
  if (impact === null) {
    return (
      <Paper withBorder radius="md" p="md" data-testid="budget-impact">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconPigMoney size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            {priceMissing
              ? "The budget could not be checked: without a price, this contribution cannot be valued in the budget's currency. Record a price in the price book, under "
              : "No budget applies to this date, so nothing is counted against one. Set a budget for the period under "}
            <Anchor href={routeHref({ area: "budget" })} size="sm">
              Budget
            </Anchor>
            .
          </Text>
        </Group>
      </Paper>
    );
  }
  // Widths only: what was committed before, then this contribution, of the total.
  const before = clampToTrack(100 - percentValue(impact.usesPercent) - percentValue(impact.leftAfterPercent));
  const uses = clampToTrack(percentValue(impact.usesPercent), 100 - before);
  const over = impact.leftAfterPercent?.startsWith("-") ?? false;
  return (
    <Paper withBorder radius="md" p="md" data-testid="budget-impact">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconPigMoney size={18} aria-hidden="true" color="var(--mantine-color-indigo-6)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={500} data-testid="budget-impact-sentence">
            {budgetImpactSentence(impact)}
          </Text>
        </Group>
        {impact.usesPercent !== null && (
          <Progress.Root size="md" radius="sm" aria-hidden="true">
            <Progress.Section value={before} color="gray.5" />
            <Progress.Section value={uses} color={over ? "red" : "indigo"} />
          </Progress.Root>
        )}
        <Text size="xs" c="dimmed" className="tabular-nums" data-testid="budget-impact-figures">
          This contribution: {money(impact.value, impact.currency)} · committed before: {money(impact.committed, impact.currency)} ·
          total: {money(impact.total, impact.currency)}
        </Text>
      </Stack>
    </Paper>
  );
}
