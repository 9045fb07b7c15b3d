import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ContractTerms } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const sale = saleFixture({ id: 30, projectName: "Example Protocol", tokenSymbol: "EXP" });
const plainTransfer: ContractTerms = { contributionCall: "", refundCall: "", tokenAddress: "" };
const tokenAddress = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";

function backendWith(initial: ContractTerms, setTerms: CommandHandler) {
  return fakeBackend({
    get_sale: () => sale,
    list_participations: () => [],
    list_official_addresses: () => [],
    get_contract_terms: () => initial,
    set_contract_terms: setTerms,
  });
}

function section(): HTMLElement {
  return screen.getByTestId("contract-terms-section");
}

function input(label: string): HTMLInputElement {
  return within(section()).getByRole("textbox", { name: label }) as HTMLInputElement;
}

describe("a sale's contract terms", () => {
  it("starts from what is saved, says what a contribution does, and saves what is typed", async () => {
    const backend = backendWith(plainTransfer, (args) => {
      const { input: typed } = args as { saleId: number; input: ContractTerms };
      return { ...typed, contributionCall: "contribute()" };
    });
    const { user } = renderApp("#/sales/30");

    await within(await screen.findByTestId("contract-terms-section")).findByTestId("contract-terms-form");
    expect(backend.callsTo("get_contract_terms")[0]?.args).toEqual({ saleId: 30 });
    expect(within(section()).getByRole("heading", { name: "On chain" })).toBeInTheDocument();
    expect(screen.getByTestId("contract-terms-contribution")).toHaveTextContent("A plain transfer of ETH to the sale's address.");
    expect(input("Contribution function")).toHaveValue("");
    expect(input("Contribution function")).toHaveAttribute("placeholder", "contribute() — empty for a plain transfer");

    await user.type(input("Contribution function"), "contribute( )");
    await user.type(input("Refund function"), "claimRefund()");
    await user.type(input("Token address"), `${tokenAddress}{Enter}`);

    await waitFor(() => expect(backend.callsTo("set_contract_terms")).toHaveLength(1));
    expect(backend.callsTo("set_contract_terms")[0]?.args).toEqual({
      saleId: 30,
      input: { contributionCall: "contribute( )", refundCall: "claimRefund()", tokenAddress },
    });
    // The form shows the terms as the backend keeps them.
    await waitFor(() => expect(input("Contribution function")).toHaveValue("contribute()"));
    expect(screen.getByTestId("contract-terms-contribution")).toHaveTextContent(
      "A call of contribute() on the sale's address, with the ETH sent.",
    );
    expect(screen.getByText("Contract terms saved")).toBeInTheDocument();
  });

  it("shows an invalid function at its input and keeps everything typed", async () => {
    const backend = backendWith({ ...plainTransfer, tokenAddress }, () => {
      throw appErrorFixture({
        code: "invalid_call",
        message: "contributionCall: a function is its name and its argument types in brackets, such as contribute()",
        field: "contributionCall",
        invalidFields: [
          {
            field: "contributionCall",
            code: "invalid_call",
            message: "a function is its name and its argument types in brackets, such as contribute()",
          },
        ],
      });
    });
    const { user } = renderApp("#/sales/30");

    await within(await screen.findByTestId("contract-terms-section")).findByTestId("contract-terms-form");
    expect(input("Token address")).toHaveValue(tokenAddress);
    await user.type(input("Contribution function"), "contribute");
    await user.type(input("Refund function"), "claimRefund()");
    await user.click(within(section()).getByRole("button", { name: "Save contract terms" }));

    await waitFor(() => expect(input("Contribution function")).toHaveAttribute("aria-invalid", "true"));
    expect(input("Contribution function")).toHaveAccessibleDescription(
      expect.stringContaining("a function is its name and its argument types in brackets"),
    );
    expect(input("Contribution function")).toHaveFocus();
    expect(input("Refund function")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("contract-terms-alert")).toHaveTextContent("Check this field: Contribution function.");
    expect(input("Contribution function")).toHaveValue("contribute");
    expect(input("Refund function")).toHaveValue("claimRefund()");
    expect(input("Token address")).toHaveValue(tokenAddress);
    expect(backend.callsTo("set_contract_terms")).toHaveLength(1);
    expect(screen.queryByText("Contract terms saved")).toBeNull();
  });

  it("says a sale paid in a token takes an ERC-20 transfer, with no function", async () => {
    fakeBackend({
      get_sale: () =>
        saleFixture({
          id: 30,
          currency: { kind: "erc20", symbol: "USDC", decimals: 6, address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" },
        }),
      list_participations: () => [],
      list_official_addresses: () => [],
      get_contract_terms: () => plainTransfer,
    });
    renderApp("#/sales/30");

    expect(await screen.findByTestId("contract-terms-contribution")).toHaveTextContent(
      "An ERC-20 transfer of USDC to the sale's address.",
    );
    expect(input("Contribution function")).toHaveAccessibleDescription(expect.stringContaining("Leave empty: this sale is paid in USDC"));
  });
});
