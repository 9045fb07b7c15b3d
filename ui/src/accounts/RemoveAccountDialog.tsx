import { Alert, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconTrash } from "@tabler/icons-react";
import type { Account } from "../api";
import { navigate } from "../shell/route";
import { AccountDialog } from "./AccountDialog";
import { ConfirmWithLabelForm } from "./ConfirmWithLabelForm";
import { useRemoveAccount } from "./accountsQueries";
import { secretName } from "./secretNames";

type RemoveAccountDialogProps = {
  account: Account;
  opened: boolean;
  onClose: () => void;
};

function WhatRemovingDoes({ account }: { account: Account }) {
  const secret = account.hasSecret ? (secretName(account.kind) ?? "secret") : null;
  if (secret === null) {
    return (
      <Text size="sm">
        Saleguard forgets this account and its label. Nothing is kept in the keyring for it, and the funds at its address
        are not touched.
      </Text>
    );
  }
  // Accounts derived from one recovery phrase share its keyring entry; the last one removed deletes it.
  const others = account.otherAccountsWithSameSecret;
  if (others > 0) {
    return (
      <Text size="sm">
        Saleguard forgets this account and its label. Its {secret} stays in your operating system's keyring, because{" "}
        {others === 1 ? "1 other account comes" : `${others} other accounts come`} from it. The funds at this address are
        not touched, and you can derive the address again later.
      </Text>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={`Its ${secret} is deleted from the keyring too`}>
      <Text size="sm">
        Saleguard forgets this account and deletes its {secret} from your operating system's keyring. Without a backup of
        the {secret}, the funds at this address are then lost for good. Check your backup first.
      </Text>
    </Alert>
  );
}

function RemoveAccountForm({ account, onClose }: Omit<RemoveAccountDialogProps, "opened">) {
  const removeAccount = useRemoveAccount(account.id);
  const remove = async (confirmation: string) => {
    await removeAccount.mutateAsync(confirmation);
    // Leaving the page closes the dialog; re-rendering the page first would ask for the removed account.
    navigate({ area: "accounts", view: "list" });
    notifications.show({
      title: "Account removed",
      message: `${account.label} was removed from Saleguard.`,
      icon: <IconTrash size={18} />,
      color: "gray",
    });
  };
  return (
    <ConfirmWithLabelForm
      account={account}
      onConfirm={remove}
      onCancel={onClose}
      failureTitle="The account was not removed"
      submitLabel="Remove account"
      submitIcon={<IconTrash size={16} />}
      submitColor="red"
      data-testid="remove-account-form"
    >
      <WhatRemovingDoes account={account} />
    </ConfirmWithLabelForm>
  );
}

/** Asks before removing; nothing is removed until the label is typed and "Remove account" pressed. */
export function RemoveAccountDialog({ account, opened, onClose }: RemoveAccountDialogProps) {
  return (
    <AccountDialog title={`Remove ${account.label}?`} opened={opened} onClose={onClose}>
      <RemoveAccountForm account={account} onClose={onClose} />
    </AccountDialog>
  );
}
