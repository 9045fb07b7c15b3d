import type { AccountKind } from "../api";

/** What the keyring holds for an account of this kind, in words; `null` when it holds nothing. */
export function secretName(kind: AccountKind): string | null {
  switch (kind) {
    case "generated_mnemonic":
    case "imported_mnemonic":
      return "recovery phrase";
    case "private_key":
      return "private key";
    case "watch_only":
    case "hardware":
      return null;
  }
}
