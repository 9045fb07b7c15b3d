// Amounts arrive as exact decimal strings. They are formatted as strings and compared
// as integers of base units: never converted to a floating-point number.

import type { Amount } from "../api";

type NumberSymbols = { group: string; decimal: string };

function numberSymbols(): NumberSymbols {
  const parts = new Intl.NumberFormat().formatToParts(1234567.5);
  return {
    group: parts.find((part) => part.type === "group")?.value ?? ",",
    decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
  };
}

/** Groups the digits of an exact decimal string ("1234567.5" → "1,234,567.5") without rounding it. */
export function formatDecimalString(decimal: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) return decimal;
  const [, sign = "", integer = "", fraction] = match;
  const symbols = numberSymbols();
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, symbols.group);
  return fraction ? `${sign}${grouped}${symbols.decimal}${fraction}` : `${sign}${grouped}`;
}

export function formatAmount(amount: Amount): string {
  return `${formatDecimalString(amount.decimal)} ${amount.symbol}`;
}

/** The exact value in full, for a tooltip. */
export function describeAmountExactly(amount: Amount): string {
  return `${amount.decimal} ${amount.symbol} = ${amount.baseUnits} base units (${amount.decimals} decimals)`;
}

/** Orders two amounts by value, exactly, whatever their decimals. */
export function compareAmountValues(a: Amount, b: Amount): number {
  const decimals = Math.max(a.decimals, b.decimals);
  const left = BigInt(a.baseUnits) * 10n ** BigInt(decimals - a.decimals);
  const right = BigInt(b.baseUnits) * 10n ** BigInt(decimals - b.decimals);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** An exact amount from integer base units ("1250000", 3 decimals → "1250"), without rounding. */
export function amountOfBaseUnits(baseUnits: bigint, decimals: number, symbol: string): Amount {
  const sign = baseUnits < 0n ? "-" : "";
  const digits = (baseUnits < 0n ? -baseUnits : baseUnits).toString();
  let decimal = digits;
  if (decimals > 0) {
    const padded = digits.padStart(decimals + 1, "0");
    const whole = padded.slice(0, -decimals);
    const fraction = padded.slice(-decimals).replace(/0+$/, "");
    decimal = fraction ? `${whole}.${fraction}` : whole;
  }
  return { baseUnits: baseUnits.toString(), decimals, decimal: `${sign}${decimal}`, symbol };
}

/** The share of `part` in `whole`, in tenths of a percent, rounded down (0 when `whole` is zero). */
export function permilleOf(part: Amount, whole: Amount): number {
  const total = BigInt(whole.baseUnits);
  if (total === 0n) return 0;
  return Number((BigInt(part.baseUnits) * 1000n) / total);
}

/** Orders two exact decimal strings ("-12.5", "3") by value, without converting them to numbers. */
export function compareDecimalStrings(a: string, b: string): number {
  const parse = (text: string) => {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return null;
    const [, sign = "", integer = "0", fraction = ""] = match;
    return { negative: sign === "-", integer: integer.replace(/^0+(?=\d)/, ""), fraction: fraction.replace(/0+$/, "") };
  };
  const left = parse(a);
  const right = parse(b);
  if (!left || !right) return a.localeCompare(b);
  const leftZero = /^0*$/.test(left.integer + left.fraction);
  const rightZero = /^0*$/.test(right.integer + right.fraction);
  const leftNegative = left.negative && !leftZero;
  const rightNegative = right.negative && !rightZero;
  if (leftNegative !== rightNegative) return leftNegative ? -1 : 1;
  const places = Math.max(left.fraction.length, right.fraction.length);
  const leftUnits = BigInt(left.integer + left.fraction.padEnd(places, "0"));
  const rightUnits = BigInt(right.integer + right.fraction.padEnd(places, "0"));
  const order = leftUnits === rightUnits ? 0 : leftUnits < rightUnits ? -1 : 1;
  return leftNegative ? -order : order;
}
