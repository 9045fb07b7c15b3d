//! A sale's official addresses: where and when the user saw each one published.

use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfficialAddressInput {
    pub address: String,
    /// Where it was seen: the project's site, an announcement, the whitepaper…
    pub source: String,
    /// When; empty for now.
    pub seen_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfficialAddressView {
    pub id: i64,
    pub sale_id: i64,
    pub address: String,
    pub source: String,
    pub seen_at: String,
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
            .map(|record| OfficialAddressView {
                id: record.id,
                sale_id: record.sale_id.0,
                address: checksummed(&record.address),
                source: record.source,
                seen_at: record.seen_at.to_rfc3339(),
            })
            .collect())
    }

    /// Records where an official address of a sale was published.
    pub fn add_official_address(
        &self,
        sale_id: i64,
        input: &OfficialAddressInput,
    ) -> Result<OfficialAddressView, AppError> {
        let now = self.clock.now();
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
        let source = input.source.trim();
        if source.is_empty()
            || source.chars().count() > 200
            || !saleguard_core::is_clean_text(source, false)
        {
            problems.push(FieldError {
                field: "source".to_owned(),
                code: if source.is_empty() {
                    ErrorCode::Required
                } else {
                    ErrorCode::InvalidText
                },
                message: "where you saw it, in 1 to 200 characters on one line".to_owned(),
            });
        }
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
        let (Some(address), Some(seen_at), true) = (address, seen_at, problems.is_empty()) else {
            return Err(AppError::refused(problems));
        };
        let record =
            self.store()?
                .add_official_address(SaleId(sale_id), address, source, seen_at, now)?;
        tracing::info!(sale_id, "official address recorded");
        Ok(OfficialAddressView {
            id: record.id,
            sale_id,
            address: checksummed(&record.address),
            source: record.source,
            seen_at: record.seen_at.to_rfc3339(),
        })
    }
}
