import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import type { Contact } from "../api";
import { AddressText } from "../common/AddressText";
import { ConfirmRemoval } from "../common/ConfirmRemoval";
import { useRemoveContact } from "./contactsQueries";

type RemoveContactDialogProps = { contact: Contact | null; onClose: () => void };

/** Asks before removing a contact; Escape or Cancel keeps it. */
export function RemoveContactDialog({ contact, onClose }: RemoveContactDialogProps) {
  const remove = useRemoveContact();
  return (
    <ConfirmRemoval
      opened={contact !== null}
      onClose={onClose}
      title={`Remove ${contact?.label ?? ""}?`}
      confirmLabel="Remove contact"
      failureTitle="The contact was not removed"
      removal={remove}
      onConfirm={() => {
        if (!contact) return;
        remove.mutate(contact.id, {
          onSuccess: () => {
            onClose();
            notifications.show({ title: "Contact removed", message: contact.label, color: "gray", icon: <IconTrash size={18} /> });
          },
        });
      }}
      data-testid="confirm-remove-contact"
    >
      <Text size="sm">
        Saleguard forgets this contact. Reviews no longer compare destinations with its address, so a look-alike of it is not
        caught any more.
      </Text>
      {contact && <AddressText address={contact.address} />}
    </ConfirmRemoval>
  );
}
