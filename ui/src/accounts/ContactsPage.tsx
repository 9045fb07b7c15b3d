import { ActionIcon, EmptyState, Grid, Paper, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconAddressBook, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { Contact } from "../api";
import { AddressText } from "../common/AddressText";
import { BackLink } from "../common/BackLink";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { AddContactForm } from "./AddContactForm";
import { RemoveContactDialog } from "./RemoveContactDialog";
import { useContacts } from "./contactsQueries";

function ContactsTable({ contacts, onRemove }: { contacts: ReadonlyArray<Contact>; onRemove: (contact: Contact) => void }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id} data-testid="contact-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {contact.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <AddressText address={contact.address} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={contact.note ? undefined : "dimmed"} style={{ whiteSpace: "pre-wrap" }}>
                  {contact.note || "—"}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip label="Remove" withArrow>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${contact.label}`} onClick={() => onRemove(contact)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ContactsList() {
  const contactsQuery = useContacts();
  const [removing, setRemoving] = useState<Contact | null>(null);
  if (contactsQuery.isPending) return <LoadingState label="Loading your contacts…" />;
  if (contactsQuery.isError) {
    return <FailureAlert title="The contacts could not be loaded" error={contactsQuery.error} onRetry={() => void contactsQuery.refetch()} />;
  }
  if (contactsQuery.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="contacts-empty">
        <EmptyState
          withIndicatorBackground
          icon={<IconAddressBook size={28} stroke={1.5} />}
          title="No contacts yet"
          description="Add the addresses you know. Contacts help catch look-alike addresses: a destination that shares the first and last characters of a contact's address but is a different one is blocked in reviews, as address poisoning."
        />
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md">
      <ContactsTable contacts={contactsQuery.data} onRemove={setRemoving} />
      <RemoveContactDialog contact={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}

/** The address book: known addresses, so that a look-alike of one is caught before anything is signed. */
export function ContactsPage() {
  return (
    <>
      <PageHeader
        breadcrumb={<BackLink to={{ area: "accounts", view: "list" }} label="All accounts" />}
        title="Contacts"
        description="Addresses you know but do not sign for. Reviews compare every destination with them, your accounts and the sales' addresses to catch look-alikes."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ContactsList />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AddContactForm />
        </Grid.Col>
      </Grid>
    </>
  );
}
