// Showing an address on a hardware wallet to compare it there: asking the device, and the
// looks shared by every place that does it (adding a device's address, a hardware account's page).

import { Alert, Loader, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { api, hasErrorCode, type HardwarePathInput } from "../api";
import { AddressText } from "../common/AddressText";
import { FailureAlert } from "../common/FailureAlert";

/** How showing an address on the device ended. */
export type DeviceCheckOutcome =
  | { status: "matched" }
  /** The user confirmed, but the device holds `shown` at the path, not the expected address. */
  | { status: "differs"; shown: string }
  /** The user rejected it on the device. */
  | { status: "rejected" }
  | { status: "failed"; error: unknown };

/** Showing an address on the device: waiting for the user there, or how it ended. */
export type DeviceCheck = { status: "waiting" } | DeviceCheckOutcome;

/**
 * Shows the address at the path on the device and waits for the user to confirm it there
 * (up to 2 minutes), then compares what the device holds with `expected` (case aside:
 * checksummed or not, it is the same address).
 */
export async function checkOnDevice(input: HardwarePathInput, expected: string): Promise<DeviceCheckOutcome> {
  try {
    const shown = await api.verifyHardwareAddress(input);
    return shown.toLowerCase() === expected.toLowerCase() ? { status: "matched" } : { status: "differs", shown };
  } catch (error) {
    return hasErrorCode(error, "device_rejected") ? { status: "rejected" } : { status: "failed", error };
  }
}

type DeviceComparePromptProps = {
  /** The device in words ("Ledger", "Trezor"). */
  device: string;
  /** The address Saleguard expects the device to show. */
  address: string;
  /** Which address it is, in words, ending in a colon, e.g. "Index 2, the address Saleguard listed:". */
  children: ReactNode;
  testId: string;
};

/** While the device waits: compare the address on its screen with this one, and confirm it there. */
export function DeviceComparePrompt({ device, address, children, testId }: DeviceComparePromptProps) {
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<Loader size={18} aria-hidden="true" />}
      title={`Compare the address on your ${device}'s screen and confirm it there`}
      role="status"
      data-testid={testId}
    >
      <Stack gap={6}>
        <Text size="sm">{children}</Text>
        <AddressText address={address} />
        <Text size="sm">
          Approve it on the {device} only if every character matches; reject it there otherwise. The device waits up to 2 minutes.
        </Text>
      </Stack>
    </Alert>
  );
}

/** The device could not show the address: what it said, and what to do (by error code). */
export function DeviceCheckFailure({ error, testId }: { error: unknown; testId: string }) {
  return (
    <div data-testid={testId}>
      <FailureAlert title="The address could not be shown on the device" error={error} />
    </div>
  );
}
