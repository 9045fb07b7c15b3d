//! Sales' official addresses, each for a purpose on a chain, and the sources that vouch
//! for each. Adding a source never replaces another; an address no longer trusted is
//! retired with a reason, not deleted.

use std::str::FromStr;

use rusqlite::{OptionalExtension, Transaction, params};
use saleguard_core::Address;
use saleguard_core::address::checksummed;
use saleguard_core::official::{AddressPurpose, SourceKind};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;

use crate::rows::{invalid, moment};
use crate::{Store, StoreError};

/// An official address of a sale, with the sources that vouch for it, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialAddressRecord {
    pub id: i64,
    pub sale_id: SaleId,
    pub address: Address,
    pub purpose: AddressPurpose,
    pub chain_id: u64,
    /// When the user retired it, and why.
    pub retired: Option<(UtcTimestamp, String)>,
    pub sources: Vec<AddressSourceRecord>,
}

/// One place the user saw an address published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressSourceRecord {
    pub id: i64,
    pub kind: SourceKind,
    /// A URL, or words ("the whitepaper, p. 12").
    pub location: String,
    pub seen_at: UtcTimestamp,
    pub note: String,
}

/// A source to add.
#[derive(Debug, Clone, Copy)]
pub struct NewAddressSource<'a> {
    pub kind: SourceKind,
    pub location: &'a str,
    pub seen_at: UtcTimestamp,
    pub note: &'a str,
}

/// Which official address: its sale, the address, what for and on which chain.
#[derive(Debug, Clone, Copy)]
pub struct OfficialAddressKey {
    pub sale: SaleId,
    pub address: Address,
    pub purpose: AddressPurpose,
    pub chain_id: u64,
}

fn insert_source(
    tx: &Transaction<'_>,
    official: i64,
    source: &NewAddressSource<'_>,
    now: UtcTimestamp,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO official_address_sources (official_address_id, kind, location, seen_at, \
         note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            official,
            source.kind.as_str(),
            source.location,
            source.seen_at.unix_seconds(),
            source.note,
            now.unix_seconds()
        ],
    )?;
    Ok(())
}

impl Store {
    /// Records that an address was published for a sale, as `source` shows: a new
    /// official address with its first source, or one more source of an address already
    /// recorded for that sale, purpose and chain.
    pub fn add_official_address(
        &mut self,
        key: &OfficialAddressKey,
        source: &NewAddressSource<'_>,
        now: UtcTimestamp,
    ) -> Result<OfficialAddressRecord, StoreError> {
        self.require_sale(key.sale)?;
        let tx = self.conn.transaction()?;
        let address = checksummed(&key.address);
        let chain = i64::try_from(key.chain_id).map_err(|_| invalid("chain id"))?;
        tx.execute(
            "INSERT INTO official_addresses (sale_id, address, purpose, chain_id, recorded_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (sale_id, address, purpose, chain_id) DO NOTHING",
            params![
                key.sale.0,
                address,
                key.purpose.as_str(),
                chain,
                now.unix_seconds()
            ],
        )?;
        let id: i64 = tx.query_row(
            "SELECT id FROM official_addresses \
             WHERE sale_id = ?1 AND address = ?2 AND purpose = ?3 AND chain_id = ?4",
            params![key.sale.0, address, key.purpose.as_str(), chain],
            |row| row.get(0),
        )?;
        insert_source(&tx, id, source, now)?;
        tx.commit()?;
        self.official_address(id)?
            .ok_or_else(|| invalid("official address"))
    }

    /// Adds a source to an official address; `None` when there is no address `id`.
    pub fn add_address_source(
        &mut self,
        id: i64,
        source: &NewAddressSource<'_>,
        now: UtcTimestamp,
    ) -> Result<Option<OfficialAddressRecord>, StoreError> {
        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM official_addresses WHERE id = ?1)",
            [id],
            |row| row.get(0),
        )?;
        if !exists {
            return Ok(None);
        }
        insert_source(&tx, id, source, now)?;
        tx.commit()?;
        self.official_address(id)
    }

    /// Removes a source; an address left with none is removed with it. `None` when
    /// there is no source `id`; else the address as it is now (`None` inside when it
    /// went too).
    pub fn remove_address_source(
        &mut self,
        id: i64,
    ) -> Result<Option<Option<OfficialAddressRecord>>, StoreError> {
        let tx = self.conn.transaction()?;
        let Some(official): Option<i64> = tx
            .query_row(
                "DELETE FROM official_address_sources WHERE id = ?1 RETURNING official_address_id",
                [id],
                |row| row.get(0),
            )
            .optional()?
        else {
            return Ok(None);
        };
        tx.execute(
            "DELETE FROM official_addresses WHERE id = ?1 AND NOT EXISTS \
             (SELECT 1 FROM official_address_sources WHERE official_address_id = ?1)",
            [official],
        )?;
        tx.commit()?;
        Ok(Some(self.official_address(official)?))
    }

    /// Retires an address the user no longer trusts, keeping why; `None` when there is
    /// no address `id`. Retiring it again keeps the first moment and reason.
    pub fn retire_official_address(
        &mut self,
        id: i64,
        reason: &str,
        now: UtcTimestamp,
    ) -> Result<Option<OfficialAddressRecord>, StoreError> {
        self.conn.execute(
            "UPDATE official_addresses SET retired_at = ?2, retired_reason = ?3 \
             WHERE id = ?1 AND retired_at IS NULL",
            params![id, now.unix_seconds(), reason],
        )?;
        self.official_address(id)
    }

    /// One official address with its sources.
    pub fn official_address(&self, id: i64) -> Result<Option<OfficialAddressRecord>, StoreError> {
        Ok(self
            .read_official_addresses("a.id = ?1", id)?
            .into_iter()
            .next())
    }

    /// Official addresses with their sources: of one sale, or (with `None`) of every
    /// sale, by sale and then in the order they were first recorded.
    pub fn official_addresses(
        &self,
        sale: Option<SaleId>,
    ) -> Result<Vec<OfficialAddressRecord>, StoreError> {
        match sale {
            Some(sale) => self.read_official_addresses("a.sale_id = ?1", sale.0),
            None => self.read_official_addresses("?1 IS NOT NULL", 0),
        }
    }

    /// The addresses matching `filter` (on `official_addresses a`, with `?1`), each
    /// with its sources: two queries, whatever their number.
    fn read_official_addresses(
        &self,
        filter: &str,
        value: i64,
    ) -> Result<Vec<OfficialAddressRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT a.id, a.sale_id, a.address, a.purpose, a.chain_id, a.retired_at, \
             a.retired_reason FROM official_addresses a WHERE {filter} ORDER BY a.sale_id, a.id"
        ))?;
        let mut addresses = statement
            .query_map([value], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, Option<i64>>(5)?,
                    row.get::<_, String>(6)?,
                ))
            })?
            .map(|row| {
                let (id, sale, address, purpose, chain, retired_at, reason) = row?;
                Ok(OfficialAddressRecord {
                    id,
                    sale_id: SaleId(sale),
                    address: Address::from_str(&address)
                        .map_err(|_| invalid("official address"))?,
                    purpose: AddressPurpose::parse(&purpose)
                        .ok_or_else(|| invalid("official address purpose"))?,
                    chain_id: u64::try_from(chain).map_err(|_| invalid("chain id"))?,
                    retired: retired_at
                        .map(|at| moment(at, "retirement time").map(|at| (at, reason)))
                        .transpose()?,
                    sources: Vec::new(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT s.official_address_id, s.id, s.kind, s.location, s.seen_at, s.note \
             FROM official_address_sources s JOIN official_addresses a \
             ON a.id = s.official_address_id WHERE {filter} ORDER BY s.seen_at, s.id"
        ))?;
        let sources = statement.query_map([value], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, String>(5)?,
            ))
        })?;
        for source in sources {
            let (official, id, kind, location, seen_at, note) = source?;
            let source = AddressSourceRecord {
                id,
                kind: SourceKind::parse(&kind).ok_or_else(|| invalid("source kind"))?,
                location,
                seen_at: moment(seen_at, "source time")?,
                note,
            };
            if let Some(address) = addresses.iter_mut().find(|a| a.id == official) {
                address.sources.push(source);
            }
        }
        Ok(addresses)
    }
}
