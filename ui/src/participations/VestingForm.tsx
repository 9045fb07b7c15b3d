import {
  ActionIcon,
  Button,
  Group,
  Input,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDeviceFloppy, IconPlus, IconTrash } from "@tabler/icons-react";
import { useId, useState, type ChangeEvent } from "react";
import type { Participation, TrancheInput, VestingInput } from "../api";
import { FormCard } from "../common/FormCard";
import { FormErrorAlert } from "../common/FormErrorAlert";
import type { GeneralFormError } from "../common/formErrors";
import { UnitLabel } from "../common/UnitLabel";
import { useFormSubmit } from "../common/useFormSubmit";
import { formatAmount } from "../format/amount";
import { formatLocalDateTime, localPreviewOfUtcInput } from "../format/time";
import { useSetVesting } from "./participationsQueries";
import {
  emptyTranche,
  isHiddenVestingField,
  isVestingField,
  percentText,
  tranchesTotal,
  vestingFieldLabels,
  vestingFormErrorWhenUnexpected,
  vestingFormStart,
  vestingFrequencies,
  vestingInputForSubmission,
  vestingKinds,
  type VestingField,
} from "./vestingFields";

type TextField = Exclude<VestingField, "kind" | "frequency" | "tranches">;

/** What the typed tranches add up to, as a hint while typing (the backend decides). */
function TranchesTotalHint({ tranches }: { tranches: ReadonlyArray<TrancheInput> }) {
  const total = tranchesTotal(tranches);
  if (total === null || total === 0) return null;
  const complete = total === 10_000;
  const over = total > 10_000;
  const words = complete
    ? "Adds up to 100%."
    : over
      ? `Adds up to ${percentText(total)}%: ${percentText(total - 10_000)}% too much.`
      : `Adds up to ${percentText(total)}%: ${percentText(10_000 - total)}% still to place.`;
  return (
    <Text size="xs" c={over ? "red" : complete ? "teal" : "dimmed"} className="tabular-nums" data-testid="tranches-total">
      {complete && <IconCheck size={12} aria-hidden="true" style={{ verticalAlign: "-1px", marginRight: 4 }} />}
      {words}
    </Text>
  );
}

type TranchesInputProps = {
  tranches: ReadonlyArray<TrancheInput>;
  onChange: (tranches: TrancheInput[]) => void;
  error?: string;
};

/** The tranche rows: months after the TGE and the share unlocking then, rows added and removed freely. */
function TranchesInput({ tranches, onChange, error }: TranchesInputProps) {
  const labelId = useId();
  const errorId = useId();
  const change = (index: number, patch: Partial<TrancheInput>) =>
    onChange(tranches.map((tranche, at) => (at === index ? { ...tranche, ...patch } : tranche)));
  const invalid = error !== undefined;
  return (
    <Input.Wrapper
      label={vestingFieldLabels.tranches}
      labelElement="div"
      labelProps={{ id: labelId }}
      description="Each share unlocks the given number of months after the TGE (0 = at the TGE), in time order, adding up to 100%."
      error={error}
      errorProps={{ id: errorId }}
      withAsterisk
      inputWrapperOrder={["label", "description", "input", "error"]}
    >
      <Stack gap="xs" mt="xs" mb={4} role="group" aria-labelledby={labelId}>
        {tranches.map((tranche, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-end" data-testid="tranche-row">
            <TextInput
              name={`tranches.${index}.monthsAfterTge`}
              label={index === 0 ? "Months after the TGE" : undefined}
              aria-label={`Tranche ${index + 1}: months after the TGE`}
              value={tranche.monthsAfterTge}
              onChange={(event) => change(index, { monthsAfterTge: event.currentTarget.value })}
              placeholder={index === 0 ? "0" : "e.g. 6"}
              inputMode="numeric"
              autoComplete="off"
              error={invalid}
              aria-errormessage={invalid ? errorId : undefined}
              rightSection={<UnitLabel unit="months" />}
              rightSectionWidth="auto"
              style={{ flex: 1 }}
            />
            <TextInput
              name={`tranches.${index}.percent`}
              label={index === 0 ? "Share" : undefined}
              aria-label={`Tranche ${index + 1}: share`}
              value={tranche.percent}
              onChange={(event) => change(index, { percent: event.currentTarget.value })}
              placeholder="e.g. 25"
              inputMode="decimal"
              autoComplete="off"
              error={invalid}
              aria-errormessage={invalid ? errorId : undefined}
              rightSection={<UnitLabel unit="%" />}
              rightSectionWidth="auto"
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mb={2}
              aria-label={`Remove tranche ${index + 1}`}
              disabled={tranches.length === 1}
              onClick={() => onChange(tranches.filter((_, at) => at !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <TranchesTotalHint tranches={tranches} />
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...tranches, emptyTranche])}
            data-testid="add-tranche"
            ml="auto"
          >
            Add a tranche
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** Sets the participation's vesting plan, or replaces the one it has; the backend checks it and computes the schedule. */
export function VestingForm({ participation }: { participation: Participation }) {
  const setVesting = useSetVesting(participation.id);
  const [input, setInput] = useState<VestingInput>(() => vestingFormStart(participation.vesting));
  const replacing = participation.vesting !== null;
  const kindLabelId = useId();

  const submission = useFormSubmit({
    isField: isVestingField,
    whenUnexpected: vestingFormErrorWhenUnexpected,
    onSubmit: async (typed: VestingInput) => {
      const saved = await setVesting.mutateAsync(typed);
      // As stored, in the backend's own writing ("12.50" comes back "12.5").
      setInput(vestingFormStart(saved.vesting));
      const next = saved.vesting?.nextUnlock;
      notifications.show({
        title: replacing ? "Vesting plan replaced" : "Vesting plan set",
        message: next
          ? `${saved.projectName}: next unlock ${formatAmount(next.amount)} on ${formatLocalDateTime(next.at)}.`
          : `${saved.projectName}: every token has unlocked.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, alertRef, clearFieldError } = submission;

  const change = <K extends VestingField>(field: K, value: VestingInput[K]) => {
    setInput((current) => ({ ...current, [field]: value }));
    clearFieldError(field);
  };

  const textField = (field: TextField): TextInputProps & { name: TextField } => ({
    name: field,
    label: vestingFieldLabels[field],
    value: input[field],
    error: errors.fields[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.currentTarget.value),
    autoComplete: "off",
    spellCheck: false,
  });

  // Errors of inputs the chosen kind hides go to the top, with the list of invalid fields.
  const erroneous = Object.keys(errors.fields) as VestingField[];
  const invalidFields = erroneous.filter((field) => !isHiddenVestingField(field, input.kind));
  const generalErrors: GeneralFormError[] = [
    ...errors.general,
    ...erroneous
      .filter((field) => isHiddenVestingField(field, input.kind))
      .map((field) => ({ message: `${vestingFieldLabels[field]}: ${errors.fields[field] ?? ""}` })),
  ];
  const tgePreview = localPreviewOfUtcInput(input.tgeAt);
  const token = participation.tokenSymbol;

  return (
    <FormCard
      title={replacing ? "Replace the plan" : "Set the plan"}
      description={
        replacing
          ? "Saving replaces the current plan and its schedule; the calendar follows."
          : "As the project announced it. Saleguard computes every unlock and puts them in the calendar."
      }
      submission={submission}
      input={vestingInputForSubmission(input)}
      data-testid="vesting-form"
    >
      <FormErrorAlert
        ref={alertRef}
        title="The plan was not saved"
        errors={generalErrors}
        invalidFieldLabels={invalidFields.map((field) => vestingFieldLabels[field])}
        data-testid="vesting-form-alert"
      />
      <TextInput
        {...textField("totalTokens")}
        placeholder="e.g. 12500.5"
        inputMode="decimal"
        withAsterisk
        rightSection={<UnitLabel unit={token} />}
        rightSectionWidth="auto"
        description={`How many ${token} vest in all, in whole tokens.`}
      />
      <TextInput
        {...textField("tgeAt")}
        placeholder="2027-01-15 12:00"
        withAsterisk
        description={
          <>
            When the tokens are generated, UTC, e.g. 2027-01-15 12:00.
            {tgePreview && (
              <>
                <br />
                Your local time: {tgePreview}
              </>
            )}
          </>
        }
      />
      <Input.Wrapper
        label={vestingFieldLabels.kind}
        labelElement="div"
        labelProps={{ id: kindLabelId }}
        error={errors.fields.kind}
        inputWrapperOrder={["label", "input", "error"]}
      >
        <div style={{ marginTop: 4, marginBottom: 4 }}>
          <SegmentedControl
            name="kind"
            aria-labelledby={kindLabelId}
            value={input.kind}
            onChange={(value) => change("kind", value)}
            data={[...vestingKinds]}
            fullWidth
            data-testid="vesting-kind"
          />
        </div>
      </Input.Wrapper>
      {input.kind === "tranches" ? (
        <TranchesInput
          tranches={input.tranches}
          onChange={(tranches) => change("tranches", tranches)}
          error={errors.fields.tranches}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            {...textField("atTgePercent")}
            placeholder="0"
            inputMode="decimal"
            rightSection={<UnitLabel unit="%" />}
            rightSectionWidth="auto"
            description="The share unlocked at once. Empty for none."
          />
          <NativeSelect
            name="frequency"
            label={vestingFieldLabels.frequency}
            value={input.frequency}
            onChange={(event) => change("frequency", event.currentTarget.value)}
            data={[...vestingFrequencies]}
            error={errors.fields.frequency}
            description="How often the rest unlocks."
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <TextInput
            {...textField("cliffMonths")}
            placeholder="0"
            inputMode="numeric"
            rightSection={<UnitLabel unit="months" />}
            rightSectionWidth="auto"
            description="Nothing more unlocks before it. Empty for none."
          />
          <TextInput
            {...textField("months")}
            placeholder="e.g. 12"
            inputMode="numeric"
            rightSection={<UnitLabel unit="months" />}
            rightSectionWidth="auto"
            description="Counted from the TGE."
          />
        </SimpleGrid>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} />}>
          {replacing ? "Replace plan" : "Save plan"}
        </Button>
      </Group>
    </FormCard>
  );
}
