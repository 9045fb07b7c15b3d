import { describe, expect, it } from "vitest";
import { saleFixture } from "../test/fixtures";
import { nextSort, sortSales } from "./sortSales";

describe("sorting sales", () => {
  const usdc = (decimal: string, baseUnits: string) => ({ decimal, baseUnits, decimals: 6, symbol: "USDC" });
  const sales = [
    saleFixture({ id: 1, projectName: "No cap", hardCap: null }),
    saleFixture({ id: 2, projectName: "Big", hardCap: usdc("1000000", "1000000000000") }),
    saleFixture({ id: 3, projectName: "Small", hardCap: usdc("9.5", "9500000") }),
  ];

  it("orders caps by exact value and keeps sales without a cap last in both directions", () => {
    const ascending = sortSales(sales, { key: "hardCap", direction: "ascending" });
    expect(ascending.map((sale) => sale.projectName)).toEqual(["Small", "Big", "No cap"]);
    const descending = sortSales(sales, { key: "hardCap", direction: "descending" });
    expect(descending.map((sale) => sale.projectName)).toEqual(["Big", "Small", "No cap"]);
  });

  it("does not change the list it was given", () => {
    const before = sales.map((sale) => sale.id);
    sortSales(sales, { key: "projectName", direction: "descending" });
    expect(sales.map((sale) => sale.id)).toEqual(before);
  });

  it("flips the direction of the sorted column and starts others ascending", () => {
    expect(nextSort({ key: "chainId", direction: "ascending" }, "chainId")).toEqual({ key: "chainId", direction: "descending" });
    expect(nextSort({ key: "chainId", direction: "descending" }, "status")).toEqual({ key: "status", direction: "ascending" });
  });
});
