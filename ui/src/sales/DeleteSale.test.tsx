import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Sale } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

function backendWith(sale: Sale, deleteSale: () => unknown = () => null) {
  let sales = [sale];
  let current = sale;
  return fakeBackend({
    list_sales: () => sales,
    list_official_addresses: () => [],
    get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
    get_sale: () => current,
    list_participations: () => [],
    delete_sale: () => {
      const reply = deleteSale();
      sales = [];
      return reply;
    },
    set_sale_archived: (args) => {
      const { archived } = args as { id: number; archived: boolean };
      current = { ...current, archivedAt: archived ? "2026-11-20T10:00:00Z" : null };
      sales = [current];
      return current;
    },
  });
}

describe("deleting a sale", () => {
  it("asks for confirmation and calls delete_sale only after it", async () => {
    const sale = saleFixture({ id: 5, projectName: "Doomed Protocol" });
    const backend = backendWith(sale);
    const { user } = renderApp("#/sales/5");

    await user.click(await screen.findByTestId("delete-sale"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Doomed Protocol");
    expect(backend.callsTo("delete_sale")).toHaveLength(0);

    // Cancel leaves everything as it was.
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.callsTo("delete_sale")).toHaveLength(0);

    await user.click(screen.getByTestId("delete-sale"));
    await user.click(await screen.findByTestId("confirm-delete"));

    await waitFor(() => expect(backend.callsTo("delete_sale")).toHaveLength(1));
    expect(backend.callsTo("delete_sale")[0]?.args).toEqual({ id: 5 });
    // Back on the list, which no longer has the sale.
    expect(await screen.findByText("Add the first sale you are following")).toBeInTheDocument();
    expect(screen.getByText("Sale deleted")).toBeInTheDocument();
  });

  it("closes the confirmation with Escape without deleting", async () => {
    const backend = backendWith(saleFixture({ id: 6 }));
    const { user } = renderApp("#/sales/6");

    await user.click(await screen.findByTestId("delete-sale"));
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.callsTo("delete_sale")).toHaveLength(0);
    expect(screen.getByTestId("delete-sale")).toBeInTheDocument();
  });

  it("says so in the dialog when the backend refuses", async () => {
    backendWith(saleFixture({ id: 8 }), () => {
      throw appErrorFixture({ code: "storage_failed", message: "The database is locked." });
    });
    const { user } = renderApp("#/sales/8");

    await user.click(await screen.findByTestId("delete-sale"));
    await user.click(await screen.findByTestId("confirm-delete"));

    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(dialog).toHaveTextContent("The database is locked."));
    expect(screen.getByTestId("confirm-delete")).toBeInTheDocument();
  });

  it("offers to archive instead when the sale has overridden reviews in its history", async () => {
    backendWith(saleFixture({ id: 9, projectName: "Kept Protocol" }), () => {
      throw appErrorFixture({
        code: "sale_has_overrides",
        message: "sale 9 has overridden reviews in its history, so it cannot be deleted: archive it instead",
      });
    });
    const { user } = renderApp("#/sales/9");
    await user.click(await screen.findByTestId("delete-sale"));
    await user.click(await screen.findByTestId("confirm-delete"));
    const refused = await screen.findByTestId("delete-refused");
    expect(refused).toHaveTextContent("has overridden reviews in its history");
    expect(screen.getByRole("button", { name: "Archive instead" })).toHaveFocus();
  });

  it("offers to archive instead when the sale has a participation, and archives it", async () => {
    const backend = backendWith(saleFixture({ id: 9, projectName: "Kept Protocol" }), () => {
      throw appErrorFixture({
        code: "sale_has_participations",
        message: "This sale has a participation: archive it instead of deleting it.",
      });
    });
    const { user } = renderApp("#/sales/9");
    await user.click(await screen.findByTestId("delete-sale"));
    await user.click(await screen.findByTestId("confirm-delete"));

    const refused = await screen.findByTestId("delete-refused");
    expect(refused).toHaveTextContent("This sale has a participation: archive it instead of deleting it.");
    expect(screen.queryByTestId("confirm-delete"), "no second try at what cannot work").toBeNull();
    const archiveInstead = screen.getByRole("button", { name: "Archive instead" });
    expect(archiveInstead).toHaveFocus();
    expect(backend.callsTo("set_sale_archived")).toHaveLength(0);

    await user.click(archiveInstead);
    await waitFor(() => expect(backend.callsTo("set_sale_archived")).toHaveLength(1));
    expect(backend.callsTo("set_sale_archived")[0]?.args).toEqual({ id: 9, archived: true });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // Still on the sale, now marked archived.
    const title = screen.getByRole("heading", { level: 1, name: "Kept Protocol" });
    expect(within(title.parentElement as HTMLElement).getByTestId("archived-badge")).toHaveTextContent("Archived");
    expect(window.location.hash).toBe("#/sales/9");
    expect(screen.getByText("Sale archived")).toBeInTheDocument();
    expect(backend.callsTo("delete_sale")).toHaveLength(1);
  });

  it("brings an archived sale back with Unarchive", async () => {
    const backend = backendWith(saleFixture({ id: 10, projectName: "Shelved Protocol", archivedAt: "2026-11-15T09:00:00Z" }));
    const { user } = renderApp("#/sales/10");

    const title = await screen.findByRole("heading", { level: 1, name: "Shelved Protocol" });
    const badge = within(title.parentElement as HTMLElement).getByTestId("archived-badge");
    expect(badge).toHaveAttribute("title", "Archived 2026-11-15 09:00 UTC");
    expect(screen.queryByTestId("archive-sale")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Unarchive" }));
    await waitFor(() => expect(backend.callsTo("set_sale_archived")).toHaveLength(1));
    expect(backend.callsTo("set_sale_archived")[0]?.args).toEqual({ id: 10, archived: false });
    await waitFor(() => expect(screen.queryByTestId("archived-badge")).toBeNull());
    expect(screen.getByRole("button", { name: "Archive" })).toBeInTheDocument();
  });
});
