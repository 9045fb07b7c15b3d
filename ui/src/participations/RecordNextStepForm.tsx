import { Button, Group, Input, Paper, Radio, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconCircleCheck, IconPlus } from "@tabler/icons-react";
import { useId, useState } from "react";
import type { AppError, MoveParticipationInput, Participation, ParticipationState } from "../api";
import { FormCard } from "../common/FormCard";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { useFormSubmit } from "../common/useFormSubmit";
import {
  invalidFieldLabels,
  participationFieldLabels,
  participationFieldsIn,
  participationFormErrorWhenUnexpected,
} from "./participationFields";
import { participationStates, stateLabel } from "./participationStates";
import { HappenedAtInput, StepNoteInput } from "./StepFields";
import { useMoveParticipation } from "./participationsQueries";

type TypedStep = { to: ParticipationState | null; happenedAt: string; note: string };

const isMoveField = participationFieldsIn(["to", "happenedAt", "note"]);

/** Refused before asking the backend: there is nothing to send without a next state. */
const noStateChosen: AppError = {
  code: "required",
  message: "Choose what happened.",
  field: "to",
  invalidFields: [],
};

function FinalState({ participation }: { participation: Participation }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="participation-final">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconCircleCheck size={20} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
        <div>
          <Text fw={600} size="sm">
            {stateLabel(participation.state)} is final
          </Text>
          <Text size="sm" c="dimmed">
            Nothing can follow it, so there is no next step to record. The history above stays as it was recorded.
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

type NextStateChoiceProps = {
  options: ReadonlyArray<ParticipationState>;
  value: ParticipationState | null;
  onChange: (state: ParticipationState) => void;
  error?: string;
};

/** The legal next states as radio buttons, each with what it means. */
function NextStateChoice({ options, value, onChange, error }: NextStateChoiceProps) {
  const labelId = useId();
  const errorId = useId();
  return (
    <Input.Wrapper
      label={participationFieldLabels.to}
      labelElement="div"
      labelProps={{ id: labelId }}
      error={error}
      errorProps={{ id: errorId }}
      withAsterisk
      inputWrapperOrder={["label", "input", "error"]}
    >
      <Stack gap="sm" mt={6} mb={4} role="radiogroup" aria-labelledby={labelId} aria-required="true">
        {options.map((state, index) => {
          // Focus after a failure goes to the chosen option (or the first when none is).
          const marked = error !== undefined && (value === state || (value === null && index === 0));
          return (
            <Radio
              key={state}
              name="to"
              value={state}
              checked={value === state}
              onChange={() => onChange(state)}
              label={participationStates[state].label}
              description={participationStates[state].meaning}
              error={error !== undefined}
              aria-invalid={marked || undefined}
              aria-describedby={error !== undefined ? errorId : undefined}
            />
          );
        })}
      </Stack>
    </Input.Wrapper>
  );
}

function MoveForm({ participation }: { participation: Participation }) {
  const moveParticipation = useMoveParticipation(participation.id);
  const options = participation.nextStates;
  const [chosen, setChosen] = useState<ParticipationState | null>(null);
  const [happenedAt, setHappenedAt] = useState("");
  const [note, setNote] = useState("");
  // A choice the participation no longer offers (it moved meanwhile) is no choice; one
  // option only is chosen for the user.
  const to = chosen !== null && options.includes(chosen) ? chosen : options.length === 1 ? (options[0] ?? null) : null;

  const submission = useFormSubmit({
    isField: isMoveField,
    whenUnexpected: participationFormErrorWhenUnexpected,
    onSubmit: async (typed: TypedStep) => {
      if (typed.to === null) throw noStateChosen;
      const input: MoveParticipationInput = { to: typed.to, happenedAt: typed.happenedAt, note: typed.note };
      const moved = await moveParticipation.mutateAsync(input);
      setChosen(null);
      setHappenedAt("");
      setNote("");
      notifications.show({
        title: "Step recorded",
        message: `${moved.projectName}: ${stateLabel(moved.state)}.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, alertRef, clearFieldError } = submission;

  return (
    <FormCard title="Record next step" submission={submission} input={{ to, happenedAt, note }} data-testid="record-step-form">
      <FormErrorAlert
        ref={alertRef}
        title="The step was not recorded"
        errors={errors.general}
        invalidFieldLabels={invalidFieldLabels(errors.fields)}
        data-testid="record-step-alert"
      />
      <NextStateChoice
        options={options}
        value={to}
        onChange={(state) => {
          setChosen(state);
          clearFieldError("to");
        }}
        error={errors.fields.to}
      />
      <HappenedAtInput
        value={happenedAt}
        onChange={(value) => {
          setHappenedAt(value);
          clearFieldError("happenedAt");
        }}
        error={errors.fields.happenedAt}
      />
      <StepNoteInput
        value={note}
        onChange={(value) => {
          setNote(value);
          clearFieldError("note");
        }}
        error={errors.fields.note}
      />
      <Group justify="flex-end">
        <Button type="submit" loading={submitting} leftSection={<IconPlus size={16} />}>
          Record step
        </Button>
      </Group>
    </FormCard>
  );
}

/** The form for the participation's next step, or why there is none. */
export function RecordNextStep({ participation }: { participation: Participation }) {
  if (participation.nextStates.length === 0) return <FinalState participation={participation} />;
  return <MoveForm participation={participation} />;
}
