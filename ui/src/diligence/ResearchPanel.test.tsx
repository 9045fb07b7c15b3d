import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ResearchInput, SaleResearch } from "../api";
import { appErrorFixture, saleFixture } from "../test/fixtures";
import { fakeBackend } from "../test/fakeBackend";
import { researchFixture, researchInputFixture } from "../test/researchFixtures";
import { renderApp } from "../test/renderApp";

const sale = saleFixture({ id: 30, projectName: "Example Protocol", tokenSymbol: "EXP" });

function backendWith(initial: SaleResearch, onSave: (input: ResearchInput) => SaleResearch) {
  let current = initial;
  return fakeBackend({
    list_official_addresses: () => [],
    get_contract_terms: () => ({ tokenAddress: "" }), list_sale_actions: () => [],
    get_sale: () => sale,
    list_participations: () => [],
    get_research: () => current,
    set_research: (args) => {
      current = onSave((args as { saleId: number; input: ResearchInput }).input);
      return current;
    },
    record_whitepaper: (args) => {
      const { sha256, fileName, byteCount } = args as { sha256: string; fileName: string; byteCount: number };
      current = {
        ...current,
        whitepapers: [...current.whitepapers, { sha256, fileName, byteCount, recordedAt: "2026-11-28T10:00:00Z" }],
      };
      return current;
    },
  });
}

async function openDiligence() {
  const view = renderApp("#/sales/30");
  await view.user.click(await screen.findByTestId("sale-tab-diligence"));
  await screen.findByTestId("scorecard-form");
  return view;
}

function scoreOf(factor: string, score: string): HTMLElement {
  const row = screen.getByTestId(`factor-${factor}`);
  return within(row).getByLabelText(score === "" ? "–" : score);
}

describe("due diligence on a sale's page", () => {
  it("scores factors, raises a red flag, saves, and shows the grade", async () => {
    const backend = backendWith(researchFixture(), (input) =>
      researchFixture(input, {
        grade: { letter: "B", points: 70, scored: 5, needed: 5, maxScore: 5 },
        updatedAt: "2026-11-28T10:00:00Z",
      }),
    );
    const { user } = await openDiligence();
    expect(screen.getByTestId("research-grade")).toHaveTextContent("Not graded yet: score at least 5 of the nine factors (0 scored).");

    for (const factor of ["whitepaper", "roadmap", "team", "market_potential", "token_economics"]) {
      await user.click(scoreOf(factor, "4"));
    }
    await user.click(screen.getByLabelText("No third-party audit"));
    await user.click(screen.getByRole("button", { name: "Save research" }));

    await waitFor(() => expect(backend.callsTo("set_research")).toHaveLength(1));
    const sent = (backend.callsTo("set_research")[0]?.args as { input: ResearchInput }).input;
    expect(sent.factors.filter((f) => f.score === "4").map((f) => f.factor)).toEqual([
      "whitepaper",
      "roadmap",
      "team",
      "market_potential",
      "token_economics",
    ]);
    expect(sent.redFlags).toEqual(["no_third_party_audit"]);
    expect(await screen.findByTestId("grade-letter")).toHaveTextContent("B");
    expect(screen.getByTestId("grade-points")).toHaveTextContent("70 points of 100");
    expect(screen.getByTestId("raised-flags")).toHaveTextContent("No third-party audit");
  });

  it("keeps unsaved scores when the user looks at the sale's terms and comes back", async () => {
    const backend = backendWith(researchFixture(), (input) => researchFixture(input));
    const { user } = await openDiligence();
    await user.click(scoreOf("team", "2"));
    await user.type(screen.getByRole("textbox", { name: /Excluded countries/ }), "US");
    await user.click(screen.getByTestId("sale-tab-overview"));
    await user.click(screen.getByTestId("sale-tab-diligence"));
    expect(scoreOf("team", "2")).toBeChecked();
    expect(screen.getByRole("textbox", { name: /Excluded countries/ })).toHaveValue("US");
    expect(backend.callsTo("get_research")).toHaveLength(1);
  });

  it("shows a refused link and country at their inputs and keeps what was typed", async () => {
    const backend = backendWith(researchFixture(), () => {
      throw appErrorFixture({
        code: "invalid_url",
        message: "factors.team.evidence.0: enter a web address starting with https:// (or http://)",
        field: "factors.team.evidence.0",
        invalidFields: [
          { field: "factors.team.evidence.0", code: "invalid_url", message: "enter a web address starting with https:// (or http://)" },
          { field: "excludedJurisdictions", code: "unknown_country", message: "not ISO 3166-1 country codes: XX" },
        ],
      });
    });
    const { user } = await openDiligence();
    const team = screen.getByTestId("factor-team");
    await user.click(within(team).getByRole("button", { name: /Notes and evidence/ }));
    await user.click(screen.getByTestId("add-link-team"));
    const link = screen.getByRole("textbox", { name: "Team: link 1" });
    await user.type(link, "aurora.example/team");
    await user.type(screen.getByRole("textbox", { name: /Excluded countries/ }), "US, XX");
    await user.click(screen.getByRole("button", { name: "Save research" }));

    await waitFor(() => expect(backend.callsTo("set_research")).toHaveLength(1));
    expect(await screen.findByText("enter a web address starting with https:// (or http://)")).toBeVisible();
    expect(screen.getByText("not ISO 3166-1 country codes: XX")).toBeVisible();
    expect(link).toHaveAttribute("aria-invalid", "true");
    expect(link).toHaveValue("aurora.example/team");
    expect(screen.getByRole("textbox", { name: /Excluded countries/ })).toHaveValue("US, XX");
    expect(screen.getByTestId("scorecard-alert")).toHaveTextContent("Team: link 1, Excluded countries");
  });

  it("shows an excluded jurisdiction as blocking, and a changed whitepaper", async () => {
    backendWith(
      researchFixture(researchInputFixture({}, { excludedJurisdictions: "US" }), {
        residenceCountry: { code: "US", name: "United States of America" },
        jurisdiction: { kind: "excluded", severity: "block", message: "This sale excludes residents of United States of America, where you live." },
        whitepapers: [
          { sha256: "a".repeat(64), fileName: "v1.pdf", byteCount: 120_000, recordedAt: "2026-11-01T10:00:00Z" },
          { sha256: "b".repeat(64), fileName: "v2.pdf", byteCount: 2_500_000, recordedAt: "2026-11-20T10:00:00Z" },
        ],
        whitepaperChanged: true,
      }),
      () => researchFixture(),
    );
    await openDiligence();
    const finding = screen.getByTestId("research-jurisdiction");
    expect(within(finding).getByTestId("jurisdiction-severity")).toHaveTextContent("Blocks signing");
    expect(finding).toHaveTextContent("excludes residents of United States of America");
    expect(screen.getByTestId("whitepaper-changed")).toBeVisible();
    expect(screen.getAllByTestId("whitepaper-row")).toHaveLength(2);
    expect(screen.getByTestId("whitepapers")).toHaveTextContent("2.4 MB");
  });

  it("shows each link a phishing list catches with its list and entry, and says when none does", async () => {
    backendWith(
      researchFixture(researchInputFixture(), {
        linkHits: [
          {
            code: "scam_domain",
            url: "https://app.moonbirds.tv/announcement",
            domain: "app.moonbirds.tv",
            list: "eth-phishing-detect 1.2.0",
            entry: "moonbirds.tv",
            message: "app.moonbirds.tv is on the list of phishing domains “eth-phishing-detect 1.2.0” (as moonbirds.tv): the sale's records may come from a scam site.",
          },
          {
            code: "look_alike_domain",
            url: "https://aurorasa1e.io/whitepaper.pdf",
            domain: "aurorasa1e.io",
            list: "look-alikes of the sale's own domain",
            entry: "aurorasale.io",
            message: "aurorasa1e.io looks like the sale's own site aurorasale.io without being it: a classic phishing trick.",
          },
        ],
      }),
      () => researchFixture(),
    );
    await openDiligence();
    const alert = screen.getByTestId("link-hits");
    expect(alert).toHaveTextContent("signing is blocked");
    const hits = within(alert).getAllByTestId("link-hit");
    expect(hits.map((hit) => hit.dataset.code)).toEqual(["scam_domain", "look_alike_domain"]);
    expect(hits[0]).toHaveTextContent("https://app.moonbirds.tv/announcement");
    expect(hits[0]).toHaveTextContent("eth-phishing-detect 1.2.0");
    expect(hits[1]).toHaveTextContent("looks like the sale's own site aurorasale.io");
    expect(screen.queryByTestId("link-hits-none")).toBeNull();
  });

  it("says the links were checked when no list catches one", async () => {
    backendWith(researchFixture(), () => researchFixture());
    await openDiligence();
    expect(screen.getByTestId("link-hits-none")).toHaveTextContent("none found");
    expect(screen.queryByTestId("link-hits")).toBeNull();
  });

  it("fingerprints a picked whitepaper file with its SHA-256", async () => {
    const backend = backendWith(researchFixture(), () => researchFixture());
    await openDiligence();
    expect(screen.getByTestId("no-whitepapers")).toBeVisible();
    const input = screen.getByTestId("whitepapers").querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error("no file input");
    fireEvent.change(input, { target: { files: [new File(["abc"], "aurora.pdf", { type: "application/pdf" })] } });

    await waitFor(() => expect(backend.callsTo("record_whitepaper")).toHaveLength(1));
    expect(backend.callsTo("record_whitepaper")[0]?.args).toMatchObject({
      saleId: 30,
      // FIPS 180-2's example: SHA-256("abc").
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      fileName: "aurora.pdf",
      byteCount: 3,
    });
    expect(await screen.findByTestId("whitepaper-row")).toHaveTextContent("aurora.pdf");
  });
});
