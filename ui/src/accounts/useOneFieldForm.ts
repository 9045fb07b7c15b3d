import { useState } from "react";
import { useFormSubmit } from "../common/useFormSubmit";
import { accountFieldsIn, accountFormErrorWhenUnexpected, type AccountField } from "./accountFields";

/** A form of one text input (a label, a typed confirmation): its value, error and submission. */
export function useOneFieldForm(field: AccountField, initialValue: string, act: (value: string) => Promise<unknown>) {
  const [value, setValue] = useState(initialValue);
  const submission = useFormSubmit({
    isField: accountFieldsIn([field]),
    whenUnexpected: accountFormErrorWhenUnexpected,
    onSubmit: act,
  });
  return {
    submission,
    value,
    error: submission.errors.fields[field],
    change: (newValue: string) => {
      setValue(newValue);
      submission.clearFieldError(field);
    },
    submit: () => void submission.submit(value),
  };
}
