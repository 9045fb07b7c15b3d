import { Button, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import type { Account } from "../api";
import { AccountForm } from "./AccountForm";
import { useOneFieldForm } from "./useOneFieldForm";

type ConfirmWithLabelFormProps = {
  account: Account;
  /** Called with what was typed; the backend checks it against the label too. */
  onConfirm: (confirmation: string) => Promise<unknown>;
  onCancel: () => void;
  cancelLabel?: string;
  failureTitle: string;
  submitLabel: string;
  submitIcon: ReactNode;
  submitColor?: string;
  "data-testid"?: string;
  /** Focus the input on mount; a dialog that just opened focuses it anyway. */
  autoFocus?: boolean;
  /** What the action does, above the input. */
  children: ReactNode;
};

/** A dangerous action, offered only once the account's label is typed exactly. */
export function ConfirmWithLabelForm({
  account,
  onConfirm,
  onCancel,
  cancelLabel = "Cancel",
  failureTitle,
  submitLabel,
  submitIcon,
  submitColor,
  "data-testid": testId,
  autoFocus = false,
  children,
}: ConfirmWithLabelFormProps) {
  const confirmation = useOneFieldForm("confirmation", "", onConfirm);
  return (
    <AccountForm
      submission={confirmation.submission}
      onSubmit={confirmation.submit}
      failureTitle={failureTitle}
      submitLabel={submitLabel}
      submitIcon={submitIcon}
      submitColor={submitColor}
      submitDisabled={confirmation.value !== account.label}
      secondaryActions={
        <Button variant="default" onClick={onCancel}>
          {cancelLabel}
        </Button>
      }
      data-testid={testId}
    >
      {children}
      <TextInput
        name="confirmation"
        label={
          <>
            Type the account's label,{" "}
            <Text span inherit ff="monospace" fw={700}>
              {account.label}
            </Text>
            , to confirm
          </>
        }
        value={confirmation.value}
        onChange={(event) => confirmation.change(event.currentTarget.value)}
        error={confirmation.error}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        // eslint-disable-next-line jsx-a11y/no-autofocus -- set only when this form replaces, after a user action, the content that had focus (RevealSecretDialog once the secret is hidden); without it focus falls out of the dialog
        autoFocus={autoFocus}
      />
    </AccountForm>
  );
}
