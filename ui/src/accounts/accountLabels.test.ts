import { describe, expect, it } from "vitest";
import { suggestAccountLabel } from "./accountLabels";

describe("the label suggested for a new account", () => {
  it("counts on from the accounts there are", () => {
    expect(suggestAccountLabel([])).toBe("Account 1");
    expect(suggestAccountLabel([{ label: "Savings" }, { label: "Trading" }])).toBe("Account 3");
  });

  it("never suggests a label that is taken", () => {
    expect(suggestAccountLabel([{ label: "Account 2" }])).toBe("Account 3");
    expect(suggestAccountLabel([{ label: "Account 2" }, { label: "Account 3" }, { label: "x" }])).toBe("Account 4");
  });
});
