import { formatDecimalString } from "../format/amount";

/** Money in the portfolio's currency; a value that is not known says so, never "0". */
export function moneyText(amount: string | null, currency: string): string {
  return amount === null ? "Unknown" : `${formatDecimalString(amount)} ${currency}`;
}

/** Gains are written with their sign, so a loss never reads as a gain. */
export function gainText(amount: string | null, currency: string): string {
  if (amount === null) return "Unknown";
  const positive = !amount.startsWith("-") && !/^0(\.0*)?$/.test(amount);
  return `${positive ? "+" : ""}${moneyText(amount, currency)}`;
}

/** A colour for a gain: teal up, red down, none for nothing or unknown (the sign is always written too). */
export function gainColor(amount: string | null): string | undefined {
  if (amount === null || /^-?0(\.0*)?$/.test(amount)) return undefined;
  return amount.startsWith("-") ? "red" : "teal";
}

/** The sum of two gains as exact decimal strings, for the headline's profit (realized + unrealized). */
export function addDecimalStrings(a: string, b: string): string {
  const places = Math.max(a.split(".")[1]?.length ?? 0, b.split(".")[1]?.length ?? 0);
  const units = (text: string) => {
    const negative = text.startsWith("-");
    const [integer = "0", fraction = ""] = text.replace(/^-/, "").split(".");
    const value = BigInt(integer + fraction.padEnd(places, "0"));
    return negative ? -value : value;
  };
  const sum = units(a) + units(b);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(places + 1, "0");
  const whole = places === 0 ? digits : digits.slice(0, -places);
  const fraction = places === 0 ? "" : digits.slice(-places).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
