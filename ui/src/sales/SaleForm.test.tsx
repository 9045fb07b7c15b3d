import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Sale, SaleInput } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { renderApp } from "../test/renderApp";

function field(name: keyof SaleInput): HTMLInputElement {
  const element = screen.getByTestId("sale-form").querySelector<HTMLInputElement>(`[name="${name}"]:not([type="radio"])`);
  if (!element) throw new Error(`no input named ${name}`);
  return element;
}

const typedInput: SaleInput = {
  projectName: "Example Protocol",
  tokenSymbol: "EXP",
  tokenDecimals: "18",
  chainId: "1",
  contributionAddress: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
  currencyKind: "native",
  currencySymbol: "ETH",
  currencyAddress: "",
  currencyDecimals: "",
  pricingKind: "price",
  pricingAmount: "0.0005",
  softCap: "500",
  hardCap: "1500",
  minContribution: "0.1",
  maxContribution: "5",
  startsAt: "2026-12-01 14:00",
  endsAt: "2026-12-15 14:00",
  kycRequired: true,
  whitepaperUrl: "https://example.org/whitepaper.pdf",
  notes: "Seen on the official blog.",
};

const textFields = [
  "projectName",
  "tokenSymbol",
  "tokenDecimals",
  "chainId",
  "contributionAddress",
  "currencySymbol",
  "softCap",
  "hardCap",
  "minContribution",
  "maxContribution",
  "startsAt",
  "endsAt",
  "whitepaperUrl",
  "notes",
] as const satisfies ReadonlyArray<keyof SaleInput>;

/** Fills the form as a user would: focus each input, clear it, paste the value. */
async function fillIn(user: UserEvent, input: SaleInput) {
  for (const name of textFields) {
    await user.clear(field(name));
    await user.paste(input[name]);
  }
  await user.click(screen.getByRole("radio", { name: "Price per token" }));
  await user.click(field("pricingAmount"));
  await user.paste(input.pricingAmount);
  if (input.kycRequired !== field("kycRequired").checked) {
    await user.click(field("kycRequired"));
  }
}

function savedSale(input: SaleInput, id: number): Sale {
  return saleFixture({ id, projectName: input.projectName, tokenSymbol: input.tokenSymbol });
}

describe("the sale form", () => {
  it("has one labelled input per SaleInput field", async () => {
    fakeBackend({ list_sales: () => [] });
    const { user } = renderApp("#/sales/new");
    await screen.findByTestId("sale-form");
    await user.click(screen.getByRole("radio", { name: "ERC-20 token" }));
    await user.click(screen.getByRole("radio", { name: "Price per token" }));

    for (const name of Object.keys(typedInput) as Array<keyof SaleInput>) {
      const inputs = screen.getByTestId("sale-form").querySelectorAll(`[name="${name}"]`);
      expect(inputs.length, `inputs named ${name}`).toBeGreaterThan(0);
      for (const input of inputs) {
        expect(input, `input named ${name}`).toHaveAccessibleName();
      }
    }
  });

  it("sends create_sale with exactly what was typed, then shows the sale in the list", async () => {
    let sales: Sale[] = [];
    const backend = fakeBackend({
      list_sales: () => sales,
      create_sale: (args) => {
        const { input } = args as { input: SaleInput };
        const sale = savedSale(input, 7);
        sales = [sale];
        return sale;
      },
    });
    const { user } = renderApp("#/sales");
    await user.click(await screen.findByTestId("add-sale"));
    await screen.findByTestId("sale-form");

    await fillIn(user, typedInput);
    await user.click(screen.getByRole("button", { name: "Save sale" }));

    await waitFor(() => expect(backend.callsTo("create_sale")).toHaveLength(1));
    expect(backend.callsTo("create_sale")[0]?.args).toEqual({ input: typedInput });
    // Back on the list, refetched, with the new sale in it and a notification.
    const rows = await screen.findAllByTestId("sale-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("Example Protocol");
    expect(screen.queryByTestId("sale-form")).not.toBeInTheDocument();
    expect(await screen.findByText("Sale added")).toBeInTheDocument();
  });

  it("submits with Enter", async () => {
    const backend = fakeBackend({
      list_sales: () => [],
      create_sale: () => {
        throw appErrorFixture({ code: "required", message: "Some fields are missing.", invalidFields: [] });
      },
    });
    const { user } = renderApp("#/sales/new");
    await screen.findByTestId("sale-form");
    await user.type(field("projectName"), "Example Protocol{Enter}");

    await waitFor(() => expect(backend.callsTo("create_sale")).toHaveLength(1));
    expect(backend.callsTo("create_sale")[0]?.args).toMatchObject({ input: { projectName: "Example Protocol" } });
  });

  it("shows each invalid field's message at its input and keeps everything typed", async () => {
    const softCapMessage = "The soft cap cannot be above the hard cap.";
    const backend = fakeBackend({
      list_sales: () => [],
      create_sale: () => {
        throw appErrorFixture({
          code: "soft_cap_above_hard_cap",
          message: "The sale has invalid fields.",
          field: null,
          invalidFields: [{ field: "softCap", code: "soft_cap_above_hard_cap", message: softCapMessage }],
        });
      },
    });
    const { user } = renderApp("#/sales/new");
    await screen.findByTestId("sale-form");
    await fillIn(user, { ...typedInput, softCap: "2000" });
    await user.click(screen.getByRole("button", { name: "Save sale" }));

    await waitFor(() => expect(field("softCap")).toHaveAttribute("aria-invalid", "true"));
    expect(backend.callsTo("create_sale")).toHaveLength(1);
    expect(field("softCap")).toHaveAccessibleDescription(expect.stringContaining(softCapMessage));
    expect(field("softCap")).toHaveFocus();
    expect(field("hardCap")).not.toHaveAttribute("aria-invalid", "true");
    // The alert at the top names the field without repeating the message.
    expect(screen.getByTestId("sale-form-alert")).toHaveTextContent("Soft cap");
    expect(screen.getAllByText(softCapMessage)).toHaveLength(1);

    // Still on the form, nothing lost.
    expect(screen.getByTestId("sale-form")).toBeInTheDocument();
    for (const name of textFields) {
      expect(field(name)).toHaveValue(name === "softCap" ? "2000" : typedInput[name]);
    }
    expect(field("pricingAmount")).toHaveValue("0.0005");
    expect(field("kycRequired")).toBeChecked();

    // Editing the field clears its error.
    await user.clear(field("softCap"));
    await user.type(field("softCap"), "400");
    expect(field("softCap")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("shows an error that belongs to no field in an alert at the top", async () => {
    fakeBackend({
      list_sales: () => [],
      create_sale: () => {
        throw appErrorFixture({ code: "storage_failed", message: "The database is read-only." });
      },
    });
    const { user } = renderApp("#/sales/new");
    await screen.findByTestId("sale-form");
    await user.type(field("projectName"), "Example Protocol");
    await user.click(screen.getByRole("button", { name: "Save sale" }));

    const alert = await screen.findByTestId("sale-form-alert");
    expect(alert).toHaveTextContent("The database is read-only.");
    expect(alert).toHaveTextContent("Check that the disk is not full");
    expect(field("projectName")).toHaveValue("Example Protocol");
    expect(screen.getByTestId("sale-form").querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it("asks for the ERC-20 address and decimals only for an ERC-20 currency, and sends them empty otherwise", async () => {
    const backend = fakeBackend({
      list_sales: () => [],
      create_sale: () => {
        throw appErrorFixture();
      },
    });
    const { user } = renderApp("#/sales/new");
    const form = await screen.findByTestId("sale-form");
    expect(form.querySelector('[name="currencyAddress"]')).toBeNull();
    expect(form.querySelector('[name="pricingAmount"]')).toBeNull();

    await user.click(screen.getByRole("radio", { name: "ERC-20 token" }));
    await user.type(field("currencyAddress"), "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    await user.type(field("currencyDecimals"), "6");
    await user.click(screen.getByRole("button", { name: "Save sale" }));
    await waitFor(() => expect(backend.callsTo("create_sale")).toHaveLength(1));
    expect(backend.callsTo("create_sale")[0]?.args).toMatchObject({
      input: { currencyKind: "erc20", currencyAddress: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", currencyDecimals: "6" },
    });

    await user.click(screen.getByRole("radio", { name: "Native coin" }));
    expect(form.querySelector('[name="currencyAddress"]')).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save sale" }));
    await waitFor(() => expect(backend.callsTo("create_sale")).toHaveLength(2));
    expect(backend.callsTo("create_sale")[1]?.args).toMatchObject({
      input: { currencyKind: "native", currencyAddress: "", currencyDecimals: "" },
    });

    // Switching back brings back what was typed.
    await user.click(screen.getByRole("radio", { name: "ERC-20 token" }));
    expect(field("currencyDecimals")).toHaveValue("6");
  });

  it("fills the native coin's symbol from a well-known chain id, but never over one the user typed", async () => {
    fakeBackend({ list_sales: () => [] });
    const { user } = renderApp("#/sales/new");
    await screen.findByTestId("sale-form");

    await user.type(field("chainId"), "56");
    expect(field("currencySymbol")).toHaveValue("BNB");
    await user.clear(field("chainId"));
    await user.type(field("chainId"), "1");
    expect(field("currencySymbol")).toHaveValue("ETH");
    await user.type(field("chainId"), "2345");
    expect(field("currencySymbol"), "an unknown chain leaves the symbol to the user").toHaveValue("");

    await user.type(field("currencySymbol"), "XYZ");
    await user.clear(field("chainId"));
    await user.type(field("chainId"), "56");
    expect(field("currencySymbol")).toHaveValue("XYZ");
  });

  it("edits a sale: prefilled from the backend's draft, saved with update_sale", async () => {
    const sale = saleFixture({ id: 42, projectName: "Example Protocol" });
    const draft: SaleInput = {
      ...typedInput,
      projectName: "Example Protocol",
      currencyKind: "erc20",
      currencySymbol: "USDC",
      currencyAddress: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
      currencyDecimals: "6",
      pricingKind: "rate",
      pricingAmount: "2000",
      softCap: "500",
      hardCap: "",
      startsAt: "2026-12-01 14:00",
      endsAt: "2026-12-15 14:00:30",
    };
    let current = sale;
    const backend = fakeBackend({
      list_sales: () => [current],
      list_official_addresses: () => [],
      get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
      get_sale: () => current,
      list_participations: () => [],
      get_sale_draft: (args) => {
        expect(args).toEqual({ id: 42 });
        return draft;
      },
      update_sale: (args) => {
        const { input } = args as { id: number; input: SaleInput };
        current = { ...current, projectName: input.projectName };
        return current;
      },
    });
    const { user } = renderApp("#/sales/42");
    await user.click(await screen.findByTestId("edit-sale"));
    await screen.findByTestId("sale-form");

    expect(field("projectName")).toHaveValue("Example Protocol");
    expect(field("currencyAddress")).toHaveValue("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    expect(field("currencyDecimals")).toHaveValue("6");
    expect(field("pricingAmount")).toHaveValue("2000");
    expect(screen.getByRole("radio", { name: "Tokens per unit" })).toBeChecked();
    expect(field("softCap")).toHaveValue("500");
    expect(field("hardCap")).toHaveValue("");
    expect(field("startsAt")).toHaveValue("2026-12-01 14:00");
    expect(field("endsAt")).toHaveValue("2026-12-15 14:00:30");

    await user.clear(field("projectName"));
    await user.type(field("projectName"), "Renamed Protocol");
    await user.click(screen.getByRole("button", { name: "Save sale" }));

    await waitFor(() => expect(backend.callsTo("update_sale")).toHaveLength(1));
    expect(backend.callsTo("update_sale")[0]?.args).toMatchObject({
      id: 42,
      input: { projectName: "Renamed Protocol", currencyKind: "erc20", pricingKind: "rate", softCap: "500", hardCap: "" },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Renamed Protocol" })).toBeInTheDocument();
    expect(within(document.body).getByText("Sale saved")).toBeInTheDocument();
  });
});
