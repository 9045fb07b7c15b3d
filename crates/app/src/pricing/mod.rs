//! Prices: the price book — prices entered by hand, price history imported from CSV
//! (read by `io::price_history`) and prices fetched from the online API the user may
//! turn on — asked in the order the user sets. Every price keeps its source; what
//! values an amount at a moment is in [`book`].

pub mod api;
pub mod book;

use std::collections::{BTreeMap, BTreeSet};

use saleguard_core::money::is_fiat;
use saleguard_core::price_book::{SourceOrder, WELL_KNOWN_COIN_IDS};
use saleguard_prices::DEFAULT_BASE_URL;
use saleguard_store::Store;
use serde::Serialize;

pub use saleguard_core::price_book::PriceSource;

use crate::{AppError, ErrorCode, FieldError, Saleguard};
use book::known_coins;

/// The price sources as the user set them up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceSourcesView {
    /// The order the sources are asked in: the first with a price that is not stale
    /// wins.
    pub order: Vec<PriceSource>,
    pub api: PriceApiView,
    /// Each asset to price online with the API's coin id for it.
    pub coins: Vec<PriceApiCoinView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceApiView {
    pub enabled: bool,
    /// The base URL in use (the default one unless the user chose another).
    pub base_url: String,
    pub default_base_url: String,
    /// Whether an API key is kept in the keyring (the key itself is never sent).
    pub has_key: bool,
    /// When the API last answered with prices (RFC 3339).
    pub fetched_at: Option<String>,
    /// Why its last request failed, if it did.
    pub failure: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceApiCoinView {
    pub asset: String,
    /// Empty: the API is not asked for this asset until the user names its id.
    pub coin_id: String,
    /// `true`: the id is the user's; `false`: Saleguard's default for a well-known coin
    /// (or none).
    pub chosen: bool,
}

pub(super) fn field_error(field: &str, code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError::refused(vec![FieldError {
        field: field.to_owned(),
        code,
        message: message.into(),
    }])
}

impl Saleguard {
    /// The price sources: their order, the online API and the coin ids it is asked for.
    pub fn price_sources(&self) -> Result<PriceSourcesView, AppError> {
        let store = self.store()?;
        let settings = store.price_api()?;
        let chosen: BTreeMap<String, String> = store.price_api_coins()?.into_iter().collect();
        let mut assets = self.priced_assets(&store)?;
        assets.extend(chosen.keys().cloned());
        let coins = assets
            .into_iter()
            .map(|asset| {
                let (coin_id, chosen) = match chosen.get(&asset) {
                    Some(id) => (id.clone(), true),
                    None => (
                        default_coin_id(&asset).unwrap_or_default().to_owned(),
                        false,
                    ),
                };
                PriceApiCoinView {
                    asset,
                    coin_id,
                    chosen,
                }
            })
            .collect();
        Ok(PriceSourcesView {
            order: store.price_source_order()?.sources().into_iter().collect(),
            api: PriceApiView {
                enabled: settings.enabled,
                base_url: settings
                    .base_url
                    .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned()),
                default_base_url: DEFAULT_BASE_URL.to_owned(),
                has_key: settings.key_reference.is_some(),
                fetched_at: settings.fetched_at.map(|at| at.to_rfc3339()),
                failure: settings.failure,
            },
            coins,
        })
    }

    /// Every asset the user holds, trades or pays with, by symbol — not the fiat
    /// currencies, which are what prices are counted in.
    pub(super) fn priced_assets(&self, store: &Store) -> Result<BTreeSet<String>, AppError> {
        let mut assets: BTreeSet<String> = known_coins(store)?
            .into_iter()
            .map(|coin| coin.to_ascii_uppercase())
            .collect();
        for record in store.trades()? {
            assets.insert(record.trade.asset.to_ascii_uppercase());
            if let Some(counter) = &record.trade.counter {
                assets.insert(counter.asset.to_ascii_uppercase());
            }
        }
        assets.retain(|asset| !is_fiat(asset));
        Ok(assets)
    }

    /// Sets the order the price sources are asked in: each source exactly once.
    pub fn set_price_source_order(
        &self,
        order: &[PriceSource],
    ) -> Result<PriceSourcesView, AppError> {
        let order = SourceOrder::new(order).ok_or_else(|| {
            field_error(
                "order",
                ErrorCode::InvalidChoice,
                "name each source once: manual, csv and api, in the order to ask them",
            )
        })?;
        self.store()?.set_price_source_order(order)?;
        tracing::info!(order = %order.to_text(), "price source order set");
        self.price_sources()
    }
}

pub(super) fn default_coin_id(asset: &str) -> Option<&'static str> {
    WELL_KNOWN_COIN_IDS
        .iter()
        .find(|(symbol, _)| symbol.eq_ignore_ascii_case(asset))
        .map(|(_, id)| *id)
}
