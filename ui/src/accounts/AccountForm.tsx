import { Button, Group, Stack } from "@mantine/core";
import type { FormEvent, ReactNode, RefObject } from "react";
import { FormErrorAlert } from "../common/FormErrorAlert";
import type { FormErrors } from "../common/formErrors";
import { invalidFieldLabels, type AccountField } from "./accountFields";

/** What `useFormSubmit` gives a form: its refs and errors, and whether it is busy. */
type Submission = {
  errors: FormErrors<AccountField>;
  submitting: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  alertRef: RefObject<HTMLDivElement | null>;
};

type AccountFormProps = {
  submission: Submission;
  onSubmit: () => void;
  /** The alert's title after a failure: "The account was not imported". */
  failureTitle: string;
  submitLabel: string;
  submitIcon?: ReactNode;
  submitColor?: string;
  /** E.g. until the typed confirmation matches. */
  submitDisabled?: boolean;
  /** Buttons before the submit button, e.g. "Cancel". */
  secondaryActions?: ReactNode;
  /** Shown in the alert, e.g. "Start again". */
  failureActions?: ReactNode;
  "data-testid"?: string;
  /** The submit button's test id. */
  submitTestId?: string;
  children: ReactNode;
};

/**
 * The frame of every accounts form: submits with Enter, an alert at the top after a
 * failure (errors for an input stay beside it), the actions at the bottom.
 */
export function AccountForm({
  submission,
  onSubmit,
  failureTitle,
  submitLabel,
  submitIcon,
  submitColor,
  submitDisabled = false,
  secondaryActions,
  failureActions,
  "data-testid": testId,
  submitTestId,
  children,
}: AccountFormProps) {
  const { errors, submitting, formRef, alertRef } = submission;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!submitDisabled) onSubmit();
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid={testId} aria-busy={submitting}>
      <Stack gap="md">
        <FormErrorAlert
          ref={alertRef}
          title={failureTitle}
          errors={errors.general}
          invalidFieldLabels={invalidFieldLabels(errors.fields)}
        >
          {failureActions}
        </FormErrorAlert>
        {children}
        <Group justify="flex-end" gap="sm">
          {secondaryActions}
          <Button
            type="submit"
            loading={submitting}
            disabled={submitDisabled}
            leftSection={submitIcon}
            color={submitColor}
            data-testid={submitTestId}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
