//! The price book: every price the user has, from each of its sources (typed by hand,
//! imported from CSV, fetched from the online API), and what an amount of a coin is
//! worth in a currency at a moment — asked of the sources in the user's order, never a
//! silent zero when no price is known.

use alloy_primitives::U256;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::money::{
    MoneyProblem, MoneyProblemKind, parse_currency, positive_decimal, problem, symbol_key,
    whole_units,
};
use crate::timestamp::UtcTimestamp;

/// One price: `price` units of `currency` for one whole `asset`, seen at `observed_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Price {
    pub asset: String,
    pub currency: String,
    pub price: Decimal,
    pub observed_at: UtcTimestamp,
    pub source: PriceSource,
}

/// Where a price came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum PriceSource {
    /// Typed by the user into the price book.
    Manual,
    /// Imported from a CSV file of price history.
    Csv,
    /// Fetched from the online price API the user enabled.
    Api,
}

impl PriceSource {
    pub const ALL: [Self; 3] = [Self::Manual, Self::Csv, Self::Api];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Csv => "csv",
            Self::Api => "api",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|source| source.as_str() == text.trim())
    }
}

/// The id CoinGecko-compatible price APIs know well-known coins by, used for a coin
/// the user has not given an id of their own. A sale's token has no default: the
/// user names its id (symbols are not unique; ids are).
pub const WELL_KNOWN_COIN_IDS: &[(&str, &str)] = &[
    ("BNB", "binancecoin"),
    ("BTC", "bitcoin"),
    ("DAI", "dai"),
    ("ETH", "ethereum"),
    ("POL", "polygon-ecosystem-token"),
    ("SOL", "solana"),
    ("USDC", "usd-coin"),
    ("USDT", "tether"),
    ("WBTC", "wrapped-bitcoin"),
    ("WETH", "weth"),
];

/// The order in which the price sources are asked: each source exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceOrder([PriceSource; 3]);

impl Default for SourceOrder {
    /// What the user typed first, then their price history, then the online API.
    fn default() -> Self {
        Self(PriceSource::ALL)
    }
}

impl SourceOrder {
    /// An order naming every source exactly once; `None` otherwise.
    pub fn new(sources: &[PriceSource]) -> Option<Self> {
        let all_once = sources.len() == PriceSource::ALL.len()
            && PriceSource::ALL
                .iter()
                .all(|source| sources.iter().filter(|s| *s == source).count() == 1);
        all_once.then(|| Self([sources[0], sources[1], sources[2]]))
    }

    /// `manual,csv,api` and the like.
    pub fn parse(text: &str) -> Option<Self> {
        let sources: Option<Vec<PriceSource>> = text.split(',').map(PriceSource::parse).collect();
        Self::new(&sources?)
    }

    pub fn sources(self) -> [PriceSource; 3] {
        self.0
    }

    pub fn to_text(self) -> String {
        self.0.map(PriceSource::as_str).join(",")
    }
}

/// Why an amount could not be valued, or not with confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PriceProblem {
    /// No price of `asset` in `currency` at or before the moment.
    Missing { asset: String, currency: String },
    /// The latest one is older than the user's staleness limit.
    Stale {
        asset: String,
        currency: String,
        observed_at: UtcTimestamp,
    },
    /// The value does not fit in a decimal (an absurd amount or price).
    TooLarge { asset: String },
}

/// What an amount is worth, and what to know about that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valuation {
    /// `None` only when there is no price (or it overflowed): never a silent zero.
    pub value: Option<Decimal>,
    pub problem: Option<PriceProblem>,
}

/// The prices the user has, from every source, and how old one may be before it is
/// called stale. Indexed once per pair and source, so valuing many amounts does not
/// scan every price each time.
#[derive(Debug, Clone)]
pub struct PriceBook<'a> {
    /// Per ASSET, per CURRENCY, per source: the prices, oldest observation first.
    by_pair: FxHashMap<String, FxHashMap<String, [Vec<&'a Price>; 3]>>,
    max_age_seconds: i64,
    order: SourceOrder,
}

fn source_slot(source: PriceSource) -> usize {
    match source {
        PriceSource::Manual => 0,
        PriceSource::Csv => 1,
        PriceSource::Api => 2,
    }
}

fn same_symbol(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl<'a> PriceBook<'a> {
    pub fn new(prices: &'a [Price], max_age_seconds: i64, order: SourceOrder) -> Self {
        let mut by_pair: FxHashMap<String, FxHashMap<String, [Vec<&'a Price>; 3]>> =
            FxHashMap::default();
        for price in prices {
            by_pair
                .entry(symbol_key(&price.asset).into_owned())
                .or_default()
                .entry(symbol_key(&price.currency).into_owned())
                .or_default()[source_slot(price.source)]
            .push(price);
        }
        for sources in by_pair.values_mut().flat_map(FxHashMap::values_mut) {
            for prices in sources {
                prices.sort_by_key(|price| price.observed_at);
            }
        }
        Self {
            by_pair,
            max_age_seconds,
            order,
        }
    }

    /// The price of one whole `asset` in `currency` to use at `at`: from each source in
    /// the user's order, its latest price observed no later than `at`; the first of
    /// those that is not stale wins; when all are stale, the most recent of them.
    pub fn latest(&self, asset: &str, currency: &str, at: UtcTimestamp) -> Option<&'a Price> {
        let sources = self
            .by_pair
            .get(&*symbol_key(asset))?
            .get(&*symbol_key(currency))?;
        let candidates = self.order.sources().map(|source| {
            let prices = &sources[source_slot(source)];
            let known = prices.partition_point(|price| price.observed_at <= at);
            known.checked_sub(1).map(|last| prices[last])
        });
        let fresh = |price: &&Price| {
            at.unix_seconds() - price.observed_at.unix_seconds() <= self.max_age_seconds
        };
        candidates
            .iter()
            .flatten()
            .find(|price| fresh(price))
            .or_else(|| {
                candidates
                    .iter()
                    .flatten()
                    .max_by_key(|price| price.observed_at)
            })
            .copied()
    }

    /// `amount` (base units of `asset`, with `decimals`) in `currency` at `at`: at the
    /// latest price observed no later than `at`. An amount already in the currency
    /// needs no price.
    pub fn value(
        &self,
        amount: U256,
        decimals: u8,
        asset: &str,
        currency: &str,
        at: UtcTimestamp,
    ) -> Valuation {
        let too_large = || Valuation {
            value: None,
            problem: Some(PriceProblem::TooLarge {
                asset: asset.to_owned(),
            }),
        };
        let Some(units) = whole_units(amount, decimals) else {
            return too_large();
        };
        if same_symbol(asset, currency) {
            return Valuation {
                value: Some(units),
                problem: None,
            };
        }
        let Some(price) = self.latest(asset, currency, at) else {
            return Valuation {
                value: None,
                problem: Some(PriceProblem::Missing {
                    asset: asset.to_owned(),
                    currency: currency.to_owned(),
                }),
            };
        };
        let Some(value) = units.checked_mul(price.price) else {
            return too_large();
        };
        let age = at.unix_seconds() - price.observed_at.unix_seconds();
        Valuation {
            value: Some(value),
            problem: (age > self.max_age_seconds).then(|| PriceProblem::Stale {
                asset: asset.to_owned(),
                currency: currency.to_owned(),
                observed_at: price.observed_at,
            }),
        }
    }
}

/// A price as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceDraft {
    pub asset: String,
    pub currency: String,
    pub price: String,
    pub observed_at: String,
}

impl Price {
    /// Checks every field; `now` bounds the observation time.
    pub fn from_draft(
        draft: &PriceDraft,
        known_coins: &[&str],
        now: UtcTimestamp,
    ) -> Result<Self, Vec<MoneyProblem>> {
        let mut problems = Vec::new();
        let asset = draft.asset.trim().to_ascii_uppercase();
        let asset_ok = !asset.is_empty()
            && asset.len() <= 16
            && asset
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'$'));
        if !asset_ok {
            problems.push(problem(
                "asset",
                if asset.is_empty() {
                    MoneyProblemKind::Required
                } else {
                    MoneyProblemKind::Symbol
                },
                "a symbol of 1 to 16 letters, digits or . - _ $ (e.g. ETH)",
            ));
        }
        let currency = parse_currency(&draft.currency, known_coins);
        if currency.is_none() {
            problems.push(problem(
                "currency",
                if draft.currency.trim().is_empty() { MoneyProblemKind::Required } else { MoneyProblemKind::UnknownCurrency },
                "an ISO 4217 currency (USD, EUR, CHF…) or the symbol of a coin one of your sales accepts",
            ));
        }
        let price = positive_decimal("price", &draft.price)
            .map_err(|error| problems.push(error))
            .ok();
        let observed_at = match UtcTimestamp::parse(&draft.observed_at) {
            Ok(at) if at > now => {
                problems.push(problem(
                    "observedAt",
                    MoneyProblemKind::InTheFuture,
                    "a price cannot be observed in the future",
                ));
                None
            }
            Ok(at) => Some(at),
            Err(error) => {
                problems.push(problem(
                    "observedAt",
                    MoneyProblemKind::Datetime,
                    error.to_string(),
                ));
                None
            }
        };
        match (currency, price, observed_at) {
            (Some(currency), Some(price), Some(observed_at)) if problems.is_empty() => Ok(Self {
                asset,
                currency,
                price,
                observed_at,
                source: PriceSource::Manual,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn at(text: &str) -> UtcTimestamp {
        UtcTimestamp::parse(text).expect("a time")
    }

    pub(crate) fn price(value: &str, observed: &str) -> Price {
        Price {
            asset: "ETH".into(),
            currency: "USD".into(),
            price: value.parse().expect("a decimal"),
            observed_at: at(observed),
            source: PriceSource::Manual,
        }
    }

    fn from(source: PriceSource, value: &str, observed: &str) -> Price {
        Price {
            source,
            ..price(value, observed)
        }
    }

    #[test]
    fn a_value_uses_the_latest_price_not_newer_than_the_moment() {
        let prices = [
            price("2500", "2026-01-01 00:00"),
            price("3000", "2026-12-04 00:00"),
            price("9999", "2026-12-06 00:00"),
        ];
        let book = PriceBook::new(&prices, 7 * 86_400, SourceOrder::default());
        let one_and_a_half = U256::from(15) * U256::from(10_u64).pow(U256::from(17));
        let now = book.value(one_and_a_half, 18, "eth", "usd", at("2026-12-05 00:00"));
        assert_eq!(now.value, Some("4500".parse().expect("decimal")));
        assert_eq!(now.problem, None);
        let june = book.value(one_and_a_half, 18, "ETH", "USD", at("2026-06-01 00:00"));
        assert_eq!(june.value, Some("3750".parse().expect("decimal")));
        assert!(matches!(june.problem, Some(PriceProblem::Stale { .. })));
        let before_any = book.value(one_and_a_half, 18, "ETH", "USD", at("2025-06-01 00:00"));
        assert_eq!(before_any.value, None, "never a silent zero");
        assert!(matches!(
            before_any.problem,
            Some(PriceProblem::Missing { .. })
        ));
        let same = book.value(U256::from(1), 18, "ETH", "eth", at("2020-01-01 00:00"));
        assert_eq!(
            same.value,
            Some("0.000000000000000001".parse().expect("decimal"))
        );
    }

    #[test]
    fn sources_are_asked_in_the_users_order_and_a_stale_one_gives_way() {
        use PriceSource::{Api, Csv, Manual};
        let prices = [
            from(Manual, "2000", "2026-01-01 00:00"),
            from(Csv, "2900", "2026-11-30 00:00"),
            from(Api, "3100", "2026-12-04 12:00"),
            from(Api, "9999", "2026-12-06 00:00"),
        ];
        let week = 7 * 86_400;
        let at_fifth = at("2026-12-05 00:00");
        let price_of = |order: &[PriceSource]| {
            let order = SourceOrder::new(order).expect("an order");
            PriceBook::new(&prices, week, order)
                .latest("ETH", "USD", at_fifth)
                .map(|price| (price.source, price.price.to_string()))
        };
        assert_eq!(
            price_of(&[Manual, Csv, Api]),
            Some((Csv, "2900".into())),
            "the manual price is eleven months old: the next source's fresh one is used"
        );
        assert_eq!(price_of(&[Api, Csv, Manual]), Some((Api, "3100".into())));
        assert_eq!(price_of(&[Csv, Api, Manual]), Some((Csv, "2900".into())));
        let all_stale = PriceBook::new(&prices, 3600, SourceOrder::default());
        assert_eq!(
            all_stale
                .latest("eth", "usd", at_fifth)
                .map(|price| price.source),
            Some(Api),
            "when every source is stale, the most recent price is used"
        );
        assert_eq!(all_stale.latest("ETH", "EUR", at_fifth), None);
        assert_eq!(
            SourceOrder::parse("api,manual,csv").map(SourceOrder::to_text),
            Some("api,manual,csv".into())
        );
        for bad in [
            "",
            "api",
            "api,api,csv",
            "manual,csv,api,api",
            "manual,csv,web",
        ] {
            assert_eq!(SourceOrder::parse(bad), None, "{bad:?} is not an order");
        }
    }

    #[test]
    fn absurd_amounts_are_reported_not_wrapped() {
        let prices = [price("1000000000000", "2026-01-01 00:00")];
        let book = PriceBook::new(&prices, i64::MAX, SourceOrder::default());
        let huge = book.value(U256::MAX, 0, "ETH", "USD", at("2026-06-01 00:00"));
        assert_eq!(huge.value, None);
        assert!(matches!(huge.problem, Some(PriceProblem::TooLarge { .. })));
    }

    fn kinds(problems: Vec<MoneyProblem>) -> Vec<(&'static str, MoneyProblemKind)> {
        problems.into_iter().map(|p| (p.field, p.kind)).collect()
    }

    #[test]
    fn every_bad_price_field_is_named() {
        use MoneyProblemKind::*;
        let now = at("2026-12-05 10:00");
        let good = PriceDraft {
            asset: "eth".into(),
            currency: "USD".into(),
            price: "3012.45".into(),
            observed_at: "2026-12-05 09:00".into(),
        };
        let price = Price::from_draft(&good, &[], now).expect("valid");
        assert_eq!(
            (price.asset.as_str(), price.price),
            ("ETH", "3012.45".parse().expect("decimal"))
        );
        for (change, expected) in [
            (
                PriceDraft {
                    price: "0".into(),
                    ..good.clone()
                },
                vec![("price", Amount)],
            ),
            (
                PriceDraft {
                    price: "-1".into(),
                    ..good.clone()
                },
                vec![("price", Amount)],
            ),
            (
                PriceDraft {
                    currency: "XYZ".into(),
                    ..good.clone()
                },
                vec![("currency", UnknownCurrency)],
            ),
            (
                PriceDraft {
                    asset: "E TH".into(),
                    ..good.clone()
                },
                vec![("asset", Symbol)],
            ),
            (
                PriceDraft {
                    observed_at: "2026-12-05 10:01".into(),
                    ..good.clone()
                },
                vec![("observedAt", InTheFuture)],
            ),
            (
                PriceDraft {
                    observed_at: "yesterday".into(),
                    ..good.clone()
                },
                vec![("observedAt", Datetime)],
            ),
        ] {
            let label = format!("{change:?}");
            assert_eq!(
                kinds(Price::from_draft(&change, &[], now).expect_err(&label)),
                expected,
                "{label}"
            );
        }
    }
}
