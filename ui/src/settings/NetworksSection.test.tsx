import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Network, NetworkInput } from "../api";
import { appErrorFixture } from "../test/fixtures";
import type { CommandHandler } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";

function networkFixture(overrides: Partial<Network> = {}): Network {
  return {
    chainId: 1,
    name: "Ethereum",
    nativeSymbol: "ETH",
    nativeDecimals: 18,
    rpcUrl: null,
    rpcHost: null,
    rpcUrlInKeyring: false,
    explorerUrl: "https://etherscan.io/",
    confirmations: 12,
    configured: false,
    ...overrides,
  };
}

const localNode = networkFixture({
  chainId: 31337,
  name: "Local development chain",
  rpcUrl: "http://127.0.0.1:8545/",
  rpcHost: "http://127.0.0.1:8545",
  explorerUrl: null,
  confirmations: 1,
  configured: true,
});
const ethereumPreset = networkFixture();
const sepoliaPreset = networkFixture({ chainId: 11155111, name: "Sepolia", explorerUrl: "https://sepolia.etherscan.io/", confirmations: 3 });

const ethereumDraft: NetworkInput = {
  chainId: "1",
  name: "Ethereum",
  nativeSymbol: "ETH",
  nativeDecimals: "18",
  rpcUrl: "",
  explorerUrl: "https://etherscan.io",
  confirmations: "12",
};

/** Settings with a backend listing these networks; `handlers` add commands or replace list_networks. */
function settingsWith(networks: Network[], handlers: Record<string, CommandHandler> = {}) {
  return settingsBackend({ list_networks: () => networks, ...handlers });
}

function row(chainId: number): HTMLElement {
  return screen.getByTestId(`network-row-${chainId}`);
}

function dialogInput(dialog: HTMLElement, label: string): HTMLInputElement {
  return within(dialog).getByRole("textbox", { name: label }) as HTMLInputElement;
}

describe("networks in Settings", () => {
  it("lists the saved networks first, then the presets without a node, each with what can be done", async () => {
    settingsWith([localNode, ethereumPreset, sepoliaPreset]);
    renderApp("#/settings");

    const section = await screen.findByTestId("networks-section");
    await within(section).findByTestId("network-row-31337");
    const rows = within(section).getAllByRole("row").slice(1);
    expect(rows.map((element) => element.getAttribute("data-testid"))).toEqual([
      "network-row-31337",
      "network-row-1",
      "network-row-11155111",
    ]);

    expect(row(31337)).toHaveTextContent("Local development chain");
    expect(row(31337)).toHaveTextContent("Saved");
    expect(within(row(31337)).getByTestId("network-host-31337")).toHaveTextContent("http://127.0.0.1:8545");
    expect(row(31337)).toHaveTextContent("ETH (18 decimals)");
    expect(within(row(31337)).getByTestId("network-edit-31337")).toHaveTextContent("Edit");
    expect(within(row(31337)).getByTestId("network-check-31337")).toBeInTheDocument();
    expect(within(row(31337)).getByRole("button", { name: "Remove Local development chain" })).toBeInTheDocument();

    expect(row(1)).toHaveTextContent("Preset");
    expect(row(1)).toHaveTextContent("12");
    expect(within(row(1)).getByTestId("network-host-1")).toHaveTextContent("No node yet");
    expect(within(row(1)).getByTestId("network-edit-1")).toHaveTextContent("Add node");
    // Nothing to check, nothing to remove: Saleguard contacts no node the user did not name.
    expect(within(row(1)).queryByTestId("network-check-1")).toBeNull();
    expect(within(row(1)).queryByRole("button", { name: /^Remove/ })).toBeNull();
  });

  it("adds a node to a preset from its draft, the chain id fixed, and shows it in the list", async () => {
    let networks = [ethereumPreset, sepoliaPreset];
    const backend = settingsWith([], {
      list_networks: () => networks,
      get_network_draft: () => ethereumDraft,
      save_network: () => {
        const saved = networkFixture({ rpcUrl: "https://eth.example.org/", rpcHost: "https://eth.example.org", rpcUrlInKeyring: true, configured: true });
        networks = [saved, sepoliaPreset];
        return saved;
      },
    });
    const { user } = renderApp("#/settings");

    await user.click(await screen.findByTestId("network-edit-1"));
    const dialog = await screen.findByRole("dialog", { name: "Ethereum (chain 1)" });
    await waitFor(() => expect(dialogInput(dialog, "Chain id")).toHaveValue("1"));
    expect(backend.callsTo("get_network_draft")[0]?.args).toEqual({ chainId: 1 });
    expect(dialogInput(dialog, "Chain id")).toHaveAttribute("readonly");
    expect(dialogInput(dialog, "Name")).toHaveValue("Ethereum");
    expect(dialogInput(dialog, "Coin symbol")).toHaveValue("ETH");
    expect(dialogInput(dialog, "Coin decimals")).toHaveValue("18");
    expect(dialogInput(dialog, "Explorer URL")).toHaveValue("https://etherscan.io");
    expect(dialogInput(dialog, "Confirmations")).toHaveValue("12");
    const rpcUrl = dialogInput(dialog, "RPC URL");
    expect(rpcUrl).toHaveAccessibleDescription(expect.stringContaining("the only address it contacts"));
    expect(rpcUrl).toHaveAccessibleDescription(expect.stringContaining("A URL with an API key (a path or a query) is kept in your OS keyring"));

    await user.type(rpcUrl, "https://eth.example.org/v1/secret-key{Enter}");

    await waitFor(() => expect(backend.callsTo("save_network")).toHaveLength(1));
    expect(backend.callsTo("save_network")[0]?.args).toEqual({
      input: { ...ethereumDraft, rpcUrl: "https://eth.example.org/v1/secret-key" },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByText("Network saved")).toBeInTheDocument();
    await waitFor(() => expect(within(row(1)).getByTestId("network-host-1")).toHaveTextContent("https://eth.example.org"));
    expect(row(1)).toHaveTextContent("Saved");
    // The list shows the host only, never the key in the path, and where the key is.
    expect(screen.getByTestId("networks-section")).not.toHaveTextContent("secret-key");
    expect(within(row(1)).getByTestId("network-keyring-1")).toHaveTextContent("in your keyring");
  });

  it("says the full URL stays in the keyring while the short one shown is kept", async () => {
    const inKeyring = networkFixture({ rpcUrl: "https://eth.example.org/", rpcHost: "https://eth.example.org", rpcUrlInKeyring: true, configured: true });
    settingsWith([inKeyring], { get_network_draft: () => ({ ...ethereumDraft, rpcUrl: "https://eth.example.org/" }) });
    const { user } = renderApp("#/settings");

    await user.click(await screen.findByTestId("network-edit-1"));
    const dialog = await screen.findByRole("dialog", { name: "Ethereum (chain 1)" });
    const rpcUrl = dialogInput(dialog, "RPC URL");
    await waitFor(() => expect(rpcUrl).toHaveValue("https://eth.example.org/"));
    expect(rpcUrl).toHaveAccessibleDescription(expect.stringContaining("leave this as it is to keep it"));
    await user.type(rpcUrl, "x");
    expect(rpcUrl).toHaveAccessibleDescription(expect.stringContaining("is kept in your OS keyring, never in Saleguard's files"));
  });

  it("shows each refused field at its input, focuses the first and keeps everything typed", async () => {
    const backend = settingsWith([ethereumPreset], {
      save_network: () => {
        throw appErrorFixture({
          code: "invalid_chain_id",
          message: "chainId: a chain id is a whole number, such as 1",
          field: "chainId",
          invalidFields: [
            { field: "chainId", code: "invalid_chain_id", message: "a chain id is a whole number, such as 1" },
            { field: "rpcUrl", code: "invalid_url", message: "an RPC URL starts with http:// or https://" },
            { field: "confirmations", code: "required", message: "give how many confirmations to wait for" },
          ],
        });
      },
    });
    const { user } = renderApp("#/settings");

    await user.click(await screen.findByRole("button", { name: "Add another network" }));
    const dialog = await screen.findByRole("dialog", { name: "Add another network" });
    expect(dialogInput(dialog, "Chain id")).not.toHaveAttribute("readonly");
    await user.type(dialogInput(dialog, "Chain id"), "base");
    await user.type(dialogInput(dialog, "Name"), "Base");
    await user.type(dialogInput(dialog, "Coin symbol"), "ETH");
    await user.type(dialogInput(dialog, "RPC URL"), "ftp://node");
    await user.click(within(dialog).getByRole("button", { name: "Save network" }));

    await waitFor(() => expect(dialogInput(dialog, "Chain id")).toHaveAttribute("aria-invalid", "true"));
    expect(dialogInput(dialog, "Chain id")).toHaveAccessibleDescription(expect.stringContaining("a chain id is a whole number"));
    expect(dialogInput(dialog, "RPC URL")).toHaveAttribute("aria-invalid", "true");
    expect(dialogInput(dialog, "RPC URL")).toHaveAccessibleDescription(expect.stringContaining("starts with http:// or https://"));
    expect(dialogInput(dialog, "Confirmations")).toHaveAccessibleDescription(expect.stringContaining("give how many confirmations"));
    expect(dialogInput(dialog, "Name")).not.toHaveAttribute("aria-invalid", "true");
    expect(dialogInput(dialog, "Chain id")).toHaveFocus();
    expect(within(dialog).getByTestId("network-form-alert")).toHaveTextContent("Check these fields: Chain id, RPC URL, Confirmations.");
    expect(dialogInput(dialog, "Chain id")).toHaveValue("base");
    expect(dialogInput(dialog, "RPC URL")).toHaveValue("ftp://node");
    expect(dialogInput(dialog, "Coin decimals")).toHaveValue("18");
    expect(backend.callsTo("save_network")[0]?.args).toEqual({
      input: { chainId: "base", name: "Base", nativeSymbol: "ETH", nativeDecimals: "18", rpcUrl: "ftp://node", explorerUrl: "", confirmations: "" },
    });

    // Fixing a field clears its error only.
    await user.type(dialogInput(dialog, "RPC URL"), "x");
    expect(dialogInput(dialog, "RPC URL")).not.toHaveAttribute("aria-invalid", "true");
    expect(dialogInput(dialog, "Chain id")).toHaveAttribute("aria-invalid", "true");
  });

  it("checks the connection of a saved network and says what the node answered", async () => {
    const backend = settingsWith([localNode, ethereumPreset], {
      check_network: () => ({ chainId: 31337, rpcHost: "http://127.0.0.1:8545", latestBlock: 1234 }),
    });
    const { user } = renderApp("#/settings");

    await user.click(await screen.findByRole("button", { name: "Check connection to Local development chain" }));
    expect(await screen.findByTestId("network-check-result-31337")).toHaveTextContent("Connected: http://127.0.0.1:8545, block 1234");
    expect(backend.callsTo("check_network")[0]?.args).toEqual({ chainId: 31337 });
  });

  it("says when the node serves another chain", async () => {
    settingsWith([localNode], {
      check_network: () => {
        throw appErrorFixture({
          code: "wrong_chain",
          message: "the node at http://127.0.0.1:8545 serves chain 1, not chain 31337: check the RPC URL",
        });
      },
    });
    const { user } = renderApp("#/settings");

    await user.click(await screen.findByTestId("network-check-31337"));
    const outcome = await screen.findByTestId("network-check-result-31337");
    expect(outcome).toHaveAttribute("role", "alert");
    expect(outcome).toHaveTextContent("Not connected: the node at http://127.0.0.1:8545 serves chain 1, not chain 31337");
    expect(outcome).not.toHaveTextContent("Connected:");
  });

  it("removes a saved network after asking", async () => {
    let networks = [localNode, ethereumPreset];
    const backend = settingsWith([], {
      list_networks: () => networks,
      remove_network: () => {
        networks = [ethereumPreset];
        return null;
      },
    });
    const { user } = renderApp("#/settings");

    await user.click(await screen.findByTestId("network-remove-31337"));
    const dialog = await screen.findByRole("dialog", { name: "Remove Local development chain?" });
    await user.click(within(dialog).getByRole("button", { name: "Remove network" }));
    await waitFor(() => expect(screen.queryByTestId("network-row-31337")).toBeNull());
    expect(backend.callsTo("remove_network")[0]?.args).toEqual({ chainId: 31337 });
    expect(screen.getByTestId("network-row-1")).toBeInTheDocument();
  });

  it("says what to do when there is no network", async () => {
    settingsWith([]);
    renderApp("#/settings");
    expect(await screen.findByTestId("networks-empty")).toHaveTextContent("No network yet");
  });

  it("shows a failure to list the networks with a way to try again", async () => {
    let fail = true;
    settingsWith([], {
      list_networks: () => {
        if (fail) throw appErrorFixture({ code: "storage_failed", message: "the database could not be read" });
        return [ethereumPreset];
      },
    });
    const { user } = renderApp("#/settings");
    const section = await screen.findByTestId("networks-section");
    expect(await within(section).findByText("The networks could not be loaded")).toBeInTheDocument();
    expect(section).toHaveTextContent("the database could not be read");
    fail = false;
    await user.click(within(section).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("network-row-1")).toBeInTheDocument();
  });
});
