import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { portfolioFixture, priceSourcesFixture, saleFixture, tradesReply } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { emptyChartsFixture } from "../test/portfolioChartsFixtures";
import { renderApp } from "../test/renderApp";
import { settingsPageBasics } from "../test/settingsFixtures";

/** What the dashboard asks for besides the sales and the calendar. */
const dashboardMoney = {
  get_portfolio: () => portfolioFixture(),
  get_current_budget: () => null,
  backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }),
};

describe("the app shell", () => {
  it("has the app name, an honest network placeholder and one link per area", async () => {
    fakeBackend({ list_sales: () => [], calendar: () => [], ...dashboardMoney });
    renderApp();

    expect(screen.getByRole("heading", { name: "Saleguard" })).toBeInTheDocument();
    expect(screen.getByTestId("active-network")).toHaveTextContent("Networks");
    expect(screen.getByTestId("active-network")).toHaveAttribute("href", "#/settings");
    const navigation = screen.getByRole("navigation", { name: "Main" });
    expect(within(navigation).getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Dashboard",
      "Sales",
      "Participations",
      "Accounts",
      "Budget",
      "Portfolio",
      "Settings",
    ]);
    expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("aria-current", "page");
    await screen.findByTestId("sales-tracked-count");
  });

  it("opens the Portfolio area with its title focused, empty until something is held", async () => {
    fakeBackend({ list_sales: () => [], calendar: () => [], ...dashboardMoney, ...tradesReply([]), get_price_sources: () => priceSourcesFixture(), get_portfolio_charts: () => emptyChartsFixture() });
    const { user } = renderApp();

    await user.click(screen.getByTestId("nav-portfolio"));
    expect(await screen.findByRole("heading", { level: 1, name: "Portfolio" })).toHaveFocus();
    expect(screen.getByTestId("nav-portfolio")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("portfolio-empty")).toHaveTextContent("Nothing held yet");
    expect(screen.queryByTestId("not-built-yet")).not.toBeInTheDocument();
  });

  it("moves between areas from the keyboard", async () => {
    fakeBackend({ list_sales: () => [saleFixture({ id: 1, projectName: "Keyboard Protocol" })], calendar: () => [], ...dashboardMoney });
    const { user } = renderApp();

    screen.getByTestId("nav-sales").focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("sales-table")).toBeInTheDocument();
    expect(screen.getByTestId("nav-sales")).toHaveAttribute("aria-current", "page");
  });

  it("shows the data locations and version from app_info in Settings, and nothing unbuilt", async () => {
    fakeBackend({
      list_sales: () => [],
      calendar: () => [],
      ...dashboardMoney,
      ...settingsPageBasics,
      list_countries: () => [{ code: "DE", name: "Germany" }],
      app_info: () => ({
        version: "0.1.0",
        dataDir: "/home/ada/.local/share/saleguard",
        databasePath: "/home/ada/.local/share/saleguard/saleguard.sqlite3",
        logPath: "/home/ada/.local/state/saleguard/saleguard.log",
      }),
    });
    const { user } = renderApp();
    await user.click(screen.getByTestId("nav-settings"));

    const info = await screen.findByTestId("app-info");
    expect(within(info).getByTestId("app-version")).toHaveTextContent("0.1.0");
    expect(info).toHaveTextContent("/home/ada/.local/share/saleguard/saleguard.sqlite3");
    expect(info).toHaveTextContent("/home/ada/.local/state/saleguard/saleguard.log");
    expect(await screen.findByTestId("networks-section")).toBeInTheDocument();
    expect(await screen.findByTestId("price-sources-section")).toBeInTheDocument();
    expect(await screen.findByTestId("backup-status")).toHaveTextContent("No backup yet.");
    expect(screen.queryByTestId("not-built-yet")).not.toBeInTheDocument();
    expect(screen.queryByText(/not built yet/i)).not.toBeInTheDocument();
  });
});
