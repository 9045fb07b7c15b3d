import { Badge, Group, Pagination, ScrollArea, Table, Text } from "@mantine/core";
import { IconCircleCheck, IconClockHour4, IconLockOpen } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import type { Amount, Vesting } from "../api";
import { AmountText } from "../common/AmountText";
import { DateTimeText } from "../common/DateTimeText";
import { amountOfBaseUnits } from "../format/amount";

/** Unlocks per page: a daily plan over years has thousands. */
export const unlocksPerPage = 100;

type UnlockState = "unlocked" | "next" | "later";

const unlockStateLooks = {
  unlocked: { label: "Unlocked", color: "teal", Icon: IconCircleCheck },
  next: { label: "Next", color: "indigo", Icon: IconLockOpen },
  later: { label: "Later", color: "gray", Icon: IconClockHour4 },
} satisfies Record<UnlockState, { label: string; color: string; Icon: typeof IconCircleCheck }>;

function UnlockStateBadge({ state }: { state: UnlockState }) {
  const { label, color, Icon } = unlockStateLooks[state];
  return (
    <Badge
      variant={state === "next" ? "filled" : "light"}
      color={color}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<Icon size={12} stroke={2} aria-hidden="true" />}
      styles={{ root: { maxWidth: "none", flexShrink: 0 } }}
    >
      {label}
    </Badge>
  );
}

/**
 * Every unlock of the plan: when, how much, and how much is unlocked by then, with the
 * ones already unlocked and the next marked (as the backend counted at its "now").
 */
export function VestingSchedule({ vesting }: { vesting: Vesting }) {
  const { unlocks, nextUnlock, total } = vesting;
  const nextIndex = nextUnlock === null ? unlocks.length : unlocks.findIndex((unlock) => unlock.at === nextUnlock.at);
  const pages = Math.max(1, Math.ceil(unlocks.length / unlocksPerPage));
  // Opens on the page of the next unlock: what is coming matters more than what is past.
  const [page, setPage] = useState(() => Math.min(pages, Math.floor(Math.max(0, nextIndex) / unlocksPerPage) + 1));
  const shownPage = Math.min(page, pages);

  const cumulative = useMemo(() => {
    const runningTotals: Amount[] = [];
    let sum = 0n;
    for (const unlock of unlocks) {
      sum += BigInt(unlock.amount.baseUnits);
      runningTotals.push(amountOfBaseUnits(sum, total.decimals, total.symbol));
    }
    return runningTotals;
  }, [unlocks, total.decimals, total.symbol]);

  const first = (shownPage - 1) * unlocksPerPage;
  const rows = unlocks.slice(first, first + unlocksPerPage);

  return (
    <>
      <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
        <Table stickyHeader verticalSpacing={6} data-testid="vesting-schedule" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right" w={56}>
                #
              </Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Unlocked by then</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((unlock, offset) => {
              const index = first + offset;
              const state: UnlockState = index < nextIndex ? "unlocked" : index === nextIndex ? "next" : "later";
              return (
                <Table.Tr key={`${index}-${unlock.at}`} data-testid="vesting-unlock" data-state={state}>
                  <Table.Td ta="right" className="tabular-nums" c="dimmed">
                    {index + 1}
                  </Table.Td>
                  <Table.Td>
                    <DateTimeText iso={unlock.at} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <AmountText amount={unlock.amount} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <AmountText amount={cumulative[index] ?? null} />
                  </Table.Td>
                  <Table.Td>
                    <UnlockStateBadge state={state} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {pages > 1 && (
        <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed" className="tabular-nums">
            Unlocks {(first + 1).toLocaleString()}–{(first + rows.length).toLocaleString()} of {unlocks.length.toLocaleString()}
          </Text>
          <Pagination
            total={pages}
            value={shownPage}
            onChange={setPage}
            size="sm"
            aria-label="Pages of the schedule"
            data-testid="vesting-schedule-pages"
          />
        </Group>
      )}
    </>
  );
}
