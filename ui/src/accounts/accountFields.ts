// The field names the backend uses in `AppError.field` for accounts, and the label each
// has in the forms (also used to name invalid fields in the alert at the top).

export const accountFieldLabels = {
  label: "Label",
  phrase: "Recovery phrase",
  passphrase: "Passphrase",
  derivationPath: "Derivation path",
  privateKey: "Private key",
  address: "Address",
  answers: "The words you wrote down",
  confirmation: "Account label",
} as const;

export type AccountField = keyof typeof accountFieldLabels;

/** Tells a form's own fields from the others, so errors for the others go to the top. */
export function accountFieldsIn<Field extends AccountField>(fields: ReadonlyArray<Field>) {
  return (name: string): name is Field => (fields as ReadonlyArray<string>).includes(name);
}

export function invalidFieldLabels(fields: Partial<Record<AccountField, string>>): string[] {
  return (Object.keys(fields) as AccountField[]).map((field) => accountFieldLabels[field]);
}

export const accountFormErrorWhenUnexpected =
  "Nothing was changed. Try again; if it keeps failing, the log file (see Settings) has the details.";

export const defaultDerivationPath = "m/44'/60'/0'/0/0";
