import { describe, expect, it } from "vitest";
import { saleInputForSubmission, emptySaleInput } from "../sales/saleInput";
import { parseRoute, routeHref, type Route } from "../shell/route";
import { compareAmountValues, formatDecimalString } from "./amount";
import { formatUtcDateTime, localPreviewOfUtcInput } from "./time";

const amount = (decimal: string, baseUnits: string, decimals: number) => ({ decimal, baseUnits, decimals, symbol: "X" });

describe("amounts", () => {
  it.each([
    ["0", "0"],
    ["999", "999"],
    ["1000", "1,000"],
    ["1234567.5", "1,234,567.5"],
    ["0.000000000000000001", "0.000000000000000001"],
    ["123456789012345678901234567890.123456789012345678", "123,456,789,012,345,678,901,234,567,890.123456789012345678"],
    ["-1500.25", "-1,500.25"],
  ])("groups %s as %s without rounding", (input, expected) => {
    expect(formatDecimalString(input)).toBe(expected);
  });

  it("compares exactly across decimals, beyond floating-point precision", () => {
    expect(compareAmountValues(amount("1.000000000000000001", "1000000000000000001", 18), amount("1", "1000000", 6))).toBe(1);
    expect(compareAmountValues(amount("1", "1000000000000000000", 18), amount("1", "1000000", 6))).toBe(0);
    expect(compareAmountValues(amount("0.5", "500000", 6), amount("1", "1", 0))).toBe(-1);
  });
});

describe("times", () => {
  it("shows UTC with seconds only when they matter", () => {
    expect(formatUtcDateTime("2026-12-01T14:00:00Z")).toBe("2026-12-01 14:00 UTC");
    expect(formatUtcDateTime("2026-12-01T14:00:30Z")).toBe("2026-12-01 14:00:30 UTC");
  });

  it("previews what was typed in local time, and nothing for what it cannot read", () => {
    expect(localPreviewOfUtcInput("2026-12-01 14:00")).toContain("2026");
    expect(localPreviewOfUtcInput("2026-02-30 14:00")).toBeNull();
    expect(localPreviewOfUtcInput("tomorrow")).toBeNull();
  });
});

describe("the sale input sent to the backend", () => {
  it("empties what the current choices hide", () => {
    const sent = saleInputForSubmission({
      ...emptySaleInput,
      currencyKind: "native",
      currencyAddress: "0xabc",
      currencyDecimals: "6",
      pricingKind: "none",
      pricingAmount: "3",
    });
    expect(sent).toMatchObject({ currencyAddress: "", currencyDecimals: "", pricingAmount: "" });
  });
});

describe("routes", () => {
  const routes: Route[] = [
    { area: "dashboard", view: "overview" },
    { area: "dashboard", view: "calendar" },
    { area: "sales", view: "list" },
    { area: "sales", view: "new" },
    { area: "sales", view: "detail", saleId: 12 },
    { area: "sales", view: "edit", saleId: 12 },
    { area: "sales", view: "review", saleId: 12 },
    { area: "accounts", view: "list" },
    { area: "accounts", view: "new" },
    { area: "accounts", view: "import" },
    { area: "accounts", view: "hardware" },
    { area: "accounts", view: "contacts" },
    { area: "accounts", view: "detail", accountId: 4 },
    { area: "participations", view: "list" },
    { area: "participations", view: "detail", participationId: 7 },
    { area: "participations", view: "contribute", participationId: 7 },
    { area: "participations", view: "refund", participationId: 7 },
    { area: "budget" },
    { area: "settings" },
  ];
  it.each(routes)("round-trips %o through the hash", (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it("falls back for hashes it does not know", () => {
    expect(parseRoute("")).toEqual({ area: "dashboard", view: "overview" });
    expect(parseRoute("#/nowhere")).toEqual({ area: "dashboard", view: "overview" });
    expect(parseRoute("#/dashboard/elsewhere")).toEqual({ area: "dashboard", view: "overview" });
    expect(parseRoute("#/sales/abc")).toEqual({ area: "sales", view: "list" });
    expect(parseRoute("#/sales/abc/review")).toEqual({ area: "sales", view: "list" });
    expect(parseRoute("#/sales/12/elsewhere")).toEqual({ area: "sales", view: "detail", saleId: 12 });
  });

  it("gives a sale's review page and the contacts their own addresses", () => {
    expect(routeHref({ area: "sales", view: "review", saleId: 30 })).toBe("#/sales/30/review");
    expect(parseRoute("#/sales/30/review")).toEqual({ area: "sales", view: "review", saleId: 30 });
    expect(routeHref({ area: "accounts", view: "contacts" })).toBe("#/accounts/contacts");
    expect(parseRoute("#/accounts/contacts")).toEqual({ area: "accounts", view: "contacts" });
  });

  it("gives the contribution and refund wizards their own addresses under the participation", () => {
    expect(routeHref({ area: "participations", view: "contribute", participationId: 5 })).toBe("#/participations/5/contribute");
    expect(parseRoute("#/participations/5/refund")).toEqual({ area: "participations", view: "refund", participationId: 5 });
    expect(parseRoute("#/participations/5/elsewhere")).toEqual({ area: "participations", view: "detail", participationId: 5 });
  });
});
