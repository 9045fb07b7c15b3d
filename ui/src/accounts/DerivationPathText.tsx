import { Text } from "@mantine/core";

/** A BIP-32 path in monospace, or "None" for accounts that have none (private keys, watch-only). */
export function DerivationPathText({ path }: { path: string | null }) {
  if (path === null) {
    return (
      <Text span size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Text span size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
      {path}
    </Text>
  );
}
