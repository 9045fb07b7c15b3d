// How hardware wallets look, the same everywhere: a device's state in a word with an
// icon and a colour, and the derivation path schemes a Ledger's addresses are listed by.

import { IconAlertTriangle, IconApps, IconCircleCheck, IconHourglass, IconLock, type Icon } from "@tabler/icons-react";
import type { HardwareDeviceState } from "../api";

export const deviceStateLooks = {
  ready: { label: "Ready", color: "teal", Icon: IconCircleCheck },
  locked: { label: "Locked", color: "yellow", Icon: IconLock },
  app_not_open: { label: "Ethereum app not open", color: "yellow", Icon: IconApps },
  busy: { label: "Busy", color: "orange", Icon: IconHourglass },
  unusable: { label: "Cannot be used", color: "red", Icon: IconAlertTriangle },
} satisfies Record<HardwareDeviceState, { label: string; color: string; Icon: Icon }>;

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
    description: "The layout of most software wallets, e.g. MetaMask with a Ledger.",
  },
] as const;

export type PathSchemeName = (typeof pathSchemes)[number]["value"];

export function isPathSchemeName(value: string): value is PathSchemeName {
  return pathSchemes.some((scheme) => scheme.value === value);
}

/** How many addresses one page of the list shows. */
export const ADDRESSES_PER_PAGE = 5;

/** A sentence from the backend's message ("the device is locked: …" → "The device is locked: …"). */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
