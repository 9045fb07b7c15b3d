import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TransactionView } from "../api";
import { fakeBackend, type CommandHandler } from "../test/fakeBackend";
import { accountFixture, appErrorFixture, participationFixture, saleFixture } from "../test/fixtures";
import { contractCallPromptFixture, ownAddress, transferPromptFixture, trezorCallPromptFixture } from "../test/hardwareFixtures";
import { renderApp } from "../test/renderApp";
import { designatedAddress } from "../test/reviewFixtures";
import {
  deferred,
  fromAddress,
  planFixture,
  progressSender,
  signingHash,
  transactionSummaryFixture,
  transactionViewFixture,
  txHash,
} from "../test/transactionFixtures";

const participation = participationFixture({ id: 5, saleId: 30, projectName: "Example Protocol", state: "kyc_approved" });
const sale = saleFixture({ id: 30, projectName: "Example Protocol", contributionAddress: designatedAddress });
// Its key is on the device: nothing in the keyring.
const ledger = accountFixture({
  id: 9,
  label: "Ledger main",
  kind: "hardware",
  address: fromAddress,
  derivationPath: "m/44'/60'/0'/0/0",
  hasSecret: false,
  canDerive: false,
});
const watched = accountFixture({ id: 8, label: "Cold storage", kind: "watch_only", hasSecret: false, derivationPath: null, canDerive: false });

const contractCallPlan = () =>
  planFixture({ transaction: transactionSummaryFixture({ devicePrompt: contractCallPromptFixture() }) });
const transferPlan = () =>
  planFixture({
    transaction: transactionSummaryFixture({ decodedCall: null, data: "0x", devicePrompt: transferPromptFixture() }),
  });

function backendWith(handlers: Record<string, CommandHandler>) {
  return fakeBackend({
    get_participation: () => participation,
    get_sale: () => sale,
    list_accounts: () => [ledger, watched],
    value_contribution: () => ({ kind: "no_budget" }),
    ...handlers,
  });
}

/** Opens the wizard and asks for a review of 1.5 ETH from the Ledger account. */
async function planContribution() {
  const rendered = renderApp("#/participations/5/contribute");
  const form = await screen.findByTestId("wizard-choose");
  await rendered.user.type(within(form).getByRole("textbox", { name: "Amount" }), "1.5");
  await rendered.user.click(within(form).getByTestId("wizard-review"));
  await screen.findByTestId("transaction-summary");
  return rendered;
}

function screensShown(container: HTMLElement): Array<[string, string]> {
  return within(container)
    .getAllByTestId("device-screen")
    .map((item) => [
      within(item).getByTestId("device-screen-label").textContent ?? "",
      (within(item).queryByTestId("address") ?? within(item).queryByTestId("device-screen-value"))?.textContent ?? "",
    ]);
}

describe("signing with a hardware wallet", () => {
  it("offers the hardware account to sign with, and says the device signs", async () => {
    const backend = backendWith({ prepare_contribution: () => contractCallPlan() });
    const { user } = renderApp("#/participations/5/contribute");

    const form = await screen.findByTestId("wizard-choose");
    const account = within(form).getByRole("combobox", { name: "Account" });
    const option = within(account).getByRole("option", { name: "Ledger main (hardware wallet)" });
    expect(option).toBeEnabled();
    // The only account that can sign is chosen.
    expect(account).toHaveValue("9");
    expect(within(form).getByTestId("wizard-hardware-account-hint")).toHaveTextContent("on your Ledger, which signs");
    expect(within(account).getByRole("option", { name: "Cold storage (watch-only: cannot sign)" })).toBeDisabled();
    expect(form).not.toHaveTextContent(/cannot sign here/);

    await user.type(within(form).getByRole("textbox", { name: "Amount" }), "1.5{Enter}");
    await screen.findByTestId("transaction-summary");
    expect(backend.callsTo("prepare_contribution")[0]?.args).toEqual({
      input: { participationId: 5, accountId: 9, amount: "1.5", feeSpeed: "normal" },
    });
  });

  it("shows what the Ledger will show for a plain transfer, in order, without blind signing", async () => {
    backendWith({ prepare_contribution: () => transferPlan() });
    await planContribution();

    const prompt = screen.getByTestId("device-prompt");
    expect(prompt).toHaveTextContent("What your Ledger will show");
    expect(within(prompt).getByTestId("device-prompt-software")).toHaveTextContent(
      "Screens of Ethereum app from 1.18.0 · your device has Ethereum app 1.22.0",
    );
    expect(screensShown(prompt)).toEqual([
      ["Review transaction", ""],
      ["From", ownAddress],
      ["Amount", "1.5 ETH"],
      ["To", designatedAddress],
      ["Max fees", "0.00156 ETH"],
      ["Sign transaction", ""],
    ]);
    expect(within(prompt).getByTestId("device-prompt-notes")).toHaveTextContent("a Stax or Flex shows the same values");
    expect(within(prompt).queryByTestId("device-prompt-may-differ")).toBeNull();
    // The sender and the destination, each with its fingerprint, like every address.
    expect(within(prompt).getAllByTestId("address-fingerprint")).toHaveLength(2);
    expect(within(prompt).queryByTestId("device-prompt-blind-signing")).toBeNull();
    expect(screen.getByTestId("device-sign-hint")).toHaveTextContent("Your Ledger signs it");
  });

  it("warns that a contract call needs blind signing, and shows the hash to compare", async () => {
    backendWith({ prepare_contribution: () => contractCallPlan() });
    await planContribution();

    const prompt = screen.getByTestId("device-prompt");
    const warning = within(prompt).getByTestId("device-prompt-blind-signing");
    expect(warning).toHaveTextContent("Your Ledger will ask for blind signing");
    expect(warning).toHaveTextContent("Blind signing must be enabled in the Ethereum app's settings");
    expect(warning).toHaveTextContent("compare the transaction hash on the device with this one");
    expect(within(warning).getByTestId("device-prompt-hash")).toHaveTextContent(signingHash);
    expect(screensShown(prompt).map(([label]) => label)).toEqual([
      "Blind signing ahead",
      "Review transaction",
      "From",
      "Amount",
      "To",
      "Max fees",
      "Tx hash",
      "Accept risk and sign transaction",
    ]);
    expect(screensShown(prompt).at(-2)?.[1]).toBe(signingHash);
  });

  it("says when the Ethereum app shows no hash, and when its screens may differ", async () => {
    backendWith({
      prepare_contribution: () =>
        planFixture({
          transaction: transactionSummaryFixture({
            devicePrompt: {
              ...contractCallPromptFixture(),
              showsHash: false,
              software: "Ethereum app 1.10.3",
              screensOf: "Ethereum app 1.9.9 to 1.10.x",
              mayDiffer: null,
            },
          }),
        }),
    });
    await planContribution();
    const prompt = screen.getByTestId("device-prompt");
    const warning = within(prompt).getByTestId("device-prompt-blind-signing");
    expect(within(warning).queryByTestId("device-prompt-hash")).toBeNull();
    expect(within(warning).getByTestId("device-prompt-no-hash")).toHaveTextContent("does not show the transaction's hash");
    expect(within(prompt).queryByTestId("device-prompt-may-differ")).toBeNull();
  });

  it("warns that the screens may differ when the device could not be asked", async () => {
    const why = "The device could not be asked which Ethereum app version it has.";
    backendWith({
      prepare_contribution: () =>
        planFixture({
          transaction: transactionSummaryFixture({
            devicePrompt: { ...contractCallPromptFixture(), software: null, mayDiffer: why },
          }),
        }),
    });
    await planContribution();
    const prompt = screen.getByTestId("device-prompt");
    expect(within(prompt).getByTestId("device-prompt-may-differ")).toHaveTextContent(why);
    expect(within(prompt).getByTestId("device-prompt-software")).not.toHaveTextContent("your device has");
  });

  it("says a Trezor shows a call's raw data to compare, and follows it through its PIN to the confirmation", async () => {
    const trezor = accountFixture({ ...ledger, label: "Trezor main", hardwareWallet: "trezor" });
    const signed = deferred<TransactionView>();
    backendWith({
      list_accounts: () => [trezor],
      prepare_contribution: () =>
        planFixture({
          transaction: transactionSummaryFixture({
            data: "0xd7bb99ba",
            devicePrompt: { ...trezorCallPromptFixture(), unknownNetworkCoin: "ETH" },
          }),
        }),
      send_transaction: (args) => {
        const report = progressSender(args);
        report({ state: "reviewing" });
        report({ state: "connectingDevice" });
        report({ state: "waitingForPin" });
        return signed.promise;
      },
    });
    const { user } = await planContribution();
    expect(screen.getByTestId("device-sign-hint")).toHaveTextContent("Your Trezor signs it");

    const prompt = screen.getByTestId("device-prompt");
    expect(prompt).toHaveTextContent("What your Trezor will show");
    expect(within(prompt).queryByTestId("device-prompt-blind-signing")).toBeNull();
    const warning = within(prompt).getByTestId("device-prompt-raw-data");
    expect(warning).toHaveTextContent("Your Trezor cannot decode this contract call");
    expect(warning).toHaveTextContent("compare that data with the data listed below, every byte");
    // A chain its firmware does not know: it calls the coin UNKN, and the user is told how to read it.
    expect(within(prompt).getByTestId("device-prompt-unknown-network")).toHaveTextContent("read UNKN as ETH");
    expect(screensShown(prompt)).toEqual([
      ["CONFIRM DATA: Size: 4 bytes", "0xd7bb99ba"],
      ["RECIPIENT", designatedAddress],
      ["SUMMARY: Amount", "1.5 ETH"],
      ["SUMMARY: Maximum fee", "0.00156 ETH"],
    ]);

    await user.click(screen.getByTestId("wizard-sign"));
    const progress = await screen.findByTestId("wizard-progress");
    const device = await within(progress).findByTestId("device-signing");
    await waitFor(() => expect(device).toHaveAttribute("data-device-state", "waitingForPin"));
    expect(device).toHaveTextContent("Unlock your Trezor: enter your PIN on it");
    expect(within(device).queryByTestId("device-countdown")).toBeNull();
    expect(within(progress).getAllByTestId("progress-step").at(-1)).toHaveTextContent("enter your PIN on its screen");
    expect(within(device).getByTestId("device-prompt-raw-data")).toBeInTheDocument();
    expect(within(device).getByTestId("device-prompt-unknown-network")).toBeInTheDocument();

    await act(async () => signed.resolve(transactionViewFixture({ status: "confirmed", blockNumber: 90 })));
    expect(await screen.findByTestId("wizard-result")).toHaveTextContent("Confirmed in block 90");
  });

  it("shows no device panel for a software account", async () => {
    backendWith({
      list_accounts: () => [accountFixture({ id: 7, label: "Main wallet", address: fromAddress })],
      prepare_contribution: () => planFixture(),
    });
    await planContribution();
    expect(screen.queryByTestId("device-prompt")).toBeNull();
    expect(screen.queryByTestId("device-sign-hint")).toBeNull();
  });

  it("follows the device while it waits, says the user rejected it there, and signs again on retry", async () => {
    const firstAttempt = deferred<TransactionView>();
    let attempts = 0;
    const backend = backendWith({
      prepare_contribution: () => contractCallPlan(),
      send_transaction: (args) => {
        attempts += 1;
        const report = progressSender(args);
        report({ state: "reviewing" });
        report({ state: "connectingDevice" });
        if (attempts === 1) {
          report({ state: "waitingForConfirmation" });
          return firstAttempt.promise;
        }
        for (const step of [
          { state: "waitingForConfirmation" },
          { state: "signed", hash: txHash },
          { state: "sending" },
          { state: "sent", hash: txHash },
        ] as const) {
          report(step);
        }
        return transactionViewFixture({ status: "confirmed", blockNumber: 88 });
      },
    });
    const { user } = await planContribution();
    await user.click(screen.getByTestId("wizard-sign"));

    const progress = await screen.findByTestId("wizard-progress");
    await waitFor(() =>
      expect(within(progress).getAllByTestId("progress-step").map((step) => step.getAttribute("data-state"))).toEqual([
        "reviewing",
        "connectingDevice",
        "waitingForConfirmation",
      ]),
    );
    expect(within(progress).getAllByTestId("progress-step")[1]).toHaveTextContent("Connected to your hardware wallet");
    const device = within(progress).getByTestId("device-signing");
    expect(device).toHaveTextContent("Confirm it on your Ledger");
    expect(device).toHaveTextContent("The device waits up to 2 minutes");
    expect(within(device).getByTestId("device-countdown")).toHaveTextContent(/left to confirm on the device/);
    // What to compare stays in view while the device shows it.
    expect(within(device).getByTestId("device-prompt-hash")).toHaveTextContent(signingHash);
    expect(within(device).getAllByTestId("device-screen")).toHaveLength(8);
    expect(within(progress).getByTestId("wizard-cancel")).toBeEnabled();

    await act(async () =>
      firstAttempt.reject(appErrorFixture({ code: "device_rejected", message: "rejected on the device: nothing was signed" })),
    );

    const alert = await screen.findByTestId("wizard-sign-alert");
    expect(alert).toHaveTextContent("Nothing was sent");
    expect(alert).toHaveTextContent("Rejected on the device");
    expect(alert).toHaveTextContent("rejected on the device: nothing was signed");
    expect(alert).toHaveTextContent("sign again and approve it on the device");
    await waitFor(() => expect(alert).toHaveFocus());
    // The draft is still planned: it can be signed again, and was not abandoned.
    expect(screen.getByTestId("device-prompt")).toBeInTheDocument();
    expect(screen.getByTestId("wizard-sign")).toBeEnabled();
    expect(backend.callsTo("abandon_transaction")).toHaveLength(0);

    await user.click(screen.getByTestId("wizard-sign"));

    expect(await screen.findByTestId("wizard-result")).toHaveTextContent("Confirmed in block 88");
    expect(backend.callsTo("send_transaction").map((call) => (call.args as { draftId: string }).draftId)).toEqual([
      "draft-1",
      "draft-1",
    ]);
  });

  it.each([
    ["blind_signing_disabled", "enable blind signing in the Ethereum app's settings to sign this contract call, then try again", "enable Blind signing"],
    ["device_locked", "the device is locked: unlock it with your PIN and try again", "Unlock the device with your PIN"],
    ["device_app_not_open", "open the Ethereum app on the device and try again", "open the Ethereum app (install it with Ledger Live"],
    ["device_not_found", "no Ledger found: connect it, unlock it and try again", "Close Ledger Live"],
    ["device_timeout", "the device did not answer within 120 seconds: nothing was signed", "waits up to 2 minutes"],
    ["device_disconnected", "the device was disconnected: reconnect it and try again", "Reconnect the device"],
    ["device_busy", "the device is still busy with an earlier request: finish or reject it on the device first", "finish that request on the device"],
  ] as const)("says what to do after %s, and lets the user sign again", async (code, message, hint) => {
    let attempts = 0;
    backendWith({
      prepare_contribution: () => contractCallPlan(),
      send_transaction: () => {
        attempts += 1;
        throw appErrorFixture({ code, message });
      },
    });
    const { user } = await planContribution();
    await user.click(screen.getByTestId("wizard-sign"));

    const alert = await screen.findByTestId("wizard-sign-alert");
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent(hint);
    await user.click(screen.getByTestId("wizard-sign"));
    await waitFor(() => expect(attempts).toBe(2));
  });
});
