import { ActionIcon, Badge, Box, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import type { PriceSource } from "../api";
import { priceSourceLooks } from "../budget/PriceSourceBadge";
import { FailureAlert } from "../common/FailureAlert";
import { useSetPriceSourceOrder } from "./priceSourcesQueries";

type Direction = "up" | "down";

/** The button that should have focus after a move: the pressed one, or its twin when the pressed one no longer applies. */
type FocusTarget = { source: PriceSource; direction: Direction };

/**
 * The order the price sources are asked in, as a numbered list; each moves up or down with a
 * button (focus stays on the source moved) and the order is saved at once.
 */
export function PriceSourceOrder({ order }: { order: ReadonlyArray<PriceSource> }) {
  const setOrder = useSetPriceSourceOrder();
  // While a move is saved, the list already shows it.
  const shown = setOrder.isPending ? setOrder.variables : order;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);

  useEffect(() => {
    if (focusTarget) buttons.current.get(`${focusTarget.source}-${focusTarget.direction}`)?.focus();
  }, [focusTarget]);

  const move = (index: number, direction: Direction) => {
    if (setOrder.isPending) return;
    const to = direction === "up" ? index - 1 : index + 1;
    const source = shown[index];
    const other = shown[to];
    if (source === undefined || other === undefined) return;
    const next = [...shown];
    next[to] = source;
    next[index] = other;
    setOrder.mutate(next);
    // At the top (or bottom) the pressed button no longer applies: focus goes to the other one.
    const reachedEnd = direction === "up" ? to === 0 : to === next.length - 1;
    const opposite: Direction = direction === "up" ? "down" : "up";
    setFocusTarget({ source, direction: reachedEnd ? opposite : direction });
  };

  return (
    <Stack gap="sm">
      <Box
        component="ol"
        role="list"
        m={0}
        p={0}
        style={{ listStyle: "none", display: "flex", flexDirection: "column", gap: "var(--mantine-spacing-xs)" }}
        aria-label="Price sources, in the order they are asked"
        data-testid="price-source-order"
      >
        {shown.map((source, index) => {
          const { label, meaning, color, Icon } = priceSourceLooks[source];
          const moveButton = (direction: Direction) => {
            const disabled = direction === "up" ? index === 0 : index === shown.length - 1;
            const words = `Move ${label} ${direction}`;
            return (
              <Tooltip label={direction === "up" ? "Move up" : "Move down"} disabled={disabled}>
                <ActionIcon
                  ref={(element) => {
                    if (element) buttons.current.set(`${source}-${direction}`, element);
                    else buttons.current.delete(`${source}-${direction}`);
                  }}
                  variant="default"
                  size="lg"
                  aria-label={words}
                  disabled={disabled}
                  onClick={() => move(index, direction)}
                >
                  {direction === "up" ? <IconArrowUp size={16} aria-hidden="true" /> : <IconArrowDown size={16} aria-hidden="true" />}
                </ActionIcon>
              </Tooltip>
            );
          };
          return (
            <Paper component="li" key={source} withBorder radius="md" px="sm" py="xs" data-testid="price-source-item" data-source={source}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap="sm" wrap="nowrap">
                  <Badge variant="light" color="gray" radius="sm" className="tabular-nums" aria-hidden="true">
                    {index + 1}
                  </Badge>
                  <ThemeIcon variant="light" color={color} radius="md" aria-hidden="true">
                    <Icon size={16} />
                  </ThemeIcon>
                  <div>
                    <Text size="sm" fw={500}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {meaning}
                    </Text>
                  </div>
                </Group>
                <Group gap={4} wrap="nowrap">
                  {moveButton("up")}
                  {moveButton("down")}
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Box>
      <Text size="sm" c="dimmed">
        Asked in this order: the first with a price that is not stale is used; when all are stale, the most recent.
      </Text>
      {setOrder.isError && <FailureAlert title="The order was not saved" error={setOrder.error} />}
    </Stack>
  );
}
