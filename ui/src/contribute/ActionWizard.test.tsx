import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ActInput, OfferedAction, SaleAction } from "../api";
import { accountFixture, appErrorFixture, participationFixture, saleFixture } from "../test/fixtures";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { reviewFixture } from "../test/reviewFixtures";
import { fromAddress, planFixture, transactionsReply, transactionSummaryFixture, transactionViewFixture } from "../test/transactionFixtures";

const distributor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const proof = `[0x${"11".repeat(32)}, 0x${"22".repeat(32)}]`;
const ownProof = `[0x${"33".repeat(32)}]`;

const claim: SaleAction = {
  id: 9,
  saleId: 30,
  name: "Claim from the distributor",
  purpose: "claim_tokens",
  contract: distributor,
  contractSource: "the project's claim page",
  target: distributor,
  signature: "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
  canonicalSignature: "claim(uint256,address,uint256,bytes32[])",
  arguments: [
    { name: "index", type: "uint256", value: "7", template: false },
    { name: "account", type: "address", value: "{account}", template: true },
    { name: "amount", type: "uint256", value: "{token_amount}", template: true },
    { name: "proof", type: "bytes32[]", value: proof, template: false },
  ],
  needsAmount: false,
  needsTokenAmount: true,
  claimable: "",
};

const sale = saleFixture({ id: 30, projectName: "Example Protocol", tokenSymbol: "EXP" });
const mainWallet = accountFixture({ id: 7, label: "Main wallet", address: fromAddress });

function backendWith(handlers: Record<string, CommandHandler>) {
  return fakeBackend({
    get_participation: () => participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "succeeded" }),
    get_sale: () => sale,
    list_accounts: () => [mainWallet],
    list_sale_actions: () => [claim],
    ...handlers,
  });
}

const claimPlan = planFixture({
  purpose: "token_claim",
  review: reviewFixture({ budget: null }),
  transaction: transactionSummaryFixture({
    to: distributor,
    action: "Claim from the distributor",
    amount: "0 ETH",
    value: "0 ETH",
    valueWei: "0",
    decodedCall: `claim(7, ${fromAddress}, 250000000000000000000, ${ownProof})`,
    arguments: [
      { name: "index", type: "uint256", value: "7" },
      { name: "account", type: "address", value: fromAddress },
      { name: "amount", type: "uint256", value: "250000000000000000000" },
      { name: "proof", type: "bytes32[]", value: ownProof },
    ],
  }),
});

describe("the wizard for the sale's other actions", () => {
  it("takes a token claim with its values, reviews it in its own words and shows every argument it signs", async () => {
    const backend = backendWith({ prepare_action: () => claimPlan });
    const { user } = renderApp("#/participations/5/act/9");

    expect(await screen.findByRole("heading", { level: 1, name: "Claim from the distributor" })).toBeInTheDocument();
    const form = await screen.findByTestId("wizard-choose");
    expect(within(form).queryByRole("textbox", { name: "Amount" })).toBeNull();
    const templates = within(form).getAllByTestId("wizard-argument-template");
    expect(templates.map((line) => line.textContent)).toEqual([
      "account (address): {account} — the account you sign with",
      "amount (uint256): {token_amount} — the token amount below, in base units",
    ]);
    expect(within(form).getByRole("textbox", { name: "index (uint256)" })).toHaveValue("7");
    const proofInput = within(form).getByRole("textbox", { name: "proof (bytes32[])" });
    expect(proofInput).toHaveValue(proof);

    await user.type(within(form).getByRole("textbox", { name: "Token amount" }), "250");
    await user.clear(proofInput);
    await user.type(proofInput, ownProof.replace(/\[/g, "[["));
    await user.click(within(form).getByTestId("wizard-review"));

    const summary = await screen.findByTestId("transaction-summary");
    expect(backend.callsTo("prepare_action")[0]?.args).toEqual({
      input: {
        participationId: 5,
        accountId: 7,
        feeSpeed: "normal",
        actionId: 9,
        amount: "",
        tokenAmount: "250",
        // Only what differs from the action is given, for this transaction only.
        arguments: [{ parameter: "proof", value: ownProof }],
      } satisfies ActInput,
    });
    expect(screen.getByTestId("review-verdict")).toHaveTextContent("Nothing stands in the way of this token claim.");
    expect(screen.getByTestId("no-findings")).toHaveTextContent("the call goes through");
    expect(screen.queryByTestId("budget-impact")).toBeNull();
    expect(within(summary).getByTestId("summary-action")).toHaveTextContent("Claim from the distributor");
    expect(within(summary).getByTestId("transaction-sentence")).toHaveTextContent(
      "Take “Claim from the distributor”: call claim(7,",
    );
    expect(within(summary).getByTestId("transaction-sentence")).toHaveTextContent("on another contract than the sale's");
    expect(within(summary).queryByTestId("summary-amount")).toBeNull();
    expect(within(summary).getAllByTestId("summary-argument").map((line) => line.textContent)).toEqual([
      "index (uint256): 7",
      `account (address): ${fromAddress}`,
      "amount (uint256): 250000000000000000000",
      `proof (bytes32[]): ${ownProof}`,
    ]);
  });

  it("shows a value that does not fit its type at its argument, and keeps everything typed", async () => {
    const backend = backendWith({
      prepare_action: () => {
        throw appErrorFixture({
          code: "invalid_argument",
          message: "arguments.3: proof (bytes32[]): not a list of 32-byte words",
          field: "arguments.3",
          invalidFields: [{ field: "arguments.3", code: "invalid_argument", message: "proof (bytes32[]): not a list of 32-byte words" }],
        });
      },
    });
    const { user } = renderApp("#/participations/5/act/9");

    const form = await screen.findByTestId("wizard-choose");
    const proofInput = within(form).getByRole("textbox", { name: "proof (bytes32[])" });
    await user.type(within(form).getByRole("textbox", { name: "Token amount" }), "250");
    await user.clear(proofInput);
    await user.type(proofInput, "[[0x1234]");
    await user.click(within(form).getByTestId("wizard-review"));

    await waitFor(() => expect(proofInput).toHaveAttribute("aria-invalid", "true"));
    expect(proofInput).toHaveAccessibleDescription(expect.stringContaining("not a list of 32-byte words"));
    expect(proofInput).toHaveFocus();
    expect(proofInput).toHaveValue("[0x1234]");
    expect(screen.getByTestId("wizard-choose-alert")).toHaveTextContent("proof");
    expect(backend.callsTo("prepare_action")).toHaveLength(1);
    expect(screen.queryByTestId("transaction-summary")).toBeNull();
  });

  it("says so when the action is no longer one of the sale's", async () => {
    backendWith({ list_sale_actions: () => [] });
    renderApp("#/participations/5/act/9");
    expect(await screen.findByTestId("wizard-no-action")).toHaveTextContent("It may have been removed");
    expect(screen.queryByTestId("wizard-choose")).toBeNull();
  });

  it("ends with what a call the user named did, without saying it recorded anything", async () => {
    const finalize: SaleAction = {
      ...claim,
      id: 4,
      name: "Finalize",
      purpose: "other",
      contract: "",
      target: sale.contributionAddress,
      signature: "finalize()",
      canonicalSignature: "finalize()",
      arguments: [],
      needsTokenAmount: false,
    };
    const finalizePlan = planFixture({
      purpose: "call",
      review: reviewFixture({ budget: null }),
      transaction: transactionSummaryFixture({ action: "Finalize", decodedCall: "finalize()" }),
    });
    backendWith({
      list_sale_actions: () => [finalize],
      prepare_action: () => finalizePlan,
      send_transaction: () => transactionViewFixture({ purpose: "call", action: "Finalize", status: "confirmed", blockNumber: 12 }),
    });
    const { user } = renderApp("#/participations/5/act/4");

    const form = await screen.findByTestId("wizard-choose");
    expect(within(form).queryByTestId("wizard-arguments")).toBeNull();
    await user.click(within(form).getByTestId("wizard-review"));
    await user.click(await screen.findByTestId("wizard-sign"));
    const outcome = await screen.findByTestId("result-outcome");
    expect(outcome).toHaveTextContent("Your call is on chain with at least 3 confirmations.");
    expect(outcome).not.toHaveTextContent("recorded");
  });
});

describe("a participation's page", () => {
  it("offers every action the backend offers, each opening its wizard", async () => {
    const offered: OfferedAction[] = [
      { purpose: "contribute", name: "Contribute", actionId: null },
      { purpose: "claim_tokens", name: "Claim from the distributor", actionId: 9 },
      { purpose: "other", name: "Finalize", actionId: 4 },
    ];
    fakeBackend({
      get_participation: () => participationFixture({ id: 5, saleId: 30, state: "succeeded", offeredActions: offered }),
      list_transactions: transactionsReply([]),
    });
    renderApp("#/participations/5");

    const buttons = await screen.findAllByTestId("take-action");
    expect(buttons.map((button) => [button.textContent, button.getAttribute("href")])).toEqual([
      ["Claim from the distributor", "#/participations/5/act/9"],
      ["Finalize", "#/participations/5/act/4"],
    ]);
    expect(screen.getByTestId("contribute-button")).toHaveAttribute("href", "#/participations/5/contribute");
    expect(screen.queryByTestId("claim-refund")).toBeNull();
  });
});
