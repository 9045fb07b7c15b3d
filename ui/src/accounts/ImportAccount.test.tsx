import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Account } from "../api";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { accountFixture, appErrorFixture, keyringAvailable } from "../test/fixtures";
import { renderApp } from "../test/renderApp";

const phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";
const privateKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

/** The backend after an import: `added` is what the import answers and `get_account` then finds. */
function importBackend(handlers: Record<string, CommandHandler>, added: Account | null = null) {
  return fakeBackend({
    list_accounts: () => [],
    keyring_status: () => keyringAvailable,
    get_account: () => added,
    ...handlers,
  });
}

/** The input named `name` inside the form with test id `formTestId`. */
function field(formTestId: string, name: string): HTMLInputElement {
  const element = screen.getByTestId(formTestId).querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input named ${name} in ${formTestId}`);
  return element;
}

async function openTab(user: UserEvent, name: string) {
  await user.click(await screen.findByRole("tab", { name }));
}

describe("importing an account", () => {
  it("imports a recovery phrase with the default derivation path, focused on the phrase", async () => {
    const imported = accountFixture({ id: 4, label: "Imported", kind: "imported_mnemonic" });
    const backend = importBackend({ import_mnemonic_account: () => imported }, imported);
    const { user } = renderApp("#/accounts");
    await user.click(await screen.findByTestId("import-account"));

    const form = "import-mnemonic-form";
    await waitFor(() => expect(field(form, "phrase")).toHaveFocus());
    expect(field(form, "derivationPath")).toHaveValue("m/44'/60'/0'/0/0");
    expect(field(form, "passphrase")).toHaveAttribute("type", "password");

    await user.paste(phrase);
    await user.type(field(form, "passphrase"), "extra words");
    await user.type(field(form, "label"), "Imported{Enter}");

    await waitFor(() => expect(backend.callsTo("import_mnemonic_account")).toHaveLength(1));
    expect(backend.callsTo("import_mnemonic_account")[0]?.args).toEqual({
      input: { label: "Imported", phrase, passphrase: "extra words", derivationPath: "m/44'/60'/0'/0/0" },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Imported" })).toBeInTheDocument();
    expect(screen.getByText("Account imported")).toBeInTheDocument();
  });

  it("shows a phrase error at the phrase and keeps everything typed", async () => {
    const checksum = "The recovery phrase's checksum does not match: a word is wrong or two are swapped.";
    const backend = importBackend({
      import_mnemonic_account: () => {
        throw appErrorFixture({
          code: "mnemonic_checksum",
          message: "The account has invalid fields.",
          invalidFields: [{ field: "phrase", code: "mnemonic_checksum", message: checksum }],
        });
      },
    });
    const { user } = renderApp("#/accounts/import");
    const form = "import-mnemonic-form";
    await screen.findByTestId(form);

    await user.click(field(form, "phrase"));
    await user.paste(phrase);
    await user.type(field(form, "passphrase"), "extra words");
    await user.clear(field(form, "derivationPath"));
    await user.type(field(form, "derivationPath"), "m/44'/60'/0'/0/3");
    await user.type(field(form, "label"), "Imported");
    // Enter in the phrase submits too (the phrase is one line of words).
    await user.click(field(form, "phrase"));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(field(form, "phrase")).toHaveAttribute("aria-invalid", "true"));
    expect(field(form, "phrase")).toHaveAccessibleDescription(expect.stringContaining(checksum));
    expect(field(form, "phrase")).toHaveFocus();
    expect(field(form, "label")).not.toHaveAttribute("aria-invalid", "true");
    expect(within(screen.getByTestId(form)).getByRole("alert")).toHaveTextContent("Recovery phrase");
    // Nothing lost, not even the secret inputs: only a successful import clears them.
    expect(field(form, "phrase")).toHaveValue(phrase);
    expect(field(form, "passphrase")).toHaveValue("extra words");
    expect(field(form, "derivationPath")).toHaveValue("m/44'/60'/0'/0/3");
    expect(field(form, "label")).toHaveValue("Imported");
    expect(backend.callsTo("import_mnemonic_account")).toHaveLength(1);

    await user.type(field(form, "phrase"), " ");
    expect(field(form, "phrase"), "editing clears the error").not.toHaveAttribute("aria-invalid", "true");
  });

  it("imports a private key typed into a password input", async () => {
    const imported = accountFixture({ id: 5, label: "Old key", kind: "private_key", derivationPath: null, canDerive: false });
    const backend = importBackend({ import_private_key_account: () => imported }, imported);
    const { user } = renderApp("#/accounts/import");
    await openTab(user, "Private key");

    const form = "import-private-key-form";
    expect(field(form, "privateKey")).toHaveAttribute("type", "password");
    await user.type(field(form, "privateKey"), privateKey);
    await user.type(field(form, "label"), "Old key{Enter}");

    await waitFor(() => expect(backend.callsTo("import_private_key_account")).toHaveLength(1));
    expect(backend.callsTo("import_private_key_account")[0]?.args).toEqual({ input: { label: "Old key", privateKey } });
    expect(await screen.findByRole("heading", { level: 1, name: "Old key" })).toBeInTheDocument();
  });

  it("marks an invalid private key on the input itself and focuses the first invalid field on the page", async () => {
    const outOfRange = "The private key is not a valid secp256k1 key.";
    const taken = "Another account is already called Old key.";
    importBackend({
      import_private_key_account: () => {
        throw appErrorFixture({
          code: "private_key_out_of_range",
          message: "The account has invalid fields.",
          // The label comes first here, but the key is above it on the page.
          invalidFields: [
            { field: "label", code: "label_taken", message: taken },
            { field: "privateKey", code: "private_key_out_of_range", message: outOfRange },
          ],
        });
      },
    });
    const { user } = renderApp("#/accounts/import");
    await openTab(user, "Private key");

    const form = "import-private-key-form";
    await user.type(field(form, "privateKey"), privateKey);
    await user.type(field(form, "label"), "Old key{Enter}");

    await waitFor(() => expect(field(form, "privateKey")).toHaveAttribute("aria-invalid", "true"));
    expect(field(form, "privateKey")).toHaveAccessibleDescription(expect.stringContaining(outOfRange));
    expect(field(form, "privateKey")).toHaveFocus();
    expect(field(form, "label")).toHaveAttribute("aria-invalid", "true");
    const alert = within(screen.getByTestId(form)).getByRole("alert");
    expect(alert).toHaveTextContent("Private key");
    expect(alert).toHaveTextContent("Label");

    await user.type(field(form, "privateKey"), "0");
    expect(field(form, "privateKey"), "editing clears the error").not.toHaveAttribute("aria-invalid");
  });

  it("marks an invalid passphrase on the input itself", async () => {
    const tooLong = "The passphrase is too long.";
    importBackend({
      import_mnemonic_account: () => {
        throw appErrorFixture({ code: "too_long", message: tooLong, field: "passphrase" });
      },
    });
    const { user } = renderApp("#/accounts/import");
    const form = "import-mnemonic-form";
    await screen.findByTestId(form);

    await user.click(field(form, "phrase"));
    await user.paste(phrase);
    await user.type(field(form, "passphrase"), "extra words");
    await user.type(field(form, "label"), "Imported{Enter}");

    await waitFor(() => expect(field(form, "passphrase")).toHaveAttribute("aria-invalid", "true"));
    expect(field(form, "passphrase")).toHaveAccessibleDescription(expect.stringContaining(tooLong));
    expect(field(form, "passphrase")).toHaveFocus();
    expect(field(form, "phrase")).not.toHaveAttribute("aria-invalid");
  });

  it("shows a keyring error plainly, with the backend's guidance, keeps the key, and checks the keyring again", async () => {
    const guidance = "Your login keyring is locked. Unlock it (e.g. in Passwords and Keys) and try again.";
    let keyring = keyringAvailable;
    const backend = importBackend({
      keyring_status: () => keyring,
      import_private_key_account: () => {
        keyring = { available: false, code: "keyring_locked", message: guidance };
        throw appErrorFixture({ code: "keyring_locked", message: guidance });
      },
    });
    const { user } = renderApp("#/accounts/import");
    await openTab(user, "Private key");

    const form = "import-private-key-form";
    await user.type(field(form, "privateKey"), privateKey);
    await user.type(field(form, "label"), "Old key{Enter}");

    const alert = await within(screen.getByTestId(form)).findByRole("alert");
    expect(alert).toHaveTextContent("The account was not imported");
    expect(alert).toHaveTextContent("The keyring is locked");
    expect(alert).toHaveTextContent(guidance);
    expect(alert).toHaveFocus();
    expect(field(form, "privateKey")).toHaveValue(privateKey);

    // The banner at the top now says the keyring is locked too.
    const banner = await screen.findByTestId("keyring-unavailable");
    expect(banner).toHaveTextContent("The keyring is locked");
    expect(backend.callsTo("keyring_status")).toHaveLength(2);
  });

  it("does not check the keyring again after a failure that is not the keyring's", async () => {
    const backend = importBackend({
      add_watch_only_account: () => {
        throw appErrorFixture({ code: "account_exists", message: "That address is already an account." });
      },
    });
    const { user } = renderApp("#/accounts/import");
    await openTab(user, "Watch-only address");

    const form = "add-watch-only-form";
    await user.type(field(form, "address"), "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB");
    await user.type(field(form, "label"), "Treasury{Enter}");

    expect(await within(screen.getByTestId(form)).findByRole("alert")).toHaveTextContent("That address is already an account.");
    expect(backend.callsTo("keyring_status")).toHaveLength(1);
  });

  it("adds a watch-only address, even when the keyring cannot be used", async () => {
    const address = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
    const watched = accountFixture({ id: 6, label: "Treasury", address, kind: "watch_only", hasSecret: false, canDerive: false });
    const backend = importBackend(
      {
        keyring_status: () => ({ available: false, code: "keyring_unavailable", message: "No Secret Service is running." }),
        add_watch_only_account: () => watched,
      },
      watched,
    );
    const { user } = renderApp("#/accounts/import");
    expect(await screen.findByTestId("keyring-unavailable")).toHaveTextContent("No Secret Service is running.");
    await openTab(user, "Watch-only address");

    const form = "add-watch-only-form";
    await user.type(field(form, "address"), address);
    await user.type(field(form, "label"), "Treasury");
    await user.click(screen.getByRole("button", { name: "Add address" }));

    await waitFor(() => expect(backend.callsTo("add_watch_only_account")).toHaveLength(1));
    expect(backend.callsTo("add_watch_only_account")[0]?.args).toEqual({ input: { label: "Treasury", address } });
    expect(await screen.findByRole("heading", { level: 1, name: "Treasury" })).toBeInTheDocument();
    expect(screen.getByText("Address added")).toBeInTheDocument();
  });

  it("shows a watch-only address error at the address", async () => {
    const badChecksum = "The address's mixed case does not match its EIP-55 checksum.";
    importBackend({
      add_watch_only_account: () => {
        throw appErrorFixture({ code: "bad_checksum", message: badChecksum, field: "address" });
      },
    });
    const { user } = renderApp("#/accounts/import");
    await openTab(user, "Watch-only address");

    const form = "add-watch-only-form";
    await user.type(field(form, "address"), "0xdbf03b407c01E7cD3CBea99509d93f8DDDC8C6FB");
    await user.type(field(form, "label"), "Treasury{Enter}");

    await waitFor(() => expect(field(form, "address")).toHaveAttribute("aria-invalid", "true"));
    expect(field(form, "address")).toHaveAccessibleDescription(expect.stringContaining(badChecksum));
    expect(field(form, "address")).toHaveValue("0xdbf03b407c01E7cD3CBea99509d93f8DDDC8C6FB");
  });

  it("keeps what was typed in each tab when switching between them", async () => {
    importBackend({});
    const { user } = renderApp("#/accounts/import");
    await screen.findByTestId("import-mnemonic-form");

    await user.type(field("import-mnemonic-form", "label"), "From phrase");
    await openTab(user, "Watch-only address");
    await user.type(field("add-watch-only-form", "label"), "Watched");
    await openTab(user, "Recovery phrase");
    expect(field("import-mnemonic-form", "label")).toHaveValue("From phrase");
    await openTab(user, "Watch-only address");
    expect(field("add-watch-only-form", "label")).toHaveValue("Watched");
  });
});
