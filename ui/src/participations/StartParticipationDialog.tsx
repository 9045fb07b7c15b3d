import { Button, Group, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPlayerPlay } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { ParticipationState, Sale, StartParticipationInput } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { submitOnEnterKeys } from "../common/formKeys";
import { useFormSubmit } from "../common/useFormSubmit";
import { navigate } from "../shell/route";
import {
  invalidFieldLabels,
  participationFieldLabels,
  participationFieldsIn,
  participationFormErrorWhenUnexpected,
} from "./participationFields";
import { participationStates, stateGroups, stateLabel } from "./participationStates";
import { HappenedAtInput, StepNoteInput } from "./StepFields";
import { useStartParticipation } from "./participationsQueries";

type StartParticipationDialogProps = {
  sale: Sale;
  opened: boolean;
  onClose: () => void;
};

const isStartField = participationFieldsIn(["state", "happenedAt", "note"]);

const stateOptions = stateGroups.map(({ group, states }) => ({
  group,
  items: states.map((state) => ({ value: state, label: stateLabel(state) })),
}));

function isState(value: string): value is ParticipationState {
  return Object.hasOwn(participationStates, value);
}

function StartParticipationForm({ sale, onClose }: Omit<StartParticipationDialogProps, "opened">) {
  const startParticipation = useStartParticipation();
  const [state, setState] = useState<ParticipationState>("researching");
  const [happenedAt, setHappenedAt] = useState("");
  const [note, setNote] = useState("");
  const submission = useFormSubmit({
    isField: isStartField,
    whenUnexpected: participationFormErrorWhenUnexpected,
    onSubmit: async (input: StartParticipationInput) => {
      const started = await startParticipation.mutateAsync(input);
      // Leaving the page closes the dialog.
      navigate({ area: "participations", view: "detail", participationId: started.id });
      notifications.show({
        title: "Participation started",
        message: `${started.projectName}: ${stateLabel(started.state)}.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit({ saleId: sale.id, state, happenedAt, note });
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      onKeyDown={submitOnEnterKeys}
      noValidate
      aria-busy={submitting}
      data-testid="start-participation-form"
    >
      <Stack gap="md">
        <Text size="sm">
          A participation records, step by step and dated, how you take part in{" "}
          <Text span fw={600}>
            {sale.projectName}
          </Text>
          . Start where you stand now; each later step is added to its history.
        </Text>
        <FormErrorAlert
          ref={alertRef}
          title="The participation was not started"
          errors={errors.general}
          invalidFieldLabels={invalidFieldLabels(errors.fields)}
          data-testid="start-participation-alert"
        />
        <NativeSelect
          name="state"
          label={participationFieldLabels.state}
          data={stateOptions}
          value={state}
          error={errors.fields.state}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isState(value)) setState(value);
            clearFieldError("state");
          }}
          description={`${participationStates[state].meaning} Usually you start with Researching; a later state records a participation that began before Saleguard.`}
          inputWrapperOrder={["label", "input", "description", "error"]}
          data-autofocus
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} leftSection={<IconPlayerPlay size={16} />}>
            Start participation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Starts the sale's participation; Escape or Cancel closes it and forgets what was typed. */
export function StartParticipationDialog({ sale, opened, onClose }: StartParticipationDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Start a participation</Text>} centered>
      {opened && <StartParticipationForm sale={sale} onClose={onClose} />}
    </Modal>
  );
}
