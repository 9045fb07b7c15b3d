//! Lists of known scams the user imported: phishing domains, allowed domains, domains
//! scammers impersonate, and scam addresses with the list's note on each.

use rusqlite::{OptionalExtension, params};
use saleguard_core::timestamp::UtcTimestamp;

use crate::rows::{invalid, moment};
use crate::{Store, StoreError};

/// What an entry of a list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScamEntryKind {
    /// A phishing domain (its subdomains too).
    Block,
    /// A domain its list never catches.
    Allow,
    /// A domain scammers impersonate.
    Target,
    /// A scam address (checksummed).
    Address,
}

impl ScamEntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Block => "block",
            Self::Allow => "allow",
            Self::Target => "target",
            Self::Address => "address",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Self::Block, Self::Allow, Self::Target, Self::Address]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScamEntry {
    pub kind: ScamEntryKind,
    /// A domain (lower case, ASCII) or a checksummed address.
    pub entry: String,
    pub note: String,
}

/// A list as stored, without its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScamListRecord {
    pub id: i64,
    pub name: String,
    /// The file or web address it was imported from.
    pub source: String,
    /// The web address it is refreshed from, for a list imported from one.
    pub url: Option<String>,
    /// Edits within which a domain is taken for one of the list's targets.
    pub tolerance: u8,
    /// When it was imported, or last refreshed.
    pub imported_at: UtcTimestamp,
    /// How many entries of each kind: blocked domains, allowed, targets, addresses.
    pub counts: [u64; 4],
}

/// A list to store.
#[derive(Debug, Clone, Copy)]
pub struct NewScamList<'a> {
    pub name: &'a str,
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub tolerance: u8,
    pub entries: &'a [ScamEntry],
}

/// Inserts list `id`'s entries: a duplicate is kept once, anything the table refuses
/// fails the whole transaction (`OR IGNORE` would drop it silently).
fn insert_entries(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    entries: &[ScamEntry],
) -> Result<(), StoreError> {
    let mut insert = tx.prepare(
        "INSERT INTO scam_list_entries (list_id, kind, entry, note) \
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
    )?;
    for entry in entries {
        insert.execute(params![id, entry.kind.as_str(), entry.entry, entry.note])?;
    }
    Ok(())
}

impl Store {
    /// Stores a list and its entries in one transaction: all of it, or nothing. The
    /// caller checks first that no list has the name ([`Store::scam_list_named`]).
    pub fn insert_scam_list(
        &mut self,
        list: &NewScamList<'_>,
        now: UtcTimestamp,
    ) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO scam_lists (name, source, url, tolerance, imported_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                list.name,
                list.source,
                list.url,
                list.tolerance,
                now.unix_seconds()
            ],
        )?;
        let id = tx.last_insert_rowid();
        insert_entries(&tx, id, list.entries)?;
        tx.commit()?;
        Ok(id)
    }

    /// Puts `entries` in place of list `id`'s, with its new tolerance, in one
    /// transaction: the whole new list, or the old one untouched. False when there is no
    /// such list.
    pub fn replace_scam_list_entries(
        &mut self,
        id: i64,
        tolerance: u8,
        entries: &[ScamEntry],
        now: UtcTimestamp,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let updated = tx.execute(
            "UPDATE scam_lists SET tolerance = ?2, imported_at = ?3 WHERE id = ?1",
            params![id, tolerance, now.unix_seconds()],
        )?;
        if updated == 0 {
            return Ok(false);
        }
        tx.execute("DELETE FROM scam_list_entries WHERE list_id = ?1", [id])?;
        insert_entries(&tx, id, entries)?;
        tx.commit()?;
        Ok(true)
    }

    /// Every list, by name, with how many entries of each kind it holds.
    pub fn scam_lists(&self) -> Result<Vec<ScamListRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT l.id, l.name, l.source, l.url, l.tolerance, l.imported_at, \
             (SELECT count(*) FROM scam_list_entries e WHERE e.list_id = l.id AND e.kind = 'block'), \
             (SELECT count(*) FROM scam_list_entries e WHERE e.list_id = l.id AND e.kind = 'allow'), \
             (SELECT count(*) FROM scam_list_entries e WHERE e.list_id = l.id AND e.kind = 'target'), \
             (SELECT count(*) FROM scam_list_entries e WHERE e.list_id = l.id AND e.kind = 'address') \
             FROM scam_lists l ORDER BY l.name COLLATE NOCASE, l.id",
        )?;
        let mut rows = statement.query([])?;
        let mut lists = Vec::new();
        while let Some(row) = rows.next()? {
            let count = |index: usize| -> Result<u64, StoreError> {
                u64::try_from(row.get::<_, i64>(index)?).map_err(|_| invalid("list count"))
            };
            lists.push(ScamListRecord {
                id: row.get(0)?,
                name: row.get(1)?,
                source: row.get(2)?,
                url: row.get(3)?,
                tolerance: u8::try_from(row.get::<_, i64>(4)?)
                    .map_err(|_| invalid("list tolerance"))?,
                imported_at: moment(row.get(5)?, "list import time")?,
                counts: [count(6)?, count(7)?, count(8)?, count(9)?],
            });
        }
        Ok(lists)
    }

    /// The list with this name (any case), if any.
    pub fn scam_list_named(&self, name: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM scam_lists WHERE name = ?1 COLLATE NOCASE",
                [name],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// A list's entries, by kind then entry.
    pub fn scam_list_entries(&self, list: i64) -> Result<Vec<ScamEntry>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT kind, entry, note FROM scam_list_entries WHERE list_id = ?1 \
             ORDER BY kind, entry",
        )?;
        let mut rows = statement.query([list])?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            let kind: String = row.get(0)?;
            entries.push(ScamEntry {
                kind: ScamEntryKind::parse(&kind).ok_or_else(|| invalid("list entry kind"))?,
                entry: row.get(1)?,
                note: row.get(2)?,
            });
        }
        Ok(entries)
    }

    /// Removes a list and its entries; `false` when there was none with this id.
    pub fn delete_scam_list(&mut self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM scam_lists WHERE id = ?1", [id])?
            == 1)
    }
}
