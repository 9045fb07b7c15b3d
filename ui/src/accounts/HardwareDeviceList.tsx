import { Button, EmptyState, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconDeviceUsb, IconRefresh } from "@tabler/icons-react";
import type { HardwareDevice } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { LooksBadge } from "../common/LooksBadge";
import { asSentence, deviceStateLooks } from "./hardwareLooks";

function DeviceStateBadge({ state }: { state: HardwareDevice["state"] }) {
  const { label, color, Icon } = deviceStateLooks[state];
  return (
    <LooksBadge color={color} Icon={Icon} testId="hardware-device-state">
      {label}
    </LooksBadge>
  );
}

/** Whether the Ethereum app signs contract calls it cannot read, and why that matters. */
function BlindSigningNote({ enabled }: { enabled: boolean | null }) {
  if (enabled === null) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="hardware-blind-signing">
      {enabled
        ? "Blind signing is enabled in the Ethereum app: it can sign calls to a sale's contract, and shows their hash to compare."
        : "Blind signing is disabled in the Ethereum app. Plain transfers sign without it; a call to a sale's contract needs it: enable it in the app's settings before you sign one."}
    </Text>
  );
}

/** What the device is, under its connection: a Ledger's Ethereum app, a Trezor's model, name and firmware. */
function deviceDetail(device: HardwareDevice): string {
  if (device.wallet !== "trezor") {
    return device.appVersion ? `Ethereum app ${device.appVersion}` : "Ethereum app version unknown";
  }
  const model = device.model ?? "Trezor";
  const named = device.label ? `${model} “${device.label}”` : model;
  return device.firmware ? `${named}, firmware ${device.firmware}` : named;
}

function DeviceRow({ device }: { device: HardwareDevice }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="hardware-device" data-state={device.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" color="gray" size="lg" radius="md" aria-hidden="true">
              <IconDeviceUsb size={20} />
            </ThemeIcon>
            <div>
              <Text size="sm" fw={600}>
                {device.connection}
              </Text>
              <Text size="xs" c="dimmed" data-testid="hardware-device-detail">
                {deviceDetail(device)}
              </Text>
            </div>
          </Group>
          <DeviceStateBadge state={device.state} />
        </Group>
        {device.message && (
          <Text size="sm" data-testid="hardware-device-message">
            {asSentence(device.message)}
          </Text>
        )}
        {device.state !== "ready" && (
          <Text size="xs" c="dimmed" data-testid="hardware-device-rechecking">
            Saleguard looks again every few seconds, or press Check again.
          </Text>
        )}
        <BlindSigningNote enabled={device.blindSigning} />
      </Stack>
    </Paper>
  );
}

function CheckAgainButton({ checking, disabled, onCheck }: { checking: boolean; disabled: boolean; onCheck: () => void }) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconRefresh size={14} />}
      loading={checking}
      disabled={disabled}
      onClick={onCheck}
      data-testid="hardware-check-again"
    >
      Check again
    </Button>
  );
}

type HardwareDeviceListProps = {
  devices: ReadonlyArray<HardwareDevice> | undefined;
  /** Why the devices could not be listed, if they could not. */
  error: unknown;
  /** The devices are being asked for now. */
  checking: boolean;
  /** E.g. while the device shows an address: asking it again would find it busy. */
  checkDisabled: boolean;
  onCheckAgain: () => void;
};

/** The connected devices, each with its state and what to do; or what to do when there is none. */
export function HardwareDeviceList({ devices, error, checking, checkDisabled, onCheckAgain }: HardwareDeviceListProps) {
  let content;
  if (devices === undefined && error === null) {
    content = <LoadingState label="Looking for your Ledger or Trezor…" />;
  } else if (devices === undefined) {
    content = <FailureAlert title="Saleguard could not look for a hardware wallet" error={error} />;
  } else if (devices.length === 0) {
    content = (
      <EmptyState
        withIndicatorBackground
        icon={<IconDeviceUsb size={28} stroke={1.5} />}
        title="No hardware wallet found"
        description="Connect your Ledger or Trezor with its USB cable and unlock it with your PIN; on a Ledger, open the Ethereum app. Then check again. Close Ledger Live, Trezor Suite and other wallet apps first: they can keep the device to themselves."
        data-testid="hardware-devices-empty"
      >
        <EmptyState.Actions>
          <CheckAgainButton checking={checking} disabled={checkDisabled} onCheck={onCheckAgain} />
        </EmptyState.Actions>
      </EmptyState>
    );
  } else {
    content = (
      <Stack gap="sm">
        {devices.map((device, index) => (
          <DeviceRow key={`${device.connection}-${index}`} device={device} />
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" data-testid="hardware-devices" aria-busy={checking}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h5">
              Your hardware wallet
            </Title>
            <Text size="sm" c="dimmed">
              A Ledger or a Trezor, connected and unlocked (a Ledger with its Ethereum app open).
            </Text>
          </div>
          {/* Not while loading; when no device is found, the empty state offers it instead. */}
          {(devices === undefined ? error !== null : devices.length > 0) && (
            <CheckAgainButton checking={checking} disabled={checkDisabled} onCheck={onCheckAgain} />
          )}
        </Group>
        {content}
      </Stack>
    </Paper>
  );
}
