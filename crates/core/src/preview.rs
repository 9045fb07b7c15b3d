//! What a call would move, before it is signed: the node simulates the exact transaction
//! (`debug_traceCall` with the call tracer and its logs) and its effects are read as a
//! receipt's would be ([`Effects`]); an effect the action's purpose does not explain —
//! a contribution that takes more than itself or another token, an approval to another
//! spender than the sale's, a claim that sends tokens out — blocks the review.

use alloy_primitives::{Address, U256};

use crate::amount::format_amount;
use crate::receipt::Effects;
use crate::review::{Finding, FindingCode};
use crate::transaction::TxPurpose;

/// What the action is expected to move, from what was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected<'a> {
    pub purpose: TxPurpose,
    /// The contribution, in base units of the sale's currency (zero for other actions).
    pub amount: U256,
    /// For a sale paid in a token: the token.
    pub payment_token: Option<Address>,
    /// The contract that takes the payment with `transferFrom`, when one does (a sale
    /// paid by an ERC-20 transfer has none).
    pub payment_spender: Option<Address>,
    /// For an approval: the token, the spender and the amount its calldata approves.
    pub approval: Option<(Address, Address, U256)>,
    /// The sale's token, when known: a refund may take it back.
    pub sale_token: Option<Address>,
    /// Tokens the user knows by name (the payment token, the sale's): address, symbol,
    /// decimals.
    pub known: &'a [(Address, &'a str, u8)],
}

/// `amount` of `token` as people read it: by its symbol when known.
fn words(amount: U256, token: Address, known: &[(Address, &str, u8)]) -> String {
    if amount >= U256::from(1u8) << 255 {
        return format!("any amount of the token at {}", short(&token));
    }
    match known.iter().find(|(address, ..)| *address == token) {
        Some((_, symbol, decimals)) => format!("{} {symbol}", format_amount(amount, *decimals)),
        None => format!("{amount} base units of the token at {}", short(&token)),
    }
}

fn unexpected(message: String, details: Vec<(&'static str, String)>) -> Finding {
    Finding {
        code: FindingCode::UnexpectedEffect,
        message,
        details,
    }
}

fn short(address: &Address) -> String {
    crate::address::checksummed(address)
}

/// The findings on what a simulation says the transaction would do.
pub fn preview_findings(effects: &Effects, expected: &Expected<'_>) -> Vec<Finding> {
    let show = |amount: U256, token: Address| words(amount, token, expected.known);
    let mut findings = Vec::new();
    let (payment_token, payment_spender) = (expected.payment_token, expected.payment_spender);
    // Tokens leaving the account, by token.
    let mut out: Vec<(Address, U256)> = Vec::new();
    for transfer in &effects.sent {
        match out.iter_mut().find(|(token, _)| *token == transfer.token) {
            Some((_, total)) => *total = total.saturating_add(transfer.amount),
            None => out.push((transfer.token, transfer.amount)),
        }
    }
    for (token, total) in out {
        let allowed = match expected.purpose {
            TxPurpose::Contribution => {
                if Some(token) == payment_token {
                    Some(expected.amount)
                } else {
                    None
                }
            }
            TxPurpose::Refund if Some(token) == expected.sale_token => Some(total),
            TxPurpose::Call => Some(total),
            _ => None,
        };
        match allowed {
            Some(limit) if total <= limit => {}
            Some(limit) => findings.push(unexpected(
                format!(
                    "The simulation shows {} leaving your account, more than the {} this {} is for: something takes more than you reviewed.",
                    show(total, token),
                    show(limit, token),
                    expected.purpose.words()
                ),
                vec![("token", short(&token)), ("leaving", total.to_string()), ("expected", limit.to_string())],
            )),
            None => findings.push(unexpected(
                format!(
                    "The simulation shows {} leaving your account, which a {} does not explain.",
                    show(total, token),
                    expected.purpose.words()
                ),
                vec![("token", short(&token)), ("leaving", total.to_string())],
            )),
        }
    }
    for approval in &effects.approvals {
        let fine = match (expected.purpose, expected.approval) {
            (TxPurpose::Approval, Some((token, spender, amount))) => {
                approval.token == token && approval.spender == spender && approval.amount == amount
            }
            // Taking back an allowance, or what is left of one after a payment was taken.
            _ if approval.amount.is_zero() => true,
            (TxPurpose::Contribution, _) => Some(approval.spender) == payment_spender,
            (TxPurpose::Call, _) => true,
            _ => false,
        };
        if !fine {
            findings.push(unexpected(
                format!(
                    "The simulation shows your account allowing {} to take {}, which this {} does not explain.",
                    short(&approval.spender),
                    show(approval.amount, approval.token),
                    expected.purpose.words()
                ),
                vec![
                    ("spender", short(&approval.spender)),
                    ("token", short(&approval.token)),
                    ("amount", approval.amount.to_string()),
                ],
            ));
        }
    }
    findings
}

/// The review's word that no simulation was possible: once, as information.
pub fn preview_unavailable(reason: &str) -> Finding {
    Finding {
        code: FindingCode::PreviewUnavailable,
        message: format!(
            "Your node could not simulate this transaction ({reason}), so what it would move is not shown: the review goes on without it."
        ),
        details: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::receipt::{CoinsReturned, TokenApproval, TokenTransfer};
    use alloy_primitives::address;

    const ME: Address = address!("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    const SALE: Address = address!("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    const USDC: Address = address!("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
    const AUR: Address = address!("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    const THIEF: Address = address!("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    fn out(token: Address, to: Address, amount: u64) -> TokenTransfer {
        TokenTransfer {
            token,
            from: ME,
            to,
            amount: U256::from(amount),
            log_index: 0,
        }
    }

    fn allowance(token: Address, spender: Address, amount: u64) -> TokenApproval {
        TokenApproval {
            token,
            owner: ME,
            spender,
            amount: U256::from(amount),
            log_index: 1,
        }
    }

    fn effects(sent: Vec<TokenTransfer>, approvals: Vec<TokenApproval>) -> Effects {
        Effects {
            sent,
            received: Vec::new(),
            approvals,
            coins_returned: CoinsReturned::Measured(U256::ZERO),
        }
    }

    fn contribution(amount: u64) -> Expected<'static> {
        Expected {
            purpose: TxPurpose::Contribution,
            amount: U256::from(amount),
            payment_token: Some(USDC),
            payment_spender: Some(SALE),
            approval: None,
            sale_token: Some(AUR),
            known: &[(USDC, "USDC", 6)],
        }
    }

    fn codes(findings: &[Finding]) -> Vec<FindingCode> {
        findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_contribution_may_take_its_amount_of_the_payment_token_and_nothing_more() {
        assert!(
            preview_findings(
                &effects(vec![out(USDC, SALE, 500)], vec![]),
                &contribution(500)
            )
            .is_empty()
        );
        let greedy = preview_findings(
            &effects(vec![out(USDC, SALE, 500), out(USDC, SALE, 500)], vec![]),
            &contribution(500),
        );
        assert_eq!(codes(&greedy), [FindingCode::UnexpectedEffect]);
        assert!(
            greedy[0].message.contains("0.001 USDC leaving"),
            "{}",
            greedy[0].message
        );
        let other_token = preview_findings(
            &effects(vec![out(AUR, THIEF, 1)], vec![]),
            &contribution(500),
        );
        assert_eq!(codes(&other_token), [FindingCode::UnexpectedEffect]);
        // OpenZeppelin 4 records what is left of the sale's allowance: that is fine.
        assert!(
            preview_findings(
                &effects(vec![out(USDC, SALE, 500)], vec![allowance(USDC, SALE, 100)]),
                &contribution(500)
            )
            .is_empty()
        );
        let new_allowance = preview_findings(
            &effects(vec![], vec![allowance(USDC, THIEF, 100)]),
            &contribution(500),
        );
        assert_eq!(codes(&new_allowance), [FindingCode::UnexpectedEffect]);
        assert!(!FindingCode::UnexpectedEffect.overridable());
        // A sale paid by an ERC-20 transfer: no spender, the payment leaves all the same.
        let by_transfer = Expected {
            payment_spender: None,
            ..contribution(500)
        };
        assert!(
            preview_findings(&effects(vec![out(USDC, SALE, 500)], vec![]), &by_transfer).is_empty()
        );
    }

    #[test]
    fn an_approval_must_be_exactly_the_one_reviewed() {
        let expected = Expected {
            purpose: TxPurpose::Approval,
            amount: U256::from(500),
            payment_token: Some(USDC),
            payment_spender: Some(SALE),
            approval: Some((USDC, SALE, U256::from(500))),
            sale_token: None,
            known: &[],
        };
        assert!(
            preview_findings(
                &effects(vec![], vec![allowance(USDC, SALE, 500)]),
                &expected
            )
            .is_empty()
        );
        assert_eq!(
            codes(&preview_findings(
                &effects(vec![], vec![allowance(USDC, THIEF, 500)]),
                &expected
            )),
            [FindingCode::UnexpectedEffect]
        );
        assert_eq!(
            codes(&preview_findings(
                &effects(vec![out(USDC, THIEF, 1)], vec![allowance(USDC, SALE, 500)]),
                &expected
            )),
            [FindingCode::UnexpectedEffect]
        );
    }

    #[test]
    fn claims_send_nothing_out_and_a_refund_may_take_the_sale_token_back() {
        let claim = Expected {
            purpose: TxPurpose::TokenClaim,
            amount: U256::ZERO,
            payment_token: None,
            payment_spender: None,
            approval: None,
            sale_token: Some(AUR),
            known: &[],
        };
        assert!(preview_findings(&effects(vec![], vec![]), &claim).is_empty());
        assert_eq!(
            codes(&preview_findings(
                &effects(vec![out(AUR, THIEF, 5)], vec![]),
                &claim
            )),
            [FindingCode::UnexpectedEffect]
        );
        let refund = Expected {
            purpose: TxPurpose::Refund,
            ..claim
        };
        assert!(preview_findings(&effects(vec![out(AUR, SALE, 5)], vec![]), &refund).is_empty());
        assert_eq!(
            codes(&preview_findings(
                &effects(vec![out(USDC, SALE, 5)], vec![]),
                &refund
            )),
            [FindingCode::UnexpectedEffect]
        );
        let call = Expected {
            purpose: TxPurpose::Call,
            ..claim
        };
        assert!(
            preview_findings(
                &effects(vec![out(USDC, SALE, 5)], vec![allowance(USDC, THIEF, 1)]),
                &call
            )
            .is_empty(),
            "a call the user named is shown, not judged"
        );
        assert_eq!(
            preview_unavailable("no tracer").code,
            FindingCode::PreviewUnavailable
        );
    }
}
