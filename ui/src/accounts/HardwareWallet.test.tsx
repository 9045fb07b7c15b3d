import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Account } from "../api";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { accountFixture, appErrorFixture, keyringAvailable } from "../test/fixtures";
import {
  hardwareDeviceFixture,
  listAddresses,
  lockedDevice,
  schemeAddress,
  schemePath,
  trezorDeviceFixture,
} from "../test/hardwareFixtures";
import { renderApp } from "../test/renderApp";
import { deferred } from "../test/transactionFixtures";

const ledgerAccount = accountFixture({
  id: 21,
  label: "Ledger savings",
  kind: "hardware",
  address: schemeAddress("ledger_live", 1),
  derivationPath: schemePath("ledger_live", 1),
  hasSecret: false,
  canDerive: false,
});

/** A Ledger ready to answer, unless `handlers` say otherwise. */
function hardwareBackend(handlers: Record<string, CommandHandler> = {}, added: Account | null = null) {
  return fakeBackend({
    list_accounts: () => [],
    keyring_status: () => keyringAvailable,
    list_hardware_devices: () => [hardwareDeviceFixture()],
    list_hardware_addresses: listAddresses(),
    get_account: () => added,
    ...handlers,
  });
}

function listings(backend: ReturnType<typeof hardwareBackend>) {
  return backend
    .callsTo("list_hardware_addresses")
    .map((call) => (call.args as { input: { scheme: string; start: number; count: number } }).input);
}

function rows(): HTMLElement[] {
  return screen.getAllByTestId("hardware-address-row");
}

function rowOf(index: number): HTMLElement {
  const row = rows().find((candidate) => candidate.getAttribute("data-index") === String(index));
  if (!row) throw new Error(`no row of index ${index}`);
  return row;
}

function addForm(): HTMLElement {
  return screen.getByTestId("hardware-add-form");
}

function addressInput(): HTMLInputElement {
  const input = addForm().querySelector<HTMLInputElement>('[name="address"]');
  if (!input) throw new Error("no address input");
  return input;
}

function labelInput(): HTMLInputElement {
  const input = addForm().querySelector<HTMLInputElement>('[name="label"]');
  if (!input) throw new Error("no label input");
  return input;
}

describe("adding a hardware wallet", () => {
  it("is offered beside creating and importing an account", async () => {
    hardwareBackend({ list_accounts: () => [ledgerAccount] });
    const { user } = renderApp("#/accounts");

    const link = await screen.findByTestId("add-hardware-account");
    expect(link).toHaveAttribute("href", "#/accounts/hardware");
    expect(link).toHaveTextContent("Add hardware wallet");
    // Listed as a hardware account, with nothing said about being unable to sign.
    expect(screen.getByTestId("accounts-table")).toHaveTextContent("Hardware");
    expect(screen.getByTestId("accounts-table")).not.toHaveTextContent(/cannot sign/i);

    await user.click(link);
    expect(await screen.findByRole("heading", { level: 1, name: "Add a hardware wallet" })).toBeInTheDocument();
    expect(screen.getByTestId("hardware-wallet-page")).toBeInTheDocument();
  });

  it("says how to get the Ledger ready when none is found, and checks again", async () => {
    let found = false;
    const backend = hardwareBackend({ list_hardware_devices: () => (found ? [hardwareDeviceFixture()] : []) });
    const { user } = renderApp("#/accounts/hardware");

    const empty = await screen.findByTestId("hardware-devices-empty");
    expect(empty).toHaveTextContent("No hardware wallet found");
    expect(empty).toHaveTextContent("Connect your Ledger or Trezor");
    expect(empty).toHaveTextContent("on a Ledger, open the Ethereum app");
    expect(screen.getByTestId("hardware-addresses-waiting")).toBeInTheDocument();
    expect(screen.queryAllByTestId("hardware-device")).toHaveLength(0);
    expect(backend.callsTo("list_hardware_addresses")).toHaveLength(0);

    found = true;
    await user.click(within(empty).getByTestId("hardware-check-again"));

    const device = await screen.findByTestId("hardware-device");
    expect(device).toHaveAttribute("data-state", "ready");
    expect(within(device).getByTestId("hardware-device-state")).toHaveTextContent("Ready");
    expect(device).toHaveTextContent("Ethereum app 1.10.4");
    expect(within(device).getByTestId("hardware-blind-signing")).toHaveTextContent("Blind signing is enabled");
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(backend.callsTo("list_hardware_devices")).toHaveLength(2);
    expect(listings(backend)).toEqual([{ wallet: "ledger", scheme: "ledger_live", start: 0, count: 5 }]);
  });

  it("lists a Trezor's addresses by Trezor Suite's scheme, says what the device is, and adds one on it", async () => {
    const added = accountFixture({
      id: 31,
      label: "Trezor main",
      kind: "hardware",
      address: schemeAddress("bip44", 0),
      derivationPath: schemePath("bip44", 0),
      hasSecret: false,
      canDerive: false,
      hardwareWallet: "trezor",
    });
    const backend = hardwareBackend(
      {
        list_hardware_devices: () => [trezorDeviceFixture()],
        verify_hardware_address: () => schemeAddress("bip44", 0),
        add_hardware_account: () => added,
      },
      added,
    );
    const { user } = renderApp("#/accounts/hardware");

    const device = await screen.findByTestId("hardware-device");
    expect(within(device).getByTestId("hardware-device-detail")).toHaveTextContent("Trezor Model T “Savings”, firmware 2.8.1");
    expect(within(device).queryByTestId("hardware-blind-signing")).toBeNull();
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(listings(backend)).toEqual([{ wallet: "trezor", scheme: "bip44", start: 0, count: 5 }]);
    expect(screen.getByTestId("hardware-scheme-bip44")).toBeChecked();
    expect(screen.queryByTestId("hardware-device-choice")).toBeNull();

    await user.click(screen.getByTestId("hardware-verify-0"));
    expect(await screen.findByTestId("hardware-verify-matched")).toHaveTextContent("You confirmed on your Trezor");
    expect(backend.callsTo("verify_hardware_address")[0]?.args).toEqual({ input: { wallet: "trezor", path: "m/44'/60'/0'/0/0" } });
    await user.type(labelInput(), "Trezor main{Enter}");
    await waitFor(() => expect(backend.callsTo("add_hardware_account")).toHaveLength(1));
    expect(backend.callsTo("add_hardware_account")[0]?.args).toEqual({
      input: { label: "Trezor main", wallet: "trezor", path: "m/44'/60'/0'/0/0", address: schemeAddress("bip44", 0) },
    });
    expect(await screen.findByText(/Its key stays on your Trezor/)).toBeInTheDocument();
  });

  it("with a Ledger and a Trezor both ready, lists the addresses of the one chosen", async () => {
    const backend = hardwareBackend({ list_hardware_devices: () => [hardwareDeviceFixture(), trezorDeviceFixture()] });
    const { user } = renderApp("#/accounts/hardware");

    expect(await screen.findAllByTestId("hardware-device")).toHaveLength(2);
    await waitFor(() => expect(rows()).toHaveLength(5));
    const choice = screen.getByTestId("hardware-device-choice");
    expect(within(choice).getByRole("radio", { name: "Ledger" })).toBeChecked();
    await user.click(within(choice).getByText("Trezor"));
    await waitFor(() =>
      expect(listings(backend)).toEqual([
        { wallet: "ledger", scheme: "ledger_live", start: 0, count: 5 },
        { wallet: "trezor", scheme: "bip44", start: 0, count: 5 },
      ]),
    );
    expect(within(choice).getByRole("radio", { name: "Trezor" })).toBeChecked();
  });

  it("looks again by itself while the device is locked, and lists its addresses once it is unlocked", async () => {
    let unlocked = false;
    const backend = hardwareBackend({
      list_hardware_devices: () => [unlocked ? trezorDeviceFixture() : trezorDeviceFixture({ state: "locked", message: "the device is locked: unlock it with your PIN and try again" })],
    });
    renderApp("#/accounts/hardware");

    const device = await screen.findByTestId("hardware-device");
    expect(device).toHaveAttribute("data-state", "locked");
    expect(within(device).getByTestId("hardware-device-rechecking")).toHaveTextContent("looks again every few seconds");
    expect(screen.getByTestId("hardware-addresses-waiting")).toHaveTextContent("Once your Trezor is ready (unlocked)");
    unlocked = true;
    await waitFor(() => expect(screen.getByTestId("hardware-device")).toHaveAttribute("data-state", "ready"), { timeout: 5000 });
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(listings(backend)).toEqual([{ wallet: "trezor", scheme: "bip44", start: 0, count: 5 }]);
    // Ready: no more looking by itself.
    const asked = backend.callsTo("list_hardware_devices").length;
    await act(async () => new Promise((resolve) => setTimeout(resolve, 3500)));
    expect(backend.callsTo("list_hardware_devices")).toHaveLength(asked);
  });

  it("shows a locked device's state and what to do, and lists no address until it is ready", async () => {
    const backend = hardwareBackend({ list_hardware_devices: () => [lockedDevice] });
    renderApp("#/accounts/hardware");

    const device = await screen.findByTestId("hardware-device");
    expect(device).toHaveAttribute("data-state", "locked");
    expect(within(device).getByTestId("hardware-device-state")).toHaveTextContent("Locked");
    expect(within(device).getByTestId("hardware-device-message")).toHaveTextContent(
      "The device is locked: unlock it with your PIN and try again",
    );
    expect(screen.getByTestId("hardware-addresses-waiting")).toBeInTheDocument();
    expect(backend.callsTo("list_hardware_addresses")).toHaveLength(0);
  });

  it("says when the Ethereum app is not open, and that blind signing is off on a ready one", async () => {
    hardwareBackend({
      list_hardware_devices: () => [
        hardwareDeviceFixture({
          state: "app_not_open",
          appVersion: null,
          blindSigning: null,
          message: "open the Ethereum app on the device and try again",
        }),
      ],
    });
    const { unmount } = renderApp("#/accounts/hardware");
    const device = await screen.findByTestId("hardware-device");
    expect(within(device).getByTestId("hardware-device-state")).toHaveTextContent("Ethereum app not open");
    expect(device).toHaveTextContent("Open the Ethereum app on the device and try again");
    expect(within(device).queryByTestId("hardware-blind-signing")).toBeNull();
    unmount();

    hardwareBackend({ list_hardware_devices: () => [hardwareDeviceFixture({ blindSigning: false })] });
    renderApp("#/accounts/hardware");
    expect(await screen.findByTestId("hardware-blind-signing")).toHaveTextContent("Blind signing is disabled");
  });

  it("lists five addresses at a time by path scheme, pages through them and marks those already added", async () => {
    const backend = hardwareBackend({
      list_hardware_addresses: listAddresses({ [schemePath("ledger_live", 1)]: ledgerAccount.id }),
    });
    const { user } = renderApp("#/accounts/hardware");

    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows().map((row) => row.getAttribute("data-index"))).toEqual(["0", "1", "2", "3", "4"]);
    const first = rowOf(0);
    expect(first).toHaveTextContent("m/44'/60'/0'/0/0");
    expect(within(first).getByTestId("address")).toHaveTextContent(schemeAddress("ledger_live", 0));
    expect(within(first).getByTestId("address-fingerprint")).toBeInTheDocument();
    expect(within(first).queryByTestId("hardware-already-added")).toBeNull();

    // Already an account: said, with the way to it, and not offered again.
    const added = rowOf(1);
    expect(within(added).getByTestId("hardware-already-added")).toHaveTextContent("Already added");
    expect(within(added).getByRole("link", { name: /Open/ })).toHaveAttribute("href", `#/accounts/${ledgerAccount.id}`);
    expect(screen.getByTestId("hardware-choose-1")).toBeDisabled();
    expect(screen.getByTestId("hardware-choose-0")).toBeEnabled();

    const scheme = screen.getByTestId("hardware-scheme");
    expect(within(scheme).getByRole("radio", { name: /Ledger Live/ })).toBeChecked();
    expect(scheme).toHaveTextContent("m/44'/60'/i'/0/0");
    expect(scheme).toHaveTextContent("m/44'/60'/0'/i");
    expect(scheme).toHaveTextContent("m/44'/60'/0'/0/i");
    expect(screen.getByTestId("hardware-previous-page")).toBeDisabled();

    await user.click(screen.getByTestId("hardware-next-page"));
    await waitFor(() => expect(rows().map((row) => row.getAttribute("data-index"))).toEqual(["5", "6", "7", "8", "9"]));
    expect(screen.getByTestId("hardware-page-range")).toHaveTextContent("indexes 5 to 9");
    expect(rowOf(5)).toHaveTextContent("m/44'/60'/5'/0/0");

    await user.click(screen.getByTestId("hardware-previous-page"));
    await waitFor(() => expect(rows().map((row) => row.getAttribute("data-index"))).toEqual(["0", "1", "2", "3", "4"]));

    await user.click(within(scheme).getByRole("radio", { name: /Legacy/ }));
    await waitFor(() => expect(within(rowOf(0)).getByTestId("address")).toHaveTextContent(schemeAddress("legacy", 0)));
    expect(rowOf(3)).toHaveTextContent("m/44'/60'/0'/3");

    expect(listings(backend)).toEqual([
      { wallet: "ledger", scheme: "ledger_live", start: 0, count: 5 },
      { wallet: "ledger", scheme: "ledger_live", start: 5, count: 5 },
      // The first page again comes from what was read before.
      { wallet: "ledger", scheme: "legacy", start: 0, count: 5 },
    ]);
  });

  it("says what to do when the addresses cannot be read, and tries again", async () => {
    let attempts = 0;
    hardwareBackend({
      list_hardware_addresses: (args) => {
        attempts += 1;
        if (attempts === 1) {
          throw appErrorFixture({ code: "device_locked", message: "the device is locked: unlock it with your PIN and try again" });
        }
        return listAddresses()(args);
      },
    });
    const { user } = renderApp("#/accounts/hardware");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The addresses could not be read from your Ledger");
    expect(alert).toHaveTextContent("The device is locked");
    expect(alert).toHaveTextContent("the device is locked: unlock it with your PIN and try again");
    expect(alert).toHaveTextContent("Unlock the device with your PIN");

    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rows()).toHaveLength(5));
  });

  it("shows what each address holds on every network with a node, and says when a node did not answer", async () => {
    hardwareBackend({
      list_hardware_addresses: (args) =>
        listAddresses()(args).map((address, position) => ({
          ...address,
          balances: [
            { chainId: 1, network: "Ethereum", balance: position === 0 ? "1.5 ETH" : "0 ETH" },
            { chainId: 31337, network: "Local development chain", balance: null },
          ],
        })),
    });
    renderApp("#/accounts/hardware");

    await waitFor(() => expect(rows()).toHaveLength(5));
    const balances = within(rowOf(0)).getAllByTestId("hardware-balance");
    expect(balances.map((line) => line.textContent)).toEqual([
      "1.5 ETH on Ethereum",
      "Balance on Local development chain: the node did not answer",
    ]);
    expect(within(rowOf(1)).getAllByTestId("hardware-balance")[0]).toHaveTextContent("0 ETH on Ethereum");
  });

  it("shows an address on the device, marks it as matching once confirmed there, and adds it", async () => {
    const onDevice = deferred<string>();
    const added = accountFixture({
      id: 30,
      label: "Ledger main",
      kind: "hardware",
      address: schemeAddress("ledger_live", 2),
      derivationPath: schemePath("ledger_live", 2),
      hasSecret: false,
      canDerive: false,
    });
    const backend = hardwareBackend(
      { verify_hardware_address: () => onDevice.promise, add_hardware_account: () => added },
      added,
    );
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));

    await user.click(screen.getByTestId("hardware-verify-2"));

    const prompt = await screen.findByTestId("hardware-verify-prompt");
    expect(prompt).toHaveTextContent("Compare the address on your Ledger's screen and confirm it there");
    expect(within(prompt).getByTestId("address")).toHaveTextContent(schemeAddress("ledger_live", 2));
    expect(prompt).toHaveTextContent("up to 2 minutes");
    expect(backend.callsTo("verify_hardware_address")[0]?.args).toEqual({
      input: { wallet: "ledger", path: "m/44'/60'/2'/0/0" },
    });
    // One prompt at a time on the device: nothing else asks it anything meanwhile.
    expect(screen.getByTestId("hardware-verify-0")).toBeDisabled();
    expect(screen.getByTestId("hardware-next-page")).toBeDisabled();
    expect(screen.getByTestId("hardware-add")).toBeDisabled();

    await act(async () => onDevice.resolve(schemeAddress("ledger_live", 2)));

    expect(await within(rowOf(2)).findByTestId("hardware-verified")).toHaveTextContent("Matches the device");
    expect(screen.queryByTestId("hardware-verify-prompt")).toBeNull();
    expect(screen.getByTestId("hardware-verify-matched")).toBeInTheDocument();
    // Confirmed on the device: chosen to add.
    expect(screen.getByTestId("hardware-choose-2")).toBeChecked();
    expect(addressInput()).toHaveValue(schemeAddress("ledger_live", 2));
    expect(screen.getByTestId("hardware-add-verified")).toHaveTextContent("It matches what your Ledger showed");

    await user.type(labelInput(), "Ledger main{Enter}");

    await waitFor(() => expect(backend.callsTo("add_hardware_account")).toHaveLength(1));
    expect(backend.callsTo("add_hardware_account")[0]?.args).toEqual({
      input: { label: "Ledger main", wallet: "ledger", path: "m/44'/60'/2'/0/0", address: schemeAddress("ledger_live", 2) },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Ledger main" })).toBeInTheDocument();
    expect(screen.getByText("Hardware account added")).toBeInTheDocument();
  });

  it("forgets what the device showed when the devices are checked again (another may be connected)", async () => {
    const backend = hardwareBackend({ verify_hardware_address: () => schemeAddress("ledger_live", 0) });
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByTestId("hardware-verify-0"));
    expect(await within(rowOf(0)).findByTestId("hardware-verified")).toBeInTheDocument();
    expect(screen.getByTestId("hardware-choose-0")).toBeChecked();

    await user.click(screen.getByTestId("hardware-check-again"));

    await waitFor(() => expect(backend.callsTo("list_hardware_addresses")).toHaveLength(2));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(within(rowOf(0)).queryByTestId("hardware-verified")).toBeNull();
    expect(screen.getByTestId("hardware-choose-0")).not.toBeChecked();
    expect(addressInput()).toHaveValue("");
  });

  it("says the user rejected the address on the device, and does not add or choose it", async () => {
    const backend = hardwareBackend({
      verify_hardware_address: () => {
        throw appErrorFixture({ code: "device_rejected", message: "rejected on the device" });
      },
    });
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));

    await user.click(screen.getByTestId("hardware-choose-3"));
    expect(addressInput()).toHaveValue(schemeAddress("ledger_live", 3));
    await user.click(screen.getByTestId("hardware-verify-3"));

    const rejected = await screen.findByTestId("hardware-verify-rejected");
    expect(rejected).toHaveTextContent("You rejected the address on the device");
    expect(rejected).toHaveTextContent("was not added");
    expect(within(rowOf(3)).queryByTestId("hardware-verified")).toBeNull();
    expect(screen.getByTestId("hardware-choose-3")).not.toBeChecked();
    expect(addressInput()).toHaveValue("");
    expect(backend.callsTo("add_hardware_account")).toHaveLength(0);
    // It can be shown again.
    expect(screen.getByTestId("hardware-verify-3")).toBeEnabled();
  });

  it("shows the device's own failure, with what to do, when the address cannot be shown", async () => {
    hardwareBackend({
      verify_hardware_address: () => {
        throw appErrorFixture({ code: "device_timeout", message: "the device did not answer within 120 seconds" });
      },
    });
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByTestId("hardware-verify-0"));

    const failure = await screen.findByTestId("hardware-verify-failure");
    expect(failure).toHaveTextContent("The address could not be shown on the device");
    expect(failure).toHaveTextContent("the device did not answer within 120 seconds");
    expect(failure).toHaveTextContent("The device waits up to 2 minutes");
  });

  it("warns when the device shows another address than the one listed, and does not offer it", async () => {
    hardwareBackend({ verify_hardware_address: () => schemeAddress("bip44", 9) });
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByTestId("hardware-verify-1"));

    const differs = await screen.findByTestId("hardware-verify-differs");
    expect(within(differs).getByTestId("address")).toHaveTextContent(schemeAddress("bip44", 9));
    expect(differs).toHaveTextContent("Do not add it");
    expect(within(rowOf(1)).getByTestId("hardware-differs")).toBeInTheDocument();
    expect(screen.getByTestId("hardware-choose-1")).toBeDisabled();
  });

  it("shows the device's refusal of the address at the address, and keeps the label", async () => {
    const mismatch = "the device holds 0xDead… at m/44'/60'/0'/0/0, not this address: is it the same device (and passphrase)?";
    const backend = hardwareBackend({
      add_hardware_account: () => {
        throw appErrorFixture({
          code: "device_address_mismatch",
          message: mismatch,
          field: "address",
          invalidFields: [{ field: "address", code: "device_address_mismatch", message: mismatch }],
        });
      },
    });
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));

    await user.click(screen.getByTestId("hardware-choose-0"));
    expect(screen.getByTestId("hardware-add-unverified")).toHaveTextContent("Not compared on the device yet");
    await user.type(labelInput(), "Ledger");
    await user.click(screen.getByTestId("hardware-add"));

    await waitFor(() => expect(addressInput()).toHaveAttribute("aria-invalid", "true"));
    expect(addressInput()).toHaveAccessibleDescription(expect.stringContaining("is it the same device"));
    expect(addressInput()).toHaveFocus();
    expect(within(addForm()).getByRole("alert")).toHaveTextContent("The hardware account was not added");
    expect(within(addForm()).getByRole("alert")).toHaveTextContent("Address");
    expect(labelInput()).toHaveValue("Ledger");
    expect(backend.callsTo("add_hardware_account")[0]?.args).toEqual({
      input: { label: "Ledger", wallet: "ledger", path: "m/44'/60'/0'/0/0", address: schemeAddress("ledger_live", 0) },
    });
    expect(window.location.hash).toBe("#/accounts/hardware");

    // Choosing again clears the error.
    await user.click(screen.getByTestId("hardware-choose-4"));
    expect(addressInput()).not.toHaveAttribute("aria-invalid", "true");
  });

  it("asks to choose an address before adding, without asking the backend", async () => {
    const backend = hardwareBackend();
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));

    await user.type(labelInput(), "Ledger{Enter}");

    await waitFor(() => expect(addressInput()).toHaveAttribute("aria-invalid", "true"));
    expect(addressInput()).toHaveAccessibleDescription(expect.stringContaining("choose one of the addresses above"));
    expect(backend.callsTo("add_hardware_account")).toHaveLength(0);
  });

  it("shows a label already taken at the label", async () => {
    hardwareBackend({
      add_hardware_account: () => {
        throw appErrorFixture({
          code: "label_taken",
          message: "The account has invalid fields.",
          invalidFields: [{ field: "label", code: "label_taken", message: "Another account is already called Savings." }],
        });
      },
    });
    const { user } = renderApp("#/accounts/hardware");
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByTestId("hardware-choose-0"));
    await user.type(labelInput(), "Savings{Enter}");

    await waitFor(() => expect(labelInput()).toHaveAttribute("aria-invalid", "true"));
    expect(labelInput()).toHaveAccessibleDescription(expect.stringContaining("Another account is already called Savings."));
    expect(labelInput()).toHaveFocus();
  });
});
