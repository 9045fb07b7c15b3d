import { Button, EmptyState, Paper } from "@mantine/core";
import { IconAddressBook, IconDeviceUsb, IconFileImport, IconPlus, IconWallet } from "@tabler/icons-react";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { navigate, routeHref } from "../shell/route";
import { AccountsTable } from "./AccountsTable";
import { KeyringStatusBanner } from "./KeyringStatusBanner";
import { useAccountsList } from "./accountsQueries";

function AddAccountButtons() {
  return (
    <>
      <Button
        component="a"
        href={routeHref({ area: "accounts", view: "new" })}
        leftSection={<IconPlus size={18} />}
        data-testid="create-account"
      >
        Create account
      </Button>
      <Button
        component="a"
        href={routeHref({ area: "accounts", view: "import" })}
        variant="default"
        leftSection={<IconFileImport size={18} />}
        data-testid="import-account"
      >
        Import
      </Button>
      <Button
        component="a"
        href={routeHref({ area: "accounts", view: "hardware" })}
        variant="default"
        leftSection={<IconDeviceUsb size={18} />}
        data-testid="add-hardware-account"
      >
        Add hardware wallet
      </Button>
    </>
  );
}

/** The address book sits beside the accounts: known addresses that look-alikes are compared with. */
function ContactsLink() {
  return (
    <Button
      component="a"
      href={routeHref({ area: "accounts", view: "contacts" })}
      variant="default"
      leftSection={<IconAddressBook size={18} />}
      data-testid="open-contacts"
    >
      Contacts
    </Button>
  );
}

export function AccountsListPage() {
  const accountsQuery = useAccountsList();
  const isEmpty = accountsQuery.isSuccess && accountsQuery.data.length === 0;

  let content;
  if (accountsQuery.isPending) {
    content = <LoadingState label="Loading accounts…" />;
  } else if (accountsQuery.isError) {
    content = (
      <FailureAlert title="The accounts could not be loaded" error={accountsQuery.error} onRetry={() => void accountsQuery.refetch()} />
    );
  } else if (isEmpty) {
    content = (
      <Paper withBorder radius="md" p="xl" data-testid="accounts-empty">
        <EmptyState
          withIndicatorBackground
          icon={<IconWallet size={28} stroke={1.5} />}
          title="Add the wallet you will contribute from"
          description="Create an account with a new recovery phrase, import a recovery phrase or private key you already have, add an address of your Ledger or Trezor, or watch an address without any secret. Recovery phrases and private keys stay in your operating system's keyring (Keychain, Windows Credential Manager, Secret Service); Saleguard's data file keeps only labels and addresses."
        >
          <EmptyState.Actions>
            <AddAccountButtons />
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  } else {
    content = (
      <Paper withBorder radius="md">
        <AccountsTable
          accounts={accountsQuery.data}
          onOpenAccount={(account) => navigate({ area: "accounts", view: "detail", accountId: account.id })}
        />
      </Paper>
    );
  }

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Your wallets. Secrets stay in your operating system's keyring; Saleguard keeps only labels and addresses."
        // As for sales: the empty state carries its own buttons to add an account.
        actions={
          <>
            {accountsQuery.isSuccess && !isEmpty && <AddAccountButtons />}
            <ContactsLink />
          </>
        }
      />
      <KeyringStatusBanner />
      {content}
    </>
  );
}
