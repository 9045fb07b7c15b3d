import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Participation, VestingInput } from "../api";
import { appErrorFixture, participationFixture, stepFixture, summaryOf, unlockFixture, vestingFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { transactionsReply } from "../test/transactionFixtures";

function vestingParticipation(overrides: Partial<Participation> = {}): Participation {
  return participationFixture({
    id: 7,
    saleId: 21,
    projectName: "Aurora Network",
    tokenSymbol: "AUR",
    history: [stepFixture({ to: "contributed" }), stepFixture({ from: "contributed", to: "succeeded" })],
    ...overrides,
  });
}

function form(): HTMLElement {
  return screen.getByTestId("vesting-form");
}

function input(name: string): HTMLInputElement {
  const element = form().querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input named ${name}`);
  return element;
}

async function openVestingTab(user: ReturnType<typeof renderApp>["user"]) {
  await user.click(await screen.findByTestId("tab-vesting"));
  expect(screen.getByTestId("tab-vesting")).toHaveAttribute("aria-selected", "true");
  await screen.findByTestId("vesting-form");
}

describe("a participation's vesting", () => {
  it("says there is no plan yet, then sets a linear one as typed (Enter submits) and shows its schedule", async () => {
    let current = vestingParticipation();
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => current,
      list_participations: () => [current].map(summaryOf),
      set_vesting: () => {
        current = { ...current, vesting: vestingFixture({ plan: { ...vestingFixture().plan, atTgePercent: "10" } }) };
        return current;
      },
    });
    const { user } = renderApp("#/participations/7");
    await openVestingTab(user);

    expect(screen.getByTestId("vesting-empty")).toHaveTextContent("No vesting plan yet");
    expect(within(form()).getByRole("heading", { name: "Set the plan" })).toBeInTheDocument();
    expect(input("frequency")).toHaveValue("monthly");
    expect(within(form()).getByRole("radio", { name: "Linear" })).toBeChecked();

    await user.type(input("totalTokens"), "1000");
    await user.type(input("tgeAt"), "2027-01-15 12:00");
    expect(input("tgeAt")).toHaveAccessibleDescription(expect.stringContaining("Your local time"));
    await user.type(input("atTgePercent"), "10");
    await user.selectOptions(input("frequency"), "quarterly");
    await user.type(input("cliffMonths"), "0");
    await user.type(input("months"), "3{Enter}");

    await waitFor(() => expect(backend.callsTo("set_vesting")).toHaveLength(1));
    const sent: { id: number; input: VestingInput } = {
      id: 7,
      input: {
        totalTokens: "1000",
        tgeAt: "2027-01-15 12:00",
        kind: "linear",
        atTgePercent: "10",
        cliffMonths: "0",
        months: "3",
        frequency: "quarterly",
        tranches: [],
      },
    };
    expect(backend.callsTo("set_vesting")[0]?.args).toEqual(sent);

    // The plan, what has unlocked, the next unlock and every unlock.
    const nextUnlock = await screen.findByTestId("next-unlock");
    expect(nextUnlock).toHaveTextContent("300 AUR");
    expect(nextUnlock.querySelector("time")).toHaveAttribute("datetime", "2027-02-15T12:00:00Z");
    expect(screen.getByTestId("vesting-total")).toHaveTextContent("1,000 AUR");
    expect(screen.getByTestId("vesting-unlocked")).toHaveTextContent(/100 AUR\s*\(10%\)/);
    expect(screen.getByTestId("vesting-plan")).toHaveTextContent("10% at the TGE, the rest monthly over 3 months");
    expect(screen.queryByTestId("vesting-empty")).toBeNull();
    const rows = screen.getAllByTestId("vesting-unlock");
    expect(rows.map((row) => row.getAttribute("data-state"))).toEqual(["unlocked", "next", "later", "later"]);
    expect(rows[1]).toHaveTextContent("300 AUR");
    expect(rows[1]).toHaveTextContent("400 AUR");
    expect(rows[3]).toHaveTextContent("1,000 AUR");
    expect(await screen.findByText("Vesting plan set")).toBeInTheDocument();
    // The form now shows the stored plan, to replace it.
    expect(within(form()).getByRole("heading", { name: "Replace the plan" })).toBeInTheDocument();
    expect(input("totalTokens")).toHaveValue("1000");
    expect(input("frequency")).toHaveValue("monthly");
  });

  it("shows the backend's refusals beside their inputs, focuses the first and keeps everything typed", async () => {
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => vestingParticipation(),
      set_vesting: () => {
        throw appErrorFixture({
          code: "invalid_vesting_plan",
          message: "cliffMonths: the cliff (24 months) is longer than the vesting period (12 months)",
          field: "cliffMonths",
          invalidFields: [
            { field: "months", code: "invalid_months", message: "a whole number of months from 0 to 600" },
            {
              field: "cliffMonths",
              code: "invalid_vesting_plan",
              message: "the cliff (24 months) is longer than the vesting period (12 months)",
            },
          ],
        });
      },
    });
    const { user } = renderApp("#/participations/7");
    await openVestingTab(user);

    await user.type(input("totalTokens"), "12500.5");
    await user.type(input("tgeAt"), "2027-01-15 12:00");
    await user.type(input("cliffMonths"), "24");
    await user.type(input("months"), "twelve");
    await user.click(within(form()).getByRole("button", { name: "Save plan" }));

    await waitFor(() => expect(input("months")).toHaveAttribute("aria-invalid", "true"));
    expect(backend.callsTo("set_vesting")).toHaveLength(1);
    expect(input("months")).toHaveAccessibleDescription(expect.stringContaining("a whole number of months from 0 to 600"));
    expect(input("cliffMonths")).toHaveAttribute("aria-invalid", "true");
    expect(input("cliffMonths")).toHaveAccessibleDescription(expect.stringContaining("longer than the vesting period"));
    // The first invalid input in the page's order, whatever the backend's.
    expect(input("cliffMonths")).toHaveFocus();
    expect(screen.getByTestId("vesting-form-alert")).toHaveTextContent("Check these fields: Vesting period, Cliff.");
    expect(input("totalTokens")).not.toHaveAttribute("aria-invalid", "true");
    // Nothing lost.
    expect(input("totalTokens")).toHaveValue("12500.5");
    expect(input("tgeAt")).toHaveValue("2027-01-15 12:00");
    expect(input("cliffMonths")).toHaveValue("24");
    expect(input("months")).toHaveValue("twelve");
    expect(screen.getByTestId("vesting-empty")).toBeInTheDocument();

    // Fixing a field clears its error, not the others'.
    await user.clear(input("months"));
    await user.type(input("months"), "36");
    expect(input("months")).not.toHaveAttribute("aria-invalid", "true");
    expect(input("cliffMonths")).toHaveAttribute("aria-invalid", "true");
  });

  it("takes tranches as rows added and removed, totals them, and puts a refusal at the list", async () => {
    const message = "the tranches add up to 90%, not 100%";
    const backend = fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () => vestingParticipation(),
      set_vesting: () => {
        throw appErrorFixture({
          code: "invalid_vesting_plan",
          message: `tranches: ${message}`,
          field: "tranches",
          invalidFields: [{ field: "tranches", code: "invalid_vesting_plan", message }],
        });
      },
    });
    const { user } = renderApp("#/participations/7");
    await openVestingTab(user);

    await user.type(input("totalTokens"), "1000");
    await user.type(input("months"), "12");
    await user.click(within(form()).getByText("Tranches"));
    expect(form().querySelector('[name="months"]'), "linear fields hidden").toBeNull();
    expect(screen.getAllByTestId("tranche-row")).toHaveLength(1);
    expect(within(form()).getByRole("button", { name: "Remove tranche 1" })).toBeDisabled();

    await user.type(input("tranches.0.monthsAfterTge"), "0");
    await user.type(input("tranches.0.percent"), "20");
    await user.click(screen.getByTestId("add-tranche"));
    await user.type(input("tranches.1.monthsAfterTge"), "6");
    await user.type(input("tranches.1.percent"), "40");
    await user.click(screen.getByTestId("add-tranche"));
    await user.type(input("tranches.2.monthsAfterTge"), "9");
    await user.type(input("tranches.2.percent"), "5");
    await user.click(screen.getByTestId("add-tranche"));
    await user.type(input("tranches.3.monthsAfterTge"), "12");
    await user.type(input("tranches.3.percent"), "30");
    expect(screen.getByTestId("tranches-total")).toHaveTextContent("Adds up to 95%: 5% still to place.");
    await user.click(within(form()).getByRole("button", { name: "Remove tranche 3" }));
    expect(screen.getAllByTestId("tranche-row")).toHaveLength(3);
    expect(input("tranches.2.monthsAfterTge")).toHaveValue("12");
    expect(screen.getByTestId("tranches-total")).toHaveTextContent("Adds up to 90%: 10% still to place.");
    // A blank row is left out of what is sent.
    await user.click(screen.getByTestId("add-tranche"));
    await user.type(input("tgeAt"), "2027-01-15 12:00{Enter}");

    await waitFor(() => expect(backend.callsTo("set_vesting")).toHaveLength(1));
    expect(backend.callsTo("set_vesting")[0]?.args).toEqual({
      id: 7,
      input: {
        totalTokens: "1000",
        tgeAt: "2027-01-15 12:00",
        kind: "tranches",
        atTgePercent: "",
        cliffMonths: "",
        months: "",
        frequency: "",
        tranches: [
          { monthsAfterTge: "0", percent: "20" },
          { monthsAfterTge: "6", percent: "40" },
          { monthsAfterTge: "12", percent: "30" },
        ],
      },
    });
    await waitFor(() => expect(input("tranches.0.monthsAfterTge")).toHaveFocus());
    expect(input("tranches.0.percent")).toHaveAttribute("aria-invalid", "true");
    expect(input("tranches.0.percent")).toHaveAccessibleErrorMessage(/add up to 90%, not 100%/);
    expect(form()).toHaveTextContent(message);
    expect(screen.getByTestId("vesting-form-alert")).toHaveTextContent("Check this field: Tranches.");
    expect(input("tranches.1.percent")).toHaveValue("40");

    // Back to linear: what was typed there is still there.
    await user.click(within(form()).getByText("Linear"));
    expect(input("months")).toHaveValue("12");
    // The tranches' error, now hidden, is said at the top.
    expect(screen.getByTestId("vesting-form-alert")).toHaveTextContent(`Tranches: ${message}`);
  });

  it("shows a stored plan with every unlock, the next marked, and opens a long schedule on the next unlock's page", async () => {
    const unlocks = Array.from({ length: 250 }, (_, index) =>
      unlockFixture(new Date(Date.UTC(2027, 0, 15 + index, 12)).toISOString().replace(".000Z", "Z"), "4"),
    );
    fakeBackend({
      list_transactions: transactionsReply([]),
      get_participation: () =>
        vestingParticipation({
          vesting: vestingFixture(
            { unlocks, plan: { ...vestingFixture().plan, kind: "linear", atTgePercent: "", months: "8", frequency: "daily" } },
            130,
          ),
        }),
    });
    const { user } = renderApp("#/participations/7");
    await openVestingTab(user);

    expect(screen.getByTestId("vesting-plan")).toHaveTextContent("Daily over 8 months");
    expect(screen.getByTestId("vesting-total")).toHaveTextContent("1,000 AUR");
    expect(screen.getByTestId("vesting-unlocked")).toHaveTextContent(/520 AUR\s*\(52%\)/);
    expect(screen.getByTestId("next-unlock").querySelector("time")).toHaveAttribute("datetime", "2027-05-25T12:00:00Z");
    // 100 a page; the 131st unlock (the next) is on page 2.
    const rows = screen.getAllByTestId("vesting-unlock");
    expect(rows).toHaveLength(100);
    expect(rows[0]).toHaveTextContent("101");
    expect(rows[30]).toHaveAttribute("data-state", "next");
    expect(rows[30]).toHaveTextContent("524 AUR");
    expect(screen.getByText("Unlocks 101–200 of 250")).toBeInTheDocument();
    await user.click(within(screen.getByTestId("vesting-schedule-pages")).getByRole("button", { name: "3" }));
    expect(screen.getAllByTestId("vesting-unlock")).toHaveLength(50);
    // The form starts from the stored plan.
    expect(within(form()).getByRole("button", { name: "Replace plan" })).toBeInTheDocument();
    expect(input("months")).toHaveValue("8");
    expect(input("frequency")).toHaveValue("daily");
  });
});
