import { act, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppProviders } from "../App";
import { createQueryClient } from "../queryClient";
import { renderComponent } from "../test/renderComponent";
import { PageBoundary, PageLoading } from "./PageLoading";

function Broken(): never {
  throw new Error("the page's code could not be read");
}

describe("a page while and if it cannot load", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("says it is opening only when loading takes a noticeable moment", () => {
    vi.useFakeTimers();
    renderComponent(<PageLoading />);
    expect(screen.queryByText("Opening the page…")).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(199));
    expect(screen.queryByText("Opening the page…")).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole("status")).toHaveTextContent("Opening the page…");
  });

  it("shows a page that fails in its place, and the next page normally", () => {
    // React reports the caught error on the console; the test looks at the window.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const queryClient = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AppProviders queryClient={queryClient} env="test">
        {children}
      </AppProviders>
    );
    // The same boundary throughout, as in the window: only the route changes.
    const { rerender } = render(
      <PageBoundary routeKey="#/portfolio">
        <Broken />
      </PageBoundary>,
      { wrapper },
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("This page could not be shown");
    expect(alert).toHaveTextContent("the page's code could not be read");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();

    rerender(
      <PageBoundary routeKey="#/sales">
        <p>Sales</p>
      </PageBoundary>,
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByText("Sales")).toBeInTheDocument();
  });
});
