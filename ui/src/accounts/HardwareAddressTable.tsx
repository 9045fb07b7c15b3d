import { Anchor, Button, Group, Radio, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconDeviceUsb } from "@tabler/icons-react";
import type { HardwareAddress } from "../api";
import { AddressText } from "../common/AddressText";
import { LooksBadge } from "../common/LooksBadge";
import { routeHref } from "../shell/route";
import { DerivationPathText } from "./DerivationPathText";

/** What the device said when the address was shown on it. */
export type AddressCheck = { matches: true } | { matches: false; shown: string };

type HardwareAddressTableProps = {
  addresses: ReadonlyArray<HardwareAddress>;
  /** The path of the address chosen to add, if any (it may be on another page). */
  chosenPath: string | null;
  onChoose: (address: HardwareAddress) => void;
  /** By path: what showing it on the device told. */
  checks: Readonly<Record<string, AddressCheck>>;
  /** The path of the address on the device's screen now, if any. */
  verifyingPath: string | null;
  onVerify: (address: HardwareAddress) => void;
};

function AddressStatus({ address, check }: { address: HardwareAddress; check: AddressCheck | undefined }) {
  return (
    <Stack gap={4} align="flex-start" mt={address.accountId !== null || check !== undefined ? 6 : 0}>
      {address.accountId !== null && (
        <Group gap={6} wrap="nowrap">
          <LooksBadge color="gray" testId="hardware-already-added">
            Already added
          </LooksBadge>
          <Anchor href={routeHref({ area: "accounts", view: "detail", accountId: address.accountId })} size="xs">
            Open
            <VisuallyHidden> the account of index {address.index}</VisuallyHidden>
          </Anchor>
        </Group>
      )}
      {check?.matches === true && (
        <LooksBadge color="teal" Icon={IconCircleCheck} testId="hardware-verified">
          Matches the device
        </LooksBadge>
      )}
      {check?.matches === false && (
        <LooksBadge color="red" Icon={IconAlertTriangle} testId="hardware-differs">
          The device showed another address
        </LooksBadge>
      )}
    </Stack>
  );
}

/** One page of a device's addresses: choose one to add, or show it on the device to compare. */
export function HardwareAddressTable({ addresses, chosenPath, onChoose, checks, verifyingPath, onVerify }: HardwareAddressTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="hardware-addresses-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Choose</VisuallyHidden>
            </Table.Th>
            <Table.Th w={60}>Index</Table.Th>
            <Table.Th>Path</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>
              <VisuallyHidden>On the device</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {addresses.map((address) => {
            const check = checks[address.path];
            const added = address.accountId !== null;
            return (
              <Table.Tr
                key={address.path}
                data-testid="hardware-address-row"
                data-index={address.index}
                data-chosen={chosenPath === address.path || undefined}
              >
                <Table.Td>
                  <Radio
                    name="hardware-address"
                    value={address.path}
                    checked={chosenPath === address.path}
                    onChange={() => onChoose(address)}
                    disabled={added || check?.matches === false}
                    aria-label={`Choose index ${address.index}, ${address.address}`}
                    data-testid={`hardware-choose-${address.index}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="tabular-nums">
                    {address.index}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DerivationPathText path={address.path} />
                </Table.Td>
                {/* What the address holds and where it stands, under it: one column fewer keeps the
                    address on one line beside the button at the window's usual width. */}
                <Table.Td miw={460}>
                  <AddressText address={address.address} />
                  {address.balances.map((held) => (
                    <Text key={held.chainId} size="xs" c="dimmed" className="tabular-nums" data-testid="hardware-balance">
                      {held.balance === null
                        ? `Balance on ${held.network}: the node did not answer`
                        : `${held.balance} on ${held.network}`}
                    </Text>
                  ))}
                  <AddressStatus address={address} check={check} />
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconDeviceUsb size={14} />}
                    loading={verifyingPath === address.path}
                    disabled={verifyingPath !== null && verifyingPath !== address.path}
                    onClick={() => onVerify(address)}
                    aria-label={`Show on device: index ${address.index}`}
                    data-testid={`hardware-verify-${address.index}`}
                  >
                    Show on device
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
