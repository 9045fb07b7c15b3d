//! The online price API as use cases: its settings (the key in the OS keyring), the
//! coin id asked for each asset, and fetching the latest prices.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use saleguard_prices::{Coin, DEFAULT_BASE_URL, Limits, PriceApi, PriceApiError, check_base_url};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::{PriceSourcesView, default_coin_id, field_error};
use crate::dto::count;
use crate::money::portfolio_currency;
use crate::{AppError, ErrorCode, Saleguard};

/// The online price API's settings as typed. The key is wiped from memory when this is
/// dropped and never printed.
#[derive(Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct PriceApiInput {
    pub enabled: bool,
    /// Empty: the default base URL.
    pub base_url: String,
    /// `None`: keep the key there is; `Some("")`: forget it; else the new key.
    pub api_key: Option<String>,
}

impl std::fmt::Debug for PriceApiInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PriceApiInput")
            .field("enabled", &self.enabled)
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// What a request to the price API brought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceRefresh {
    /// Prices kept (one per asset and currency).
    pub prices: u32,
    pub currencies: Vec<String>,
    /// Assets the API did not know by the id given.
    pub unknown: Vec<String>,
    /// Assets held or used that have no coin id yet, so were not asked for.
    pub without_id: Vec<String>,
    pub fetched_at: String,
}

/// The cached client, rebuilt when the settings change, so the interval between
/// requests holds across calls.
#[derive(Debug, Default)]
pub(crate) struct PriceClient(Mutex<Option<Arc<PriceApi>>>);

impl PriceClient {
    pub(super) fn forget(&self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

fn api_error(error: PriceApiError) -> AppError {
    let code = match &error {
        PriceApiError::BaseUrl(_) => ErrorCode::InvalidUrl,
        PriceApiError::Unreachable { .. } | PriceApiError::TimedOut { .. } => {
            ErrorCode::PriceApiUnreachable
        }
        PriceApiError::RateLimited { .. } => ErrorCode::PriceApiRateLimited,
        PriceApiError::KeyRefused { .. } => ErrorCode::PriceApiKeyRefused,
        PriceApiError::Failed { .. } | PriceApiError::Malformed { .. } => ErrorCode::PriceApiFailed,
    };
    AppError::new(code, error.to_string())
}

/// A coin id as CoinGecko writes them: lower-case letters, digits, `-`, `_` and `.`.
fn checked_coin_id(text: &str) -> Result<String, AppError> {
    let id = text.trim().to_ascii_lowercase();
    let fits = !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if fits {
        Ok(id)
    } else {
        Err(field_error(
            "coinId",
            ErrorCode::InvalidValue,
            "the API's coin id: lower-case letters, digits and - _ . (e.g. ethereum)",
        ))
    }
}

fn checked_asset(text: &str) -> Result<String, AppError> {
    let asset = text.trim().to_ascii_uppercase();
    if saleguard_core::entry::is_symbol(&asset) {
        Ok(asset)
    } else {
        Err(field_error(
            "asset",
            ErrorCode::InvalidSymbol,
            "a symbol of 1 to 16 letters, digits or . - _ $ (e.g. ETH)",
        ))
    }
}

impl Saleguard {
    /// Turns the online price API on or off, with its base URL and key. A new key goes
    /// into the OS keyring; the database keeps only where it is.
    pub fn set_price_api(&self, input: &PriceApiInput) -> Result<PriceSourcesView, AppError> {
        let base_url = match input.base_url.trim() {
            "" => None,
            text => Some(
                check_base_url(text)
                    .map_err(|_| {
                        field_error(
                            "baseUrl",
                            ErrorCode::InvalidUrl,
                            "an http(s) URL without a query, e.g. https://api.coingecko.com/api/v3",
                        )
                    })?
                    .to_string()
                    .trim_end_matches('/')
                    .to_owned(),
            ),
        };
        let previous = self.store()?.price_api()?.key_reference;
        let reference = match input.api_key.as_deref().map(str::trim) {
            None => previous.clone(),
            Some("") => None,
            Some(key) => Some(self.keep_secret_text(
                previous.as_deref(),
                "price-api-key-",
                "Price API key",
                key,
            )?),
        };
        self.store()?
            .set_price_api(input.enabled, base_url.as_deref(), reference.as_deref())?;
        if let (Some(old), None) = (&previous, &reference)
            && let Err(error) = self.keyring.delete_secret(old)
        {
            tracing::warn!(%error, "an old price API key stays in the keyring");
        }
        self.price_client.forget();
        tracing::info!(enabled = input.enabled, "price API settings saved");
        self.price_sources()
    }

    /// Sets the API's coin id for `asset`, or with an empty id goes back to the default.
    pub fn set_price_api_coin(
        &self,
        asset: &str,
        coin_id: &str,
    ) -> Result<PriceSourcesView, AppError> {
        let asset = checked_asset(asset)?;
        let coin_id = match coin_id.trim() {
            "" => None,
            text => Some(checked_coin_id(text)?),
        };
        self.store()?
            .set_price_api_coin(&asset, coin_id.as_deref())?;
        self.price_sources()
    }

    async fn price_api_client(&self) -> Result<Arc<PriceApi>, AppError> {
        if let Some(client) = self
            .price_client
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        {
            return Ok(client);
        }
        let settings = self.store()?.price_api()?;
        let key = match settings.key_reference {
            Some(reference) => {
                let key = self
                    .load_secret_text(reference, || {
                        "the price API key is not in this computer's keyring (restored from a backup?): enter it again in Settings → Price sources".to_owned()
                    })
                    .await?;
                Some(Zeroizing::new(key.expose().to_owned()))
            }
            None => None,
        };
        let base = settings.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let client = Arc::new(PriceApi::new(base, key, Limits::default()).map_err(api_error)?);
        *self
            .price_client
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Arc::clone(&client));
        Ok(client)
    }

    /// Asks the online price API for the latest price of every asset held or used that
    /// has a coin id, in the portfolio's currency and each budget's; keeps them as the
    /// API's prices. A failure is recorded (Settings shows it) and changes no price.
    pub async fn refresh_prices(&self) -> Result<PriceRefresh, AppError> {
        let (coins, without_id, currencies) = {
            let store = self.store()?;
            if !store.price_api()?.enabled {
                return Err(AppError::new(
                    ErrorCode::PriceApiOff,
                    "the online price source is off: turn it on in Settings → Price sources",
                ));
            }
            let chosen: BTreeMap<String, String> = store.price_api_coins()?.into_iter().collect();
            let mut coins = Vec::new();
            let mut without_id = Vec::new();
            let mut assets = self.priced_assets(&store)?;
            assets.extend(chosen.keys().cloned());
            for asset in assets {
                match chosen
                    .get(&asset)
                    .map(String::as_str)
                    .or_else(|| default_coin_id(&asset))
                {
                    Some(id) => coins.push(Coin {
                        asset,
                        coin_id: id.to_owned(),
                    }),
                    None => without_id.push(asset),
                }
            }
            let mut currencies = vec![portfolio_currency(&store)?.0];
            for record in store.budgets()? {
                if !currencies.contains(&record.budget.currency) {
                    currencies.push(record.budget.currency);
                }
            }
            (coins, without_id, currencies)
        };
        let client = self.price_api_client().await?;
        let mut fetched = Vec::new();
        let mut unknown = Vec::new();
        for currency in &currencies {
            let asked: Vec<Coin> = coins
                .iter()
                .filter(|coin| !coin.asset.eq_ignore_ascii_case(currency))
                .cloned()
                .collect();
            match client.latest(&asked, currency).await {
                Ok(answer) => {
                    fetched.extend(answer.prices);
                    for asset in answer.unknown {
                        if !unknown.contains(&asset) {
                            unknown.push(asset);
                        }
                    }
                }
                Err(error) => {
                    let error = api_error(error);
                    self.store()?
                        .set_price_api_outcome(None, Some(&error.message))?;
                    tracing::warn!(code = ?error.code, "price API request failed");
                    return Err(error);
                }
            }
        }
        let now = self.clock.now();
        {
            let mut store = self.store()?;
            store.insert_prices(&fetched, now, |_| true)?;
            store.set_price_api_outcome(Some(now), None)?;
        }
        tracing::info!(prices = fetched.len(), "prices fetched");
        Ok(PriceRefresh {
            prices: count(fetched.len()),
            currencies,
            unknown,
            without_id,
            fetched_at: now.to_rfc3339(),
        })
    }
}
