import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconPencil,
  IconPlugConnected,
  IconPlus,
  IconServer,
  IconTemplate,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { failureMessage, type Network } from "../api";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { NetworkDialog, type NetworkTarget } from "./NetworkDialog";
import { useCheckNetwork, useNetworks, useRemoveNetwork } from "./networksQueries";

/** Saved by the user, or a preset offered until then: a word and an icon, not colour alone. */
function SavedBadge({ configured }: { configured: boolean }) {
  return configured ? (
    <Badge variant="light" color="teal" size="sm" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden="true" />}>
      Saved
    </Badge>
  ) : (
    <Badge variant="outline" color="gray" size="sm" radius="sm" tt="none" leftSection={<IconTemplate size={12} aria-hidden="true" />}>
      Preset
    </Badge>
  );
}

/** What the last connection check said, under the node's host. */
function CheckOutcome({ check, chainId }: { check: ReturnType<typeof useCheckNetwork>; chainId: number }) {
  const testId = `network-check-result-${chainId}`;
  if (check.isSuccess) {
    return (
      <Group gap={4} wrap="nowrap" role="status" data-testid={testId}>
        <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-hidden="true" style={{ flexShrink: 0 }} />
        <Text size="xs" c="teal" className="tabular-nums">
          Connected: {check.data.rpcHost}, block {check.data.latestBlock}
        </Text>
      </Group>
    );
  }
  if (check.isError) {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start" role="alert" data-testid={testId}>
        <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" c="red">
          Not connected: {failureMessage(check.error)}
        </Text>
      </Group>
    );
  }
  return null;
}

type NetworkRowProps = {
  network: Network;
  onEdit: (network: Network) => void;
  onRemove: (network: Network) => void;
};

function NetworkRow({ network, onEdit, onRemove }: NetworkRowProps) {
  const check = useCheckNetwork();
  const { chainId } = network;
  const canCheck = network.configured && network.rpcUrl !== null;
  return (
    <Table.Tr data-testid={`network-row-${chainId}`}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {network.name}
          </Text>
          <SavedBadge configured={network.configured} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="tabular-nums">
          {chainId}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {network.nativeSymbol}{" "}
          <Text span size="xs" c="dimmed" className="tabular-nums">
            ({network.nativeDecimals} decimals)
          </Text>
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {network.rpcHost ? (
            <>
              <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }} data-testid={`network-host-${chainId}`}>
                {network.rpcHost}
              </Text>
              {network.rpcUrlInKeyring && (
                <Text size="xs" c="dimmed" data-testid={`network-keyring-${chainId}`}>
                  Its full URL, with the API key, is in your keyring.
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid={`network-host-${chainId}`}>
              No node yet
            </Text>
          )}
          <CheckOutcome check={check} chainId={chainId} />
        </Stack>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" className="tabular-nums">
          {network.confirmations}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {canCheck && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlugConnected size={14} />}
              loading={check.isPending}
              onClick={() => check.mutate(chainId)}
              aria-label={`Check connection to ${network.name}`}
              data-testid={`network-check-${chainId}`}
            >
              Check connection
            </Button>
          )}
          <Button
            size="xs"
            variant={network.rpcUrl ? "default" : "light"}
            leftSection={network.rpcUrl ? <IconPencil size={14} /> : <IconServer size={14} />}
            onClick={() => onEdit(network)}
            aria-label={network.rpcUrl ? `Edit ${network.name}` : `Add node for ${network.name}`}
            data-testid={`network-edit-${chainId}`}
          >
            {network.rpcUrl ? "Edit" : "Add node"}
          </Button>
          {network.configured && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => onRemove(network)}
              aria-label={`Remove ${network.name}`}
              data-testid={`network-remove-${chainId}`}
            >
              Remove
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function NetworksTable({ networks, onEdit, onRemove }: { networks: ReadonlyArray<Network> } & Omit<NetworkRowProps, "network">) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" data-testid="networks-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Network</Table.Th>
            <Table.Th>Chain id</Table.Th>
            <Table.Th>Coin</Table.Th>
            <Table.Th>Node</Table.Th>
            <Table.Th ta="right">Confirmations</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {networks.map((network) => (
            <NetworkRow key={network.chainId} network={network} onEdit={onEdit} onRemove={onRemove} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Asks before a saved network is removed; its preset (if any) is offered again afterwards. */
function RemoveNetworkDialog({ network, onClose }: { network: Network | null; onClose: () => void }) {
  const removeNetwork = useRemoveNetwork();
  const remove = (target: Network) =>
    removeNetwork.mutate(target.chainId, {
      onSuccess: () => {
        onClose();
        notifications.show({ title: "Network removed", message: `${target.name} (chain ${target.chainId}).`, color: "gray" });
      },
    });
  return (
    <Modal
      opened={network !== null}
      onClose={() => {
        removeNetwork.reset();
        onClose();
      }}
      title={<Text fw={600}>Remove {network?.name}?</Text>}
      centered
    >
      {network && (
        <Stack gap="md">
          <Text size="sm">
            Saleguard stops contacting its node. Transactions on chain {network.chainId} cannot be planned or followed until you
            add the network again; nothing else is deleted.
          </Text>
          {removeNetwork.isError && <FailureAlert title="The network was not removed" error={removeNetwork.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={removeNetwork.isPending}>
              Cancel
            </Button>
            <Button color="red" leftSection={<IconTrash size={16} />} loading={removeNetwork.isPending} onClick={() => remove(network)}>
              Remove network
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * Settings → Networks: the node (RPC URL) of each chain. Saleguard contacts no node the
 * user did not name here; presets come without one.
 */
export function NetworksSection() {
  const networksQuery = useNetworks();
  const [editing, setEditing] = useState<NetworkTarget | null>(null);
  const [removing, setRemoving] = useState<Network | null>(null);

  let content;
  if (networksQuery.isPending) {
    content = <LoadingState label="Loading the networks…" />;
  } else if (networksQuery.isError) {
    content = (
      <FailureAlert title="The networks could not be loaded" error={networksQuery.error} onRetry={() => void networksQuery.refetch()} />
    );
  } else if (networksQuery.data.length === 0) {
    content = (
      <Text size="sm" c="dimmed" data-testid="networks-empty">
        No network yet. Add the chain of a sale you take part in, with the RPC URL of a node you trust: Saleguard uses it to plan,
        send and follow your transactions.
      </Text>
    );
  } else {
    content = (
      <NetworksTable
        networks={networksQuery.data}
        onEdit={(network) =>
          setEditing({ kind: "listed", chainId: network.chainId, name: network.name, rpcUrlInKeyring: network.rpcUrlInKeyring })
        }
        onRemove={setRemoving}
      />
    );
  }

  return (
    <Stack gap="md" data-testid="networks-section">
      {content}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: "new" })} data-testid="network-add">
          Add another network
        </Button>
        <Text size="sm" c="dimmed" maw={560}>
          For a chain not listed above, by its chain id.
        </Text>
      </Group>
      <NetworkDialog target={editing} onClose={() => setEditing(null)} />
      <RemoveNetworkDialog network={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
