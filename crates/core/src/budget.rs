//! Budgets and the price book: how much money a period allows for token sales, how
//! much of it is committed (contributions minus refunds), and what an amount of a coin
//! is worth in the budget's currency. Fiat and prices are `Decimal` (exact base-10);
//! amounts of coins stay integers of base units until they are valued.

use std::collections::HashMap;
use std::str::FromStr;

use alloy_primitives::U256;
use rust_decimal::Decimal;

use crate::amount::format_amount;
use crate::sale::SaleId;
use crate::timestamp::UtcTimestamp;
use crate::vesting::BasisPoints;

/// The stretch of time a budget covers, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A calendar year.
    Year(i32),
    /// A calendar month (1–12).
    Month { year: i32, month: u8 },
    /// From `from` (inclusive) until `until` (exclusive).
    Custom {
        from: UtcTimestamp,
        until: UtcTimestamp,
    },
}

impl Period {
    /// Its first moment and the first moment after it; `None` for a date outside
    /// what timestamps can hold.
    pub fn bounds(self) -> Option<(UtcTimestamp, UtcTimestamp)> {
        let start = |year: i32, month: u8| {
            UtcTimestamp::parse(&format!("{year:04}-{month:02}-01 00:00")).ok()
        };
        match self {
            Self::Year(year) => Some((start(year, 1)?, start(year.checked_add(1)?, 1)?)),
            Self::Month { year, month } => {
                let first = start(year, month)?;
                Some((first, first.add_months(1).ok()?))
            }
            Self::Custom { from, until } => Some((from, until)),
        }
    }

    pub fn contains(self, at: UtcTimestamp) -> bool {
        self.bounds()
            .is_some_and(|(start, end)| start <= at && at < end)
    }

    /// "2027", "2027-03", or the two dates of a custom range.
    pub fn label(self) -> String {
        match self {
            Self::Year(year) => year.to_string(),
            Self::Month { year, month } => format!("{year:04}-{month:02}"),
            Self::Custom { from, until } => {
                format!("{} – {}", from.to_form_text(), until.to_form_text())
            }
        }
    }
}

/// A budget for one period, in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// The budget's currency: `USD`, `EUR`, or a coin such as `ETH`.
    pub currency: String,
    pub period: Period,
    /// The most that may be committed in the period.
    pub total: Decimal,
    /// The most that may be committed to one sale in the period.
    pub per_sale_cap: Option<Decimal>,
    /// The largest share of `total` one sale may take.
    pub max_share_per_sale: Option<BasisPoints>,
}

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
    /// Per (ASSET, CURRENCY) pair, per source: the prices, oldest observation first.
    by_pair: HashMap<(String, String), [Vec<&'a Price>; 3]>,
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

fn pair_key(asset: &str, currency: &str) -> (String, String) {
    (
        asset.trim().to_ascii_uppercase(),
        currency.trim().to_ascii_uppercase(),
    )
}

/// An amount of base units as a decimal of whole units, if it fits.
pub fn whole_units(amount: U256, decimals: u8) -> Option<Decimal> {
    let text = format_amount(amount, decimals);
    Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_str(&text))
        .ok()
}

fn same_symbol(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl<'a> PriceBook<'a> {
    pub fn new(prices: &'a [Price], max_age_seconds: i64, order: SourceOrder) -> Self {
        let mut by_pair: HashMap<(String, String), [Vec<&'a Price>; 3]> = HashMap::new();
        for price in prices {
            by_pair
                .entry(pair_key(&price.asset, &price.currency))
                .or_default()[source_slot(price.source)]
            .push(price);
        }
        for sources in by_pair.values_mut() {
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
        let sources = self.by_pair.get(&pair_key(asset, currency))?;
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

/// Money that went to a sale, or came back from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementKind {
    Contribution,
    Refund,
}

/// A contribution or refund, signed or recorded by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub sale: SaleId,
    pub kind: MovementKind,
    pub at: UtcTimestamp,
    pub amount: U256,
    pub decimals: u8,
    pub asset: String,
}

/// How much of a budget is committed: in all, and per sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetUse {
    /// Contributions minus refunds in the period, each valued when it happened.
    pub committed: Decimal,
    pub per_sale: Vec<(SaleId, Decimal)>,
    /// Movements that could not be valued (left out of the sums, and said so).
    pub unpriced: Vec<PriceProblem>,
}

impl BudgetUse {
    pub fn of_sale(&self, sale: SaleId) -> Decimal {
        self.per_sale
            .iter()
            .find(|(id, _)| *id == sale)
            .map(|(_, value)| *value)
            .unwrap_or_default()
    }
}

/// What the movements of `budget`'s period commit of it.
pub fn budget_use(budget: &Budget, movements: &[Movement], book: &PriceBook<'_>) -> BudgetUse {
    let mut used = BudgetUse {
        committed: Decimal::ZERO,
        per_sale: Vec::new(),
        unpriced: Vec::new(),
    };
    for movement in movements.iter().filter(|m| budget.period.contains(m.at)) {
        let signed = match signed_value(budget, movement, book) {
            Ok(signed) => signed,
            Err(problem) => {
                used.unpriced.extend(problem);
                continue;
            }
        };
        used.committed = used.committed.saturating_add(signed);
        match used
            .per_sale
            .iter_mut()
            .find(|(id, _)| *id == movement.sale)
        {
            Some((_, sum)) => *sum = sum.saturating_add(signed),
            None => used.per_sale.push((movement.sale, signed)),
        }
    }
    used
}

/// A movement's value in the budget's currency at its moment: positive for a
/// contribution, negative for a refund; the price problem when it has none.
fn signed_value(
    budget: &Budget,
    movement: &Movement,
    book: &PriceBook<'_>,
) -> Result<Decimal, Option<PriceProblem>> {
    let valuation = book.value(
        movement.amount,
        movement.decimals,
        &movement.asset,
        &budget.currency,
        movement.at,
    );
    let value = valuation.value.ok_or(valuation.problem)?;
    Ok(match movement.kind {
        MovementKind::Contribution => value,
        MovementKind::Refund => -value,
    })
}

/// The budget committed so far after each of the period's movements, in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetStep {
    pub at: UtcTimestamp,
    /// Contributions minus refunds from the period's start to `at`.
    pub committed: Decimal,
    /// Some movement up to `at` had no price: `committed` leaves it out.
    pub complete: bool,
}

/// How the budget was used over its period: one step per contribution or refund.
pub fn budget_use_over_time(
    budget: &Budget,
    movements: &[Movement],
    book: &PriceBook<'_>,
) -> Vec<BudgetStep> {
    let mut within: Vec<&Movement> = movements
        .iter()
        .filter(|m| budget.period.contains(m.at))
        .collect();
    within.sort_by_key(|m| m.at);
    let mut committed = Decimal::ZERO;
    let mut complete = true;
    within
        .into_iter()
        .map(|movement| {
            match signed_value(budget, movement, book) {
                Ok(signed) => committed = committed.saturating_add(signed),
                Err(_) => complete = false,
            }
            BudgetStep {
                at: movement.at,
                committed,
                complete,
            }
        })
        .collect()
}

/// `part` as a share of `whole`, in basis points (rounded down); `None` for a zero whole.
pub fn share_bps(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::from(10_000))?
        .checked_div(whole)
        .map(|bps| bps.floor())
}

/// Whether `code` is an ISO 4217 currency (money shown in cents), not a coin.
pub fn is_fiat(code: &str) -> bool {
    iso_currency::Currency::from_code(code.trim()).is_some()
}

/// What a budget or a price is counted in: an ISO 4217 currency (`USD`, `EUR`) or a
/// coin Saleguard knows from a sale (`ETH`, `USDC`).
pub fn parse_currency(text: &str, known_coins: &[&str]) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    if iso_currency::Currency::from_code(&code).is_some()
        || known_coins
            .iter()
            .any(|coin| coin.eq_ignore_ascii_case(&code))
    {
        Some(code)
    } else {
        None
    }
}

/// A budget as typed: every field a string. `period` is `year`, `month` or `custom`;
/// `year` and `month` (1–12) are for the first two, `from` and `until` (UTC) for the last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BudgetDraft {
    pub currency: String,
    pub period: String,
    pub year: String,
    pub month: String,
    pub from: String,
    pub until: String,
    pub total: String,
    /// Empty: no cap per sale.
    pub per_sale_cap: String,
    /// Empty: no limit; else a percentage of the total, e.g. `25` or `12.5`.
    pub max_share_percent: String,
}

/// A price as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceDraft {
    pub asset: String,
    pub currency: String,
    pub price: String,
    pub observed_at: String,
}

/// What is wrong with one field of a budget or a price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyProblemKind {
    Required,
    UnknownCurrency,
    Choice,
    Year,
    Month,
    Datetime,
    EndsBeforeStart,
    /// Not a positive decimal (zero, negative, malformed, too many digits).
    Amount,
    CapAboveTotal,
    Percent,
    InTheFuture,
    Symbol,
}

/// One problem at a field named as on the wire (`total`, `perSaleCap`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyProblem {
    pub field: &'static str,
    pub kind: MoneyProblemKind,
    pub message: String,
}

fn problem(
    field: &'static str,
    kind: MoneyProblemKind,
    message: impl Into<String>,
) -> MoneyProblem {
    MoneyProblem {
        field,
        kind,
        message: message.into(),
    }
}

/// A positive decimal as typed (`1500`, `1500.50`); no signs, exponents or separators.
fn positive_decimal(field: &'static str, text: &str) -> Result<Decimal, MoneyProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(problem(field, MoneyProblemKind::Required, "required"));
    }
    let plain = text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|b| *b == b'.').count() <= 1
        && !text.starts_with('.')
        && !text.ends_with('.');
    match Decimal::from_str_exact(text) {
        Ok(value) if plain && value > Decimal::ZERO => Ok(value.normalize()),
        _ => Err(problem(
            field,
            MoneyProblemKind::Amount,
            "a positive number with a dot for decimals, e.g. 5000 or 1999.99",
        )),
    }
}

impl Budget {
    /// Checks every field; either all is good or every problem is named.
    pub fn from_draft(
        draft: &BudgetDraft,
        known_coins: &[&str],
    ) -> Result<Self, Vec<MoneyProblem>> {
        let mut problems = Vec::new();
        let currency = parse_currency(&draft.currency, known_coins);
        if currency.is_none() {
            problems.push(problem(
                "currency",
                if draft.currency.trim().is_empty() { MoneyProblemKind::Required } else { MoneyProblemKind::UnknownCurrency },
                "an ISO 4217 currency (USD, EUR, CHF…) or the symbol of a coin one of your sales accepts (ETH)",
            ));
        }
        let year = || -> Result<i32, MoneyProblem> {
            match draft.year.trim().parse::<i32>() {
                Ok(year) if (1970..=9998).contains(&year) => Ok(year),
                _ => Err(problem(
                    "year",
                    MoneyProblemKind::Year,
                    "a year from 1970 to 9998",
                )),
            }
        };
        let moment = |field: &'static str, text: &str| {
            UtcTimestamp::parse(text)
                .map_err(|error| problem(field, MoneyProblemKind::Datetime, error.to_string()))
        };
        let period = match draft.period.trim() {
            "year" => year().map(Period::Year),
            "month" => {
                let month = match draft.month.trim().parse::<u8>() {
                    Ok(month) if (1..=12).contains(&month) => Ok(month),
                    _ => Err(problem(
                        "month",
                        MoneyProblemKind::Month,
                        "a month from 1 to 12",
                    )),
                };
                match (year(), month) {
                    (Ok(year), Ok(month)) => Ok(Period::Month { year, month }),
                    (Err(error), Ok(_)) | (_, Err(error)) => Err(error),
                }
            }
            "custom" => match (moment("from", &draft.from), moment("until", &draft.until)) {
                (Ok(from), Ok(until)) if until > from => Ok(Period::Custom { from, until }),
                (Ok(_), Ok(_)) => Err(problem(
                    "until",
                    MoneyProblemKind::EndsBeforeStart,
                    "the end must be after the start",
                )),
                (Err(error), _) | (_, Err(error)) => Err(error),
            },
            "" => Err(problem(
                "period",
                MoneyProblemKind::Required,
                "choose a year, a month or a custom range",
            )),
            _ => Err(problem(
                "period",
                MoneyProblemKind::Choice,
                "year, month or custom",
            )),
        };
        let period = period.map_err(|error| problems.push(error)).ok();
        let total = positive_decimal("total", &draft.total)
            .map_err(|error| problems.push(error))
            .ok();
        let per_sale_cap = if draft.per_sale_cap.trim().is_empty() {
            Some(None)
        } else {
            match positive_decimal("perSaleCap", &draft.per_sale_cap) {
                Ok(cap) if total.is_some_and(|total| cap > total) => {
                    problems.push(problem(
                        "perSaleCap",
                        MoneyProblemKind::CapAboveTotal,
                        "the cap per sale cannot be above the total",
                    ));
                    None
                }
                Ok(cap) => Some(Some(cap)),
                Err(error) => {
                    problems.push(error);
                    None
                }
            }
        };
        let max_share = if draft.max_share_percent.trim().is_empty() {
            Some(None)
        } else {
            let bps = positive_decimal("maxSharePercent", &draft.max_share_percent)
                .ok()
                .and_then(|percent| {
                    (percent * Decimal::from(100))
                        .normalize()
                        .to_string()
                        .parse::<u16>()
                        .ok()
                })
                .and_then(BasisPoints::new)
                .filter(|bps| bps.get() > 0);
            if bps.is_none() {
                problems.push(problem(
                    "maxSharePercent",
                    MoneyProblemKind::Percent,
                    "a percentage above 0 and at most 100, with up to two decimals",
                ));
            }
            bps.map(Some)
        };
        match (currency, period, total, per_sale_cap, max_share) {
            (
                Some(currency),
                Some(period),
                Some(total),
                Some(per_sale_cap),
                Some(max_share_per_sale),
            ) if problems.is_empty() => Ok(Self {
                currency,
                period,
                total,
                per_sale_cap,
                max_share_per_sale,
            }),
            _ => Err(problems),
        }
    }
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
mod tests {
    use super::*;

    fn at(text: &str) -> UtcTimestamp {
        UtcTimestamp::parse(text).expect("a time")
    }

    fn price(value: &str, observed: &str) -> Price {
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
    fn periods_cover_their_calendar_span_exactly() {
        let december = Period::Month {
            year: 2026,
            month: 12,
        };
        assert_eq!(
            december.bounds(),
            Some((at("2026-12-01 00:00"), at("2027-01-01 00:00")))
        );
        assert!(december.contains(at("2026-12-31 23:59")));
        assert!(!december.contains(at("2027-01-01 00:00")));
        assert!(!december.contains(at("2026-11-30 23:59")));
        let february = Period::Month {
            year: 2028,
            month: 2,
        };
        assert_eq!(
            february.bounds().map(|(_, end)| end),
            Some(at("2028-03-01 00:00")),
            "a leap February ends with the 29th"
        );
        assert!(Period::Year(2027).contains(at("2027-12-31 23:59")));
        assert!(!Period::Year(2027).contains(at("2028-01-01 00:00")));
        assert_eq!(Period::Year(2027).label(), "2027");
        assert_eq!(february.label(), "2028-02");
        assert_eq!(
            Period::Month {
                year: 2026,
                month: 13
            }
            .bounds(),
            None
        );
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
    fn budget_use_over_time_steps_through_the_periods_movements_in_order() {
        let movement = |kind, when: &str, eth: u64| Movement {
            sale: SaleId(1),
            kind,
            at: at(when),
            amount: U256::from(eth) * U256::from(10_u64).pow(U256::from(18)),
            decimals: 18,
            asset: "ETH".into(),
        };
        let budget = Budget {
            currency: "USD".into(),
            period: Period::Year(2026),
            total: "10000".parse().expect("decimal"),
            per_sale_cap: None,
            max_share_per_sale: None,
        };
        let movements = [
            movement(MovementKind::Refund, "2026-06-01 00:00", 1),
            movement(MovementKind::Contribution, "2026-03-01 00:00", 2),
            movement(MovementKind::Contribution, "2025-12-31 00:00", 5),
            movement(MovementKind::Contribution, "2026-09-01 00:00", 1),
        ];
        let prices = [
            price("2000", "2026-01-01 00:00"),
            price("3000", "2026-08-01 00:00"),
        ];
        let book = PriceBook::new(&prices, i64::MAX, SourceOrder::default());
        let steps: Vec<(UtcTimestamp, String, bool)> =
            budget_use_over_time(&budget, &movements, &book)
                .into_iter()
                .map(|step| (step.at, step.committed.to_string(), step.complete))
                .collect();
        assert_eq!(
            steps,
            vec![
                (at("2026-03-01 00:00"), "4000".into(), true),
                (at("2026-06-01 00:00"), "2000".into(), true),
                (at("2026-09-01 00:00"), "5000".into(), true),
            ],
            "last year's contribution is outside the period; the refund counts back"
        );
        assert_eq!(
            budget_use(&budget, &movements, &book).committed.to_string(),
            "5000",
            "the last step is the budget's use"
        );
        let no_prices = PriceBook::new(&[], i64::MAX, SourceOrder::default());
        let steps = budget_use_over_time(&budget, &movements, &no_prices);
        assert!(
            steps
                .iter()
                .all(|step| !step.complete && step.committed.is_zero())
        );
    }

    #[test]
    fn absurd_amounts_are_reported_not_wrapped() {
        let prices = [price("1000000000000", "2026-01-01 00:00")];
        let book = PriceBook::new(&prices, i64::MAX, SourceOrder::default());
        let huge = book.value(U256::MAX, 0, "ETH", "USD", at("2026-06-01 00:00"));
        assert_eq!(huge.value, None);
        assert!(matches!(huge.problem, Some(PriceProblem::TooLarge { .. })));
        assert_eq!(whole_units(U256::MAX, 18), None);
        assert_eq!(
            share_bps("1".parse().expect("decimal"), Decimal::ZERO),
            None
        );
        assert_eq!(
            share_bps("1".parse().expect("decimal"), "3".parse().expect("decimal")),
            Some(Decimal::from(3_333))
        );
    }

    fn budget_draft() -> BudgetDraft {
        BudgetDraft {
            currency: "usd".into(),
            period: "year".into(),
            year: "2027".into(),
            total: "5000".into(),
            per_sale_cap: "1500.50".into(),
            max_share_percent: "12.5".into(),
            ..BudgetDraft::default()
        }
    }

    fn kinds(problems: Vec<MoneyProblem>) -> Vec<(&'static str, MoneyProblemKind)> {
        problems.into_iter().map(|p| (p.field, p.kind)).collect()
    }

    #[test]
    fn a_budget_as_typed_is_checked_whole() {
        let budget = Budget::from_draft(&budget_draft(), &["ETH"]).expect("valid");
        assert_eq!(budget.currency, "USD");
        assert_eq!(budget.period, Period::Year(2027));
        assert_eq!(budget.total, Decimal::from(5000));
        assert_eq!(
            budget.per_sale_cap,
            Some("1500.5".parse().expect("decimal"))
        );
        assert_eq!(budget.max_share_per_sale.map(BasisPoints::get), Some(1250));
        let in_eth = BudgetDraft {
            currency: "eth".into(),
            per_sale_cap: String::new(),
            max_share_percent: String::new(),
            ..budget_draft()
        };
        let in_eth = Budget::from_draft(&in_eth, &["ETH"]).expect("a coin of a sale");
        assert_eq!(
            (
                in_eth.currency.as_str(),
                in_eth.per_sale_cap,
                in_eth.max_share_per_sale
            ),
            ("ETH", None, None)
        );
        let month = BudgetDraft {
            period: "month".into(),
            month: "2".into(),
            ..budget_draft()
        };
        assert_eq!(
            Budget::from_draft(&month, &[]).expect("valid").period,
            Period::Month {
                year: 2027,
                month: 2
            }
        );
    }

    #[test]
    fn every_bad_budget_field_is_named() {
        use MoneyProblemKind::*;
        for (change, expected) in [
            (
                BudgetDraft {
                    currency: "DOGEUSD".into(),
                    ..budget_draft()
                },
                vec![("currency", UnknownCurrency)],
            ),
            (
                BudgetDraft {
                    currency: "ETH".into(),
                    ..budget_draft()
                },
                vec![("currency", UnknownCurrency)],
            ),
            (
                BudgetDraft {
                    currency: " ".into(),
                    ..budget_draft()
                },
                vec![("currency", Required)],
            ),
            (
                BudgetDraft {
                    period: "week".into(),
                    ..budget_draft()
                },
                vec![("period", Choice)],
            ),
            (
                BudgetDraft {
                    year: "27".into(),
                    ..budget_draft()
                },
                vec![("year", Year)],
            ),
            (
                BudgetDraft {
                    period: "month".into(),
                    month: "13".into(),
                    ..budget_draft()
                },
                vec![("month", Month)],
            ),
            (
                BudgetDraft {
                    period: "custom".into(),
                    from: "2027-06-01 00:00".into(),
                    until: "2027-01-01 00:00".into(),
                    ..budget_draft()
                },
                vec![("until", EndsBeforeStart)],
            ),
            (
                BudgetDraft {
                    period: "custom".into(),
                    from: "soon".into(),
                    until: "2027-01-01 00:00".into(),
                    ..budget_draft()
                },
                vec![("from", Datetime)],
            ),
            (
                BudgetDraft {
                    total: "-5000".into(),
                    ..budget_draft()
                },
                vec![("total", Amount)],
            ),
            (
                BudgetDraft {
                    total: "0".into(),
                    per_sale_cap: String::new(),
                    ..budget_draft()
                },
                vec![("total", Amount)],
            ),
            (
                BudgetDraft {
                    total: "1e9".into(),
                    per_sale_cap: String::new(),
                    ..budget_draft()
                },
                vec![("total", Amount)],
            ),
            (
                BudgetDraft {
                    total: "5,000".into(),
                    per_sale_cap: String::new(),
                    ..budget_draft()
                },
                vec![("total", Amount)],
            ),
            (
                BudgetDraft {
                    total: "99999999999999999999999999999999".into(),
                    per_sale_cap: String::new(),
                    ..budget_draft()
                },
                vec![("total", Amount)],
            ),
            (
                BudgetDraft {
                    per_sale_cap: "6000".into(),
                    ..budget_draft()
                },
                vec![("perSaleCap", CapAboveTotal)],
            ),
            (
                BudgetDraft {
                    max_share_percent: "101".into(),
                    ..budget_draft()
                },
                vec![("maxSharePercent", Percent)],
            ),
            (
                BudgetDraft {
                    max_share_percent: "12.345".into(),
                    ..budget_draft()
                },
                vec![("maxSharePercent", Percent)],
            ),
            (
                BudgetDraft {
                    max_share_percent: "-5".into(),
                    ..budget_draft()
                },
                vec![("maxSharePercent", Percent)],
            ),
        ] {
            let label = format!("{change:?}");
            assert_eq!(
                kinds(Budget::from_draft(&change, &[]).expect_err(&label)),
                expected,
                "{label}"
            );
        }
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
