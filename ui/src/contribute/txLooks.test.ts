import { describe, expect, it } from "vitest";
import { isPastSignature, progressWords } from "./txLooks";

describe("signing progress in words", () => {
  it("tells a hardware wallet's user where to look at each step", () => {
    expect(progressWords({ state: "connectingDevice" })).toContain("Connecting to your hardware wallet");
    expect(progressWords({ state: "waitingForPin" })).toContain("enter your PIN on its screen");
    expect(progressWords({ state: "waitingForConfirmation" })).toContain("confirm it there");
    // Once a later step came, what happened rather than what to do.
    expect(progressWords({ state: "waitingForPin" }, true)).toBe("Unlocked with its PIN");
    expect(progressWords({ state: "waitingForConfirmation" }, true)).toBe("Confirmed on your hardware wallet");
    expect(progressWords({ state: "reviewing" }, true)).toBe(progressWords({ state: "reviewing" }));
  });

  it("lets a signing be cancelled until the signature, not after", () => {
    expect(isPastSignature({ state: "connectingDevice" })).toBe(false);
    expect(isPastSignature({ state: "waitingForPin" })).toBe(false);
    expect(isPastSignature({ state: "waitingForConfirmation" })).toBe(false);
    expect(isPastSignature({ state: "signed", hash: "0x12" })).toBe(true);
  });
});
