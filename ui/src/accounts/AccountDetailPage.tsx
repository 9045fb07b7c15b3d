import { Button, EmptyState, Paper, Text } from "@mantine/core";
import { IconBinaryTree, IconEye, IconPencil, IconSearch, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
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
    text = "On the hardware device; it never leaves it.";
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
