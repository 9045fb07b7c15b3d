import { Group, Text } from "@mantine/core";
import { AddressFingerprintIcon } from "./AddressFingerprintIcon";
import { CopyValueButton } from "./CopyValueButton";

type AddressTextProps = {
  /** EIP-55 checksummed, as the backend sends it. */
  address: string;
};

/** A full address: fingerprint, monospace text, copy button. */
export function AddressText({ address }: AddressTextProps) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <AddressFingerprintIcon address={address} />
      <Text span ff="monospace" size="sm" style={{ wordBreak: "break-all" }} data-testid="address">
        {address}
      </Text>
      <CopyValueButton value={address} label="Copy address" />
    </Group>
  );
}
