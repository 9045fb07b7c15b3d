import type { BudgetChart, PortfolioCharts, UnlockMonth } from "../api";
import { amountFixture } from "./fixtures";

/** Charts with nothing to draw: no records, no budget, no unlocks (what a new user's portfolio answers). */
export function emptyChartsFixture(overrides: Partial<PortfolioCharts> = {}): PortfolioCharts {
  return { currency: "USD", valueOverTime: [], budget: null, unlocks: [], ...overrides };
}

/** The 2027 budget of 20,000 USD: 12,000.5 committed on 10 Jan, a payment with no price on 5 Feb, a refund on 1 Mar. */
export const budgetChartFixture: BudgetChart = {
  period: "2027",
  currency: "USD",
  total: "20000",
  startsAt: "2027-01-01T00:00:00Z",
  endsAt: "2028-01-01T00:00:00Z",
  steps: [
    { at: "2027-01-10T12:00:00Z", committed: "12000.5", complete: true },
    { at: "2027-02-05T12:00:00Z", committed: "12000.5", complete: false },
    { at: "2027-03-01T12:00:00Z", committed: "11000.5", complete: false },
  ],
};

/** Unlocks of AUR (priced) in two months, and of BOR (priced) in the second. */
export const pricedUnlocksFixture: UnlockMonth[] = [
  { month: "2027-02", tokens: [{ amount: amountFixture("300", "AUR"), value: "1200" }] },
  {
    month: "2027-03",
    tokens: [
      { amount: amountFixture("300", "AUR"), value: "1200" },
      { amount: amountFixture("50.5", "BOR"), value: "101" },
    ],
  },
];

/** The same, but BOR has no price in the portfolio's currency. */
export const partlyPricedUnlocksFixture: UnlockMonth[] = [
  { month: "2027-02", tokens: [{ amount: amountFixture("300", "AUR"), value: "1200" }] },
  {
    month: "2027-03",
    tokens: [
      { amount: amountFixture("300", "AUR"), value: "1200" },
      { amount: amountFixture("50.5", "BOR"), value: null },
    ],
  },
];

/** The portfolio's charts in USD: three points of value (the middle one leaving out ZED), the 2027 budget, priced unlocks. */
export function portfolioChartsFixture(overrides: Partial<PortfolioCharts> = {}): PortfolioCharts {
  return {
    currency: "USD",
    valueOverTime: [
      { at: "2026-12-01T12:00:00Z", value: "3000", unpriced: [] },
      { at: "2026-12-20T12:00:00Z", value: "3500.25", unpriced: ["ZED"] },
      { at: "2027-01-10T12:00:00Z", value: "4600", unpriced: [] },
    ],
    budget: budgetChartFixture,
    unlocks: pricedUnlocksFixture,
    ...overrides,
  };
}
