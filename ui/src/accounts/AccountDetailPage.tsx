import { Alert, Button, EmptyState, Paper, Stack, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconBinaryTree,
  IconCircleCheck,
  IconDeviceUsb,
  IconEye,
  IconPencil,
  IconSearch,
  IconTrash,
} from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { hasErrorCode, type Account } from "../api";
import { AddressText } from "../common/AddressText";
import { BackLink } from "../common/BackLink";
import { DateTimeText } from "../common/DateTimeText";
import { DetailItem, DetailsSection } from "../common/DetailsSection";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { routeHref } from "../shell/route";
import { AccountKindBadge, accountKindLooks } from "./AccountKindBadge";
import { DerivationPathText } from "./DerivationPathText";
import { DeriveAccountDialog } from "./DeriveAccountDialog";
import { checkOnDevice, DeviceCheckFailure, DeviceComparePrompt, type DeviceCheck } from "./DeviceCheck";
import { walletName } from "./hardwareLooks";
import { RemoveAccountDialog } from "./RemoveAccountDialog";
import { RenameAccountDialog } from "./RenameAccountDialog";
import { RevealSecretDialog } from "./RevealSecretDialog";
import { useAccount } from "./accountsQueries";
import { secretName } from "./secretNames";

const listHref = routeHref({ area: "accounts", view: "list" });

function BackToAccounts() {
  return <BackLink to={{ area: "accounts", view: "list" }} label="All accounts" />;
}

/** Where the account's secret is, in words. */
function SecretWhereabouts({ account }: { account: Account }) {
  const secret = secretName(account.kind);
  let text;
  if (account.kind === "hardware") {
    text = `On your ${walletName(account.hardwareWallet)}; it never leaves it.`;
  } else if (account.kind === "watch_only") {
    text = "None: Saleguard can follow this address but not sign for it.";
  } else if (account.hasSecret) {
    text = `The ${secret ?? "secret"} is in your operating system's keyring.`;
  } else {
    text = "Not in the keyring.";
  }
  return (
    <Text span size="sm">
      {text}
    </Text>
  );
}

/** How showing a hardware account's address on its device went, once it has. */
function DeviceCheckResult({
  check,
  path,
  device,
}: {
  check: Exclude<DeviceCheck, { status: "waiting" }>;
  path: string;
  device: string;
}) {
  switch (check.status) {
    case "matched":
      return (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Matches the device" role="status" data-testid="account-verified">
          You confirmed on your {device} that it holds this account&apos;s address at {path}.
        </Alert>
      );
    case "differs":
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title="The device holds another address at this path"
          role="alert"
          data-testid="account-device-differs"
        >
          <Stack gap={6}>
            <Text size="sm">
              Your {device} holds this address at {path}, not this account&apos;s:
            </Text>
            <AddressText address={check.shown} />
            <Text size="sm" fw={600}>
              Do not send funds to this account: this {device} may not be able to sign for it.
            </Text>
            <Text size="sm">Check that it is the {device} (and passphrase) you added the account with, then show it again.</Text>
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
          data-testid="account-device-rejected"
        >
          Nothing was confirmed. If the {device} showed a different address, do not send funds to this account: check that this
          is your {device}. If you rejected it by mistake, show it on the device again.
        </Alert>
      );
    case "failed":
      return <DeviceCheckFailure error={check.error} testId="account-verify-failure" />;
  }
}

/** Shows a hardware account's address on its device, to compare it there, and how that went. */
function ShowOnDevice({ account, path }: { account: Account; path: string }) {
  const wallet = account.hardwareWallet ?? "ledger";
  const device = walletName(wallet);
  const [check, setCheck] = useState<DeviceCheck | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The button is disabled while the device waits, which takes the keyboard's focus from it.
  const refocus = useRef(false);
  const waiting = check?.status === "waiting";

  useEffect(() => {
    if (check === null || check.status === "waiting" || !refocus.current) return;
    refocus.current = false;
    // Back to the button, unless the user has moved on meanwhile.
    const active = document.activeElement;
    if (active === null || active === document.body || active === buttonRef.current) buttonRef.current?.focus();
  }, [check]);

  const show = async () => {
    if (waiting) return;
    refocus.current = document.activeElement === buttonRef.current;
    setCheck({ status: "waiting" });
    setCheck(await checkOnDevice({ wallet, path }, account.address));
  };

  return (
    <Stack gap="sm" align="stretch">
      <div>
        <Button
          ref={buttonRef}
          size="xs"
          variant="light"
          leftSection={<IconDeviceUsb size={14} />}
          loading={waiting}
          onClick={() => void show()}
          data-testid="account-verify-on-device"
        >
          Show on device
        </Button>
      </div>
      {check === null && (
        <Text size="sm" c="dimmed">
          Shows this account&apos;s address on your {device}&apos;s screen, to check that the device holds it.
        </Text>
      )}
      {check?.status === "waiting" && (
        <DeviceComparePrompt device={device} address={account.address} testId="account-verify-prompt">
          The address of this account in Saleguard:
        </DeviceComparePrompt>
      )}
      {check !== null && check.status !== "waiting" && <DeviceCheckResult check={check} path={path} device={device} />}
    </Stack>
  );
}

function AccountDetails({ account }: { account: Account }) {
  return (
    <DetailsSection title="Account">
      <DetailItem label="Address">
        <AddressText address={account.address} />
      </DetailItem>
      <DetailItem label="Kind">
        <Text span size="sm">
          {accountKindLooks[account.kind].description}
        </Text>
      </DetailItem>
      <DetailItem label="Derivation path">
        <DerivationPathText path={account.derivationPath} />
      </DetailItem>
      {account.kind === "hardware" && account.derivationPath !== null && (
        <DetailItem label="On the device">
          <ShowOnDevice key={account.id} account={account} path={account.derivationPath} />
        </DetailItem>
      )}
      <DetailItem label="Secret">
        <SecretWhereabouts account={account} />
      </DetailItem>
      <DetailItem label="Added">
        <DateTimeText iso={account.createdAt} />
      </DetailItem>
    </DetailsSection>
  );
}

type AccountDialogName = "rename" | "derive" | "reveal" | "remove";

function AccountActions({ account, onOpen }: { account: Account; onOpen: (dialog: AccountDialogName) => void }) {
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onOpen("rename")} data-testid="rename-account">
        Rename
      </Button>
      {account.canDerive && (
        <Button
          variant="default"
          leftSection={<IconBinaryTree size={16} />}
          onClick={() => onOpen("derive")}
          data-testid="derive-account"
        >
          Derive next address
        </Button>
      )}
      {account.hasSecret && (
        <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => onOpen("reveal")} data-testid="reveal-secret">
          Reveal secret
        </Button>
      )}
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => onOpen("remove")}
        data-testid="remove-account"
      >
        Remove
      </Button>
    </>
  );
}

function AccountNotFound() {
  return (
    <>
      <PageHeader breadcrumb={<BackToAccounts />} title="Account not found" />
      <Paper withBorder radius="md" p="xl">
        <EmptyState
          withIndicatorBackground
          icon={<IconSearch size={28} stroke={1.5} />}
          title="This account does not exist any more"
          description="It may have been removed. The list of accounts shows everything Saleguard has."
        >
          <EmptyState.Actions>
            <Button component="a" href={listHref} variant="light">
              Go to all accounts
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </>
  );
}

export function AccountDetailPage({ accountId }: { accountId: number }) {
  const accountQuery = useAccount(accountId);
  const [openDialog, setOpenDialog] = useState<AccountDialogName | null>(null);
  const closeDialog = () => setOpenDialog(null);

  if (accountQuery.isPending) {
    return (
      <>
        <PageHeader breadcrumb={<BackToAccounts />} title="Account" />
        <LoadingState label="Loading the account…" />
      </>
    );
  }
  if (accountQuery.isError) {
    if (hasErrorCode(accountQuery.error, "account_not_found")) return <AccountNotFound />;
    return (
      <>
        <PageHeader breadcrumb={<BackToAccounts />} title="Account" />
        <FailureAlert title="The account could not be loaded" error={accountQuery.error} onRetry={() => void accountQuery.refetch()} />
      </>
    );
  }

  const account = accountQuery.data;
  return (
    <>
      <PageHeader
        breadcrumb={<BackToAccounts />}
        title={account.label}
        badge={<AccountKindBadge kind={account.kind} />}
        actions={<AccountActions account={account} onOpen={setOpenDialog} />}
      />
      <AccountDetails account={account} />
      <RenameAccountDialog account={account} opened={openDialog === "rename"} onClose={closeDialog} />
      <DeriveAccountDialog account={account} opened={openDialog === "derive"} onClose={closeDialog} />
      <RevealSecretDialog account={account} opened={openDialog === "reveal"} onClose={closeDialog} />
      <RemoveAccountDialog account={account} opened={openDialog === "remove"} onClose={closeDialog} />
    </>
  );
}
