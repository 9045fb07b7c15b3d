//! Guards before any of a sale's actions is signed: what the participation's ledger —
//! the amounts the chain proved — and the contract's own view say about whether the
//! action can do anything at all. A second refund claim or a claim with nothing to
//! claim spends gas for nothing; an action on a closed participation is most likely a
//! mistake.

use alloy_primitives::U256;

use super::{Finding, FindingCode};
use crate::action::ActionPurpose;
use crate::amount::format_amount;
use crate::entry::EntryKind;
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
    findings
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
        })
        .into_iter()
        .map(|finding| finding.code)
        .collect()
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
            });
            assert!(revocation.is_empty(), "{state:?}");
        }
        assert!(codes(Other, S::Contributed, &ledger, None).is_empty());
        assert!(FindingCode::ParticipationClosed.overridable());
    }
}
