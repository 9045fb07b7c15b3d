import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Sale } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

function backendWith(sale: Sale, deleteSale: () => unknown = () => null) {
  let sales = [sale];
  return fakeBackend({
    list_sales: () => sales,
    get_sale: () => sale,
    delete_sale: () => {
      const reply = deleteSale();
      sales = [];
      return reply;
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
});
