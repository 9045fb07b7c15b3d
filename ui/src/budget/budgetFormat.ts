import { formatDecimalString } from "../format/amount";

/**
 * A percentage string from the backend ("15.5", "-3" when over) as a number: 0 when there is
 * none or it cannot be read. The only place a budget figure becomes a number, and only to draw
 * it (a bar's length or width): money stays a string.
 */
export function percentValue(percent: string | null): number {
  const value = percent === null ? 0 : Number(percent);
  return Number.isFinite(value) ? value : 0;
}

/** A length to draw, kept on the track: from 0 to `max` (100, the whole track, unless less is left). */
export function clampToTrack(value: number, max = 100): number {
  return Math.max(0, Math.min(value, max));
}

/** A percentage string from the backend as a bar width from 0 to 100. */
export function barWidth(percent: string | null): number {
  return clampToTrack(percentValue(percent));
}

/** Calm while well within, amber near the end, red once it is all used (the percentage is always written beside it). */
export function barColor(percent: string | null): string {
  const value = barWidth(percent);
  return value >= 100 ? "red" : value >= 80 ? "yellow" : "teal";
}

export function money(amount: string, currency: string): string {
  return `${formatDecimalString(amount)} ${currency}`;
}
