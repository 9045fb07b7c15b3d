import { Anchor, Stack, Table } from "@mantine/core";
import type { MouseEvent } from "react";
import type { Account } from "../api";
import { AddressText } from "../common/AddressText";
import { DateTimeText } from "../common/DateTimeText";
import { routeHref } from "../shell/route";
import { AccountKindBadge } from "./AccountKindBadge";
import { DerivationPathText } from "./DerivationPathText";
import classes from "./AccountsTable.module.css";

type AccountsTableProps = {
  accounts: ReadonlyArray<Account>;
  onOpenAccount: (account: Account) => void;
};

/** A click on the row opens the account, unless it was on the label link or the copy button. */
function isOnControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest("a, button") !== null;
}

export function AccountsTable({ accounts, onOpenAccount }: AccountsTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover data-testid="accounts-table" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Label</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Kind and path</Table.Th>
            <Table.Th>Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr
              key={account.id}
              data-testid="account-row"
              className={classes.row}
              onClick={(event) => {
                if (!isOnControl(event)) onOpenAccount(account);
              }}
            >
              <Table.Td className={classes.label}>
                {/* The link is the keyboard's way in; the whole row is the mouse's. */}
                <Anchor href={routeHref({ area: "accounts", view: "detail", accountId: account.id })} size="sm" fw={600}>
                  {account.label}
                </Anchor>
              </Table.Td>
              <Table.Td className={classes.address}>
                <AddressText address={account.address} />
              </Table.Td>
              <Table.Td>
                {/* The path sits under the kind it belongs to, so the table fits a 1280 px window. */}
                <Stack gap={4} align="flex-start">
                  <AccountKindBadge kind={account.kind} />
                  {account.derivationPath !== null && <DerivationPathText path={account.derivationPath} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <DateTimeText iso={account.createdAt} stacked />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
