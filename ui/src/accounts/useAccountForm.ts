import { useState, type ChangeEvent } from "react";
import type { Account } from "../api";
import { useFormSubmit } from "../common/useFormSubmit";
import { accountFieldLabels, accountFieldsIn, accountFormErrorWhenUnexpected, type AccountField } from "./accountFields";
import { useAddAccount } from "./accountsQueries";

type AccountFormOptions<Field extends AccountField, Input extends Record<Field, string>> = {
  initialInput: Input;
  fields: ReadonlyArray<Field>;
  /** Inputs that hold a secret: emptied as soon as the account is added (on failure they are kept). */
  secretFields?: ReadonlyArray<Field>;
  add: (input: Input) => Promise<Account>;
  onAdded: (account: Account) => void;
};

/** The state of a form that adds an account: what was typed, its errors, and its submission. */
export function useAccountForm<Field extends AccountField, Input extends Record<Field, string>>({
  initialInput,
  fields,
  secretFields = [],
  add,
  onAdded,
}: AccountFormOptions<Field, Input>) {
  const [input, setInput] = useState<Input>(initialInput);
  const addAccount = useAddAccount(add);
  const submission = useFormSubmit({
    isField: accountFieldsIn(fields),
    whenUnexpected: accountFormErrorWhenUnexpected,
    onSubmit: async (typed: Input) => {
      const account = await addAccount(typed);
      setInput((current) => {
        const cleared = { ...current };
        for (const field of secretFields) Object.assign(cleared, { [field]: "" });
        return cleared;
      });
      onAdded(account);
    },
  });

  /** The props of the text input for `field`: its name, label, value and error. */
  const textProps = (field: Field) => ({
    name: field,
    label: accountFieldLabels[field],
    value: input[field],
    error: submission.errors.fields[field],
    // Said on the <input> itself, whatever the component: PasswordInput does not.
    "aria-invalid": Boolean(submission.errors.fields[field]) || undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { value } = event.currentTarget;
      setInput((current) => ({ ...current, [field]: value }));
      submission.clearFieldError(field);
    },
    autoComplete: "off",
    spellCheck: false,
  });

  return { submission, textProps, submit: () => void submission.submit(input) };
}
