import { IconCircleCheck, IconClockHour4, IconFlag } from "@tabler/icons-react";
import type { SaleStatus } from "../api";
import { LooksBadge } from "../common/LooksBadge";

// Colour, icon and word together: the status never depends on colour alone.
const statusLooks = {
  upcoming: { label: "Upcoming", color: "blue", Icon: IconClockHour4 },
  open: { label: "Open", color: "teal", Icon: IconCircleCheck },
  ended: { label: "Ended", color: "gray", Icon: IconFlag },
} satisfies Record<SaleStatus, { label: string; color: string; Icon: typeof IconFlag }>;

export function SaleStatusBadge({ status }: { status: SaleStatus }) {
  const { label, color, Icon } = statusLooks[status];
  return (
    <LooksBadge color={color} Icon={Icon} data-status={status} neverShortened>
      {label}
    </LooksBadge>
  );
}
