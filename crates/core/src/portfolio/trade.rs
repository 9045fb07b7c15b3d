//! Trades recorded by hand or imported: buys, sells and transfers between the user's own
//! places (accounts, exchanges). A buy is a lot, a sell a disposal, a transfer only moves
//! tokens from one place to another.

use alloy_primitives::U256;

use crate::amount::{AmountError, MAX_DECIMALS, parse_amount};
use crate::entry::{
    EntryProblemKind, MAX_ASSET_CHARS, MAX_ENTRY_NOTE_CHARS, MAX_PARTY_CHARS, MAX_REFERENCE_CHARS,
    checked_decimals, checked_moment, is_symbol, nonzero_amount,
};
use crate::text::{TextProblem, checked_text};
use crate::timestamp::UtcTimestamp;

/// What a trade did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TradeKind {
    /// Tokens bought: they arrived at `account`, `counter` left it.
    Buy,
    /// Tokens sold: they left `account`, `counter` came back.
    Sell,
    /// Tokens moved from `account` to `to_account`, both the user's.
    Transfer,
}

impl TradeKind {
    pub const ALL: [TradeKind; 3] = [Self::Buy, Self::Sell, Self::Transfer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Buy => "buy",
            Self::Sell => "sell",
            Self::Transfer => "transfer",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// An amount of money or of a token, exact: base units at the places it was written
/// with (`1500.50` USD is 150050 at 2), or at the token's decimals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub asset: String,
    pub amount: U256,
    pub decimals: u8,
}

/// A checked trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trade {
    pub kind: TradeKind,
    pub happened_at: UtcTimestamp,
    pub asset: String,
    pub decimals: u8,
    /// Base units that arrived (buy), left (sell) or moved (transfer), net of any fee
    /// taken in the asset itself.
    pub amount: U256,
    /// What was paid (buy) or received (sell); none for a transfer.
    pub counter: Option<Money>,
    pub fee: Option<Money>,
    /// Where the tokens are: an account's label, an exchange. Empty: not said.
    pub account: String,
    /// Where a transfer took them.
    pub to_account: String,
    pub reference: String,
    pub note: String,
}

/// A trade as typed (or read from a CSV row): every field a string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TradeDraft {
    pub kind: String,
    pub happened_at: String,
    pub asset: String,
    pub decimals: String,
    pub amount: String,
    pub counter_asset: String,
    pub counter_amount: String,
    pub fee_asset: String,
    pub fee_amount: String,
    pub account: String,
    pub to_account: String,
    pub reference: String,
    pub note: String,
}

/// One problem, at a field named as on the wire (`counterAmount`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TradeProblem {
    pub field: &'static str,
    pub kind: EntryProblemKind,
    pub message: String,
}

/// Parses money as written: its decimals are the places typed (`1500.50` → 150050 at 2).
pub fn parse_money(text: &str) -> Result<(U256, u8), AmountError> {
    let places = text
        .trim()
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.trim_end_matches('0').len());
    let decimals = u8::try_from(places)
        .ok()
        .filter(|places| *places <= MAX_DECIMALS)
        .ok_or(AmountError::TooManyDecimalPlaces {
            decimals: MAX_DECIMALS,
        })?;
    Ok((parse_amount(text, decimals)?, decimals))
}

struct Checker {
    problems: Vec<TradeProblem>,
}

impl Checker {
    fn fail(&mut self, field: &'static str, kind: EntryProblemKind, message: impl Into<String>) {
        self.problems.push(TradeProblem {
            field,
            kind,
            message: message.into(),
        });
    }

    fn symbol(&mut self, field: &'static str, text: &str) -> Option<String> {
        let symbol = text.trim();
        if is_symbol(symbol) {
            return Some(symbol.to_ascii_uppercase());
        }
        self.fail(
            field,
            if symbol.is_empty() {
                EntryProblemKind::Required
            } else {
                EntryProblemKind::Symbol
            },
            format!("a symbol of 1 to {MAX_ASSET_CHARS} letters, digits or . - _ $ (e.g. ETH)"),
        );
        None
    }

    fn amount_error(&mut self, field: &'static str, error: AmountError) {
        let message = error.to_string();
        let kind = match error {
            AmountError::Empty => EntryProblemKind::Required,
            other => EntryProblemKind::Amount(other),
        };
        self.fail(field, kind, message);
    }

    /// A positive amount of money at the places typed, with its asset.
    fn money(
        &mut self,
        (asset_field, asset): (&'static str, &str),
        (amount_field, amount): (&'static str, &str),
    ) -> Option<Money> {
        let asset = self.symbol(asset_field, asset);
        let amount = match parse_money(amount) {
            Ok((amount, _)) if amount.is_zero() => {
                self.fail(
                    amount_field,
                    EntryProblemKind::Amount(AmountError::Malformed),
                    "more than zero",
                );
                None
            }
            Ok(parsed) => Some(parsed),
            Err(error) => {
                self.amount_error(amount_field, error);
                None
            }
        };
        let (amount, decimals) = amount?;
        Some(Money {
            asset: asset?,
            amount,
            decimals,
        })
    }

    fn text(&mut self, field: &'static str, input: &str, max: usize, multiline: bool) -> String {
        checked_text(input, max, multiline).unwrap_or_else(|problem| {
            let kind = match problem {
                TextProblem::TooLong { .. } => EntryProblemKind::TooLong,
                TextProblem::Invalid => EntryProblemKind::InvalidText,
            };
            self.fail(field, kind, problem.message());
            String::new()
        })
    }
}

impl Trade {
    /// Checks a typed trade at `now` (it cannot be dated in the future); every problem
    /// is reported.
    pub fn from_draft(draft: &TradeDraft, now: UtcTimestamp) -> Result<Self, Vec<TradeProblem>> {
        let mut check = Checker {
            problems: Vec::new(),
        };
        let kind = TradeKind::parse(&draft.kind);
        if kind.is_none() {
            check.fail(
                "kind",
                EntryProblemKind::Choice,
                "choose buy, sell or transfer",
            );
        }
        let happened_at = checked_moment(&draft.happened_at, now)
            .map_err(|(kind, message)| check.fail("happenedAt", kind, message))
            .ok();
        let asset = check.symbol("asset", &draft.asset);
        let decimals = checked_decimals(&draft.decimals)
            .map_err(|(kind, message)| check.fail("decimals", kind, message))
            .ok();
        let amount = decimals.and_then(|decimals| {
            nonzero_amount(&draft.amount, decimals, "a trade")
                .map_err(|(kind, message)| check.fail("amount", kind, message))
                .ok()
        });
        let has_counter =
            !draft.counter_asset.trim().is_empty() || !draft.counter_amount.trim().is_empty();
        let counter = match kind {
            Some(TradeKind::Transfer) if has_counter => {
                check.fail(
                    "counterAmount",
                    EntryProblemKind::Choice,
                    "a transfer between your own places has no price: leave it empty",
                );
                None
            }
            Some(TradeKind::Buy | TradeKind::Sell) => check.money(
                ("counterAsset", &draft.counter_asset),
                ("counterAmount", &draft.counter_amount),
            ),
            _ => None,
        };
        let fee = (!draft.fee_asset.trim().is_empty() || !draft.fee_amount.trim().is_empty())
            .then(|| {
                check.money(
                    ("feeAsset", &draft.fee_asset),
                    ("feeAmount", &draft.fee_amount),
                )
            })
            .flatten();
        let account = check.text("account", &draft.account, MAX_PARTY_CHARS, false);
        let to_account = check.text("toAccount", &draft.to_account, MAX_PARTY_CHARS, false);
        if kind == Some(TradeKind::Transfer) {
            if account.is_empty() {
                check.fail(
                    "account",
                    EntryProblemKind::Required,
                    "where the tokens left",
                );
            }
            if to_account.is_empty() {
                check.fail(
                    "toAccount",
                    EntryProblemKind::Required,
                    "where the tokens went",
                );
            } else if account.eq_ignore_ascii_case(&to_account) {
                check.fail(
                    "toAccount",
                    EntryProblemKind::Choice,
                    "a transfer goes to another place than the one it left",
                );
            }
        } else if !to_account.is_empty() {
            check.fail(
                "toAccount",
                EntryProblemKind::Choice,
                "only a transfer goes somewhere: leave it empty for a buy or a sell",
            );
        }
        let reference = check.text("reference", &draft.reference, MAX_REFERENCE_CHARS, false);
        let note = check.text("note", &draft.note, MAX_ENTRY_NOTE_CHARS, true);
        match (kind, happened_at, asset, decimals, amount) {
            (Some(kind), Some(happened_at), Some(asset), Some(decimals), Some(amount))
                if check.problems.is_empty() =>
            {
                Ok(Self {
                    kind,
                    happened_at,
                    asset,
                    decimals,
                    amount,
                    counter,
                    fee,
                    account,
                    to_account,
                    reference,
                    note,
                })
            }
            _ => Err(check.problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> UtcTimestamp {
        UtcTimestamp::parse("2026-12-10 12:00").expect("time")
    }

    fn buy() -> TradeDraft {
        TradeDraft {
            kind: "buy".into(),
            happened_at: "2026-12-01 10:00".into(),
            asset: "xyz".into(),
            decimals: "18".into(),
            amount: "1200.5".into(),
            counter_asset: "usd".into(),
            counter_amount: "1500.50".into(),
            fee_asset: "USD".into(),
            fee_amount: "1.5".into(),
            account: "Kraken".into(),
            ..TradeDraft::default()
        }
    }

    #[test]
    fn a_buy_is_kept_exactly_with_its_price_and_fee() {
        let trade = Trade::from_draft(&buy(), now()).expect("valid");
        assert_eq!(trade.kind, TradeKind::Buy);
        assert_eq!(trade.asset, "XYZ");
        assert_eq!(
            trade.amount,
            U256::from(12_005u64) * U256::from(10u64).pow(U256::from(17u64))
        );
        let counter = trade.counter.expect("counter");
        assert_eq!(
            (counter.asset.as_str(), counter.amount, counter.decimals),
            ("USD", U256::from(15_005u64), 1)
        );
        let fee = trade.fee.expect("fee");
        assert_eq!((fee.amount, fee.decimals), (U256::from(15u64), 1));
    }

    #[test]
    fn money_keeps_the_places_written() {
        assert_eq!(parse_money("1500.25"), Ok((U256::from(150_025u64), 2)));
        assert_eq!(parse_money("7"), Ok((U256::from(7u64), 0)));
        assert_eq!(parse_money("1,5"), Err(AmountError::Separator));
        assert!(parse_money(&format!("0.{}1", "0".repeat(40))).is_err());
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = TradeDraft {
            kind: "swap".into(),
            happened_at: "2027-01-01 00:00".into(),
            asset: "X Y".into(),
            decimals: "40".into(),
            amount: "1".into(),
            counter_asset: String::new(),
            counter_amount: "-3".into(),
            fee_asset: "USD".into(),
            fee_amount: "1e3".into(),
            account: "a\u{202E}b".into(),
            to_account: String::new(),
            reference: "r".repeat(201),
            note: "n".repeat(2_001),
        };
        let problems = Trade::from_draft(&bad, now()).expect_err("refused");
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                "kind",
                "happenedAt",
                "asset",
                "decimals",
                "feeAmount",
                "account",
                "reference",
                "note"
            ]
        );
        let no_price = TradeDraft {
            counter_asset: String::new(),
            counter_amount: String::new(),
            ..buy()
        };
        let fields: Vec<_> = Trade::from_draft(&no_price, now())
            .expect_err("a buy needs its price")
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, vec!["counterAsset", "counterAmount"]);
        let zero = TradeDraft {
            amount: "0".into(),
            counter_amount: "0".into(),
            ..buy()
        };
        let fields: Vec<_> = Trade::from_draft(&zero, now())
            .expect_err("zero")
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, vec!["amount", "counterAmount"]);
    }

    #[test]
    fn a_transfer_names_both_places_and_no_price() {
        let transfer = TradeDraft {
            kind: "Transfer".into(),
            counter_asset: String::new(),
            counter_amount: String::new(),
            fee_asset: String::new(),
            fee_amount: String::new(),
            account: "Kraken".into(),
            to_account: "Ledger 1".into(),
            ..buy()
        };
        let trade = Trade::from_draft(&transfer, now()).expect("valid");
        assert_eq!(
            (trade.account.as_str(), trade.to_account.as_str()),
            ("Kraken", "Ledger 1")
        );
        let to_itself = TradeDraft {
            to_account: "kraken".into(),
            ..transfer.clone()
        };
        assert_eq!(
            Trade::from_draft(&to_itself, now()).expect_err("same")[0].field,
            "toAccount"
        );
        let priced = TradeDraft {
            counter_amount: "5".into(),
            ..transfer
        };
        assert_eq!(
            Trade::from_draft(&priced, now()).expect_err("priced")[0].field,
            "counterAmount"
        );
        let sell_somewhere = TradeDraft {
            kind: "sell".into(),
            to_account: "Elsewhere".into(),
            ..buy()
        };
        assert_eq!(
            Trade::from_draft(&sell_somewhere, now()).expect_err("sell to")[0].field,
            "toAccount"
        );
    }
}
