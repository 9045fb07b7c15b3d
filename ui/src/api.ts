// The only way the UI reaches the backend. Every function unwraps the generated
// `Result` and throws the backend's `AppError` object on failure, so TanStack Query
// sees it as the query's or mutation's error. Components import from here, never
// from `./bindings` or `@tauri-apps/api/core` directly.

import { commands } from "./bindings";
import type { AppError, AppInfo, ErrorCode, Result, Sale, SaleInput } from "./bindings";

export type {
  AcceptedCurrency,
  Amount,
  AppError,
  AppInfo,
  CurrencyKind,
  ErrorCode,
  FieldError,
  Pricing,
  PricingKind,
  Sale,
  SaleInput,
  SaleStatus,
} from "./bindings";

/** What a failed backend call throws: the backend's typed error, or an `Error` when the call itself broke. */
export type BackendFailure = AppError | Error;

function unwrap<T>(result: Result<T, AppError>): T {
  if (result.status === "error") {
    throw result.error;
  }
  return result.data;
}

export const api = {
  listSales: async (): Promise<Sale[]> => unwrap(await commands.listSales()),
  getSale: async (id: number): Promise<Sale> => unwrap(await commands.getSale(id)),
  createSale: async (input: SaleInput): Promise<Sale> => unwrap(await commands.createSale(input)),
  updateSale: async (id: number, input: SaleInput): Promise<Sale> =>
    unwrap(await commands.updateSale(id, input)),
  deleteSale: async (id: number): Promise<void> => {
    unwrap(await commands.deleteSale(id));
  },
  appInfo: async (): Promise<AppInfo> => unwrap(await commands.appInfo()),
};

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof AppError, unknown>>;
  return (
    typeof candidate.code === "string" &&
    typeof candidate.message === "string" &&
    Array.isArray(candidate.invalidFields)
  );
}

export function hasErrorCode(value: unknown, code: ErrorCode): boolean {
  return isAppError(value) && value.code === code;
}

/** The human-readable text of any failure, for display only (never matched on). */
export function failureMessage(value: unknown): string {
  if (isAppError(value)) return value.message;
  if (value instanceof Error) return value.message;
  return String(value);
}
