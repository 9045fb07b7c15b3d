//! A sale's official addresses, each for a purpose on a chain, and the sources that
//! vouch for each: where and when the user saw it published, of which kind. Adding a
//! source never replaces one; an address the user no longer trusts is retired, with why.

use saleguard_core::address::{checksummed, parse_address};
pub use saleguard_core::official::{AddressPurpose, SourceKind};
use saleguard_core::official::{OfficialProblem, OfficialProblemKind, SourceText, retired_reason};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{NewAddressSource, OfficialAddressKey, OfficialAddressRecord};
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// Where an address was seen published, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AddressSourceInput {
    pub kind: SourceKind,
    /// A URL, or words: "the whitepaper, p. 12".
    pub location: String,
    /// When; empty for now.
    pub seen_at: String,
    pub note: String,
}

/// An address a sale published, with the first (or one more) source that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfficialAddressInput {
    pub address: String,
    pub purpose: AddressPurpose,
    /// The chain it was published for; empty for the sale's.
    pub chain_id: String,
    pub source: AddressSourceInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AddressSourceView {
    pub id: i64,
    pub kind: SourceKind,
    /// Published by the project itself (its website, official social account,
    /// whitepaper or announcements).
    pub official: bool,
    pub location: String,
    pub seen_at: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfficialAddressView {
    pub id: i64,
    pub sale_id: i64,
    pub address: String,
    pub purpose: AddressPurpose,
    pub chain_id: u64,
    /// When the user retired it; `null` while it is trusted.
    pub retired_at: Option<String>,
    pub retired_reason: String,
    /// Oldest first.
    pub sources: Vec<AddressSourceView>,
    /// Whether a source of the project's own vouches for it.
    pub vouched: bool,
}

impl From<OfficialAddressRecord> for OfficialAddressView {
    fn from(record: OfficialAddressRecord) -> Self {
        let vouched = record
            .sources
            .iter()
            .any(|source| source.kind.is_official());
        let (retired_at, retired_reason) = match record.retired {
            Some((at, reason)) => (Some(at.to_rfc3339()), reason),
            None => (None, String::new()),
        };
        Self {
            id: record.id,
            sale_id: record.sale_id.0,
            address: checksummed(&record.address),
            purpose: record.purpose,
            chain_id: record.chain_id,
            retired_at,
            retired_reason,
            sources: record
                .sources
                .into_iter()
                .map(|source| AddressSourceView {
                    id: source.id,
                    kind: source.kind,
                    official: source.kind.is_official(),
                    location: source.location,
                    seen_at: source.seen_at.to_rfc3339(),
                    note: source.note,
                })
                .collect(),
            vouched,
        }
    }
}

/// A core problem as the field error a form shows.
fn field_error(problem: OfficialProblem) -> FieldError {
    FieldError {
        field: problem.field.to_owned(),
        code: match problem.kind {
            OfficialProblemKind::Required => ErrorCode::Required,
            OfficialProblemKind::TooShort => ErrorCode::TooShort,
            OfficialProblemKind::TooLong => ErrorCode::TooLong,
            OfficialProblemKind::InvalidText => ErrorCode::InvalidText,
            OfficialProblemKind::Choice => ErrorCode::InvalidChoice,
        },
        message: problem.message,
    }
}

/// A source as typed, checked, with when it was seen; every problem named by its field.
fn checked_source(
    input: &AddressSourceInput,
    now: UtcTimestamp,
    problems: &mut Vec<FieldError>,
) -> Option<(SourceText, UtcTimestamp)> {
    let text = SourceText::from_input(input.kind, &input.location, &input.note)
        .map_err(|refused| problems.extend(refused.into_iter().map(field_error)))
        .ok();
    let seen_at = if input.seen_at.trim().is_empty() {
        Some(now)
    } else {
        match UtcTimestamp::parse(&input.seen_at) {
            Ok(at) if at <= now => Some(at),
            Ok(_) => {
                problems.push(FieldError {
                    field: "seenAt".to_owned(),
                    code: ErrorCode::InTheFuture,
                    message: "record it once you have seen it".to_owned(),
                });
                None
            }
            Err(error) => {
                problems.push(FieldError {
                    field: "seenAt".to_owned(),
                    code: ErrorCode::InvalidDatetime,
                    message: error.to_string(),
                });
                None
            }
        }
    };
    Some((text?, seen_at?))
}

fn new_source(text: &SourceText, seen_at: UtcTimestamp) -> NewAddressSource<'_> {
    NewAddressSource {
        kind: text.kind,
        location: &text.location,
        seen_at,
        note: &text.note,
    }
}

fn address_not_found(id: i64) -> AppError {
    AppError::new(
        ErrorCode::OfficialAddressNotFound,
        format!("no official address with id {id}"),
    )
}

impl Saleguard {
    pub fn official_addresses(
        &self,
        sale_id: Option<i64>,
    ) -> Result<Vec<OfficialAddressView>, AppError> {
        Ok(self
            .store()?
            .official_addresses(sale_id.map(SaleId))?
            .into_iter()
            .map(OfficialAddressView::from)
            .collect())
    }

    /// One official address with its sources.
    pub fn official_address(&self, id: i64) -> Result<OfficialAddressView, AppError> {
        self.store()?
            .official_address(id)?
            .map(OfficialAddressView::from)
            .ok_or_else(|| address_not_found(id))
    }

    /// Records that a sale published an address, with where it was seen: a new official
    /// address, or one more source of one already recorded for the same purpose and
    /// chain. Nothing is ever replaced.
    pub fn add_official_address(
        &self,
        sale_id: i64,
        input: &OfficialAddressInput,
    ) -> Result<OfficialAddressView, AppError> {
        let now = self.clock.now();
        let mut store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        let mut problems = Vec::new();
        let address = parse_address(&input.address)
            .map_err(|error| {
                problems.push(FieldError {
                    field: "address".to_owned(),
                    code: ErrorCode::InvalidAddress,
                    message: error.to_string(),
                });
            })
            .ok();
        let chain_id = if input.chain_id.trim().is_empty() {
            Some(sale.terms.chain_id)
        } else {
            match input.chain_id.parse::<u64>() {
                Ok(chain) if (1..=9_007_199_254_740_991).contains(&chain) => Some(chain),
                _ => {
                    problems.push(FieldError {
                        field: "chainId".to_owned(),
                        code: ErrorCode::InvalidChainId,
                        message: "a chain id is a whole number from 1 to 9007199254740991 \
                                  (1 for Ethereum); empty for the sale's chain"
                            .to_owned(),
                    });
                    None
                }
            }
        };
        let source = checked_source(&input.source, now, &mut problems);
        let (Some(address), Some(chain_id), Some((text, seen_at)), true) =
            (address, chain_id, source, problems.is_empty())
        else {
            return Err(AppError::refused(problems));
        };
        let key = OfficialAddressKey {
            sale: sale.id,
            address,
            purpose: input.purpose,
            chain_id,
        };
        let record = store.add_official_address(&key, &new_source(&text, seen_at), now)?;
        tracing::info!(sale_id, id = record.id, "official address source recorded");
        Ok(record.into())
    }

    /// Adds where else an official address was seen.
    pub fn add_address_source(
        &self,
        official_id: i64,
        input: &AddressSourceInput,
    ) -> Result<OfficialAddressView, AppError> {
        let now = self.clock.now();
        let mut problems = Vec::new();
        let Some((text, seen_at)) = checked_source(input, now, &mut problems) else {
            return Err(AppError::refused(problems));
        };
        let record = self
            .store()?
            .add_address_source(official_id, &new_source(&text, seen_at), now)?
            .ok_or_else(|| address_not_found(official_id))?;
        tracing::info!(id = official_id, "official address source recorded");
        Ok(record.into())
    }

    /// Removes a source; an address left with none goes too (`None`).
    pub fn remove_address_source(
        &self,
        source_id: i64,
    ) -> Result<Option<OfficialAddressView>, AppError> {
        let left = self
            .store()?
            .remove_address_source(source_id)?
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::SourceNotFound,
                    format!("no source with id {source_id}"),
                )
            })?;
        tracing::info!(id = source_id, "official address source removed");
        Ok(left.map(OfficialAddressView::from))
    }

    /// Retires an official address the user no longer trusts, keeping why: it vouches
    /// for nothing from then on.
    pub fn retire_official_address(
        &self,
        official_id: i64,
        reason: &str,
    ) -> Result<OfficialAddressView, AppError> {
        let reason = retired_reason(reason)
            .map_err(|problem| AppError::refused(vec![field_error(problem)]))?;
        let record = self
            .store()?
            .retire_official_address(official_id, &reason, self.clock.now())?
            .ok_or_else(|| address_not_found(official_id))?;
        tracing::info!(id = official_id, "official address retired");
        Ok(record.into())
    }
}
