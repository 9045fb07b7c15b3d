//! The `sales` table.

use std::str::FromStr;

use rusqlite::{OptionalExtension, Row};
use saleguard_core::sale::{AcceptedCurrency, Pricing, Sale, SaleId, SaleTerms, SaleWindow};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, U256};
use url::Url;

use crate::{Store, StoreError};

const COLUMNS: &str = "id, project_name, token_symbol, token_decimals, chain_id, contribution_address, \
     currency_kind, currency_symbol, currency_decimals, currency_address, pricing_kind, pricing_amount, \
     soft_cap, hard_cap, min_contribution, max_contribution, starts_at, ends_at, kyc_required, \
     whitepaper_url, notes, created_at, updated_at, archived_at";

/// What a list shows of a sale: its name, its token and its window, without the rest of
/// its terms (parsing every amount and address of 10,000 sales costs ~100 ms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleHeader {
    pub id: SaleId,
    pub project_name: String,
    pub token_symbol: String,
    pub token_decimals: u8,
    pub window: SaleWindow,
}

impl From<&Sale> for SaleHeader {
    fn from(sale: &Sale) -> Self {
        Self {
            id: sale.id,
            project_name: sale.terms.project_name.clone(),
            token_symbol: sale.terms.token_symbol.clone(),
            token_decimals: sale.terms.token_decimals,
            window: sale.terms.window,
        }
    }
}

impl Store {
    /// Every sale's header, in no particular order.
    pub fn sale_headers(&self) -> Result<Vec<SaleHeader>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, project_name, token_symbol, token_decimals, starts_at, ends_at FROM sales",
        )?;
        let rows = statement.query_map([], |row| Ok(read_header(row)))?;
        rows.map(|row| row?).collect()
    }

    /// Every sale, soonest start first.
    pub fn sales(&self) -> Result<Vec<Sale>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM sales ORDER BY starts_at, id"
        ))?;
        let rows = statement.query_map([], |row| Ok(read_sale(row)))?;
        rows.map(|row| row?).collect()
    }

    pub fn sale(&self, id: SaleId) -> Result<Sale, StoreError> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM sales WHERE id = ?1"))?
            .query_row([id.0], |row| Ok(read_sale(row)))
            .optional()?
            .ok_or(StoreError::SaleNotFound(id))?
    }

    pub fn insert_sale(
        &mut self,
        terms: &SaleTerms,
        now: UtcTimestamp,
    ) -> Result<Sale, StoreError> {
        let row = SaleRow::new(terms, now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO sales (project_name, token_symbol, token_decimals, chain_id, contribution_address, \
             currency_kind, currency_symbol, currency_decimals, currency_address, pricing_kind, pricing_amount, \
             soft_cap, hard_cap, min_contribution, max_contribution, starts_at, ends_at, kyc_required, \
             whitepaper_url, notes, created_at, updated_at) \
             VALUES (:project_name, :token_symbol, :token_decimals, :chain_id, :contribution_address, \
             :currency_kind, :currency_symbol, :currency_decimals, :currency_address, :pricing_kind, \
             :pricing_amount, :soft_cap, :hard_cap, :min_contribution, :max_contribution, :starts_at, \
             :ends_at, :kyc_required, :whitepaper_url, :notes, :now, :now)",
            row.named().as_slice(),
        )?;
        let id = SaleId(tx.last_insert_rowid());
        tx.commit()?;
        self.sale(id)
    }

    pub fn update_sale(
        &mut self,
        id: SaleId,
        terms: &SaleTerms,
        now: UtcTimestamp,
    ) -> Result<Sale, StoreError> {
        let row = SaleRow::new(terms, now);
        let mut params = row.named();
        params.push((":id", &id.0));
        let changed = self.conn.execute(
            "UPDATE sales SET project_name = :project_name, token_symbol = :token_symbol, \
             token_decimals = :token_decimals, chain_id = :chain_id, contribution_address = :contribution_address, \
             currency_kind = :currency_kind, currency_symbol = :currency_symbol, \
             currency_decimals = :currency_decimals, currency_address = :currency_address, \
             pricing_kind = :pricing_kind, pricing_amount = :pricing_amount, soft_cap = :soft_cap, \
             hard_cap = :hard_cap, min_contribution = :min_contribution, max_contribution = :max_contribution, \
             starts_at = :starts_at, ends_at = :ends_at, kyc_required = :kyc_required, \
             whitepaper_url = :whitepaper_url, notes = :notes, updated_at = :now WHERE id = :id",
            params.as_slice(),
        )?;
        if changed == 0 {
            return Err(StoreError::SaleNotFound(id));
        }
        self.sale(id)
    }

    /// Deletes a sale; one with a participation or an overridden review is refused
    /// (archive it instead), so no history is ever lost.
    pub fn delete_sale(&mut self, id: SaleId) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let participations: i64 = tx.query_row(
            "SELECT count(*) FROM participations WHERE sale_id = ?1",
            [id.0],
            |row| row.get(0),
        )?;
        if participations > 0 {
            return Err(StoreError::SaleHasParticipations(id));
        }
        let overrides: i64 = tx.query_row(
            "SELECT count(*) FROM review_overrides WHERE sale_id = ?1",
            [id.0],
            |row| row.get(0),
        )?;
        if overrides > 0 {
            return Err(StoreError::SaleHasOverrides(id));
        }
        match tx.execute("DELETE FROM sales WHERE id = ?1", [id.0])? {
            0 => Err(StoreError::SaleNotFound(id)),
            _ => Ok(tx.commit()?),
        }
    }

    /// Archives a sale at `now`, or brings it back with `None`.
    pub fn set_sale_archived(
        &mut self,
        id: SaleId,
        archived_at: Option<UtcTimestamp>,
        now: UtcTimestamp,
    ) -> Result<Sale, StoreError> {
        let changed = self.conn.execute(
            "UPDATE sales SET archived_at = ?1, updated_at = ?2 WHERE id = ?3",
            rusqlite::params![
                archived_at.map(UtcTimestamp::unix_seconds),
                now.unix_seconds(),
                id.0
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::SaleNotFound(id));
        }
        self.sale(id)
    }
}

/// The column values of a sale, owned so they can be bound by name.
struct SaleRow {
    project_name: String,
    token_symbol: String,
    token_decimals: u8,
    chain_id: i64,
    contribution_address: String,
    currency_kind: &'static str,
    currency_symbol: String,
    currency_decimals: u8,
    currency_address: Option<String>,
    pricing_kind: Option<&'static str>,
    pricing_amount: Option<String>,
    soft_cap: Option<String>,
    hard_cap: Option<String>,
    min_contribution: Option<String>,
    max_contribution: Option<String>,
    starts_at: i64,
    ends_at: i64,
    kyc_required: bool,
    whitepaper_url: Option<String>,
    notes: String,
    now: i64,
}

impl SaleRow {
    /// The row for `terms`, written at `now`.
    fn new(terms: &SaleTerms, now: UtcTimestamp) -> Self {
        let (currency_kind, currency_address) = match &terms.currency {
            AcceptedCurrency::Native { .. } => ("native", None),
            AcceptedCurrency::Erc20 { address, .. } => ("erc20", Some(address.to_checksum(None))),
        };
        let (pricing_kind, pricing_amount) = match terms.pricing {
            None => (None, None),
            Some(Pricing::Price(value)) => (Some("price"), Some(value.to_string())),
            Some(Pricing::Rate(value)) => (Some("rate"), Some(value.to_string())),
        };
        let amount = |value: Option<U256>| value.map(|v| v.to_string());
        Self {
            project_name: terms.project_name.clone(),
            token_symbol: terms.token_symbol.clone(),
            token_decimals: terms.token_decimals,
            // The core caps chain ids at 2^53 - 1, well inside i64.
            chain_id: i64::try_from(terms.chain_id).unwrap_or(i64::MAX),
            contribution_address: terms.contribution_address.to_checksum(None),
            currency_kind,
            currency_symbol: terms.currency.symbol().to_owned(),
            currency_decimals: terms.currency.decimals(),
            currency_address,
            pricing_kind,
            pricing_amount,
            soft_cap: amount(terms.soft_cap),
            hard_cap: amount(terms.hard_cap),
            min_contribution: amount(terms.min_contribution),
            max_contribution: amount(terms.max_contribution),
            starts_at: terms.window.starts_at().unix_seconds(),
            ends_at: terms.window.ends_at().unix_seconds(),
            kyc_required: terms.kyc_required,
            whitepaper_url: terms.whitepaper_url.as_ref().map(Url::to_string),
            notes: terms.notes.clone(),
            now: now.unix_seconds(),
        }
    }

    /// The values bound by name in the INSERT and UPDATE statements.
    fn named(&self) -> Vec<(&str, &dyn rusqlite::ToSql)> {
        vec![
            (":project_name", &self.project_name),
            (":token_symbol", &self.token_symbol),
            (":token_decimals", &self.token_decimals),
            (":chain_id", &self.chain_id),
            (":contribution_address", &self.contribution_address),
            (":currency_kind", &self.currency_kind),
            (":currency_symbol", &self.currency_symbol),
            (":currency_decimals", &self.currency_decimals),
            (":currency_address", &self.currency_address),
            (":pricing_kind", &self.pricing_kind),
            (":pricing_amount", &self.pricing_amount),
            (":soft_cap", &self.soft_cap),
            (":hard_cap", &self.hard_cap),
            (":min_contribution", &self.min_contribution),
            (":max_contribution", &self.max_contribution),
            (":starts_at", &self.starts_at),
            (":ends_at", &self.ends_at),
            (":kyc_required", &self.kyc_required),
            (":whitepaper_url", &self.whitepaper_url),
            (":notes", &self.notes),
            (":now", &self.now),
        ]
    }
}

fn read_header(row: &Row<'_>) -> Result<SaleHeader, StoreError> {
    let invalid = |what: &str| StoreError::InvalidRow {
        what: what.to_owned(),
    };
    let moment = |seconds: i64, what: &str| {
        UtcTimestamp::from_unix_seconds(seconds).map_err(|_| invalid(what))
    };
    Ok(SaleHeader {
        id: SaleId(row.get("id")?),
        project_name: row.get("project_name")?,
        token_symbol: row.get("token_symbol")?,
        token_decimals: row.get("token_decimals")?,
        window: SaleWindow::new(
            moment(row.get("starts_at")?, "start")?,
            moment(row.get("ends_at")?, "end")?,
        )
        .ok_or_else(|| invalid("sale window"))?,
    })
}

fn read_sale(row: &Row<'_>) -> Result<Sale, StoreError> {
    let invalid = |what: &str| StoreError::InvalidRow {
        what: what.to_owned(),
    };
    let address = |text: String, what: &str| Address::from_str(&text).map_err(|_| invalid(what));
    let amount = |text: Option<String>, what: &str| {
        text.map(|t| U256::from_str_radix(&t, 10).map_err(|_| invalid(what)))
            .transpose()
    };
    let moment = |seconds: i64, what: &str| {
        UtcTimestamp::from_unix_seconds(seconds).map_err(|_| invalid(what))
    };

    let currency_symbol: String = row.get("currency_symbol")?;
    let currency = match row.get::<_, String>("currency_kind")?.as_str() {
        "native" => AcceptedCurrency::Native {
            symbol: currency_symbol,
        },
        "erc20" => AcceptedCurrency::Erc20 {
            address: address(
                row.get::<_, Option<String>>("currency_address")?
                    .unwrap_or_default(),
                "currency address",
            )?,
            symbol: currency_symbol,
            decimals: row.get("currency_decimals")?,
        },
        _ => return Err(invalid("currency kind")),
    };
    let pricing_amount = amount(row.get("pricing_amount")?, "pricing amount")?;
    let pricing = match (
        row.get::<_, Option<String>>("pricing_kind")?.as_deref(),
        pricing_amount,
    ) {
        (None, _) => None,
        (Some("price"), Some(value)) => Some(Pricing::Price(value)),
        (Some("rate"), Some(value)) => Some(Pricing::Rate(value)),
        _ => return Err(invalid("pricing")),
    };
    let SaleHeader {
        id,
        project_name,
        token_symbol,
        token_decimals,
        window,
    } = read_header(row)?;
    let whitepaper_url = row
        .get::<_, Option<String>>("whitepaper_url")?
        .map(|text| Url::parse(&text).map_err(|_| invalid("whitepaper URL")))
        .transpose()?;
    let chain_id: i64 = row.get("chain_id")?;

    Ok(Sale {
        id,
        terms: SaleTerms {
            project_name,
            token_symbol,
            token_decimals,
            chain_id: u64::try_from(chain_id).map_err(|_| invalid("chain id"))?,
            contribution_address: address(
                row.get("contribution_address")?,
                "contribution address",
            )?,
            currency,
            pricing,
            soft_cap: amount(row.get("soft_cap")?, "soft cap")?,
            hard_cap: amount(row.get("hard_cap")?, "hard cap")?,
            min_contribution: amount(row.get("min_contribution")?, "minimum contribution")?,
            max_contribution: amount(row.get("max_contribution")?, "maximum contribution")?,
            window,
            kyc_required: row.get("kyc_required")?,
            whitepaper_url,
            notes: row.get("notes")?,
        },
        created_at: moment(row.get("created_at")?, "created time")?,
        updated_at: moment(row.get("updated_at")?, "updated time")?,
        archived_at: row
            .get::<_, Option<i64>>("archived_at")?
            .map(|seconds| moment(seconds, "archived time"))
            .transpose()?,
    })
}
