// Placeholder for the bindings that tauri-specta generates from the Rust commands.
// The Rust build overwrites this file; do not edit it by hand and put nothing else here.

import { invoke as TAURI_INVOKE } from "@tauri-apps/api/core";

export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export const commands = {
  async listSales(): Promise<Result<Sale[], AppError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("list_sales") };
    } catch (e) {
      if (e instanceof Error) throw e;
      return { status: "error", error: e as AppError };
    }
  },
  async getSale(id: number): Promise<Result<Sale, AppError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("get_sale", { id }) };
    } catch (e) {
      if (e instanceof Error) throw e;
      return { status: "error", error: e as AppError };
    }
  },
  async createSale(input: SaleInput): Promise<Result<Sale, AppError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("create_sale", { input }) };
    } catch (e) {
      if (e instanceof Error) throw e;
      return { status: "error", error: e as AppError };
    }
  },
  async updateSale(id: number, input: SaleInput): Promise<Result<Sale, AppError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("update_sale", { id, input }) };
    } catch (e) {
      if (e instanceof Error) throw e;
      return { status: "error", error: e as AppError };
    }
  },
  async deleteSale(id: number): Promise<Result<null, AppError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("delete_sale", { id }) };
    } catch (e) {
      if (e instanceof Error) throw e;
      return { status: "error", error: e as AppError };
    }
  },
  async appInfo(): Promise<Result<AppInfo, AppError>> {
    try {
      return { status: "ok", data: await TAURI_INVOKE("app_info") };
    } catch (e) {
      if (e instanceof Error) throw e;
      return { status: "error", error: e as AppError };
    }
  },
};

export type AppInfo = { version: string; dataDir: string; databasePath: string; logPath: string };
export type AppError = { code: ErrorCode; message: string; field: string | null; invalidFields: FieldError[] };
export type FieldError = { field: string; code: ErrorCode; message: string };
export type ErrorCode =
  | "required"
  | "too_long"
  | "invalid_amount"
  | "too_many_decimal_places"
  | "amount_too_large"
  | "invalid_decimals"
  | "invalid_chain_id"
  | "invalid_address"
  | "bad_checksum"
  | "invalid_symbol"
  | "invalid_datetime"
  | "ends_before_start"
  | "soft_cap_above_hard_cap"
  | "min_above_max"
  | "invalid_url"
  | "sale_not_found"
  | "database_newer_than_app"
  | "not_a_database"
  | "storage_failed"
  | "data_dir_unavailable"
  | "internal";
export type SaleInput = {
  projectName: string;
  tokenSymbol: string;
  tokenDecimals: string;
  chainId: string;
  contributionAddress: string;
  currencyKind: CurrencyKind;
  currencySymbol: string;
  currencyAddress: string;
  currencyDecimals: string;
  pricingKind: PricingKind;
  pricingAmount: string;
  softCap: string;
  hardCap: string;
  minContribution: string;
  maxContribution: string;
  startsAt: string;
  endsAt: string;
  kycRequired: boolean;
  whitepaperUrl: string;
  notes: string;
};
export type CurrencyKind = "native" | "erc20";
export type PricingKind = "none" | "price" | "rate";
export type SaleStatus = "upcoming" | "open" | "ended";
export type Amount = { baseUnits: string; decimals: number; decimal: string; symbol: string };
export type AcceptedCurrency = { kind: CurrencyKind; symbol: string; decimals: number; address: string | null };
export type Pricing = { kind: "price" | "rate"; amount: Amount };
export type Sale = {
  id: number;
  projectName: string;
  tokenSymbol: string;
  tokenDecimals: number;
  chainId: number;
  contributionAddress: string;
  currency: AcceptedCurrency;
  pricing: Pricing | null;
  softCap: Amount | null;
  hardCap: Amount | null;
  minContribution: Amount | null;
  maxContribution: Amount | null;
  startsAt: string;
  endsAt: string;
  kycRequired: boolean;
  whitepaperUrl: string | null;
  notes: string;
  status: SaleStatus;
  createdAt: string;
  updatedAt: string;
};
