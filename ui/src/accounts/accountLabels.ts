import type { Account } from "../api";

/** The label offered for a new account: "Account N", the first such label not yet used. */
export function suggestAccountLabel(accounts: ReadonlyArray<Pick<Account, "label">>): string {
  const taken = new Set(accounts.map((account) => account.label));
  let number = accounts.length + 1;
  while (taken.has(`Account ${number}`)) number += 1;
  return `Account ${number}`;
}
