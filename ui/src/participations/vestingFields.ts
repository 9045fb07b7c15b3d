import type { TrancheInput, Vesting, VestingInput } from "../api";
import { fieldNamesOf } from "../common/formErrors";

/** The vesting form's inputs, by the name the backend uses in `AppError.field`. */
export type VestingField = keyof VestingInput;
export type VestingKind = "linear" | "tranches";
export type VestingFrequency = "daily" | "monthly" | "quarterly";

/** The label of each input, also used to name invalid fields in the summary at the top. */
export const vestingFieldLabels: Record<VestingField, string> = {
  totalTokens: "Tokens vesting",
  tgeAt: "TGE (UTC)",
  kind: "Kind of plan",
  atTgePercent: "Unlocked at the TGE",
  cliffMonths: "Cliff",
  months: "Vesting period",
  frequency: "Unlocks",
  tranches: "Tranches",
};

export const vestingKinds: ReadonlyArray<{ value: VestingKind; label: string }> = [
  { value: "linear", label: "Linear" },
  { value: "tranches", label: "Tranches" },
];

export const vestingFrequencies: ReadonlyArray<{ value: VestingFrequency; label: string }> = [
  { value: "daily", label: "Daily" },
  { value: "monthly", label: "Monthly" },
  { value: "quarterly", label: "Quarterly" },
];

/** The inputs each kind of plan uses; the others are kept in the form but sent empty. */
const linearOnly: ReadonlyArray<VestingField> = ["atTgePercent", "cliffMonths", "months", "frequency"];
const tranchesOnly: ReadonlyArray<VestingField> = ["tranches"];

export function isHiddenVestingField(field: VestingField, kind: string): boolean {
  return kind === "tranches" ? linearOnly.includes(field) : tranchesOnly.includes(field);
}

export const emptyTranche: TrancheInput = { monthsAfterTge: "", percent: "" };

export const emptyVestingInput: VestingInput = {
  totalTokens: "",
  tgeAt: "",
  kind: "linear",
  atTgePercent: "",
  cliffMonths: "",
  months: "",
  frequency: "monthly",
  tranches: [emptyTranche],
};

/** Whether a backend error's `field` names one of the vesting form's inputs. */
export const isVestingField = fieldNamesOf(emptyVestingInput);

/** What the form starts from: the plan as stored (the backend writes it back as typed), or an empty one. */
export function vestingFormStart(vesting: Vesting | null): VestingInput {
  if (!vesting) return emptyVestingInput;
  const { plan } = vesting;
  return {
    ...plan,
    kind: plan.kind === "tranches" ? "tranches" : "linear",
    frequency: plan.frequency || "monthly",
    tranches: plan.tranches.length > 0 ? plan.tranches : [emptyTranche],
  };
}

function isBlankTranche(tranche: TrancheInput): boolean {
  return tranche.monthsAfterTge.trim() === "" && tranche.percent.trim() === "";
}

/**
 * The input as sent: the other kind's fields empty (they stay in the form, so switching
 * back loses nothing), and tranche rows left entirely blank left out.
 */
export function vestingInputForSubmission(input: VestingInput): VestingInput {
  if (input.kind === "tranches") {
    return {
      ...input,
      atTgePercent: "",
      cliffMonths: "",
      months: "",
      frequency: "",
      tranches: input.tranches.filter((tranche) => !isBlankTranche(tranche)),
    };
  }
  return { ...input, tranches: [] };
}

/** A percentage as typed ("12.5", "12.5%") in hundredths of a percent, or null when it is not one. */
export function hundredthsOfPercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** "12.5" from 1250 hundredths. */
export function percentText(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

/** What the typed tranches add up to, in hundredths of a percent; null while one is not a number yet. */
export function tranchesTotal(tranches: ReadonlyArray<TrancheInput>): number | null {
  let total = 0;
  for (const tranche of tranches) {
    if (isBlankTranche(tranche)) continue;
    const share = hundredthsOfPercent(tranche.percent);
    if (share === null) return null;
    total += share;
  }
  return total;
}

function monthsText(months: string): string {
  const count = Number(months || "0");
  return count === 1 ? "1 month" : `${months || "0"} months`;
}

const frequencyWords: Record<string, string> = { daily: "daily", monthly: "monthly", quarterly: "quarterly" };

/** A stored plan in words: "10% at the TGE, the rest monthly over 12 months after a 3-month cliff". */
export function describePlan(plan: VestingInput): string {
  if (plan.kind === "tranches") {
    return plan.tranches
      .map((tranche) => {
        const when = Number(tranche.monthsAfterTge) === 0 ? "at the TGE" : `after ${monthsText(tranche.monthsAfterTge)}`;
        return `${tranche.percent}% ${when}`;
      })
      .join(", ");
  }
  const atTge = plan.atTgePercent || "0";
  if (hundredthsOfPercent(atTge) === 10_000) return "Everything at the TGE";
  const cliff = Number(plan.cliffMonths || "0") > 0 ? ` after a ${plan.cliffMonths}-month cliff` : "";
  const rest = `${frequencyWords[plan.frequency] ?? plan.frequency} over ${monthsText(plan.months)}${cliff}`;
  if (hundredthsOfPercent(atTge) === 0) return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  return `${atTge}% at the TGE, the rest ${rest}`;
}

export const vestingFormErrorWhenUnexpected =
  "The plan was not saved. Try again; if it keeps failing, the log file (see Settings) has the details.";
