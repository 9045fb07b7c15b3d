import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { OfficialAddress, Sale } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { localPreviewOfUtcInput } from "../format/time";
import { chosenSourceKinds, isAddressPurpose, isSourceKind, purposeLabels, sourceKindLooks } from "./officialSources";
import { useAddAddressSource, useAddOfficialAddress } from "./salesQueries";

/** The form's fields, flat: the address (for a new one) and where it was seen. */
type SourceForm = {
  address: string;
  purpose: string;
  kind: string;
  location: string;
  seenAt: string;
  note: string;
};

const labels: Record<keyof SourceForm, string> = {
  address: "Address",
  purpose: "What it is for",
  kind: "Where you saw it",
  location: "Link or place",
  seenAt: "When you saw it (UTC)",
  note: "Note",
};

const isField = fieldNamesOf(labels);

const emptyForm: SourceForm = { address: "", purpose: "contribution", kind: "website", location: "", seenAt: "", note: "" };

type DialogProps = { sale: Sale; opened: boolean; onClose: () => void };

/**
 * Adds an official address with its first source (`official` absent), or one more source of `official`: the same
 * fields, so that what a source is reads the same everywhere.
 */
function SourceFormFields({ sale, official, onClose }: { sale: Sale; official?: OfficialAddress; onClose: () => void }) {
  const addOfficialAddress = useAddOfficialAddress(sale.id);
  const addSource = useAddAddressSource(sale.id);
  const [form, setForm] = useState<SourceForm>(emptyForm);
  const submission = useFormSubmit({
    isField,
    whenUnexpected: "Nothing was recorded. Try again; what you typed is still here.",
    onSubmit: async (typed: SourceForm) => {
      const kind = isSourceKind(typed.kind) ? typed.kind : "website";
      const source = { kind, location: typed.location, seenAt: typed.seenAt, note: typed.note };
      const saved = official
        ? await addSource.mutateAsync({ officialId: official.id, input: source })
        : await addOfficialAddress.mutateAsync({
            address: typed.address,
            purpose: isAddressPurpose(typed.purpose) ? typed.purpose : "contribution",
            chainId: "",
            source,
          });
      onClose();
      notifications.show({
        title: official ? "Source added" : "Official address recorded",
        message: `${saved.address}: ${saved.sources.length} source(s).`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const change = (name: keyof SourceForm, value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
    clearFieldError(name);
  };
  const field = (name: keyof SourceForm) => ({
    name,
    label: labels[name],
    value: form[name],
    error: errors.fields[name],
    onChange: (event: { currentTarget: { value: string } }) => change(name, event.currentTarget.value),
    autoComplete: "off",
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(form);
  };
  const preview = localPreviewOfUtcInput(form.seenAt);
  const kind = isSourceKind(form.kind) ? form.kind : "website";
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={submitting} data-testid="official-address-form">
      <Stack gap="md">
        <Text size="sm">
          {official
            ? "Another place you saw this address published. Each source is kept beside the others; none replaces another."
            : `An address ${sale.projectName} published, and where you saw it. Reviews recognise a destination recorded here as official, and read where it came from.`}
        </Text>
        <FormErrorAlert
          ref={alertRef}
          title={official ? "The source was not added" : "The address was not recorded"}
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isField).map((name) => labels[name])}
        />
        {!official && (
          <>
            <TextInput
              {...field("address")}
              withAsterisk
              placeholder="0x…"
              spellCheck={false}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              data-autofocus
            />
            <NativeSelect
              {...field("purpose")}
              data={Object.entries(purposeLabels).map(([value, label]) => ({ value, label }))}
            />
          </>
        )}
        <NativeSelect
          {...field("kind")}
          data={chosenSourceKinds.map((value) => ({ value, label: sourceKindLooks[value].label }))}
          description={sourceKindLooks[kind].meaning}
          inputWrapperOrder={["label", "input", "description", "error"]}
          data-autofocus={official ? true : undefined}
        />
        <TextInput {...field("location")} withAsterisk placeholder="https://… or e.g. the whitepaper, p. 12" spellCheck={false} />
        <TextInput
          {...field("seenAt")}
          placeholder="now"
          description={
            <>
              Leave empty for now. Otherwise UTC, e.g. 2026-12-01 14:00.
              {preview && (
                <>
                  <br />
                  Your local time: {preview}
                </>
              )}
            </>
          }
        />
        <Textarea {...field("note")} autosize minRows={1} maxRows={4} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} leftSection={<IconPlus size={16} />}>
            {official ? "Add source" : "Add address"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records an official address of the sale with its first source; Escape or Cancel closes it without recording. */
export function AddOfficialAddressDialog({ sale, opened, onClose }: DialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Add an official address</Text>} centered size="lg">
      {opened && <SourceFormFields sale={sale} onClose={onClose} />}
    </Modal>
  );
}

/** One more place `official` was seen. */
export function AddSourceDialog({ sale, official, opened, onClose }: DialogProps & { official: OfficialAddress }) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Add a source</Text>} centered size="lg">
      {opened && <SourceFormFields sale={sale} official={official} onClose={onClose} />}
    </Modal>
  );
}
