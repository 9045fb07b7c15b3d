import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

describe("the dashboard", () => {
  it("counts the sales tracked and names the next to open and to close, from list_sales", async () => {
    fakeBackend({
      list_sales: () => [
        saleFixture({ id: 1, projectName: "Later Upcoming", status: "upcoming", startsAt: "2027-02-01T10:00:00Z" }),
        saleFixture({ id: 2, projectName: "Soon Upcoming", status: "upcoming", startsAt: "2027-01-01T10:00:00Z" }),
        saleFixture({ id: 3, projectName: "Closing First", status: "open", endsAt: "2026-12-02T10:00:00Z" }),
        saleFixture({ id: 4, projectName: "Closing Later", status: "open", endsAt: "2026-12-20T10:00:00Z" }),
        saleFixture({ id: 5, projectName: "Long Gone", status: "ended", startsAt: "2020-01-01T10:00:00Z", endsAt: "2020-02-01T10:00:00Z" }),
      ],
    });
    renderApp("#/dashboard");

    expect(await screen.findByTestId("sales-tracked-count")).toHaveTextContent("5");
    expect(within(screen.getByTestId("next-opening")).getByRole("link")).toHaveTextContent("Soon Upcoming");
    expect(within(screen.getByTestId("next-closing")).getByRole("link")).toHaveTextContent("Closing First");
    expect(screen.getByTestId("not-built-yet")).toHaveTextContent("Portfolio value");
  });

  it("invents nothing when there are no sales", async () => {
    fakeBackend({ list_sales: () => [] });
    renderApp("#/dashboard");

    expect(await screen.findByTestId("sales-tracked-count")).toHaveTextContent("0");
    expect(screen.getByTestId("next-opening")).toHaveTextContent("No upcoming sale.");
    expect(screen.getByTestId("next-closing")).toHaveTextContent("No sale is open.");
  });
});
