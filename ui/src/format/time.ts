// The backend sends times as RFC 3339 UTC strings. The UI shows local time and offers
// UTC on hover; relative phrases ("in 3 days") are for upcoming events.

export function timestampOf(iso: string): number {
  return Date.parse(iso);
}

export function formatLocalDateTime(iso: string): string {
  const time = timestampOf(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(time);
}

export function formatLocalDate(iso: string): string {
  const time = timestampOf(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(time);
}

export function formatLocalTime(iso: string): string {
  const time = timestampOf(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(undefined, { timeStyle: "short" }).format(time);
}

/** "2026-12-01 14:00 UTC", with seconds only when they are not zero. */
export function formatUtcDateTime(iso: string): string {
  const time = timestampOf(iso);
  if (Number.isNaN(time)) return iso;
  const text = new Date(time).toISOString(); // 2026-12-01T14:00:05.000Z
  const date = text.slice(0, 10);
  const minutes = text.slice(11, 16);
  const seconds = text.slice(17, 19);
  return seconds === "00" ? `${date} ${minutes} UTC` : `${date} ${minutes}:${seconds} UTC`;
}

const relativeUnits: Array<{ unit: Intl.RelativeTimeFormatUnit; seconds: number }> = [
  { unit: "year", seconds: 365 * 24 * 3600 },
  { unit: "month", seconds: 30 * 24 * 3600 },
  { unit: "day", seconds: 24 * 3600 },
  { unit: "hour", seconds: 3600 },
  { unit: "minute", seconds: 60 },
];

/** "in 3 days", "2 hours ago", "now". */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const time = timestampOf(iso);
  if (Number.isNaN(time)) return iso;
  const differenceInSeconds = (time - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const { unit, seconds } of relativeUnits) {
    if (Math.abs(differenceInSeconds) >= seconds) {
      return format.format(Math.round(differenceInSeconds / seconds), unit);
    }
  }
  return format.format(0, "minute");
}

/** The moment a user typed as UTC ("2026-12-01 14:00" or RFC 3339), or null when it cannot be read here. */
function timeOfUtcInput(text: string): number | null {
  const trimmed = text.trim();
  const simple = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  let time: number;
  if (simple) {
    const [, year, month, day, hour, minute, second] = simple.map(Number);
    time = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second || 0);
    const check = new Date(time);
    if (check.getUTCDate() !== day || check.getUTCHours() !== hour) return null;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(trimmed)) {
    time = Date.parse(trimmed);
  } else {
    return null;
  }
  return Number.isNaN(time) ? null : time;
}

/**
 * The local time of what the user typed as UTC ("2026-12-01 14:00" or RFC 3339), as a
 * hint beside the input. Only a preview: the backend parses and validates the value.
 */
export function localPreviewOfUtcInput(text: string): string | null {
  const time = timeOfUtcInput(text);
  if (time === null) return null;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(time);
}

/** A time as the backend writes it back in a form ("2027-01-15 12:00", UTC), as RFC 3339; null when unreadable. */
export function isoOfUtcInput(text: string): string | null {
  const time = timeOfUtcInput(text);
  return time === null ? null : new Date(time).toISOString().replace(/\.000Z$/, "Z");
}
