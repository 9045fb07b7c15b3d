import { SimpleGrid, Stack, Title } from "@mantine/core";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { BudgetUseChart } from "./BudgetUseChart";
import { usePortfolioCharts } from "./chartsQueries";
import { UnlockCalendarChart } from "./UnlockCalendarChart";
import { ValueOverTimeChart } from "./ValueOverTimeChart";

/** The portfolio "over time": its value from the first record to now, the budget's use over its period, and the coming unlocks by month. */
export function OverTimeCharts() {
  const charts = usePortfolioCharts();
  return (
    <Stack gap="lg" component="section" aria-labelledby="portfolio-over-time" data-testid="portfolio-over-time">
      <Title order={2} size="h4" id="portfolio-over-time">
        Over time
      </Title>
      {charts.isPending ? (
        <LoadingState label="Drawing the charts…" />
      ) : charts.isError ? (
        <FailureAlert title="The charts could not be drawn" error={charts.error} onRetry={() => void charts.refetch()} />
      ) : (
        <>
          <ValueOverTimeChart points={charts.data.valueOverTime} currency={charts.data.currency} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <BudgetUseChart budget={charts.data.budget} />
            <UnlockCalendarChart months={charts.data.unlocks} currency={charts.data.currency} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
