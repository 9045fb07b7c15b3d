import { formatLocalDate, formatLocalDateTime } from "../format/time";

/**
 * An exact decimal string from the backend ("17000.5") as a number, only to draw it (a
 * point's height, a bar's length): the figures written anywhere stay the exact strings.
 * `null` (nothing drawn) for one that cannot be read.
 */
export function drawnNumber(decimal: string): number | null {
  const value = Number(decimal);
  return decimal.trim() === "" || !Number.isFinite(value) ? null : value;
}

/**
 * The x-axis labels of a series of moments: local dates, or local dates and times when two
 * moments fall on the same day (so no two labels read alike).
 */
export function momentLabels(isos: ReadonlyArray<string>): string[] {
  const dates = isos.map(formatLocalDate);
  return new Set(dates).size === dates.length ? dates : isos.map(formatLocalDateTime);
}

/** A month as the backend writes it ("2027-01") in words ("Jan 2027"), in the user's language. */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [, year = "0", number = "1"] = match;
  const time = Date.UTC(Number(year), Number(number) - 1, 1);
  return new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" }).format(time);
}

/** A list of names in words: "A", "A and B", "A, B and C". */
export function listInWords(names: ReadonlyArray<string>): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** An axis tick (a round number Chart.js chose, not a figure of the user's) with its unit: "2,500 USD". */
export function tickText(value: number | string, unit: string): string {
  const number = typeof value === "number" ? value : Number(value);
  const text = Number.isFinite(number) ? new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(number) : String(value);
  return unit ? `${text} ${unit}` : text;
}
