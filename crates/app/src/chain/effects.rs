//! What a confirmed transaction did, read from the chain: the ERC-20 transfers and
//! approvals its receipt's logs record for the signing account and the coins measured
//! coming back to it (`saleguard_core::receipt`), kept with the transaction and shown
//! in words; and what that settles in the participation's ledger
//! (`saleguard_core::settlement`), every entry with the hash and log that prove it.

use saleguard_chain::Node;
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::participation::{ParticipationState, check_transition};
use saleguard_core::receipt::{CoinsReturned, Effects, ReceiptLog, TokenApproval, TokenTransfer};
use saleguard_core::sale::{AcceptedCurrency, Sale};
use saleguard_core::settlement::{Confirmed, SaleAssets, settle};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, U256};
use saleguard_store::{NewStep, Settlement, Store, TransactionRecord};
use serde::{Deserialize, Serialize};

use crate::{AppError, Saleguard};

/// One thing a confirmed transaction moved for its account, in words, with the log
/// that proves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EffectView {
    /// "Received 1,500 AUR from 0x…"
    pub words: String,
    /// The receipt's log, when a log proves it.
    pub log_index: Option<u64>,
}

/// What a confirmed transaction did, as its receipt and the balances around its block
/// say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EffectsView {
    pub moved: Vec<EffectView>,
    /// Why the coins that came back could not be measured, when they could not.
    pub unmeasured: Option<String>,
    /// Why the participation did not move, when the transaction was meant to move money
    /// and the chain shows it did not; empty otherwise.
    pub remark: String,
}

/// The effects as kept with the transaction (JSON): amounts as decimal base units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct StoredEffects {
    sent: Vec<StoredTransfer>,
    received: Vec<StoredTransfer>,
    approvals: Vec<StoredApproval>,
    /// Wei, when measured.
    coins_returned: Option<String>,
    /// Why not, when not.
    coins_unmeasured: Option<String>,
    /// Why nothing was settled, when nothing was.
    #[serde(default)]
    remark: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredTransfer {
    token: String,
    from: String,
    to: String,
    amount: String,
    log_index: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredApproval {
    token: String,
    spender: String,
    amount: String,
    log_index: u64,
}

impl From<&Effects> for StoredEffects {
    fn from(effects: &Effects) -> Self {
        let transfer = |t: &TokenTransfer| StoredTransfer {
            token: checksummed(&t.token),
            from: checksummed(&t.from),
            to: checksummed(&t.to),
            amount: t.amount.to_string(),
            log_index: t.log_index,
        };
        let approval = |a: &TokenApproval| StoredApproval {
            token: checksummed(&a.token),
            spender: checksummed(&a.spender),
            amount: a.amount.to_string(),
            log_index: a.log_index,
        };
        let (coins_returned, coins_unmeasured) = match &effects.coins_returned {
            CoinsReturned::Measured(wei) => (Some(wei.to_string()), None),
            CoinsReturned::Unknown(why) => (None, Some(why.clone())),
        };
        Self {
            sent: effects.sent.iter().map(transfer).collect(),
            received: effects.received.iter().map(transfer).collect(),
            approvals: effects.approvals.iter().map(approval).collect(),
            coins_returned,
            coins_unmeasured,
            remark: String::new(),
        }
    }
}

/// How an amount of `token` reads: with the sale's symbol for its token and its payment
/// token, in base units of the contract otherwise.
fn token_words(sale: &Sale, token_address: Option<Address>, token: &str, amount: &str) -> String {
    let amount_of = |decimals: u8| {
        U256::from_str_radix(amount, 10)
            .map_or_else(|_| amount.to_owned(), |a| format_amount(a, decimals))
    };
    let is = |address: Option<Address>| address.is_some_and(|a| checksummed(&a) == token);
    let terms = &sale.terms;
    match &terms.currency {
        AcceptedCurrency::Erc20 {
            address,
            symbol,
            decimals,
        } if is(Some(*address)) => {
            format!("{} {symbol}", amount_of(*decimals))
        }
        _ if is(token_address) => {
            format!("{} {}", amount_of(terms.token_decimals), terms.token_symbol)
        }
        _ => format!("{amount} base units of the token at {token}"),
    }
}

/// Whether effects are what a transaction did, or what a simulation says it would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Did,
    Would,
}

/// Effects in words, each with the log that proves it: the sale's token and payment
/// token by their symbols, coins in `native` units.
fn effect_lines(
    stored: &StoredEffects,
    sale: &Sale,
    token: Option<Address>,
    native: (&str, u8),
    tense: Tense,
) -> Vec<EffectView> {
    let words =
        |token_contract: &str, amount: &str| token_words(sale, token, token_contract, amount);
    let (send, receive, allow, take_back, get_back) = match tense {
        Tense::Did => ("Sent", "Received", "Allowed", "Took back", "Got back"),
        Tense::Would => (
            "Would send",
            "Would receive",
            "Would allow",
            "Would take back",
            "Would get back",
        ),
    };
    let mut moved = Vec::new();
    for t in &stored.sent {
        moved.push(EffectView {
            words: format!("{send} {} to {}", words(&t.token, &t.amount), t.to),
            log_index: Some(t.log_index),
        });
    }
    let zero = checksummed(&Address::ZERO);
    for t in &stored.received {
        let from = if t.from == zero {
            "(minted)".to_owned()
        } else {
            format!("from {}", t.from)
        };
        moved.push(EffectView {
            words: format!("{receive} {} {from}", words(&t.token, &t.amount)),
            log_index: Some(t.log_index),
        });
    }
    for a in &stored.approvals {
        let what = if a.amount == "0" {
            format!("{take_back} the allowance of {} at {}", a.spender, a.token)
        } else {
            format!(
                "{allow} {} to take {}",
                a.spender,
                words(&a.token, &a.amount)
            )
        };
        moved.push(EffectView {
            words: what,
            log_index: Some(a.log_index),
        });
    }
    if let Some(wei) = stored
        .coins_returned
        .as_deref()
        .and_then(|wei| U256::from_str_radix(wei, 10).ok())
        .filter(|wei| !wei.is_zero())
    {
        let how = match tense {
            Tense::Did => " (measured from the account's balance around the block)",
            Tense::Would => "",
        };
        moved.push(EffectView {
            words: format!(
                "{get_back} {} {}{how}",
                format_amount(wei, native.1),
                native.0
            ),
            log_index: None,
        });
    }
    moved
}

/// What a simulation says `effects` would do, in words.
pub(crate) fn expected_lines(
    effects: &Effects,
    sale: &Sale,
    token: Option<Address>,
    native: (&str, u8),
) -> Vec<EffectView> {
    effect_lines(
        &StoredEffects::from(effects),
        sale,
        token,
        native,
        Tense::Would,
    )
}

/// The kept effects of `record` in words; none before it is confirmed (or for a
/// transaction confirmed before effects were kept).
pub(crate) fn effects_view(
    store: &Store,
    record: &TransactionRecord,
    native: (&str, u8),
) -> Result<Option<EffectsView>, AppError> {
    let Some(text) = store.transaction_effects(&record.id)? else {
        return Ok(None);
    };
    let stored: StoredEffects = serde_json::from_str(&text).map_err(|_| {
        AppError::new(
            crate::ErrorCode::DatabaseCorrupt,
            "a transaction's effects cannot be read back",
        )
    })?;
    let sale = store.sale(store.participation(record.participation_id)?.sale_id)?;
    let token = store.contract_terms(sale.id)?.token_address;
    let mut moved = Vec::new();
    if !record.value.is_zero() {
        moved.push(EffectView {
            words: format!(
                "Sent {} {} to {} (the transaction's value)",
                format_amount(record.value, native.1),
                native.0,
                checksummed(&record.to)
            ),
            log_index: None,
        });
    }
    moved.extend(effect_lines(&stored, &sale, token, native, Tense::Did));
    Ok(Some(EffectsView {
        moved,
        unmeasured: stored.coins_unmeasured,
        remark: stored.remark,
    }))
}

/// The steps from `state` along `path` that the participation can take: from the first
/// one it can reach, as far as they go, each noted with `note`.
pub(crate) fn steps_along(
    state: ParticipationState,
    path: &[ParticipationState],
    kyc_required: bool,
    note: &str,
    now: UtcTimestamp,
) -> Vec<(ParticipationState, NewStep)> {
    let mut state = state;
    let mut steps = Vec::new();
    let start = path
        .iter()
        .position(|s| check_transition(state, *s, kyc_required).is_ok());
    for next in start.map_or(&[][..], |i| &path[i..]) {
        if check_transition(state, *next, kyc_required).is_err() {
            break;
        }
        steps.push((
            state,
            NewStep {
                to: *next,
                happened_at: now,
                note: note.to_owned(),
            },
        ));
        state = *next;
    }
    steps
}

impl Saleguard {
    /// What a transaction confirmed in `block` did for its account: its receipt's
    /// `logs`, and the coins measured coming back.
    pub(crate) async fn effects_of(
        node: &Node,
        record: &TransactionRecord,
        block: u64,
        fee_wei: U256,
        logs: &[ReceiptLog],
    ) -> Effects {
        let coins = node
            .coins_returned(record.from, block, record.value, fee_wei)
            .await;
        Effects::read(logs, record.from, coins)
    }

    /// What a confirmed transaction settles: the entries its effects prove, and the
    /// participation's steps they prove (taken from its state now, as far as they
    /// go). The effects are kept with the transaction, with why nothing moved when
    /// something should have.
    pub(crate) fn settlement_of(
        &self,
        record: &TransactionRecord,
        effects: &Effects,
        now: UtcTimestamp,
    ) -> Result<Settlement, AppError> {
        let store = self.store()?;
        let participation = store.participation(record.participation_id)?;
        let sale = store.sale(participation.sale_id)?;
        let hash = record.hash.clone().unwrap_or_default();
        let settled = settle(
            &Confirmed {
                purpose: record.purpose,
                hash: &hash,
                account: record.from,
                value: record.value,
                effects,
                at: now,
            },
            SaleAssets {
                terms: &sale.terms,
                token: store.contract_terms(sale.id)?.token_address,
            },
        );
        let note = match record.purpose {
            saleguard_core::transaction::TxPurpose::Contribution => {
                "Contribution confirmed on chain"
            }
            saleguard_core::transaction::TxPurpose::Refund => "Refund confirmed on chain",
            _ => "Tokens claimed on chain",
        };
        let stored = StoredEffects {
            remark: settled.remark,
            ..StoredEffects::from(effects)
        };
        let mut settlement = Settlement {
            entries: settled.entries,
            effects: serde_json::to_string(&stored).ok(),
            ..Settlement::default()
        };
        settlement.steps = steps_along(
            participation.state,
            settled.path,
            sale.terms.kyc_required,
            &format!("{note}: {hash}"),
            now,
        );
        Ok(settlement)
    }
}
