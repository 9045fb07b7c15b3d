import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../App";
import { createQueryClient } from "../queryClient";
import { portfolioFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { areas } from "./areas";
import { shellMarkup } from "./prerender";
import { areaHref } from "./route";

function prerendered(): HTMLElement {
  const root = document.createElement("div");
  root.id = "root";
  root.innerHTML = shellMarkup();
  document.body.appendChild(root);
  return root;
}

describe("the frame the build draws into index.html", () => {
  it("is the app's frame on the dashboard: its name, one link per area, no page, no script", () => {
    const root = prerendered();

    expect(root.querySelector("[data-shell]")).toHaveAttribute("data-shell", "prerendered");
    expect(root.querySelector("h2")).toHaveTextContent("Saleguard");
    const links = [...root.querySelectorAll("nav[aria-label='Main'] a")];
    expect(links.map((link) => link.textContent)).toEqual(areas.map(({ label }) => label));
    expect(links.map((link) => link.getAttribute("href"))).toEqual(areas.map(({ area }) => areaHref(area)));
    expect(root.querySelector("[data-testid='nav-dashboard']")).toHaveAttribute("aria-current", "page");
    expect(root.querySelector("#main-content")?.childElementCount).toBe(0);
    expect(root.querySelector("#main-content")).toHaveAttribute("aria-busy", "true");
    expect(root.querySelector("script")).toBeNull();
    root.remove();
  });

  it("is replaced by the live app on its first render, not kept beside it", async () => {
    fakeBackend({
      list_sales: () => [],
      calendar: () => [],
      get_portfolio: () => portfolioFixture(),
      get_current_budget: () => null,
      backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }),
    });
    window.location.hash = "#/dashboard";
    const root = prerendered();

    render(<App queryClient={createQueryClient()} env="test" />, { container: root });

    await screen.findByTestId("sales-tracked-count");
    expect([...document.querySelectorAll("[data-shell]")].map((frame) => frame.getAttribute("data-shell"))).toEqual(["live"]);
    expect(screen.getAllByTestId("nav-sales")).toHaveLength(1);
    expect(document.querySelector("#main-content")).not.toHaveAttribute("aria-busy");
  });
});
