import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { OfferedAction, ParticipationState, TransactionView } from "../api";
import { appErrorFixture, participationFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply, transactionViewFixture, txHash } from "../test/transactionFixtures";
import { TRANSACTION_PAGE_ROWS } from "./transactionsQueries";

const contribute: OfferedAction = { purpose: "contribute", name: "Contribute", actionId: null };
const claimRefund: OfferedAction = { purpose: "claim_refund", name: "Claim refund", actionId: 7 };

function pageWith(state: ParticipationState, transactions: () => TransactionView[]) {
  return fakeBackend({
    get_participation: () => participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state }),
    list_transactions: transactionsReply(transactions),
  });
}

describe("a participation's transactions", () => {
  it("lists each with its purpose, status in words, hash and block", async () => {
    const refundHash = `0x${"4d".repeat(32)}`;
    const backend = pageWith("contributed", () => [
      transactionViewFixture({ id: "a", status: "confirmed", blockNumber: 100 }),
      transactionViewFixture({ id: "b", status: "abandoned", hash: null }),
      transactionViewFixture({ id: "c", purpose: "refund", status: "failed", hash: refundHash, blockNumber: 180, failure: "execution reverted: not refundable" }),
    ]);
    renderApp("#/participations/5");

    const section = await screen.findByTestId("participation-transactions");
    const rows = await within(section).findAllByTestId("transaction-row");
    expect(backend.callsTo("list_transactions")[0]?.args).toEqual({ participationId: 5, order: "newestFirst", page: { offset: 0, limit: TRANSACTION_PAGE_ROWS } });
    expect(rows).toHaveLength(3);
    const [confirmed, abandoned, refund] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(confirmed).toHaveTextContent("Contribution");
    expect(within(confirmed).getByTestId("tx-status")).toHaveTextContent("Confirmed");
    expect(within(confirmed).getByTestId("tx-hash")).toHaveAttribute("title", txHash);
    expect(within(confirmed).getByTestId("tx-hash")).toHaveTextContent(`${txHash.slice(0, 8)}…${txHash.slice(-6)}`);
    expect(within(confirmed).getByRole("button", { name: "Copy transaction hash" })).toBeInTheDocument();
    expect(confirmed).toHaveTextContent("100");
    expect(within(abandoned).getByTestId("tx-status")).toHaveTextContent("Abandoned");
    expect(abandoned).toHaveTextContent("Not signed");
    expect(refund).toHaveTextContent("Refund claim");
    expect(within(refund).getByTestId("tx-status")).toHaveAttribute("data-status", "failed");
    expect(refund).toHaveTextContent("execution reverted: not refundable");
    expect(refund).toHaveTextContent("180");
  });

  it("shows what a confirmed transaction did, read from its receipt, and why nothing moved when nothing did", async () => {
    pageWith("refunded", () => [
      transactionViewFixture({
        id: "a",
        status: "confirmed",
        blockNumber: 100,
        effects: {
          moved: [
            { words: "Received 1,500 AUR from 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", logIndex: 3 },
            { words: "Got back 0.95 ETH (measured from the account's balance around the block)", logIndex: null },
          ],
          unmeasured: null,
          remark: "",
        },
      }),
      transactionViewFixture({
        id: "b",
        purpose: "refund",
        status: "confirmed",
        blockNumber: 120,
        effects: { moved: [], unmeasured: null, remark: "Confirmed, but the chain shows no refund in it." },
      }),
    ]);
    renderApp("#/participations/5");

    const rows = await within(await screen.findByTestId("participation-transactions")).findAllByTestId("transaction-row");
    const [moved, empty] = rows as [HTMLElement, HTMLElement];
    const effects = within(moved).getAllByTestId("transaction-effect");
    expect(effects).toHaveLength(2);
    expect(effects[0]).toHaveTextContent("Received 1,500 AUR from 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed · log 3");
    expect(effects[1]).not.toHaveTextContent("log");
    expect(within(moved).queryByTestId("transaction-effects-remark")).toBeNull();
    expect(within(empty).queryAllByTestId("transaction-effect")).toHaveLength(0);
    expect(within(empty).getByTestId("transaction-effects-remark")).toHaveTextContent("shows no refund");
  });

  it("opens a transaction's explorer page through the backend, and says so in its row when no browser opens", async () => {
    const backend = fakeBackend({
      get_participation: () => participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "contributed" }),
      list_transactions: transactionsReply([
        transactionViewFixture({ id: "a", status: "confirmed", blockNumber: 100, explorerLink: `https://etherscan.io/tx/${txHash}` }),
        transactionViewFixture({ id: "b", status: "failed", explorerLink: "https://etherscan.io/tx/0xb" }),
        transactionViewFixture({ id: "c", status: "sent", explorerLink: null }),
      ]),
      open_in_explorer: (args) => {
        if ((args as { transactionId: string }).transactionId === "b") {
          throw appErrorFixture({ code: "browser_unavailable", message: "the system could not open a web browser; copy the link instead" });
        }
        return null;
      },
    });
    const { user } = renderApp("#/participations/5");

    const rows = await within(await screen.findByTestId("participation-transactions")).findAllByTestId("transaction-row");
    const [opens, fails, noExplorer] = rows as [HTMLElement, HTMLElement, HTMLElement];
    // Without an explorer on its network, there is nothing to open.
    expect(within(noExplorer).queryByRole("button", { name: "Open in explorer" })).toBeNull();

    await user.click(within(opens).getByRole("button", { name: "Open in explorer" }));
    await waitFor(() => expect(backend.callsTo("open_in_explorer").map((call) => call.args)).toEqual([{ transactionId: "a" }]));
    expect(within(opens).queryByTestId("explorer-error")).toBeNull();

    await user.click(within(fails).getByRole("button", { name: "Open in explorer" }));
    expect(await within(fails).findByTestId("explorer-error")).toHaveTextContent("copy the link instead");
    expect(within(fails).getByRole("button", { name: "Copy explorer link" })).toBeInTheDocument();
    expect(within(opens).queryByTestId("explorer-error")).toBeNull();
  });

  it("shows the newest first and reads older ones a page at a time when asked", async () => {
    const count = TRANSACTION_PAGE_ROWS * 2 + 3;
    const hashOf = (number: number) => `0x${number.toString(16).padStart(64, "0")}`;
    const newestFirst = Array.from({ length: count }, (_, index) => transactionViewFixture({ id: `tx-${count - index}`, hash: hashOf(count - index) }));
    const hashIn = (row: HTMLElement | undefined) => within(row!).getByTestId("tx-hash").getAttribute("title");
    const backend = pageWith("contributed", () => newestFirst);
    const { user } = renderApp("#/participations/5");

    const section = await screen.findByTestId("participation-transactions");
    expect(await within(section).findAllByTestId("transaction-row")).toHaveLength(TRANSACTION_PAGE_ROWS);
    expect(hashIn(within(section).getAllByTestId("transaction-row")[0])).toBe(hashOf(count));
    expect(within(section).getByTestId("transactions-more")).toHaveTextContent(`Showing the newest ${TRANSACTION_PAGE_ROWS} of ${count} transactions`);

    await user.click(within(section).getByTestId("transactions-show-older"));
    await waitFor(() => expect(within(section).getAllByTestId("transaction-row")).toHaveLength(TRANSACTION_PAGE_ROWS * 2));
    await user.click(within(section).getByTestId("transactions-show-older"));
    await waitFor(() => expect(within(section).getAllByTestId("transaction-row")).toHaveLength(count));
    // The oldest is last, and with every row read there is nothing more to ask for.
    expect(hashIn(within(section).getAllByTestId("transaction-row").at(-1))).toBe(hashOf(1));
    expect(within(section).queryByTestId("transactions-more")).toBeNull();
    expect(backend.callsTo("list_transactions").map((call) => (call.args as { page: { offset: number } }).page.offset)).toEqual([
      0,
      TRANSACTION_PAGE_ROWS,
      TRANSACTION_PAGE_ROWS * 2,
    ]);
  });

  it("keeps the rows shown when an older page cannot be read, and reads it again on request", async () => {
    const rows = Array.from({ length: TRANSACTION_PAGE_ROWS + 1 }, (_, index) => transactionViewFixture({ id: `tx-${index}` }));
    const pages = transactionsReply(rows);
    let failing = true;
    fakeBackend({
      get_participation: () => participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "contributed" }),
      list_transactions: (args) => {
        if ((args as { page: { offset: number } }).page.offset > 0 && failing) {
          throw appErrorFixture({ code: "storage_failed", message: "the database could not be read" });
        }
        return pages(args);
      },
    });
    const { user } = renderApp("#/participations/5");

    const section = await screen.findByTestId("participation-transactions");
    await within(section).findAllByTestId("transaction-row");
    await user.click(within(section).getByTestId("transactions-show-older"));
    expect(await within(section).findByText("The older transactions could not be loaded")).toBeInTheDocument();
    expect(within(section).getAllByTestId("transaction-row")).toHaveLength(TRANSACTION_PAGE_ROWS);

    failing = false;
    await user.click(within(section).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(within(section).getAllByTestId("transaction-row")).toHaveLength(TRANSACTION_PAGE_ROWS + 1));
    expect(within(section).queryByText("The older transactions could not be loaded")).toBeNull();
  });

  it("says what to do when there is none", async () => {
    pageWith("kyc_approved", () => []);
    renderApp("#/participations/5");
    expect(await screen.findByTestId("transactions-empty")).toHaveTextContent("No transaction yet");
  });

  it("shows a failure to list them", async () => {
    pageWith("kyc_approved", () => {
      throw appErrorFixture({ code: "storage_failed", message: "the database could not be read" });
    });
    renderApp("#/participations/5");
    const section = await screen.findByTestId("participation-transactions");
    expect(await within(section).findByText("The transactions could not be loaded")).toBeInTheDocument();
    expect(section).toHaveTextContent("the database could not be read");
  });

  it("offers to contribute when the backend offers it, and nothing it does not", async () => {
    fakeBackend({
      get_participation: () => participationFixture({ id: 5, state: "kyc_approved", offeredActions: [contribute] }),
      list_transactions: transactionsReply([]),
    });
    renderApp("#/participations/5");
    expect(await screen.findByTestId("contribute-button")).toHaveAttribute("href", "#/participations/5/contribute");
    expect(screen.queryByTestId("claim-refund")).toBeNull();
  });

  it("offers to claim a refund when the sale's refund action is offered", async () => {
    fakeBackend({
      get_participation: () => participationFixture({ id: 5, state: "soft_cap_missed", offeredActions: [claimRefund] }),
      list_transactions: transactionsReply([]),
    });
    renderApp("#/participations/5");
    expect(await screen.findByTestId("claim-refund")).toHaveAttribute("href", "#/participations/5/refund");
    expect(screen.queryByTestId("contribute-button")).toBeNull();
  });

  it("offers neither when nothing is offered (the participation is over, or the sale has no refund action)", async () => {
    pageWith("contributed", () => []);
    renderApp("#/participations/5");
    await screen.findByTestId("participation-transactions");
    expect(screen.queryByTestId("contribute-button")).toBeNull();
    expect(screen.queryByTestId("claim-refund")).toBeNull();
  });

  it("opens the wizard from the Contribute button", async () => {
    fakeBackend({
      get_participation: () =>
        participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "registered", offeredActions: [contribute] }),
      list_transactions: transactionsReply([]),
      get_sale: () => saleFixture({ id: 30, projectName: "Example Protocol" }),
      list_accounts: () => [],
    });
    const { user } = renderApp("#/participations/5");
    await user.click(await screen.findByTestId("contribute-button"));
    expect(await screen.findByRole("heading", { level: 1, name: "Contribute" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/participations/5/contribute");
  });
});
