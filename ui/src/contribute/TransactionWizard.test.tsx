import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  OVERRIDE_REASON_MIN,
  type AmountValue,
  type AmountValueInput,
  type ContributionInput,
  type TransactionPlan,
  type TransactionView,
} from "../api";
import { formatLocalDateTime } from "../format/time";
import { AMOUNT_VALUE_DEBOUNCE_MS } from "./transactionsQueries";
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

const valued = (value: string, staleSince: string | null = null): AmountValue => ({ kind: "valued", value, currency: "USD", staleSince });

function backendWith(handlers: Record<string, CommandHandler>) {
  return fakeBackend({
    get_participation: () => participation,
    get_sale: () => sale,
    list_accounts: () => [mainWallet, watched],
    value_contribution: () => valued("4500"),
    ...handlers,
  });
}

function typedAmountOf(args: unknown): string {
  return (args as { input: AmountValueInput }).input.amount;
}

function amountsValued(backend: ReturnType<typeof backendWith>): string[] {
  return backend.callsTo("value_contribution").map((call) => typedAmountOf(call.args));
}

/** Lets the typing pause for longer than the amount's value waits for. */
async function pauseTyping(): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, AMOUNT_VALUE_DEBOUNCE_MS * 2)));
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
      feePaid: { baseUnits: "1134000000000000", decimals: 18, decimal: "0.001134", symbol: "ETH" },
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
      open_in_explorer: () => null,
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
    expect(within(result).getByTestId("result-fee")).toHaveTextContent("Network fee paid: 0.001134 ETH");
    expect(within(result).getByTestId("result-hash")).toHaveTextContent(txHash);
    // The webview cannot open a link in the system browser: the backend opens the page of the transaction it stored.
    const explorer = within(result).getByRole("button", { name: "Open in explorer" });
    expect(explorer).toHaveAttribute("data-testid", "explorer-link");
    expect(explorer).not.toHaveAttribute("href");
    expect(within(result).getByRole("button", { name: "Copy explorer link" })).toBeInTheDocument();
    await user.click(explorer);
    await waitFor(() => expect(backend.callsTo("open_in_explorer").map((call) => call.args)).toEqual([{ transactionId: "draft-1" }]));
    expect(within(result).queryByTestId("explorer-error")).toBeNull();
    expect(within(result).getByRole("link", { name: "Back to the participation" })).toHaveAttribute("href", "#/participations/5");

    // A sent transaction is not abandoned when the user leaves.
    unmount();
    expect(backend.callsTo("abandon_transaction")).toHaveLength(0);
  });

  it("shows what the node's simulation says the transaction would move, and says when it moves nothing", async () => {
    let preview: TransactionPlan["preview"] = [
      { words: "Would send 1.5 ETH to the sale (the transaction's value)", logIndex: null },
      { words: "Would receive 1500 EXP (minted)", logIndex: 1 },
    ];
    backendWith({ prepare_contribution: () => planFixture({ preview }) });
    await planContribution();
    const card = screen.getByTestId("plan-preview");
    expect(within(card).getAllByTestId("plan-preview-line").map((line) => line.textContent)).toEqual([
      "Would send 1.5 ETH to the sale (the transaction's value)",
      "Would receive 1500 EXP (minted)",
    ]);
    cleanup();

    preview = [];
    backendWith({ prepare_contribution: () => planFixture({ preview }) });
    await planContribution();
    expect(screen.getByTestId("plan-preview-nothing")).toHaveTextContent("Nothing: no coin leaves your account");
    cleanup();

    backendWith({ prepare_contribution: () => planFixture({ preview: null }) });
    await planContribution();
    expect(screen.queryByTestId("plan-preview")).toBeNull();
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

  it("says why the explorer did not open, and keeps the link to copy", async () => {
    const backend = backendWith({
      prepare_contribution: () => planFixture(),
      send_transaction: () =>
        transactionViewFixture({ id: "tx-9", status: "confirmed", blockNumber: 100, explorerLink: `https://etherscan.io/tx/${txHash}` }),
      open_in_explorer: () => {
        throw appErrorFixture({ code: "browser_unavailable", message: "the system could not open a web browser; copy the link instead" });
      },
    });
    const { user } = await planContribution();
    await user.click(screen.getByTestId("wizard-sign"));

    const result = await screen.findByTestId("wizard-result");
    await user.click(within(result).getByTestId("explorer-link"));

    const failure = await within(result).findByTestId("explorer-error");
    expect(failure).toHaveTextContent("The explorer did not open: the system could not open a web browser; copy the link instead");
    expect(backend.callsTo("open_in_explorer")[0]?.args).toEqual({ transactionId: "tx-9" });
    expect(within(result).getByRole("button", { name: "Copy explorer link" })).toBeInTheDocument();
    // Still offered: the browser may open the next time.
    expect(within(result).getByTestId("explorer-link")).toBeEnabled();
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
    const summary = screen.getByTestId("transaction-summary");
    expect(summary).toHaveTextContent("Could not be estimated");
    // No fee of 0 and no signing hash for a transaction that cannot be signed.
    expect(within(summary).getByTestId("summary-max-fee")).toHaveTextContent("Unknown until the call can go through");
    expect(within(summary).getByTestId("transaction-sentence")).toHaveTextContent("The fees are unknown");
    expect(within(summary).queryByTestId("summary-signing-hash")).toBeNull();
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
    await waitFor(() => expect(within(progress).getAllByTestId("progress-step").at(-1)).toHaveTextContent("Check the transaction on your hardware wallet's screen and confirm it there"));
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
    // The verdict speaks of the refund claim, and a clean review names only the node's checks.
    expect(screen.getByTestId("review-verdict")).toHaveTextContent("Nothing stands in the way of this refund claim.");
    expect(screen.getByTestId("no-findings")).toHaveTextContent("the node's checks all pass");
    expect(screen.getByTestId("no-findings")).not.toHaveTextContent("budget");
  });
});

describe("the amount's value in the budget's currency", () => {
  /** Opens the wizard and types `text` as the amount. */
  async function typeAmount(text: string) {
    const rendered = renderApp("#/participations/5/contribute");
    const amount = await within(await screen.findByTestId("wizard-choose")).findByRole("textbox", { name: "Amount" });
    await rendered.user.type(amount, text);
    return { ...rendered, amount };
  }

  it("shows what the amount typed is worth, grouped and to the cent, and keeps saying the currency", async () => {
    const backend = backendWith({ value_contribution: () => valued("12345.67") });
    const { amount } = await typeAmount("4.5");

    const hint = screen.getByTestId("amount-value");
    await waitFor(() => expect(hint).toHaveTextContent("≈ 12,345.67 USD"));
    expect(hint).toHaveAttribute("aria-live", "polite");
    expect(hint).not.toHaveTextContent("older than your limit");
    expect(backend.callsTo("value_contribution").map((call) => call.args)).toEqual([{ input: { saleId: 30, amount: "4.5" } }]);
    expect(amount).toHaveAccessibleDescription(expect.stringContaining("In ETH, the sale's accepted currency."));
  });

  it("says when the price it is valued at is older than the user's limit", async () => {
    const pricedAt = "2027-01-10T09:30:00Z";
    backendWith({ value_contribution: () => valued("1500", pricedAt) });
    await typeAmount("0.5");

    const hint = screen.getByTestId("amount-value");
    await waitFor(() =>
      expect(hint).toHaveTextContent(`≈ 1,500 USD — at a price from ${formatLocalDateTime(pricedAt)} that is older than your limit`),
    );
    expect(within(hint).getByText(formatLocalDateTime(pricedAt))).toHaveAttribute("dateTime", pricedAt);
  });

  it("says no budget covers today, with the way to the budgets", async () => {
    backendWith({ value_contribution: () => ({ kind: "no_budget" }) });
    await typeAmount("1");

    const hint = screen.getByTestId("amount-value");
    await waitFor(() => expect(hint).toHaveTextContent("No budget covers today, so its value is not shown."));
    expect(within(hint).getByRole("link", { name: "Budget" })).toHaveAttribute("href", "#/budget");
  });

  it("says which price is missing from the price book, with the way to add it", async () => {
    backendWith({ value_contribution: () => ({ kind: "no_price", asset: "ETH", currency: "EUR" }) });
    await typeAmount("1");

    const hint = screen.getByTestId("amount-value");
    await waitFor(() =>
      expect(hint).toHaveTextContent("No price of ETH in EUR in the price book: add one under Budget to see its value."),
    );
    expect(within(hint).getByRole("link", { name: "Budget" })).toHaveAttribute("href", "#/budget");
  });

  it("says when the value is too large to say", async () => {
    backendWith({ value_contribution: () => ({ kind: "too_large" }) });
    await typeAmount("99999999999999999999999999");

    await waitFor(() => expect(screen.getByTestId("amount-value")).toHaveTextContent("Too large to value."));
  });

  it("shows nothing for an amount the backend refuses, and leaves the refusal to the form", async () => {
    const backend = backendWith({
      value_contribution: () => {
        throw appErrorFixture({
          code: "too_many_decimal_places",
          message: "ETH has at most 18 decimal places",
          field: "amount",
          invalidFields: [{ field: "amount", code: "too_many_decimal_places", message: "ETH has at most 18 decimal places" }],
        });
      },
    });
    const { amount } = await typeAmount("0.0000000000000000001");

    await waitFor(() => expect(backend.callsTo("value_contribution")).toHaveLength(1));
    await pauseTyping();
    expect(screen.getByTestId("amount-value")).toBeEmptyDOMElement();
    expect(amount).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("wizard-choose-alert")).toBeNull();
  });

  it("asks nothing while the amount is empty", async () => {
    const backend = backendWith({});
    await typeAmount("   ");
    await pauseTyping();

    expect(backend.callsTo("value_contribution")).toHaveLength(0);
    expect(screen.getByTestId("amount-value")).toBeEmptyDOMElement();
  });

  it("values the amount once typing pauses, and ends on the value of the amount last typed", async () => {
    const slowThree = deferred<AmountValue>();
    const backend = backendWith({
      value_contribution: (args) => {
        const typed = typedAmountOf(args);
        return typed === "3" ? slowThree.promise : valued(`${typed}000`);
      },
    });
    const { user, amount } = await typeAmount("12");

    const hint = screen.getByTestId("amount-value");
    await waitFor(() => expect(hint).toHaveTextContent("≈ 12,000 USD"));
    // Each key restarts the wait: "1" alone was never asked about.
    expect(amountsValued(backend)).toEqual(["12"]);
    expect(hint).toHaveAttribute("aria-busy", "false");

    await user.clear(amount);
    await user.type(amount, "3");
    // Until the value of 3 ETH comes, the last one stays, marked as on its way.
    expect(hint).toHaveAttribute("aria-busy", "true");
    await waitFor(() => expect(amountsValued(backend)).toEqual(["12", "3"]));
    expect(hint).toHaveAttribute("aria-busy", "true");

    await act(async () => slowThree.resolve(valued("3000")));
    await waitFor(() => expect(hint).toHaveTextContent("≈ 3,000 USD"));
    expect(hint).toHaveAttribute("aria-busy", "false");

    // Emptied: no value is left beside an empty amount, and nothing is asked.
    await user.clear(amount);
    expect(hint).toBeEmptyDOMElement();
    await pauseTyping();
    expect(amountsValued(backend)).toEqual(["12", "3"]);
  });
});
