//! Research on sales (`research`, `research_factors`), whitepaper fingerprints, KYC
//! details and refund deadlines of participations, and the user's settings.

use rusqlite::{OptionalExtension, params};
use saleguard_core::diligence::{Factor, RedFlag, Score};
use saleguard_core::kyc::KycDetails;
use saleguard_core::research::{FactorFindings, Research, WhitepaperFingerprint, parse_country};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{CountryCode, Url};

use crate::participations::ParticipationId;
use crate::rows::{invalid, moment as timestamp};
use crate::{Store, StoreError};

const KYC_COLUMNS: &str = "participation_id, provider, submitted_at, reference, notes";

fn read_kyc(row: &rusqlite::Row<'_>) -> Result<(ParticipationId, KycDetails), StoreError> {
    Ok((
        ParticipationId(row.get("participation_id")?),
        KycDetails {
            provider: row.get("provider")?,
            submitted_at: row
                .get::<_, Option<i64>>("submitted_at")?
                .map(|at| timestamp(at, "KYC submission time"))
                .transpose()?,
            reference: row.get("reference")?,
            notes: row.get("notes")?,
        },
    ))
}

/// A whitepaper fingerprint as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FingerprintRecord {
    pub id: i64,
    pub fingerprint: WhitepaperFingerprint,
    pub recorded_at: UtcTimestamp,
}

fn join_countries(countries: &[CountryCode]) -> String {
    countries
        .iter()
        .map(|c| c.alpha2())
        .collect::<Vec<_>>()
        .join(",")
}

fn split_countries(text: &str) -> Result<Vec<CountryCode>, StoreError> {
    text.split(',')
        .filter(|code| !code.is_empty())
        .map(|code| parse_country(code).ok_or_else(|| invalid("jurisdiction")))
        .collect()
}

impl Store {
    pub(crate) fn require_sale(&self, sale: SaleId) -> Result<(), StoreError> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sales WHERE id = ?1)",
            [sale.0],
            |row| row.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::SaleNotFound(sale))
        }
    }

    pub(crate) fn require_participation(&self, id: ParticipationId) -> Result<(), StoreError> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM participations WHERE id = ?1)",
            [id.0],
            |row| row.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::ParticipationNotFound(id))
        }
    }

    /// Replaces the research on `sale`, all of it or nothing.
    pub fn set_research(
        &mut self,
        sale: SaleId,
        research: &Research,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        self.require_sale(sale)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO research \
             (sale_id, red_flags, eligible_jurisdictions, excluded_jurisdictions, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                sale.0,
                research
                    .red_flags
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                join_countries(&research.eligible),
                join_countries(&research.excluded),
                now.unix_seconds(),
            ],
        )?;
        tx.execute("DELETE FROM research_factors WHERE sale_id = ?1", [sale.0])?;
        for findings in &research.factors {
            let judged = findings.score.is_some()
                || !findings.notes.is_empty()
                || !findings.evidence.is_empty();
            if !judged {
                continue;
            }
            tx.execute(
                "INSERT INTO research_factors (sale_id, factor, score, notes, evidence) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    sale.0,
                    findings.factor.as_str(),
                    findings.score.map(Score::get),
                    findings.notes,
                    findings
                        .evidence
                        .iter()
                        .map(Url::as_str)
                        .collect::<Vec<_>>()
                        .join("\n"),
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The research on `sale` and when it was last saved; `None` when nothing was saved.
    pub fn research(&self, sale: SaleId) -> Result<Option<(Research, UtcTimestamp)>, StoreError> {
        let Some((red_flags, eligible, excluded, updated_at)) = self
            .conn
            .prepare_cached(
                "SELECT red_flags, eligible_jurisdictions, excluded_jurisdictions, updated_at \
                 FROM research WHERE sale_id = ?1",
            )?
            .query_row([sale.0], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                ))
            })
            .optional()?
        else {
            return Ok(None);
        };
        let mut research = Research::empty();
        research.red_flags = red_flags
            .split(',')
            .filter(|name| !name.is_empty())
            .map(|name| RedFlag::parse(name).ok_or_else(|| invalid("red flag")))
            .collect::<Result<_, _>>()?;
        research.eligible = split_countries(&eligible)?;
        research.excluded = split_countries(&excluded)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT factor, score, notes, evidence FROM research_factors WHERE sale_id = ?1",
        )?;
        let rows = statement.query_map([sale.0], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<u8>>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (factor, score, notes, evidence) = row?;
            let factor = Factor::parse(&factor).ok_or_else(|| invalid("factor"))?;
            let score = score
                .map(|s| Score::new(s).ok_or_else(|| invalid("score")))
                .transpose()?;
            let evidence = evidence
                .lines()
                .map(|link| Url::parse(link).map_err(|_| invalid("evidence link")))
                .collect::<Result<_, _>>()?;
            if let Some(slot) = research.factors.iter_mut().find(|f| f.factor == factor) {
                *slot = FactorFindings {
                    factor,
                    score,
                    notes,
                    evidence,
                };
            }
        }
        Ok(Some((research, timestamp(updated_at, "research time")?)))
    }

    /// Keeps one more fingerprint of a sale's whitepaper.
    pub fn add_whitepaper_fingerprint(
        &mut self,
        sale: SaleId,
        fingerprint: &WhitepaperFingerprint,
        now: UtcTimestamp,
    ) -> Result<FingerprintRecord, StoreError> {
        self.require_sale(sale)?;
        let byte_count =
            i64::try_from(fingerprint.byte_count).map_err(|_| invalid("whitepaper size"))?;
        self.conn.execute(
            "INSERT INTO whitepaper_fingerprints (sale_id, sha256, file_name, byte_count, recorded_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                sale.0,
                fingerprint.sha256_hex(),
                fingerprint.file_name,
                byte_count,
                now.unix_seconds()
            ],
        )?;
        Ok(FingerprintRecord {
            id: self.conn.last_insert_rowid(),
            fingerprint: fingerprint.clone(),
            recorded_at: now,
        })
    }

    /// Every fingerprint of a sale's whitepaper, oldest first.
    pub fn whitepaper_fingerprints(
        &self,
        sale: SaleId,
    ) -> Result<Vec<FingerprintRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, sha256, file_name, byte_count, recorded_at FROM whitepaper_fingerprints \
             WHERE sale_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([sale.0], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, i64>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (id, sha256, file_name, byte_count, recorded_at) = row?;
            let byte_count = u64::try_from(byte_count).map_err(|_| invalid("whitepaper size"))?;
            Ok(FingerprintRecord {
                id,
                fingerprint: WhitepaperFingerprint::new(&sha256, &file_name, byte_count)
                    .map_err(|_| invalid("whitepaper fingerprint"))?,
                recorded_at: timestamp(recorded_at, "fingerprint time")?,
            })
        })
        .collect()
    }

    /// Sets the KYC details of a participation.
    pub fn set_kyc(
        &mut self,
        participation: ParticipationId,
        details: &KycDetails,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        self.require_participation(participation)?;
        self.conn.execute(
            "INSERT OR REPLACE INTO kyc_records \
             (participation_id, provider, submitted_at, reference, notes, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                participation.0,
                details.provider,
                details.submitted_at.map(UtcTimestamp::unix_seconds),
                details.reference,
                details.notes,
                now.unix_seconds()
            ],
        )?;
        Ok(())
    }

    pub fn kyc(&self, participation: ParticipationId) -> Result<Option<KycDetails>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {KYC_COLUMNS} FROM kyc_records WHERE participation_id = ?1"
            ))?
            .query_row([participation.0], |row| Ok(read_kyc(row)))
            .optional()?
            .map(|details| details.map(|(_, details)| details))
            .transpose()
    }

    /// Every participation's KYC details, by participation.
    pub fn all_kyc(&self) -> Result<Vec<(ParticipationId, KycDetails)>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {KYC_COLUMNS} FROM kyc_records ORDER BY participation_id"
        ))?;
        let rows = statement.query_map([], |row| Ok(read_kyc(row)))?;
        rows.map(|row| row?).collect()
    }

    /// Sets (or with `None` clears) a participation's refund deadline.
    pub fn set_refund_deadline(
        &mut self,
        participation: ParticipationId,
        due_at: Option<UtcTimestamp>,
    ) -> Result<(), StoreError> {
        self.require_participation(participation)?;
        match due_at {
            Some(at) => self.conn.execute(
                "INSERT OR REPLACE INTO refund_deadlines (participation_id, due_at) VALUES (?1, ?2)",
                params![participation.0, at.unix_seconds()],
            )?,
            None => self.conn.execute(
                "DELETE FROM refund_deadlines WHERE participation_id = ?1",
                [participation.0],
            )?,
        };
        Ok(())
    }

    pub fn refund_deadline(
        &self,
        participation: ParticipationId,
    ) -> Result<Option<UtcTimestamp>, StoreError> {
        self.conn
            .prepare_cached("SELECT due_at FROM refund_deadlines WHERE participation_id = ?1")?
            .query_row([participation.0], |row| row.get::<_, i64>(0))
            .optional()?
            .map(|at| timestamp(at, "refund deadline"))
            .transpose()
    }

    /// Every refund deadline, by participation.
    pub fn refund_deadlines(&self) -> Result<Vec<(ParticipationId, UtcTimestamp)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT participation_id, due_at FROM refund_deadlines ORDER BY due_at",
        )?;
        let rows =
            statement.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)))?;
        rows.map(|row| {
            let (id, at) = row?;
            Ok((ParticipationId(id), timestamp(at, "refund deadline")?))
        })
        .collect()
    }

    /// The user's country of residence, if they said.
    pub fn residence_country(&self) -> Result<Option<CountryCode>, StoreError> {
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'residence_country'")?
            .query_row([], |row| row.get::<_, String>(0))
            .optional()?
            .map(|code| parse_country(&code).ok_or_else(|| invalid("country of residence")))
            .transpose()
    }

    pub fn set_residence_country(
        &mut self,
        country: Option<CountryCode>,
    ) -> Result<(), StoreError> {
        match country {
            Some(country) => self.conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('residence_country', ?1)",
                [country.alpha2()],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = 'residence_country'", [])?,
        };
        Ok(())
    }
}
