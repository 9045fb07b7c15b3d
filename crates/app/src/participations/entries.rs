//! A participation's entries: contributions, refunds and distributions recorded by
//! hand (those Saleguard signs are written as their transactions settle).

use saleguard_core::amount::AmountError;
use saleguard_core::entry::{Entry, EntryDraft, EntryKind, EntryProblemKind};
use saleguard_store::{EntryFilter, EntryRecord, EntrySource, ParticipationId};
use serde::{Deserialize, Serialize};

use super::Participation;
use crate::dto::{Amount, ListOrder, Page, PageInput};
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// An entry as typed in a form: every field a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryInput {
    /// `contribution`, `refund` or `distribution`.
    pub kind: String,
    /// When it happened, UTC.
    pub happened_at: String,
    /// The currency or token, e.g. `BTC`.
    pub asset: String,
    pub decimals: String,
    /// In whole units, e.g. `0.015`.
    pub amount: String,
    /// A transaction hash or an exchange's reference.
    pub reference: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

/// A recorded entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryView {
    pub id: i64,
    /// `contribution`, `refund` or `distribution`.
    pub kind: String,
    /// `manual` (recorded by hand), `signed` (read from the receipt of a transaction
    /// Saleguard signed) or `found` (a delivery found in the chain's logs).
    pub source: String,
    /// The log of the transaction `reference` names that proves the amount, when one
    /// does.
    pub log_index: Option<u64>,
    pub happened_at: String,
    pub amount: Amount,
    pub reference: String,
    pub from: String,
    pub to: String,
    pub note: String,
    pub recorded_at: String,
}

impl From<&EntryRecord> for EntryView {
    fn from(record: &EntryRecord) -> Self {
        let entry = &record.entry;
        Self {
            id: record.id,
            kind: entry.kind.as_str().to_owned(),
            source: record.source.as_str().to_owned(),
            log_index: record.log_index,
            happened_at: entry.happened_at.to_rfc3339(),
            amount: Amount::new(entry.amount, entry.decimals, &entry.asset),
            reference: entry.reference.clone(),
            from: entry.from.clone(),
            to: entry.to.clone(),
            note: entry.note.clone(),
            recorded_at: record.recorded_at.to_rfc3339(),
        }
    }
}

/// Which of a participation's entries a list shows, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryQuery {
    /// `contribution`, `refund` or `distribution`; blank: every kind.
    pub kind: String,
    pub order: ListOrder,
}

impl EntryQuery {
    /// Every entry, oldest first: the ledger as it happened.
    pub const LEDGER: Self = Self {
        kind: String::new(),
        order: ListOrder::OldestFirst,
    };

    fn filter(&self, participation: ParticipationId) -> Result<EntryFilter, AppError> {
        let kind = match self.kind.trim() {
            "" => None,
            typed => Some(
                EntryKind::parse(&typed.to_ascii_lowercase()).ok_or_else(|| {
                    AppError::at_field(
                        "kind",
                        ErrorCode::InvalidChoice,
                        "contribution, refund or distribution",
                    )
                })?,
            ),
        };
        Ok(EntryFilter {
            participation,
            kind,
        })
    }
}

impl Saleguard {
    /// One page of a participation's entries as `query` filters and orders them.
    pub fn entries(
        &self,
        participation_id: i64,
        query: &EntryQuery,
        page: PageInput,
    ) -> Result<Page<EntryView>, AppError> {
        let request = page.checked()?;
        let filter = query.filter(ParticipationId(participation_id))?;
        let store = self.store()?;
        // A participation that is not there is said so, not shown as an empty ledger.
        store.participation(filter.participation)?;
        let rows = store.entries_page(&filter, query.order.into(), request)?;
        Ok(Page::of(rows, request.offset, |record| {
            EntryView::from(record)
        }))
    }

    /// Every entry of a participation `query` keeps, handed to `each` as it is read.
    pub fn each_entry(
        &self,
        participation_id: i64,
        query: &EntryQuery,
        mut each: impl FnMut(EntryView) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let filter = query.filter(ParticipationId(participation_id))?;
        let store = self.store()?;
        store.participation(filter.participation)?;
        store.each_entry(&filter, query.order.into(), |record| {
            each(EntryView::from(&record))
        })
    }

    /// Records a contribution, refund or distribution made outside Saleguard.
    pub fn record_entry(&self, id: i64, input: &EntryInput) -> Result<Participation, AppError> {
        let now = self.clock.now();
        let draft = EntryDraft {
            kind: input.kind.clone(),
            happened_at: input.happened_at.clone(),
            asset: input.asset.clone(),
            decimals: input.decimals.clone(),
            amount: input.amount.clone(),
            reference: input.reference.clone(),
            from: input.from.clone(),
            to: input.to.clone(),
            note: input.note.clone(),
        };
        let entry = Entry::from_draft(&draft, now).map_err(|problems| {
            let fields = problems
                .into_iter()
                .map(|p| FieldError {
                    field: p.field.as_str().to_owned(),
                    code: problem_code(&p.kind),
                    message: p.message,
                })
                .collect();
            AppError::refused(fields)
        })?;
        let mut store = self.store()?;
        store.insert_entry(ParticipationId(id), &entry, EntrySource::Manual, now)?;
        tracing::info!(id, kind = entry.kind.as_str(), "entry recorded");
        let record = store.participation(ParticipationId(id))?;
        self.participation_view(&store, &record)
    }
}

pub(crate) fn problem_code(kind: &EntryProblemKind) -> ErrorCode {
    match kind {
        EntryProblemKind::Required | EntryProblemKind::Amount(AmountError::Empty) => {
            ErrorCode::Required
        }
        EntryProblemKind::TooLong => ErrorCode::TooLong,
        EntryProblemKind::InvalidText => ErrorCode::InvalidText,
        EntryProblemKind::Choice => ErrorCode::InvalidChoice,
        EntryProblemKind::Datetime => ErrorCode::InvalidDatetime,
        EntryProblemKind::InTheFuture => ErrorCode::InTheFuture,
        EntryProblemKind::Decimals => ErrorCode::InvalidDecimals,
        EntryProblemKind::Symbol => ErrorCode::InvalidSymbol,
        EntryProblemKind::Amount(AmountError::TooManyDecimalPlaces { .. }) => {
            ErrorCode::TooManyDecimalPlaces
        }
        EntryProblemKind::Amount(AmountError::TooLarge) => ErrorCode::AmountTooLarge,
        EntryProblemKind::Amount(_) => ErrorCode::InvalidAmount,
    }
}
