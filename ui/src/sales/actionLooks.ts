import type { ActionPurpose } from "../api";

/** Every purpose, in the order a sale goes through them. */
export const actionPurposes: ReadonlyArray<ActionPurpose> = [
  "contribute",
  "approve_payment",
  "claim_refund",
  "claim_tokens",
  "claim_vested",
  "other",
];

/** A sale has at most one action of each purpose but "other". */
export function isUniquePurpose(purpose: ActionPurpose): boolean {
  return purpose !== "other";
}

type ActionPurposeLooks = {
  label: string;
  meaning: string;
  examples: { name: string; signature: string; arguments: string };
};

/** How each purpose is named and explained, with what its form suggests. */
export const actionPurposeLooks: Record<ActionPurpose, ActionPurposeLooks> = {
  contribute: {
    label: "Contribute",
    meaning: "Pays into the sale. Without this action a contribution is a plain transfer to the sale's address.",
    examples: { name: "Contribute", signature: "contribute() or buyTokens(address beneficiary)", arguments: "{account}" },
  },
  approve_payment: {
    label: "Approve payment",
    meaning:
      "Lets a sale paid in a token take exactly your contribution from your account (ERC-20 approve on the token). Without this action Saleguard approves the contract that takes the contribution.",
    examples: { name: "Approve payment", signature: "approve(address spender, uint256 amount)", arguments: "0x… (the sale's contract)\n{amount}" },
  },
  claim_refund: {
    label: "Claim refund",
    meaning: "Asks the sale for your contribution back after it missed its soft cap.",
    examples: { name: "Claim refund", signature: "claimRefund()", arguments: "" },
  },
  claim_tokens: {
    label: "Claim tokens",
    meaning: "Takes the tokens a sale keeps until you withdraw them, once it has ended.",
    examples: { name: "Withdraw tokens", signature: "withdrawTokens(address beneficiary) or claim()", arguments: "{account}" },
  },
  claim_vested: {
    label: "Claim vested tokens",
    meaning: "Takes the tokens a vesting or release contract has unlocked (often another contract than the sale's).",
    examples: { name: "Release vested", signature: "release(address beneficiary)", arguments: "{account}" },
  },
  other: {
    label: "Another call",
    meaning: "A call you name, such as a finalize() anyone may call, or a claim with a proof from the project's site.",
    examples: {
      name: "Claim from the distributor",
      signature: "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
      arguments: "7\n{account}\n{token_amount}\n[0x…, 0x…]",
    },
  },
};
