import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Contact, ContactInput } from "../api";
import { appErrorFixture, keyringAvailable } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

const exchange: Contact = {
  id: 1,
  label: "Exchange deposit",
  address: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
  note: "Kraken, ETH only",
  createdAt: "2026-11-02T09:30:00Z",
};

function backendWith(initial: Contact[]) {
  let contacts = initial;
  return fakeBackend({
    list_accounts: () => [],
    keyring_status: () => keyringAvailable,
    list_contacts: () => contacts,
    add_contact: (args) => {
      const { input } = args as { input: ContactInput };
      const existing = contacts.find((contact) => contact.address.toLowerCase() === input.address.toLowerCase());
      if (existing) {
        throw appErrorFixture({
          code: "contact_exists",
          message: `this address is already in your contacts as “${existing.label}”`,
          field: "address",
        });
      }
      const added: Contact = { id: contacts.length + 10, ...input, createdAt: "2026-11-20T10:00:00Z" };
      contacts = [...contacts, added];
      return added;
    },
    remove_contact: (args) => {
      contacts = contacts.filter((contact) => contact.id !== (args as { id: number }).id);
      return null;
    },
  });
}

function contactForm(): HTMLElement {
  return screen.getByTestId("contact-form");
}

describe("contacts", () => {
  it("is reached from the accounts list and explains an empty address book", async () => {
    backendWith([]);
    const { user } = renderApp("#/accounts");

    await user.click(await screen.findByRole("link", { name: "Contacts" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Contacts" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/accounts/contacts");
    expect(await screen.findByTestId("contacts-empty")).toHaveTextContent("look-alike addresses");
  });

  it("adds a contact, and refuses an address already in the book at its input, keeping what was typed", async () => {
    const backend = backendWith([]);
    const { user } = renderApp("#/accounts/contacts");

    await screen.findByTestId("contacts-empty");
    await user.type(within(contactForm()).getByRole("textbox", { name: "Name" }), "Exchange deposit");
    await user.type(within(contactForm()).getByRole("textbox", { name: "Address" }), exchange.address);
    await user.type(within(contactForm()).getByRole("textbox", { name: "Note" }), "Kraken, ETH only");
    await user.click(within(contactForm()).getByRole("button", { name: "Add contact" }));

    const row = await screen.findByTestId("contact-row");
    expect(row).toHaveTextContent("Exchange deposit");
    expect(within(row).getByTestId("address")).toHaveTextContent(exchange.address);
    expect(within(row).getByTestId("address-fingerprint")).toBeInTheDocument();
    expect(row).toHaveTextContent("Kraken, ETH only");
    expect(backend.callsTo("add_contact")[0]?.args).toEqual({
      input: { label: "Exchange deposit", address: exchange.address, note: "Kraken, ETH only" },
    });
    expect(within(contactForm()).getByRole("textbox", { name: "Name" })).toHaveValue("");

    // The same address again, under another name: refused at the address.
    await user.type(within(contactForm()).getByRole("textbox", { name: "Name" }), "Kraken again");
    const address = within(contactForm()).getByRole("textbox", { name: "Address" });
    await user.type(address, `${exchange.address.toLowerCase()}{Enter}`);
    await waitFor(() => expect(address).toHaveAttribute("aria-invalid", "true"));
    expect(address).toHaveAccessibleDescription("this address is already in your contacts as “Exchange deposit”");
    expect(address).toHaveValue(exchange.address.toLowerCase());
    expect(within(contactForm()).getByRole("textbox", { name: "Name" })).toHaveValue("Kraken again");
    expect(screen.getAllByTestId("contact-row")).toHaveLength(1);
  });

  it("removes a contact only after asking", async () => {
    const backend = backendWith([exchange]);
    const { user } = renderApp("#/accounts/contacts");

    await user.click(await screen.findByRole("button", { name: "Remove Exchange deposit" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove Exchange deposit?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("remove_contact")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Remove Exchange deposit" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Remove contact" }));
    await waitFor(() => expect(backend.callsTo("remove_contact")).toHaveLength(1));
    expect(backend.callsTo("remove_contact")[0]?.args).toEqual({ id: 1 });
    expect(await screen.findByTestId("contacts-empty")).toBeInTheDocument();
    expect(screen.getByText("Contact removed")).toBeInTheDocument();
  });
});
