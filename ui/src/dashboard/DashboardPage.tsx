import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconCoins, IconLock, IconDoorEnter, IconDoorExit, IconLockOpen, IconPigMoney, IconPlus, IconReceipt, IconRocket, IconTrendingUp } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { CalendarEvent, Sale } from "../api";
import { useUpcomingEvents } from "../calendar/calendarQueries";
import { eventHref } from "../calendar/calendarEventKinds";
import { AmountText } from "../common/AmountText";
import { DateTimeText } from "../common/DateTimeText";
import { formatRelativeTime } from "../format/time";
import { formatDecimalString } from "../format/amount";
import { FailureAlert } from "../common/FailureAlert";
import { PageHeader } from "../common/PageHeader";
import { StatCard } from "../common/StatCard";
import { useSalesList } from "../sales/salesQueries";
import { useCurrentBudget } from "../budget/budgetQueries";
import { useBackupStatus } from "../settings/backupQueries";
import { TotalFigure } from "../portfolio/TotalFigure";
import { addDecimalStrings } from "../portfolio/portfolioFormat";
import { usePortfolio } from "../portfolio/portfolioQueries";
import { routeHref } from "../shell/route";
import { UpcomingEvents } from "./UpcomingEvents";
import { nextSaleEvents, type SaleEvent } from "./upcomingSaleEvents";

function DimmedText({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** A card's body while its data loads or when it could not be loaded (the alert above says why). */
function CardPlaceholder({ pending }: { pending: boolean }) {
  return pending ? (
    <Text size="sm" c="dimmed" role="status">
      Loading…
    </Text>
  ) : (
    <DimmedText>Not available</DimmedText>
  );
}

/** A date in a narrow card: the local time, and how far away under it. */
function CardTime({ iso }: { iso: string }) {
  return (
    <Stack gap={0}>
      <DateTimeText iso={iso} />
      <Text size="xs" c="dimmed">
        {formatRelativeTime(iso)}
      </Text>
    </Stack>
  );
}

function SaleEventText({ event, none }: { event: SaleEvent | null; none: string }) {
  if (!event) return <DimmedText>{none}</DimmedText>;
  return (
    <Stack gap={2}>
      <Anchor href={routeHref({ area: "sales", view: "detail", saleId: event.sale.id })} fw={600} size="md">
        {event.sale.projectName}
      </Anchor>
      <CardTime iso={event.at} />
    </Stack>
  );
}

function SalesTrackedText({ sales }: { sales: ReadonlyArray<Sale> }) {
  return (
    <Group justify="space-between" align="flex-end">
      <Text fz={32} fw={600} lh={1} className="tabular-nums" data-testid="sales-tracked-count">
        {sales.length}
      </Text>
      {sales.length === 0 ? (
        <Button component="a" href={routeHref({ area: "sales", view: "new" })} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
          Add a sale
        </Button>
      ) : (
        <Anchor href={routeHref({ area: "sales", view: "list" })} size="sm">
          See all
        </Anchor>
      )}
    </Group>
  );
}

function NextUnlockText({ unlock }: { unlock: CalendarEvent | undefined }) {
  if (!unlock) {
    return (
      <Stack gap={2}>
        <DimmedText>No unlock scheduled.</DimmedText>
        <Text size="xs" c="dimmed">
          Looking 12 months ahead, across every vesting plan.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Anchor href={eventHref(unlock)} fw={600} size="md" data-testid="next-unlock-project">
        {unlock.projectName}
      </Anchor>
      <div data-testid="next-unlock-amount">
        <AmountText amount={unlock.amount} emptyLabel="Amount not known" />
      </div>
      <CardTime iso={unlock.at} />
    </Stack>
  );
}

/** When no backup was made for a while and there is data to lose: a reminder, with the way to make one. */
function BackupReminder() {
  const status = useBackupStatus();
  if (!status.data?.due) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconLock />} title="Time for a backup" data-testid="backup-reminder">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {status.data.lastBackupAt ? `No encrypted backup in the last ${status.data.reminderDays} days.` : "You have never made an encrypted backup of your data."} A lost or broken disk would take your records with it.
        </Text>
        <Button component="a" href={routeHref({ area: "settings" })} size="xs" variant="light" color="yellow">
          Make a backup
        </Button>
      </Group>
    </Alert>
  );
}

/** Total value, cost, profit and budget left: the portfolio's and the budget's headline numbers. */
function MoneyCards() {
  const portfolioQuery = usePortfolio();
  const budgetQuery = useCurrentBudget();
  const portfolio = portfolioQuery.data;
  const budget = budgetQuery.data;
  const portfolioLink = (
    <Anchor href={routeHref({ area: "portfolio" })} size="sm">
      See the portfolio
    </Anchor>
  );
  const profit = portfolio
    ? {
        amount: addDecimalStrings(portfolio.realized.amount, portfolio.unrealized.amount),
        complete: portfolio.realized.complete && portfolio.unrealized.complete,
      }
    : null;
  return (
    <>
      {portfolioQuery.isError && (
        <FailureAlert title="The portfolio could not be valued" error={portfolioQuery.error} onRetry={() => void portfolioQuery.refetch()} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
        <StatCard label="Portfolio value" icon={<IconCoins size={18} />} testId="dashboard-value">
          {portfolio ? (
            <Stack gap={4}>
              <TotalFigure total={portfolio.value} currency={portfolio.currency} testId="dashboard-value-total" />
              {portfolioLink}
            </Stack>
          ) : (
            <CardPlaceholder pending={portfolioQuery.isPending} />
          )}
        </StatCard>
        <StatCard label="Cost of what you hold" icon={<IconReceipt size={18} />} testId="dashboard-cost">
          {portfolio ? (
            <Stack gap={4}>
              <TotalFigure total={portfolio.cost} currency={portfolio.currency} testId="dashboard-cost-total" />
              <DimmedText>Cost basis {portfolio.method}</DimmedText>
            </Stack>
          ) : (
            <CardPlaceholder pending={portfolioQuery.isPending} />
          )}
        </StatCard>
        <StatCard label="Profit or loss" icon={<IconTrendingUp size={18} />} testId="dashboard-profit">
          {portfolio && profit !== null ? (
            <Stack gap={4}>
              <TotalFigure total={profit} currency={portfolio.currency} gain testId="dashboard-profit-total" />
              <DimmedText>Realized and not yet realized</DimmedText>
            </Stack>
          ) : (
            <CardPlaceholder pending={portfolioQuery.isPending} />
          )}
        </StatCard>
        <StatCard label="Budget left" icon={<IconPigMoney size={18} />} testId="dashboard-budget-left">
          {budgetQuery.isPending || budgetQuery.isError ? (
            <CardPlaceholder pending={budgetQuery.isPending} />
          ) : budget ? (
            <Stack gap={4}>
              <Text fz={24} fw={600} lh={1.15} className="tabular-nums" c={budget.left.startsWith("-") ? "red" : undefined} data-testid="dashboard-budget-left-amount">
                {formatDecimalString(budget.left)} {budget.currency}
              </Text>
              <DimmedText>
                of {formatDecimalString(budget.total)} {budget.currency} for {budget.period}
              </DimmedText>
            </Stack>
          ) : (
            <Stack gap={4}>
              <DimmedText>No budget for now.</DimmedText>
              <Anchor href={routeHref({ area: "budget" })} size="sm">
                Set a budget
              </Anchor>
            </Stack>
          )}
        </StatCard>
      </SimpleGrid>
    </>
  );
}

export function DashboardPage() {
  const salesQuery = useSalesList();
  const upcomingQuery = useUpcomingEvents();

  // Archived sales are kept out of the way, here too.
  const sales = salesQuery.data?.filter((sale) => sale.archivedAt === null);
  const { nextOpening, nextClosing } = nextSaleEvents(sales ?? []);
  const salesCard = (render: (sales: ReadonlyArray<Sale>) => ReactNode) =>
    sales ? render(sales) : <CardPlaceholder pending={salesQuery.isPending} />;
  const nextUnlock = upcomingQuery.data?.find((event) => event.kind === "unlock");

  return (
    <>
      <PageHeader title="Dashboard" description="Your portfolio and budget at a glance, and what is coming up across the sales you follow and the tokens you are owed." />
      <Stack gap="lg">
        {salesQuery.isError && (
          <FailureAlert title="The sales could not be loaded" error={salesQuery.error} onRetry={() => void salesQuery.refetch()} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <StatCard label="Sales tracked" icon={<IconRocket size={18} />} testId="sales-tracked">
            {salesCard((all) => (
              <SalesTrackedText sales={all} />
            ))}
          </StatCard>
          <StatCard label="Next sale opening" icon={<IconDoorEnter size={18} />} testId="next-opening">
            {salesCard(() => (
              <SaleEventText event={nextOpening} none="No upcoming sale." />
            ))}
          </StatCard>
          <StatCard label="Next sale closing" icon={<IconDoorExit size={18} />} testId="next-closing">
            {salesCard(() => (
              <SaleEventText event={nextClosing} none="No sale is open." />
            ))}
          </StatCard>
          <StatCard label="Next unlock" icon={<IconLockOpen size={18} />} testId="dashboard-next-unlock">
            {upcomingQuery.data ? <NextUnlockText unlock={nextUnlock} /> : <CardPlaceholder pending={upcomingQuery.isPending} />}
          </StatCard>
        </SimpleGrid>
        <BackupReminder />
        <MoneyCards />
        <UpcomingEvents query={upcomingQuery} />
      </Stack>
    </>
  );
}
