import { Badge } from "@mantine/core";
import { IconCircleCheck, IconClockHour4, IconFlag } from "@tabler/icons-react";
import type { SaleStatus } from "../api";

// Colour, icon and word together: the status never depends on colour alone.
const statusLooks = {
  upcoming: { label: "Upcoming", color: "blue", Icon: IconClockHour4 },
  open: { label: "Open", color: "teal", Icon: IconCircleCheck },
  ended: { label: "Ended", color: "gray", Icon: IconFlag },
} satisfies Record<SaleStatus, { label: string; color: string; Icon: typeof IconFlag }>;

export function SaleStatusBadge({ status }: { status: SaleStatus }) {
  const { label, color, Icon } = statusLooks[status];
  return (
    <Badge
      variant="light"
      color={color}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<Icon size={14} stroke={2} aria-hidden="true" />}
      data-status={status}
      // Never shortened to "Upc…" in a narrow column.
      styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
    >
      {label}
    </Badge>
  );
}
