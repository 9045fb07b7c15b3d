import { Anchor, Text } from "@mantine/core";
import type { AmountValue } from "../api";
import { money } from "../budget/budgetFormat";
import { formatLocalDateTime, formatUtcDateTime } from "../format/time";
import { routeHref } from "../shell/route";
import { useContributionValue } from "./transactionsQueries";

function BudgetLink() {
  return (
    <Anchor href={routeHref({ area: "budget" })} inherit>
      Budget
    </Anchor>
  );
}

function ValueWords({ value }: { value: AmountValue }) {
  switch (value.kind) {
    case "valued":
      return (
        <>
          <Text span inherit fw={500} c="var(--mantine-color-text)" className="tabular-nums">
            ≈ {money(value.value, value.currency)}
          </Text>
          {value.staleSince !== null && (
            <Text span inherit c="var(--mantine-color-orange-text)">
              {" — at a price from "}
              <time dateTime={value.staleSince} title={formatUtcDateTime(value.staleSince)}>
                {formatLocalDateTime(value.staleSince)}
              </time>{" "}
              that is older than your limit
            </Text>
          )}
        </>
      );
    case "no_budget":
      return (
        <>
          No budget covers today, so its value is not shown. Set one under <BudgetLink />.
        </>
      );
    case "no_price":
      return (
        <>
          No price of {value.asset} in {value.currency} in the price book: add one under <BudgetLink /> to see its value.
        </>
      );
    case "too_large":
      return <>Too large to value.</>;
  }
}

/**
 * Under the amount while it is typed: what it is worth in the budget's currency, or why
 * that cannot be said. Only a hint: a refused amount shows nothing here (the form says
 * what is wrong when it is submitted). Dimmed while the value of a newer amount is on
 * its way.
 */
export function ContributionValueHint({ saleId, amount }: { saleId: number; amount: string }) {
  const { value, current } = useContributionValue(saleId, amount);
  return (
    <Text
      component="span"
      display="block"
      size="xs"
      mt={2}
      aria-live="polite"
      aria-busy={!current}
      opacity={current ? 1 : 0.55}
      data-testid="amount-value"
    >
      {value && <ValueWords value={value} />}
    </Text>
  );
}
