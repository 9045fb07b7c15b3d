import { Button, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBinaryTree, IconCheck } from "@tabler/icons-react";
import type { Account } from "../api";
import { navigate } from "../shell/route";
import { AccountDialog } from "./AccountDialog";
import { AccountForm } from "./AccountForm";
import { AccountLabelInput } from "./AccountLabelInput";
import { DerivationPathText } from "./DerivationPathText";
import { useDeriveNextAccount } from "./accountsQueries";
import { useOneFieldForm } from "./useOneFieldForm";

type DeriveAccountDialogProps = {
  account: Account;
  opened: boolean;
  onClose: () => void;
};

function DeriveAccountForm({ account, onClose }: Omit<DeriveAccountDialogProps, "opened">) {
  const deriveNextAccount = useDeriveNextAccount(account.id);
  const labelForm = useOneFieldForm("label", "", async (label) => {
    // An empty label lets the backend choose one.
    const derived = await deriveNextAccount.mutateAsync(label.trim() === "" ? null : label);
    onClose();
    navigate({ area: "accounts", view: "detail", accountId: derived.id });
    notifications.show({
      title: "Address added",
      message: `${derived.label} uses the next address of the same recovery phrase.`,
      color: "teal",
      icon: <IconCheck size={18} />,
    });
  });
  return (
    <AccountForm
      submission={labelForm.submission}
      onSubmit={labelForm.submit}
      failureTitle="No address was added"
      submitLabel="Derive next address"
      submitIcon={<IconBinaryTree size={16} />}
      secondaryActions={
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
      }
      data-testid="derive-account-form"
    >
      <Text size="sm">
        Adds an account for the next address of the same recovery phrase as {account.label} (
        <DerivationPathText path={account.derivationPath} />
        ). The same written-down words restore both.
      </Text>
      <AccountLabelInput
        value={labelForm.value}
        onChange={labelForm.change}
        error={labelForm.error}
        description="Optional: leave it empty and Saleguard picks one."
        required={false}
        autoFocusInDialog
      />
    </AccountForm>
  );
}

export function DeriveAccountDialog({ account, opened, onClose }: DeriveAccountDialogProps) {
  return (
    <AccountDialog title="Derive the next address" opened={opened} onClose={onClose}>
      <DeriveAccountForm account={account} onClose={onClose} />
    </AccountDialog>
  );
}
