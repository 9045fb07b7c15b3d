import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MoveParticipationInput, Participation } from "../api";
import { appErrorFixture, participationFixture, stepFixture, successorsWithoutKyc, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

function kycPendingParticipation(overrides: Partial<Participation> = {}): Participation {
  return participationFixture({
    id: 7,
    saleId: 21,
    projectName: "Example Protocol",
    tokenSymbol: "EXP",
    history: [
      stepFixture({ to: "researching", happenedAt: "2026-11-01T09:00:00Z", note: "Read the whitepaper." }),
      stepFixture({
        from: "researching",
        to: "registered",
        happenedAt: "2026-11-03T12:00:00Z",
        // Recorded two days after it happened.
        recordedAt: "2026-11-05T18:45:00Z",
        note: "Whitelisted.\nConfirmation mail kept.",
      }),
      stepFixture({ from: "registered", to: "kyc_pending", happenedAt: "2026-11-06T08:15:00Z" }),
    ],
    // As for a sale that requires KYC: no "contributed" before the approval.
    nextStates: ["kyc_approved", "kyc_rejected", "withdrawn", "abandoned"],
    ...overrides,
  });
}

/** A backend holding one participation, moved the way the real one would on move_participation. */
function backendWith(initial: Participation, move?: (input: MoveParticipationInput) => void) {
  let current = initial;
  const backend = fakeBackend({
    list_transactions: transactionsReply([]),
    get_participation: () => current,
    list_participations: () => [current].map(summaryOf),
    move_participation: (args) => {
      const { input } = args as { id: number; input: MoveParticipationInput };
      move?.(input);
      const happenedAt = "2026-11-12T10:00:00Z";
      current = {
        ...current,
        state: input.to,
        history: [
          ...current.history,
          stepFixture({ from: current.state, to: input.to, happenedAt, recordedAt: "2026-11-12T10:00:00Z", note: input.note }),
        ],
        nextStates: successorsWithoutKyc[input.to],
      };
      return current;
    },
  });
  return backend;
}

function form(): HTMLElement {
  return screen.getByTestId("record-step-form");
}

function input(name: "happenedAt" | "note"): HTMLInputElement {
  const element = form().querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input named ${name}`);
  return element;
}

function stepTexts(): string[] {
  return screen.getAllByTestId("participation-step").map((step) => step.textContent ?? "");
}

describe("a participation's page", () => {
  it("shows the project, its state and every step of its history in order, with notes and late recording", async () => {
    backendWith(kycPendingParticipation());
    renderApp("#/participations/7");

    expect(await screen.findByRole("heading", { level: 1, name: "Example Protocol" })).toBeInTheDocument();
    const header = screen.getByRole("heading", { level: 1 }).parentElement as HTMLElement;
    expect(within(header).getByTestId("participation-state")).toHaveTextContent("KYC pending");

    const steps = screen.getAllByTestId("participation-step");
    expect(steps).toHaveLength(3);
    expect(within(screen.getByRole("list", { name: "History" })).getAllByRole("listitem")).toHaveLength(3);
    expect(screen.getAllByTestId("step-title").map((title) => title.textContent)).toEqual([
      "Started: Researching",
      "Researching → Registered",
      "Registered → KYC pending",
    ]);
    expect(within(steps[0] as HTMLElement).getByTestId("step-note")).toHaveTextContent("Read the whitepaper.");
    // The note is shown as written, line break included.
    expect(within(steps[1] as HTMLElement).getByTestId("step-note").textContent).toBe("Whitelisted.\nConfirmation mail kept.");
    expect(within(steps[2] as HTMLElement).queryByTestId("step-note")).toBeNull();
    // When it happened (UTC on hover); when recorded only where that differs.
    const happened = (steps[1] as HTMLElement).querySelector('time[datetime="2026-11-03T12:00:00Z"]');
    expect(happened).toHaveAttribute("title", "2026-11-03 12:00 UTC");
    expect(within(steps[1] as HTMLElement).getByTestId("step-recorded-at").querySelector("time")).toHaveAttribute(
      "datetime",
      "2026-11-05T18:45:00Z",
    );
    expect(within(steps[0] as HTMLElement).queryByTestId("step-recorded-at")).toBeNull();
    expect(within(steps[2] as HTMLElement).queryByTestId("step-recorded-at")).toBeNull();

    expect(screen.getByTestId("open-sale")).toHaveAttribute("href", "#/sales/21");
  });

  it("offers only the next states the backend allows and records the chosen one as typed", async () => {
    const backend = backendWith(kycPendingParticipation());
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    const choices = within(form()).getAllByRole("radio");
    expect(choices.map((choice) => choice.getAttribute("value"))).toEqual(["kyc_approved", "kyc_rejected", "withdrawn", "abandoned"]);
    // In words, not the backend's names.
    ["KYC approved", "KYC rejected", "Withdrawn", "Abandoned"].forEach((name, index) => {
      expect(choices[index]).toHaveAccessibleName(name);
    });
    expect(within(form()).getByRole("radio", { name: "KYC approved" })).toHaveAccessibleDescription(/verified your identity/);
    expect(within(form()).queryByRole("radio", { name: "Contributed" })).toBeNull();
    expect(within(form()).queryByRole("radio", { name: "KYC pending" }), "not the state it is in").toBeNull();
    expect(choices.some((choice) => (choice as HTMLInputElement).checked), "nothing chosen for the user").toBe(false);
    expect(input("happenedAt")).toHaveAttribute("placeholder", "now");
    expect(input("happenedAt")).toHaveAccessibleDescription(expect.stringContaining("2026-12-01 14:00 UTC"));

    await user.click(within(form()).getByRole("radio", { name: "KYC approved" }));
    await user.type(input("happenedAt"), "2026-11-12 10:00");
    await user.type(input("note"), "Approval mail received.");
    await user.click(screen.getByRole("button", { name: "Record step" }));

    await waitFor(() => expect(backend.callsTo("move_participation")).toHaveLength(1));
    expect(backend.callsTo("move_participation")[0]?.args).toEqual({
      id: 7,
      input: { to: "kyc_approved", happenedAt: "2026-11-12 10:00", note: "Approval mail received." },
    });
    // The new step is last in the timeline, the badge follows, the form starts again from the new state.
    await waitFor(() => expect(screen.getAllByTestId("participation-step")).toHaveLength(4));
    expect(stepTexts()[3]).toContain("KYC pending → KYC approved");
    expect(stepTexts()[3]).toContain("Approval mail received.");
    expect(within(screen.getByRole("heading", { level: 1 }).parentElement as HTMLElement).getByTestId("participation-state")).toHaveTextContent(
      "KYC approved",
    );
    expect(within(form()).getAllByRole("radio").map((choice) => choice.getAttribute("value"))).toEqual([
      "contributed",
      "withdrawn",
      "abandoned",
    ]);
    expect(input("happenedAt")).toHaveValue("");
    expect(input("note")).toHaveValue("");
    expect(await screen.findByText("Step recorded")).toBeInTheDocument();
  });

  it("shows the backend's field error beside the date, focuses it and keeps everything typed", async () => {
    const message = "this date is before the participation's last recorded step (2026-11-06 08:15)";
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => kycPendingParticipation(),
      move_participation: () => {
        throw appErrorFixture({ code: "before_previous_step", message, field: "happenedAt" });
      },
    });
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    await user.click(within(form()).getByRole("radio", { name: "KYC rejected" }));
    await user.type(input("happenedAt"), "2026-11-02 10:00");
    await user.type(input("note"), "Passport scan was blurry.");
    await user.click(screen.getByRole("button", { name: "Record step" }));

    await waitFor(() => expect(input("happenedAt")).toHaveAttribute("aria-invalid", "true"));
    expect(backend.callsTo("move_participation")).toHaveLength(1);
    expect(input("happenedAt")).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(input("happenedAt")).toHaveFocus();
    expect(screen.getByTestId("record-step-alert")).toHaveTextContent("When (UTC)");
    expect(screen.getAllByText(message)).toHaveLength(1);
    // Nothing lost.
    expect(within(form()).getByRole("radio", { name: "KYC rejected" })).toBeChecked();
    expect(input("happenedAt")).toHaveValue("2026-11-02 10:00");
    expect(input("note")).toHaveValue("Passport scan was blurry.");
    expect(input("note")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getAllByTestId("participation-step")).toHaveLength(3);

    // Fixing the date clears its error.
    await user.clear(input("happenedAt"));
    await user.type(input("happenedAt"), "2026-11-07 10:00");
    expect(input("happenedAt")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("puts an illegal move's error at the choice", async () => {
    const message = "this sale requires KYC: record its approval before a contribution";
    fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => kycPendingParticipation(),
      move_participation: () => {
        throw appErrorFixture({ code: "kyc_not_approved", message, field: "to" });
      },
    });
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    await user.click(within(form()).getByRole("radio", { name: "Withdrawn" }));
    await user.click(screen.getByRole("button", { name: "Record step" }));

    const withdrawn = within(form()).getByRole("radio", { name: "Withdrawn" });
    await waitFor(() => expect(withdrawn).toHaveAttribute("aria-invalid", "true"));
    expect(withdrawn).toHaveFocus();
    expect(withdrawn).toBeChecked();
    expect(withdrawn).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByTestId("record-step-alert")).toHaveTextContent("What happened");
  });

  it("asks for a choice before sending anything, and submits with Enter on a choice and Ctrl+Enter in the note", async () => {
    const backend = backendWith(kycPendingParticipation());
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    await user.type(input("note"), "Gave up on this one.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    const first = within(form()).getByRole("radio", { name: "KYC approved" });
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveAttribute("aria-invalid", "true");
    expect(form()).toHaveTextContent("Choose what happened.");
    expect(backend.callsTo("move_participation"), "nothing sent without a next state").toHaveLength(0);
    expect(input("note")).toHaveValue("Gave up on this one.");

    // Arrow keys move between the choices; Enter on one submits.
    await user.click(within(form()).getByRole("radio", { name: "Abandoned" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(backend.callsTo("move_participation")).toHaveLength(1));
    expect(backend.callsTo("move_participation")[0]?.args).toEqual({
      id: 7,
      input: { to: "abandoned", happenedAt: "", note: "Gave up on this one." },
    });
  });

  it("submits with Ctrl+Enter from the note once a step is chosen", async () => {
    const backend = backendWith(kycPendingParticipation());
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    await user.click(within(form()).getByRole("radio", { name: "KYC approved" }));
    await user.type(input("note"), "First line{Enter}second line");
    expect(backend.callsTo("move_participation"), "Enter alone makes a new line").toHaveLength(0);
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(backend.callsTo("move_participation")).toHaveLength(1));
    expect(backend.callsTo("move_participation")[0]?.args).toEqual({
      id: 7,
      input: { to: "kyc_approved", happenedAt: "", note: "First line\nsecond line" },
    });
  });

  it("chooses the only next state for the user", async () => {
    const backend = backendWith(
      participationFixture({
        id: 9,
        history: [
          stepFixture({ to: "contributed" }),
          stepFixture({ from: "contributed", to: "soft_cap_missed" }),
          stepFixture({ from: "soft_cap_missed", to: "refund_due" }),
        ],
      }),
    );
    const { user } = renderApp("#/participations/9");
    await screen.findByTestId("record-step-form");

    const choices = within(form()).getAllByRole("radio");
    expect(choices).toHaveLength(1);
    expect(within(form()).getByRole("radio", { name: "Refunded" })).toBeChecked();
    await user.type(input("happenedAt"), "2026-11-12 10:00{Enter}");
    await waitFor(() => expect(backend.callsTo("move_participation")).toHaveLength(1));
    expect(backend.callsTo("move_participation")[0]?.args).toMatchObject({ id: 9, input: { to: "refunded" } });
    // Refunded is final: the form gives way to saying so.
    expect(await screen.findByTestId("participation-final")).toHaveTextContent("Refunded is final");
    expect(screen.queryByTestId("record-step-form")).toBeNull();
  });

  it("says a final state is final and offers no form", async () => {
    backendWith(
      participationFixture({
        id: 10,
        projectName: "Done Protocol",
        history: [stepFixture({ to: "tokens_distributed" }), stepFixture({ from: "tokens_distributed", to: "fully_claimed" })],
        nextStates: [],
      }),
    );
    renderApp("#/participations/10");

    expect(await screen.findByTestId("participation-final")).toHaveTextContent("Fully claimed is final");
    expect(screen.queryByTestId("record-step-form")).toBeNull();
    expect(screen.queryByRole("radio")).toBeNull();
    expect(screen.queryByRole("button", { name: "Record step" })).toBeNull();
    expect(screen.getAllByTestId("participation-step")).toHaveLength(2);
  });

  it("shows what is stored now when the participation moved elsewhere, keeping what was typed", async () => {
    let current = kycPendingParticipation();
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => current,
      list_participations: () => [current].map(summaryOf),
      move_participation: () => {
        // Another window recorded the approval meanwhile.
        current = {
          ...current,
          state: "kyc_approved",
          history: [...current.history, stepFixture({ from: "kyc_pending", to: "kyc_approved", happenedAt: "2026-11-09T08:00:00Z" })],
          nextStates: ["contributed", "withdrawn", "abandoned"],
        };
        throw appErrorFixture({
          code: "participation_changed",
          message: "The participation changed meanwhile; reload and try again.",
        });
      },
    });
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    await user.click(within(form()).getByRole("radio", { name: "Withdrawn" }));
    await user.type(input("note"), "Changed my mind.");
    await user.click(screen.getByRole("button", { name: "Record step" }));

    const alert = await screen.findByTestId("record-step-alert");
    expect(alert).toHaveTextContent("The participation changed meanwhile");
    expect(alert).toHaveFocus();
    await waitFor(() => expect(screen.getAllByTestId("participation-step")).toHaveLength(4));
    expect(backend.callsTo("get_participation").length).toBeGreaterThanOrEqual(2);
    // Still a legal choice after the reload, so still chosen; the note is kept.
    expect(within(form()).getByRole("radio", { name: "Withdrawn" })).toBeChecked();
    expect(input("note")).toHaveValue("Changed my mind.");
  });

  it("organises the page in tabs the keyboard can move between, keeping what was typed in each", async () => {
    backendWith(kycPendingParticipation());
    const { user } = renderApp("#/participations/7");
    await screen.findByTestId("record-step-form");

    const tabs = within(screen.getByRole("tablist", { name: "Sections of the participation" })).getAllByRole("tab");
    expect(tabs.map((tab) => tab.textContent)).toEqual(["Overview", "Vesting", "Entries", "KYC", "Due diligence"]);
    expect(tabs.map((tab) => tab.getAttribute("data-testid"))).toEqual([
      "tab-overview",
      "tab-vesting",
      "tab-entries",
      "tab-kyc",
      "tab-diligence",
    ]);
    expect(screen.getByTestId("tab-overview")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("participation-timeline")).toBeVisible();

    await user.type(input("note"), "Half-written note.");
    await user.click(screen.getByTestId("tab-overview"));
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("tab-vesting")).toHaveFocus();
    expect(screen.getByTestId("tab-vesting")).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByTestId("vesting-form")).toBeVisible();
    expect(screen.getByTestId("participation-timeline")).not.toBeVisible();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("tab-entries")).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByTestId("entries-form")).toBeVisible();

    await user.click(screen.getByTestId("tab-overview"));
    expect(screen.getByTestId("participation-timeline")).toBeVisible();
    expect(input("note")).toHaveValue("Half-written note.");
  });

  it("says the participation does not exist when the backend answers participation_not_found", async () => {
    fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => {
        throw appErrorFixture({ code: "participation_not_found", message: "No participation with id 99." });
      },
    });
    renderApp("#/participations/99");

    expect(await screen.findByText("This participation does not exist")).toBeInTheDocument();
    expect(screen.queryByTestId("record-step-form")).toBeNull();
  });
});
