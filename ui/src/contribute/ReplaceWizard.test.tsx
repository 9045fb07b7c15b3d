import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { accountFixture, participationFixture, saleFixture, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { fromAddress, planFixture, transactionSummaryFixture, transactionsReply, transactionViewFixture } from "../test/transactionFixtures";

const stuckId = "ab".repeat(16);
const participation = participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "contributed" });

function backend() {
  return fakeBackend({
    get_participation: () => participation,
    list_participations: () => [participation].map(summaryOf),
    get_sale: () => saleFixture({ id: 30, projectName: "Example Protocol" }),
    list_accounts: () => [accountFixture({ id: 7, label: "Main wallet", address: fromAddress })],
    list_transactions: transactionsReply([
      transactionViewFixture({ id: stuckId, status: "sent" }),
      transactionViewFixture({ id: "cd".repeat(16), status: "confirmed", replaces: "ef".repeat(16) }),
    ]),
    prepare_replacement: () =>
      planFixture({
        draftId: "speed-1",
        transaction: transactionSummaryFixture({ action: "Speed up: Contribute", maxFee: "0.00312 ETH" }),
      }),
    send_transaction: () => transactionViewFixture({ id: "speed-1", status: "confirmed", replaces: stuckId }),
  });
}

describe("a stuck transaction", () => {
  it("offers to speed it up or cancel it while it is sent and not mined, and says what replaced another", async () => {
    backend();
    renderApp("#/participations/5");
    const rows = await screen.findAllByTestId("transaction-row");
    expect(within(rows[0]!).getByTestId("tx-speed-up")).toHaveAttribute("href", `#/participations/5/replace/${stuckId}/speed_up`);
    expect(within(rows[0]!).getByTestId("tx-cancel")).toHaveAttribute("href", `#/participations/5/replace/${stuckId}/cancel`);
    expect(within(rows[1]!).queryByTestId("tx-speed-up")).toBeNull();
    expect(within(rows[1]!).getByTestId("transaction-replaces")).toBeInTheDocument();
  });

  it("is sped up from the account that signed it, with the fees chosen, reviewed, then signed", async () => {
    const calls = backend();
    const { user } = renderApp(`#/participations/5/replace/${stuckId}/speed_up`);

    expect(await screen.findByRole("heading", { level: 1, name: "Speed up a transaction" })).toBeInTheDocument();
    const form = await screen.findByTestId("wizard-choose");
    expect(within(form).queryByRole("combobox", { name: "Account" })).toBeNull();
    await user.click(within(form).getByRole("radio", { name: "Fast" }));
    await user.click(within(form).getByTestId("wizard-review"));

    await waitFor(() => expect(calls.callsTo("prepare_replacement")).toHaveLength(1));
    expect(calls.callsTo("prepare_replacement")[0]?.args).toEqual({
      input: { transactionId: stuckId, how: "speed_up", feeSpeed: "fast" },
    });
    const summary = await screen.findByTestId("transaction-summary");
    expect(within(summary).getByTestId("summary-action")).toHaveTextContent("Speed up: Contribute");
    await user.click(screen.getByTestId("wizard-sign"));
    await waitFor(() => expect(calls.callsTo("send_transaction")).toHaveLength(1));
    expect(calls.callsTo("send_transaction")[0]?.args).toMatchObject({ draftId: "speed-1" });
  });

  it("falls back to the participation for a link that names no transaction", async () => {
    backend();
    renderApp("#/participations/5/replace/not-an-id/speed_up");
    expect(await screen.findByTestId("participation-transactions")).toBeInTheDocument();
  });
});
