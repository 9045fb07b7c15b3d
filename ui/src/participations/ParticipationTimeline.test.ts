import { describe, expect, it } from "vitest";
import { stepFixture } from "../test/fixtures";
import { stepTitle } from "./ParticipationTimeline";

describe("a step's title", () => {
  it("names the start, a move, and a ledger correction that moved nothing", () => {
    expect(stepTitle(stepFixture({ from: null, to: "researching" }))).toBe("Started: Researching");
    expect(stepTitle(stepFixture({ from: "contributed", to: "refunded" }))).toBe("Contributed → Refunded");
    expect(stepTitle(stepFixture({ from: "refunded", to: "refunded" }))).toBe("Ledger corrected (still Refunded)");
  });
});
