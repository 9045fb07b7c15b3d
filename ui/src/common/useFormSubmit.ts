import { useEffect, useRef, useState } from "react";
import { formErrorsFrom, noFormErrors, withoutFieldError, type FormErrors } from "./formErrors";

type FormSubmitOptions<Field extends string, Input> = {
  /** The form's own field names: errors for these go beside their input. */
  isField: (name: string) => name is Field;
  /** What to try when the call itself broke (no `AppError`). */
  whenUnexpected: string;
  /** Does the work; rejects with the backend's error, which the form then shows. */
  onSubmit: (input: Input) => Promise<unknown>;
};

/**
 * A form's submission: one at a time, its errors placed by field, and after a failure
 * focus on the first thing to fix (the first invalid input, or the alert at the top).
 * Put `formRef` on the `<form>` and `alertRef` on its error alert.
 */
export function useFormSubmit<Field extends string, Input>({ isField, whenUnexpected, onSubmit }: FormSubmitOptions<Field, Input>) {
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [submitting, setSubmitting] = useState(false);
  // What the last failed submission needs focused; a new object for each failure, so
  // that focus moves once per failure.
  const [lastFailure, setLastFailure] = useState<{ hasGeneralError: boolean } | null>(null);
  const submittingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // Only after a failed submission, not each time the user fixes a field (that would
  // move focus away from the input they are typing in).
  useEffect(() => {
    if (lastFailure === null) return;
    // The first invalid input in page order (the order of the backend's list does not
    // matter); every input with an error must carry aria-invalid="true" for this.
    const firstInvalid = lastFailure.hasGeneralError ? null : formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    alertRef.current?.scrollIntoView({ block: "nearest" });
    alertRef.current?.focus();
  }, [lastFailure]);

  /** Resolves to whether the submission succeeded; a failure is shown, never thrown. */
  const submit = async (input: Input): Promise<boolean> => {
    if (submittingRef.current) return false;
    submittingRef.current = true;
    setSubmitting(true);
    try {
      await onSubmit(input);
      setErrors(noFormErrors);
      return true;
    } catch (error) {
      const failure = formErrorsFrom(error, isField, whenUnexpected);
      setErrors(failure);
      setLastFailure({ hasGeneralError: failure.general.length > 0 });
      return false;
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  return {
    errors,
    submitting,
    submit,
    formRef,
    alertRef,
    clearFieldError: (field: Field) => setErrors((current) => withoutFieldError(current, field)),
    clearErrors: () => setErrors(noFormErrors),
  };
}
