import { Text } from "@mantine/core";
import { formatLocalDateTime, formatRelativeTime, formatUtcDateTime } from "../format/time";

type DateTimeTextProps = {
  iso: string;
  /** Adds "(in 3 days)" after the local time. */
  withRelative?: boolean;
};

/** Local time, with the UTC time on hover. */
export function DateTimeText({ iso, withRelative = false }: DateTimeTextProps) {
  return (
    <Text span size="sm" className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
      <time dateTime={iso} title={formatUtcDateTime(iso)}>
        {formatLocalDateTime(iso)}
      </time>
      {withRelative && (
        <Text span size="sm" c="dimmed">
          {" "}
          ({formatRelativeTime(iso)})
        </Text>
      )}
    </Text>
  );
}
