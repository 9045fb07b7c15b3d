import { IconDeviceUsb, IconEye, IconFileImport, IconKey, IconSeedling } from "@tabler/icons-react";
import type { AccountKind } from "../api";
import { LooksBadge } from "../common/LooksBadge";

// Colour, icon and words together: the kind never depends on colour alone.
export const accountKindLooks = {
  generated_mnemonic: {
    label: "New recovery phrase",
    description: "Created in Saleguard with a new recovery phrase.",
    color: "teal",
    Icon: IconSeedling,
  },
  imported_mnemonic: {
    label: "Imported recovery phrase",
    description: "Imported from a recovery phrase you already had.",
    color: "blue",
    Icon: IconFileImport,
  },
  private_key: { label: "Private key", description: "Imported from a private key.", color: "grape", Icon: IconKey },
  watch_only: {
    label: "Watch-only",
    description: "An address to follow: Saleguard cannot sign for it.",
    color: "gray",
    Icon: IconEye,
  },
  hardware: { label: "Hardware", description: "The key stays on a hardware wallet (Ledger or Trezor), which signs for it.", color: "orange", Icon: IconDeviceUsb },
} satisfies Record<AccountKind, { label: string; description: string; color: string; Icon: typeof IconKey }>;

export function AccountKindBadge({ kind }: { kind: AccountKind }) {
  const { label, color, Icon } = accountKindLooks[kind];
  return (
    <LooksBadge color={color} Icon={Icon} data-kind={kind} neverShortened>
      {label}
    </LooksBadge>
  );
}
