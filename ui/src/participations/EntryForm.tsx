import { Button, Group, NativeSelect, SimpleGrid, Text, Textarea, TextInput, type TextInputProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useState, type ChangeEvent } from "react";
import type { EntryInput, Participation } from "../api";
import { FormCard } from "../common/FormCard";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { UnitLabel } from "../common/UnitLabel";
import { useFormSubmit } from "../common/useFormSubmit";
import { localPreviewOfUtcInput } from "../format/time";
import {
  emptyEntryInput,
  entryFieldLabels,
  entryFormAfterSaving,
  entryFormErrorWhenUnexpected,
  entryKindLooks,
  entryKindOrder,
  entryKinds,
  isEntryField,
  maxEntryNoteChars,
  type EntryField,
} from "./entryFields";
import { noteLength } from "./participationFields";
import { useRecordEntry } from "./participationsQueries";

type TextField = Exclude<EntryField, "kind" | "note">;

/** Records a payment or a receipt made outside Saleguard (on an exchange, in another coin…). */
export function EntryForm({ participation }: { participation: Participation }) {
  const recordEntry = useRecordEntry(participation.id);
  const [input, setInput] = useState<EntryInput>(emptyEntryInput);

  const submission = useFormSubmit({
    isField: isEntryField,
    whenUnexpected: entryFormErrorWhenUnexpected,
    onSubmit: async (typed: EntryInput) => {
      const saved = await recordEntry.mutateAsync(typed);
      setInput(entryFormAfterSaving(typed));
      notifications.show({
        title: "Entry recorded",
        message: `${saved.projectName}: ${entryKindLooks(typed.kind).label.toLowerCase()} of ${typed.amount.trim()} ${typed.asset.trim()}.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, alertRef, clearFieldError } = submission;

  const change = (field: EntryField, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    clearFieldError(field);
  };

  const textField = (field: TextField): TextInputProps & { name: TextField } => ({
    name: field,
    label: entryFieldLabels[field],
    value: input[field],
    error: errors.fields[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.currentTarget.value),
    autoComplete: "off",
    spellCheck: false,
  });

  const kind = entryKindLooks(input.kind);
  const isDistribution = input.kind === "distribution";
  const preview = localPreviewOfUtcInput(input.happenedAt);
  const length = noteLength(input.note);
  const invalidFields = (Object.keys(errors.fields) as EntryField[]).map((field) => entryFieldLabels[field]);

  return (
    <FormCard
      title="Record an entry"
      description="A contribution, refund or distribution made outside Saleguard: on an exchange, from another wallet, in another coin. It is kept as recorded."
      submission={submission}
      input={input}
      data-testid="entries-form"
    >
      <FormErrorAlert
        ref={alertRef}
        title="The entry was not recorded"
        errors={errors.general}
        invalidFieldLabels={invalidFields}
        data-testid="entries-form-alert"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NativeSelect
          name="kind"
          label={entryFieldLabels.kind}
          value={input.kind}
          onChange={(event) => change("kind", event.currentTarget.value)}
          data={entryKindOrder.map((value) => ({ value, label: entryKinds[value].label }))}
          error={errors.fields.kind}
          description={kind.meaning}
          withAsterisk
          inputWrapperOrder={["label", "input", "description", "error"]}
        />
        <TextInput
          {...textField("happenedAt")}
          placeholder="2026-12-01 14:00"
          withAsterisk
          description={
            <>
              UTC, e.g. 2026-12-01 14:00.
              {preview && (
                <>
                  <br />
                  Your local time: {preview}
                </>
              )}
            </>
          }
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          {...textField("asset")}
          placeholder={isDistribution ? participation.tokenSymbol : "e.g. ETH, BTC, USDC"}
          withAsterisk
          description={isDistribution ? "The token received." : "The coin or token paid."}
        />
        <TextInput
          {...textField("decimals")}
          placeholder="18"
          inputMode="numeric"
          withAsterisk
          description="ETH 18, BTC 8, USDC 6."
        />
        <TextInput
          {...textField("amount")}
          placeholder="e.g. 0.015"
          inputMode="decimal"
          withAsterisk
          rightSection={<UnitLabel unit={input.asset.trim()} />}
          rightSectionWidth="auto"
          description="In whole units."
        />
      </SimpleGrid>
      <TextInput
        {...textField("reference")}
        placeholder="A transaction hash or an exchange's order id"
        description="Optional."
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          {...textField("from")}
          placeholder={isDistribution ? "e.g. the project's distributor" : "e.g. your wallet, an exchange"}
          description="An address on any chain, or a name. Optional."
        />
        <TextInput
          {...textField("to")}
          placeholder={isDistribution ? "e.g. your wallet" : "e.g. the sale's address"}
          description="An address on any chain, or a name. Optional."
        />
      </SimpleGrid>
      <Textarea
        name="note"
        label={entryFieldLabels.note}
        value={input.note}
        error={errors.fields.note}
        onChange={(event) => change("note", event.currentTarget.value)}
        placeholder="Optional: fees, where the receipt is kept…"
        autosize
        minRows={2}
        maxRows={6}
        description={
          <Text span size="xs" c={length > maxEntryNoteChars ? "red" : "dimmed"} className="tabular-nums">
            {length.toLocaleString()} / {maxEntryNoteChars.toLocaleString()} characters · Ctrl+Enter to save
          </Text>
        }
      />
      <Group justify="flex-end">
        <Button type="submit" loading={submitting} leftSection={<IconPlus size={16} />}>
          Record entry
        </Button>
      </Group>
    </FormCard>
  );
}
