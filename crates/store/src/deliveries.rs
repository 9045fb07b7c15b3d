//! The `delivery_scans` and `transfers_from_others` tables: how far a participation's
//! scan for token deliveries read the chain, and the transfers it found that did not
//! come from the sale.

use std::str::FromStr;

use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::address::checksummed;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, U256};

use crate::participations::ParticipationId;
use crate::rows::{invalid, moment};
use crate::{Store, StoreError};

/// How far a participation's scan read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryScan {
    /// The sale's token it looked for.
    pub token: Address,
    pub first_block: u64,
    /// The last block read; `first_block - 1` before any was.
    pub scanned_to: u64,
}

/// A transfer of the sale's token to the user that did not come from the sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferFromOther {
    pub transaction: String,
    pub log_index: u64,
    pub block: u64,
    pub happened_at: UtcTimestamp,
    pub token: Address,
    pub from: Address,
    pub to: Address,
    pub amount: U256,
}

/// A kept transfer from another, and whether the user counted it as a distribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferFromOtherRecord {
    pub id: i64,
    pub participation_id: ParticipationId,
    pub transfer: TransferFromOther,
    /// The ledger entry recording it, once the user counted it.
    pub counted_as: Option<i64>,
}

/// Transfers from others with the ledger entry that counts each, if one does.
const SELECT_TRANSFERS: &str = "SELECT t.*, (SELECT e.id FROM ledger_entries e
         WHERE lower(e.reference) = lower(t.tx_hash) AND e.log_index = t.log_index)
     AS counted_as
 FROM transfers_from_others t";

fn signed(value: u64, what: &str) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| invalid(what))
}

fn unsigned(row: &Row<'_>, column: &str) -> Result<u64, StoreError> {
    u64::try_from(row.get::<_, i64>(column)?).map_err(|_| invalid(column))
}

fn address(row: &Row<'_>, column: &str) -> Result<Address, StoreError> {
    Address::from_str(&row.get::<_, String>(column)?).map_err(|_| invalid(column))
}

fn read_transfer(row: &Row<'_>) -> Result<TransferFromOtherRecord, StoreError> {
    Ok(TransferFromOtherRecord {
        id: row.get("id")?,
        participation_id: ParticipationId(row.get("participation_id")?),
        transfer: TransferFromOther {
            transaction: row.get("tx_hash")?,
            log_index: unsigned(row, "log_index")?,
            block: unsigned(row, "block_number")?,
            happened_at: moment(row.get("happened_at")?, "transfer time")?,
            token: address(row, "token")?,
            from: address(row, "from_address")?,
            to: address(row, "to_address")?,
            amount: U256::from_str_radix(&row.get::<_, String>("amount")?, 10)
                .map_err(|_| invalid("transfer amount"))?,
        },
        counted_as: row.get("counted_as")?,
    })
}

impl Store {
    /// How far `participation`'s scan read, if it ever ran.
    pub fn delivery_scan(
        &self,
        participation: ParticipationId,
    ) -> Result<Option<DeliveryScan>, StoreError> {
        self.conn
            .query_row(
                "SELECT token, first_block, scanned_to FROM delivery_scans WHERE participation_id = ?1",
                [participation.0],
                |row| {
                    Ok((|| {
                        Ok(DeliveryScan {
                            token: address(row, "token")?,
                            first_block: unsigned(row, "first_block")?,
                            scanned_to: unsigned(row, "scanned_to")?,
                        })
                    })())
                },
            )
            .optional()?
            .transpose()
    }

    /// Keeps how far `participation`'s scan read (replacing what was kept).
    pub fn save_delivery_scan(
        &mut self,
        participation: ParticipationId,
        scan: &DeliveryScan,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        self.require_participation(participation)?;
        self.conn.execute(
            "INSERT INTO delivery_scans (participation_id, token, first_block, scanned_to, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (participation_id) DO UPDATE SET token = ?2, first_block = ?3,
                 scanned_to = ?4, updated_at = ?5",
            params![
                participation.0,
                checksummed(&scan.token),
                signed(scan.first_block, "first block")?,
                signed(scan.scanned_to, "scanned block")?,
                now.unix_seconds(),
            ],
        )?;
        Ok(())
    }

    /// Keeps a transfer from another unless its log is kept already (as such, or in the
    /// ledger); whether it was new.
    pub fn insert_transfer_from_other(
        &mut self,
        participation: ParticipationId,
        transfer: &TransferFromOther,
        now: UtcTimestamp,
    ) -> Result<bool, StoreError> {
        self.require_participation(participation)?;
        let log_index = signed(transfer.log_index, "log index")?;
        let in_ledger: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM ledger_entries
                 WHERE lower(reference) = lower(?1) AND log_index = ?2)",
            params![transfer.transaction, log_index],
            |row| row.get(0),
        )?;
        if in_ledger {
            return Ok(false);
        }
        let inserted = self.conn.execute(
            "INSERT INTO transfers_from_others (participation_id, tx_hash, log_index,
                 block_number, happened_at, token, from_address, to_address, amount, found_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT DO NOTHING",
            params![
                participation.0,
                transfer.transaction,
                log_index,
                signed(transfer.block, "block")?,
                transfer.happened_at.unix_seconds(),
                checksummed(&transfer.token),
                checksummed(&transfer.from),
                checksummed(&transfer.to),
                transfer.amount.to_string(),
                now.unix_seconds(),
            ],
        )?;
        Ok(inserted == 1)
    }

    /// `participation`'s transfers from others, oldest first, each with the ledger entry
    /// that counts it, if the user counted it.
    pub fn transfers_from_others(
        &self,
        participation: ParticipationId,
    ) -> Result<Vec<TransferFromOtherRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{SELECT_TRANSFERS} WHERE t.participation_id = ?1 ORDER BY t.block_number, t.log_index"
        ))?;
        let rows = statement.query_map([participation.0], |row| Ok(read_transfer(row)))?;
        rows.map(|row| row?).collect()
    }

    /// Transfer `id` from another, with the ledger entry that counts it, if any.
    pub fn transfer_from_other(&self, id: i64) -> Result<TransferFromOtherRecord, StoreError> {
        self.conn
            .query_row(
                &format!("{SELECT_TRANSFERS} WHERE t.id = ?1"),
                [id],
                |row| Ok(read_transfer(row)),
            )
            .optional()?
            .ok_or(StoreError::TransferNotFound(id))?
    }
}
