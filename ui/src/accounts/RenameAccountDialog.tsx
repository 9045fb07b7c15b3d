import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPencil } from "@tabler/icons-react";
import type { Account } from "../api";
import { AccountDialog } from "./AccountDialog";
import { AccountForm } from "./AccountForm";
import { AccountLabelInput } from "./AccountLabelInput";
import { useRenameAccount } from "./accountsQueries";
import { useOneFieldForm } from "./useOneFieldForm";

type RenameAccountDialogProps = {
  account: Account;
  opened: boolean;
  onClose: () => void;
};

function RenameAccountForm({ account, onClose }: Omit<RenameAccountDialogProps, "opened">) {
  const renameAccount = useRenameAccount(account.id);
  const labelForm = useOneFieldForm("label", account.label, async (label) => {
    // Nothing to change (the backend trims labels too): just close, as Cancel would.
    if (label.trim() === account.label) {
      onClose();
      return;
    }
    const renamed = await renameAccount.mutateAsync(label);
    onClose();
    notifications.show({
      title: "Account renamed",
      message: `${account.label} is now ${renamed.label}.`,
      color: "teal",
      icon: <IconCheck size={18} />,
    });
  });
  return (
    <AccountForm
      submission={labelForm.submission}
      onSubmit={labelForm.submit}
      failureTitle="The account was not renamed"
      submitLabel="Rename"
      submitIcon={<IconPencil size={16} />}
      secondaryActions={
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
      }
      data-testid="rename-account-form"
    >
      <AccountLabelInput value={labelForm.value} onChange={labelForm.change} error={labelForm.error} autoFocusInDialog />
    </AccountForm>
  );
}

export function RenameAccountDialog({ account, opened, onClose }: RenameAccountDialogProps) {
  return (
    <AccountDialog title="Rename account" opened={opened} onClose={onClose}>
      <RenameAccountForm account={account} onClose={onClose} />
    </AccountDialog>
  );
}
