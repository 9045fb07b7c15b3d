import { Alert, Button, Group, Modal, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconTrash } from "@tabler/icons-react";
import type { BudgetView } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { formatDecimalString } from "../format/amount";
import { routeHref } from "../shell/route";
import { useRemoveBudget } from "./budgetQueries";

/** A percentage string from the backend ("15.5") as a bar width, capped at 100. */
function barValue(percent: string | null): number {
  const value = percent === null ? 0 : Number(percent);
  return Number.isFinite(value) ? Math.min(value, 100) : 0;
}

/** Calm while well within, amber near the end, red once it is all used. */
function barColor(percent: string | null): string {
  const value = barValue(percent);
  return value >= 100 ? "red" : value >= 80 ? "yellow" : "teal";
}

function money(amount: string, currency: string): string {
  return `${formatDecimalString(amount)} ${currency}`;
}

function RemoveBudget({ budget }: { budget: BudgetView }) {
  const [opened, dialog] = useDisclosure(false);
  const remove = useRemoveBudget();
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={14} />} onClick={dialog.open}>
        Remove
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={<Text fw={600}>Remove the {budget.period} budget?</Text>} centered>
        <Stack gap="md">
          <Text size="sm">
            Contributions are no longer checked against {money(budget.total, budget.currency)} for {budget.period}. What you paid is kept.
          </Text>
          {remove.isError && <FailureAlert title="The budget was not removed" error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(budget.id, {
                  onSuccess: () => {
                    dialog.close();
                    notifications.show({ title: "Budget removed", message: budget.period, color: "gray" });
                  },
                })
              }
              data-testid="confirm-remove-budget"
            >
              Remove budget
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One period's budget: committed against the total, and each sale's part of it. */
export function BudgetCard({ budget }: { budget: BudgetView }) {
  const limits = [
    budget.perSaleCap && `at most ${money(budget.perSaleCap, budget.currency)} per sale`,
    budget.maxSharePercent && `at most ${budget.maxSharePercent} % of the total in one sale`,
  ].filter(Boolean);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="budget-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" className="tabular-nums">
              {budget.period}
            </Title>
            <Text size="sm" c="dimmed">
              {limits.length > 0 ? limits.join("; ") : "No limit per sale"}
            </Text>
          </div>
          <RemoveBudget budget={budget} />
        </Group>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" className="tabular-nums" data-testid="budget-committed">
              {money(budget.committed, budget.currency)} of {money(budget.total, budget.currency)} committed
            </Text>
            <Text size="sm" fw={600} className="tabular-nums">
              {budget.committedPercent ?? "—"} %
            </Text>
          </Group>
          <Progress
            value={barValue(budget.committedPercent)}
            color={barColor(budget.committedPercent)}
            size="lg"
            radius="sm"
            aria-label={`${budget.committedPercent ?? 0} % of the ${budget.period} budget committed`}
          />
        </div>
        {budget.unpriced > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
            <Text size="sm">
              {budget.unpriced} payment(s) of this period have no price in {budget.currency} and are not counted. Add a price
              below.
            </Text>
          </Alert>
        )}
        {budget.perSale.length > 0 && (
          <Stack gap={6} data-testid="budget-per-sale">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Per sale
            </Text>
            {budget.perSale.map((sale) => (
              <div key={sale.saleId}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" component="a" href={routeHref({ area: "sales", view: "detail", saleId: sale.saleId })} c="inherit">
                    {sale.projectName}
                  </Text>
                  <Text size="sm" className="tabular-nums">
                    {money(sale.committed, budget.currency)} · {sale.percentOfTotal ?? "—"} %
                  </Text>
                </Group>
                <Progress value={barValue(sale.percentOfTotal)} size="sm" radius="sm" color="indigo" aria-hidden="true" />
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
