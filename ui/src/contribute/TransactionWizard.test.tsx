import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OVERRIDE_REASON_MIN, type ContributionInput, type TransactionView } from "../api";
import { accountFixture, appErrorFixture, participationFixture, saleFixture } from "../test/fixtures";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { designatedAddress, findingFixture, chainMismatchFinding, reviewFixture } from "../test/reviewFixtures";
import {
  deferred,
  fromAddress,
  planFixture,
  progressSender,
  signingHash,
  transactionSummaryFixture,
  transactionViewFixture,
  txHash,
} from "../test/transactionFixtures";

const participation = participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "kyc_approved" });
const sale = saleFixture({ id: 30, projectName: "Example Protocol", contributionAddress: designatedAddress });
const mainWallet = accountFixture({ id: 7, label: "Main wallet", address: fromAddress });
const watched = accountFixture({ id: 8, label: "Cold storage", kind: "watch_only", hasSecret: false, derivationPath: null, canDerive: false });

function backendWith(handlers: Record<string, CommandHandler>) {
  return fakeBackend({
    get_participation: () => participation,
    get_sale: () => sale,
    list_accounts: () => [mainWallet, watched],
    ...handlers,
  });
}

function choose(): HTMLElement {
  return screen.getByTestId("wizard-choose");
}

/** Opens the wizard and asks for a review of 1.5 ETH from the main wallet. */
async function planContribution(hash = "#/participations/5/contribute") {
  const rendered = renderApp(hash);
  const amount = await within(await screen.findByTestId("wizard-choose")).findByRole("textbox", { name: "Amount" });
  await rendered.user.type(amount, "1.5");
  await rendered.user.click(within(choose()).getByTestId("wizard-review"));
  await screen.findByTestId("transaction-summary");
  return rendered;
}

describe("the contribution wizard", () => {
  it("plans, shows what will be signed, signs, reports each step live and ends with the confirmation", async () => {
    const followed = deferred<void>();
    const confirmed = transactionViewFixture({
      status: "confirmed",
      blockNumber: 100,
      explorerLink: `https://etherscan.io/tx/${txHash}`,
    });
    const backend = backendWith({
      prepare_contribution: (args) =>
        planFixture({ transaction: transactionSummaryFixture({ feeSpeed: (args as { input: ContributionInput }).input.feeSpeed ?? "normal" }) }),
      send_transaction: (args) => {
        const report = progressSender(args);
        for (const step of [
          { state: "reviewing" },
          { state: "loadingKey" },
          { state: "signing" },
          { state: "signed", hash: txHash },
          { state: "sending" },
          { state: "sent", hash: txHash },
        ] as const) {
          report(step);
        }
        return transactionViewFixture({ status: "sent" });
      },
      follow_transaction: async (args) => {
        const report = progressSender(args);
        report({ state: "mined", block: 100, confirmations: 1, needed: 3 });
        report({ state: "mined", block: 100, confirmations: 2, needed: 3 });
        await followed.promise;
        report({ state: "confirmed", block: 100 });
        return confirmed;
      },
    });
    const { user, unmount } = renderApp("#/participations/5/contribute");

    expect(await screen.findByRole("heading", { level: 1, name: "Contribute" })).toBeInTheDocument();
    const form = await screen.findByTestId("wizard-choose");
    // Watch-only accounts are listed but cannot be chosen; the only one that can sign is.
    const account = within(form).getByRole("combobox", { name: "Account" });
    expect(account).toHaveValue("7");
    const watchOnly = within(account).getByRole("option", { name: "Cold storage (watch-only: cannot sign)" });
    expect(watchOnly).toBeDisabled();
    expect(within(form).getByRole("radio", { name: "Normal" })).toBeChecked();
    expect(within(form).getByText("ETH")).toBeInTheDocument();

    await user.click(within(form).getByRole("radio", { name: "Fast" }));
    await user.type(within(form).getByRole("textbox", { name: "Amount" }), "1.5{Enter}");

    await waitFor(() => expect(backend.callsTo("prepare_contribution")).toHaveLength(1));
    expect(backend.callsTo("prepare_contribution")[0]?.args).toEqual({
      input: { participationId: 5, accountId: 7, amount: "1.5", feeSpeed: "fast" },
    });
    const summary = await screen.findByTestId("transaction-summary");
    expect(screen.getByTestId("review-verdict")).toHaveAttribute("data-verdict", "clear");
    expect(within(summary).getAllByTestId("address").map((element) => element.textContent)).toEqual([fromAddress, designatedAddress]);
    expect(within(summary).getByTestId("summary-amount")).toHaveTextContent("1.5 ETH");
    expect(within(summary).getByTestId("summary-network")).toHaveTextContent("Ethereum (chain id 1)");
    expect(within(summary).getByTestId("summary-call")).toHaveTextContent("contribute()");
    expect(within(summary).getByTestId("summary-max-fee")).toHaveTextContent("0.00156 ETH (Fast)");
    expect(within(summary).getByTestId("summary-signing-hash")).toHaveTextContent(signingHash);
    expect(summary).toHaveTextContent("Nonce4");
    expect(summary).toHaveTextContent("Gas limit52000");
    expect(screen.queryByTestId("plan-would-fail")).toBeNull();

    await user.click(screen.getByTestId("wizard-sign"));

    const progress = await screen.findByTestId("wizard-progress");
    await waitFor(() =>
      expect(within(progress).getAllByTestId("progress-step").map((step) => step.getAttribute("data-state"))).toEqual([
        "reviewing",
        "loadingKey",
        "signing",
        "signed",
        "sending",
        "sent",
        "mined",
      ]),
    );
    // One line for the block, with its latest count of confirmations.
    expect(within(progress).getAllByTestId("progress-step").at(-1)).toHaveTextContent("In block 100: 2 of 3 confirmations");
    expect(progress).toHaveTextContent(txHash);
    // Past the signature there is nothing to cancel.
    expect(within(progress).queryByTestId("wizard-cancel")).toBeNull();
    expect(backend.callsTo("send_transaction")[0]?.args).toEqual({ draftId: "draft-1", overrideReason: null, progress: expect.anything() });
    expect(backend.callsTo("follow_transaction")[0]?.args).toEqual({ id: "draft-1", progress: expect.anything() });

    await act(async () => followed.resolve());

    const result = await screen.findByTestId("wizard-result");
    expect(within(result).getByTestId("result-outcome")).toHaveTextContent("Confirmed in block 100");
    expect(within(result).getByTestId("result-hash")).toHaveTextContent(txHash);
    const explorer = within(result).getByRole("link", { name: "Open in explorer" });
    expect(explorer).toHaveAttribute("href", `https://etherscan.io/tx/${txHash}`);
    expect(explorer).toHaveAttribute("target", "_blank");
    expect(explorer).toHaveAttribute("rel", expect.stringContaining("noreferrer"));
    expect(within(result).getByRole("link", { name: "Back to the participation" })).toHaveAttribute("href", "#/participations/5");

    // A sent transaction is not abandoned when the user leaves.
    unmount();
    expect(backend.callsTo("abandon_transaction")).toHaveLength(0);
  });

  it("shows no explorer link when the network has no explorer", async () => {
    backendWith({
      prepare_contribution: () => planFixture(),
      send_transaction: () => transactionViewFixture({ status: "failed", failure: "the node refused it: insufficient funds for gas" }),
    });
    const { user } = await planContribution();
    await user.click(screen.getByTestId("wizard-sign"));

    const result = await screen.findByTestId("wizard-result");
    expect(within(result).getByTestId("result-outcome")).toHaveTextContent("The transaction failed");
    expect(within(result).getByTestId("result-outcome")).toHaveTextContent("insufficient funds for gas");
    expect(within(result).queryByTestId("explorer-link")).toBeNull();
  });

  it("asks for a reason before signing past overridable blocks, and passes it to the backend", async () => {
    const reason = "The team moved the opening forward in its announcement.";
    let attempts = 0;
    const backend = backendWith({
      prepare_contribution: () => planFixture({ review: reviewFixture({ findings: [findingFixture()] }) }),
      send_transaction: () => {
        attempts += 1;
        if (attempts === 1) {
          throw appErrorFixture({ code: "too_short", message: "say why in at least 10 letters", field: "reason" });
        }
        return transactionViewFixture({ status: "confirmed", blockNumber: 77 });
      },
    });
    const { user } = await planContribution();

    expect(screen.getByTestId("review-verdict")).toHaveAttribute("data-verdict", "blocked");
    const sign = screen.getByTestId("wizard-sign");
    const reasonInput = screen.getByRole("textbox", { name: "Reason to override" });
    expect(sign).toBeDisabled();
    await user.type(reasonInput, "x".repeat(OVERRIDE_REASON_MIN - 1));
    expect(sign).toBeDisabled();
    await user.type(reasonInput, "y");
    expect(sign).toBeEnabled();

    // The backend has the last word: its refusal is shown at the reason, with focus there.
    await user.click(sign);
    const refusedInput = await screen.findByRole("textbox", { name: "Reason to override" });
    await waitFor(() => expect(refusedInput).toHaveAttribute("aria-invalid", "true"));
    expect(refusedInput).toHaveAccessibleDescription(expect.stringContaining("say why in at least 10 letters"));
    expect(refusedInput).toHaveFocus();
    expect(refusedInput).toHaveValue(`${"x".repeat(OVERRIDE_REASON_MIN - 1)}y`);
    expect(backend.callsTo("send_transaction")[0]?.args).toEqual({
      draftId: "draft-1",
      overrideReason: `${"x".repeat(OVERRIDE_REASON_MIN - 1)}y`,
      progress: expect.anything(),
    });

    await user.clear(refusedInput);
    await user.type(refusedInput, reason);
    expect(refusedInput).not.toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByTestId("wizard-sign"));

    expect(await screen.findByTestId("wizard-result")).toHaveTextContent("Confirmed in block 77");
    expect(backend.callsTo("send_transaction")[1]?.args).toEqual({ draftId: "draft-1", overrideReason: reason, progress: expect.anything() });
    // Settled by the send itself: nothing to follow.
    expect(backend.callsTo("follow_transaction")).toHaveLength(0);
  });

  it("never offers to sign past a block that cannot be overridden", async () => {
    backendWith({ prepare_contribution: () => planFixture({ review: reviewFixture({ findings: [chainMismatchFinding] }) }) });
    await planContribution();

    expect(screen.getByTestId("not-overridable")).toHaveTextContent(chainMismatchFinding.message);
    expect(screen.queryByRole("textbox", { name: "Reason to override" })).toBeNull();
    expect(screen.getByTestId("wizard-sign")).toBeDisabled();
  });

  it("says clearly that a plan the node says fails cannot be signed, and goes back with what was chosen", async () => {
    const backend = backendWith({
      prepare_contribution: () => planFixture({ draftId: null, transaction: transactionSummaryFixture({ gasLimit: 0 }) }),
    });
    const { user } = await planContribution();

    expect(screen.getByTestId("plan-would-fail")).toHaveTextContent("This transaction would fail");
    expect(screen.getByTestId("plan-would-fail")).toHaveTextContent("it cannot be signed");
    expect(screen.getByTestId("transaction-summary")).toHaveTextContent("Could not be estimated");
    const sign = screen.getByTestId("wizard-sign");
    expect(sign).toBeDisabled();
    await user.click(sign);
    expect(backend.callsTo("send_transaction")).toHaveLength(0);

    await user.click(screen.getByTestId("wizard-back"));
    expect(within(await screen.findByTestId("wizard-choose")).getByRole("textbox", { name: "Amount" })).toHaveValue("1.5");
    // No draft was kept, so there is none to abandon.
    expect(backend.callsTo("abandon_transaction")).toHaveLength(0);
  });

  it("abandons the planned draft when the user goes back, and when they leave before signing", async () => {
    let drafts = 0;
    const backend = backendWith({
      prepare_contribution: () => {
        drafts += 1;
        return planFixture({ draftId: `draft-${drafts}` });
      },
      abandon_transaction: (args) => transactionViewFixture({ id: (args as { id: string }).id, status: "abandoned" }),
    });
    const { user, unmount } = await planContribution();

    await user.click(screen.getByTestId("wizard-back"));
    await screen.findByTestId("wizard-choose");
    expect(backend.callsTo("abandon_transaction").map((call) => call.args)).toEqual([{ id: "draft-1" }]);

    await user.click(within(choose()).getByTestId("wizard-review"));
    await screen.findByTestId("transaction-summary");
    unmount();
    expect(backend.callsTo("abandon_transaction").map((call) => call.args)).toEqual([{ id: "draft-1" }, { id: "draft-2" }]);
  });

  it("shows why the account cannot sign (no_secret), with nothing sent", async () => {
    backendWith({
      prepare_contribution: () => planFixture(),
      send_transaction: () => {
        throw appErrorFixture({
          code: "no_secret",
          message: "\"Main wallet\" has no key in the keyring to sign with",
        });
      },
    });
    const { user } = await planContribution();
    await user.click(screen.getByTestId("wizard-sign"));

    const alert = await screen.findByTestId("wizard-sign-alert");
    expect(alert).toHaveTextContent("Nothing was sent");
    expect(alert).toHaveTextContent("\"Main wallet\" has no key in the keyring to sign with");
    expect(alert).toHaveTextContent("Watch-only and hardware accounts have no secret in the keyring.");
    expect(screen.getByTestId("transaction-summary")).toBeInTheDocument();
    expect(screen.queryByTestId("wizard-result")).toBeNull();
  });

  it("cancels a signing that waits, and nothing is sent", async () => {
    const signing = deferred<TransactionView>();
    const backend = backendWith({
      prepare_contribution: () => planFixture(),
      send_transaction: (args) => {
        const report = progressSender(args);
        report({ state: "reviewing" });
        report({ state: "loadingKey" });
        report({ state: "waitingForConfirmation" });
        return signing.promise;
      },
      cancel_signing: () => {
        signing.reject(appErrorFixture({ code: "signing_cancelled", message: "the signing was cancelled: nothing was signed" }));
        return null;
      },
      abandon_transaction: () => transactionViewFixture({ status: "abandoned" }),
    });
    const { user } = await planContribution();
    await user.click(screen.getByTestId("wizard-sign"));

    const progress = await screen.findByTestId("wizard-progress");
    await waitFor(() => expect(within(progress).getAllByTestId("progress-step").at(-1)).toHaveTextContent("Waiting for your confirmation"));
    await user.click(within(progress).getByTestId("wizard-cancel"));

    expect(await screen.findByTestId("signing-cancelled")).toHaveTextContent("Nothing was signed or sent");
    expect(backend.callsTo("cancel_signing")[0]?.args).toEqual({ draftId: "draft-1" });
    expect(screen.queryByTestId("wizard-sign-alert")).toBeNull();
    expect(screen.getByTestId("wizard-sign")).toBeEnabled();
  });

  it("shows the amount's refusal at the amount and keeps what was chosen", async () => {
    backendWith({
      prepare_contribution: () => {
        throw appErrorFixture({ code: "invalid_amount", message: "a contribution sends more than nothing", field: "amount" });
      },
    });
    const { user } = renderApp("#/participations/5/contribute");
    const amount = await within(await screen.findByTestId("wizard-choose")).findByRole("textbox", { name: "Amount" });
    await user.type(amount, "0{Enter}");

    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(expect.stringContaining("a contribution sends more than nothing"));
    expect(amount).toHaveFocus();
    expect(amount).toHaveValue("0");
    expect(screen.queryByTestId("transaction-summary")).toBeNull();
  });

  it("claims a refund with the sale's refund function, with no amount to type", async () => {
    const backend = backendWith({
      prepare_refund: () =>
        planFixture({
          purpose: "refund",
          review: reviewFixture({ budget: null }),
          transaction: transactionSummaryFixture({ amount: "0 ETH", value: "0 ETH", valueWei: "0", decodedCall: "claimRefund()" }),
        }),
    });
    const { user } = renderApp("#/participations/5/refund");

    expect(await screen.findByRole("heading", { level: 1, name: "Claim a refund" })).toBeInTheDocument();
    const form = await screen.findByTestId("wizard-choose");
    expect(within(form).queryByRole("textbox", { name: "Amount" })).toBeNull();
    await user.click(within(form).getByTestId("wizard-review"));

    const summary = await screen.findByTestId("transaction-summary");
    expect(backend.callsTo("prepare_refund")[0]?.args).toEqual({ input: { participationId: 5, accountId: 7, feeSpeed: "normal" } });
    expect(within(summary).getByTestId("summary-call")).toHaveTextContent("claimRefund()");
    expect(within(summary).getByTestId("transaction-sentence")).toHaveTextContent("Claim your refund from the sale by calling claimRefund()");
    expect(within(summary).queryByTestId("summary-amount")).toBeNull();
    expect(screen.queryByTestId("budget-impact")).toBeNull();
  });
});
