//! Transactions Saleguard built and their fate: `transactions` (one row per draft, its
//! fields fixed at planning, its status moving forward by compare-and-set) and
//! `transaction_events` (every status it reached, append-only).

use std::str::FromStr;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::account::AccountId;
use saleguard_core::action::ArgumentValue;
use saleguard_core::address::checksummed;
use saleguard_core::participation::ParticipationState;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, Bytes, U256};

use crate::entries::{EntrySource, insert_entry_on};
use crate::paging::{ListQuery, Page, PageRequest, TimeOrder};
use crate::participations::{NewStep, ParticipationId, move_on};
use crate::rows::{invalid, moment};
use crate::{Store, StoreError};
use saleguard_core::entry::ProvedEntry;

use saleguard_core::transaction::{TxPurpose, TxStatus};

/// A transaction as planned, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionRecord {
    /// The draft's id: 32 hex characters.
    pub id: String,
    pub participation_id: ParticipationId,
    pub purpose: TxPurpose,
    pub account_id: Option<AccountId>,
    pub chain_id: u64,
    pub from: Address,
    pub to: Address,
    pub value: U256,
    /// Base units of the sale's currency (the contribution; zero for a refund claim).
    pub amount: U256,
    pub input: Bytes,
    pub nonce: u64,
    pub gas_limit: u64,
    pub max_fee_per_gas: u128,
    pub max_priority_fee_per_gas: u128,
    /// The EIP-1559 signing hash of exactly these fields, as reviewed.
    pub signing_hash: String,
    pub hash: Option<String>,
    /// The signed transaction (public once sent), 0x-hex.
    pub raw: Option<String>,
    pub status: TxStatus,
    pub block_number: Option<u64>,
    pub failure: String,
    pub created_at: UtcTimestamp,
    pub updated_at: UtcTimestamp,
    /// The network fee its sender paid (gas used × effective gas price), once mined.
    pub fee_wei: Option<U256>,
    /// The sale's action it took, and the values given when it was taken.
    pub taken: TakenAction,
    /// The transaction of the same nonce it replaces (sped up or cancelled), if any.
    pub replaces: Option<String>,
}

/// Which of the sale's actions a transaction took, with the values given for it: what
/// planning it again, before it is signed, starts from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TakenAction {
    /// `None` for a contribution by plain or ERC-20 transfer, or once the action was
    /// removed.
    pub action_id: Option<i64>,
    /// The action's name then, kept when it is removed or renamed.
    pub action_name: String,
    /// An amount of the sale's token passed (`{token_amount}`), in base units.
    pub token_amount: Option<U256>,
    /// Values given for this transaction only, as typed.
    pub arguments: Vec<ArgumentValue>,
}

/// One status a transaction reached, with what was known then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionEvent {
    pub status: TxStatus,
    pub detail: String,
    pub happened_at: UtcTimestamp,
}

/// What settles with a transaction, in the same database transaction: its entries
/// and the participation's steps (each from the state the caller checked).
#[derive(Debug, Clone, Default)]
pub struct Settlement {
    /// Each with the log that proves it, if one does: an entry read from a log that is
    /// already recorded (a scan found the delivery first) is not recorded again.
    pub entries: Vec<ProvedEntry>,
    pub steps: Vec<(ParticipationState, NewStep)>,
    /// The fee its receipt shows, once mined.
    pub fee_wei: Option<U256>,
    /// What its receipt says it did, as JSON the caller wrote (an object).
    pub effects: Option<String>,
}

const COLUMNS: &str = "id, participation_id, purpose, account_id, chain_id, from_address, \
     to_address, value_wei, amount, input, nonce, gas_limit, max_fee_per_gas, \
     max_priority_fee_per_gas, signing_hash, hash, raw, status, block_number, failure, \
     created_at, updated_at, fee_wei, action_id, action_name, token_amount, argument_values, \
     replaces";

fn number<T: FromStr>(text: &str, what: &str) -> Result<T, StoreError> {
    text.parse().map_err(|_| invalid(what))
}

/// The order transactions were planned in: by the moment, then by the row written
/// first (a draft and its first event are written together, so this is also the
/// order of their first events). The index `transactions_by_participation` holds
/// both, rowid last, so a participation's list is read in order without sorting.
fn planned_order(order: TimeOrder) -> String {
    format!("created_at {0}, rowid {0}", order.sql())
}

/// A participation's transactions as a list query, in `order`.
pub(crate) fn participation_query(
    participation: ParticipationId,
    order: TimeOrder,
) -> ListQuery<'static> {
    ListQuery {
        columns: COLUMNS,
        table: "transactions",
        conditions: vec!["participation_id = ?"],
        values: vec![Value::Integer(participation.0)],
        order_by: planned_order(order),
    }
}

fn read(row: &Row<'_>) -> Result<TransactionRecord, StoreError> {
    let text = |i: usize| row.get::<_, String>(i);
    let unsigned = |i: usize, what: &str| -> Result<u64, StoreError> {
        u64::try_from(row.get::<_, i64>(i)?).map_err(|_| invalid(what))
    };
    Ok(TransactionRecord {
        id: text(0)?,
        participation_id: ParticipationId(row.get(1)?),
        purpose: TxPurpose::parse(&text(2)?).ok_or_else(|| invalid("transaction purpose"))?,
        account_id: row.get::<_, Option<i64>>(3)?.map(AccountId),
        chain_id: unsigned(4, "transaction chain")?,
        from: Address::from_str(&text(5)?).map_err(|_| invalid("transaction sender"))?,
        to: Address::from_str(&text(6)?).map_err(|_| invalid("transaction destination"))?,
        value: U256::from_str_radix(&text(7)?, 10).map_err(|_| invalid("transaction value"))?,
        amount: U256::from_str_radix(&text(8)?, 10).map_err(|_| invalid("transaction amount"))?,
        input: Bytes::from_str(&text(9)?).map_err(|_| invalid("transaction data"))?,
        nonce: unsigned(10, "transaction nonce")?,
        gas_limit: unsigned(11, "transaction gas limit")?,
        max_fee_per_gas: number(&text(12)?, "transaction fee")?,
        max_priority_fee_per_gas: number(&text(13)?, "transaction tip")?,
        signing_hash: text(14)?,
        hash: row.get(15)?,
        raw: row.get(16)?,
        status: TxStatus::parse(&text(17)?).ok_or_else(|| invalid("transaction status"))?,
        block_number: row
            .get::<_, Option<i64>>(18)?
            .map(|b| u64::try_from(b).map_err(|_| invalid("transaction block")))
            .transpose()?,
        failure: text(19)?,
        created_at: moment(row.get(20)?, "transaction time")?,
        updated_at: moment(row.get(21)?, "transaction time")?,
        fee_wei: row
            .get::<_, Option<String>>(22)?
            .map(|fee| U256::from_str_radix(&fee, 10).map_err(|_| invalid("transaction fee paid")))
            .transpose()?,
        taken: TakenAction {
            action_id: row.get(23)?,
            action_name: text(24)?,
            token_amount: row
                .get::<_, Option<String>>(25)?
                .map(|amount| {
                    U256::from_str_radix(&amount, 10)
                        .map_err(|_| invalid("transaction token amount"))
                })
                .transpose()?,
            arguments: serde_json::from_str(&text(26)?)
                .map_err(|_| invalid("transaction argument values"))?,
        },
        replaces: row.get(27)?,
    })
}

fn append_event(
    conn: &rusqlite::Connection,
    id: &str,
    status: TxStatus,
    detail: &str,
    now: UtcTimestamp,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO transaction_events (transaction_id, status, detail, happened_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![id, status.as_str(), detail, now.unix_seconds()],
    )?;
    Ok(())
}

fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

impl Store {
    /// The network fee of every confirmed contribution: its participation, chain, when it
    /// was confirmed and the fee in wei.
    pub fn contribution_fees(
        &self,
    ) -> Result<Vec<(ParticipationId, u64, UtcTimestamp, U256)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT participation_id, chain_id, updated_at, fee_wei FROM transactions
             WHERE purpose = 'contribution' AND status = 'confirmed' AND fee_wei IS NOT NULL
             ORDER BY updated_at, id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (participation, chain_id, at, fee) = row?;
            Ok((
                ParticipationId(participation),
                u64::try_from(chain_id).map_err(|_| invalid("transaction chain"))?,
                moment(at, "transaction time")?,
                U256::from_str_radix(&fee, 10).map_err(|_| invalid("transaction fee paid"))?,
            ))
        })
        .collect()
    }

    /// Records a planned transaction (status `planned`) with its first event.
    pub fn insert_transaction(&mut self, record: &TransactionRecord) -> Result<(), StoreError> {
        self.require_participation(record.participation_id)?;
        let arguments = serde_json::to_string(&record.taken.arguments)
            .map_err(|_| invalid("transaction argument values"))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            &format!(
                "INSERT INTO transactions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, \
                 ?10, ?11, ?12, ?13, ?14, ?15, NULL, NULL, 'planned', NULL, '', ?16, ?16, NULL, \
                 ?17, ?18, ?19, ?20, ?21)"
            ),
            params![
                record.id,
                record.participation_id.0,
                record.purpose.as_str(),
                record.account_id.map(|a| a.0),
                i64::try_from(record.chain_id).map_err(|_| invalid("chain id"))?,
                checksummed(&record.from),
                checksummed(&record.to),
                record.value.to_string(),
                record.amount.to_string(),
                record.input.to_string(),
                i64::try_from(record.nonce).map_err(|_| invalid("nonce"))?,
                i64::try_from(record.gas_limit).map_err(|_| invalid("gas limit"))?,
                record.max_fee_per_gas.to_string(),
                record.max_priority_fee_per_gas.to_string(),
                record.signing_hash,
                record.created_at.unix_seconds(),
                record.taken.action_id,
                record.taken.action_name,
                record.taken.token_amount.map(|amount| amount.to_string()),
                arguments,
                record.replaces,
            ],
        )?;
        append_event(&tx, &record.id, TxStatus::Planned, "", record.created_at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn transaction(&self, id: &str) -> Result<TransactionRecord, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM transactions WHERE id = ?1"),
                [id],
                |row| Ok(read(row)),
            )
            .optional()?
            .ok_or_else(|| StoreError::TransactionNotFound(id.to_owned()))?
    }

    /// What a confirmed transaction's receipt says it did, as the caller wrote it (JSON).
    pub fn transaction_effects(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT effects FROM transactions WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .flatten())
    }

    /// A participation's transactions, oldest first (in the order they were planned).
    pub fn transactions_of(
        &self,
        participation: ParticipationId,
    ) -> Result<Vec<TransactionRecord>, StoreError> {
        let mut records = Vec::new();
        self.each_transaction(participation, TimeOrder::OldestFirst, |record| {
            records.push(record);
            Ok::<_, StoreError>(())
        })?;
        Ok(records)
    }

    /// One page of a participation's transactions in `order`, with how many it has.
    pub fn transactions_page(
        &self,
        participation: ParticipationId,
        order: TimeOrder,
        request: PageRequest,
    ) -> Result<Page<TransactionRecord>, StoreError> {
        self.page(&participation_query(participation, order), request, read)
    }

    /// Every transaction of a participation in `order`, handed to `each` as it is read.
    pub fn each_transaction<E: From<StoreError>>(
        &self,
        participation: ParticipationId,
        order: TimeOrder,
        each: impl FnMut(TransactionRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        self.walk(&participation_query(participation, order), read, each)
    }

    /// Transactions signed but not settled: the ones to watch after a restart.
    pub fn transactions_in_flight(&self) -> Result<Vec<TransactionRecord>, StoreError> {
        self.select_transactions("WHERE status IN ('signed', 'sent', 'mined')", [])
    }

    /// The account's other transactions with `record`'s nonce on its chain that are
    /// signed and not settled: what a replacement competes with.
    pub fn unsettled_with_nonce_of(
        &self,
        record: &TransactionRecord,
    ) -> Result<Vec<TransactionRecord>, StoreError> {
        let chain_id = i64::try_from(record.chain_id).map_err(|_| invalid("chain id"))?;
        let nonce = i64::try_from(record.nonce).map_err(|_| invalid("nonce"))?;
        self.select_transactions(
            "WHERE chain_id = ?1 AND from_address = ?2 AND nonce = ?3 AND id != ?4
               AND status IN ('signed', 'sent', 'mined')",
            params![chain_id, checksummed(&record.from), nonce, record.id],
        )
    }

    fn select_transactions(
        &self,
        filter: &str,
        arguments: impl rusqlite::Params,
    ) -> Result<Vec<TransactionRecord>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM transactions {filter} ORDER BY {}",
            planned_order(TimeOrder::OldestFirst)
        ))?;
        let rows = statement.query_map(arguments, |row| Ok(read(row)))?;
        rows.map(|row| row?).collect()
    }

    /// The statuses a transaction reached, oldest first.
    pub fn transaction_events(&self, id: &str) -> Result<Vec<TransactionEvent>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT status, detail, happened_at FROM transaction_events
             WHERE transaction_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })?;
        rows.map(|row| {
            let (status, detail, at) = row?;
            Ok(TransactionEvent {
                status: TxStatus::parse(&status).ok_or_else(|| invalid("transaction status"))?,
                detail,
                happened_at: moment(at, "transaction event time")?,
            })
        })
        .collect()
    }

    /// The error for a compare-and-set that found the draft moved on.
    fn changed_meanwhile(&self, id: &str) -> StoreError {
        match self.transaction(id) {
            Ok(current) => StoreError::TransactionChanged {
                id: id.to_owned(),
                status: current.status.as_str(),
            },
            Err(error) => error,
        }
    }

    /// Keeps the signed transaction and reserves its nonce: `planned` → `signed`.
    /// Refused if the draft is no longer planned (signed by a second click, say) or
    /// another signed transaction holds the nonce.
    pub fn mark_signed(
        &mut self,
        id: &str,
        hash: &str,
        raw: &str,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let changed = tx
            .execute(
                "UPDATE transactions SET status = 'signed', hash = ?2, raw = ?3, updated_at = ?4
                 WHERE id = ?1 AND status = 'planned'",
                params![id, hash, raw, now.unix_seconds()],
            )
            .map_err(|error| {
                if is_unique_violation(&error) {
                    StoreError::NonceReserved(id.to_owned())
                } else {
                    error.into()
                }
            })?;
        if changed == 0 {
            drop(tx);
            return Err(self.changed_meanwhile(id));
        }
        append_event(&tx, id, TxStatus::Signed, hash, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Moves a transaction from `from` to `to` (compare-and-set), with the block and
    /// failure known now, and what settles with it — all in one database transaction,
    /// so a crash leaves either everything or nothing.
    #[allow(clippy::too_many_arguments, reason = "one atomic step, spelled out")]
    pub fn advance_transaction(
        &mut self,
        id: &str,
        from: TxStatus,
        to: TxStatus,
        block_number: Option<u64>,
        failure: &str,
        settlement: &Settlement,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        let record = self.transaction(id)?;
        let block = block_number
            .map(|b| i64::try_from(b).map_err(|_| invalid("block number")))
            .transpose()?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE transactions SET status = ?3, block_number = COALESCE(?4, block_number),
                 failure = ?5, updated_at = ?6, fee_wei = COALESCE(?7, fee_wei),
                 effects = COALESCE(?8, effects)
             WHERE id = ?1 AND status = ?2",
            params![
                id,
                from.as_str(),
                to.as_str(),
                block,
                failure,
                now.unix_seconds(),
                settlement.fee_wei.map(|fee| fee.to_string()),
                settlement.effects,
            ],
        )?;
        if changed == 0 {
            drop(tx);
            return Err(self.changed_meanwhile(id));
        }
        let detail = match block_number {
            Some(block) if failure.is_empty() => format!("block {block}"),
            Some(block) => format!("block {block}: {failure}"),
            None => failure.to_owned(),
        };
        append_event(&tx, id, to, &detail, now)?;
        for proved in &settlement.entries {
            insert_entry_on(
                &tx,
                record.participation_id,
                &proved.entry,
                proved.log_index,
                EntrySource::Signed,
                now,
            )?;
        }
        for (from_state, step) in &settlement.steps {
            move_on(&tx, record.participation_id, *from_state, step, now)?;
        }
        tx.commit()?;
        Ok(())
    }
}
