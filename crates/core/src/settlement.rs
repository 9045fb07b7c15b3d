//! What a confirmed transaction settles in a participation's ledger: only what its
//! effects prove — the coins it carried, the transfers its receipt's logs record, the
//! coins measured coming back — each entry keeping the transaction's hash and the log
//! that proves it. Nothing is inferred from what was planned or contributed before: an
//! action that moved nothing settles nothing and moves the participation nowhere.

use alloy_primitives::{Address, U256};

use crate::address::checksummed;
use crate::entry::{Entry, EntryKind, ProvedEntry};
use crate::participation::ParticipationState;
use crate::receipt::{CoinsReturned, Effects, TokenTransfer};
use crate::sale::{AcceptedCurrency, SaleTerms};
use crate::timestamp::UtcTimestamp;
use crate::transaction::TxPurpose;

/// The sale's assets, as the ledger names them.
#[derive(Debug, Clone, Copy)]
pub struct SaleAssets<'a> {
    pub terms: &'a SaleTerms,
    /// The sale's token contract, when it is known.
    pub token: Option<Address>,
}

/// A confirmed transaction as the ledger sees it.
#[derive(Debug, Clone, Copy)]
pub struct Confirmed<'a> {
    pub purpose: TxPurpose,
    pub hash: &'a str,
    pub account: Address,
    /// The coins it carried to its destination (proved by its success).
    pub value: U256,
    pub effects: &'a Effects,
    pub at: UtcTimestamp,
}

/// The entries a confirmed transaction proves and the steps of the participation they
/// prove, in order (each taken only from the state before it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub entries: Vec<ProvedEntry>,
    pub path: &'static [ParticipationState],
    /// Why the participation stays where it is, when the transaction was meant to move
    /// money and did not (or could not be measured); empty otherwise.
    pub remark: String,
}

/// What `confirmed` settles for a participation in the sale of `assets`.
pub fn settle(confirmed: &Confirmed<'_>, assets: SaleAssets<'_>) -> Settled {
    let terms = assets.terms;
    let account = checksummed(&confirmed.account);
    let sale_address = checksummed(&terms.contribution_address);
    let currency = &terms.currency;
    let payment_token = match currency {
        AcceptedCurrency::Erc20 { address, .. } => Some(*address),
        AcceptedCurrency::Native { .. } => None,
    };
    let entry = |kind: EntryKind, (asset, decimals): (&str, u8), amount: U256| Entry {
        kind,
        happened_at: confirmed.at,
        asset: asset.to_owned(),
        decimals,
        amount,
        reference: confirmed.hash.to_owned(),
        from: String::new(),
        to: String::new(),
        note: String::new(),
    };
    let in_currency = (currency.symbol(), currency.decimals());
    let from_log = |kind: EntryKind, transfer: &TokenTransfer, asset: (&str, u8)| ProvedEntry {
        entry: Entry {
            from: checksummed(&transfer.from),
            to: checksummed(&transfer.to),
            note: "A transfer read from the transaction's receipt".to_owned(),
            ..entry(kind, asset, transfer.amount)
        },
        log_index: Some(transfer.log_index),
    };
    let effects = confirmed.effects;
    let mut entries = Vec::new();
    if confirmed.purpose == TxPurpose::Contribution {
        match payment_token {
            None if !confirmed.value.is_zero() => entries.push(ProvedEntry::from(Entry {
                from: account.clone(),
                to: sale_address.clone(),
                note: "The coins the transaction carried".to_owned(),
                ..entry(EntryKind::Contribution, in_currency, confirmed.value)
            })),
            None => {}
            Some(token) => entries.extend(
                effects
                    .sent
                    .iter()
                    .filter(|t| t.token == token)
                    .map(|t| from_log(EntryKind::Contribution, t, in_currency)),
            ),
        }
    }
    match (payment_token, &effects.coins_returned) {
        (None, CoinsReturned::Measured(wei)) if !wei.is_zero() => {
            entries.push(ProvedEntry::from(Entry {
                from: sale_address.clone(),
                to: account.clone(),
                note: "Measured: the account's balance after the block, less before it, plus what the transaction spent".to_owned(),
                ..entry(EntryKind::Refund, in_currency, *wei)
            }));
        }
        (Some(token), _) => entries.extend(
            effects
                .received
                .iter()
                .filter(|t| t.token == token)
                .map(|t| from_log(EntryKind::Refund, t, in_currency)),
        ),
        _ => {}
    }
    if let Some(token) = assets.token.filter(|token| Some(*token) != payment_token) {
        let asset = (terms.token_symbol.as_str(), terms.token_decimals);
        entries.extend(
            effects
                .received
                .iter()
                .filter(|t| t.token == token)
                .map(|t| from_log(EntryKind::Distribution, t, asset)),
        );
    }
    let has = |kind: EntryKind| entries.iter().any(|e| e.entry.kind == kind);
    use ParticipationState as S;
    let (path, expected): (&'static [ParticipationState], Option<EntryKind>) =
        match confirmed.purpose {
            TxPurpose::Contribution => (
                if has(EntryKind::Contribution) {
                    &[S::Contributed]
                } else {
                    &[]
                },
                Some(EntryKind::Contribution),
            ),
            TxPurpose::Refund => (
                if has(EntryKind::Refund) {
                    &[S::SoftCapMissed, S::RefundDue, S::Refunded]
                } else {
                    &[]
                },
                Some(EntryKind::Refund),
            ),
            TxPurpose::TokenClaim | TxPurpose::VestedClaim => (
                if has(EntryKind::Distribution) {
                    &[S::Succeeded, S::TokensDistributed]
                } else {
                    &[]
                },
                Some(EntryKind::Distribution),
            ),
            TxPurpose::Approval | TxPurpose::Call | TxPurpose::Cancellation => (&[], None),
        };
    let remark = match expected {
        Some(kind) if !has(kind) => {
            let unmeasured = match (&effects.coins_returned, payment_token, kind) {
                (CoinsReturned::Unknown(why), None, EntryKind::Refund) => {
                    format!(
                        " The coins it returned could not be measured: {why}. Record the refund by hand from the block explorer."
                    )
                }
                _ => String::new(),
            };
            format!(
                "Confirmed, but the chain shows no {} in it: nothing was recorded and the participation stays where it was.{unmeasured}",
                kind.as_str()
            )
        }
        _ => String::new(),
    };
    Settled {
        entries,
        path,
        remark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::native_sale_draft;
    use crate::receipt::TokenApproval;
    use crate::sale::SaleTerms;
    use alloy_primitives::address;

    const ACCOUNT: Address = address!("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    const TOKEN: Address = address!("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    const USDC: Address = address!("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
    const HASH: &str = "0x1111111111111111111111111111111111111111111111111111111111111111";

    fn terms() -> SaleTerms {
        SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid terms")
    }

    fn effects(
        received: Vec<TokenTransfer>,
        sent: Vec<TokenTransfer>,
        back: CoinsReturned,
    ) -> Effects {
        Effects {
            sent,
            received,
            approvals: Vec::<TokenApproval>::new(),
            coins_returned: back,
        }
    }

    fn transfer(
        token: Address,
        from: Address,
        to: Address,
        amount: u64,
        log_index: u64,
    ) -> TokenTransfer {
        TokenTransfer {
            token,
            from,
            to,
            amount: U256::from(amount),
            log_index,
        }
    }

    fn settled(purpose: TxPurpose, value: u64, effects: &Effects, terms: &SaleTerms) -> Settled {
        settle(
            &Confirmed {
                purpose,
                hash: HASH,
                account: ACCOUNT,
                value: U256::from(value),
                effects,
                at: UtcTimestamp::parse("2026-02-01T00:00:00Z").expect("moment"),
            },
            SaleAssets {
                terms,
                token: Some(TOKEN),
            },
        )
    }

    fn amounts(settled: &Settled) -> Vec<(EntryKind, u64, Option<u64>)> {
        settled
            .entries
            .iter()
            .map(|e| (e.entry.kind, e.entry.amount.to::<u64>(), e.log_index))
            .collect()
    }

    #[test]
    fn a_refund_is_what_was_measured_coming_back_not_what_was_contributed() {
        let terms = terms();
        let sale = terms.contribution_address;
        let paid_less = effects(vec![], vec![], CoinsReturned::Measured(U256::from(950)));
        let refund = settled(TxPurpose::Refund, 0, &paid_less, &terms);
        assert_eq!(amounts(&refund), [(EntryKind::Refund, 950, None)]);
        assert_eq!(refund.entries[0].entry.reference, HASH);
        assert_eq!(refund.entries[0].entry.from, checksummed(&sale));
        assert_eq!(refund.path.last(), Some(&ParticipationState::Refunded));
        assert!(refund.remark.is_empty());

        let nothing = effects(vec![], vec![], CoinsReturned::Measured(U256::ZERO));
        let empty = settled(TxPurpose::Refund, 0, &nothing, &terms);
        assert!(empty.entries.is_empty() && empty.path.is_empty());
        assert!(empty.remark.contains("no refund"), "{}", empty.remark);

        let unknown = effects(vec![], vec![], CoinsReturned::Unknown("no archive".into()));
        let unmeasured = settled(TxPurpose::Refund, 0, &unknown, &terms);
        assert!(unmeasured.entries.is_empty() && unmeasured.path.is_empty());
        assert!(
            unmeasured.remark.contains("no archive"),
            "{}",
            unmeasured.remark
        );
    }

    #[test]
    fn a_contribution_is_its_value_and_tokens_it_brought_are_read_from_their_logs() {
        let terms = terms();
        let sale = terms.contribution_address;
        let delivered = effects(
            vec![
                transfer(TOKEN, sale, ACCOUNT, 1_500, 4),
                transfer(USDC, sale, ACCOUNT, 9, 5),
            ],
            vec![],
            CoinsReturned::Measured(U256::from(20)),
        );
        let contribution = settled(TxPurpose::Contribution, 1_000, &delivered, &terms);
        assert_eq!(
            amounts(&contribution),
            [
                (EntryKind::Contribution, 1_000, None),
                (EntryKind::Refund, 20, None),
                (EntryKind::Distribution, 1_500, Some(4)),
            ],
            "another token than the sale's is not a distribution"
        );
        assert_eq!(contribution.path, [ParticipationState::Contributed]);
    }

    #[test]
    fn a_token_paid_contribution_is_what_left_the_account_by_log() {
        let mut terms = terms();
        terms.currency = AcceptedCurrency::Erc20 {
            address: USDC,
            symbol: "USDC".into(),
            decimals: 6,
        };
        let sale = terms.contribution_address;
        let pulled = effects(
            vec![],
            vec![transfer(USDC, ACCOUNT, sale, 500, 2)],
            CoinsReturned::Measured(U256::ZERO),
        );
        let contribution = settled(TxPurpose::Contribution, 0, &pulled, &terms);
        assert_eq!(
            amounts(&contribution),
            [(EntryKind::Contribution, 500, Some(2))]
        );
        assert_eq!(contribution.entries[0].entry.asset, "USDC");

        let refunded = effects(
            vec![transfer(USDC, sale, ACCOUNT, 480, 7)],
            vec![],
            CoinsReturned::Measured(U256::ZERO),
        );
        assert_eq!(
            amounts(&settled(TxPurpose::Refund, 0, &refunded, &terms)),
            [(EntryKind::Refund, 480, Some(7))]
        );

        let moved_nothing = effects(vec![], vec![], CoinsReturned::Measured(U256::ZERO));
        let none = settled(TxPurpose::Contribution, 0, &moved_nothing, &terms);
        assert!(none.entries.is_empty() && none.path.is_empty());
        assert!(!none.remark.is_empty());
    }

    #[test]
    fn a_claim_that_brought_nothing_settles_nothing() {
        let terms = terms();
        let nothing = effects(vec![], vec![], CoinsReturned::Measured(U256::ZERO));
        for purpose in [TxPurpose::TokenClaim, TxPurpose::VestedClaim] {
            let claim = settled(purpose, 0, &nothing, &terms);
            assert!(claim.entries.is_empty() && claim.path.is_empty());
            assert!(claim.remark.contains("no distribution"), "{}", claim.remark);
        }
        let claimed = effects(
            vec![transfer(TOKEN, Address::ZERO, ACCOUNT, 70, 1)],
            vec![],
            CoinsReturned::Measured(U256::ZERO),
        );
        let claim = settled(TxPurpose::TokenClaim, 0, &claimed, &terms);
        assert_eq!(amounts(&claim), [(EntryKind::Distribution, 70, Some(1))]);
        assert_eq!(
            claim.path.last(),
            Some(&ParticipationState::TokensDistributed)
        );
        for purpose in [
            TxPurpose::Approval,
            TxPurpose::Call,
            TxPurpose::Cancellation,
        ] {
            let settled = settled(purpose, 0, &nothing, &terms);
            assert!(settled.path.is_empty() && settled.remark.is_empty());
        }
    }
}
