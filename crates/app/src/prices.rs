//! Where prices come from: the manual price book, price history imported from CSV, and
//! the online price API the user may enable (off by default), asked in the order the
//! user sets. The API's key lives in the OS keyring; the database keeps a reference.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use saleguard_core::budget::{
    Price, PriceDraft, PriceSource, SourceOrder, WELL_KNOWN_COIN_IDS, is_fiat,
};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_prices::{Coin, DEFAULT_BASE_URL, Limits, PriceApi, PriceApiError, check_base_url};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::csv_data::{CsvRowError, CsvRows, RowProblems, read_csv};
use crate::review::{PriceView, coin_refs, known_coins, price_view};
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// The columns of a price history CSV (docs/csv-format.md), all required.
pub const PRICE_COLUMNS: [&str; 4] = ["date_utc", "asset", "currency", "price"];
const SAMPLE_ROWS: usize = 100;

/// A price source, as the UI and the CLI name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum PriceSourceName {
    Manual,
    Csv,
    Api,
}

impl From<PriceSource> for PriceSourceName {
    fn from(source: PriceSource) -> Self {
        match source {
            PriceSource::Manual => Self::Manual,
            PriceSource::Csv => Self::Csv,
            PriceSource::Api => Self::Api,
        }
    }
}

impl From<PriceSourceName> for PriceSource {
    fn from(name: PriceSourceName) -> Self {
        match name {
            PriceSourceName::Manual => Self::Manual,
            PriceSourceName::Csv => Self::Csv,
            PriceSourceName::Api => Self::Api,
        }
    }
}

/// The price sources as the user set them up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceSourcesView {
    /// The order the sources are asked in: the first with a price that is not stale
    /// wins.
    pub order: Vec<PriceSourceName>,
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

/// What a price history import would add, and every problem that stops it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceHistoryPreview {
    pub rows: u32,
    /// Prices the import would keep (none while there are problems).
    pub prices: u32,
    /// The first prices as they will be kept.
    pub sample: Vec<PriceView>,
    pub errors: Vec<CsvRowError>,
    pub error_count: u32,
}

/// A price history CSV, checked whole.
struct PriceHistory<'a> {
    coins: &'a [&'a str],
    now: UtcTimestamp,
    prices: Vec<Price>,
    problems: RowProblems,
}

impl CsvRows for PriceHistory<'_> {
    fn problems(&mut self) -> &mut RowProblems {
        &mut self.problems
    }

    fn row(&mut self, row: u32, values: &[String]) {
        // Daily price history is often dated by day alone: that day at 00:00 UTC.
        let date = &values[0];
        let day_only = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
        let draft = PriceDraft {
            observed_at: if day_only {
                format!("{date} 00:00")
            } else {
                date.clone()
            },
            asset: values[1].clone(),
            currency: values[2].clone(),
            price: values[3].clone(),
        };
        match Price::from_draft(&draft, self.coins, self.now) {
            Ok(price) => self.prices.push(Price {
                source: PriceSource::Csv,
                ..price
            }),
            Err(problems) => {
                for problem in problems {
                    let error = crate::review::money_problem(problem);
                    let column = match error.field.as_str() {
                        "observedAt" => "date_utc",
                        other => other,
                    }
                    .to_owned();
                    self.fail(row, &column, error.code, error.message);
                }
            }
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The cached client, rebuilt when the settings change, so the interval between
/// requests holds across calls.
#[derive(Debug, Default)]
pub(crate) struct PriceClient(Mutex<Option<Arc<PriceApi>>>);

impl PriceClient {
    fn forget(&self) {
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

fn field_error(field: &str, code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError::refused(vec![FieldError {
        field: field.to_owned(),
        code,
        message: message.into(),
    }])
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
    if saleguard_core::ledger::is_symbol(&asset) {
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
            order: store
                .price_source_order()?
                .sources()
                .into_iter()
                .map(PriceSourceName::from)
                .collect(),
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
    fn priced_assets(
        &self,
        store: &saleguard_store::Store,
    ) -> Result<std::collections::BTreeSet<String>, AppError> {
        let mut assets: std::collections::BTreeSet<String> = known_coins(store)?
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
        order: &[PriceSourceName],
    ) -> Result<PriceSourcesView, AppError> {
        let sources: Vec<PriceSource> = order.iter().copied().map(PriceSource::from).collect();
        let order = SourceOrder::new(&sources).ok_or_else(|| {
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
            let mut currencies = vec![crate::portfolio::portfolio_currency(&store)?.0];
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

    fn price_history(&self, bytes: &[u8]) -> Result<(PriceHistoryPreview, Vec<Price>), AppError> {
        let coins = known_coins(&*self.store()?)?;
        let coins = coin_refs(&coins);
        let mut history = PriceHistory {
            coins: &coins,
            now: self.clock.now(),
            prices: Vec::new(),
            problems: RowProblems::default(),
        };
        let rows = read_csv(bytes, &PRICE_COLUMNS, &PRICE_COLUMNS, &mut history)?;
        let sample = history
            .prices
            .iter()
            .take(SAMPLE_ROWS)
            .map(|price| price_view(0, price))
            .collect();
        Ok((
            PriceHistoryPreview {
                rows: count(rows),
                prices: if history.problems.count == 0 {
                    count(history.prices.len())
                } else {
                    0
                },
                sample,
                errors: history.problems.listed,
                error_count: count(history.problems.count),
            },
            history.prices,
        ))
    }

    /// Checks a price history CSV whole and says what it would add; nothing is written.
    pub fn preview_price_history(&self, bytes: &[u8]) -> Result<PriceHistoryPreview, AppError> {
        Ok(self.price_history(bytes)?.0)
    }

    /// Imports a price history CSV, all or nothing (`import_refused` with each problem
    /// as `row N: column`); a price the history already had for the same moment is
    /// replaced, so importing a file again changes nothing. Returns how many prices.
    pub fn import_price_history(&self, bytes: &[u8]) -> Result<u32, AppError> {
        let (preview, prices) = self.price_history(bytes)?;
        if preview.error_count > 0 {
            let problems = RowProblems {
                listed: preview.errors,
                count: preview.error_count as usize,
            };
            return Err(problems.refusal());
        }
        self.store()?
            .insert_prices(&prices, self.clock.now(), |_| true)?;
        tracing::info!(prices = prices.len(), "price history imported");
        Ok(count(prices.len()))
    }
}

fn default_coin_id(asset: &str) -> Option<&'static str> {
    WELL_KNOWN_COIN_IDS
        .iter()
        .find(|(symbol, _)| symbol.eq_ignore_ascii_case(asset))
        .map(|(_, id)| *id)
}
