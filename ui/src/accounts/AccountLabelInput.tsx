import { TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { accountFieldLabels } from "./accountFields";

type AccountLabelInputProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: ReactNode;
  required?: boolean;
  /** Focus it when its dialog opens. */
  autoFocusInDialog?: boolean;
};

export const labelRules = "Only for you, e.g. Savings. At most 64 characters, and not the label of another account.";

/** The account's label: a name only the user sees. */
export function AccountLabelInput({
  value,
  onChange,
  error,
  description = labelRules,
  required = true,
  autoFocusInDialog = false,
}: AccountLabelInputProps) {
  return (
    <TextInput
      name="label"
      label={accountFieldLabels.label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      autoComplete="off"
      withAsterisk={required}
      data-autofocus={autoFocusInDialog || undefined}
    />
  );
}
