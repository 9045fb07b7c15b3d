import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TransactionPlan } from "../api";
import { accountFixture, participationFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { designatedAddress, findingFixture, reviewFixture } from "../test/reviewFixtures";
import { fromAddress, planFixture, progressSender, transactionSummaryFixture, transactionViewFixture, txHash } from "../test/transactionFixtures";

const participation = participationFixture({ id: 5, saleId: 30, projectName: "Paid Protocol", state: "registered" });
const sale = saleFixture({ id: 30, projectName: "Paid Protocol", contributionAddress: designatedAddress });
const mainWallet = accountFixture({ id: 7, label: "Main wallet", address: fromAddress });
const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const approvalHash = `0x${"ab".repeat(32)}`;

const approval: TransactionPlan = planFixture({
  draftId: "approval-1",
  purpose: "approval",
  review: reviewFixture({
    findings: [
      findingFixture({
        code: "current_allowance",
        severity: "info",
        message: `${designatedAddress} may take 0 TUSD of this account's TUSD now; this approval sets that to 100 TUSD.`,
      }),
    ],
  }),
  transaction: transactionSummaryFixture({ to: token, action: "Approve payment", decodedCall: `approve(${designatedAddress}, 100000000)` }),
});

/** The contribution as first planned: it waits for the approval, so nothing of it can be signed yet. */
const waitingContribution: TransactionPlan = planFixture({
  draftId: null,
  transaction: transactionSummaryFixture({ amount: "100 TUSD", gasLimit: 0, decodedCall: "buyTokens(100000000)" }),
  payment: { token, spender: designatedAddress, allowance: "0 TUSD", approval },
});

const payableContribution: TransactionPlan = planFixture({
  draftId: "contribution-1",
  transaction: transactionSummaryFixture({ amount: "100 TUSD", decodedCall: "buyTokens(100000000)" }),
  payment: { token, spender: designatedAddress, allowance: "100 TUSD", approval: null },
});

function backendWith(plans: TransactionPlan[]) {
  let planned = 0;
  return fakeBackend({
    get_participation: () => participation,
    get_sale: () => sale,
    list_accounts: () => [mainWallet],
    value_contribution: () => ({ kind: "unvalued", reason: "no price" }),
    prepare_contribution: () => plans[Math.min(planned++, plans.length - 1)],
    send_transaction: (args) => {
      const draftId = (args as { draftId: string }).draftId;
      const hash = draftId === "approval-1" ? approvalHash : txHash;
      progressSender(args)({ state: "sent", hash });
      return transactionViewFixture({ id: draftId, status: "sent", hash, purpose: draftId === "approval-1" ? "approval" : "contribution" });
    },
    follow_transaction: (args) => {
      const id = (args as { id: string }).id;
      const hash = id === "approval-1" ? approvalHash : txHash;
      return transactionViewFixture({ id, status: "confirmed", hash, purpose: id === "approval-1" ? "approval" : "contribution" });
    },
    open_in_explorer: () => null,
  });
}

async function review(backend: ReturnType<typeof backendWith>) {
  const rendered = renderApp("#/participations/5/contribute");
  const form = await screen.findByTestId("wizard-choose");
  await rendered.user.type(within(form).getByRole("textbox", { name: "Amount" }), "100");
  await rendered.user.click(within(form).getByTestId("wizard-review"));
  await waitFor(() => expect(backend.callsTo("prepare_contribution")).toHaveLength(1));
  return rendered;
}

describe("a contribution the sale takes from a token balance", () => {
  it("reviews the approval with the contribution, signs the approval, then plans and signs the contribution", async () => {
    const backend = backendWith([waitingContribution, payableContribution]);
    const { user } = await review(backend);

    expect(await screen.findByTestId("approval-first")).toHaveTextContent("may take 0 TUSD");
    const summary = screen.getByTestId("transaction-summary");
    expect(within(summary).getByTestId("summary-action")).toHaveTextContent("Approve payment");
    expect(screen.getByText(/this approval sets that to 100 TUSD/)).toBeInTheDocument();
    const waiting = screen.getByTestId("waiting-contribution");
    expect(within(waiting).getByTestId("waiting-amount")).toHaveTextContent("100 TUSD");
    expect(waiting).toHaveTextContent("buyTokens(100000000)");
    expect(screen.queryByTestId("plan-would-fail")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Sign the approval" }));
    await waitFor(() => expect(backend.callsTo("send_transaction")).toHaveLength(1));
    expect(backend.callsTo("send_transaction")[0]?.args).toMatchObject({ draftId: "approval-1" });

    // Confirmed: the contribution is planned again and shown to sign on its own.
    expect(await screen.findByTestId("approval-confirmed")).toHaveTextContent(approvalHash);
    expect(backend.callsTo("prepare_contribution")).toHaveLength(2);
    expect(screen.queryByTestId("waiting-contribution")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Sign and send" }));
    await waitFor(() => expect(backend.callsTo("send_transaction")).toHaveLength(2));
    expect(backend.callsTo("send_transaction")[1]?.args).toMatchObject({ draftId: "contribution-1" });
  });

  it("offers no approval for a contribution that could never be signed", async () => {
    const blocked: TransactionPlan = {
      ...waitingContribution,
      review: reviewFixture({
        verdict: "blocked",
        findings: [findingFixture({ code: "chain_mismatch", severity: "block", overridable: false, message: "Wrong chain." })],
      }),
    };
    const backend = backendWith([blocked]);
    await review(backend);

    expect(await screen.findByTestId("waiting-contribution")).toHaveTextContent("Wrong chain.");
    expect(screen.getByRole("button", { name: "Sign the approval" })).toBeDisabled();
  });
});
