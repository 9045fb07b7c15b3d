import { Alert, Anchor, Button, Group, Modal, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconPencil, IconTrash } from "@tabler/icons-react";
import type { BudgetView } from "../api";
import { ConfirmRemoval } from "../common/ConfirmRemoval";
import { routeHref } from "../shell/route";
import { BudgetForm } from "./BudgetForms";
import { barColor, barWidth, money } from "./budgetFormat";
import { useRemoveBudget } from "./budgetQueries";
import { HorizontalBarChart } from "./HorizontalBarChart";

function EditBudget({ budget }: { budget: BudgetView }) {
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} />} onClick={dialog.open} aria-label={`Edit the ${budget.period} budget`}>
        Edit
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={<Text fw={600}>Edit the {budget.period} budget</Text>} centered size="lg">
        <BudgetForm editing={budget} onSaved={dialog.close} />
      </Modal>
    </>
  );
}

function RemoveBudget({ budget }: { budget: BudgetView }) {
  const [opened, dialog] = useDisclosure(false);
  const remove = useRemoveBudget();
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={14} />} onClick={dialog.open}>
        Remove
      </Button>
      <ConfirmRemoval
        opened={opened}
        onClose={dialog.close}
        title={`Remove the ${budget.period} budget?`}
        confirmLabel="Remove budget"
        failureTitle="The budget was not removed"
        removal={remove}
        onConfirm={() =>
          remove.mutate(budget.id, {
            onSuccess: () => {
              dialog.close();
              notifications.show({ title: "Budget removed", message: budget.period, color: "gray" });
            },
          })
        }
        data-testid="confirm-remove-budget"
      >
        <Text size="sm">
          Contributions are no longer checked against {money(budget.total, budget.currency)} for {budget.period}. What you paid is kept.
        </Text>
      </ConfirmRemoval>
    </>
  );
}

/** Each sale's part of the period's total, as a bar; the largest share allowed as a dashed line. */
function PerSaleChart({ budget }: { budget: BudgetView }) {
  const total = money(budget.total, budget.currency);
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        Per sale
      </Text>
      <HorizontalBarChart
        aria-label={`What each sale commits of the ${budget.period} budget`}
        data-testid="budget-per-sale"
        columns={["Sale", "Committed", "Of the total"]}
        limitPercent={budget.maxSharePercent}
        limitName="your largest share per sale"
        bars={budget.perSale.map((sale) => {
          const committed = money(sale.committed, budget.currency);
          return {
            key: sale.saleId,
            name: sale.projectName,
            label: (
              <Anchor href={routeHref({ area: "sales", view: "detail", saleId: sale.saleId })} size="xs" c="inherit">
                {sale.projectName}
              </Anchor>
            ),
            figures: [committed, sale.percentOfTotal === null ? "" : `${sale.percentOfTotal} %`],
            percent: sale.percentOfTotal,
            description:
              sale.percentOfTotal === null
                ? `${sale.projectName}: ${committed} committed of the ${total} total, percentage unknown`
                : `${sale.projectName}: ${committed} committed, ${sale.percentOfTotal} % of the ${total} total`,
            color: "indigo",
          };
        })}
      />
      {budget.maxSharePercent && (
        <Text size="xs" c="dimmed">
          The dashed line is your largest share per sale: {budget.maxSharePercent} % of the total.
        </Text>
      )}
    </Stack>
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
          <Group gap={4} wrap="nowrap">
            <EditBudget budget={budget} />
            <RemoveBudget budget={budget} />
          </Group>
        </Group>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" className="tabular-nums" data-testid="budget-committed">
              {money(budget.committed, budget.currency)} of {money(budget.total, budget.currency)} committed
            </Text>
            {budget.committedPercent !== null && (
              <Text size="sm" fw={600} className="tabular-nums">
                {budget.committedPercent} %
              </Text>
            )}
          </Group>
          <Progress
            value={barWidth(budget.committedPercent)}
            color={barColor(budget.committedPercent)}
            size="lg"
            radius="sm"
            aria-label={
              budget.committedPercent === null
                ? `The ${budget.period} budget: percentage committed unknown`
                : `${budget.committedPercent} % of the ${budget.period} budget committed`
            }
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
        {budget.perSale.length > 0 && <PerSaleChart budget={budget} />}
      </Stack>
    </Paper>
  );
}
