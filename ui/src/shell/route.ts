// A tiny hash router: the route lives in `location.hash` ("#/sales/12/edit"), so nav
// items are real links (keyboard and screen readers treat them as such) and a reload
// keeps the place. Unknown hashes fall back to the dashboard.

import { useSyncExternalStore } from "react";
import type { Replacement } from "../api";

export type Area = "dashboard" | "sales" | "participations" | "accounts" | "budget" | "portfolio" | "settings";

export type SalesRoute =
  | { area: "sales"; view: "list" }
  | { area: "sales"; view: "new" }
  | { area: "sales"; view: "detail"; saleId: number }
  | { area: "sales"; view: "edit"; saleId: number }
  /** Reviewing a contribution to the sale before it is made: findings, budget impact, overrides. */
  | { area: "sales"; view: "review"; saleId: number };

export type AccountsRoute =
  | { area: "accounts"; view: "list" }
  | { area: "accounts"; view: "new" }
  | { area: "accounts"; view: "import" }
  /** Adding an address of a hardware wallet (Ledger, Trezor) as an account. */
  | { area: "accounts"; view: "hardware" }
  /** The address book: known addresses that look-alike destinations are compared with. */
  | { area: "accounts"; view: "contacts" }
  | { area: "accounts"; view: "detail"; accountId: number };

export type ParticipationsRoute =
  | { area: "participations"; view: "list" }
  | { area: "participations"; view: "detail"; participationId: number }
  /** The wizard that plans, signs, sends and follows a contribution to the participation's sale. */
  | { area: "participations"; view: "contribute"; participationId: number }
  /** The same wizard for a refund claim (the sale's refund function). */
  | { area: "participations"; view: "refund"; participationId: number }
  /** The same wizard for any other of the sale's actions (a token claim, a call the user named…). */
  | { area: "participations"; view: "act"; participationId: number; actionId: number }
  /** The same wizard for taking back what an account allows `spender` to take of the sale's payment token. */
  | { area: "participations"; view: "revoke"; participationId: number; spender: string }
  /** The same wizard for a stuck transaction, sped up or cancelled. */
  | { area: "participations"; view: "replace"; participationId: number; transactionId: string; how: Replacement };

/** The dashboard, and under it the month-by-month calendar of the same events. */
export type DashboardRoute = { area: "dashboard"; view: "overview" } | { area: "dashboard"; view: "calendar" };

type SimpleArea = Exclude<Area, "dashboard" | "sales" | "accounts" | "participations">;

export type Route = DashboardRoute | SalesRoute | AccountsRoute | ParticipationsRoute | { area: SimpleArea };

const simpleAreas: ReadonlyArray<SimpleArea> = ["budget", "portfolio", "settings"];

function parseId(text: string | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

export function parseRoute(hash: string): Route {
  const segments = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const [area, second, third, fourth, fifth] = segments;
  if (area === "sales") {
    if (second === undefined) return { area: "sales", view: "list" };
    if (second === "new") return { area: "sales", view: "new" };
    const saleId = parseId(second);
    if (saleId === null) return { area: "sales", view: "list" };
    if (third === "edit") return { area: "sales", view: "edit", saleId };
    if (third === "review") return { area: "sales", view: "review", saleId };
    return { area: "sales", view: "detail", saleId };
  }
  if (area === "accounts") {
    if (second === "new") return { area: "accounts", view: "new" };
    if (second === "import") return { area: "accounts", view: "import" };
    if (second === "hardware") return { area: "accounts", view: "hardware" };
    if (second === "contacts") return { area: "accounts", view: "contacts" };
    const accountId = parseId(second);
    if (accountId === null) return { area: "accounts", view: "list" };
    return { area: "accounts", view: "detail", accountId };
  }
  if (area === "participations") {
    const participationId = parseId(second);
    if (participationId === null) return { area: "participations", view: "list" };
    if (third === "contribute") return { area: "participations", view: "contribute", participationId };
    if (third === "refund") return { area: "participations", view: "refund", participationId };
    const actionId = parseId(fourth);
    if (third === "act" && actionId !== null) return { area: "participations", view: "act", participationId, actionId };
    if (third === "replace" && fourth && /^[0-9a-f]{32}$/.test(fourth) && (fifth === "speed_up" || fifth === "cancel")) {
      return { area: "participations", view: "replace", participationId, transactionId: fourth, how: fifth };
    }
    if (third === "revoke" && fourth && /^0x[0-9a-fA-F]{40}$/.test(fourth)) {
      return { area: "participations", view: "revoke", participationId, spender: fourth };
    }
    return { area: "participations", view: "detail", participationId };
  }
  const simple = simpleAreas.find((candidate) => candidate === area);
  if (simple) return { area: simple };
  if (area === "dashboard" && second === "calendar") return { area: "dashboard", view: "calendar" };
  return { area: "dashboard", view: "overview" };
}

export function routeHref(route: Route): string {
  switch (route.area) {
    case "sales":
      return salesHref(route);
    case "accounts":
      return accountsHref(route);
    case "participations":
      return participationsHref(route);
    case "dashboard":
      return route.view === "overview" ? "#/dashboard" : "#/dashboard/calendar";
    default:
      return `#/${route.area}`;
  }
}

function salesHref(route: SalesRoute): string {
  switch (route.view) {
    case "list":
      return "#/sales";
    case "new":
      return "#/sales/new";
    case "detail":
      return `#/sales/${route.saleId}`;
    case "edit":
      return `#/sales/${route.saleId}/edit`;
    case "review":
      return `#/sales/${route.saleId}/review`;
  }
}

function participationsHref(route: ParticipationsRoute): string {
  switch (route.view) {
    case "list":
      return "#/participations";
    case "detail":
      return `#/participations/${route.participationId}`;
    case "contribute":
      return `#/participations/${route.participationId}/contribute`;
    case "refund":
      return `#/participations/${route.participationId}/refund`;
    case "act":
      return `#/participations/${route.participationId}/act/${route.actionId}`;
    case "revoke":
      return `#/participations/${route.participationId}/revoke/${route.spender}`;
    case "replace":
      return `#/participations/${route.participationId}/replace/${route.transactionId}/${route.how}`;
  }
}

function accountsHref(route: AccountsRoute): string {
  switch (route.view) {
    case "list":
      return "#/accounts";
    case "new":
      return "#/accounts/new";
    case "import":
      return "#/accounts/import";
    case "hardware":
      return "#/accounts/hardware";
    case "contacts":
      return "#/accounts/contacts";
    case "detail":
      return `#/accounts/${route.accountId}`;
  }
}

/** The entry page of an area, for the navigation rail. */
export function areaHref(area: Area): string {
  return `#/${area}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function currentHash(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, currentHash);
  return parseRoute(hash);
}
