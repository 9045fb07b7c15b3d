import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Settings } from "../api";
import { appErrorFixture } from "../test/fixtures";
import { renderApp } from "../test/renderApp";
import { settingsBackend } from "../test/settingsFixtures";

const countries = [
  { code: "FR", name: "France" },
  { code: "DE", name: "Germany" },
  { code: "US", name: "United States of America" },
];

function backendWith(initial: Settings, refuse = false) {
  let current = initial;
  return settingsBackend({
    get_settings: () => current,
    list_countries: () => countries,
    set_residence_country: (args) => {
      const { code } = args as { code: string };
      if (refuse) {
        throw appErrorFixture({ code: "storage_failed", message: "the database could not be written: disk full" });
      }
      current = { residenceCountry: countries.find((country) => country.code === code) ?? null };
      return current;
    },
  });
}

async function countryInput(): Promise<HTMLInputElement> {
  const labelled = await screen.findAllByLabelText("Country of residence");
  const input = labelled.find((element): element is HTMLInputElement => element instanceof HTMLInputElement);
  if (!input) throw new Error("no country input");
  return input;
}

describe("the country of residence in Settings", () => {
  it("is chosen by typing its name and saved at once", async () => {
    const backend = backendWith({ residenceCountry: null });
    const { user } = renderApp("#/settings");
    const select = await countryInput();
    expect(select).toHaveValue("");
    await user.click(select);
    await user.type(select, "Germ");
    await user.click(await screen.findByRole("option", { name: "Germany (DE)" }));

    await waitFor(() => expect(backend.callsTo("set_residence_country")).toHaveLength(1));
    expect(backend.callsTo("set_residence_country")[0]?.args).toEqual({ code: "DE" });
    await waitFor(() => expect(select).toHaveValue("Germany (DE)"));
  });

  it("shows a refusal at the input and keeps the country that was saved", async () => {
    backendWith({ residenceCountry: { code: "FR", name: "France" } }, true);
    const { user } = renderApp("#/settings");
    const select = await countryInput();
    await waitFor(() => expect(select).toHaveValue("France (FR)"));
    await user.click(select);
    await user.clear(select);
    await user.type(select, "United");
    await user.click(await screen.findByRole("option", { name: "United States of America (US)" }));

    expect(await screen.findByText("the database could not be written: disk full")).toBeVisible();
    await user.click(document.body);
    await waitFor(() => expect(select).toHaveValue("France (FR)"));
  });
});
