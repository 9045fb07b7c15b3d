// A tiny hash router: the route lives in `location.hash` ("#/sales/12/edit"), so nav
// items are real links (keyboard and screen readers treat them as such) and a reload
// keeps the place. Unknown hashes fall back to the dashboard.

import { useSyncExternalStore } from "react";

export type Area = "dashboard" | "sales" | "participations" | "accounts" | "budget" | "portfolio" | "settings";

export type SalesRoute =
  | { area: "sales"; view: "list" }
  | { area: "sales"; view: "new" }
  | { area: "sales"; view: "detail"; saleId: number }
  | { area: "sales"; view: "edit"; saleId: number };

export type Route = SalesRoute | { area: Exclude<Area, "sales"> };

const simpleAreas: ReadonlyArray<Exclude<Area, "sales">> = [
  "dashboard",
  "participations",
  "accounts",
  "budget",
  "portfolio",
  "settings",
];

function parseSaleId(text: string | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

export function parseRoute(hash: string): Route {
  const segments = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const [area, second, third] = segments;
  if (area === "sales") {
    if (second === undefined) return { area: "sales", view: "list" };
    if (second === "new") return { area: "sales", view: "new" };
    const saleId = parseSaleId(second);
    if (saleId === null) return { area: "sales", view: "list" };
    if (third === "edit") return { area: "sales", view: "edit", saleId };
    return { area: "sales", view: "detail", saleId };
  }
  const simple = simpleAreas.find((candidate) => candidate === area);
  return { area: simple ?? "dashboard" };
}

export function routeHref(route: Route): string {
  if (route.area !== "sales") return `#/${route.area}`;
  switch (route.view) {
    case "list":
      return "#/sales";
    case "new":
      return "#/sales/new";
    case "detail":
      return `#/sales/${route.saleId}`;
    case "edit":
      return `#/sales/${route.saleId}/edit`;
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
