import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { Contact } from "../api";
import { AddressText } from "../common/AddressText";
import { FailureAlert } from "../common/FailureAlert";
import { useRemoveContact } from "./contactsQueries";

type RemoveContactDialogProps = { contact: Contact | null; onClose: () => void };

function RemoveContactConfirmation({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const remove = useRemoveContact();
  return (
    <Stack gap="md">
      <Text size="sm">
        Saleguard forgets this contact. Reviews no longer compare destinations with its address, so a look-alike of it is not
        caught any more.
      </Text>
      <AddressText address={contact.address} />
      {remove.isError && <FailureAlert title="The contact was not removed" error={remove.error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red"
          leftSection={<IconTrash size={16} />}
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(contact.id, {
              onSuccess: () => {
                onClose();
                notifications.show({ title: "Contact removed", message: contact.label, color: "gray", icon: <IconTrash size={18} /> });
              },
            })
          }
          data-testid="confirm-remove-contact"
        >
          Remove contact
        </Button>
      </Group>
    </Stack>
  );
}

/** Asks before removing a contact; Escape or Cancel keeps it. */
export function RemoveContactDialog({ contact, onClose }: RemoveContactDialogProps) {
  return (
    <Modal opened={contact !== null} onClose={onClose} title={<Text fw={600}>Remove {contact?.label}?</Text>} centered>
      {contact && <RemoveContactConfirmation contact={contact} onClose={onClose} />}
    </Modal>
  );
}
