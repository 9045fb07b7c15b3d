//! The `trades` table: buys, sells and transfers recorded by hand or imported, and the
//! currency the portfolio is valued in.

use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::U256;
use saleguard_core::amount::format_amount;
use saleguard_core::entry::Entry;
use saleguard_core::portfolio::{Money, Trade, TradeKind};
use saleguard_core::timestamp::UtcTimestamp;

use crate::entries::{EntrySource, insert_entry_on};
use crate::paging::{ListQuery, Page, PageRequest, TimeOrder};
use crate::participations::ParticipationId;
use crate::rows::{invalid, moment};
use crate::{Store, StoreError};
use rusqlite::types::Value;

/// A row of an import: a trade, or an entry of one of the user's participations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportedRow {
    Trade(Trade),
    Entry(ParticipationId, Entry),
}

/// Which trades a list holds: those of one asset, of one kind, or all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TradeFilter {
    pub asset: Option<String>,
    pub kind: Option<TradeKind>,
}

impl TradeFilter {
    /// Served by the index `trades_in_order`; an asset or a kind is checked on the rows
    /// it gives (an index more would slow every import).
    pub(crate) fn query(&self, order: TimeOrder) -> ListQuery<'static> {
        let mut query = ListQuery {
            columns: COLUMNS,
            table: "trades",
            conditions: Vec::new(),
            values: Vec::new(),
            order_by: format!("happened_at {0}, id {0}", order.sql()),
        };
        if let Some(asset) = &self.asset {
            query.conditions.push("asset = ?");
            query.values.push(Value::Text(asset.clone()));
        }
        if let Some(kind) = &self.kind {
            query.conditions.push("kind = ?");
            query.values.push(Value::Text(kind.as_str().to_owned()));
        }
        query
    }
}

/// A recorded trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TradeRecord {
    pub id: i64,
    pub trade: Trade,
    pub recorded_at: UtcTimestamp,
}

const COLUMNS: &str = "id, kind, happened_at, asset, decimals, amount_base_units, counter_asset, \
     counter_decimals, counter_base_units, fee_asset, fee_decimals, fee_base_units, account, \
     to_account, reference, note, recorded_at";

const INSERT: &str = "INSERT INTO trades (kind, happened_at, asset, decimals, amount_base_units, \
     counter_asset, counter_decimals, counter_base_units, fee_asset, fee_decimals, fee_base_units, \
     account, to_account, reference, note, recorded_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

/// A price's or fee's three columns: asset, decimals, base units.
fn money(money: &Option<Money>) -> (Option<&str>, Option<u8>, Option<String>) {
    money.as_ref().map_or((None, None, None), |money| {
        (
            Some(money.asset.as_str()),
            Some(money.decimals),
            Some(format_amount(money.amount, 0)),
        )
    })
}

fn insert_on(
    statement: &mut rusqlite::CachedStatement<'_>,
    trade: &Trade,
    now: UtcTimestamp,
) -> Result<i64, StoreError> {
    let (counter_asset, counter_decimals, counter_amount) = money(&trade.counter);
    let (fee_asset, fee_decimals, fee_amount) = money(&trade.fee);
    Ok(statement.insert(params![
        trade.kind.as_str(),
        trade.happened_at.unix_seconds(),
        trade.asset,
        trade.decimals,
        format_amount(trade.amount, 0),
        counter_asset,
        counter_decimals,
        counter_amount,
        fee_asset,
        fee_decimals,
        fee_amount,
        trade.account,
        trade.to_account,
        trade.reference,
        trade.note,
        now.unix_seconds(),
    ])?)
}

impl Store {
    pub fn insert_trade(
        &mut self,
        trade: &Trade,
        now: UtcTimestamp,
    ) -> Result<TradeRecord, StoreError> {
        let id = insert_on(&mut self.conn.prepare_cached(INSERT)?, trade, now)?;
        Ok(TradeRecord {
            id,
            trade: trade.clone(),
            recorded_at: now,
        })
    }

    /// Inserts imported rows as they come, in one transaction: all or none. The rows may
    /// still be being read (an import checks and inserts at once). `keep_going` hears
    /// how many rows are in so far, every 1,000 rows and once after the last, before the
    /// commit; answering `false` rolls everything back and returns `Ok(None)`.
    pub fn insert_imported(
        &mut self,
        rows: impl IntoIterator<Item = ImportedRow>,
        now: UtcTimestamp,
        mut keep_going: impl FnMut(usize) -> bool,
    ) -> Result<Option<usize>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut done = 0usize;
        {
            let mut trades = tx.prepare_cached(INSERT)?;
            for row in rows {
                if done.is_multiple_of(1_000) && !keep_going(done) {
                    return Ok(None);
                }
                match row {
                    ImportedRow::Trade(trade) => {
                        insert_on(&mut trades, &trade, now)?;
                    }
                    ImportedRow::Entry(participation, entry) => {
                        insert_entry_on(
                            &tx,
                            participation,
                            &entry,
                            None,
                            EntrySource::Manual,
                            now,
                        )?;
                    }
                }
                done += 1;
            }
        }
        if !keep_going(done) {
            return Ok(None);
        }
        tx.commit()?;
        Ok(Some(done))
    }

    /// Every trade, oldest first (what the valuation reads; a list shows
    /// [`Store::trades_page`]).
    pub fn trades(&self) -> Result<Vec<TradeRecord>, StoreError> {
        let mut trades = Vec::new();
        self.each_trade(&TradeFilter::default(), TimeOrder::OldestFirst, |trade| {
            trades.push(trade);
            Ok::<_, StoreError>(())
        })?;
        Ok(trades)
    }

    /// One page of the trades `filter` keeps, in `order` of when they happened.
    pub fn trades_page(
        &self,
        filter: &TradeFilter,
        order: TimeOrder,
        request: PageRequest,
    ) -> Result<Page<TradeRecord>, StoreError> {
        self.page(&filter.query(order), request, read_trade)
    }

    /// Every trade `filter` keeps, in `order`, handed to `each` as it is read.
    pub fn each_trade<E: From<StoreError>>(
        &self,
        filter: &TradeFilter,
        order: TimeOrder,
        each: impl FnMut(TradeRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        self.walk(&filter.query(order), read_trade, each)
    }

    /// The assets traded, in order: one pass over the trades (no index on the asset, see
    /// [`TradeFilter`]).
    pub fn trade_assets(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT DISTINCT asset FROM trades ORDER BY asset")?;
        let assets = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(assets)
    }

    /// Removes a trade; whether there was one.
    pub fn delete_trade(&mut self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM trades WHERE id = ?1", [id])?
            > 0)
    }

    /// The currency the portfolio is valued in, if the user chose one.
    pub fn currency(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'currency'")?
            .query_row([], |row| row.get::<_, String>(0))
            .optional()?)
    }

    /// When the last encrypted backup was made, if ever.
    pub fn last_backup_at(&self) -> Result<Option<UtcTimestamp>, StoreError> {
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE key = 'last_backup_at'")?
            .query_row([], |row| row.get::<_, String>(0))
            .optional()?
            .map(|text| {
                text.parse::<i64>()
                    .map_err(|_| invalid("last backup time"))
                    .and_then(|seconds| moment(seconds, "last backup time"))
            })
            .transpose()
    }

    pub fn set_last_backup_at(&mut self, at: UtcTimestamp) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_backup_at', ?1)",
            [at.unix_seconds().to_string()],
        )?;
        Ok(())
    }

    pub fn set_currency(&mut self, currency: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('currency', ?1)",
            [currency],
        )?;
        Ok(())
    }
}

fn read_trade(row: &Row<'_>) -> Result<TradeRecord, StoreError> {
    let bad = || invalid("trade");
    let units = |text: String| U256::from_str_radix(&text, 10).map_err(|_| bad());
    let money = |asset: Option<String>, decimals: Option<u8>, amount: Option<String>| match (
        asset, decimals, amount,
    ) {
        (Some(asset), Some(decimals), Some(amount)) => Ok(Some(Money {
            asset,
            decimals,
            amount: units(amount)?,
        })),
        (None, None, None) => Ok(None),
        _ => Err(bad()),
    };
    Ok(TradeRecord {
        id: row.get("id")?,
        trade: Trade {
            kind: TradeKind::parse(&row.get::<_, String>("kind")?).ok_or_else(bad)?,
            happened_at: moment(row.get("happened_at")?, "trade time")?,
            asset: row.get("asset")?,
            decimals: row.get("decimals")?,
            amount: units(row.get("amount_base_units")?)?,
            counter: money(
                row.get("counter_asset")?,
                row.get("counter_decimals")?,
                row.get("counter_base_units")?,
            )?,
            fee: money(
                row.get("fee_asset")?,
                row.get("fee_decimals")?,
                row.get("fee_base_units")?,
            )?,
            account: row.get("account")?,
            to_account: row.get("to_account")?,
            reference: row.get("reference")?,
            note: row.get("note")?,
        },
        recorded_at: moment(row.get("recorded_at")?, "trade recording time")?,
    })
}
