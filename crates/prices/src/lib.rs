//! The online price source: a client for a CoinGecko-compatible API (`/simple/price`).
//!
//! Every request is bounded: a connect and a total timeout, at most a few attempts,
//! back-off between them that doubles, a `Retry-After` the server sends respected (and
//! refused when it asks for longer than we will wait), and a minimum interval between
//! requests. Prices are read from the JSON number's text into exact decimals, never
//! through a float. The API key, if any, travels in a header and appears in no error.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use saleguard_core::Decimal;
use saleguard_core::price_book::{Price, PriceSource};
use saleguard_core::timestamp::UtcTimestamp;
use serde_json::value::RawValue;
use tokio::sync::Mutex;
use tokio::time::Instant;
use url::Url;
use zeroize::Zeroizing;

/// CoinGecko's public API, the default base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.coingecko.com/api/v3";

/// How long and how often the client may try.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// For one whole request (connect, send, read the reply).
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The wait before the second attempt; it doubles after each.
    pub first_back_off: Duration,
    /// The longest wait the client accepts (a `Retry-After` beyond it ends the try).
    pub longest_wait: Duration,
    /// The least time between two requests (the free API allows a few a minute).
    pub min_interval: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(5),
            attempts: 3,
            first_back_off: Duration::from_secs(2),
            longest_wait: Duration::from_secs(30),
            min_interval: Duration::from_secs(2),
        }
    }
}

/// Why the price API gave no prices. Messages name the API's host, never its key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PriceApiError {
    #[error("the base URL {0:?} is not an http(s) URL")]
    BaseUrl(String),
    #[error("{host} could not be reached: {why}")]
    Unreachable { host: String, why: String },
    #[error("{host} did not answer within {seconds} s")]
    TimedOut { host: String, seconds: u64 },
    #[error("{host} limits how often it may be asked{}", retry_after.map(|s| format!(": try again in {s} s")).unwrap_or_default())]
    RateLimited {
        host: String,
        retry_after: Option<u64>,
    },
    #[error("{host} refused the API key ({status}): {message}")]
    KeyRefused {
        host: String,
        status: u16,
        message: String,
    },
    #[error("{host} answered {status}: {message}")]
    Failed {
        host: String,
        status: u16,
        message: String,
    },
    #[error("{host} answered something that is not a price list: {why}")]
    Malformed { host: String, why: String },
}

/// The prices one request brought, and the coins it knew nothing of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub prices: Vec<Price>,
    /// Assets whose coin id the API did not know or priced without a number.
    pub unknown: Vec<String>,
}

/// One asset to price: the symbol the user knows it by and the API's coin id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coin {
    pub asset: String,
    pub coin_id: String,
}

/// A client of one configured API.
pub struct PriceApi {
    http: reqwest::Client,
    base: Url,
    key: Option<Zeroizing<String>>,
    limits: Limits,
    last_request: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for PriceApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PriceApi")
            .field("base", &self.host())
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl PriceApi {
    pub fn new(
        base_url: &str,
        key: Option<Zeroizing<String>>,
        limits: Limits,
    ) -> Result<Self, PriceApiError> {
        let base = check_base_url(base_url)?;
        let http = reqwest::Client::builder()
            .timeout(limits.timeout)
            .connect_timeout(limits.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| PriceApiError::Unreachable {
                host: host_of(&base),
                why: error.to_string(),
            })?;
        Ok(Self {
            http,
            base,
            key,
            limits,
            last_request: Mutex::new(None),
        })
    }

    fn host(&self) -> String {
        host_of(&self.base)
    }

    /// The latest price of each coin in `currency` (an ISO code or a coin symbol the
    /// API quotes in, such as `USD` or `ETH`), as the API last updated it.
    pub async fn latest(&self, coins: &[Coin], currency: &str) -> Result<Fetched, PriceApiError> {
        if coins.is_empty() {
            return Ok(Fetched {
                prices: Vec::new(),
                unknown: Vec::new(),
            });
        }
        let vs = currency.trim().to_ascii_lowercase();
        let mut ids: Vec<&str> = coins.iter().map(|coin| coin.coin_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|()| PriceApiError::BaseUrl(self.base.to_string()))?
            .pop_if_empty()
            .extend(["simple", "price"]);
        url.query_pairs_mut()
            .append_pair("ids", &ids.join(","))
            .append_pair("vs_currencies", &vs)
            .append_pair("include_last_updated_at", "true")
            .append_pair("precision", "full");
        let body = self.get(url).await?;
        read_simple_price(&body, coins, currency, &vs).map_err(|why| PriceApiError::Malformed {
            host: self.host(),
            why,
        })
    }

    /// One GET with the limits: spaced from the previous request, retried after a
    /// timeout, a refused connection, `429` or a `5xx`.
    async fn get(&self, url: Url) -> Result<String, PriceApiError> {
        let mut back_off = self.limits.first_back_off;
        let mut attempt = 1;
        loop {
            self.keep_interval().await;
            let outcome = self.attempt(url.clone()).await;
            let wait = match outcome {
                Ok(body) => return Ok(body),
                Err(Attempt::Final(error)) => return Err(error),
                Err(Attempt::Retry { error, after }) => {
                    let wait = after.unwrap_or(back_off);
                    if attempt >= self.limits.attempts || wait > self.limits.longest_wait {
                        return Err(error);
                    }
                    wait
                }
            };
            tracing::info!(host = %self.host(), attempt, wait_ms = wait.as_millis() as u64, "price API: trying again");
            tokio::time::sleep(wait).await;
            back_off = back_off.saturating_mul(2);
            attempt += 1;
        }
    }

    async fn keep_interval(&self) {
        let mut last = self.last_request.lock().await;
        if let Some(at) = *last {
            let next = at + self.limits.min_interval;
            if next > Instant::now() {
                tokio::time::sleep_until(next).await;
            }
        }
        *last = Some(Instant::now());
    }

    async fn attempt(&self, url: Url) -> Result<String, Attempt> {
        let host = self.host();
        let mut request = self.http.get(url).header("accept", "application/json");
        if let Some(key) = &self.key {
            request = request.header(key_header(&self.base), key.as_str());
        }
        let response = request
            .send()
            .await
            .map_err(|error| self.sent_error(&error))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok());
        let body = response
            .text()
            .await
            .map_err(|error| self.sent_error(&error))?;
        match status {
            200..=299 => Ok(body),
            429 => Err(Attempt::Retry {
                error: PriceApiError::RateLimited { host, retry_after },
                after: retry_after.map(Duration::from_secs),
            }),
            401 | 403 => Err(Attempt::Final(PriceApiError::KeyRefused {
                host,
                status,
                message: error_message(&body),
            })),
            500..=599 => Err(Attempt::Retry {
                error: PriceApiError::Failed {
                    host,
                    status,
                    message: error_message(&body),
                },
                after: retry_after.map(Duration::from_secs),
            }),
            _ => Err(Attempt::Final(PriceApiError::Failed {
                host,
                status,
                message: error_message(&body),
            })),
        }
    }

    fn sent_error(&self, error: &reqwest::Error) -> Attempt {
        let host = self.host();
        let error = if error.is_timeout() {
            PriceApiError::TimedOut {
                host,
                seconds: self.limits.timeout.as_secs().max(1),
            }
        } else {
            PriceApiError::Unreachable {
                host,
                why: if error.is_connect() {
                    "the connection was refused or failed".into()
                } else {
                    "the request failed before an answer came".into()
                },
            }
        };
        Attempt::Retry { error, after: None }
    }
}

enum Attempt {
    Final(PriceApiError),
    Retry {
        error: PriceApiError,
        after: Option<Duration>,
    },
}

/// An `http(s)` URL with a host, as the user typed it.
pub fn check_base_url(text: &str) -> Result<Url, PriceApiError> {
    let url =
        Url::parse(text.trim()).map_err(|_| PriceApiError::BaseUrl(text.trim().to_owned()))?;
    let web = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|host| !host.is_empty())
        && url.query().is_none()
        && url.fragment().is_none();
    if web {
        Ok(url)
    } else {
        Err(PriceApiError::BaseUrl(text.trim().to_owned()))
    }
}

fn host_of(url: &Url) -> String {
    match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_owned(),
    }
}

/// CoinGecko takes a paid plan's key on its `pro-api` host and a demo key elsewhere.
fn key_header(base: &Url) -> &'static str {
    if base
        .host_str()
        .is_some_and(|host| host.starts_with("pro-api."))
    {
        "x-cg-pro-api-key"
    } else {
        "x-cg-demo-api-key"
    }
}

/// The error text of a CoinGecko error body (`{"status":{"error_message":…}}` or
/// `{"error":…}`), else a short, single-line start of the body.
fn error_message(body: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Status {
        error_message: String,
    }
    #[derive(serde::Deserialize)]
    struct Body {
        status: Option<Status>,
        error: Option<String>,
    }
    if let Some(message) = serde_json::from_str::<Body>(body).ok().and_then(|parsed| {
        parsed
            .status
            .map(|status| status.error_message)
            .or(parsed.error)
    }) {
        return message;
    }
    let text: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        "no message".into()
    } else {
        text.chars().take(120).collect()
    }
}

/// Reads `/simple/price`'s reply: per coin id, the price in `vs` and when it was last
/// updated.
fn read_simple_price(
    body: &str,
    coins: &[Coin],
    currency: &str,
    vs: &str,
) -> Result<Fetched, String> {
    let by_id: HashMap<String, HashMap<String, Box<RawValue>>> =
        serde_json::from_str(body).map_err(|error| error.to_string())?;
    let updated_key = "last_updated_at";
    let mut prices = Vec::new();
    let mut unknown = Vec::new();
    for coin in coins {
        let Some(fields) = by_id.get(&coin.coin_id) else {
            unknown.push(coin.asset.clone());
            continue;
        };
        let price = fields.get(vs).map(|raw| raw.get());
        let Some(price) = price.filter(|text| *text != "null") else {
            unknown.push(coin.asset.clone());
            continue;
        };
        let price = exact_decimal(price)
            .filter(|price| *price > Decimal::ZERO)
            .ok_or_else(|| {
                format!(
                    "the price of {} is not a positive number: {price}",
                    coin.coin_id
                )
            })?;
        let updated = fields
            .get(updated_key)
            .and_then(|raw| raw.get().parse::<i64>().ok())
            .ok_or_else(|| format!("{} has no {updated_key}", coin.coin_id))?;
        let observed_at = UtcTimestamp::from_unix_seconds(updated).map_err(|_| {
            format!(
                "{} was updated at an impossible time: {updated}",
                coin.coin_id
            )
        })?;
        prices.push(Price {
            asset: coin.asset.trim().to_ascii_uppercase(),
            currency: currency.trim().to_ascii_uppercase(),
            price,
            observed_at,
            source: PriceSource::Api,
        });
    }
    Ok(Fetched { prices, unknown })
}

/// A JSON number's text (`3012.45`, `8.412e-06`) as an exact decimal.
fn exact_decimal(text: &str) -> Option<Decimal> {
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coin(asset: &str, id: &str) -> Coin {
        Coin {
            asset: asset.into(),
            coin_id: id.into(),
        }
    }

    #[test]
    fn numbers_are_read_exactly_from_their_text() {
        assert_eq!(
            exact_decimal("3012.4567891234"),
            Decimal::from_str("3012.4567891234").ok()
        );
        assert_eq!(
            exact_decimal("8.412e-06"),
            Decimal::from_str("0.000008412").ok()
        );
        assert_eq!(exact_decimal("1E+3"), Decimal::from_str("1000").ok());
        assert_eq!(exact_decimal("\"3\""), None);
    }

    #[test]
    fn a_reply_gives_prices_and_names_the_coins_it_lacks() {
        let body = r#"{"ethereum":{"usd":3012.45,"last_updated_at":1764930000},"dead-coin":{"usd":null,"last_updated_at":1}}"#;
        let fetched = read_simple_price(
            body,
            &[
                coin("eth", "ethereum"),
                coin("DEAD", "dead-coin"),
                coin("NEW", "not-listed"),
            ],
            "usd",
            "usd",
        )
        .expect("read");
        assert_eq!(fetched.prices.len(), 1);
        assert_eq!(fetched.prices[0].asset, "ETH");
        assert_eq!(fetched.prices[0].currency, "USD");
        assert_eq!(
            fetched.prices[0].price,
            Decimal::from_str("3012.45").expect("decimal")
        );
        assert_eq!(fetched.unknown, vec!["DEAD".to_owned(), "NEW".to_owned()]);
        for bad in [
            "[]",
            r#"{"ethereum":{"usd":"3012"}}"#,
            r#"{"ethereum":{"usd":-1,"last_updated_at":1}}"#,
            r#"{"ethereum":{"usd":3012}}"#,
            "<html>",
        ] {
            assert!(
                read_simple_price(bad, &[coin("ETH", "ethereum")], "USD", "usd").is_err(),
                "{bad} is refused"
            );
        }
    }

    #[test]
    fn error_bodies_are_read_in_both_shapes() {
        assert_eq!(
            error_message(r#"{"status":{"error_code":10002,"error_message":"API Key Missing"}}"#),
            "API Key Missing"
        );
        assert_eq!(
            error_message(r#"{"error":"coin not found"}"#),
            "coin not found"
        );
        assert_eq!(
            error_message("<html>\n<b>502</b></html>"),
            "<html> <b>502</b></html>"
        );
        assert_eq!(error_message(""), "no message");
    }

    #[test]
    fn base_urls_are_web_urls_and_the_key_header_follows_the_plan() {
        for good in [
            "https://api.coingecko.com/api/v3",
            "http://127.0.0.1:9000/api/v3/",
        ] {
            assert!(check_base_url(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "api.coingecko.com",
            "ftp://x/api",
            "https://x/api?key=1",
            "file:///etc",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
        let pro = check_base_url("https://pro-api.coingecko.com/api/v3").expect("url");
        assert_eq!(key_header(&pro), "x-cg-pro-api-key");
        let public = check_base_url(DEFAULT_BASE_URL).expect("url");
        assert_eq!(key_header(&public), "x-cg-demo-api-key");
    }
}
