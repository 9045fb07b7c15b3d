import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Account, ConfirmNewAccountInput, KeyringStatus } from "../api";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { accountFixture, appErrorFixture, keyringAvailable, newMnemonicFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";

const existing = accountFixture({ id: 1, label: "Savings" });

/** `handlers` add or replace commands. */
function createBackend(confirm: CommandHandler, beginReplies = [newMnemonicFixture()], handlers: Record<string, CommandHandler> = {}) {
  let begun = 0;
  let created: Account | null = null;
  return fakeBackend({
    list_accounts: () => (created ? [existing, created] : [existing]),
    keyring_status: () => keyringAvailable,
    begin_new_account: () => beginReplies[Math.min(begun++, beginReplies.length - 1)],
    cancel_new_account: () => null,
    confirm_new_account: (args) => {
      const reply = confirm(args) as Account;
      created = reply;
      return reply;
    },
    get_account: () => created,
    ...handlers,
  });
}

const lockedGuidance = "Your login keyring is locked. Unlock it (e.g. in Passwords and Keys) and try again.";
const keyringLocked: KeyringStatus = { available: false, code: "keyring_locked", message: lockedGuidance };

function wordInput(position: number): HTMLElement {
  return screen.getByRole("textbox", { name: `Word #${position}` });
}

describe("creating an account", () => {
  it("shows the 24 words once, asks three of them back, then saves with the answers and label", async () => {
    const backend = createBackend((args) => {
      const { input } = args as { input: ConfirmNewAccountInput };
      return accountFixture({ id: 9, label: input.label, kind: "generated_mnemonic" });
    });
    const { user, unmount } = renderApp("#/accounts/new");

    const phrase = await screen.findByTestId("recovery-phrase");
    const words = within(phrase).getAllByTestId("recovery-word");
    expect(words).toHaveLength(24);
    expect(words[0]).toHaveTextContent("1.word1");
    expect(words[23]).toHaveTextContent("24.word24");
    expect(screen.getByText(/Write these 24 words down/)).toBeInTheDocument();
    expect(screen.getByText(/Never type them into a website/)).toBeInTheDocument();
    expect(screen.getByTestId("address")).toHaveTextContent("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
    expect(backend.callsTo("begin_new_account")).toHaveLength(1);

    await user.click(screen.getByTestId("words-written-down"));
    // The words are hidden while the user proves they wrote them down.
    expect(screen.queryByTestId("recovery-phrase")).not.toBeInTheDocument();
    expect(wordInput(3)).toHaveFocus();
    const wordsGroup = screen.getByRole("group", { name: "Enter these words from your paper" });
    expect(within(wordsGroup).getAllByRole("textbox")).toHaveLength(3);
    expect(
      screen.getByTestId("confirm-new-account").querySelector("fieldset"),
      "no <fieldset>: WebKitGTK sizes it wrongly and the buttons jump",
    ).toBeNull();
    expect(wordInput(7)).toBeInTheDocument();
    expect(wordInput(20)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Label/ }), "suggested, not taken").toHaveValue("Account 2");

    await user.type(wordInput(3), "word3");
    await user.type(wordInput(7), "word7");
    await user.type(wordInput(20), "word20{Enter}");

    await waitFor(() => expect(backend.callsTo("confirm_new_account")).toHaveLength(1));
    expect(backend.callsTo("confirm_new_account")[0]?.args).toEqual({
      input: {
        pendingId: "pending-1",
        label: "Account 2",
        answers: [
          { position: 3, word: "word3" },
          { position: 7, word: "word7" },
          { position: 20, word: "word20" },
        ],
      },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Account 2" })).toBeInTheDocument();
    expect(screen.getByText("Account created")).toBeInTheDocument();

    // A saved phrase is not cancelled, neither on leaving the page nor later.
    unmount();
    expect(backend.callsTo("cancel_new_account")).toHaveLength(0);
  });

  it("shows a wrong answer at the words, keeps them, and lets the user read the words again", async () => {
    const mismatch = "Word #7 does not match the recovery phrase. Check what you wrote down.";
    const backend = createBackend(() => {
      throw appErrorFixture({ code: "mnemonic_confirmation_mismatch", message: mismatch, field: "answers" });
    });
    const { user } = renderApp("#/accounts/new");

    await user.click(await screen.findByTestId("words-written-down"));
    await user.type(wordInput(3), "word3");
    await user.type(wordInput(7), "wrong");
    await user.type(wordInput(20), "word20");
    const label = screen.getByRole("textbox", { name: /Label/ });
    await user.clear(label);
    await user.type(label, "Trading");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    await waitFor(() => expect(wordInput(3)).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByTestId("confirm-new-account")).toHaveTextContent(mismatch);
    expect(wordInput(20)).toHaveAttribute("aria-invalid", "true");
    expect(wordInput(3)).toHaveAccessibleDescription(mismatch);
    expect(wordInput(3)).toHaveFocus();
    expect(label).not.toHaveAttribute("aria-invalid", "true");
    expect(wordInput(7)).toHaveValue("wrong");
    expect(label).toHaveValue("Trading");

    await user.click(screen.getByRole("button", { name: "Back to the words" }));
    expect(within(screen.getByTestId("recovery-phrase")).getAllByTestId("recovery-word")[6]).toHaveTextContent("7.word7");
    expect(screen.getByTestId("words-written-down")).toHaveFocus();

    await user.click(screen.getByTestId("words-written-down"));
    expect(wordInput(7), "nothing typed is lost").toHaveValue("wrong");
    expect(screen.getByRole("textbox", { name: /Label/ })).toHaveValue("Trading");
    // Fixing the word clears the error.
    await user.clear(wordInput(7));
    await user.type(wordInput(7), "word7");
    expect(wordInput(3)).not.toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("begin_new_account"), "the same phrase throughout").toHaveLength(1);
  });

  it("cancels the pending phrase when the user cancels", async () => {
    const backend = createBackend(() => {
      throw new Error("not confirmed in this test");
    });
    const { user } = renderApp("#/accounts/new");

    await screen.findByTestId("recovery-phrase");
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Accounts" })).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo("cancel_new_account")).toHaveLength(1));
    expect(backend.callsTo("cancel_new_account")[0]?.args).toEqual({ pendingId: "pending-1" });
    expect(backend.callsTo("confirm_new_account")).toHaveLength(0);
  });

  it("cancels the pending phrase when the user leaves the page another way", async () => {
    const backend = createBackend(() => null);
    const { user } = renderApp("#/accounts/new");

    await user.click(await screen.findByTestId("words-written-down"));
    await user.type(wordInput(3), "word3");
    await user.click(screen.getByTestId("nav-dashboard"));

    await waitFor(() => expect(backend.callsTo("cancel_new_account")).toHaveLength(1));
    expect(backend.callsTo("cancel_new_account")[0]?.args).toEqual({ pendingId: "pending-1" });
  });

  it("starts again with new words when the pending phrase has expired", async () => {
    const backend = createBackend(
      () => {
        throw appErrorFixture({ code: "pending_mnemonic_expired", message: "This recovery phrase was not confirmed in time." });
      },
      [newMnemonicFixture(), newMnemonicFixture({ pendingId: "pending-2", words: Array(24).fill("fresh") as string[] })],
    );
    const { user } = renderApp("#/accounts/new");

    await user.click(await screen.findByTestId("words-written-down"));
    await user.type(wordInput(3), "word3");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const alert = await within(screen.getByTestId("confirm-new-account")).findByRole("alert");
    expect(alert).toHaveTextContent("This recovery phrase was not confirmed in time.");
    await user.click(within(alert).getByRole("button", { name: "Start again with new words" }));

    const words = await screen.findAllByTestId("recovery-word");
    expect(words[0]).toHaveTextContent("1.fresh");
    expect(backend.callsTo("begin_new_account")).toHaveLength(2);
    await waitFor(() => expect(backend.callsTo("cancel_new_account")[0]?.args).toEqual({ pendingId: "pending-1" }));
  });
});

describe("creating an account while the keyring cannot be used", () => {
  it("asks for no phrase until the keyring can store it, and makes one after Try again", async () => {
    const guidance = "No Secret Service is running. Install and start gnome-keyring or KeePassXC.";
    let keyring: KeyringStatus = { available: false, code: "keyring_unavailable", message: guidance };
    const backend = createBackend(() => null, undefined, { keyring_status: () => keyring });
    const { user } = renderApp("#/accounts/new");

    const banner = await screen.findByTestId("keyring-unavailable");
    expect(banner).toHaveTextContent("No keyring is available");
    expect(banner).toHaveTextContent(guidance);
    expect(banner).toHaveTextContent("No recovery phrase is made until the keyring can store it.");
    const tryAgain = within(banner).getByRole("button", { name: "Try again" });

    // Still unusable: still no phrase.
    await user.click(tryAgain);
    await waitFor(() => expect(backend.callsTo("keyring_status")).toHaveLength(2));
    await waitFor(() => expect(tryAgain).toBeEnabled());
    expect(screen.getByTestId("keyring-unavailable")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-phrase")).not.toBeInTheDocument();

    keyring = keyringAvailable;
    await user.click(tryAgain);
    expect(await screen.findByTestId("recovery-phrase")).toBeInTheDocument();
    expect(screen.queryByTestId("keyring-unavailable")).not.toBeInTheDocument();
    expect(backend.callsTo("begin_new_account")).toHaveLength(1);
    const commands = backend.calls.map((call) => call.command);
    expect(commands.indexOf("begin_new_account"), "asked for once the keyring said it can").toBeGreaterThan(
      commands.lastIndexOf("keyring_status"),
    );
  });

  it("asks for no phrase from the Create account button while the accounts page says the keyring is locked", async () => {
    const backend = createBackend(() => null, undefined, { keyring_status: () => keyringLocked });
    const { user } = renderApp("#/accounts");

    expect(await screen.findByTestId("keyring-unavailable")).toHaveTextContent("The keyring is locked");
    await user.click(screen.getByTestId("create-account"));

    expect(await screen.findByRole("heading", { level: 1, name: "Create an account" })).toBeInTheDocument();
    const banner = screen.getByTestId("keyring-unavailable");
    expect(banner).toHaveTextContent(lockedGuidance);
    expect(within(banner).getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.queryByText("Making a new recovery phrase…")).not.toBeInTheDocument();
    expect(backend.callsTo("begin_new_account")).toHaveLength(0);
  });

  it("shows a refused phrase's keyring error plainly, checks the keyring again, and tries again", async () => {
    let keyring = keyringAvailable;
    let locked = true;
    const backend = createBackend(() => null, undefined, {
      keyring_status: () => keyring,
      begin_new_account: () => {
        if (!locked) return newMnemonicFixture();
        // The status said available, but the keyring got locked since.
        keyring = keyringLocked;
        throw appErrorFixture({ code: "keyring_locked", message: lockedGuidance });
      },
    });
    const { user } = renderApp("#/accounts/new");

    const alert = (await screen.findByText("No recovery phrase could be made")).closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error("the failure is not an alert");
    expect(alert).toHaveTextContent("The keyring is locked");
    expect(alert).toHaveTextContent(lockedGuidance);
    await waitFor(() => expect(backend.callsTo("keyring_status")).toHaveLength(2));
    expect(screen.queryByTestId("keyring-unavailable"), "said once, in the alert").not.toBeInTheDocument();

    keyring = keyringAvailable;
    locked = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("recovery-phrase")).toBeInTheDocument();
    expect(backend.callsTo("keyring_status")).toHaveLength(3);
    expect(backend.callsTo("begin_new_account")).toHaveLength(2);
  });

  it("keeps the words and the answers when saving fails on a locked keyring, and saves once it is unlocked", async () => {
    let keyring = keyringAvailable;
    const backend = createBackend(
      (args) => {
        if (keyring === keyringAvailable) {
          keyring = keyringLocked;
          throw appErrorFixture({ code: "keyring_locked", message: lockedGuidance });
        }
        const { input } = args as { input: ConfirmNewAccountInput };
        return accountFixture({ id: 9, label: input.label, kind: "generated_mnemonic" });
      },
      undefined,
      { keyring_status: () => keyring },
    );
    const { user } = renderApp("#/accounts/new");

    await user.click(await screen.findByTestId("words-written-down"));
    await user.type(wordInput(3), "word3");
    await user.type(wordInput(7), "word7");
    await user.type(wordInput(20), "word20{Enter}");

    const alert = await within(screen.getByTestId("confirm-new-account")).findByRole("alert");
    expect(alert).toHaveTextContent("The account was not created");
    expect(alert).toHaveTextContent("The keyring is locked");
    const banner = await screen.findByTestId("keyring-unavailable");
    expect(banner).toHaveTextContent("The account can be saved once the keyring can be used again.");
    expect(wordInput(3), "the same phrase, still on screen").toHaveValue("word3");
    expect(backend.callsTo("cancel_new_account")).toHaveLength(0);

    keyring = { ...keyringAvailable };
    await user.click(within(banner).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(screen.queryByTestId("keyring-unavailable")).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Account 2" })).toBeInTheDocument();
    expect(backend.callsTo("confirm_new_account")).toHaveLength(2);
    expect(backend.callsTo("begin_new_account")).toHaveLength(1);
    expect(backend.callsTo("cancel_new_account")).toHaveLength(0);
  });
});
