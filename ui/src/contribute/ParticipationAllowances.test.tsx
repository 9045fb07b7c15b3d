import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AllowanceView } from "../api";
import { participationFixture, saleFixture, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

const participation = participationFixture({ id: 5, saleId: 30, projectName: "Paid Protocol", state: "contributed" });
const tokenPaid = saleFixture({
  id: 30,
  projectName: "Paid Protocol",
  currency: { kind: "erc20", symbol: "TUSD", decimals: 6, address: "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
});
const spender = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

function allowance(overrides: Partial<AllowanceView> = {}): AllowanceView {
  return {
    participationId: 5,
    projectName: "Paid Protocol",
    accountId: 7,
    accountLabel: "Main wallet",
    owner: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    spender,
    amount: { baseUnits: "50000000", decimals: 6, decimal: "50", symbol: "TUSD" },
    unlimited: false,
    ...overrides,
  };
}

function backendWith(allowances: AllowanceView[], sale = tokenPaid) {
  return fakeBackend({
    get_participation: () => participation,
    list_participations: () => [participation].map(summaryOf),
    list_transactions: transactionsReply([]),
    get_sale: () => sale,
    list_allowances: () => allowances,
  });
}

describe("a participation's allowances", () => {
  it("lists what the sale's contracts may take, flags an unlimited one, and links each to its revocation", async () => {
    const backend = backendWith([
      allowance(),
      allowance({ accountId: 8, accountLabel: "Cold", amount: { baseUnits: "1", decimals: 6, decimal: "0.000001", symbol: "TUSD" }, unlimited: true }),
    ]);
    renderApp("#/participations/5");

    const card = await screen.findByTestId("participation-allowances");
    const rows = await within(card).findAllByTestId("allowance-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId("allowance-amount")).toHaveTextContent("50 TUSD");
    expect(within(rows[1]!).getByTestId("allowance-unlimited")).toHaveTextContent("Unlimited TUSD");
    expect(within(rows[0]!).getByTestId("revoke-allowance")).toHaveAttribute("href", `#/participations/5/revoke/${spender}`);
    expect(backend.callsTo("list_allowances")[0]?.args).toEqual({ participationId: 5 });
  });

  it("says when nothing is allowed", async () => {
    backendWith([]);
    renderApp("#/participations/5");
    expect(await screen.findByTestId("allowances-empty")).toHaveTextContent("no contract of this sale may take TUSD");
  });

  it("asks nothing of the node for a sale paid in coins", async () => {
    const backend = backendWith([allowance()], saleFixture({ id: 30 }));
    renderApp("#/participations/5");
    await screen.findByTestId("participation-transactions");
    await waitFor(() => expect(backend.callsTo("get_sale").length).toBeGreaterThan(0));
    expect(screen.queryByTestId("participation-allowances")).toBeNull();
    expect(backend.callsTo("list_allowances")).toHaveLength(0);
  });
});
