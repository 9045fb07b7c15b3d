import { EmptyState, Grid, Paper, Stack } from "@mantine/core";
import { IconPigMoney } from "@tabler/icons-react";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { BudgetCard } from "./BudgetCard";
import { BudgetForm, PriceBook } from "./BudgetForms";
import { BudgetOverviewChart } from "./BudgetOverviewChart";
import { ReviewRulesCard } from "./ReviewRulesForm";
import { useBudgets } from "./budgetQueries";

function Budgets() {
  const budgets = useBudgets();
  if (budgets.isPending) return <LoadingState label="Loading your budgets…" />;
  if (budgets.isError) {
    return <FailureAlert title="The budgets could not be loaded" error={budgets.error} onRetry={() => void budgets.refetch()} />;
  }
  if (budgets.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="budgets-empty">
        <EmptyState
          withIndicatorBackground
          icon={<IconPigMoney size={28} stroke={1.5} />}
          title="No budget yet"
          description="Decide how much may go into token sales this year or this month. Every contribution is checked against it before it is signed."
        />
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      <BudgetOverviewChart budgets={budgets.data} />
      {budgets.data.map((budget) => (
        <BudgetCard key={budget.id} budget={budget} />
      ))}
    </Stack>
  );
}

/** Budgets per period with what is committed of each, and the price book they are counted with. */
export function BudgetPage() {
  return (
    <>
      <PageHeader
        title="Budget"
        description="Committed is every contribution of the period, signed or recorded, minus refunds received."
      />
      <Grid gap="lg">
        {/* The rules under the budgets, not under the form: the form is short, and stacked
            beside a short list the two left a blank column beside them. */}
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Budgets />
            <ReviewRulesCard />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <BudgetForm />
        </Grid.Col>
        {/* Full width: the book grows to a million prices, and its columns need the room. */}
        <Grid.Col span={12}>
          <PriceBook />
        </Grid.Col>
      </Grid>
    </>
  );
}
