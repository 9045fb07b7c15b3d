// Transaction plans, transactions and progress as the backend would send them, for tests only.
import type { ListOrder, PageInput, TransactionPlan, TransactionSummary, TransactionView, TxProgress } from "../api";
import type { CommandHandler } from "./fakeBackend";
import { pageOf } from "./fixtures";
import { designatedAddress, reviewFixture } from "./reviewFixtures";

export const fromAddress = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
export const signingHash = `0x${"5e".repeat(32)}`;
export const txHash = `0x${"9c".repeat(32)}`;

export function transactionSummaryFixture(overrides: Partial<TransactionSummary> = {}): TransactionSummary {
  return {
    from: fromAddress,
    to: designatedAddress,
    saleAddress: designatedAddress,
    amount: "1.5 ETH",
    valueWei: "1500000000000000000",
    value: "1.5 ETH",
    chainId: 1,
    network: "Ethereum",
    action: "Contribute",
    decodedCall: "contribute()",
    arguments: [],
    data: "0xd7bb99ba",
    nonce: 4,
    gasLimit: 52000,
    feeSpeed: "normal",
    maxFeePerGas: "30 gwei",
    maxPriorityFeePerGas: "2 gwei",
    maxFee: "0.00156 ETH",
    signingHash,
    unsigned: "0x02f0018504",
    devicePrompt: null,
    ...overrides,
  };
}

export function planFixture(overrides: Partial<TransactionPlan> = {}): TransactionPlan {
  return {
    draftId: "draft-1",
    purpose: "contribution",
    review: reviewFixture(),
    transaction: transactionSummaryFixture(),
    payment: null,
    preview: null,
    ...overrides,
  };
}

export function transactionViewFixture(overrides: Partial<TransactionView> = {}): TransactionView {
  return {
    id: "draft-1",
    participationId: 5,
    effects: null,
    purpose: "contribution",
    action: "Contribute",
    status: "sent",
    replaces: null,
    chainId: 1,
    from: fromAddress,
    to: designatedAddress,
    valueWei: "1500000000000000000",
    amount: "1500000000000000000",
    nonce: 4,
    hash: txHash,
    explorerLink: null,
    blockNumber: null,
    failure: "",
    confirmationsNeeded: 3,
    feePaid: null,
    events: [],
    ...overrides,
  };
}

type TauriInternals = { runCallback: (id: number, data: unknown) => void };

/**
 * The backend's side of a progress channel passed to a command: each step reaches the
 * window the way Tauri delivers a channel's messages (the callback the channel
 * registered, with the message's index), so the UI's own `Channel` puts them in order.
 */
export function progressSender<Step = TxProgress>(args: unknown): (step: Step) => void {
  const channel = (args as { progress: { id: number } }).progress;
  const internals = (window as unknown as { __TAURI_INTERNALS__: TauriInternals }).__TAURI_INTERNALS__;
  let index = 0;
  return (step) => {
    internals.runCallback(channel.id, { index, message: step });
    index += 1;
  };
}

/** A promise the test settles when it wants: a command still running. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** `list_transactions` as the backend answers it: the page asked of `transactions` (given newest first). */
export function transactionsReply(transactions: ReadonlyArray<TransactionView> | (() => ReadonlyArray<TransactionView>)): CommandHandler {
  return (args) => {
    const { order, page } = args as { order: ListOrder; page: PageInput };
    return pageOf(typeof transactions === "function" ? transactions() : transactions, order, page);
  };
}
