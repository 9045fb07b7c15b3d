import { Alert, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import type { DevicePrompt, DeviceScreen } from "../api";
import { AddressText } from "../common/AddressText";
import { CopyValueButton } from "../common/CopyValueButton";

const addressPattern = /^0x[0-9a-fA-F]{40}$/;
const hexPattern = /^0x[0-9a-fA-F]+$/;

/** A screen's value as the device shows it: addresses with their fingerprint, hashes in monospace. */
function ScreenValue({ screen }: { screen: DeviceScreen }) {
  if (addressPattern.test(screen.value)) return <AddressText address={screen.value} />;
  if (hexPattern.test(screen.value)) {
    return (
      <Group gap="xs" wrap="nowrap" align="center">
        <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid="device-screen-value">
          {screen.value}
        </Text>
        <CopyValueButton value={screen.value} label={`Copy ${screen.label.toLowerCase()}`} />
      </Group>
    );
  }
  return (
    <Text span size="sm" className="tabular-nums" data-testid="device-screen-value">
      {screen.value}
    </Text>
  );
}

/** The device's screens in the order it shows them, numbered. */
export function DeviceScreensList({ prompt }: { prompt: DevicePrompt }) {
  return (
    <List type="ordered" spacing="xs" size="sm" data-testid="device-screens">
      {prompt.screens.map((screen, index) => (
        <List.Item key={index} data-testid="device-screen">
          <Stack gap={0}>
            <Text span size="sm" fw={600} data-testid="device-screen-label">
              {screen.label}
            </Text>
            {screen.value !== "" && <ScreenValue screen={screen} />}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}

/** Blind signing: the device cannot show what the call does; from app 1.14 it shows the hash to compare. */
export function BlindSigningWarning({ wallet, signingHash, showsHash }: { wallet: string; signingHash: string; showsHash: boolean }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle />}
      title={`Your ${wallet} will ask for blind signing`}
      data-testid="device-prompt-blind-signing"
    >
      <Stack gap={6}>
        <Text size="sm">
          The Ethereum app cannot show what this contract call does. Blind signing must be enabled in the Ethereum app&apos;s
          settings on the device, or it refuses to sign.
        </Text>
        {showsHash ? (
          <>
            <Text size="sm" fw={600}>
              Before you approve, compare the transaction hash on the device with this one; if they differ, reject it on the
              device.
            </Text>
            <Group gap="xs" wrap="nowrap" align="center">
              <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid="device-prompt-hash">
                {signingHash}
              </Text>
              <CopyValueButton value={signingHash} label="Copy transaction hash" />
            </Group>
          </>
        ) : (
          <Text size="sm" fw={600} data-testid="device-prompt-no-hash">
            This version of the Ethereum app does not show the transaction&apos;s hash, so nothing on the device tells you what
            the call does: compare the amount, the address and the fees, and update the Ethereum app (1.14 or later shows the
            hash) before signing calls you cannot check.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** The device shows a call's raw data because it cannot decode it (a Trezor): compare it byte for byte. */
function RawDataWarning({ wallet }: { wallet: string }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle />}
      title={`Your ${wallet} cannot decode this contract call`}
      data-testid="device-prompt-raw-data"
    >
      <Text size="sm">
        It shows the call&apos;s raw input data instead, on its first screen. Before you approve, compare that data with the data
        listed below, every byte; if anything differs, reject it on the device.
      </Text>
    </Alert>
  );
}

/** The device does not know the network and does not name its coin ("UNKN" on a Trezor, "???" on a Ledger). */
function UnknownNetworkNote({ wallet, coin }: { wallet: string; coin: string }) {
  const word = wallet === "Ledger" ? "???" : "UNKN";
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle />} title={`Your ${wallet} does not know this network`} data-testid="device-prompt-unknown-network">
      <Text size="sm">
        It calls the network&apos;s coin “{word}” on its screens: read {word} as {coin}. The amounts are the same as below;
        only the coin&apos;s name differs.
      </Text>
    </Alert>
  );
}

/** The device's software is one whose screens were not read, or it could not be asked: the screens may differ. */
function MayDifferWarning({ why }: { why: string }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="The device's screens may differ" data-testid="device-prompt-may-differ">
      <Text size="sm">{why} Compare the amount, the address and the fees on whatever screens it shows.</Text>
    </Alert>
  );
}

/**
 * What to know before comparing the device's screens: why it cannot show what a contract
 * call does and what to compare instead, and the name it gives an unknown network's coin.
 */
export function DevicePromptNotes({ prompt, signingHash }: { prompt: DevicePrompt; signingHash: string }) {
  return (
    <>
      {prompt.mayDiffer !== null && <MayDifferWarning why={prompt.mayDiffer} />}
      {prompt.blindSigning && <BlindSigningWarning wallet={prompt.wallet} signingHash={signingHash} showsHash={prompt.showsHash} />}
      {prompt.showsRawData && <RawDataWarning wallet={prompt.wallet} />}
      {prompt.unknownNetworkCoin !== null && <UnknownNetworkNote wallet={prompt.wallet} coin={prompt.unknownNetworkCoin} />}
    </>
  );
}

type DevicePromptCardProps = { prompt: DevicePrompt; signingHash: string };

/** What the hardware wallet's screen will show when it asks to sign, so the user can compare. */
export function DevicePromptCard({ prompt, signingHash }: DevicePromptCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="device-prompt" data-blind-signing={prompt.blindSigning}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h5">
            What your {prompt.wallet} will show
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            When you sign, the device shows these screens in this order. Compare each with what is shown here, and approve only
            if they all match.
          </Text>
          <Text size="xs" c="dimmed" mt={4} data-testid="device-prompt-software">
            Screens of {prompt.screensOf}
            {prompt.software !== null && ` · your device has ${prompt.software}`}
          </Text>
        </div>
        <DevicePromptNotes prompt={prompt} signingHash={signingHash} />
        <DeviceScreensList prompt={prompt} />
        {prompt.notes.length > 0 && (
          <List size="xs" c="dimmed" spacing={2} data-testid="device-prompt-notes">
            {prompt.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
