//! The `participations` table and its append-only history, `participation_events`.

use rusqlite::{OptionalExtension, Row};
use saleguard_core::participation::ParticipationState;
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;

use crate::rows::invalid;
use crate::{Store, StoreError};

/// A participation's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParticipationId(pub i64);

/// One step of a participation's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationStep {
    pub from: Option<ParticipationState>,
    pub to: ParticipationState,
    pub happened_at: UtcTimestamp,
    pub recorded_at: UtcTimestamp,
    pub note: String,
}

/// A participation with its whole history, oldest step first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationRecord {
    pub id: ParticipationId,
    pub sale_id: SaleId,
    pub state: ParticipationState,
    pub history: Vec<ParticipationStep>,
    pub created_at: UtcTimestamp,
}

impl ParticipationRecord {
    /// The latest step (every participation has at least its first one).
    pub fn last_step(&self) -> Option<&ParticipationStep> {
        self.history.last()
    }
}

/// A step about to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStep {
    pub to: ParticipationState,
    pub happened_at: UtcTimestamp,
    pub note: String,
}

impl Store {
    /// Starts a participation in `sale` with its first step, in one transaction.
    pub fn insert_participation(
        &mut self,
        sale: SaleId,
        first: &NewStep,
        now: UtcTimestamp,
    ) -> Result<ParticipationRecord, StoreError> {
        let tx = self.conn.transaction()?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM participations WHERE sale_id = ?1",
                [sale.0],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = exists {
            return Err(StoreError::ParticipationExists {
                sale,
                participation: ParticipationId(id),
            });
        }
        let sale_exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sales WHERE id = ?1)",
            [sale.0],
            |r| r.get(0),
        )?;
        if !sale_exists {
            return Err(StoreError::SaleNotFound(sale));
        }
        tx.execute(
            "INSERT INTO participations (sale_id, state, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            rusqlite::params![sale.0, first.to.as_str(), now.unix_seconds()],
        )?;
        let id = ParticipationId(tx.last_insert_rowid());
        append_step(&tx, id, None, first, now)?;
        tx.commit()?;
        self.participation(id)
    }

    /// Records a move from `from` (the state the caller checked against) to `step.to`.
    /// Refused if the participation moved meanwhile, so no step is ever lost.
    pub fn record_step(
        &mut self,
        id: ParticipationId,
        from: ParticipationState,
        step: &NewStep,
        now: UtcTimestamp,
    ) -> Result<ParticipationRecord, StoreError> {
        let tx = self.conn.transaction()?;
        move_on(&tx, id, from, step, now)?;
        tx.commit()?;
        self.participation(id)
    }

    pub fn participation(&self, id: ParticipationId) -> Result<ParticipationRecord, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, sale_id, state, created_at FROM participations WHERE id = ?1",
            )?
            .query_row([id.0], |row| Ok(read_participation(row)))
            .optional()?
            .ok_or(StoreError::ParticipationNotFound(id))??;
        self.with_history(row)
    }

    /// The participation in `sale`, if there is one.
    pub fn participation_in_sale(
        &self,
        sale: SaleId,
    ) -> Result<Option<ParticipationRecord>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, sale_id, state, created_at FROM participations WHERE sale_id = ?1",
            )?
            .query_row([sale.0], |row| Ok(read_participation(row)))
            .optional()?
            .transpose()?;
        row.map(|row| self.with_history(row)).transpose()
    }

    /// Every participation with its history, in the order they were started.
    pub fn participations(&self) -> Result<Vec<ParticipationRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, sale_id, state, created_at FROM participations ORDER BY id",
        )?;
        let mut rows: Vec<ParticipationRecord> = statement
            .query_map([], |row| Ok(read_participation(row)))?
            .map(|row| row?)
            .collect::<Result<_, StoreError>>()?;
        // Every history in one read, in the rows' order (both by participation id).
        let mut events = self.conn.prepare_cached(
            "SELECT participation_id, from_state, to_state, happened_at, recorded_at, note \
             FROM participation_events ORDER BY participation_id, id",
        )?;
        let mut events = events.query([])?;
        let mut records = rows.iter_mut().peekable();
        while let Some(event) = events.next()? {
            let owner = ParticipationId(event.get("participation_id")?);
            while records.next_if(|record| record.id < owner).is_some() {}
            match records.peek_mut() {
                Some(record) if record.id == owner => record.history.push(read_step(event)?),
                // A step whose participation is gone (the schema's cascade prevents it).
                _ => return Err(invalid("participation step")),
            }
        }
        Ok(rows)
    }

    fn with_history(
        &self,
        mut record: ParticipationRecord,
    ) -> Result<ParticipationRecord, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT from_state, to_state, happened_at, recorded_at, note FROM participation_events \
             WHERE participation_id = ?1 ORDER BY id",
        )?;
        record.history = statement
            .query_map([record.id.0], |row| Ok(read_step(row)))?
            .map(|row| row?)
            .collect::<Result<_, StoreError>>()?;
        Ok(record)
    }
}

/// Moves participation `id` from `from` to `step.to` and appends the step, on `tx`.
pub(crate) fn move_on(
    tx: &rusqlite::Transaction<'_>,
    id: ParticipationId,
    from: ParticipationState,
    step: &NewStep,
    now: UtcTimestamp,
) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE participations SET state = ?1, updated_at = ?2 WHERE id = ?3 AND state = ?4",
        rusqlite::params![step.to.as_str(), now.unix_seconds(), id.0, from.as_str()],
    )?;
    if changed == 0 {
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM participations WHERE id = ?1)",
            [id.0],
            |r| r.get(0),
        )?;
        return Err(if exists {
            StoreError::ParticipationChanged(id)
        } else {
            StoreError::ParticipationNotFound(id)
        });
    }
    append_step(tx, id, Some(from), step, now)
}

fn append_step(
    tx: &rusqlite::Transaction<'_>,
    id: ParticipationId,
    from: Option<ParticipationState>,
    step: &NewStep,
    now: UtcTimestamp,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO participation_events (participation_id, from_state, to_state, happened_at, recorded_at, note) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![
            id.0,
            from.map(ParticipationState::as_str),
            step.to.as_str(),
            step.happened_at.unix_seconds(),
            now.unix_seconds(),
            step.note,
        ],
    )?;
    Ok(())
}

fn state(text: &str) -> Result<ParticipationState, StoreError> {
    ParticipationState::parse(text).ok_or_else(|| invalid("participation state"))
}

fn moment(seconds: i64) -> Result<UtcTimestamp, StoreError> {
    crate::rows::moment(seconds, "participation time")
}

fn read_participation(row: &Row<'_>) -> Result<ParticipationRecord, StoreError> {
    Ok(ParticipationRecord {
        id: ParticipationId(row.get("id")?),
        sale_id: SaleId(row.get("sale_id")?),
        state: state(&row.get::<_, String>("state")?)?,
        history: Vec::new(),
        created_at: moment(row.get("created_at")?)?,
    })
}

fn read_step(row: &Row<'_>) -> Result<ParticipationStep, StoreError> {
    Ok(ParticipationStep {
        from: row
            .get::<_, Option<String>>("from_state")?
            .map(|text| state(&text))
            .transpose()?,
        to: state(&row.get::<_, String>("to_state")?)?,
        happened_at: moment(row.get("happened_at")?)?,
        recorded_at: moment(row.get("recorded_at")?)?,
        note: row.get("note")?,
    })
}
