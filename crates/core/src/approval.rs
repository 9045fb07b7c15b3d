//! Approvals of a sale's payment token: a sale paid in an ERC-20 token that pulls the
//! payment with `transferFrom` may take only what its spender was allowed. Saleguard
//! approves **exactly** the contribution: `approve(spender, amount)` sets the allowance
//! to that amount, nothing more. An unlimited or larger approval is a blocking finding
//! the user may override with a reason; a smaller one can never pay the contribution.

use alloy_primitives::{Address, Bytes, U256};
use alloy_sol_types::{SolCall, sol};

use crate::address::checksummed;
use crate::amount::format_amount;
use crate::review::{Finding, FindingCode, finding};

sol! {
    /// ERC-20, as much of it as an approval needs.
    function approve(address spender, uint256 amount) returns (bool);
    function allowance(address owner, address spender) returns (uint256);
}

/// The call reading what `spender` may take from `owner` on a token.
pub fn allowance_call(owner: Address, spender: Address) -> Bytes {
    Bytes::from(allowanceCall { owner, spender }.abi_encode())
}

/// The ERC-20 `approve(spender, amount)` calldata.
pub fn approve_call(spender: Address, amount: U256) -> Bytes {
    Bytes::from(approveCall { spender, amount }.abi_encode())
}

/// The spender and amount `input` approves, or none when it is not an ERC-20
/// `approve` call.
pub fn approval_in(input: &[u8]) -> Option<(Address, U256)> {
    approveCall::abi_decode(input)
        .ok()
        .map(|call| (call.spender, call.amount))
}

/// Whether an approval is, for all purposes, unlimited: 2²⁵⁵ base units or more (the
/// usual `type(uint256).max` among them), which no sale needs.
pub fn is_unlimited(amount: U256) -> bool {
    amount >= U256::from(1) << 255
}

/// What an approval is reviewed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApprovalFacts {
    pub spender: Address,
    /// What the approval sets the allowance to.
    pub approved: U256,
    /// The contribution it is for.
    pub contribution: U256,
    /// What the spender may take now, read from the token.
    pub current: U256,
}

/// The review of an approval: what the spender may take now (info), and a block when
/// the amount approved is not exactly the contribution — unlimited, larger (both
/// overridable with a reason), or smaller (never: the sale could not take the payment).
/// `currency` is the token's symbol and decimals.
pub fn approval_findings(facts: &ApprovalFacts, currency: (&str, u8)) -> Vec<Finding> {
    let show = |amount: U256| format!("{} {}", format_amount(amount, currency.1), currency.0);
    let spender = checksummed(&facts.spender);
    let approved_words = if is_unlimited(facts.approved) {
        "any amount".to_owned()
    } else {
        show(facts.approved)
    };
    let mut out = vec![finding(
        FindingCode::CurrentAllowance,
        format!(
            "{spender} may take {} of this account's {} now; this approval sets that to {approved_words}.",
            if is_unlimited(facts.current) {
                "any amount".to_owned()
            } else {
                show(facts.current)
            },
            currency.0,
        ),
        vec![
            ("spender", spender.clone()),
            ("current_allowance", facts.current.to_string()),
            ("approved", facts.approved.to_string()),
        ],
    )];
    let details = || {
        vec![
            ("approved", facts.approved.to_string()),
            ("contribution", facts.contribution.to_string()),
        ]
    };
    if is_unlimited(facts.approved) {
        out.push(finding(
            FindingCode::ApprovalUnlimited,
            format!(
                "This approval lets {spender} take any amount of your {} for as long as it stands: approve exactly the contribution, {}.",
                currency.0,
                show(facts.contribution)
            ),
            details(),
        ));
    } else if facts.approved > facts.contribution {
        out.push(finding(
            FindingCode::ApprovalAboveContribution,
            format!(
                "This approval lets {spender} take {}, more than the contribution of {}: the rest stays allowed after it.",
                show(facts.approved),
                show(facts.contribution)
            ),
            details(),
        ));
    } else if facts.approved < facts.contribution {
        out.push(finding(
            FindingCode::ApprovalBelowContribution,
            format!(
                "This approval lets {spender} take {} but the contribution is {}: the sale could not take it.",
                show(facts.approved),
                show(facts.contribution)
            ),
            details(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Severity;

    const SPENDER: Address = Address::repeat_byte(0x5a);
    const USDC: (&str, u8) = ("USDC", 6);

    fn facts(approved: U256, contribution: u64, current: u64) -> ApprovalFacts {
        ApprovalFacts {
            spender: SPENDER,
            approved,
            contribution: U256::from(contribution),
            current: U256::from(current),
        }
    }

    fn codes(facts: &ApprovalFacts) -> Vec<FindingCode> {
        approval_findings(facts, USDC)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn an_exact_approval_only_says_what_is_allowed_now_and_after() {
        let exact = facts(U256::from(100_000_000u64), 100_000_000, 0);
        let findings = approval_findings(&exact, USDC);
        assert_eq!(codes(&exact), [FindingCode::CurrentAllowance]);
        assert_eq!(findings[0].code.severity(), Severity::Info);
        assert!(
            findings[0].message.contains(
                "may take 0 USDC of this account's USDC now; this approval sets that to 100 USDC"
            ),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn an_unlimited_approval_blocks_and_may_be_overridden() {
        for unlimited in [U256::MAX, U256::from(1) << 255] {
            let found = facts(unlimited, 100, 0);
            assert_eq!(
                codes(&found),
                [
                    FindingCode::CurrentAllowance,
                    FindingCode::ApprovalUnlimited
                ]
            );
        }
        assert_eq!(FindingCode::ApprovalUnlimited.severity(), Severity::Block);
        assert!(FindingCode::ApprovalUnlimited.overridable());
        let almost = facts((U256::from(1) << 255) - U256::from(1), 100, 0);
        assert_eq!(
            codes(&almost),
            [
                FindingCode::CurrentAllowance,
                FindingCode::ApprovalAboveContribution
            ],
            "just below 2^255 is a large approval, not an unlimited one"
        );
    }

    #[test]
    fn an_approval_off_the_contribution_by_one_unit_blocks() {
        assert_eq!(
            codes(&facts(U256::from(101), 100, 0))[1],
            FindingCode::ApprovalAboveContribution
        );
        assert!(FindingCode::ApprovalAboveContribution.overridable());
        assert_eq!(
            codes(&facts(U256::from(99), 100, 0))[1],
            FindingCode::ApprovalBelowContribution
        );
        assert!(
            !FindingCode::ApprovalBelowContribution.overridable(),
            "the chain would refuse the contribution: no reason makes that right"
        );
    }

    #[test]
    fn a_revocation_approves_nothing_for_nothing() {
        let revoke = facts(U256::ZERO, 0, 5_000_000);
        let findings = approval_findings(&revoke, USDC);
        assert_eq!(codes(&revoke), [FindingCode::CurrentAllowance]);
        assert!(findings[0].message.contains("may take 5 USDC"));
        assert!(findings[0].message.contains("sets that to 0 USDC"));
    }

    #[test]
    fn approve_calldata_round_trips_and_other_calls_are_not_approvals() {
        let input = approve_call(SPENDER, U256::from(42));
        assert_eq!(&input[..4], &[0x09, 0x5e, 0xa7, 0xb3], "approve's selector");
        assert_eq!(approval_in(&input), Some((SPENDER, U256::from(42))));
        assert_eq!(approval_in(&allowance_call(SPENDER, SPENDER)), None);
        assert_eq!(approval_in(&[]), None);
        assert_eq!(
            &allowance_call(SPENDER, SPENDER)[..4],
            &[0xdd, 0x62, 0xed, 0x3e],
            "allowance's selector"
        );
    }
}
