//! The user's contacts and the history of overridden reviews.

use std::str::FromStr;

use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::address::checksummed;
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, U256};

use crate::rows::{invalid, moment};
use crate::{Store, StoreError};

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRecord {
    pub id: i64,
    pub label: String,
    pub address: Address,
    pub note: String,
    pub created_at: UtcTimestamp,
}

/// A review the user overrode: what was reviewed, the findings as they were, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideRecord {
    pub id: i64,
    pub sale_id: SaleId,
    pub from: Address,
    pub to: Address,
    /// Base units of the sale's accepted currency.
    pub amount: U256,
    pub chain_id: u64,
    pub reviewed_at: UtcTimestamp,
    /// The findings, as the JSON array the caller stored.
    pub findings: String,
    pub reason: String,
    pub created_at: UtcTimestamp,
}

fn address(text: &str, what: &str) -> Result<Address, StoreError> {
    Address::from_str(text).map_err(|_| invalid(what))
}

const CONTACT_COLUMNS: &str = "id, label, address, note, created_at";

fn read_contact(row: &Row<'_>) -> rusqlite::Result<(i64, String, String, String, i64)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn contact(
    (id, label, text, note, created_at): (i64, String, String, String, i64),
) -> Result<ContactRecord, StoreError> {
    Ok(ContactRecord {
        id,
        label,
        address: address(&text, "contact address")?,
        note,
        created_at: moment(created_at, "contact time")?,
    })
}

const OVERRIDE_COLUMNS: &str = "id, sale_id, from_address, to_address, amount, chain_id, \
     reviewed_at, findings, reason, created_at";

fn read_override(row: &Row<'_>) -> Result<OverrideRecord, StoreError> {
    Ok(OverrideRecord {
        id: row.get(0)?,
        sale_id: SaleId(row.get(1)?),
        from: address(&row.get::<_, String>(2)?, "override sender")?,
        to: address(&row.get::<_, String>(3)?, "override destination")?,
        amount: U256::from_str_radix(&row.get::<_, String>(4)?, 10)
            .map_err(|_| invalid("override amount"))?,
        chain_id: u64::try_from(row.get::<_, i64>(5)?).map_err(|_| invalid("override chain"))?,
        reviewed_at: moment(row.get(6)?, "override review time")?,
        findings: row.get(7)?,
        reason: row.get(8)?,
        created_at: moment(row.get(9)?, "override time")?,
    })
}

impl Store {
    /// Adds a contact. The caller checks first that neither the label (any case) nor
    /// the address is taken ([`Store::contact_named`], [`Store::contact_at`]).
    pub fn insert_contact(
        &mut self,
        label: &str,
        address: Address,
        note: &str,
        now: UtcTimestamp,
    ) -> Result<ContactRecord, StoreError> {
        self.conn.execute(
            "INSERT INTO contacts (label, address, note, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![label, checksummed(&address), note, now.unix_seconds()],
        )?;
        Ok(ContactRecord {
            id: self.conn.last_insert_rowid(),
            label: label.to_owned(),
            address,
            note: note.to_owned(),
            created_at: now,
        })
    }

    /// Every contact, by label.
    pub fn contacts(&self) -> Result<Vec<ContactRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contacts ORDER BY label COLLATE NOCASE, id"
        ))?;
        let rows = statement.query_map([], read_contact)?;
        rows.map(|row| contact(row?)).collect()
    }

    /// The contact with this label, in any case.
    pub fn contact_named(&self, label: &str) -> Result<Option<ContactRecord>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE label = ?1"),
                [label],
                read_contact,
            )
            .optional()?
            .map(contact)
            .transpose()
    }

    /// The contact at this address.
    pub fn contact_at(&self, at: &Address) -> Result<Option<ContactRecord>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE address = ?1"),
                [checksummed(at)],
                read_contact,
            )
            .optional()?
            .map(contact)
            .transpose()
    }

    /// Removes a contact; `false` when there was none with this id.
    pub fn delete_contact(&mut self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM contacts WHERE id = ?1", [id])?
            == 1)
    }

    /// Keeps an overridden review in the history.
    pub fn insert_override(&mut self, record: &OverrideRecord) -> Result<i64, StoreError> {
        self.require_sale(record.sale_id)?;
        self.conn.execute(
            "INSERT INTO review_overrides (sale_id, from_address, to_address, amount, chain_id, \
             reviewed_at, findings, reason, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                record.sale_id.0,
                checksummed(&record.from),
                checksummed(&record.to),
                record.amount.to_string(),
                i64::try_from(record.chain_id).map_err(|_| invalid("override chain"))?,
                record.reviewed_at.unix_seconds(),
                record.findings,
                record.reason,
                record.created_at.unix_seconds(),
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Overridden reviews, newest first: of one sale, or (with `None`) of all.
    pub fn overrides(&self, sale: Option<SaleId>) -> Result<Vec<OverrideRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {OVERRIDE_COLUMNS} FROM review_overrides \
             WHERE ?1 IS NULL OR sale_id = ?1 ORDER BY id DESC"
        ))?;
        let mut rows = statement.query([sale.map(|s| s.0)])?;
        let mut records = Vec::new();
        while let Some(row) = rows.next()? {
            records.push(read_override(row)?);
        }
        Ok(records)
    }
}
