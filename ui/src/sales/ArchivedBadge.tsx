import { IconArchive } from "@tabler/icons-react";
import { LooksBadge } from "../common/LooksBadge";
import { formatUtcDateTime } from "../format/time";

/** Marks an archived sale: kept with its history, out of the way. */
export function ArchivedBadge({ archivedAt }: { archivedAt: string }) {
  return (
    <LooksBadge
      variant="outline"
      color="gray"
      Icon={IconArchive}
      title={`Archived ${formatUtcDateTime(archivedAt)}`}
      testId="archived-badge"
      neverShortened
    >
      Archived
    </LooksBadge>
  );
}
