import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Account, RevealedSecret } from "../api";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { accountFixture, appErrorFixture, keyringAvailable, numberedWords } from "../test/fixtures";
import { schemeAddress, schemePath } from "../test/hardwareFixtures";
import { renderApp } from "../test/renderApp";
import { deferred } from "../test/transactionFixtures";

const savings = accountFixture({ id: 7, label: "Savings", kind: "generated_mnemonic" });

/** One account, renamed and removed as the backend would; `handlers` add or replace commands. */
function accountBackend(account: Account, handlers: Record<string, CommandHandler> = {}) {
  let current: Account | null = account;
  return fakeBackend({
    list_accounts: () => (current ? [current] : []),
    keyring_status: () => keyringAvailable,
    get_account: () => {
      if (!current) throw appErrorFixture({ code: "account_not_found", message: "No account with id 7." });
      return current;
    },
    rename_account: (args) => {
      current = { ...account, label: (args as { label: string }).label };
      return current;
    },
    remove_account: () => {
      current = null;
      return null;
    },
    ...handlers,
  });
}

const mnemonicSecret: RevealedSecret = {
  kind: "mnemonic",
  words: numberedWords(),
  hasPassphrase: true,
  derivationPath: "m/44'/60'/0'/0/0",
};

describe("an account's page", () => {
  it("shows the account and only the actions its kind allows", async () => {
    accountBackend(savings);
    renderApp("#/accounts/7");

    expect(await screen.findByRole("heading", { level: 1, name: "Savings" })).toBeInTheDocument();
    expect(screen.getByTestId("address")).toHaveTextContent(savings.address);
    expect(screen.getByTestId("address-fingerprint")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy address" })).toBeInTheDocument();
    expect(screen.getByText("New recovery phrase")).toBeInTheDocument();
    expect(screen.getByText("m/44'/60'/0'/0/0")).toBeInTheDocument();
    expect(screen.getByText(/recovery phrase is in your operating system's keyring/)).toBeInTheDocument();
    for (const action of ["rename-account", "derive-account", "reveal-secret", "remove-account"]) {
      expect(screen.getByTestId(action)).toBeInTheDocument();
    }
    expect(screen.queryByTestId("account-verify-on-device"), "no device holds its key").not.toBeInTheDocument();
  });

  it("offers neither deriving nor revealing for a watch-only address", async () => {
    accountBackend(
      accountFixture({ id: 7, label: "Treasury", kind: "watch_only", derivationPath: null, hasSecret: false, canDerive: false }),
    );
    renderApp("#/accounts/7");

    expect(await screen.findByRole("heading", { level: 1, name: "Treasury" })).toBeInTheDocument();
    expect(screen.getByText("Watch-only")).toBeInTheDocument();
    expect(screen.queryByTestId("derive-account")).not.toBeInTheDocument();
    expect(screen.queryByTestId("reveal-secret")).not.toBeInTheDocument();
    expect(screen.getByTestId("rename-account")).toBeInTheDocument();
  });

  it("says the account does not exist any more on account_not_found", async () => {
    fakeBackend({
      get_account: () => {
        throw appErrorFixture({ code: "account_not_found", message: "No account with id 99." });
      },
    });
    renderApp("#/accounts/99");

    expect(await screen.findByText("This account does not exist any more")).toBeInTheDocument();
    expect(screen.queryByTestId("remove-account")).not.toBeInTheDocument();
  });
});

describe("renaming an account", () => {
  it("renames from a dialog that starts at the label and submits with Enter", async () => {
    const backend = accountBackend(savings);
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("rename-account"));
    const input = within(await screen.findByRole("dialog")).getByRole("textbox", { name: /Label/ });
    await waitFor(() => expect(input).toHaveFocus());
    expect(input).toHaveValue("Savings");
    await user.clear(input);
    await user.type(input, "Long-term savings{Enter}");

    await waitFor(() => expect(backend.callsTo("rename_account")).toHaveLength(1));
    expect(backend.callsTo("rename_account")[0]?.args).toEqual({ id: 7, label: "Long-term savings" });
    expect(await screen.findByRole("heading", { level: 1, name: "Long-term savings" })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows a taken label at the input and keeps the dialog open", async () => {
    const taken = "Another account is already called Trading.";
    const backend = accountBackend(savings, {
      rename_account: () => {
        throw appErrorFixture({ code: "label_taken", message: taken, field: "label" });
      },
    });
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("rename-account"));
    const input = within(await screen.findByRole("dialog")).getByRole("textbox", { name: /Label/ });
    await user.clear(input);
    await user.type(input, "Trading{Enter}");

    await waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
    expect(input).toHaveAccessibleDescription(expect.stringContaining(taken));
    expect(input).toHaveValue("Trading");
    expect(screen.getByRole("heading", { level: 1, name: "Savings" })).toBeInTheDocument();
    expect(backend.callsTo("keyring_status"), "not a keyring failure: nothing to check").toHaveLength(0);
  });

  it("just closes, without renaming, when the label is the same", async () => {
    const backend = accountBackend(savings);
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("rename-account"));
    const input = within(await screen.findByRole("dialog")).getByRole("textbox", { name: /Label/ });
    await waitFor(() => expect(input).toHaveFocus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    // The backend trims labels: spaces around the same label change nothing either.
    await user.click(screen.getByTestId("rename-account"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Label/ }), " ");
    await user.click(within(dialog).getByRole("button", { name: "Rename" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    expect(backend.callsTo("rename_account")).toHaveLength(0);
    expect(screen.queryByText("Account renamed")).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Savings" })).toBeInTheDocument();
  });
});

describe("removing an account", () => {
  it("says the phrase stays in the keyring while another account comes from it", async () => {
    accountBackend({ ...savings, otherAccountsWithSameSecret: 2 });
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("remove-account"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("stays in your operating system's keyring, because 2 other accounts come from it");
    expect(dialog).not.toHaveTextContent("lost for good");
  });

  it("is offered only once the label is typed exactly, and sends it as the confirmation", async () => {
    const backend = accountBackend(savings);
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("remove-account"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("deletes its recovery phrase from your operating system's keyring");
    expect(dialog).toHaveTextContent("lost for good");
    const confirmation = within(dialog).getByRole("textbox", { name: /Type the account's label/ });
    await waitFor(() => expect(confirmation).toHaveFocus());
    const remove = within(dialog).getByRole("button", { name: "Remove account" });
    expect(remove).toBeDisabled();

    await user.type(confirmation, "savings");
    expect(remove, "the case matters").toBeDisabled();
    await user.keyboard("{Enter}");
    expect(backend.callsTo("remove_account"), "Enter does not get around it").toHaveLength(0);

    await user.clear(confirmation);
    await user.type(confirmation, "Savings");
    expect(remove).toBeEnabled();
    await user.click(remove);

    await waitFor(() => expect(backend.callsTo("remove_account")).toHaveLength(1));
    expect(backend.callsTo("remove_account")[0]?.args).toEqual({ id: 7, confirmation: "Savings" });
    expect(await screen.findByTestId("accounts-empty")).toBeInTheDocument();
    expect(screen.getByText("Account removed")).toBeInTheDocument();
    expect(backend.callsTo("get_account"), "the removed account is not asked for again").toHaveLength(1);

    // Going back to it finds nothing, not a cached copy.
    window.location.hash = "#/accounts/7";
    expect(await screen.findByText("This account does not exist any more")).toBeInTheDocument();
  });

  it("closes with Escape without removing anything", async () => {
    const backend = accountBackend(savings);
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("remove-account"));
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.callsTo("remove_account")).toHaveLength(0);
  });

  it("says plainly that a watch-only address loses nothing", async () => {
    accountBackend(accountFixture({ id: 7, label: "Treasury", kind: "watch_only", derivationPath: null, hasSecret: false }));
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("remove-account"));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Nothing is kept in the keyring for it");
    expect(dialog).not.toHaveTextContent("lost for good");
  });
});

describe("revealing an account's secret", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function revealWith(secret: RevealedSecret | (() => never)) {
    const backend = accountBackend(savings, {
      reveal_account_secret: () => (typeof secret === "function" ? secret() : secret),
    });
    const rendered = renderApp("#/accounts/7");
    const { user } = rendered;
    await user.click(await screen.findByTestId("reveal-secret"));
    const dialog = await screen.findByRole("dialog");
    const confirmation = within(dialog).getByRole("textbox", { name: /Type the account's label/ });
    expect(within(dialog).getByRole("button", { name: "Show the recovery phrase" })).toBeDisabled();
    await user.type(confirmation, "Savings{Enter}");
    await waitFor(() => expect(backend.callsTo("reveal_account_secret")).toHaveLength(1));
    expect(backend.callsTo("reveal_account_secret")[0]?.args).toEqual({ id: 7, confirmation: "Savings" });
    return { ...rendered, backend, dialog };
  }

  it("shows the words numbered after the label is typed, and hides them after 30 seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await revealWith(mnemonicSecret);

    const words = await screen.findAllByTestId("recovery-word");
    expect(words).toHaveLength(24);
    expect(words[4]).toHaveTextContent("5.word5");
    expect(screen.getByTestId("revealed-has-passphrase")).toBeInTheDocument();
    expect(screen.getByTestId("reveal-countdown")).toHaveTextContent("Hidden again in 30 seconds");
    expect(screen.getByRole("button", { name: "Hide now" })).toHaveFocus();

    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(screen.getByTestId("reveal-countdown")).toHaveTextContent("Hidden again in 1 second.");
    expect(screen.getAllByTestId("recovery-word")).toHaveLength(24);

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.queryByTestId("recovery-word")).not.toBeInTheDocument();
    expect(screen.queryByText("word5")).not.toBeInTheDocument();
    expect(screen.getByTestId("secret-hidden-again")).toBeInTheDocument();
    const confirmation = screen.getByRole("textbox", { name: /Type the account's label/ });
    expect(confirmation, "asked again, from empty").toHaveValue("");
    expect(confirmation).toHaveFocus();
  });

  it("hides the words at once with Hide now, and forgets them when closed", async () => {
    const { user, backend } = await revealWith(mnemonicSecret);

    await screen.findAllByTestId("recovery-word");
    await user.click(screen.getByRole("button", { name: "Hide now" }));
    expect(screen.queryByTestId("recovery-word")).not.toBeInTheDocument();
    expect(screen.getByTestId("secret-hidden-again")).toBeInTheDocument();

    // Reveal again, then close with Escape: reopening starts from the typed confirmation.
    await user.type(screen.getByRole("textbox", { name: /Type the account's label/ }), "Savings{Enter}");
    await screen.findAllByTestId("recovery-word");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("reveal-secret"));
    expect(await screen.findByRole("textbox", { name: /Type the account's label/ })).toHaveValue("");
    expect(screen.queryByTestId("recovery-word")).not.toBeInTheDocument();
    expect(backend.callsTo("reveal_account_secret")).toHaveLength(2);
  });

  it("shows a private key", async () => {
    const privateKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    accountBackend(accountFixture({ id: 7, label: "Old key", kind: "private_key", derivationPath: null, canDerive: false }), {
      reveal_account_secret: () => ({ kind: "private_key", privateKey }),
    });
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("reveal-secret"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Type the account's label/ }), "Old key");
    await user.click(within(dialog).getByRole("button", { name: "Show the private key" }));

    expect(await screen.findByTestId("revealed-private-key")).toHaveTextContent(privateKey);
  });

  it("shows a locked keyring plainly, with the backend's guidance", async () => {
    const guidance = "Your login keyring is locked. Unlock it (e.g. in Passwords and Keys) and try again.";
    const { dialog } = await revealWith(() => {
      throw appErrorFixture({ code: "keyring_locked", message: guidance });
    });

    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("The recovery phrase was not shown");
    expect(alert).toHaveTextContent("The keyring is locked");
    expect(alert).toHaveTextContent(guidance);
    expect(screen.queryByTestId("revealed-secret")).not.toBeInTheDocument();
  });

  it("checks the keyring again after a keyring failure, so the accounts page says it is locked", async () => {
    const guidance = "Your login keyring is locked. Unlock it (e.g. in Passwords and Keys) and try again.";
    let keyring = keyringAvailable;
    const backend = accountBackend(savings, {
      keyring_status: () => keyring,
      reveal_account_secret: () => {
        keyring = { available: false, code: "keyring_locked", message: guidance };
        throw appErrorFixture({ code: "keyring_locked", message: guidance });
      },
    });
    const { user } = renderApp("#/accounts");
    await user.click(await screen.findByRole("link", { name: "Savings" }));
    expect(backend.callsTo("keyring_status")).toHaveLength(1);

    await user.click(await screen.findByTestId("reveal-secret"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Type the account's label/ }), "Savings{Enter}");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The keyring is locked");
    // Asked again at once, though this page shows no banner.
    await waitFor(() => expect(backend.callsTo("keyring_status")).toHaveLength(2));

    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("link", { name: "All accounts" }));
    const banner = await screen.findByTestId("keyring-unavailable");
    expect(banner).toHaveTextContent("The keyring is locked");
    expect(banner).toHaveTextContent(guidance);
  });
});

describe("deriving the next address", () => {
  it("adds an account from the same phrase, with an optional label, and opens it", async () => {
    const derived = accountFixture({ id: 8, label: "Account 2", derivationPath: "m/44'/60'/0'/0/1" });
    const backend = accountBackend(savings, {
      derive_next_account: () => derived,
      get_account: (args) => ((args as { id: number }).id === 8 ? derived : savings),
    });
    const { user } = renderApp("#/accounts/7");

    await user.click(await screen.findByTestId("derive-account"));
    const label = within(await screen.findByRole("dialog")).getByRole("textbox", { name: /Label/ });
    await waitFor(() => expect(label).toHaveFocus());
    await user.keyboard("{Enter}");

    await waitFor(() => expect(backend.callsTo("derive_next_account")).toHaveLength(1));
    expect(backend.callsTo("derive_next_account")[0]?.args, "no label: the backend picks one").toEqual({ id: 7, label: null });
    expect(await screen.findByRole("heading", { level: 1, name: "Account 2" })).toBeInTheDocument();
    expect(screen.getByText("m/44'/60'/0'/0/1")).toBeInTheDocument();
  });
});

describe("showing a hardware account's address on the device", () => {
  const ledgerSavings = accountFixture({
    id: 7,
    label: "Ledger savings",
    kind: "hardware",
    address: schemeAddress("ledger_live", 1),
    derivationPath: schemePath("ledger_live", 1),
    hasSecret: false,
    canDerive: false,
    hardwareWallet: "ledger",
  });

  async function showOnDevice(verify: CommandHandler) {
    const backend = accountBackend(ledgerSavings, { verify_hardware_address: verify });
    const rendered = renderApp("#/accounts/7");
    await rendered.user.click(await screen.findByTestId("account-verify-on-device"));
    return { ...rendered, backend };
  }

  it("asks a Trezor account's own device, and names it", async () => {
    const trezorMain = { ...ledgerSavings, label: "Trezor main", hardwareWallet: "trezor" };
    const backend = accountBackend(trezorMain, { verify_hardware_address: () => trezorMain.address });
    const { user } = renderApp("#/accounts/7");

    expect(await screen.findByText("On your Trezor; it never leaves it.")).toBeInTheDocument();
    expect(screen.getByText(/on your Trezor's screen, to check that the device holds it/)).toBeInTheDocument();
    await user.click(screen.getByTestId("account-verify-on-device"));
    expect(await screen.findByTestId("account-verified")).toHaveTextContent("You confirmed on your Trezor");
    expect(backend.callsTo("verify_hardware_address")[0]?.args).toEqual({
      input: { wallet: "trezor", path: "m/44'/60'/1'/0/0" },
    });
  });

  it("asks the Ledger for the account's path from the keyboard, and says it matches once confirmed there", async () => {
    const onDevice = deferred<string>();
    const backend = accountBackend(ledgerSavings, { verify_hardware_address: () => onDevice.promise });
    const { user } = renderApp("#/accounts/7");

    const button = await screen.findByTestId("account-verify-on-device");
    expect(button).toHaveAccessibleName("Show on device");
    button.focus();
    await user.keyboard("{Enter}");

    const prompt = await screen.findByTestId("account-verify-prompt");
    expect(prompt).toHaveTextContent("Compare the address on your Ledger's screen and confirm it there");
    expect(within(prompt).getByTestId("address")).toHaveTextContent(ledgerSavings.address);
    expect(prompt).toHaveTextContent("up to 2 minutes");
    expect(backend.callsTo("verify_hardware_address")).toHaveLength(1);
    expect(backend.callsTo("verify_hardware_address")[0]?.args).toEqual({
      input: { wallet: "ledger", path: "m/44'/60'/1'/0/0" },
    });
    // One prompt at a time on the device.
    expect(button).toBeDisabled();
    await user.keyboard("{Enter}");
    expect(backend.callsTo("verify_hardware_address")).toHaveLength(1);
    // A browser moves the focus from a disabled button to the page; jsdom does not, so it is done here.
    act(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute("tabindex");
    });
    expect(button).not.toHaveFocus();

    // Not checksummed, but the same address.
    await act(async () => onDevice.resolve(ledgerSavings.address.toLowerCase()));

    const verified = await screen.findByTestId("account-verified");
    expect(verified).toHaveTextContent("Matches the device");
    expect(verified).toHaveTextContent("m/44'/60'/1'/0/0");
    expect(screen.queryByTestId("account-verify-prompt")).not.toBeInTheDocument();
    expect(screen.queryByTestId("account-device-differs")).not.toBeInTheDocument();
    expect(button).toBeEnabled();
    await waitFor(() => expect(button, "the keyboard is back where it was").toHaveFocus());
  });

  it("warns in red when the device holds another address at the account's path", async () => {
    const other = schemeAddress("bip44", 9);
    await showOnDevice(() => other);

    const differs = await screen.findByTestId("account-device-differs");
    expect(differs).toHaveAttribute("role", "alert");
    expect(differs).toHaveTextContent("The device holds another address at this path");
    expect(within(differs).getByTestId("address")).toHaveTextContent(other);
    expect(differs).toHaveTextContent("Do not send funds to this account");
    expect(screen.queryByTestId("account-verified")).not.toBeInTheDocument();
  });

  it("says the user rejected the address on the device", async () => {
    await showOnDevice(() => {
      throw appErrorFixture({ code: "device_rejected", message: "rejected on the device" });
    });

    const rejected = await screen.findByTestId("account-device-rejected");
    expect(rejected).toHaveTextContent("You rejected the address on the device");
    expect(screen.queryByTestId("account-verify-failure")).not.toBeInTheDocument();
    expect(screen.queryByTestId("account-verified")).not.toBeInTheDocument();
    // It can be shown again.
    expect(screen.getByTestId("account-verify-on-device")).toBeEnabled();
  });

  it("shows the device's own failure, with what to do, and lets the user try again", async () => {
    let locked = true;
    const { user, backend } = await showOnDevice(() => {
      if (locked) throw appErrorFixture({ code: "device_locked", message: "the device is locked: unlock it with your PIN and try again" });
      return ledgerSavings.address;
    });

    const failure = await screen.findByTestId("account-verify-failure");
    expect(failure).toHaveTextContent("The address could not be shown on the device");
    expect(failure).toHaveTextContent("The device is locked");
    expect(failure).toHaveTextContent("the device is locked: unlock it with your PIN and try again");
    expect(failure).toHaveTextContent("Unlock the device with your PIN");
    expect(screen.queryByTestId("account-verified")).not.toBeInTheDocument();

    locked = false;
    await user.click(screen.getByTestId("account-verify-on-device"));
    expect(await screen.findByTestId("account-verified")).toBeInTheDocument();
    expect(screen.queryByTestId("account-verify-failure")).not.toBeInTheDocument();
    expect(backend.callsTo("verify_hardware_address")).toHaveLength(2);
  });
});
