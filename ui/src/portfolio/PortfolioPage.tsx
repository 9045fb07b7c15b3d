import { Alert, Button, EmptyState, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertTriangle, IconChartPie, IconCoins, IconReceipt, IconScale, IconTrendingUp } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { HoldingView, PortfolioView, SaleOutcome } from "../api";
import { HorizontalBarChart, type Bar } from "../budget/HorizontalBarChart";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { StatCard } from "../common/StatCard";
import { useFormSubmit } from "../common/useFormSubmit";
import { FetchPricesButton } from "../settings/FetchPricesButton";
import { usePriceSources } from "../settings/priceSourcesQueries";
import { CsvPanel } from "./CsvPanel";
import { OverTimeCharts } from "./OverTimeCharts";
import { HoldingsTable } from "./HoldingsTable";
import { SaleOutcomesTable } from "./SaleOutcomesTable";
import { TradeForm } from "./TradeForm";
import { TradesTable } from "./TradesTable";
import { TotalFigure } from "./TotalFigure";
import { addDecimalStrings, gainText, moneyText } from "./portfolioFormat";
import { usePortfolio, useSetPortfolioCurrency } from "./portfolioQueries";

const palette = ["teal", "blue", "grape", "orange", "cyan", "pink", "lime", "indigo"];

function Headline({ portfolio }: { portfolio: PortfolioView }) {
  const currency = portfolio.currency;
  const profit = {
    amount: addDecimalStrings(portfolio.realized.amount, portfolio.unrealized.amount),
    complete: portfolio.realized.complete && portfolio.unrealized.complete,
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
      <StatCard label="Value now" icon={<IconCoins size={18} />} testId="portfolio-value">
        <TotalFigure total={portfolio.value} currency={currency} testId="portfolio-value-total" />
        <Text size="xs" c="dimmed" mt={4}>
          At the latest price of each asset
        </Text>
      </StatCard>
      <StatCard label="Cost of what you hold" icon={<IconReceipt size={18} />} testId="portfolio-cost">
        <TotalFigure total={portfolio.cost} currency={currency} testId="portfolio-cost-total" />
        <Text size="xs" c="dimmed" mt={4}>
          Cost basis {portfolio.method}
        </Text>
      </StatCard>
      <StatCard label="Profit or loss" icon={<IconTrendingUp size={18} />} testId="portfolio-profit">
        <TotalFigure total={profit} currency={currency} gain testId="portfolio-profit-total" />
        <Text size="xs" c="dimmed" mt={4} className="tabular-nums">
          {gainText(portfolio.realized.amount, currency)} realized, {gainText(portfolio.unrealized.amount, currency)} not yet
        </Text>
      </StatCard>
      <StatCard label="Paid for tokens to come" icon={<IconScale size={18} />} testId="portfolio-to-come">
        <TotalFigure total={portfolio.costToCome} currency={currency} testId="portfolio-to-come-total" />
        <Text size="xs" c="dimmed" mt={4}>
          Contributions whose tokens have not arrived
        </Text>
      </StatCard>
    </SimpleGrid>
  );
}

function Problems({ portfolio }: { portfolio: PortfolioView }) {
  if (portfolio.problems.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Some values are not known" data-testid="portfolio-problems">
      <Stack gap={4}>
        {portfolio.problems.map((problem, index) => (
          <Text key={index} size="sm">
            {problem.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function allocationBars<Row>(rows: ReadonlyArray<Row>, name: (row: Row) => string, value: (row: Row) => string | null, share: (row: Row) => string | null, currency: string): Bar[] {
  return rows
    .filter((row) => value(row) !== null && value(row) !== "0")
    .map((row, index) => ({
      key: name(row),
      name: name(row),
      figures: [moneyText(value(row), currency), share(row) === null ? "" : `${share(row)} %`],
      percent: share(row),
      description: `${name(row)}: ${moneyText(value(row), currency)}, ${share(row) ?? "?"} % of the value`,
      color: palette[index % palette.length] ?? "teal",
    }));
}

function Allocation({ portfolio }: { portfolio: PortfolioView }) {
  const byAsset = allocationBars<HoldingView>(portfolio.holdings, (h) => h.asset, (h) => h.value, (h) => h.valueSharePercent, portfolio.currency);
  const bySale = allocationBars<SaleOutcome>(portfolio.sales, (s) => s.saleName, (s) => s.value, (s) => s.valueSharePercent, portfolio.currency);
  if (byAsset.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h5" mb="sm">
          Allocation by asset
        </Title>
        <HorizontalBarChart bars={byAsset} columns={["Asset", "Value", "Share"]} aria-label="Allocation by asset" data-testid="allocation-by-asset" />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h5" mb="sm">
          Allocation by sale
        </Title>
        {bySale.length === 0 ? (
          <Text size="sm" c="dimmed">
            None of what you hold came from a sale you track.
          </Text>
        ) : (
          <HorizontalBarChart bars={bySale} columns={["Sale", "Value", "Share"]} aria-label="Allocation by sale" data-testid="allocation-by-sale" />
        )}
      </Paper>
    </SimpleGrid>
  );
}

function CurrencyForm({ current }: { current: string }) {
  const setCurrency = useSetPortfolioCurrency();
  const [typed, setTyped] = useState(current);
  const submission = useFormSubmit({
    isField: (name: string): name is "currency" => name === "currency",
    whenUnexpected: "The currency was not changed. Try again.",
    onSubmit: async (currency: string) => setTyped(await setCurrency.mutateAsync(currency)),
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(typed);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="currency-form">
      <FormErrorAlert ref={alertRef} title="The currency was not changed" errors={errors.general} invalidFieldLabels={[]} />
      <Group gap="xs" align="flex-start">
        <TextInput
          name="currency"
          aria-label="Currency"
          value={typed}
          error={errors.fields.currency}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            clearFieldError("currency");
          }}
          w={110}
          size="sm"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" variant="default" size="sm" loading={submitting} disabled={typed.trim().toUpperCase() === current}>
          Show in this currency
        </Button>
      </Group>
    </form>
  );
}

/** "Refresh prices", only while the online price API is on (Settings → Price sources). */
function RefreshPrices() {
  const sources = usePriceSources();
  if (!sources.data?.api.enabled) return null;
  return (
    <FetchPricesButton variant="default" data-testid="portfolio-refresh-prices">
      Refresh prices
    </FetchPricesButton>
  );
}


function PortfolioBody({ portfolio }: { portfolio: PortfolioView }) {
  const nothing = portfolio.holdings.length === 0 && portfolio.sales.length === 0;
  return (
    <Stack gap="lg">
      <Headline portfolio={portfolio} />
      <Problems portfolio={portfolio} />
      {nothing ? (
        <Paper withBorder radius="md" p="xl" data-testid="portfolio-empty">
          <EmptyState
            withIndicatorBackground
            icon={<IconChartPie size={28} stroke={1.5} />}
            title="Nothing held yet"
            description="Tokens arrive here when you record a distribution on a participation, or a buy below. Values need a price: record one in the price book (Budget), or import price history or turn on an online price API (Settings → Price sources)."
          />
        </Paper>
      ) : (
        <>
          <Allocation portfolio={portfolio} />
          <OverTimeCharts />
          <Paper withBorder radius="md" p="lg">
            <Title order={2} size="h5" mb="xs">
              Holdings
            </Title>
            {portfolio.holdings.length === 0 ? (
              <Text size="sm" c="dimmed">
                No tokens received or bought yet.
              </Text>
            ) : (
              <HoldingsTable holdings={portfolio.holdings} currency={portfolio.currency} />
            )}
          </Paper>
          {portfolio.sales.length > 0 && (
            <Paper withBorder radius="md" p="lg">
              <Title order={2} size="h5" mb="xs">
                Per sale
              </Title>
              <SaleOutcomesTable sales={portfolio.sales} currency={portfolio.currency} />
            </Paper>
          )}
        </>
      )}
      {/* With nothing held, the charts still show the budget's use and the coming unlocks. */}
      {nothing && <OverTimeCharts />}
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h5" mb="xs">
          Trades
        </Title>
        <TradesTable />
      </Paper>
      <CsvPanel />
      <TradeForm />
    </Stack>
  );
}

/** The Portfolio area: what the user holds, what it cost, what it is worth and the profit or loss, with the trades behind it. */
export function PortfolioPage() {
  const portfolio = usePortfolio();
  return (
    <>
      <PageHeader
        title="Portfolio"
        description={
          portfolio.data ? (
            <>
              In {portfolio.data.currency}, valued <DateTimeText iso={portfolio.data.asOf} /> at the latest price from your price sources (in the order set in Settings); cost basis first in, first out.
            </>
          ) : (
            "Your holdings, what they cost and what they are worth."
          )
        }
        actions={
          portfolio.data ? (
            <>
              <RefreshPrices />
              <CurrencyForm key={portfolio.data.currency} current={portfolio.data.currency} />
            </>
          ) : undefined
        }
      />
      {portfolio.isPending ? (
        <LoadingState label="Valuing your portfolio…" />
      ) : portfolio.isError ? (
        <FailureAlert title="The portfolio could not be computed" error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : (
        <PortfolioBody portfolio={portfolio.data} />
      )}
    </>
  );
}
