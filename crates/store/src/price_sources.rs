//! Where prices come from: the order of the sources, the online price API's settings
//! (on or off, base URL, the keyring entry of its key, its last answer) and the coin id
//! the API knows each asset by.

use rusqlite::{OptionalExtension, params};
use saleguard_core::price_book::SourceOrder;
use saleguard_core::timestamp::UtcTimestamp;

use crate::rows::{invalid, moment};
use crate::{Store, StoreError};

/// The online price API as the user set it up, and how its last request went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceApiSettings {
    pub enabled: bool,
    /// `None`: the default base URL.
    pub base_url: Option<String>,
    /// The keyring entry holding the API key; `None`: no key.
    pub key_reference: Option<String>,
    /// When it last answered with prices.
    pub fetched_at: Option<UtcTimestamp>,
    /// Why its last request failed, if it did (cleared by a success).
    pub failure: Option<String>,
}

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |row| row.get::<_, String>(0))
            .optional()?)
    }

    fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        match value {
            Some(value) => self.conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?,
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    /// The order the price sources are asked in (the default until the user sets one).
    pub fn price_source_order(&self) -> Result<SourceOrder, StoreError> {
        match self.setting("price_source_order")? {
            Some(text) => SourceOrder::parse(&text).ok_or_else(|| invalid("price source order")),
            None => Ok(SourceOrder::default()),
        }
    }

    pub fn set_price_source_order(&mut self, order: SourceOrder) -> Result<(), StoreError> {
        self.set_setting("price_source_order", Some(&order.to_text()))
    }

    pub fn price_api(&self) -> Result<PriceApiSettings, StoreError> {
        let fetched_at = self
            .setting("price_api_fetched_at")?
            .map(|text| {
                text.parse::<i64>()
                    .map_err(|_| invalid("price API fetch time"))
                    .and_then(|seconds| moment(seconds, "price API fetch time"))
            })
            .transpose()?;
        Ok(PriceApiSettings {
            enabled: self.setting("price_api_enabled")?.as_deref() == Some("1"),
            base_url: self.setting("price_api_base_url")?,
            key_reference: self.setting("price_api_key")?,
            fetched_at,
            failure: self.setting("price_api_failure")?,
        })
    }

    /// Saves whether the API is on, its base URL and its key's keyring entry, in one
    /// transaction.
    pub fn set_price_api(
        &mut self,
        enabled: bool,
        base_url: Option<&str>,
        key_reference: Option<&str>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (key, value) in [
            ("price_api_enabled", Some(if enabled { "1" } else { "0" })),
            ("price_api_base_url", base_url),
            ("price_api_key", key_reference),
        ] {
            match value {
                Some(value) => tx.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                    params![key, value],
                )?,
                None => tx.execute("DELETE FROM settings WHERE key = ?1", [key])?,
            };
        }
        tx.commit()?;
        Ok(())
    }

    /// Records how a request to the price API went: a success at `fetched_at` clears
    /// the failure; a failure keeps the time of the last success.
    pub fn set_price_api_outcome(
        &mut self,
        fetched_at: Option<UtcTimestamp>,
        failure: Option<&str>,
    ) -> Result<(), StoreError> {
        if let Some(at) = fetched_at {
            self.set_setting("price_api_fetched_at", Some(&at.unix_seconds().to_string()))?;
        }
        self.set_setting("price_api_failure", failure)
    }

    /// Each asset's coin id at the price API, by asset.
    pub fn price_api_coins(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT asset, coin_id FROM price_api_coins ORDER BY asset")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets (or, with `None`, forgets) the coin id the API knows `asset` by.
    pub fn set_price_api_coin(
        &mut self,
        asset: &str,
        coin_id: Option<&str>,
    ) -> Result<(), StoreError> {
        match coin_id {
            Some(coin_id) => self.conn.execute(
                "INSERT OR REPLACE INTO price_api_coins (asset, coin_id) VALUES (?1, ?2)",
                params![asset, coin_id],
            )?,
            None => self
                .conn
                .execute("DELETE FROM price_api_coins WHERE asset = ?1", [asset])?,
        };
        Ok(())
    }
}
