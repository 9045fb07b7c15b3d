//! The portfolio: holdings per asset and place, cost basis (FIFO), profit and loss per
//! asset, per sale and in total, every value with its price and that price's time; the
//! currency values are shown in; the trades recorded by hand ([`trades`]) and the
//! charts over time ([`charts`]).

pub mod charts;
pub mod trades;

use std::collections::HashMap;

use saleguard_core::address::parse_address;
use saleguard_core::money::{parse_currency, share_bps};
use saleguard_core::network::NETWORK_PRESETS;
use saleguard_core::participation::ParticipationState;
use saleguard_core::portfolio::{
    self as domain, Money, NumberedEntry, ParticipationBook, PortfolioInput, PortfolioProblem,
    Trade,
};
use saleguard_core::price_book::{PriceProblem, PriceSource};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, Decimal};
use saleguard_store::Store;
use serde::Serialize;

use crate::dto::Amount;
use crate::money::{portfolio_currency, rounded_text};
use crate::pricing::book::{PriceData, coin_refs, known_coins};
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// A sum of money in the portfolio's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TotalView {
    /// Exact decimal, rounded at its currency's minor units (`core::money::rounded`).
    pub amount: String,
    /// `false`: a part of it had no price, so the real figure is not known (the problems say which).
    pub complete: bool,
}

/// A price used for a value: one whole asset in the portfolio's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceUsed {
    pub price: String,
    /// RFC 3339, UTC.
    pub observed_at: String,
    /// Older than the review's staleness limit.
    pub stale: bool,
    /// The price book, imported history or the online API.
    pub source: PriceSource,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlaceView {
    /// An account's label, an exchange; empty when the records do not say.
    pub place: String,
    pub quantity: Amount,
}

/// One asset held (or sold out, with what it realized).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HoldingView {
    pub asset: String,
    pub quantity: Amount,
    /// `null`: a lot's cost is unknown (no price at its moment).
    pub cost: Option<String>,
    /// `null`: no price now — never shown as zero.
    pub value: Option<String>,
    pub price: Option<PriceUsed>,
    /// Its share of the portfolio's known value, a percentage with one decimal ("42.5").
    pub value_share_percent: Option<String>,
    pub unrealized: Option<String>,
    pub realized: Option<String>,
    /// Where it is, largest first.
    pub places: Vec<PlaceView>,
}

/// What one participation came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SaleOutcomeView {
    pub participation_id: i64,
    pub sale_id: i64,
    pub sale_name: String,
    pub token: Option<String>,
    /// The contributions, each valued at its moment's price.
    pub paid: Option<String>,
    pub refunded: Option<String>,
    pub received: Option<Amount>,
    pub held: Option<Amount>,
    pub cost_held: Option<String>,
    /// Paid for tokens not received yet.
    pub cost_to_come: Option<String>,
    pub value: Option<String>,
    /// Its share of the portfolio's known value, a percentage with one decimal.
    pub value_share_percent: Option<String>,
    pub realized: Option<String>,
    pub unrealized: Option<String>,
}

/// Something the portfolio could not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioProblemView {
    /// `no_price`, `oversold`, `moved_more_than_held` or `too_large`.
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioView {
    pub currency: String,
    /// The user chose the currency (else it is their latest budget's, or USD).
    pub currency_chosen: bool,
    /// The cost-basis method, `FIFO`.
    pub method: String,
    /// When the values were computed, RFC 3339.
    pub as_of: String,
    pub value: TotalView,
    pub cost: TotalView,
    pub cost_to_come: TotalView,
    pub realized: TotalView,
    pub unrealized: TotalView,
    /// Largest value first; without a price last.
    pub holdings: Vec<HoldingView>,
    pub sales: Vec<SaleOutcomeView>,
    pub problems: Vec<PortfolioProblemView>,
}

fn problem_view(problem: &PortfolioProblem, currency: &str) -> PortfolioProblemView {
    let (code, message) = match problem {
        PortfolioProblem::NoPrice {
            what,
            asset,
            currency,
            at,
        } => (
            "no_price",
            format!(
                "No price of {asset} in {currency} on or before {}: the value of {what} is unknown. Add one to the price book.",
                at.to_rfc3339()
            ),
        ),
        PortfolioProblem::Oversold {
            what,
            asset,
            short_by,
        } => (
            "oversold",
            format!(
                "{what} gives away more {asset} than the records hold then ({short_by} base units more): its cost is unknown. Record the buy or distribution it came from."
            ),
        ),
        PortfolioProblem::MovedMoreThanHeld { what, .. } => (
            "moved_more_than_held",
            format!(
                "More left {what} than the records put there: a buy, a distribution or a transfer in is missing."
            ),
        ),
        PortfolioProblem::TooLarge { what } => (
            "too_large",
            format!("{what}: an amount or price too large to count in {currency}."),
        ),
    };
    PortfolioProblemView {
        code: code.to_owned(),
        message,
    }
}

/// The places named by address are shown by the account's label.
fn place_name(to: &str, labels: &HashMap<Address, String>) -> String {
    parse_address(to)
        .ok()
        .and_then(|address| labels.get(&address).cloned())
        .unwrap_or_else(|| to.to_owned())
}

impl Saleguard {
    /// Chooses the currency the portfolio is valued in: an ISO 4217 code or a coin one of
    /// the user's sales accepts.
    pub fn set_portfolio_currency(&self, currency: &str) -> Result<String, AppError> {
        let mut store = self.store()?;
        let coins = known_coins(&store)?;
        let Some(code) = parse_currency(currency, &coin_refs(&coins)) else {
            return Err(AppError::refused(vec![FieldError {
                field: "currency".to_owned(),
                code: if currency.trim().is_empty() {
                    ErrorCode::Required
                } else {
                    ErrorCode::UnknownCurrency
                },
                message: "an ISO 4217 currency (USD, EUR, CHF…) or the symbol of a coin one of your sales accepts".to_owned(),
            }]));
        };
        store.set_currency(&code)?;
        tracing::info!(currency = code.as_str(), "portfolio currency set");
        Ok(code)
    }

    /// The whole portfolio, valued now.
    pub fn portfolio(&self) -> Result<PortfolioView, AppError> {
        let now = self.clock.now();
        let records = PortfolioRecords::load(&*self.store()?)?;
        let book = records.prices.book();
        let portfolio = domain::portfolio(records.input(&book, now));
        Ok(portfolio_view(&portfolio, records.currency_chosen, now))
    }
}

/// What the portfolio is computed from, read from the store at once.
pub(crate) struct PortfolioRecords {
    pub(crate) currency: String,
    pub(crate) currency_chosen: bool,
    pub(crate) books: Vec<ParticipationBook>,
    pub(crate) trades: Vec<(i64, Trade)>,
    pub(crate) prices: PriceData,
}

impl PortfolioRecords {
    pub(crate) fn load(store: &Store) -> Result<Self, AppError> {
        let (currency, currency_chosen) = portfolio_currency(store)?;
        Ok(Self {
            currency,
            currency_chosen,
            books: participation_books(store)?,
            trades: store
                .trades()?
                .into_iter()
                .map(|record| (record.id, record.trade))
                .collect(),
            prices: PriceData::load(store)?,
        })
    }

    /// The core's input, valued at `now` with `book` (made from `self.prices`).
    pub(crate) fn input<'a>(
        &'a self,
        book: &'a saleguard_core::price_book::PriceBook<'a>,
        now: UtcTimestamp,
    ) -> PortfolioInput<'a> {
        PortfolioInput {
            participations: &self.books,
            trades: &self.trades,
            book,
            currency: &self.currency,
            now,
        }
    }
}

/// Every participation with its entries, plan, sale and the network fees of its
/// confirmed contributions, each table read once.
fn participation_books(store: &Store) -> Result<Vec<ParticipationBook>, AppError> {
    let names: HashMap<i64, String> = store
        .sales()?
        .into_iter()
        .map(|sale| (sale.id.0, sale.terms.project_name))
        .collect();
    let labels: HashMap<Address, String> = store
        .accounts()?
        .into_iter()
        .map(|account| (account.address, account.label))
        .collect();
    let plans: HashMap<i64, _> = store
        .all_vesting()?
        .into_iter()
        .map(|(participation, terms)| (participation.0, terms.total))
        .collect();
    let mut entries: HashMap<i64, Vec<NumberedEntry>> = HashMap::new();
    for record in store.all_entries()? {
        let mut entry = record.entry;
        entry.to = place_name(&entry.to, &labels);
        entries
            .entry(record.participation_id.0)
            .or_default()
            .push(NumberedEntry {
                id: record.id,
                entry,
            });
    }
    // The chain's coin pays the fee: the network's, else a preset's.
    let mut coins: HashMap<u64, (String, u8)> = NETWORK_PRESETS
        .iter()
        .map(|preset| {
            (
                preset.chain_id,
                (preset.native_symbol.to_owned(), preset.native_decimals),
            )
        })
        .collect();
    for network in store.networks()? {
        coins.insert(
            network.chain_id,
            (network.native_symbol, network.native_decimals),
        );
    }
    let mut fees: HashMap<i64, Vec<(UtcTimestamp, Money)>> = HashMap::new();
    for (participation, chain_id, at, fee) in store.contribution_fees()? {
        if let Some((asset, decimals)) = coins.get(&chain_id) {
            fees.entry(participation.0).or_default().push((
                at,
                Money {
                    asset: asset.clone(),
                    amount: fee,
                    decimals: *decimals,
                },
            ));
        }
    }
    Ok(store
        .participations()?
        .into_iter()
        .map(|participation| ParticipationBook {
            fees: fees.remove(&participation.id.0).unwrap_or_default(),
            participation: participation.id.0,
            sale: participation.sale_id.0,
            sale_name: names
                .get(&participation.sale_id.0)
                .cloned()
                .unwrap_or_default(),
            refunded: participation.state == ParticipationState::Refunded,
            plan_total: plans.get(&participation.id.0).copied(),
            entries: entries.remove(&participation.id.0).unwrap_or_default(),
        })
        .collect())
}

fn portfolio_view(
    portfolio: &domain::Portfolio,
    currency_chosen: bool,
    now: saleguard_core::timestamp::UtcTimestamp,
) -> PortfolioView {
    let currency = portfolio.currency.as_str();
    let money = |amount: Option<Decimal>| amount.map(|amount| rounded_text(amount, currency));
    let share = |value: Option<Decimal>| {
        value
            .and_then(|value| share_bps(value, portfolio.value.amount))
            .map(|bps| {
                (bps / Decimal::ONE_HUNDRED)
                    .round_dp(1)
                    .normalize()
                    .to_string()
            })
    };
    let total = |sum: domain::Sum| TotalView {
        amount: rounded_text(sum.amount, currency),
        complete: sum.complete,
    };
    let holdings = portfolio
        .holdings
        .iter()
        .map(|holding| HoldingView {
            asset: holding.asset.clone(),
            quantity: Amount::new(holding.quantity, holding.decimals, &holding.asset),
            cost: money(holding.cost),
            value: money(holding.now.value),
            price: holding.now.price.as_ref().map(|price| PriceUsed {
                price: price.price.normalize().to_string(),
                observed_at: price.observed_at.to_rfc3339(),
                stale: matches!(holding.now.problem, Some(PriceProblem::Stale { .. })),
                source: price.source,
            }),
            value_share_percent: share(holding.now.value),
            unrealized: money(holding.unrealized),
            realized: money(holding.realized),
            places: holding
                .places
                .iter()
                .map(|place| PlaceView {
                    place: place.place.clone(),
                    quantity: Amount::new(place.quantity, holding.decimals, &holding.asset),
                })
                .collect(),
        })
        .collect();
    let sales = portfolio
        .sales
        .iter()
        .map(|sale| {
            let tokens = |quantity| {
                sale.token
                    .as_deref()
                    .map(|token| Amount::new(quantity, sale.decimals, token))
            };
            SaleOutcomeView {
                participation_id: sale.participation,
                sale_id: sale.sale,
                sale_name: sale.sale_name.clone(),
                token: sale.token.clone(),
                paid: money(sale.paid),
                refunded: money(sale.refunded),
                received: tokens(sale.received),
                held: tokens(sale.held),
                cost_held: money(sale.cost_held),
                cost_to_come: money(sale.cost_to_come),
                value: money(sale.value),
                value_share_percent: share(sale.value),
                realized: money(sale.realized),
                unrealized: money(sale.unrealized),
            }
        })
        .collect();
    PortfolioView {
        currency: currency.to_owned(),
        currency_chosen,
        method: portfolio.method.to_owned(),
        as_of: now.to_rfc3339(),
        value: total(portfolio.value),
        cost: total(portfolio.cost),
        cost_to_come: total(portfolio.cost_to_come),
        realized: total(portfolio.realized),
        unrealized: total(portfolio.unrealized),
        holdings,
        sales,
        problems: portfolio
            .problems
            .iter()
            .map(|problem| problem_view(problem, currency))
            .collect(),
    }
}
