import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Participation, StartParticipationInput } from "../api";
import { appErrorFixture, participationFixture, saleFixture, stepFixture, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

const sale = saleFixture({ id: 30, projectName: "Example Protocol", tokenSymbol: "EXP" });

function startForm(): HTMLElement {
  return screen.getByTestId("start-participation-form");
}

function field(name: keyof StartParticipationInput): HTMLInputElement {
  const element = startForm().querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input named ${name}`);
  return element;
}

describe("a sale's participation", () => {
  it("shows the sale's participation with its state and a link to it", async () => {
    const other = participationFixture({ id: 4, saleId: 99, projectName: "Other", history: [stepFixture({ to: "refunded" })] });
    const own = participationFixture({
      id: 5,
      saleId: 30,
      projectName: "Example Protocol",
      history: [stepFixture({ to: "researching" }), stepFixture({ from: "researching", to: "kyc_pending" })],
    });
    fakeBackend({ get_sale: () => sale, list_participations: () => [other, own].map(summaryOf), list_official_addresses: () => [], get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [] });
    renderApp("#/sales/30");

    const section = await screen.findByTestId("sale-participation");
    await waitFor(() => expect(within(section).getByTestId("participation-state")).toHaveTextContent("KYC pending"));
    expect(section).toHaveTextContent("2 steps");
    expect(within(section).getByRole("link", { name: "Open participation" })).toHaveAttribute("href", "#/participations/5");
    expect(within(section).queryByRole("button", { name: "Start participation" })).toBeNull();
  });

  it("starts one from the sale's page and goes to it", async () => {
    let participations: Participation[] = [participationFixture({ id: 4, saleId: 99 })];
    const backend = fakeBackend({
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: () => sale,
      list_participations: () => participations.map(summaryOf),
      start_participation: (args) => {
        const { input } = args as { input: StartParticipationInput };
        const started = participationFixture({
          id: 12,
          saleId: input.saleId,
          projectName: "Example Protocol",
          history: [stepFixture({ to: input.state, happenedAt: "2026-11-02T08:00:00Z", note: input.note })],
        });
        participations = [...participations, started];
        return started;
      },
      list_transactions: transactionsReply([]),
      get_participation: () => participations.find((participation) => participation.id === 12),
    });
    const { user } = renderApp("#/sales/30");

    const section = await screen.findByTestId("sale-participation");
    await user.click(await within(section).findByRole("button", { name: "Start participation" }));
    const dialog = await screen.findByRole("dialog");
    expect(field("state")).toHaveValue("researching");
    expect(field("state")).toHaveFocus();
    expect(field("happenedAt")).toHaveAttribute("placeholder", "now");
    // Every state can start one (a participation begun before Saleguard), in words.
    expect(within(field("state") as unknown as HTMLElement).getAllByRole("option")).toHaveLength(15);

    await user.selectOptions(field("state"), "Registered");
    await user.type(field("happenedAt"), "2026-11-02 08:00");
    await user.type(field("note"), "Whitelist confirmed by mail.");
    await user.click(within(dialog).getByRole("button", { name: "Start participation" }));

    await waitFor(() => expect(backend.callsTo("start_participation")).toHaveLength(1));
    expect(backend.callsTo("start_participation")[0]?.args).toEqual({
      input: { saleId: 30, state: "registered", happenedAt: "2026-11-02 08:00", note: "Whitelist confirmed by mail." },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Example Protocol" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/participations/12");
    expect(screen.getByTestId("step-title")).toHaveTextContent("Started: Registered");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByText("Participation started")).toBeInTheDocument();

    // Back on the sale, the section shows it instead of the button.
    await user.click(screen.getByTestId("open-sale"));
    const sectionAgain = await screen.findByTestId("sale-participation");
    expect(await within(sectionAgain).findByRole("link", { name: "Open participation" })).toHaveAttribute("href", "#/participations/12");
  });

  it("keeps what was typed and shows the date's error when the backend refuses it; Enter submits", async () => {
    const message = "this date is in the future: record a step once it has happened";
    const backend = fakeBackend({
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: () => sale,
      list_participations: () => [],
      start_participation: () => {
        throw appErrorFixture({ code: "in_the_future", message, field: "happenedAt" });
      },
    });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByRole("button", { name: "Start participation" }));
    await screen.findByTestId("start-participation-form");
    await user.type(field("note"), "Planning ahead.");
    await user.type(field("happenedAt"), "2030-01-01 00:00{Enter}");

    await waitFor(() => expect(field("happenedAt")).toHaveAttribute("aria-invalid", "true"));
    expect(backend.callsTo("start_participation")).toHaveLength(1);
    expect(field("happenedAt")).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(field("happenedAt")).toHaveFocus();
    expect(field("happenedAt")).toHaveValue("2030-01-01 00:00");
    expect(field("note")).toHaveValue("Planning ahead.");
    expect(field("state")).toHaveValue("researching");
    expect(window.location.hash).toBe("#/sales/30");
  });

  it("says so when the sale already has a participation started elsewhere, and then shows it", async () => {
    let participations: Participation[] = [];
    fakeBackend({
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: () => sale,
      list_participations: () => participations.map(summaryOf),
      start_participation: () => {
        participations = [participationFixture({ id: 13, saleId: 30 })];
        throw appErrorFixture({ code: "participation_exists", message: "This sale already has a participation." });
      },
    });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByRole("button", { name: "Start participation" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Start participation" }));

    const alert = await screen.findByTestId("start-participation-alert");
    expect(alert).toHaveTextContent("This sale already has a participation.");
    expect(alert).toHaveTextContent("open it from the sale's page");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    const section = screen.getByTestId("sale-participation");
    expect(await within(section).findByRole("link", { name: "Open participation" })).toHaveAttribute("href", "#/participations/13");
  });
});
