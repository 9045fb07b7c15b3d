import { Alert, Button, Group, Paper, Radio, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconChevronLeft, IconChevronRight, IconCircleCheck, IconDeviceUsb } from "@tabler/icons-react";
import { useState } from "react";
import { api, type AppError, type HardwareAddress, type HardwareDevice } from "../api";
import { AddressFingerprintIcon } from "../common/AddressFingerprintIcon";
import { AddressText } from "../common/AddressText";
import { BackLink } from "../common/BackLink";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { useFormSubmit } from "../common/useFormSubmit";
import { navigate, type AccountsRoute } from "../shell/route";
import { AccountForm } from "./AccountForm";
import { AccountLabelInput } from "./AccountLabelInput";
import { accountFieldLabels, accountFieldsIn, accountFormErrorWhenUnexpected } from "./accountFields";
import { useAddAccount } from "./accountsQueries";
import { checkOnDevice, DeviceCheckFailure, DeviceComparePrompt, type DeviceCheck } from "./DeviceCheck";
import { HardwareAddressTable, type AddressCheck } from "./HardwareAddressTable";
import { HardwareDeviceList } from "./HardwareDeviceList";
import { ADDRESSES_PER_PAGE, defaultScheme, isPathSchemeName, pathSchemes, walletName, type PathSchemeName } from "./hardwareLooks";
import { useForgetHardwareAddresses, useHardwareAddresses, useHardwareDevices } from "./hardwareQueries";

const accountsList: AccountsRoute = { area: "accounts", view: "list" };
const isAddField = accountFieldsIn(["label", "address"]);
const monospace = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

/** The address chosen to add, and the device it is on. */
type Chosen = { wallet: string; address: HardwareAddress };

/** Showing one of the listed addresses on the device: waiting for the user there, or how it ended. */
type Verification = DeviceCheck & { address: HardwareAddress };

/** A refusal of the form's own making, placed at its field like the backend's. */
function refusedAt(field: "address", message: string): AppError {
  return { code: "required", message, field, invalidFields: [{ field, code: "required", message }] };
}

function VerificationAlert({ verification, device }: { verification: Verification; device: string }) {
  const { address } = verification;
  switch (verification.status) {
    case "waiting":
      return (
        <DeviceComparePrompt device={device} address={address.address} testId="hardware-verify-prompt">
          Index {address.index}, the address Saleguard listed:
        </DeviceComparePrompt>
      );
    case "matched":
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Matches the device" role="status" data-testid="hardware-verify-matched">
          You confirmed on your {device} that it holds the address of index {address.index}.
          {address.accountId === null ? " It is chosen below: give it a label and add it." : " It is already one of your accounts."}
        </Alert>
      );
    case "differs":
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title="The device showed another address"
          role="alert"
          data-testid="hardware-verify-differs"
        >
          <Stack gap={6}>
            <Text size="sm">
              Your {device} holds this address at {address.path}, not the one listed for index {address.index}:
            </Text>
            <AddressText address={verification.shown} />
            <Text size="sm">Do not add it. Check again that this is your {device}, then list its addresses again.</Text>
          </Stack>
        </Alert>
      );
    case "rejected":
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          title="You rejected the address on the device"
          role="alert"
          data-testid="hardware-verify-rejected"
        >
          The address of index {address.index} was not added. If the {device} showed a different address, do not use it: check
          that this is your {device}. If you rejected it by mistake, show it on the device again.
        </Alert>
      );
    case "failed":
      return <DeviceCheckFailure error={verification.error} testId="hardware-verify-failure" />;
  }
}

/** With a Ledger and a Trezor both ready: which one to list the addresses of. */
function DeviceChoice({
  devices,
  value,
  disabled,
  onChange,
}: {
  devices: ReadonlyArray<HardwareDevice>;
  value: string;
  disabled: boolean;
  onChange: (wallet: string) => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="hardware-device-choice-label">
        Device
      </Text>
      <SegmentedControl
        aria-labelledby="hardware-device-choice-label"
        data={devices.map((device) => ({ value: device.wallet, label: walletName(device.wallet) }))}
        value={value}
        onChange={onChange}
        disabled={disabled}
        w="fit-content"
        data-testid="hardware-device-choice"
      />
    </Stack>
  );
}

/** Adds an address of a Ledger or a Trezor as an account: the device, a path scheme, the address, a label. */
export function HardwareWalletPage() {
  const devicesQuery = useHardwareDevices();
  const devices = devicesQuery.isError ? undefined : devicesQuery.data;
  const readyDevices = devices?.filter((device) => device.state === "ready") ?? [];
  const [wallet, setWallet] = useState<string | null>(null);
  const readyDevice = readyDevices.find((device) => device.wallet === wallet) ?? readyDevices[0] ?? null;
  // Named (and its scheme chosen) even before it is ready, e.g. while it is locked.
  const foundWallet = (readyDevice ?? devices?.[0])?.wallet;
  const device = walletName(foundWallet);
  // Until the user picks one, the scheme of the device's own app (Ledger Live, Trezor Suite).
  const [pickedScheme, setPickedScheme] = useState<PathSchemeName | null>(null);
  const scheme = pickedScheme ?? defaultScheme(foundWallet);
  const [start, setStart] = useState(0);
  const listing = { wallet: readyDevice?.wallet ?? "ledger", scheme, start, count: ADDRESSES_PER_PAGE };
  const addressesQuery = useHardwareAddresses(listing, devicesQuery.dataUpdatedAt, readyDevice !== null);
  const [checks, setChecks] = useState<Record<string, AddressCheck>>({});
  const [verification, setVerification] = useState<Verification | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [label, setLabel] = useState("");
  const verifying = verification?.status === "waiting";

  const addAccount = useAddAccount(api.addHardwareAccount);
  const forgetAddresses = useForgetHardwareAddresses();
  const submission = useFormSubmit({
    isField: isAddField,
    whenUnexpected: accountFormErrorWhenUnexpected,
    onSubmit: async (typedLabel: string) => {
      if (chosen === null) throw refusedAt("address", "choose one of the addresses above");
      const account = await addAccount({
        label: typedLabel,
        wallet: chosen.wallet,
        path: chosen.address.path,
        address: chosen.address.address,
      });
      navigate({ area: "accounts", view: "detail", accountId: account.id });
      forgetAddresses();
      notifications.show({
        title: "Hardware account added",
        message: `${account.label} was added. Its key stays on your ${walletName(chosen.wallet)}, which signs for it.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, clearFieldError } = submission;

  const choose = (next: Chosen | null) => {
    setChosen(next);
    clearFieldError("address");
  };
  const unchoose = (address: HardwareAddress) =>
    setChosen((current) => (current?.address.path === address.path ? null : current));

  const settledVerification = () => setVerification((current) => (current?.status === "waiting" ? current : null));

  const verify = async (address: HardwareAddress) => {
    if (readyDevice === null || verifying) return;
    const { wallet } = readyDevice;
    setVerification({ status: "waiting", address });
    const outcome = await checkOnDevice({ wallet, path: address.path }, address.address);
    setVerification({ ...outcome, address });
    switch (outcome.status) {
      case "matched":
        setChecks((current) => ({ ...current, [address.path]: { matches: true } }));
        if (address.accountId === null) choose({ wallet, address });
        break;
      case "differs":
        setChecks((current) => ({ ...current, [address.path]: { matches: false, shown: outcome.shown } }));
        unchoose(address);
        break;
      case "rejected":
        // Whatever it showed, the user said no there: the address is not offered as chosen.
        setChecks((current) => {
          const next = { ...current };
          delete next[address.path];
          return next;
        });
        unchoose(address);
        break;
      case "failed":
        break;
    }
  };

  const checkAgain = () => {
    // Another device may be connected now: what this one showed says nothing about it.
    settledVerification();
    setChecks({});
    choose(null);
    void devicesQuery.refetch();
  };
  const chooseDevice = (next: string) => {
    settledVerification();
    setWallet(next);
    setPickedScheme(null);
    setStart(0);
    setChecks({});
    choose(null);
  };
  const goTo = (nextStart: number) => {
    settledVerification();
    setStart(Math.max(0, nextStart));
  };

  const chosenCheck = chosen ? checks[chosen.address.path] : undefined;
  const schemeLabel = (name: string) => pathSchemes.find((candidate) => candidate.value === name)?.label ?? name;

  let addresses;
  if (readyDevice === null) {
    addresses = (
      <Text size="sm" c="dimmed" data-testid="hardware-addresses-waiting">
        {foundWallet === undefined
          ? "Once your Ledger or Trezor is ready (connected and unlocked, a Ledger with its Ethereum app open), its addresses are listed here."
          : `Once your ${device} is ready (unlocked${foundWallet === "ledger" ? ", with the Ethereum app open" : ""}), its addresses are listed here.`}
      </Text>
    );
  } else if (addressesQuery.isPending) {
    addresses = <LoadingState label={`Reading the addresses from your ${device}…`} />;
  } else if (addressesQuery.isError) {
    addresses = (
      <FailureAlert
        title={`The addresses could not be read from your ${device}`}
        error={addressesQuery.error}
        onRetry={() => void addressesQuery.refetch()}
      />
    );
  } else {
    addresses = (
      <HardwareAddressTable
        addresses={addressesQuery.data}
        chosenPath={chosen?.address.path ?? null}
        onChoose={(address) => readyDevice && choose({ wallet: readyDevice.wallet, address })}
        checks={checks}
        verifyingPath={verification?.status === "waiting" ? verification.address.path : null}
        onVerify={(address) => void verify(address)}
      />
    );
  }

  return (
    <div data-testid="hardware-wallet-page">
      <PageHeader
        breadcrumb={<BackLink to={accountsList} label="All accounts" />}
        title="Add a hardware wallet"
        description="Choose an address of your Ledger or Trezor and give it a label. Its key never leaves the device: Saleguard keeps only the address, its path and which device holds it, and asks the device to sign."
      />
      <Stack gap="lg">
        <HardwareDeviceList
          devices={devices}
          error={devicesQuery.isError ? devicesQuery.error : null}
          checking={devicesQuery.isFetching}
          checkDisabled={verifying || addressesQuery.isFetching}
          onCheckAgain={checkAgain}
        />

        <Paper withBorder radius="md" p="lg" data-testid="hardware-addresses">
          <Stack gap="md">
            <Title order={2} size="h5">
              Choose an address
            </Title>
            {readyDevices.length > 1 && readyDevice !== null && (
              <DeviceChoice devices={readyDevices} value={readyDevice.wallet} disabled={verifying} onChange={chooseDevice} />
            )}
            <Radio.Group
              name="hardware-scheme"
              label="Derivation path scheme"
              description={`Wallet apps lay out a device's addresses differently: choose the one you used with this ${device} to see the same addresses; i is the index in the list.`}
              value={scheme}
              onChange={(value) => {
                if (!isPathSchemeName(value)) return;
                settledVerification();
                setPickedScheme(value);
                setStart(0);
              }}
              data-testid="hardware-scheme"
            >
              <Group mt="xs" gap="xl" align="flex-start">
                {pathSchemes.map((option) => (
                  <Radio
                    key={option.value}
                    value={option.value}
                    disabled={verifying}
                    label={option.label}
                    description={
                      <>
                        <Text span size="xs" ff="monospace">
                          {option.pattern}
                        </Text>
                        <br />
                        {option.description}
                      </>
                    }
                    maw={260}
                    data-testid={`hardware-scheme-${option.value}`}
                  />
                ))}
              </Group>
            </Radio.Group>
            {verification && <VerificationAlert verification={verification} device={device} />}
            {addresses}
            {readyDevice !== null && (
              <Group justify="space-between">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconChevronLeft size={14} />}
                  disabled={start === 0 || verifying || addressesQuery.isFetching}
                  onClick={() => goTo(start - ADDRESSES_PER_PAGE)}
                  data-testid="hardware-previous-page"
                >
                  Previous
                </Button>
                <Text size="sm" c="dimmed" className="tabular-nums" data-testid="hardware-page-range">
                  {schemeLabel(scheme)}, indexes {start} to {start + ADDRESSES_PER_PAGE - 1}
                </Text>
                <Button
                  variant="default"
                  size="xs"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={verifying || addressesQuery.isFetching}
                  onClick={() => goTo(start + ADDRESSES_PER_PAGE)}
                  data-testid="hardware-next-page"
                >
                  Next
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h5" mb="md">
            Name it and add it
          </Title>
          <AccountForm
            submission={submission}
            onSubmit={() => void submission.submit(label)}
            failureTitle="The hardware account was not added"
            submitLabel="Add account"
            submitIcon={<IconDeviceUsb size={18} />}
            submitDisabled={verifying}
            submitTestId="hardware-add"
            secondaryActions={
              <Button variant="default" onClick={() => navigate(accountsList)}>
                Cancel
              </Button>
            }
            data-testid="hardware-add-form"
          >
            <TextInput
              name="address"
              label={accountFieldLabels.address}
              value={chosen?.address.address ?? ""}
              placeholder="Choose an address above"
              readOnly
              leftSection={chosen ? <AddressFingerprintIcon address={chosen.address.address} /> : undefined}
              styles={monospace}
              error={errors.fields.address}
              aria-invalid={Boolean(errors.fields.address) || undefined}
              inputWrapperOrder={["label", "input", "description", "error"]}
              description={
                chosen === null ? (
                  `The address of your ${device} that becomes the account.`
                ) : chosenCheck?.matches === true ? (
                  <span data-testid="hardware-add-verified">
                    Index {chosen.address.index}, path {chosen.address.path}. It matches what your {device} showed.
                  </span>
                ) : (
                  <span data-testid="hardware-add-unverified">
                    Index {chosen.address.index}, path {chosen.address.path}. Not compared on the device yet: press Show on device to
                    check it on your {device}&apos;s screen before you add it.
                  </span>
                )
              }
              withAsterisk
            />
            <AccountLabelInput
              value={label}
              onChange={(value) => {
                setLabel(value);
                clearFieldError("label");
              }}
              error={errors.fields.label}
            />
          </AccountForm>
        </Paper>
      </Stack>
    </div>
  );
}
