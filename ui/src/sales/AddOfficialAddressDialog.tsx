import { Button, Group, Modal, Stack, Text, TextInput, type TextInputProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useState, type ChangeEvent, type FormEvent } from "react";
import type { OfficialAddressInput, Sale } from "../api";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { localPreviewOfUtcInput } from "../format/time";
import { useAddOfficialAddress } from "./salesQueries";

type OfficialAddressField = keyof OfficialAddressInput;

const officialAddressLabels: Record<OfficialAddressField, string> = {
  address: "Address",
  source: "Where you saw it",
  seenAt: "When you saw it (UTC)",
};

const isOfficialAddressField = fieldNamesOf(officialAddressLabels);

const emptyInput: OfficialAddressInput = { address: "", source: "", seenAt: "" };

type AddOfficialAddressDialogProps = { sale: Sale; opened: boolean; onClose: () => void };

function AddOfficialAddressForm({ sale, onClose }: Omit<AddOfficialAddressDialogProps, "opened">) {
  const addOfficialAddress = useAddOfficialAddress(sale.id);
  const [input, setInput] = useState<OfficialAddressInput>(emptyInput);
  const submission = useFormSubmit({
    isField: isOfficialAddressField,
    whenUnexpected: "Nothing was recorded. Try again; what you typed is still here.",
    onSubmit: async (typed: OfficialAddressInput) => {
      const added = await addOfficialAddress.mutateAsync(typed);
      onClose();
      notifications.show({
        title: "Official address recorded",
        message: `${added.address} for ${sale.projectName}, from ${added.source}.`,
        color: "teal",
        icon: <IconCheck size={18} />,
      });
    },
  });
  const { errors, submitting, formRef, alertRef, clearFieldError } = submission;
  const field = (name: OfficialAddressField): TextInputProps & { name: string } => ({
    name,
    label: officialAddressLabels[name],
    value: input[name],
    error: errors.fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setInput((current) => ({ ...current, [name]: value }));
      clearFieldError(name);
    },
    autoComplete: "off",
    spellCheck: false,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submission.submit(input);
  };
  const preview = localPreviewOfUtcInput(input.seenAt);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={submitting} data-testid="official-address-form">
      <Stack gap="md">
        <Text size="sm">
          An address {sale.projectName} published for contributions, and where you read it. Reviews recognise a destination
          recorded here as official.
        </Text>
        <FormErrorAlert
          ref={alertRef}
          title="The address was not recorded"
          errors={errors.general}
          invalidFieldLabels={Object.keys(errors.fields).filter(isOfficialAddressField).map((name) => officialAddressLabels[name])}
        />
        <TextInput
          {...field("address")}
          withAsterisk
          placeholder="0x…"
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          data-autofocus
        />
        <TextInput
          {...field("source")}
          withAsterisk
          placeholder="e.g. the project's site, its announcement on 2 December, whitepaper p. 12"
          spellCheck
        />
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} leftSection={<IconPlus size={16} />}>
            Add address
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records an official address of the sale; Escape or Cancel closes it without recording. */
export function AddOfficialAddressDialog({ sale, opened, onClose }: AddOfficialAddressDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Add an official address</Text>} centered size="lg">
      {opened && <AddOfficialAddressForm sale={sale} onClose={onClose} />}
    </Modal>
  );
}
