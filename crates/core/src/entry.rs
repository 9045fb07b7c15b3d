//! A participation's entries: contributions, refunds and token distributions, recorded
//! by hand (a payment made elsewhere, e.g. in BTC or on an exchange) or written as a
//! transaction Saleguard signed settles. One shape for both.

use alloy_primitives::U256;

use crate::amount::{AmountError, parse_amount};
use crate::text::{TextProblem, checked_text};
use crate::timestamp::UtcTimestamp;

/// What moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// Money the user sent to the sale.
    Contribution,
    /// Money the sale sent back.
    Refund,
    /// Tokens the user received.
    Distribution,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [Self::Contribution, Self::Refund, Self::Distribution];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contribution => "contribution",
            Self::Refund => "refund",
            Self::Distribution => "distribution",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }
}

/// Longest transaction reference (a hash, an exchange's order id), in characters.
pub const MAX_REFERENCE_CHARS: usize = 200;
/// Longest "from" or "to" (an address of any chain, or a name such as an exchange).
pub const MAX_PARTY_CHARS: usize = 120;
/// Longest note.
pub const MAX_ENTRY_NOTE_CHARS: usize = 2_000;
/// Longest asset symbol.
pub const MAX_ASSET_CHARS: usize = 16;

/// Whether `text` is an asset symbol: 1 to [`MAX_ASSET_CHARS`] letters, digits or `. - _ $`.
pub fn is_symbol(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= MAX_ASSET_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '$'))
}

/// An entry as typed: every field a string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryDraft {
    pub kind: String,
    pub happened_at: String,
    pub asset: String,
    pub decimals: String,
    pub amount: String,
    pub reference: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

/// A checked entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    pub happened_at: UtcTimestamp,
    pub asset: String,
    pub decimals: u8,
    pub amount: U256,
    pub reference: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

/// An entry with the log that proves it, when one does (its transaction's hash is the
/// entry's `reference`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvedEntry {
    pub entry: Entry,
    pub log_index: Option<u64>,
}

impl From<Entry> for ProvedEntry {
    fn from(entry: Entry) -> Self {
        Self {
            entry,
            log_index: None,
        }
    }
}

/// The fields of an [`EntryDraft`], named as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryField {
    Kind,
    HappenedAt,
    Asset,
    Decimals,
    Amount,
    Reference,
    From,
    To,
    Note,
}

impl EntryField {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kind => "kind",
            Self::HappenedAt => "happenedAt",
            Self::Asset => "asset",
            Self::Decimals => "decimals",
            Self::Amount => "amount",
            Self::Reference => "reference",
            Self::From => "from",
            Self::To => "to",
            Self::Note => "note",
        }
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblemKind {
    Required,
    TooLong,
    InvalidText,
    Choice,
    Datetime,
    InTheFuture,
    Decimals,
    Amount(AmountError),
    Symbol,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProblem {
    pub field: EntryField,
    pub kind: EntryProblemKind,
    pub message: String,
}

impl Entry {
    /// Checks a typed entry at `now` (it cannot be dated in the future); every problem
    /// is reported.
    pub fn from_draft(draft: &EntryDraft, now: UtcTimestamp) -> Result<Self, Vec<EntryProblem>> {
        let mut problems = Vec::new();
        let mut fail = |field, kind, message: String| {
            problems.push(EntryProblem {
                field,
                kind,
                message,
            });
        };
        let kind = EntryKind::parse(&draft.kind);
        if kind.is_none() {
            fail(
                EntryField::Kind,
                EntryProblemKind::Choice,
                "choose contribution, refund or distribution".to_owned(),
            );
        }
        let happened_at = checked_moment(&draft.happened_at, now)
            .map_err(|(kind, message)| fail(EntryField::HappenedAt, kind, message))
            .ok();
        let asset = draft.asset.trim();
        let asset_ok = is_symbol(asset);
        if !asset_ok {
            fail(
                EntryField::Asset,
                if asset.is_empty() {
                    EntryProblemKind::Required
                } else {
                    EntryProblemKind::Symbol
                },
                format!("a symbol of 1 to {MAX_ASSET_CHARS} letters, digits or . - _ $ (e.g. ETH)"),
            );
        }
        let decimals = checked_decimals(&draft.decimals)
            .map_err(|(kind, message)| fail(EntryField::Decimals, kind, message))
            .ok();
        let amount = decimals.and_then(|decimals| {
            nonzero_amount(&draft.amount, decimals, "an entry")
                .map_err(|(kind, message)| fail(EntryField::Amount, kind, message))
                .ok()
        });
        let mut text = |field, input: &str, max: usize, multiline: bool| -> Option<String> {
            checked_text(input, max, multiline)
                .map_err(|problem| {
                    let kind = match problem {
                        TextProblem::TooLong { .. } => EntryProblemKind::TooLong,
                        TextProblem::Invalid => EntryProblemKind::InvalidText,
                    };
                    fail(field, kind, problem.message());
                })
                .ok()
        };
        let reference = text(
            EntryField::Reference,
            &draft.reference,
            MAX_REFERENCE_CHARS,
            false,
        );
        let from = text(EntryField::From, &draft.from, MAX_PARTY_CHARS, false);
        let to = text(EntryField::To, &draft.to, MAX_PARTY_CHARS, false);
        let note = text(EntryField::Note, &draft.note, MAX_ENTRY_NOTE_CHARS, true);
        match (
            kind,
            happened_at,
            asset_ok,
            decimals,
            amount,
            reference,
            from,
            to,
            note,
        ) {
            (
                Some(kind),
                Some(happened_at),
                true,
                Some(decimals),
                Some(amount),
                Some(reference),
                Some(from),
                Some(to),
                Some(note),
            ) if problems.is_empty() => Ok(Self {
                kind,
                happened_at,
                asset: asset.to_owned(),
                decimals,
                amount,
                reference,
                from,
                to,
                note,
            }),
            _ => Err(problems),
        }
    }
}

/// When a record (an entry, a trade) happened, as typed: a moment, not after `now`.
pub(crate) fn checked_moment(
    text: &str,
    now: UtcTimestamp,
) -> Result<UtcTimestamp, (EntryProblemKind, String)> {
    match UtcTimestamp::parse(text) {
        Ok(at) if at > now => Err((
            EntryProblemKind::InTheFuture,
            "this date is in the future: record it once it has happened".to_owned(),
        )),
        Ok(at) => Ok(at),
        Err(error) => Err((EntryProblemKind::Datetime, error.to_string())),
    }
}

/// An asset's decimals as typed: a whole number from 0 to 36.
pub(crate) fn checked_decimals(text: &str) -> Result<u8, (EntryProblemKind, String)> {
    match text.trim().parse::<u8>() {
        Ok(decimals) if decimals <= crate::amount::MAX_DECIMALS => Ok(decimals),
        _ => Err((
            EntryProblemKind::Decimals,
            format!("a whole number from 0 to {}", crate::amount::MAX_DECIMALS),
        )),
    }
}

/// An amount as typed at `decimals` that moves more than nothing; `what` names the
/// record in the message ("an entry", "a trade").
pub(crate) fn nonzero_amount(
    text: &str,
    decimals: u8,
    what: &str,
) -> Result<U256, (EntryProblemKind, String)> {
    match parse_amount(text, decimals) {
        Ok(amount) if amount.is_zero() => Err((
            EntryProblemKind::Required,
            format!("{what} moves more than nothing"),
        )),
        Ok(amount) => Ok(amount),
        Err(crate::amount::AmountError::Empty) => Err((
            EntryProblemKind::Required,
            crate::amount::AmountError::Empty.to_string(),
        )),
        Err(error) => Err((EntryProblemKind::Amount(error.clone()), error.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> UtcTimestamp {
        UtcTimestamp::parse("2026-12-10 12:00").expect("time")
    }

    fn draft() -> EntryDraft {
        EntryDraft {
            kind: "contribution".into(),
            happened_at: "2026-12-01 10:00".into(),
            asset: "BTC".into(),
            decimals: "8".into(),
            amount: "0.015".into(),
            reference: "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b".into(),
            from: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq".into(),
            to: "Exchange deposit".into(),
            note: "paid on the exchange\r\nfee 0.0001".into(),
        }
    }

    #[test]
    fn a_payment_made_elsewhere_is_recorded_exactly() {
        let entry = Entry::from_draft(&draft(), now()).expect("valid");
        assert_eq!(entry.kind, EntryKind::Contribution);
        assert_eq!(entry.amount, U256::from(1_500_000u64));
        assert_eq!(entry.decimals, 8);
        assert_eq!(entry.note, "paid on the exchange\nfee 0.0001");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = EntryDraft {
            kind: "gift".into(),
            happened_at: "2027-01-01 00:00".into(),
            asset: "B TC".into(),
            decimals: "40".into(),
            amount: "1".into(),
            reference: "r".repeat(201),
            from: "a\u{202E}b".into(),
            to: String::new(),
            note: "n".repeat(2_001),
        };
        let problems = Entry::from_draft(&bad, now()).expect_err("refused");
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "kind",
                "happenedAt",
                "asset",
                "decimals",
                "reference",
                "from",
                "note"
            ]
        );
        let too_precise = EntryDraft {
            amount: "0.000000001".into(),
            ..draft()
        };
        let problems = Entry::from_draft(&too_precise, now()).expect_err("9 decimals for BTC");
        assert!(matches!(
            problems[0].kind,
            EntryProblemKind::Amount(AmountError::TooManyDecimalPlaces { decimals: 8 })
        ));
        let zero = EntryDraft {
            amount: "0".into(),
            ..draft()
        };
        assert_eq!(
            Entry::from_draft(&zero, now()).expect_err("zero")[0].field,
            EntryField::Amount
        );
    }
}
