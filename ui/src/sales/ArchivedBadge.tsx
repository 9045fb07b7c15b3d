import { Badge } from "@mantine/core";
import { IconArchive } from "@tabler/icons-react";
import { formatUtcDateTime } from "../format/time";

/** Marks an archived sale: kept with its history, out of the way. */
export function ArchivedBadge({ archivedAt }: { archivedAt: string }) {
  return (
    <Badge
      variant="outline"
      color="gray"
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<IconArchive size={14} stroke={2} aria-hidden="true" />}
      title={`Archived ${formatUtcDateTime(archivedAt)}`}
      data-testid="archived-badge"
      styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
    >
      Archived
    </Badge>
  );
}
