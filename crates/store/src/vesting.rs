//! The `vesting_plans` table: one plan per participation.

use rusqlite::{OptionalExtension, Row};
use saleguard_core::U256;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::{BasisPoints, Frequency, Tranche, VestingPlan, VestingTerms};

use crate::participations::ParticipationId;
use crate::{Store, StoreError};

const COLUMNS: &str = "participation_id, total_base_units, tge_at, kind, at_tge_bps, cliff_months, months, frequency, tranches";

impl Store {
    /// Sets (or replaces) a participation's vesting plan.
    pub fn set_vesting(
        &mut self,
        participation: ParticipationId,
        terms: &VestingTerms,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        self.require_participation(participation)?;
        let (kind, at_tge, cliff, months, frequency, tranches) = match &terms.plan {
            VestingPlan::Linear {
                at_tge,
                cliff_months,
                months,
                frequency,
            } => (
                "linear",
                Some(at_tge.get()),
                Some(*cliff_months),
                Some(*months),
                Some(frequency.as_str()),
                None,
            ),
            VestingPlan::Tranches(tranches) => (
                "tranches",
                None,
                None,
                None,
                None,
                Some(
                    tranches
                        .iter()
                        .map(|t| format!("{}:{}", t.months_after_tge, t.share.get()))
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            ),
        };
        self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO vesting_plans ({COLUMNS}, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            ),
            rusqlite::params![
                participation.0,
                terms.total.to_string(),
                terms.tge.unix_seconds(),
                kind,
                at_tge,
                cliff,
                months,
                frequency,
                tranches,
                now.unix_seconds(),
            ],
        )?;
        Ok(())
    }

    pub fn vesting(
        &self,
        participation: ParticipationId,
    ) -> Result<Option<VestingTerms>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM vesting_plans WHERE participation_id = ?1"
            ))?
            .query_row([participation.0], |row| Ok(read_terms(row)))
            .optional()?
            .map(|terms| terms.map(|(_, terms)| terms))
            .transpose()
    }

    /// Every vesting plan, by participation.
    pub fn all_vesting(&self) -> Result<Vec<(ParticipationId, VestingTerms)>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM vesting_plans ORDER BY participation_id"
        ))?;
        let rows = statement.query_map([], |row| Ok(read_terms(row)))?;
        rows.map(|row| row?).collect()
    }
}

fn invalid() -> StoreError {
    StoreError::InvalidRow {
        what: "vesting plan".to_owned(),
    }
}

fn read_terms(row: &Row<'_>) -> Result<(ParticipationId, VestingTerms), StoreError> {
    let total = U256::from_str_radix(&row.get::<_, String>("total_base_units")?, 10)
        .map_err(|_| invalid())?;
    let tge = UtcTimestamp::from_unix_seconds(row.get("tge_at")?).map_err(|_| invalid())?;
    let plan = match row.get::<_, String>("kind")?.as_str() {
        "linear" => VestingPlan::Linear {
            at_tge: row
                .get::<_, Option<u16>>("at_tge_bps")?
                .and_then(BasisPoints::new)
                .ok_or_else(invalid)?,
            cliff_months: row.get::<_, Option<u32>>("cliff_months")?.unwrap_or(0),
            months: row.get::<_, Option<u32>>("months")?.ok_or_else(invalid)?,
            frequency: row
                .get::<_, Option<String>>("frequency")?
                .as_deref()
                .and_then(Frequency::parse)
                .ok_or_else(invalid)?,
        },
        "tranches" => VestingPlan::Tranches(
            row.get::<_, Option<String>>("tranches")?
                .ok_or_else(invalid)?
                .split(',')
                .map(|pair| {
                    let (months, share) = pair.split_once(':').ok_or_else(invalid)?;
                    Ok(Tranche {
                        months_after_tge: months.parse().map_err(|_| invalid())?,
                        share: share
                            .parse()
                            .ok()
                            .and_then(BasisPoints::new)
                            .ok_or_else(invalid)?,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
        ),
        _ => return Err(invalid()),
    };
    Ok((
        ParticipationId(row.get("participation_id")?),
        VestingTerms { total, tge, plan },
    ))
}
