import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeBackend } from "../test/fakeBackend";
import { accountFixture, appErrorFixture, keyringAvailable } from "../test/fixtures";
import { renderApp } from "../test/renderApp";

const threeAccounts = [
  accountFixture({ id: 1, label: "Savings", kind: "generated_mnemonic" }),
  accountFixture({
    id: 2,
    label: "Old key",
    kind: "private_key",
    address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    derivationPath: null,
    canDerive: false,
  }),
  accountFixture({
    id: 3,
    label: "Treasury",
    kind: "watch_only",
    address: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    derivationPath: null,
    hasSecret: false,
    canDerive: false,
  }),
];

function rowOf(label: string): HTMLElement {
  const row = screen.getAllByTestId("account-row").find((candidate) => within(candidate).queryByRole("link", { name: label }));
  if (!row) throw new Error(`no row for ${label}`);
  return row;
}

describe("the accounts list", () => {
  it("shows each account with its fingerprint, full address, kind in words, path and date", async () => {
    const backend = fakeBackend({ list_accounts: () => threeAccounts, keyring_status: () => keyringAvailable });
    renderApp("#/accounts");

    expect(await screen.findAllByTestId("account-row")).toHaveLength(3);
    expect(backend.callsTo("list_accounts")).toHaveLength(1);

    const savings = rowOf("Savings");
    expect(within(savings).getByTestId("address-fingerprint")).toBeInTheDocument();
    expect(within(savings).getByTestId("address")).toHaveTextContent("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    expect(within(savings).getByRole("button", { name: "Copy address" })).toBeInTheDocument();
    expect(within(savings).getByText("New recovery phrase")).toBeInTheDocument();
    expect(within(savings).getByText("m/44'/60'/0'/0/0")).toBeInTheDocument();
    expect(savings.querySelector("time")).toHaveAttribute("datetime", "2026-11-02T09:30:00Z");
    expect(savings.querySelector("time")).toHaveAttribute("title", "2026-11-02 09:30 UTC");

    const oldKey = rowOf("Old key");
    expect(within(oldKey).getByText("Private key")).toBeInTheDocument();
    expect(within(oldKey).queryByText(/^m\//), "a private key has no path to show").toBeNull();
    expect(within(rowOf("Treasury")).getByText("Watch-only")).toBeInTheDocument();

    // Look-alike protection: different addresses, different fingerprints.
    const fingerprints = screen.getAllByTestId("address-fingerprint").map((svg) => svg.innerHTML);
    expect(new Set(fingerprints).size).toBe(3);
    expect(screen.queryByTestId("keyring-unavailable")).not.toBeInTheDocument();
    expect(screen.getByTestId("create-account")).toHaveAttribute("href", "#/accounts/new");
    expect(screen.getByTestId("import-account")).toHaveAttribute("href", "#/accounts/import");
  });

  it("opens an account from its row or its label link", async () => {
    const [savings] = threeAccounts;
    const backend = fakeBackend({
      list_accounts: () => threeAccounts,
      keyring_status: () => keyringAvailable,
      get_account: (args) => threeAccounts.find((account) => account.id === (args as { id: number }).id),
    });
    const { user } = renderApp("#/accounts");

    await user.click(within(await screen.findByTestId("accounts-table")).getAllByText("Private key")[0] as HTMLElement);
    expect(await screen.findByRole("heading", { level: 1, name: "Old key" })).toBeInTheDocument();
    expect(backend.callsTo("get_account").at(-1)?.args).toEqual({ id: 2 });

    await user.click(screen.getByRole("link", { name: "All accounts" }));
    await user.click(await screen.findByRole("link", { name: savings?.label ?? "" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Savings" })).toBeInTheDocument();
  });

  it("copying an address does not open the account", async () => {
    const backend = fakeBackend({ list_accounts: () => threeAccounts, keyring_status: () => keyringAvailable });
    const { user } = renderApp("#/accounts");
    await screen.findAllByTestId("account-row");

    await user.click(within(rowOf("Savings")).getByRole("button", { name: "Copy address" }));
    expect(screen.getByTestId("accounts-table")).toBeInTheDocument();
    expect(backend.callsTo("get_account")).toHaveLength(0);
    expect(window.location.hash).toBe("#/accounts");
  });

  it("says what to do when there are no accounts, and where secrets are kept", async () => {
    fakeBackend({ list_accounts: () => [], keyring_status: () => keyringAvailable });
    renderApp("#/accounts");

    const empty = await screen.findByTestId("accounts-empty");
    expect(empty).toHaveTextContent("keyring");
    expect(empty).toHaveTextContent("only labels and addresses");
    expect(within(empty).getByRole("link", { name: "Create account" })).toHaveAttribute("href", "#/accounts/new");
    expect(within(empty).getByRole("link", { name: "Import" })).toHaveAttribute("href", "#/accounts/import");
    expect(screen.getAllByTestId("create-account"), "one such button on screen").toHaveLength(1);
    expect(screen.queryByTestId("accounts-table")).not.toBeInTheDocument();
  });

  it("warns when the keyring cannot be used, with the backend's guidance, and still lists the accounts", async () => {
    const guidance = "No Secret Service is running. Install and start gnome-keyring or KeePassXC, then restart Saleguard.";
    fakeBackend({
      list_accounts: () => threeAccounts,
      keyring_status: () => ({ available: false, code: "keyring_unavailable", message: guidance }),
    });
    renderApp("#/accounts");

    const banner = await screen.findByTestId("keyring-unavailable");
    expect(banner).toHaveTextContent("No keyring is available");
    expect(banner).toHaveTextContent(guidance);
    expect(banner).toHaveTextContent("watch-only");
    expect(screen.getAllByTestId("account-row")).toHaveLength(3);
    expect(screen.getByTestId("import-account")).toBeInTheDocument();
  });

  it("says what happened when the accounts cannot be loaded", async () => {
    fakeBackend({
      list_accounts: () => {
        throw appErrorFixture({ code: "storage_failed", message: "The database could not be read." });
      },
      keyring_status: () => keyringAvailable,
    });
    renderApp("#/accounts");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The accounts could not be loaded");
    expect(alert).toHaveTextContent("The database could not be read.");
    expect(screen.queryByTestId("create-account")).not.toBeInTheDocument();
  });
});
