import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { OverrideInput, Review, ReviewInput, ReviewOverride } from "../api";
import { accountFixture, appErrorFixture, participationFixture, saleFixture } from "../test/fixtures";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { designatedAddress, findingFixture, noSourceWarning, overrideFixture, reviewFixture } from "../test/reviewFixtures";
import { transactionsReply } from "../test/transactionFixtures";

const sale = saleFixture({ id: 30, projectName: "Example Protocol", contributionAddress: designatedAddress });
const accounts = [accountFixture({ id: 7, label: "Main wallet" }), accountFixture({ id: 8, label: "Savings" })];

function backendWith(review: (input: ReviewInput) => Review, extra: Record<string, CommandHandler> = {}) {
  let overrides: ReviewOverride[] = [];
  return fakeBackend({
    get_sale: () => sale,
    list_accounts: () => accounts,
    list_review_overrides: () => overrides,
    review_contribution: (args) => review((args as { input: ReviewInput }).input),
    override_review: (args) => {
      const { input } = args as { input: OverrideInput };
      const kept = overrideFixture({ id: overrides.length + 1, amount: input.review.amount, reason: input.reason });
      overrides = [kept, ...overrides];
      return kept;
    },
    ...extra,
  });
}

function form(): HTMLElement {
  return screen.getByTestId("review-form");
}

describe("reviewing a contribution", () => {
  it("prefills the sale's address, says nothing is signed, and shows the findings of what was typed", async () => {
    const backend = backendWith(() => reviewFixture({ findings: [findingFixture(), noSourceWarning] }));
    const { user } = renderApp("#/sales/30/review");

    expect(await screen.findByRole("heading", { level: 1, name: "Review a contribution" })).toBeInTheDocument();
    expect(await screen.findByTestId("nothing-signed")).toHaveTextContent("Nothing is signed here");
    const to = await within(await screen.findByTestId("review-form")).findByRole("textbox", { name: "To" });
    expect(to).toHaveValue(designatedAddress);
    expect(within(form()).getByText("ETH")).toBeInTheDocument();
    expect(await screen.findByTestId("overrides-empty")).toHaveTextContent("No override yet");

    await user.selectOptions(within(form()).getByRole("combobox", { name: "From" }), "Main wallet");
    expect(form()).toHaveTextContent(accounts[0]?.address ?? "");
    await user.type(within(form()).getByRole("textbox", { name: "Amount" }), "1.5{Enter}");

    await waitFor(() => expect(backend.callsTo("review_contribution")).toHaveLength(1));
    expect(backend.callsTo("review_contribution")[0]?.args).toEqual({
      input: { saleId: 30, from: "7", to: designatedAddress, amount: "1.5", chainId: "", at: "" },
    });
    const panel = await screen.findByTestId("review-panel");
    expect(within(panel).getByRole("heading", { level: 2, name: "Blocked" })).toBeInTheDocument();
    expect(within(panel).getByTestId("findings-block")).toHaveTextContent("The sale opens on 2026-12-01 14:00 UTC.");
    expect(within(panel).getByTestId("findings-warn")).toHaveTextContent(noSourceWarning.message);

    // Changing the form after a review says the review is of something else.
    expect(screen.queryByTestId("review-outdated")).toBeNull();
    await user.type(within(form()).getByRole("textbox", { name: "Amount" }), "0");
    expect(screen.getByTestId("review-outdated")).toBeInTheDocument();
  });

  it("keeps what was typed and shows a refused amount at its input", async () => {
    backendWith(() => {
      throw appErrorFixture({ code: "invalid_amount", message: "a contribution sends more than nothing", field: "amount" });
    });
    const { user } = renderApp("#/sales/30/review");

    const amount = await within(await screen.findByTestId("review-form")).findByRole("textbox", { name: "Amount" });
    await user.selectOptions(within(form()).getByRole("combobox", { name: "From" }), "Savings");
    await user.type(within(form()).getByRole("textbox", { name: "Chain id" }), "1");
    await user.type(amount, "0{Enter}");

    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(expect.stringContaining("a contribution sends more than nothing"));
    expect(amount).toHaveValue("0");
    expect(amount).toHaveFocus();
    expect(within(form()).getByRole("combobox", { name: "From" })).toHaveValue("8");
    expect(within(form()).getByRole("textbox", { name: "Chain id" })).toHaveValue("1");
    expect(screen.queryByTestId("review-panel")).toBeNull();
  });

  it("overrides a blocked review with a reason and lists it among the sale's overridden reviews", async () => {
    const backend = backendWith(() => reviewFixture({ findings: [findingFixture()] }));
    const { user } = renderApp("#/sales/30/review");

    await user.selectOptions(await within(await screen.findByTestId("review-form")).findByRole("combobox", { name: "From" }), "Main wallet");
    await user.type(within(form()).getByRole("textbox", { name: "Amount" }), "2");
    await user.click(within(form()).getByRole("button", { name: "Review" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Blocked" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Override with a reason…" }));
    const dialog = await screen.findByRole("dialog", { name: "Override the blocks" });
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "The team announced an early start.");
    await user.click(within(dialog).getByRole("button", { name: "Override and keep in history" }));

    expect(await screen.findByTestId("override-recorded")).toBeInTheDocument();
    expect(backend.callsTo("override_review")[0]?.args).toEqual({
      input: {
        review: { saleId: 30, from: "7", to: designatedAddress, amount: "2", chainId: "", at: "" },
        reason: "The team announced an early start.",
      },
    });
    const entry = await screen.findByTestId("override-entry");
    expect(within(entry).getByTestId("override-reason")).toHaveTextContent("The team announced an early start.");
    expect(entry).toHaveTextContent("2 ETH");
    expect(within(entry).getByTestId("override-findings")).toHaveTextContent("sale_not_open_yet");
    expect(within(entry).getByTestId("severity-mark")).toHaveTextContent("Blocks");
    expect(screen.queryByTestId("overrides-empty")).toBeNull();
  });

  it("is reached from the sale's page and from its participation's page", async () => {
    fakeBackend({
      get_sale: () => sale,
      list_accounts: () => accounts,
      list_participations: () => [],
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      list_review_overrides: () => [],
      list_transactions: transactionsReply([]),
      get_participation: () =>
        participationFixture({
          id: 5,
          saleId: 30,
          projectName: "Example Protocol",
          offeredActions: [{ purpose: "contribute", name: "Contribute", actionId: null }],
        }),
    });
    const { user } = renderApp("#/participations/5");
    expect(await screen.findByRole("link", { name: "Review a contribution" })).toHaveAttribute("href", "#/sales/30/review");

    window.location.hash = "#/sales/30";
    await user.click(await screen.findByRole("link", { name: "Review a contribution" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Review a contribution" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/sales/30/review");
    expect(screen.getByRole("link", { name: "Example Protocol" })).toHaveAttribute("href", "#/sales/30");
  });

  it("is not offered on a participation that can no longer contribute", async () => {
    fakeBackend({
      get_sale: () => sale,
      list_transactions: transactionsReply([]),
      list_transfers_from_others: () => [],
      get_participation: () =>
        participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "tokens_distributed", offeredActions: [] }),
    });
    renderApp("#/participations/5");
    expect(await screen.findByRole("heading", { level: 1, name: "Example Protocol" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Review a contribution" })).toBeNull();
    expect(screen.getByRole("link", { name: "View the sale" })).toBeInTheDocument();
  });
});
