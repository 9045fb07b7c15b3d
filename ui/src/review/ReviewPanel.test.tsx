import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OVERRIDE_REASON_MIN, type AppError, type ErrorCode, type OverrideInput } from "../api";
import { appErrorFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderComponent } from "../test/renderComponent";
import {
  chainMismatchFinding,
  designatedAddress,
  findingFixture,
  firstTimeInfo,
  noSourceWarning,
  notDesignatedFinding,
  overrideFixture,
  reviewFixture,
  reviewInputFixture,
} from "../test/reviewFixtures";
import { ReviewPanel } from "./ReviewPanel";

const input = reviewInputFixture();
const shortReasonRefusal = reasonRefusal("too_short", `a reason of at least ${OVERRIDE_REASON_MIN} characters`);

/** The backend's refusal of a reason, at the field `reason`. */
function reasonRefusal(code: ErrorCode, message: string): AppError {
  return appErrorFixture({ code, message: `reason: ${message}`, field: "reason", invalidFields: [{ field: "reason", code, message }] });
}

/** Every way the backend refuses a reason, with what is typed. */
const reasonRefusals: ReadonlyArray<{ code: ErrorCode; typed: string; message: string }> = [
  { code: "required", typed: "   ", message: "a reason is required" },
  { code: "too_short", typed: "Too short", message: `a reason of at least ${OVERRIDE_REASON_MIN} characters` },
  { code: "too_long", typed: "A reason that goes on and on.", message: "at most 500 characters" },
  { code: "invalid_text", typed: "A reason with a hidden\u200bcharacter", message: "no hidden or control characters" },
];

function groupTitles(): string[] {
  return screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent ?? "");
}

describe("the review panel", () => {
  it("says the verdict in words, groups the findings by severity and shows the budget impact", () => {
    fakeBackend({});
    const review = reviewFixture({ findings: [notDesignatedFinding, noSourceWarning, firstTimeInfo] });
    renderComponent(<ReviewPanel review={review} input={input} />);

    const verdict = screen.getByTestId("review-verdict");
    expect(within(verdict).getByRole("heading", { level: 2, name: "Blocked" })).toBeInTheDocument();
    expect(verdict).toHaveTextContent("will not be signed as it stands");
    expect(groupTitles()).toEqual(["Blocks", "Warnings", "For your information"]);

    const blocks = screen.getByTestId("findings-block");
    expect(within(blocks).getByTestId("finding-message")).toHaveTextContent(notDesignatedFinding.message);
    expect(within(blocks).getByTestId("finding-overridable")).toHaveTextContent("can be overridden");
    // Each card says its severity in a word, not by its colour and icon alone.
    expect(within(blocks).getByTestId("finding")).toHaveTextContent(`Blocks${notDesignatedFinding.message}`);
    // Details by name, addresses with their fingerprint.
    const details = within(blocks).getByTestId("finding-details");
    expect(details).toHaveTextContent("Designated address");
    expect(within(details).getAllByTestId("address-fingerprint")).toHaveLength(2);
    expect(within(details).getAllByTestId("address")[1]).toHaveTextContent(designatedAddress);

    const warnings = screen.getByTestId("findings-warn");
    expect(warnings).toHaveTextContent(noSourceWarning.message);
    expect(within(warnings).queryByTestId("finding-overridable"), "only blocks say whether they can be overridden").toBeNull();
    expect(screen.getByTestId("findings-info")).toHaveTextContent(firstTimeInfo.message);
    expect(screen.getAllByTestId("severity-mark").map((mark) => mark.textContent)).toEqual(["Blocks", "Warning", "Info"]);

    expect(screen.getByTestId("budget-impact-sentence")).toHaveTextContent("This uses 22 % of your 2027 USD budget; 61 % left.");
    expect(screen.getByTestId("budget-impact-figures")).toHaveTextContent(
      "This contribution: 4,400 USD · committed before: 3,400 USD · total: 20,000 USD",
    );
    expect(screen.getByRole("button", { name: "Override with a reason…" })).toBeInTheDocument();
  });

  it("says when nothing was found and no budget applies, and offers no override", () => {
    fakeBackend({});
    renderComponent(<ReviewPanel review={reviewFixture({ findings: [], budget: null })} input={input} />);

    expect(screen.getByRole("heading", { level: 2, name: "Clear" })).toBeInTheDocument();
    expect(screen.getByTestId("no-findings")).toBeInTheDocument();
    expect(screen.getByTestId("budget-impact")).toHaveTextContent("No budget applies to this date");
    expect(screen.queryByRole("button", { name: "Override with a reason…" })).toBeNull();
  });

  it("says why the budget could not be checked when the contribution has no price", () => {
    fakeBackend({});
    const priceMissing = findingFixture({ code: "price_missing", message: "The budget cannot be checked: there is no price of ETH in USD." });
    renderComponent(<ReviewPanel review={reviewFixture({ findings: [priceMissing], budget: null })} input={input} />);

    expect(screen.getByTestId("budget-impact")).toHaveTextContent("The budget could not be checked");
    expect(screen.getByRole("link", { name: "Budget" })).toHaveAttribute("href", "#/budget");
  });

  it("says a budget would be exceeded, and warnings are not blocks", () => {
    fakeBackend({});
    const review = reviewFixture({
      findings: [noSourceWarning],
      budget: { currency: "EUR", period: "2027-03", value: "600", total: "1000", committed: "700", usesPercent: "60", leftAfterPercent: "-30" },
    });
    renderComponent(<ReviewPanel review={review} input={input} />);

    expect(screen.getByRole("heading", { level: 2, name: "Read the warnings" })).toBeInTheDocument();
    expect(screen.getByTestId("budget-impact-sentence")).toHaveTextContent(
      "This uses 60 % of your 2027-03 EUR budget; that goes 30 % over its total.",
    );
    expect(screen.queryByRole("button", { name: "Override with a reason…" })).toBeNull();
  });

  it("explains a block that can never be overridden instead of offering to", () => {
    fakeBackend({});
    const review = reviewFixture({ findings: [chainMismatchFinding, notDesignatedFinding] });
    renderComponent(<ReviewPanel review={review} input={input} />);

    const explanation = screen.getByTestId("not-overridable");
    expect(explanation).toHaveTextContent("This cannot be overridden");
    expect(explanation).toHaveTextContent(chainMismatchFinding.message);
    expect(explanation).not.toHaveTextContent(notDesignatedFinding.message);
    expect(screen.queryByRole("button", { name: "Override with a reason…" })).toBeNull();
    const badges = screen.getAllByTestId("finding-overridable").map((badge) => badge.textContent);
    expect(badges).toEqual(["cannot be overridden", "can be overridden"]);
  });

  it("overrides with a reason: a refused reason stays typed at its input, then it is recorded", async () => {
    let attempts = 0;
    const backend = fakeBackend({
      override_review: (args) => {
        attempts += 1;
        const { input: sent } = args as { input: OverrideInput };
        if (attempts === 1) throw shortReasonRefusal;
        return overrideFixture({ reason: sent.reason });
      },
    });
    const review = reviewFixture({ findings: [findingFixture(), notDesignatedFinding] });
    const { user } = renderComponent(<ReviewPanel review={review} input={input} />);

    await user.click(screen.getByRole("button", { name: "Override with a reason…" }));
    const dialog = await screen.findByRole("dialog", { name: "Override the blocks" });
    const reason = within(dialog).getByRole("textbox", { name: "Reason" });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(reason).toHaveAccessibleDescription(expect.stringContaining(`At least ${OVERRIDE_REASON_MIN} characters`));
    await user.type(reason, "Too short");
    await user.click(within(dialog).getByRole("button", { name: "Override and keep in history" }));

    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    expect(reason).toHaveAccessibleDescription(expect.stringContaining("a reason of at least 10 characters"));
    expect(reason).toHaveValue("Too short");
    expect(reason).toHaveFocus();

    // Ctrl+Enter submits from the textarea.
    await user.type(reason, ": the project moved the opening forward{Control>}{Enter}{/Control}");
    await waitFor(() => expect(backend.callsTo("override_review")).toHaveLength(2));
    expect(backend.callsTo("override_review")[1]?.args).toEqual({
      input: { review: input, reason: "Too short: the project moved the opening forward" },
    });
    const recorded = await screen.findByTestId("override-recorded");
    expect(recorded).toHaveTextContent("Override recorded");
    expect(recorded).toHaveTextContent("Your reason: “Too short: the project moved the opening forward”");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.queryByRole("button", { name: "Override with a reason…" }), "one override per review").toBeNull();
  });

  it.each(reasonRefusals)("shows a refused reason ($code) at the Reason field and keeps the text", async ({ code, typed, message }) => {
    fakeBackend({
      override_review: () => {
        throw reasonRefusal(code, message);
      },
    });
    const { user } = renderComponent(<ReviewPanel review={reviewFixture({ findings: [findingFixture()] })} input={input} />);

    await user.click(screen.getByRole("button", { name: "Override with a reason…" }));
    const dialog = await screen.findByRole("dialog", { name: "Override the blocks" });
    const reason = within(dialog).getByRole("textbox", { name: "Reason" });
    await user.type(reason, typed);
    await user.click(within(dialog).getByRole("button", { name: "Override and keep in history" }));

    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    expect(reason).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(reason).toHaveValue(typed);
    expect(within(dialog).getByTestId("override-alert"), "the alert names the field, not the whole message").not.toHaveTextContent(message);
  });

  it("shows a refusal that is not about the reason as an alert, and keeps the reason when closed with Escape", async () => {
    fakeBackend({
      override_review: () => {
        throw appErrorFixture({ code: "nothing_to_override", message: "nothing blocks this contribution" });
      },
    });
    const { user } = renderComponent(<ReviewPanel review={reviewFixture({ findings: [findingFixture()] })} input={input} />);

    await user.click(screen.getByRole("button", { name: "Override with a reason…" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "The sale opened early.");
    await user.click(within(dialog).getByRole("button", { name: "Override and keep in history" }));

    const alert = await within(dialog).findByTestId("override-alert");
    expect(alert).toHaveTextContent("The override was not recorded");
    expect(alert).toHaveTextContent("nothing blocks this contribution");
    expect(alert).toHaveTextContent("Review the contribution again");

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await user.click(screen.getByRole("button", { name: "Override with a reason…" }));
    expect(within(await screen.findByRole("dialog")).getByRole("textbox", { name: "Reason" })).toHaveValue("The sale opened early.");
  });
});
