// How hardware wallets look, the same everywhere: a wallet's name, a device's state in a
// word with an icon and a colour, and the derivation path schemes addresses are listed by.

import { IconAlertTriangle, IconApps, IconCircleCheck, IconHourglass, IconLock, type Icon } from "@tabler/icons-react";
import type { HardwareDeviceState } from "../api";

export const deviceStateLooks = {
  ready: { label: "Ready", color: "teal", Icon: IconCircleCheck },
  locked: { label: "Locked", color: "yellow", Icon: IconLock },
  app_not_open: { label: "Ethereum app not open", color: "yellow", Icon: IconApps },
  busy: { label: "Busy", color: "orange", Icon: IconHourglass },
  unusable: { label: "Cannot be used", color: "red", Icon: IconAlertTriangle },
} satisfies Record<HardwareDeviceState, { label: string; color: string; Icon: Icon }>;

/** A wallet as the backend names it (`ledger`, `trezor`), in words. */
export function walletName(wallet: string | null | undefined): string {
  switch (wallet) {
    case "ledger":
      return "Ledger";
    case "trezor":
      return "Trezor";
    default:
      return "hardware wallet";
  }
}

/** The path schemes the backend knows (`HardwareAddressesInput.scheme`), Ledger Live's first. */
export const pathSchemes = [
  {
    value: "ledger_live",
    label: "Ledger Live",
    pattern: "m/44'/60'/i'/0/0",
    description: "The addresses Ledger Live shows. Start here if you use Ledger Live.",
  },
  {
    value: "legacy",
    label: "Legacy",
    pattern: "m/44'/60'/0'/i",
    description: "Ledger's older layout, used by MyEtherWallet and early Ledger apps.",
  },
  {
    value: "bip44",
    label: "BIP-44",
    pattern: "m/44'/60'/0'/0/i",
    description: "The layout of Trezor Suite and most software wallets, e.g. MetaMask. Start here with a Trezor.",
  },
] as const;

export type PathSchemeName = (typeof pathSchemes)[number]["value"];

/** The scheme a wallet's own app uses, chosen until the user picks another: Ledger Live's, or Trezor Suite's (BIP-44). */
export function defaultScheme(wallet: string | null | undefined): PathSchemeName {
  return wallet === "trezor" ? "bip44" : "ledger_live";
}

export function isPathSchemeName(value: string): value is PathSchemeName {
  return pathSchemes.some((scheme) => scheme.value === value);
}

/** How many addresses one page of the list shows. */
export const ADDRESSES_PER_PAGE = 5;

/** A sentence from the backend's message ("the device is locked: …" → "The device is locked: …"). */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
