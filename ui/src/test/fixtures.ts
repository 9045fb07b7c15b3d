// Sales as the backend would send them, for tests only.
import type { AppError, Sale } from "../api";

let nextId = 1;

export function saleFixture(overrides: Partial<Sale> = {}): Sale {
  const id = overrides.id ?? nextId++;
  return {
    id,
    projectName: `Project ${id}`,
    tokenSymbol: "TKN",
    tokenDecimals: 18,
    chainId: 1,
    contributionAddress: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    currency: { kind: "native", symbol: "ETH", decimals: 18, address: null },
    pricing: {
      kind: "price",
      amount: { baseUnits: "500000000000000", decimals: 18, decimal: "0.0005", symbol: "ETH" },
    },
    softCap: { baseUnits: "500000000000000000000", decimals: 18, decimal: "500", symbol: "ETH" },
    hardCap: { baseUnits: "1500000000000000000000", decimals: 18, decimal: "1500", symbol: "ETH" },
    minContribution: null,
    maxContribution: null,
    startsAt: "2026-12-01T14:00:00Z",
    endsAt: "2026-12-15T14:00:00Z",
    kycRequired: false,
    whitepaperUrl: null,
    notes: "",
    status: "upcoming",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-01T10:00:00Z",
    ...overrides,
  };
}

export function ethAmount(decimal: string, baseUnits: string) {
  return { baseUnits, decimals: 18, decimal, symbol: "ETH" };
}

export function appErrorFixture(overrides: Partial<AppError> = {}): AppError {
  return {
    code: "internal",
    message: "Something went wrong.",
    field: null,
    invalidFields: [],
    ...overrides,
  };
}
