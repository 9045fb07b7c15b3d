import { formatDecimalString } from "../format/amount";

/**
 * A percentage string from the backend ("15.5") as a bar width from 0 to 100. The only
 * place a budget figure becomes a number, and only for CSS: money stays a string.
 */
export function barWidth(percent: string | null): number {
  const value = percent === null ? 0 : Number(percent);
  return Number.isFinite(value) ? Math.max(0, Math.min(value, 100)) : 0;
}

/** Calm while well within, amber near the end, red once it is all used (the percentage is always written beside it). */
export function barColor(percent: string | null): string {
  const value = barWidth(percent);
  return value >= 100 ? "red" : value >= 80 ? "yellow" : "teal";
}

export function money(amount: string, currency: string): string {
  return `${formatDecimalString(amount)} ${currency}`;
}
