import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconDoorEnter, IconDoorExit, IconLayoutDashboard, IconPlus, IconRocket } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { NotBuiltYet } from "../common/NotBuiltYet";
import { PageHeader } from "../common/PageHeader";
import { useSalesList } from "../sales/salesQueries";
import { routeHref } from "../shell/route";
import { nextSaleEvents, type SaleEvent } from "./upcomingSaleEvents";

function StatCard({ label, icon, children, testId }: { label: string; icon: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" radius="md" size="md" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
      </Group>
      {children}
    </Paper>
  );
}

function SaleEventText({ event, none }: { event: SaleEvent | null; none: string }) {
  if (!event) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Anchor href={routeHref({ area: "sales", view: "detail", saleId: event.sale.id })} fw={600} size="md">
        {event.sale.projectName}
      </Anchor>
      <DateTimeText iso={event.at} withRelative />
    </Stack>
  );
}

export function DashboardPage() {
  const salesQuery = useSalesList();

  let salesSummary: ReactNode;
  if (salesQuery.isPending) {
    salesSummary = <LoadingState label="Loading sales…" />;
  } else if (salesQuery.isError) {
    salesSummary = <FailureAlert title="The sales could not be loaded" error={salesQuery.error} onRetry={() => void salesQuery.refetch()} />;
  } else {
    const sales = salesQuery.data;
    const { nextOpening, nextClosing } = nextSaleEvents(sales);
    salesSummary = (
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <StatCard label="Sales tracked" icon={<IconRocket size={18} />} testId="sales-tracked">
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
        </StatCard>
        <StatCard label="Next sale opening" icon={<IconDoorEnter size={18} />} testId="next-opening">
          <SaleEventText event={nextOpening} none="No upcoming sale." />
        </StatCard>
        <StatCard label="Next sale closing" icon={<IconDoorExit size={18} />} testId="next-closing">
          <SaleEventText event={nextClosing} none="No sale is open." />
        </StatCard>
      </SimpleGrid>
    );
  }

  return (
    <>
      <PageHeader title="Dashboard" description="What is coming up across the sales you follow." />
      <Stack gap="lg">
        {salesSummary}
        <NotBuiltYet
          icon={<IconLayoutDashboard size={28} stroke={1.5} />}
          title="More headline numbers later"
          description="Portfolio value, cost and profit, budget left this period, the next token unlock, refund deadlines and alerts (stale prices, a locked keyring, unconfirmed transactions) will appear here once those parts of Saleguard exist."
        />
      </Stack>
    </>
  );
}
