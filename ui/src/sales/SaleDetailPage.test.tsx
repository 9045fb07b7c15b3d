import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

describe("a sale's page", () => {
  it("shows all its terms with the full, copyable address", async () => {
    fakeBackend({
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: () =>
        saleFixture({
          id: 3,
          projectName: "Example Protocol",
          tokenSymbol: "EXP",
          status: "open",
          currency: { kind: "erc20", symbol: "USDC", decimals: 6, address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" },
          pricing: { kind: "price", amount: { baseUnits: "25000", decimals: 6, decimal: "0.025", symbol: "USDC" } },
          minContribution: { baseUnits: "100000000", decimals: 6, decimal: "100", symbol: "USDC" },
          kycRequired: true,
          notes: "Checked the announcement.",
        }),
      list_participations: () => [],
    });
    renderApp("#/sales/3");

    expect(await screen.findByRole("heading", { level: 1, name: "Example Protocol" })).toBeInTheDocument();
    expect(screen.getByText("Open")).toBeInTheDocument();
    const addresses = screen.getAllByTestId("address").map((element) => element.textContent);
    expect(addresses).toEqual(["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"]);
    expect(screen.getAllByRole("button", { name: "Copy address" })).toHaveLength(2);
    expect(screen.getByText("0.025 USDC")).toBeInTheDocument();
    expect(screen.getByText("100 USDC")).toBeInTheDocument();
    expect(screen.getByText("Checked the announcement.")).toBeInTheDocument();
    expect(screen.getByText("2026-12-01 14:00 UTC")).toBeInTheDocument();
    expect(screen.queryByTestId("archived-badge"), "not archived").toBeNull();
  });

  it("says the sale no longer exists when the backend answers sale_not_found", async () => {
    fakeBackend({
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: () => {
        throw appErrorFixture({ code: "sale_not_found", message: "No sale with id 99." });
      },
    });
    renderApp("#/sales/99");

    expect(await screen.findByText("This sale does not exist any more")).toBeInTheDocument();
    expect(screen.queryByTestId("edit-sale")).not.toBeInTheDocument();
  });
});
