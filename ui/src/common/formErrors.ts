import { isAppError, type ErrorCode } from "../api";
import { errorHeading, errorHint } from "./errorHints";

/** A failure that belongs to no input, shown in an alert at the top of the form. */
export type GeneralFormError = { message: string; code?: ErrorCode; heading?: string; hint?: string };

export type FormErrors<Field extends string> = {
  /** Shown beside the input whose `name` is the key. */
  fields: Partial<Record<Field, string>>;
  /** Shown in an alert at the top of the form. */
  general: GeneralFormError[];
};

export const noFormErrors: FormErrors<never> = { fields: {}, general: [] };

/**
 * Tells a form's own field names from any other name: the keys of its empty input, or of its
 * field labels (`fieldNamesOf(contactLabels)`), so the list of fields is written once.
 */
export function fieldNamesOf<Input extends object>(input: Input): (name: string) => name is Extract<keyof Input, string> {
  return (name): name is Extract<keyof Input, string> => Object.hasOwn(input, name);
}

/**
 * Places a failed submission's error where the user will look: each invalid field beside
 * its input, anything else at the top of the form. Matches on `field` and `code` only.
 *
 * `whenUnexpected` says what the user can do when the call itself broke (not an `AppError`).
 */
export function formErrorsFrom<Field extends string>(
  error: unknown,
  isField: (name: string) => name is Field,
  whenUnexpected: string,
): FormErrors<Field> {
  if (!isAppError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { fields: {}, general: [{ message, hint: whenUnexpected }] };
  }
  const fields: FormErrors<Field>["fields"] = {};
  const general: GeneralFormError[] = [];
  const placeAtField = (field: string | null, message: string, code: ErrorCode) => {
    if (field !== null && isField(field)) {
      const existing = fields[field];
      fields[field] = existing ? `${existing} ${message}` : message;
    } else {
      general.push({ message, code });
    }
  };
  for (const invalid of error.invalidFields) {
    placeAtField(invalid.field, invalid.message, invalid.code);
  }
  if (error.invalidFields.length === 0) {
    if (error.field !== null && isField(error.field)) {
      placeAtField(error.field, error.message, error.code);
    } else {
      general.push({
        message: error.message,
        code: error.code,
        heading: errorHeading(error.code),
        hint: errorHint(error.code),
      });
    }
  }
  return { fields, general };
}

export function withoutFieldError<Field extends string>(errors: FormErrors<Field>, field: Field): FormErrors<Field> {
  if (!(field in errors.fields)) return errors;
  const fields = { ...errors.fields };
  delete fields[field];
  return { ...errors, fields };
}

export function hasGeneralError(errors: FormErrors<string>, code: ErrorCode): boolean {
  return errors.general.some((error) => error.code === code);
}
