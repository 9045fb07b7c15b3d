// Hardware wallets as the backend would describe them, for tests only.
import type { DevicePrompt, HardwareAddress, HardwareDevice } from "../api";
import { designatedAddress } from "./reviewFixtures";
import { signingHash } from "./transactionFixtures";

/** The hardware account signing (the device shows it as "From"). */
export const ownAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

export function hardwareDeviceFixture(overrides: Partial<HardwareDevice> = {}): HardwareDevice {
  return {
    wallet: "ledger",
    connection: "Ledger",
    model: null,
    label: null,
    state: "ready",
    appVersion: "1.10.4",
    firmware: null,
    blindSigning: true,
    message: "",
    ...overrides,
  };
}

/** A Trezor, ready: no Ethereum app or blind signing, a model, a name and firmware instead. */
export function trezorDeviceFixture(overrides: Partial<HardwareDevice> = {}): HardwareDevice {
  return hardwareDeviceFixture({
    wallet: "trezor",
    connection: "Trezor emulator at 127.0.0.1:21324",
    model: "Trezor Model T",
    label: "Savings",
    appVersion: null,
    firmware: "2.8.1",
    blindSigning: null,
    ...overrides,
  });
}

export const lockedDevice = hardwareDeviceFixture({
  state: "locked",
  appVersion: null,
  blindSigning: null,
  message: "the device is locked: unlock it with your PIN and try again",
});

/** The path of the `index`-th address of a scheme, as the backend lays them out. */
export function schemePath(scheme: string, index: number): string {
  switch (scheme) {
    case "legacy":
      return `m/44'/60'/0'/${index}`;
    case "bip44":
      return `m/44'/60'/0'/0/${index}`;
    default:
      return `m/44'/60'/${index}'/0/0`;
  }
}

/** A stand-in address per scheme and index, all different ("0xA0…" for Ledger Live's index 0). */
export function schemeAddress(scheme: string, index: number): string {
  const prefix = { ledger_live: "A", legacy: "B", bip44: "C" }[scheme] ?? "D";
  return `0x${prefix}${index.toString(16).padStart(39, "0")}`;
}

export function hardwareAddressFixture(scheme: string, index: number, overrides: Partial<HardwareAddress> = {}): HardwareAddress {
  return { index, path: schemePath(scheme, index), address: schemeAddress(scheme, index), accountId: null, balances: [], ...overrides };
}

type Listing = { input: { wallet: string; scheme: string; start: number; count: number } };

/** A `list_hardware_addresses` handler: `count` addresses from `start`; `accountIds` by path say which are accounts already. */
export function listAddresses(accountIds: Record<string, number> = {}) {
  return (args: unknown): HardwareAddress[] => {
    const { scheme, start, count } = (args as Listing).input;
    return Array.from({ length: count }, (_, offset) => {
      const index = start + offset;
      return hardwareAddressFixture(scheme, index, { accountId: accountIds[schemePath(scheme, index)] ?? null });
    });
  };
}

/** What a Ledger (Ethereum app 1.22.0) shows for a plain transfer to the sale. */
export function transferPromptFixture(): DevicePrompt {
  return {
    wallet: "Ledger",
    blindSigning: false,
    showsHash: false,
    showsRawData: false,
    unknownNetworkCoin: null,
    software: "Ethereum app 1.22.0",
    screensOf: "Ethereum app from 1.18.0",
    mayDiffer: null,
    notes: ["Screens of a Nano S Plus or Nano X; a Stax or Flex shows the same values in its own layout."],
    screens: [
      { label: "Review transaction", value: "" },
      { label: "From", value: ownAddress },
      { label: "Amount", value: "1.5 ETH" },
      { label: "To", value: designatedAddress },
      { label: "Max fees", value: "0.00156 ETH" },
      { label: "Sign transaction", value: "" },
    ],
  };
}

/** What a Ledger (Ethereum app 1.22.0) shows for a call to the sale's contract: blind signing, and the hash to compare. */
export function contractCallPromptFixture(): DevicePrompt {
  return {
    wallet: "Ledger",
    blindSigning: true,
    showsHash: true,
    showsRawData: false,
    unknownNetworkCoin: null,
    software: "Ethereum app 1.22.0",
    screensOf: "Ethereum app from 1.18.0",
    mayDiffer: null,
    notes: [],
    screens: [
      { label: "Blind signing ahead", value: "" },
      { label: "Review transaction", value: "" },
      { label: "From", value: ownAddress },
      { label: "Amount", value: "1.5 ETH" },
      { label: "To", value: designatedAddress },
      { label: "Max fees", value: "0.00156 ETH" },
      { label: "Tx hash", value: signingHash },
      { label: "Accept risk and sign transaction", value: "" },
    ],
  };
}

/** What a Trezor (Model T, firmware 2.8.1) shows for a call to the sale's contract: the raw data first, to compare. */
export function trezorCallPromptFixture(): DevicePrompt {
  return {
    wallet: "Trezor",
    blindSigning: false,
    showsHash: false,
    showsRawData: true,
    unknownNetworkCoin: null,
    software: "Trezor Model T firmware 2.8.1",
    screensOf: "Trezor firmware 2.6.3 to 2.8.6",
    mayDiffer: null,
    notes: [],
    screens: [
      { label: "CONFIRM DATA: Size: 4 bytes", value: "0xd7bb99ba" },
      { label: "RECIPIENT", value: designatedAddress },
      { label: "SUMMARY: Amount", value: "1.5 ETH" },
      { label: "SUMMARY: Maximum fee", value: "0.00156 ETH" },
    ],
  };
}
