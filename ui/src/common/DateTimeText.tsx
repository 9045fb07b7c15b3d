import { Text } from "@mantine/core";
import { formatLocalDate, formatLocalDateTime, formatLocalTime, formatRelativeTime, formatUtcDateTime } from "../format/time";

type DateTimeTextProps = {
  iso: string;
  /** Adds "(in 3 days)" after the local time. */
  withRelative?: boolean;
  /** Date on one line, time under it: for table columns. */
  stacked?: boolean;
  /** Text size when not stacked. */
  size?: "xs" | "sm";
};

/** Local time, with the UTC time on hover. */
export function DateTimeText({ iso, withRelative = false, stacked = false, size = "sm" }: DateTimeTextProps) {
  if (stacked) {
    return (
      <time dateTime={iso} title={formatUtcDateTime(iso)} style={{ display: "block", whiteSpace: "nowrap" }}>
        <Text span size="sm" className="tabular-nums" display="block">
          {formatLocalDate(iso)}
        </Text>
        <Text span size="xs" c="dimmed" className="tabular-nums" display="block">
          {formatLocalTime(iso)}
        </Text>
      </time>
    );
  }
  return (
    <Text span size={size} className="tabular-nums" style={{ whiteSpace: "nowrap" }}>
      <time dateTime={iso} title={formatUtcDateTime(iso)}>
        {formatLocalDateTime(iso)}
      </time>
      {withRelative && (
        <Text span size={size} c="dimmed">
          {" "}
          ({formatRelativeTime(iso)})
        </Text>
      )}
    </Text>
  );
}
