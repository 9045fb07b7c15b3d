import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { OfficialAddress, OfficialAddressInput } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const sale = saleFixture({ id: 30, projectName: "Example Protocol" });
const published: OfficialAddress = {
  id: 1,
  saleId: 30,
  address: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
  source: "The project's site, /contribute",
  seenAt: "2026-11-10T08:00:00Z",
};

function backendWith(initial: OfficialAddress[], add: (input: OfficialAddressInput) => OfficialAddress) {
  let addresses = initial;
  return fakeBackend({
    get_sale: () => sale,
    list_participations: () => [],
    list_official_addresses: () => addresses,
    get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
    add_official_address: (args) => {
      const added = add((args as { saleId: number; input: OfficialAddressInput }).input);
      addresses = [...addresses, added];
      return added;
    },
  });
}

function dialogInput(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("textbox", { name });
}

describe("a sale's official addresses", () => {
  it("lists each with its fingerprint, where it was seen and when", async () => {
    const backend = backendWith([published], () => published);
    renderApp("#/sales/30");

    const row = await screen.findByTestId("official-address-row");
    expect(within(row).getByTestId("address")).toHaveTextContent(published.address);
    expect(within(row).getByTestId("address-fingerprint")).toBeInTheDocument();
    expect(row).toHaveTextContent("The project's site, /contribute");
    expect(row.querySelector("time")).toHaveAttribute("title", "2026-11-10 08:00 UTC");
    expect(backend.callsTo("list_official_addresses")[0]?.args).toEqual({ saleId: 30 });
  });

  it("says what to do when there is none, and adds one (Enter submits, empty time is now)", async () => {
    const backend = backendWith([], (input) => ({ ...published, id: 2, address: input.address, source: input.source }));
    const { user } = renderApp("#/sales/30");

    expect(await screen.findByTestId("official-addresses-empty")).toHaveTextContent("No official address recorded yet");
    await user.click(screen.getByRole("button", { name: "Add official address" }));
    const dialog = await screen.findByRole("dialog", { name: "Add an official address" });
    await waitFor(() => expect(dialogInput(dialog, "Address")).toHaveFocus());
    await user.type(dialogInput(dialog, "Address"), published.address);
    await user.type(dialogInput(dialog, "Where you saw it"), "The announcement on X{Enter}");

    await waitFor(() => expect(backend.callsTo("add_official_address")).toHaveLength(1));
    expect(backend.callsTo("add_official_address")[0]?.args).toEqual({
      saleId: 30,
      input: { address: published.address, source: "The announcement on X", seenAt: "" },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await screen.findByTestId("official-address-row")).toHaveTextContent("The announcement on X");
    expect(screen.getByText("Official address recorded")).toBeInTheDocument();
  });

  it("shows each refused field at its input and keeps everything typed", async () => {
    const backend = backendWith([], () => {
      throw appErrorFixture({
        code: "invalid_address",
        message: "address: not an address",
        field: "address",
        invalidFields: [
          { field: "address", code: "invalid_address", message: "0x followed by 40 hexadecimal digits" },
          { field: "seenAt", code: "in_the_future", message: "record it once you have seen it" },
        ],
      });
    });
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByRole("button", { name: "Add official address" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(dialogInput(dialog, "Address"), "0x1234");
    await user.type(dialogInput(dialog, "Where you saw it"), "Telegram");
    await user.type(dialogInput(dialog, "When you saw it (UTC)"), "2030-01-01 00:00");
    await user.click(within(dialog).getByRole("button", { name: "Add address" }));

    await waitFor(() => expect(dialogInput(dialog, "Address")).toHaveAttribute("aria-invalid", "true"));
    expect(dialogInput(dialog, "Address")).toHaveAccessibleDescription("0x followed by 40 hexadecimal digits");
    expect(dialogInput(dialog, "When you saw it (UTC)")).toHaveAccessibleDescription(
      expect.stringContaining("record it once you have seen it"),
    );
    expect(dialogInput(dialog, "Address")).toHaveFocus();
    expect(dialogInput(dialog, "Address")).toHaveValue("0x1234");
    expect(dialogInput(dialog, "Where you saw it")).toHaveValue("Telegram");
    expect(dialogInput(dialog, "When you saw it (UTC)")).toHaveValue("2030-01-01 00:00");
    expect(backend.callsTo("add_official_address")).toHaveLength(1);

    // Escape closes the dialog without recording anything.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByTestId("official-addresses-empty")).toBeInTheDocument();
  });
});
