//! Guards before any of a sale's actions is signed: what the participation's ledger —
//! the amounts the chain proved — and the contract's own view say about whether the
//! action can do anything at all. A second refund claim or a claim with nothing to
//! claim spends gas for nothing; an action on a closed participation is most likely a
//! mistake.

use alloy_primitives::{Address, U256};

use super::{Finding, FindingCode};
use crate::action::ActionPurpose;
use crate::address::checksummed;
use crate::amount::format_amount;
use crate::entry::EntryKind;
use crate::official::{AddressPurpose, OfficialAddress};
use crate::participation::ParticipationState;

/// One line of the participation's ledger, oldest first, as the guards read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerFact {
    pub kind: EntryKind,
    /// Read from the chain (a receipt, a log), not typed by hand.
    pub from_chain: bool,
    /// Base units of the sale's currency (contributions, refunds) or token.
    pub amount: U256,
    /// The transaction that proves it (its hash), when one does.
    pub reference: String,
}

/// What the guards look at.
#[derive(Debug, Clone, Copy)]
pub struct GuardInput<'a> {
    pub purpose: ActionPurpose,
    pub state: ParticipationState,
    /// The action takes back an allowance: always possible, whatever the state.
    pub revokes: bool,
    pub ledger: &'a [LedgerFact],
    /// The sale's currency: its symbol and decimals.
    pub currency: (&'a str, u8),
    /// What the contract's view (e.g. `releasable(address)`) says the account can claim
    /// now, when the action names one.
    pub claimable: Option<U256>,
    /// The contract the action calls, on chain `chain_id`.
    pub contract: Address,
    pub chain_id: u64,
    /// The addresses the sale's project published, of every purpose and chain.
    pub official: &'a [OfficialAddress],
}

/// The guards' findings for `input`.
pub fn action_guards(input: &GuardInput<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if input.state.is_final() && !input.revokes {
        let state = input.state.as_str().replace('_', " ");
        findings.push(Finding {
            code: FindingCode::ParticipationClosed,
            message: format!(
                "This participation is {state}, which closes it: an action on it most likely does nothing but spend the network fee."
            ),
            details: vec![("state", state)],
        });
    }
    match input.purpose {
        ActionPurpose::ClaimRefund => refund_guards(input, &mut findings),
        ActionPurpose::ClaimTokens | ActionPurpose::ClaimVested
            if input.claimable.is_some_and(|amount| amount.is_zero()) =>
        {
            findings.push(Finding {
                code: FindingCode::NothingClaimable,
                message: "The contract says this account has nothing to claim now: the claim would only spend the network fee.".to_owned(),
                details: vec![("claimable", "0".to_owned())],
            });
        }
        _ => {}
    }
    findings.extend(contract_guard(input));
    findings
}

/// The kind of official address an action's contract must be, for the actions that
/// call a contract of their own purpose: a claim the claim contract, a vested claim
/// the vesting contract, a refund claim the refund contract.
fn published_as(purpose: ActionPurpose) -> Option<AddressPurpose> {
    match purpose {
        ActionPurpose::ClaimTokens => Some(AddressPurpose::Claim),
        ActionPurpose::ClaimVested => Some(AddressPurpose::Vesting),
        ActionPurpose::ClaimRefund => Some(AddressPurpose::Refund),
        _ => None,
    }
}

/// A claim, vested claim or refund claim calling another contract than the one the
/// project published for that purpose on this chain (when it published one), or one
/// the user retired.
fn contract_guard(input: &GuardInput<'_>) -> Option<Finding> {
    let purpose = published_as(input.purpose)?;
    let of_purpose: Vec<&OfficialAddress> = input
        .official
        .iter()
        .filter(|official| official.purpose == purpose && official.chain_id == input.chain_id)
        .collect();
    let contract = checksummed(&input.contract);
    let word = purpose.as_str().replace('_', " ");
    let retired = of_purpose
        .iter()
        .any(|official| official.retired && official.address == input.contract);
    let live: Vec<String> = of_purpose
        .iter()
        .filter(|official| !official.retired)
        .map(|official| checksummed(&official.address))
        .collect();
    if retired {
        return Some(Finding {
            code: FindingCode::ActionContractNotOfficial,
            message: format!(
                "This action calls {contract}, a {word} address you retired as no longer trusted: check the sale's actions before signing."
            ),
            details: vec![("contract", contract), ("purpose", word)],
        });
    }
    if live.is_empty() || live.contains(&contract) {
        return None;
    }
    Some(Finding {
        code: FindingCode::ActionContractNotOfficial,
        message: format!(
            "This action calls {contract}, but the {word} address the project published on this chain is {}: an action pointed at another contract is how claims are stolen. Check where the action's contract was published.",
            live.join(" or ")
        ),
        details: vec![
            ("contract", contract),
            ("purpose", word),
            ("published", live.join(", ")),
        ],
    })
}

fn refund_guards(input: &GuardInput<'_>, findings: &mut Vec<Finding>) {
    let (symbol, decimals) = input.currency;
    let show = |amount: U256| format!("{} {symbol}", format_amount(amount, decimals));
    let on_chain = |kind: EntryKind| {
        input
            .ledger
            .iter()
            .filter(move |fact| fact.kind == kind && fact.from_chain)
    };
    let sum = |kind: EntryKind| {
        on_chain(kind).fold(U256::ZERO, |total, fact| total.saturating_add(fact.amount))
    };
    let (contributed, refunded) = (sum(EntryKind::Contribution), sum(EntryKind::Refund));
    let by_hand = input
        .ledger
        .iter()
        .any(|fact| fact.kind == EntryKind::Contribution && !fact.from_chain);
    if contributed.is_zero() && !by_hand {
        findings.push(Finding {
            code: FindingCode::NothingToRefund,
            message: "No contribution is recorded for this participation, so there is nothing to refund. If you contributed outside Saleguard, record that payment first.".to_owned(),
            details: Vec::new(),
        });
        return;
    }
    if !contributed.is_zero() && refunded >= contributed && !by_hand {
        findings.push(Finding {
            code: FindingCode::NothingToRefund,
            message: format!(
                "Everything contributed on chain ({}) was refunded already ({}): a second claim would only spend the network fee.",
                show(contributed),
                show(refunded)
            ),
            details: vec![
                ("contributed", show(contributed)),
                ("refunded", show(refunded)),
            ],
        });
        return;
    }
    let last_contribution = input
        .ledger
        .iter()
        .rposition(|fact| fact.kind == EntryKind::Contribution && fact.from_chain);
    let since = last_contribution.map_or(0, |at| at + 1);
    if let Some(refund) = input.ledger[since..]
        .iter()
        .find(|fact| fact.kind == EntryKind::Refund && fact.from_chain)
    {
        findings.push(Finding {
            code: FindingCode::RefundAlreadyPaid,
            message: format!(
                "A refund of {} was paid since the last contribution (transaction {}): claim again only if the sale pays refunds in parts.",
                show(refund.amount),
                refund.reference
            ),
            details: vec![
                ("refunded", show(refund.amount)),
                ("transaction", refund.reference.clone()),
            ],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(kind: EntryKind, from_chain: bool, amount: u64) -> LedgerFact {
        LedgerFact {
            kind,
            from_chain,
            amount: U256::from(amount),
            reference: format!("0x{amount}"),
        }
    }

    fn codes(
        purpose: ActionPurpose,
        state: ParticipationState,
        ledger: &[LedgerFact],
        claimable: Option<u64>,
    ) -> Vec<FindingCode> {
        action_guards(&GuardInput {
            purpose,
            state,
            revokes: false,
            ledger,
            currency: ("ETH", 18),
            claimable: claimable.map(U256::from),
            contract: Address::repeat_byte(0xc1),
            chain_id: 1,
            official: &[],
        })
        .into_iter()
        .map(|finding| finding.code)
        .collect()
    }

    #[test]
    fn a_claim_must_call_the_contract_the_project_published_for_it() {
        use crate::official::SourceKind;
        let called = Address::repeat_byte(0xc1);
        let other = Address::repeat_byte(0xc2);
        let official = |address: Address, purpose: AddressPurpose, chain_id: u64, retired: bool| {
            OfficialAddress {
                address,
                purpose,
                chain_id,
                retired,
                sources: vec![SourceKind::Website],
            }
        };
        let guard = |purpose: ActionPurpose, published: &[OfficialAddress]| {
            let ledger = [fact(Contribution, true, 100)];
            action_guards(&GuardInput {
                purpose,
                state: S::TokensDistributed,
                revokes: false,
                ledger: &ledger,
                currency: ("ETH", 18),
                claimable: None,
                contract: called,
                chain_id: 1,
                official: published,
            })
            .into_iter()
            .filter(|finding| finding.code == FindingCode::ActionContractNotOfficial)
            .collect::<Vec<_>>()
        };
        let claim = AddressPurpose::Claim;
        // (what, purpose, published, blocked)
        let cases: [(&str, ActionPurpose, Vec<OfficialAddress>, bool); 9] = [
            ("nothing published for it", ClaimTokens, vec![], false),
            (
                "the published claim contract",
                ClaimTokens,
                vec![official(called, claim, 1, false)],
                false,
            ),
            (
                "another claim contract",
                ClaimTokens,
                vec![official(other, claim, 1, false)],
                true,
            ),
            (
                "one of two published",
                ClaimTokens,
                vec![
                    official(other, claim, 1, false),
                    official(called, claim, 1, false),
                ],
                false,
            ),
            (
                "published on another chain only",
                ClaimTokens,
                vec![official(other, claim, 56, false)],
                false,
            ),
            (
                "published for another purpose",
                ClaimTokens,
                vec![official(other, AddressPurpose::Vesting, 1, false)],
                false,
            ),
            (
                "a retired claim contract",
                ClaimTokens,
                vec![official(called, claim, 1, true)],
                true,
            ),
            (
                "a vested claim against the vesting contract",
                ClaimVested,
                vec![official(other, AddressPurpose::Vesting, 1, false)],
                true,
            ),
            (
                "an action of no such purpose",
                Other,
                vec![official(other, claim, 1, false)],
                false,
            ),
        ];
        for (what, purpose, published, blocked) in cases {
            let found = guard(purpose, &published);
            assert_eq!(!found.is_empty(), blocked, "{what}: {found:?}");
            if let Some(finding) = found.first() {
                assert!(finding.message.contains(&checksummed(&called)), "{what}");
                assert!(FindingCode::ActionContractNotOfficial.overridable());
            }
        }
        let refund = guard(
            ClaimRefund,
            &[official(other, AddressPurpose::Refund, 1, false)],
        );
        assert!(
            refund[0].message.contains(&checksummed(&other)),
            "names the published one"
        );
    }

    use ActionPurpose::*;
    use EntryKind::{Contribution, Distribution, Refund};
    use ParticipationState as S;

    #[test]
    fn a_refund_claim_is_blocked_when_nothing_contributed_on_chain_is_unrefunded() {
        let none: [LedgerFact; 0] = [];
        assert_eq!(
            codes(ClaimRefund, S::RefundDue, &none, None),
            [FindingCode::NothingToRefund]
        );
        let paid_back = [fact(Contribution, true, 100), fact(Refund, true, 100)];
        assert_eq!(
            codes(ClaimRefund, S::RefundDue, &paid_back, None),
            [FindingCode::NothingToRefund]
        );
        let fee_kept = [fact(Contribution, true, 100), fact(Refund, true, 95)];
        assert_eq!(
            codes(ClaimRefund, S::RefundDue, &fee_kept, None),
            [FindingCode::RefundAlreadyPaid],
            "a refund with a fee kept is still a refund paid"
        );
        assert!(FindingCode::RefundAlreadyPaid.overridable());
        assert!(!FindingCode::NothingToRefund.overridable());
        let contributed_again = [
            fact(Contribution, true, 100),
            fact(Refund, true, 50),
            fact(Contribution, true, 100),
        ];
        assert!(codes(ClaimRefund, S::RefundDue, &contributed_again, None).is_empty());
        let unrefunded = [fact(Contribution, true, 100)];
        assert!(codes(ClaimRefund, S::RefundDue, &unrefunded, None).is_empty());
        let by_hand = [fact(Contribution, false, 100), fact(Refund, true, 100)];
        assert_eq!(
            codes(ClaimRefund, S::RefundDue, &by_hand, None),
            [FindingCode::RefundAlreadyPaid],
            "a contribution recorded by hand may be on chain: the chain could prove the user right"
        );
    }

    #[test]
    fn a_claim_the_contract_says_is_empty_is_blocked() {
        let ledger = [fact(Contribution, true, 100), fact(Distribution, true, 5)];
        assert_eq!(
            codes(ClaimVested, S::Vesting, &ledger, Some(0)),
            [FindingCode::NothingClaimable]
        );
        assert_eq!(
            codes(ClaimTokens, S::Succeeded, &ledger, Some(0)),
            [FindingCode::NothingClaimable]
        );
        assert!(codes(ClaimVested, S::Vesting, &ledger, Some(1)).is_empty());
        assert!(
            codes(ClaimVested, S::Vesting, &ledger, None).is_empty(),
            "no view named: nothing said"
        );
    }

    #[test]
    fn any_action_on_a_closed_participation_is_blocked_but_a_revocation() {
        let ledger = [fact(Contribution, true, 100)];
        for state in ParticipationState::ALL.into_iter().filter(|s| s.is_final()) {
            assert!(
                codes(Other, state, &ledger, None).contains(&FindingCode::ParticipationClosed),
                "{state:?}"
            );
            let revocation = action_guards(&GuardInput {
                purpose: ApprovePayment,
                state,
                revokes: true,
                ledger: &ledger,
                currency: ("ETH", 18),
                claimable: None,
                contract: Address::repeat_byte(0xc1),
                chain_id: 1,
                official: &[],
            });
            assert!(revocation.is_empty(), "{state:?}");
        }
        assert!(codes(Other, S::Contributed, &ledger, None).is_empty());
        assert!(FindingCode::ParticipationClosed.overridable());
    }
}
