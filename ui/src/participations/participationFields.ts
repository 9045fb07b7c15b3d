import type { MoveParticipationInput, StartParticipationInput } from "../api";

/** The inputs of the start and move forms, by the name the backend uses in `AppError.field`. */
export const participationFieldLabels = {
  state: "Where you stand",
  to: "What happened",
  happenedAt: "When (UTC)",
  note: "Note",
} as const;

export type StartField = Exclude<keyof StartParticipationInput, "saleId">;
export type MoveField = keyof MoveParticipationInput;
export type ParticipationField = StartField | MoveField;

export function participationFieldsIn<Field extends ParticipationField>(fields: ReadonlyArray<Field>) {
  return (name: string): name is Field => (fields as ReadonlyArray<string>).includes(name);
}

export function invalidFieldLabels(fields: Partial<Record<ParticipationField, string>>): string[] {
  return (Object.keys(fields) as ParticipationField[]).map((field) => participationFieldLabels[field]);
}

/** Longest note on one step, in characters (the backend's limit). */
export const maxNoteChars = 2000;

/** Characters as the backend counts them (code points, not UTF-16 units). */
export function noteLength(note: string): number {
  return [...note].length;
}

export const participationFormErrorWhenUnexpected =
  "Nothing was recorded. Try again; if it keeps failing, the log file (see Settings) has the details.";
