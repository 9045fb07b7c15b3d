import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { isAppError, type AddressSource, type OfficialAddress, type Sale } from "../api";
import { AddressText } from "../common/AddressText";
import { ConfirmRemoval } from "../common/ConfirmRemoval";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { AddOfficialAddressDialog, AddSourceDialog } from "./AddOfficialAddressDialog";
import { purposeLabels, sourceKindLooks, trustOf } from "./officialSources";
import { useOfficialAddresses, useRemoveAddressSource, useRetireOfficialAddress } from "./salesQueries";

/** A source as a badge of its kind, where and when it was seen; removable after asking. */
function SourceLine({ sale, source }: { sale: Sale; source: AddressSource }) {
  const [opened, dialog] = useDisclosure(false);
  const remove = useRemoveAddressSource(sale.id);
  const looks = sourceKindLooks[source.kind];
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="address-source">
      <Tooltip label={looks.meaning} multiline w={260}>
        <Badge variant="light" color={looks.color} style={{ flexShrink: 0 }} data-testid="source-kind">
          {looks.label}
        </Badge>
      </Tooltip>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {source.location}
        </Text>
        {source.note && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {source.note}
          </Text>
        )}
      </Stack>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        seen <DateTimeText iso={source.seenAt} />
      </Text>
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove the source ${source.location}`} onClick={dialog.open}>
        <IconX size={14} />
      </ActionIcon>
      <ConfirmRemoval
        opened={opened}
        onClose={dialog.close}
        title="Remove this source?"
        confirmLabel="Remove source"
        failureTitle="The source was not removed"
        removal={remove}
        onConfirm={() => remove.mutate(source.id, { onSuccess: dialog.close })}
        data-testid="confirm-remove-source"
      >
        <Text size="sm">
          {looks.label}: {source.location}. An address left without sources is no longer recorded as official.
        </Text>
      </ConfirmRemoval>
    </Group>
  );
}

/** Retires an address the user no longer trusts: kept, with why, vouching for nothing. */
function RetireAddress({ sale, official }: { sale: Sale; official: OfficialAddress }) {
  const [opened, dialog] = useDisclosure(false);
  const retire = useRetireOfficialAddress(sale.id);
  const [reason, setReason] = useState("");
  const fieldError = isAppError(retire.error) ? retire.error.invalidFields.find((field) => field.field === "reason")?.message : undefined;
  return (
    <>
      <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconArchive size={14} />} onClick={dialog.open}>
        Retire
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={<Text fw={600}>Retire this address?</Text>} centered size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            retire.mutate(
              { officialId: official.id, reason },
              {
                onSuccess: () => {
                  dialog.close();
                  notifications.show({ title: "Address retired", message: official.address, color: "gray" });
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              It stays in the sale's record with why, but vouches for nothing: a contribution to it is no longer to an official
              address, and the review stops counting it as a second published address.
            </Text>
            {retire.isError && !fieldError && <FailureAlert title="The address was not retired" error={retire.error} />}
            <Textarea
              name="reason"
              label="Why you no longer trust it"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={fieldError}
              autosize
              minRows={2}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={dialog.close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={retire.isPending} data-testid="confirm-retire-address">
                Retire address
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function OfficialAddressCard({ sale, official }: { sale: Sale; official: OfficialAddress }) {
  const [addOpened, addDialog] = useDisclosure(false);
  const trust = trustOf(official);
  const retired = official.retiredAt !== null;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="official-address-row" style={retired ? { opacity: 0.75 } : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <AddressText address={official.address} />
            <Group gap={6}>
              <Badge variant="outline" color="gray" size="sm">
                {purposeLabels[official.purpose]}
                {official.chainId !== sale.chainId && ` · chain ${official.chainId}`}
              </Badge>
              <Tooltip label={trust.explanation} multiline w={260}>
                <Badge variant="light" color={trust.color} size="sm" data-testid="address-trust" data-trust={trust.key}>
                  {trust.label}
                </Badge>
              </Tooltip>
            </Group>
          </Stack>
          {!retired && (
            <Group gap={4}>
              <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={addDialog.open} data-testid="add-address-source">
                Add a source
              </Button>
              <RetireAddress sale={sale} official={official} />
            </Group>
          )}
        </Group>
        {retired && official.retiredAt && (
          <Text size="sm" c="dimmed" data-testid="address-retired">
            Retired <DateTimeText iso={official.retiredAt} />: {official.retiredReason}
          </Text>
        )}
        <Stack gap={6}>
          {official.sources.map((source) => (
            <SourceLine key={source.id} sale={sale} source={source} />
          ))}
        </Stack>
      </Stack>
      <AddSourceDialog sale={sale} official={official} opened={addOpened} onClose={addDialog.close} />
    </Paper>
  );
}

/** On a sale's page: the addresses its project published, each with the sources that vouch for it. */
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
        (its website, an announcement, the whitepaper): a review then knows the destination is official, and reads who
        vouches for it.
      </Text>
    );
  } else {
    content = (
      <Stack gap="sm" data-testid="official-addresses">
        {addressesQuery.data.map((official) => (
          <OfficialAddressCard key={official.id} sale={sale} official={official} />
        ))}
      </Stack>
    );
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
              What the project published, for what, and every place you saw it.
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
