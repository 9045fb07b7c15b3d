import { Button, Group, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { ContactInput } from "../api";
import { FormCard } from "../common/FormCard";
import { FormErrorAlert } from "../common/FormErrorAlert";
import { fieldNamesOf } from "../common/formErrors";
import { useFormSubmit } from "../common/useFormSubmit";
import { useAddContact } from "./contactsQueries";

type ContactField = keyof ContactInput;

const contactLabels: Record<ContactField, string> = {
  label: "Name",
  address: "Address",
  note: "Note",
};

const isContactField = fieldNamesOf(contactLabels);

const emptyContact: ContactInput = { label: "", address: "", note: "" };

/** Adds a contact; a refused name or address is shown at its input, and everything typed stays. */
export function AddContactForm() {
  const addContact = useAddContact();
  const [input, setInput] = useState<ContactInput>(emptyContact);
  const submission = useFormSubmit({
    isField: isContactField,
    whenUnexpected: "Nothing was saved. Try again; what you typed is still here.",
    onSubmit: async (typed: ContactInput) => {
      const added = await addContact.mutateAsync(typed);
      setInput(emptyContact);
      notifications.show({ title: "Contact added", message: added.label, color: "teal", icon: <IconCheck size={18} /> });
    },
  });
  const { errors, submitting, alertRef, clearFieldError } = submission;
  const change = (field: ContactField, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    clearFieldError(field);
  };
  return (
    <FormCard
      title="Add a contact"
      description="An address you know: an exchange deposit, a friend, a project's treasury."
      submission={submission}
      input={input}
      gap="sm"
      data-testid="contact-form"
    >
      <FormErrorAlert
        ref={alertRef}
        title="The contact was not added"
        errors={errors.general}
        invalidFieldLabels={Object.keys(errors.fields).filter(isContactField).map((name) => contactLabels[name])}
        data-testid="contact-form-alert"
      />
      <TextInput
        name="label"
        label={contactLabels.label}
        value={input.label}
        error={errors.fields.label}
        onChange={(event) => change("label", event.currentTarget.value)}
        withAsterisk
        autoComplete="off"
        placeholder="e.g. Exchange deposit"
      />
      <TextInput
        name="address"
        label={contactLabels.address}
        value={input.address}
        error={errors.fields.address}
        onChange={(event) => change("address", event.currentTarget.value)}
        withAsterisk
        autoComplete="off"
        spellCheck={false}
        placeholder="0x…"
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      <Textarea
        name="note"
        label={contactLabels.note}
        value={input.note}
        error={errors.fields.note}
        onChange={(event) => change("note", event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={6}
        placeholder="Optional: what it is, where you got it…"
        description="Ctrl+Enter to save."
      />
      <Group justify="flex-end">
        <Button type="submit" loading={submitting} leftSection={<IconUserPlus size={16} />}>
          Add contact
        </Button>
      </Group>
    </FormCard>
  );
}
