import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ScanProgress, ScanSummary, TransferFromOtherView } from "../api";
import { amountFixture, appErrorFixture, participationFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { deferred, progressSender, transactionsReply } from "../test/transactionFixtures";

const friend = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

function fromFriend(overrides: Partial<TransferFromOtherView> = {}): TransferFromOtherView {
  return {
    id: 4,
    transaction: `0x${"7a".repeat(32)}`,
    logIndex: 2,
    block: 4_210,
    happenedAt: "2027-01-20T12:00:00Z",
    from: friend,
    to: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    amount: amountFixture("7", "AUR"),
    counted: false,
    ...overrides,
  };
}

function summary(overrides: Partial<ScanSummary> = {}): ScanSummary {
  return {
    firstBlock: 100,
    scannedTo: 5_000,
    distributions: [amountFixture("1000", "AUR")],
    fromOthers: [fromFriend()],
    state: "tokens_distributed",
    ...overrides,
  };
}

function page(handlers: Record<string, (args: unknown) => unknown>) {
  return fakeBackend({
    get_participation: () => participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "contributed" }),
    list_transactions: transactionsReply([]),
    ...handlers,
  });
}

describe("checking a participation for tokens", () => {
  it("reads the chain with its progress, says what it recorded and lists transfers from others apart", async () => {
    const finished = deferred<void>();
    let report: (step: ScanProgress) => void = () => {};
    let found: TransferFromOtherView[] = [];
    const backend = page({
      list_transfers_from_others: () => found,
      scan_deliveries: async (args) => {
        report = progressSender<ScanProgress>(args);
        await finished.promise;
        found = [fromFriend()];
        return summary();
      },
      cancel_delivery_scan: () => null,
    });
    const { user } = renderApp("#/participations/5");
    const card = await screen.findByTestId("participation-deliveries");
    expect(within(card).queryAllByTestId("transfer-from-other")).toHaveLength(0);

    await user.click(within(card).getByTestId("scan-deliveries"));
    expect(backend.callsTo("scan_deliveries")[0]?.args).toMatchObject({ input: { participationId: 5, fromBlock: null } });
    act(() => report({ firstBlock: 100, scannedTo: 2_599, lastBlock: 5_099, range: 625, found: 1 }));
    const progress = await within(card).findByTestId("scan-progress");
    expect(progress).toHaveTextContent("Read blocks 100 to 2,599 of 5,099, 625 at a time · 1 found");
    await user.click(within(progress).getByRole("button", { name: "Stop" }));
    expect(backend.callsTo("cancel_delivery_scan")[0]?.args).toEqual({ participationId: 5 });

    await act(async () => finished.resolve());
    expect(await within(card).findByTestId("scan-result")).toHaveTextContent("One new delivery from the sale recorded: 1,000 AUR");
    const row = await within(card).findByTestId("transfer-from-other");
    expect(row).toHaveTextContent("7 AUR");
    expect(row).toHaveTextContent("log 2");
    expect(within(card).queryByTestId("scan-progress")).toBeNull();
  });

  it("counts a transfer from another only when the user says so", async () => {
    let counted = false;
    const backend = page({
      list_transfers_from_others: () => [fromFriend({ counted })],
      count_transfer: () => {
        counted = true;
        return fromFriend({ counted });
      },
    });
    const { user } = renderApp("#/participations/5");
    const row = await screen.findByTestId("transfer-from-other");
    await user.click(within(row).getByTestId("count-transfer"));
    expect(backend.callsTo("count_transfer")[0]?.args).toEqual({ id: 4 });
    await waitFor(() => expect(within(screen.getByTestId("transfer-from-other")).getByTestId("transfer-counted")).toHaveTextContent("Counted"));
  });

  it("asks for the block to look from when no transaction says it, and checks what is typed", async () => {
    const backend = page({
      list_transfers_from_others: () => [],
      scan_deliveries: (args) => {
        const input = (args as { input: { fromBlock: number | null } }).input;
        if (input.fromBlock === null) {
          throw appErrorFixture({ code: "required", message: "no transaction of this participation is recorded on chain", field: "fromBlock" });
        }
        return summary({ firstBlock: input.fromBlock, distributions: [], fromOthers: [] });
      },
    });
    const { user } = renderApp("#/participations/5");
    const card = await screen.findByTestId("participation-deliveries");
    await user.click(within(card).getByTestId("scan-deliveries"));
    const input = await within(card).findByTestId("scan-from-block");
    expect(card).toHaveTextContent("no transaction of this participation is recorded on chain");
    await user.type(input, "12a");
    expect(card).toHaveTextContent("A block number: digits only.");
    expect(within(card).getByTestId("scan-deliveries")).toBeDisabled();
    await user.clear(input);
    await user.type(input, "1200");
    await user.click(within(card).getByTestId("scan-deliveries"));
    expect(await within(card).findByTestId("scan-result")).toHaveTextContent("Checked blocks 1,200 to 5,000. No new delivery from the sale.");
    expect(backend.callsTo("scan_deliveries")[1]?.args).toMatchObject({ input: { participationId: 5, fromBlock: 1200 } });
  });

  it("says why a check stopped, with what to do", async () => {
    page({
      list_transfers_from_others: () => [],
      scan_deliveries: () => {
        throw appErrorFixture({ code: "token_unknown", message: "the sale's token contract is not recorded" });
      },
    });
    const { user } = renderApp("#/participations/5");
    const card = await screen.findByTestId("participation-deliveries");
    await user.click(within(card).getByTestId("scan-deliveries"));
    const alert = await within(card).findByRole("alert");
    expect(alert).toHaveTextContent("The check for tokens stopped");
    expect(alert).toHaveTextContent("the sale's token contract is not recorded");
    expect(alert).toHaveTextContent("Add the token's contract address under On chain");
  });
});
