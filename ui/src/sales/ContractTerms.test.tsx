import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ContractTerms, SaleAction, SaleActionInput } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const sale = saleFixture({ id: 30, projectName: "Example Protocol", tokenSymbol: "EXP" });
const noToken: ContractTerms = { tokenAddress: "" };
const tokenAddress = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
const account = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

function actionFixture(overrides: Partial<SaleAction> = {}): SaleAction {
  return {
    id: 7,
    saleId: 30,
    name: "Contribute",
    purpose: "contribute",
    contract: "",
    contractSource: "",
    target: sale.contributionAddress,
    signature: "contribute()",
    canonicalSignature: "contribute()",
    arguments: [],
    needsAmount: true,
    needsTokenAmount: false,
    claimable: "",
    ...overrides,
  };
}

/** What the backend keeps of an action saved from `input`: parsed, with its arguments described. */
function savedFrom(id: number, input: SaleActionInput): SaleAction {
  return actionFixture({
    id,
    name: input.name.trim(),
    purpose: input.purpose,
    signature: input.signature.trim(),
    canonicalSignature: input.signature.replace(/\s+\w+(?=[,)])/g, ""),
    arguments: input.arguments.map((value) => ({ name: "beneficiary", type: "address", value, template: value.startsWith("{") })),
    claimable: (input.claimable ?? "").replace(/\s+\w+(?=[,)])/g, ""),
  });
}

function backendWith(handlers: Record<string, CommandHandler>) {
  return fakeBackend({
    get_sale: () => sale,
    list_participations: () => [],
    list_official_addresses: () => [],
    get_contract_terms: () => noToken,
    list_sale_actions: () => [],
    ...handlers,
  });
}

function section(): HTMLElement {
  return screen.getByTestId("contract-terms-section");
}

function dialogInput(label: string): HTMLInputElement | HTMLTextAreaElement {
  return within(screen.getByTestId("action-form")).getByRole("textbox", { name: label }) as HTMLInputElement;
}

describe("a sale's actions and token", () => {
  it("says what a contribution is while the sale has no action", async () => {
    backendWith({});
    renderApp("#/sales/30");

    expect(await screen.findByTestId("sale-actions-empty")).toHaveTextContent(
      "No actions yet: a contribution is a plain transfer of ETH to the sale's address",
    );
    expect(within(section()).getByRole("heading", { name: "On chain" })).toBeInTheDocument();
  });

  it("says a sale paid in a token takes an ERC-20 transfer", async () => {
    backendWith({
      get_sale: () =>
        saleFixture({
          id: 30,
          currency: { kind: "erc20", symbol: "USDC", decimals: 6, address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" },
        }),
    });
    renderApp("#/sales/30");
    expect(await screen.findByTestId("sale-actions-empty")).toHaveTextContent("a contribution is an ERC-20 transfer of USDC");
  });

  it("lists each action with its purpose, function, arguments and the contract it calls", async () => {
    const vesting = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
    const backend = backendWith({
      list_sale_actions: () => [
        actionFixture(),
        actionFixture({
          id: 8,
          name: "Release vested",
          purpose: "claim_vested",
          contract: vesting,
          contractSource: "the project's claim page",
          target: vesting,
          signature: "release(address beneficiary)",
          canonicalSignature: "release(address)",
          arguments: [{ name: "beneficiary", type: "address", value: "{account}", template: true }],
          needsAmount: false,
        }),
      ],
    });
    renderApp("#/sales/30");

    const rows = await screen.findAllByTestId("sale-action-row");
    expect(backend.callsTo("list_sale_actions")[0]?.args).toEqual({ saleId: 30 });
    expect(rows).toHaveLength(2);
    const [contribute, release] = rows as [HTMLElement, HTMLElement];
    expect(contribute).toHaveTextContent("Contribute");
    expect(within(contribute).getByTestId("sale-action-signature")).toHaveTextContent("contribute()");
    expect(contribute).toHaveTextContent("The sale's address");
    expect(release).toHaveAttribute("data-purpose", "claim_vested");
    expect(release).toHaveTextContent("Claim vested tokens");
    expect(release).toHaveTextContent("beneficiary (address): {account}");
    expect(release).toHaveTextContent("Published on the project's claim page");
  });

  it("adds an action with one argument per line, and lists it", async () => {
    let actions: SaleAction[] = [];
    const backend = backendWith({
      list_sale_actions: () => actions,
      add_action: (args) => {
        const { input } = args as { saleId: number; input: SaleActionInput };
        const saved = savedFrom(9, input);
        actions = [saved];
        return saved;
      },
    });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByTestId("sale-action-add"));
    await screen.findByTestId("action-form");
    await user.click(screen.getByTestId("action-purpose"));
    await user.click(await screen.findByRole("option", { name: "Claim tokens" }));
    await user.type(dialogInput("Name"), "Withdraw tokens");
    await user.type(dialogInput("Function"), "withdrawTokens(address beneficiary)");
    await user.type(dialogInput("Arguments"), "{{account}{Enter}{Enter}");
    await user.type(dialogInput("What can be claimed (a view)"), "owed(address)");
    await user.click(screen.getByTestId("action-save"));

    await waitFor(() => expect(backend.callsTo("add_action")).toHaveLength(1));
    // Blank lines are not arguments.
    expect(backend.callsTo("add_action")[0]?.args).toEqual({
      saleId: 30,
      input: {
        name: "Withdraw tokens",
        purpose: "claim_tokens",
        contract: "",
        contractSource: "",
        signature: "withdrawTokens(address beneficiary)",
        arguments: ["{account}"],
        claimable: "owed(address)",
      },
    });
    await waitFor(() => expect(screen.queryByTestId("action-form")).toBeNull());
    const row = await screen.findByTestId("sale-action-row");
    expect(row).toHaveAttribute("data-purpose", "claim_tokens");
    expect(row).toHaveTextContent("Withdraw tokens");
    expect(screen.getByText("Action added")).toBeInTheDocument();
  });

  it("starts a new action at the first step the sale does not have yet, and offers no second of a kind", async () => {
    backendWith({ list_sale_actions: () => [actionFixture()] });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByTestId("sale-action-add"));
    await screen.findByTestId("action-form");
    const purpose = screen.getByTestId("action-purpose");
    expect(purpose).toHaveValue("Claim refund");
    await user.click(purpose);
    expect(await screen.findByRole("option", { name: "Contribute (already added)" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("option", { name: "Another call" })).not.toHaveAttribute("aria-disabled");
  });

  it("shows a bad argument under Arguments with its line, and keeps everything typed", async () => {
    const backend = backendWith({
      add_action: () => {
        throw appErrorFixture({
          code: "invalid_argument",
          message: "arguments.1: not an address: 0x1234",
          field: "arguments.1",
          invalidFields: [{ field: "arguments.1", code: "invalid_argument", message: "not an address: 0x1234" }],
        });
      },
    });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByTestId("sale-action-add"));
    await user.type(dialogInput("Name"), "Buy for");
    await user.type(dialogInput("Function"), "buyFor(uint256 amount, address beneficiary)");
    await user.type(dialogInput("Arguments"), "{{amount}{Enter}0x1234");
    await user.click(screen.getByTestId("action-save"));

    await waitFor(() => expect(dialogInput("Arguments")).toHaveAttribute("aria-invalid", "true"));
    expect(dialogInput("Arguments")).toHaveAccessibleDescription(expect.stringContaining("Line 2: not an address: 0x1234"));
    expect(dialogInput("Function")).not.toHaveAttribute("aria-invalid", "true");
    expect(dialogInput("Name")).toHaveValue("Buy for");
    expect(dialogInput("Arguments")).toHaveValue("{amount}\n0x1234");
    expect(backend.callsTo("add_action")).toHaveLength(1);
    expect(screen.queryByText("Action added")).toBeNull();
  });

  it("edits an action from what was typed, and removes one only once confirmed", async () => {
    let actions = [actionFixture({ signature: "buyTokens(address beneficiary)", arguments: [{ name: "beneficiary", type: "address", value: "{account}", template: true }] })];
    const backend = backendWith({
      list_sale_actions: () => actions,
      update_action: (args) => {
        const { id, input } = args as { id: number; input: SaleActionInput };
        const saved = savedFrom(id, input);
        actions = [saved];
        return saved;
      },
      remove_action: () => {
        actions = [];
        return null;
      },
    });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByTestId("sale-action-edit"));
    expect(dialogInput("Function")).toHaveValue("buyTokens(address beneficiary)");
    expect(dialogInput("Arguments")).toHaveValue("{account}");
    await user.clear(dialogInput("Arguments"));
    await user.type(dialogInput("Arguments"), account);
    await user.click(screen.getByTestId("action-save"));

    await waitFor(() => expect(backend.callsTo("update_action")).toHaveLength(1));
    expect(backend.callsTo("update_action")[0]?.args).toMatchObject({ id: 7, input: { arguments: [account], purpose: "contribute" } });
    expect(await screen.findByText("Action saved")).toBeInTheDocument();

    await user.click(await screen.findByTestId("sale-action-remove"));
    expect(backend.callsTo("remove_action")).toHaveLength(0);
    await user.click(screen.getByTestId("sale-action-remove-confirm"));
    await waitFor(() => expect(backend.callsTo("remove_action")[0]?.args).toEqual({ id: 7 }));
    expect(await screen.findByTestId("sale-actions-empty")).toBeInTheDocument();
  });

  it("saves the token address as the backend keeps it", async () => {
    const backend = backendWith({
      set_contract_terms: (args) => {
        const { input } = args as { saleId: number; input: ContractTerms };
        return { tokenAddress: input.tokenAddress.trim() };
      },
    });
    const { user } = renderApp("#/sales/30");

    const form = await screen.findByTestId("contract-terms-form");
    const token = within(form).getByRole("textbox", { name: "Token address" });
    await user.type(token, ` ${tokenAddress}{Enter}`);

    await waitFor(() => expect(backend.callsTo("set_contract_terms")).toHaveLength(1));
    expect(backend.callsTo("set_contract_terms")[0]?.args).toEqual({ saleId: 30, input: { tokenAddress: ` ${tokenAddress}` } });
    await waitFor(() => expect(token).toHaveValue(tokenAddress));
    expect(screen.getByText("Token saved")).toBeInTheDocument();
  });

  it("shows an invalid token address at its input", async () => {
    backendWith({
      get_contract_terms: () => ({ tokenAddress }),
      set_contract_terms: () => {
        throw appErrorFixture({
          code: "invalid_address",
          message: "tokenAddress: not an address",
          field: "tokenAddress",
          invalidFields: [{ field: "tokenAddress", code: "invalid_address", message: "not an address" }],
        });
      },
    });
    const { user } = renderApp("#/sales/30");

    const form = await screen.findByTestId("contract-terms-form");
    const token = within(form).getByRole("textbox", { name: "Token address" });
    await waitFor(() => expect(token).toHaveValue(tokenAddress));
    await user.type(token, "zz");
    await user.click(screen.getByTestId("contract-terms-save"));

    await waitFor(() => expect(token).toHaveAttribute("aria-invalid", "true"));
    expect(token).toHaveValue(`${tokenAddress}zz`);
    expect(screen.getByTestId("contract-terms-alert")).toHaveTextContent("Check this field: Token address.");
  });
});
