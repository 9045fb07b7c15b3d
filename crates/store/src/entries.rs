//! The `ledger_entries` table: contributions, refunds and distributions.

use std::collections::HashMap;

use rusqlite::Row;
use rusqlite::types::Value;
use saleguard_core::U256;
use saleguard_core::entry::{Entry, EntryKind, ProvedEntry};
use saleguard_core::timestamp::UtcTimestamp;

use crate::paging::{ListQuery, Page, PageRequest, TimeOrder};
use crate::participations::ParticipationId;
use crate::{Store, StoreError};

/// Where an entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntrySource {
    /// Typed in by the user.
    Manual,
    /// Read from the receipt of a transaction Saleguard signed.
    Signed,
    /// Found in the chain's logs by a scan: a delivery Saleguard did not sign (an
    /// airdrop, a claim made elsewhere).
    Found,
}

impl EntrySource {
    pub const ALL: [EntrySource; 3] = [Self::Manual, Self::Signed, Self::Found];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Signed => "signed",
            Self::Found => "found",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|source| source.as_str() == text)
    }
}

/// A change to a participation's ledger, from what its transactions' receipts prove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryCorrection {
    /// Entry `id` takes the amount (and the log, and the note) the chain proves.
    Amend {
        id: i64,
        amount: U256,
        log_index: Option<u64>,
        note: String,
    },
    /// Entry `id` is not proved by anything: removed.
    Remove { id: i64 },
    /// An entry the chain proves that was not recorded.
    Add(ProvedEntry),
}

/// Which of a participation's entries a list holds: all, or those of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFilter {
    pub participation: ParticipationId,
    pub kind: Option<EntryKind>,
}

impl EntryFilter {
    /// Served by the index `ledger_entries_by_participation`; a kind is checked on the
    /// rows it gives.
    pub(crate) fn query(&self, order: TimeOrder) -> ListQuery<'static> {
        let mut query = ListQuery {
            columns: COLUMNS,
            table: "ledger_entries",
            conditions: vec!["participation_id = ?"],
            values: vec![Value::Integer(self.participation.0)],
            order_by: format!("happened_at {0}, id {0}", order.sql()),
        };
        if let Some(kind) = self.kind {
            query.conditions.push("kind = ?");
            query.values.push(Value::Text(kind.as_str().to_owned()));
        }
        query
    }
}

/// A recorded entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRecord {
    pub id: i64,
    pub participation_id: ParticipationId,
    pub source: EntrySource,
    pub entry: Entry,
    /// The log that proves it, in the transaction its `reference` names.
    pub log_index: Option<u64>,
    pub recorded_at: UtcTimestamp,
}

/// Inserts an entry on `conn` (the store's connection or a transaction of it); its id,
/// or none when the log that proves it is already recorded.
pub(crate) fn insert_entry_on(
    conn: &rusqlite::Connection,
    participation: ParticipationId,
    entry: &Entry,
    log_index: Option<u64>,
    source: EntrySource,
    now: UtcTimestamp,
) -> Result<Option<i64>, StoreError> {
    let log_index = log_index
        .map(|index| i64::try_from(index).map_err(|_| crate::rows::invalid("log index")))
        .transpose()?;
    let inserted = conn
        .prepare_cached(
            "INSERT INTO ledger_entries (participation_id, kind, source, happened_at, asset, decimals, \
             amount_base_units, reference, from_party, to_party, note, recorded_at, log_index) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
             ON CONFLICT DO NOTHING",
        )?
        .execute(rusqlite::params![
        participation.0,
        entry.kind.as_str(),
        source.as_str(),
        entry.happened_at.unix_seconds(),
        entry.asset,
        entry.decimals,
        saleguard_core::amount::format_amount(entry.amount, 0),
        entry.reference,
        entry.from,
        entry.to,
        entry.note,
        now.unix_seconds(),
        log_index,
    ])?;
    Ok((inserted == 1).then(|| conn.last_insert_rowid()))
}

const COLUMNS: &str = "id, participation_id, kind, source, happened_at, asset, decimals, \
     amount_base_units, reference, from_party, to_party, note, recorded_at, log_index";

impl Store {
    pub fn insert_entry(
        &mut self,
        participation: ParticipationId,
        entry: &Entry,
        source: EntrySource,
        now: UtcTimestamp,
    ) -> Result<EntryRecord, StoreError> {
        self.require_participation(participation)?;
        let id = insert_entry_on(&self.conn, participation, entry, None, source, now)?
            .ok_or_else(|| crate::rows::invalid("entry"))?;
        self.conn.query_row(
            &format!("SELECT {COLUMNS} FROM ledger_entries WHERE id = ?1"),
            [id],
            |row| Ok(read_entry(row)),
        )?
    }

    /// Records what the chain proves for `participation` (a delivery a scan found, with
    /// its log) unless that log is already recorded; whether it was new.
    pub fn insert_proved_entry(
        &mut self,
        participation: ParticipationId,
        proved: &ProvedEntry,
        source: EntrySource,
        now: UtcTimestamp,
    ) -> Result<bool, StoreError> {
        self.require_participation(participation)?;
        let id = insert_entry_on(
            &self.conn,
            participation,
            &proved.entry,
            proved.log_index,
            source,
            now,
        )?;
        Ok(id.is_some())
    }

    /// Applies `corrections` to `participation`'s ledger in one transaction, with a note in
    /// its history (`step`, from and to its current state `state`: the old values, kept)
    /// — or nothing, if the participation moved or an entry is not its own.
    pub fn correct_entries(
        &mut self,
        participation: ParticipationId,
        state: saleguard_core::participation::ParticipationState,
        corrections: &[EntryCorrection],
        step: &crate::NewStep,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for correction in corrections {
            let changed = match correction {
                EntryCorrection::Amend {
                    id,
                    amount,
                    log_index,
                    note,
                } => tx.execute(
                    "UPDATE ledger_entries SET amount_base_units = ?3, log_index = ?4, note = ?5
                     WHERE id = ?1 AND participation_id = ?2",
                    rusqlite::params![
                        id,
                        participation.0,
                        amount.to_string(),
                        log_index
                            .map(|index| i64::try_from(index)
                                .map_err(|_| crate::rows::invalid("log index")))
                            .transpose()?,
                        note,
                    ],
                )?,
                EntryCorrection::Remove { id } => tx.execute(
                    "DELETE FROM ledger_entries WHERE id = ?1 AND participation_id = ?2",
                    rusqlite::params![id, participation.0],
                )?,
                EntryCorrection::Add(proved) => insert_entry_on(
                    &tx,
                    participation,
                    &proved.entry,
                    proved.log_index,
                    EntrySource::Signed,
                    now,
                )?
                .map_or(0, |_| 1),
            };
            if changed != 1 {
                return Err(crate::rows::invalid("corrected entry"));
            }
        }
        crate::participations::move_on(&tx, participation, state, step, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Every participation's entries in one read, each participation's oldest first.
    pub fn all_entries(&self) -> Result<Vec<EntryRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM ledger_entries ORDER BY participation_id, happened_at, id"
        ))?;
        let rows = statement.query_map([], |row| Ok(read_entry(row)))?;
        rows.map(|row| row?).collect()
    }

    /// How many entries each participation has (none: not listed), read from the index.
    pub fn entry_counts(&self) -> Result<HashMap<ParticipationId, u32>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT participation_id, count(*) FROM ledger_entries GROUP BY participation_id",
        )?;
        let counts = statement
            .query_map([], |row| Ok((ParticipationId(row.get(0)?), row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(counts)
    }

    /// How many entries a participation has.
    pub fn entry_count(&self, participation: ParticipationId) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM ledger_entries WHERE participation_id = ?1")?
            .query_row([participation.0], |row| row.get(0))?)
    }

    /// One page of a participation's entries that `filter` keeps, in `order` of when
    /// they happened.
    pub fn entries_page(
        &self,
        filter: &EntryFilter,
        order: TimeOrder,
        request: PageRequest,
    ) -> Result<Page<EntryRecord>, StoreError> {
        self.page(&filter.query(order), request, read_entry)
    }

    /// Every entry `filter` keeps, in `order`, handed to `each` as it is read.
    pub fn each_entry<E: From<StoreError>>(
        &self,
        filter: &EntryFilter,
        order: TimeOrder,
        each: impl FnMut(EntryRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        self.walk(&filter.query(order), read_entry, each)
    }

    /// A participation's entries, oldest first.
    pub fn entries(&self, participation: ParticipationId) -> Result<Vec<EntryRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM ledger_entries WHERE participation_id = ?1 ORDER BY happened_at, id"
        ))?;
        let rows = statement.query_map([participation.0], |row| Ok(read_entry(row)))?;
        rows.map(|row| row?).collect()
    }
}

fn read_entry(row: &Row<'_>) -> Result<EntryRecord, StoreError> {
    let invalid = || StoreError::InvalidRow {
        what: "entry".to_owned(),
    };
    let moment = |seconds: i64| UtcTimestamp::from_unix_seconds(seconds).map_err(|_| invalid());
    Ok(EntryRecord {
        id: row.get("id")?,
        participation_id: ParticipationId(row.get("participation_id")?),
        source: EntrySource::parse(&row.get::<_, String>("source")?).ok_or_else(invalid)?,
        entry: Entry {
            kind: EntryKind::parse(&row.get::<_, String>("kind")?).ok_or_else(invalid)?,
            happened_at: moment(row.get("happened_at")?)?,
            asset: row.get("asset")?,
            decimals: row.get("decimals")?,
            amount: U256::from_str_radix(&row.get::<_, String>("amount_base_units")?, 10)
                .map_err(|_| invalid())?,
            reference: row.get("reference")?,
            from: row.get("from_party")?,
            to: row.get("to_party")?,
            note: row.get("note")?,
        },
        log_index: row
            .get::<_, Option<i64>>("log_index")?
            .map(|index| u64::try_from(index).map_err(|_| invalid()))
            .transpose()?,
        recorded_at: moment(row.get("recorded_at")?)?,
    })
}
