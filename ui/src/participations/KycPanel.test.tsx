import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { KycInput, Participation } from "../api";
import { appErrorFixture, participationFixture, portfolioFixture, stepFixture, summaryOf } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

function pending(overrides: Partial<Participation> = {}): Participation {
  return participationFixture({
    id: 7,
    saleId: 21,
    projectName: "Example Protocol",
    history: [stepFixture({ to: "researching" }), stepFixture({ from: "researching", to: "kyc_pending" })],
    kyc: { status: "pending", required: true, details: { provider: "", submittedAt: "", reference: "", notes: "" } },
    ...overrides,
  });
}

function backendWith(initial: Participation, refuse?: () => never) {
  let current = initial;
  return fakeBackend({
    list_transactions: transactionsReply([]),
    get_participation: () => current,
    list_participations: () => [current].map(summaryOf),
    get_portfolio: () => portfolioFixture(), get_current_budget: () => null, backup_status: () => ({ lastBackupAt: null, due: false, reminderDays: 30 }), calendar: () => [],
    set_kyc: (args) => {
      if (refuse) refuse();
      const { input } = args as { id: number; input: KycInput };
      current = { ...current, kyc: { ...current.kyc, details: { ...input, submittedAt: input.submittedAt } } };
      return current;
    },
    set_refund_deadline: (args) => {
      const { at } = args as { id: number; at: string };
      current = { ...current, refundDeadline: at ? "2027-01-31T23:59:00Z" : null };
      return current;
    },
  });
}

async function openKyc() {
  const view = renderApp("#/participations/7");
  await view.user.click(await screen.findByTestId("tab-kyc"));
  return { ...view, form: screen.getByTestId("kyc-form") };
}

function field(form: HTMLElement, name: keyof KycInput): HTMLInputElement | HTMLTextAreaElement {
  const element = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input named ${name}`);
  return element;
}

describe("a participation's KYC", () => {
  it("shows the status from the history and saves the details", async () => {
    const backend = backendWith(pending());
    const { user, form } = await openKyc();
    expect(within(form).getByTestId("kyc-status")).toHaveTextContent("Pending");
    expect(form).toHaveTextContent("This sale requires KYC before you contribute.");

    await user.type(field(form, "provider"), "Fractal ID");
    await user.type(field(form, "submittedAt"), "2026-11-20 09:30");
    await user.type(field(form, "reference"), "FRC-2231{Enter}");

    await waitFor(() => expect(backend.callsTo("set_kyc")).toHaveLength(1));
    expect(backend.callsTo("set_kyc")[0]?.args).toEqual({
      id: 7,
      input: { provider: "Fractal ID", submittedAt: "2026-11-20 09:30", reference: "FRC-2231", notes: "" },
    });
    await waitFor(() => expect(field(screen.getByTestId("kyc-form"), "submittedAt")).toHaveValue("2026-11-20 09:30"));
    expect(field(screen.getByTestId("kyc-form"), "provider")).toHaveValue("Fractal ID");
  });

  it("shows a refused date at its input and keeps what was typed", async () => {
    backendWith(pending(), () => {
      throw appErrorFixture({
        code: "in_the_future",
        message: "submittedAt: this date is in the future",
        field: "submittedAt",
        invalidFields: [{ field: "submittedAt", code: "in_the_future", message: "this date is in the future: record it once you have submitted" }],
      });
    });
    const { user, form } = await openKyc();
    await user.type(field(form, "provider"), "Fractal ID");
    await user.type(field(form, "submittedAt"), "2099-01-01 00:00{Enter}");

    expect(await within(form).findByText("this date is in the future: record it once you have submitted")).toBeVisible();
    expect(field(form, "submittedAt")).toHaveAttribute("aria-invalid", "true");
    expect(field(form, "provider")).toHaveValue("Fractal ID");
  });

  it("asks for a refund deadline only while a refund is due", async () => {
    const due = pending({
      history: [stepFixture({ to: "contributed" }), stepFixture({ from: "contributed", to: "soft_cap_missed" }), stepFixture({ from: "soft_cap_missed", to: "refund_due" })],
      kyc: { status: "not_started", required: false, details: { provider: "", submittedAt: "", reference: "", notes: "" } },
    });
    const backend = backendWith(due);
    const { user } = await openKyc();
    const deadline = screen.getByTestId("refund-deadline-form");
    await user.type(within(deadline).getByRole("textbox", { name: /Last day to claim/ }), "2027-01-31 23:59{Enter}");
    await waitFor(() => expect(backend.callsTo("set_refund_deadline")).toHaveLength(1));
    expect(backend.callsTo("set_refund_deadline")[0]?.args).toEqual({ id: 7, at: "2027-01-31 23:59" });
    expect(await within(deadline).findByText(/Claim your refund by/)).toBeVisible();
  });

  it("has no refund deadline before a refund is due", async () => {
    backendWith(pending());
    await openKyc();
    expect(screen.queryByTestId("refund-deadline-form")).toBeNull();
  });
});
