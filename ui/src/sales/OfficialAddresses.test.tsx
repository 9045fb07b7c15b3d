import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AddressSourceInput, OfficialAddress, OfficialAddressInput } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const sale = saleFixture({ id: 30, projectName: "Example Protocol" });
const published: OfficialAddress = {
  id: 1,
  saleId: 30,
  address: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
  purpose: "contribution",
  chainId: sale.chainId,
  retiredAt: null,
  retiredReason: "",
  sources: [
    {
      id: 10,
      kind: "unknown",
      official: false,
      location: "The project's site, /contribute",
      seenAt: "2026-11-10T08:00:00Z",
      note: "",
    },
  ],
  vouched: false,
};

function sourceOf(id: number, input: AddressSourceInput) {
  const official = ["website", "official_social", "whitepaper", "announcement"].includes(input.kind);
  return { id, kind: input.kind, official, location: input.location, seenAt: "2026-12-01T10:00:00Z", note: input.note };
}

function backendWith(initial: OfficialAddress[], add?: (input: OfficialAddressInput) => OfficialAddress) {
  let addresses = initial;
  let nextSource = 100;
  const replace = (changed: OfficialAddress) => {
    addresses = addresses.map((official) => (official.id === changed.id ? changed : official));
    return changed;
  };
  return fakeBackend({
    get_sale: () => sale,
    list_participations: () => [],
    list_official_addresses: () => addresses,
    get_contract_terms: () => ({ tokenAddress: "" }),
    list_sale_actions: () => [],
    add_official_address: (args) => {
      const { input } = args as { saleId: number; input: OfficialAddressInput };
      const added = add
        ? add(input)
        : { ...published, id: 2, address: input.address, purpose: input.purpose, sources: [sourceOf(nextSource++, input.source)] };
      addresses = [...addresses, added];
      return added;
    },
    add_address_source: (args) => {
      const { officialId, input } = args as { officialId: number; input: AddressSourceInput };
      const official = addresses.find((address) => address.id === officialId);
      if (!official) throw appErrorFixture({ code: "official_address_not_found", message: "no official address" });
      const sources = [...official.sources, sourceOf(nextSource++, input)];
      return replace({ ...official, sources, vouched: sources.some((source) => source.official) });
    },
    remove_address_source: (args) => {
      const { sourceId } = args as { sourceId: number };
      const official = addresses.find((address) => address.sources.some((source) => source.id === sourceId));
      if (!official) throw appErrorFixture({ code: "source_not_found", message: "no source" });
      const sources = official.sources.filter((source) => source.id !== sourceId);
      if (sources.length === 0) {
        addresses = addresses.filter((address) => address.id !== official.id);
        return null;
      }
      return replace({ ...official, sources });
    },
    retire_official_address: (args) => {
      const { officialId, reason } = args as { officialId: number; reason: string };
      if (reason.trim().length < 10) {
        throw appErrorFixture({
          code: "too_short",
          message: "reason: why you no longer trust it",
          field: "reason",
          invalidFields: [{ field: "reason", code: "too_short", message: "why you no longer trust it, in 10 to 1,000 characters" }],
        });
      }
      const official = addresses.find((address) => address.id === officialId);
      if (!official) throw appErrorFixture({ code: "official_address_not_found", message: "no official address" });
      return replace({ ...official, retiredAt: "2026-12-02T09:00:00Z", retiredReason: reason });
    },
  });
}

function dialogInput(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("textbox", { name });
}

describe("a sale's official addresses", () => {
  it("lists each with its fingerprint, its sources as badges with when they were seen, and who vouches for it", async () => {
    const backend = backendWith([published]);
    renderApp("#/sales/30");

    const row = await screen.findByTestId("official-address-row");
    expect(within(row).getByTestId("address")).toHaveTextContent(published.address);
    expect(within(row).getByTestId("address-fingerprint")).toBeInTheDocument();
    expect(within(row).getByTestId("source-kind")).toHaveTextContent("Kind not recorded");
    expect(row).toHaveTextContent("The project's site, /contribute");
    expect(row.querySelector("time")).toHaveAttribute("title", "2026-11-10 08:00 UTC");
    expect(within(row).getByTestId("address-trust")).toHaveTextContent("No source of the project's own");
    expect(row).toHaveTextContent("Contribution address");
    expect(backend.callsTo("list_official_addresses")[0]?.args).toEqual({ saleId: 30 });
  });

  it("says what to do when there is none, and adds one with where it was seen (Enter submits, empty time is now)", async () => {
    const backend = backendWith([]);
    const { user } = renderApp("#/sales/30");

    expect(await screen.findByTestId("official-addresses-empty")).toHaveTextContent("No official address recorded yet");
    await user.click(screen.getByRole("button", { name: "Add official address" }));
    const dialog = await screen.findByRole("dialog", { name: "Add an official address" });
    await waitFor(() => expect(dialogInput(dialog, "Address")).toHaveFocus());
    await user.type(dialogInput(dialog, "Address"), published.address);
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Where you saw it" }), "announcement");
    expect(dialog).toHaveTextContent("The project's announcement channel");
    await user.type(dialogInput(dialog, "Link or place"), "https://t.me/example/12{Enter}");

    await waitFor(() => expect(backend.callsTo("add_official_address")).toHaveLength(1));
    expect(backend.callsTo("add_official_address")[0]?.args).toEqual({
      saleId: 30,
      input: {
        address: published.address,
        purpose: "contribution",
        chainId: "",
        source: { kind: "announcement", location: "https://t.me/example/12", seenAt: "", note: "" },
      },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const row = await screen.findByTestId("official-address-row");
    expect(within(row).getByTestId("source-kind")).toHaveTextContent("Announcement");
    expect(screen.getByText("Official address recorded")).toBeInTheDocument();
  });

  it("adds a second source beside the first, and says the project vouches for the address", async () => {
    const backend = backendWith([published]);
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByRole("button", { name: "Add a source" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a source" });
    expect(within(dialog).queryByRole("textbox", { name: "Address" })).toBeNull();
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Where you saw it" }), "whitepaper");
    await user.type(dialogInput(dialog, "Link or place"), "whitepaper v2, p. 12");
    await user.click(within(dialog).getByRole("button", { name: "Add source" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("add_address_source")[0]?.args).toEqual({
      officialId: 1,
      input: { kind: "whitepaper", location: "whitepaper v2, p. 12", seenAt: "", note: "" },
    });
    const row = screen.getByTestId("official-address-row");
    await waitFor(() =>
      expect(within(row).getAllByTestId("source-kind").map((badge) => badge.textContent)).toEqual(["Kind not recorded", "Whitepaper"]),
    );
    expect(within(row).getByTestId("address-trust")).toHaveTextContent("Vouched by the project");
  });

  it("retires an address only with a reason, and removes a source after asking", async () => {
    const backend = backendWith([published]);
    const { user } = renderApp("#/sales/30");

    await user.click(await screen.findByRole("button", { name: "Retire" }));
    const dialog = await screen.findByRole("dialog", { name: "Retire this address?" });
    const reason = within(dialog).getByRole("textbox", { name: "Why you no longer trust it" });
    await user.type(reason, "scam");
    await user.click(within(dialog).getByRole("button", { name: "Retire address" }));
    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    expect(reason).toHaveAccessibleDescription("why you no longer trust it, in 10 to 1,000 characters");
    await user.type(reason, ": posted by an impostor");
    await user.click(within(dialog).getByRole("button", { name: "Retire address" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("retire_official_address")[1]?.args).toEqual({ officialId: 1, reason: "scam: posted by an impostor" });
    expect(await screen.findByTestId("address-retired")).toHaveTextContent("scam: posted by an impostor");
    expect(screen.getByTestId("address-trust")).toHaveTextContent("Retired");

    await user.click(screen.getByRole("button", { name: "Remove the source The project's site, /contribute" }));
    await user.click(await screen.findByTestId("confirm-remove-source"));
    expect(await screen.findByTestId("official-addresses-empty")).toBeInTheDocument();
    expect(backend.callsTo("remove_address_source")[0]?.args).toEqual({ sourceId: 10 });
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
    await user.type(dialogInput(dialog, "Link or place"), "Telegram");
    await user.type(dialogInput(dialog, "When you saw it (UTC)"), "2030-01-01 00:00");
    await user.click(within(dialog).getByRole("button", { name: "Add address" }));

    await waitFor(() => expect(dialogInput(dialog, "Address")).toHaveAttribute("aria-invalid", "true"));
    expect(dialogInput(dialog, "Address")).toHaveAccessibleDescription("0x followed by 40 hexadecimal digits");
    expect(dialogInput(dialog, "When you saw it (UTC)")).toHaveAccessibleDescription(
      expect.stringContaining("record it once you have seen it"),
    );
    expect(dialogInput(dialog, "Address")).toHaveFocus();
    expect(dialogInput(dialog, "Address")).toHaveValue("0x1234");
    expect(dialogInput(dialog, "Link or place")).toHaveValue("Telegram");
    expect(dialogInput(dialog, "When you saw it (UTC)")).toHaveValue("2030-01-01 00:00");
    expect(backend.callsTo("add_official_address")).toHaveLength(1);

    // Escape closes the dialog without recording anything.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByTestId("official-addresses-empty")).toBeInTheDocument();
  });
});
