import { Text, Textarea, TextInput } from "@mantine/core";
import { localPreviewOfUtcInput } from "../format/time";
import { maxNoteChars, noteLength, participationFieldLabels } from "./participationFields";

type FieldProps = {
  value: string;
  onChange: (value: string) => void;
  error?: string;
};

/** When a step happened: empty for now, else UTC as typed ("2026-12-01 14:00"); the backend parses it. */
export function HappenedAtInput({ value, onChange, error }: FieldProps) {
  const preview = localPreviewOfUtcInput(value);
  return (
    <TextInput
      name="happenedAt"
      label={participationFieldLabels.happenedAt}
      placeholder="now"
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete="off"
      spellCheck={false}
      description={
        <>
          Leave empty for now. Otherwise UTC, e.g. 2026-12-01 14:00 UTC.
          {preview && (
            <>
              <br />
              Your local time: {preview}
            </>
          )}
        </>
      }
    />
  );
}

/** A step's note: why, where you read it, a transaction hash… Ctrl+Enter submits the form. */
export function StepNoteInput({ value, onChange, error }: FieldProps) {
  const length = noteLength(value);
  const tooLong = length > maxNoteChars;
  return (
    <Textarea
      name="note"
      label={participationFieldLabels.note}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
      placeholder="Optional: where you read it, a reference, what to check next…"
      autosize
      minRows={2}
      maxRows={8}
      description={
        <Text span size="xs" c={tooLong ? "red" : "dimmed"} className="tabular-nums" data-testid="note-length">
          {length.toLocaleString()} / {maxNoteChars.toLocaleString()} characters · Ctrl+Enter to save
        </Text>
      }
    />
  );
}
