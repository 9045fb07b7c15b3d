import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import type { OfficialAddress, Sale } from "../api";
import { AddressText } from "../common/AddressText";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { AddOfficialAddressDialog } from "./AddOfficialAddressDialog";
import { useOfficialAddresses } from "./salesQueries";

function OfficialAddressesTable({ addresses }: { addresses: ReadonlyArray<OfficialAddress> }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid="official-addresses">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Address</Table.Th>
            <Table.Th>Where you saw it</Table.Th>
            <Table.Th>Seen</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {addresses.map((official) => (
            <Table.Tr key={official.id} data-testid="official-address-row">
              <Table.Td>
                <AddressText address={official.address} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{official.source}</Text>
              </Table.Td>
              <Table.Td>
                <DateTimeText iso={official.seenAt} stacked />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a sale's page: the addresses its project published, each with where and when it was seen. */
export function OfficialAddressesSection({ sale }: { sale: Sale }) {
  const addressesQuery = useOfficialAddresses(sale.id);
  const [addOpened, addDialog] = useDisclosure(false);

  let content;
  if (addressesQuery.isPending) {
    content = <LoadingState label="Loading the official addresses…" />;
  } else if (addressesQuery.isError) {
    content = (
      <FailureAlert
        title="The official addresses could not be loaded"
        error={addressesQuery.error}
        onRetry={() => void addressesQuery.refetch()}
      />
    );
  } else if (addressesQuery.data.length === 0) {
    content = (
      <Text size="sm" c="dimmed" data-testid="official-addresses-empty">
        No official address recorded yet. Add the address the project published for contributions, with where you saw it
        (its site, an announcement, the whitepaper): a review then knows the destination is official, and warns when it
        has no recorded source.
      </Text>
    );
  } else {
    content = <OfficialAddressesTable addresses={addressesQuery.data} />;
  }

  return (
    <Paper withBorder radius="md" p="lg" data-testid="official-addresses-section">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} size="h5">
              Official addresses
            </Title>
            <Text size="sm" c="dimmed">
              Where the project said to send contributions, and where you read it.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addDialog.open} data-testid="add-official-address">
            Add official address
          </Button>
        </Group>
        {content}
      </Stack>
      <AddOfficialAddressDialog sale={sale} opened={addOpened} onClose={addDialog.close} />
    </Paper>
  );
}
