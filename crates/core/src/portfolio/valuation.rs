//! The portfolio: what the user holds and where, what it cost, what it is worth now and
//! the profit or loss per asset, per sale and in total — in the user's currency, first
//! in first out.
//!
//! Lots come from two places:
//! - a participation's distributions (tokens received, vested tranches included): the
//!   participation's contributions, valued at the price of their moment, less what was
//!   refunded, are shared over its tokens — over the vesting plan's total when there is
//!   one (what is not distributed yet is the cost of tokens to come), else over the
//!   tokens received;
//! - buys.
//!
//! Disposals are sells and, for a participation refunded in full, the burn of the
//! tokens it had received, whose proceeds are the refund. A value that needs a price the
//! book does not have is unknown — never zero — and every sum that includes it says so.

use alloy_primitives::U256;
use rust_decimal::Decimal;

use super::{AssetIds, Lot, Matched, Out, Record, Trade, TradeKind, match_lots};
use crate::entry::{Entry, EntryKind};
use crate::money::whole_units;
use crate::price_book::{Price, PriceBook, PriceProblem};
use crate::timestamp::UtcTimestamp;

/// The cost-basis method the portfolio uses (the only one so far).
pub const COST_BASIS_METHOD: &str = "FIFO";

/// An entry with its id (the row it is kept in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedEntry {
    pub id: i64,
    pub entry: Entry,
}

/// One participation as the portfolio needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationBook {
    pub participation: i64,
    pub sale: i64,
    pub sale_name: String,
    /// The participation ended refunded: the tokens it received were given back.
    pub refunded: bool,
    /// The vesting plan's total, in base units of the token, if there is a plan.
    pub plan_total: Option<U256>,
    /// Its entries; a distribution's `to` is the place the tokens arrived.
    pub entries: Vec<NumberedEntry>,
    /// The network fees paid to send its contributions (gas, in the chain's coin), part
    /// of what its tokens cost.
    pub fees: Vec<(UtcTimestamp, super::Money)>,
}

/// Everything the portfolio is computed from.
#[derive(Debug, Clone, Copy)]
pub struct PortfolioInput<'a> {
    pub participations: &'a [ParticipationBook],
    pub trades: &'a [(i64, Trade)],
    pub book: &'a PriceBook<'a>,
    /// The user's currency, e.g. `USD`.
    pub currency: &'a str,
    pub now: UtcTimestamp,
}

/// A sum, and whether every part of it was known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub amount: Decimal,
    /// `false`: at least one part had no price (see the problems).
    pub complete: bool,
}

impl Sum {
    fn new() -> Self {
        Self {
            amount: Decimal::ZERO,
            complete: true,
        }
    }

    fn add(&mut self, part: Option<Decimal>) {
        match part.and_then(|part| self.amount.checked_add(part)) {
            Some(amount) => self.amount = amount,
            None => self.complete = false,
        }
    }
}

/// What a quantity is worth now, and at which price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedValue {
    /// `None` when there is no price (or the value does not fit).
    pub value: Option<Decimal>,
    /// The price used, with its time.
    pub price: Option<Price>,
    /// Why there is no value, or why it is doubtful (stale).
    pub problem: Option<PriceProblem>,
}

/// How much of an asset is at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHolding {
    /// An account's label, an exchange; empty when the records do not say.
    pub place: String,
    pub quantity: U256,
}

/// One asset held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    pub asset: String,
    pub decimals: u8,
    pub quantity: U256,
    /// What the lots held cost; `None` when one lot's cost is unknown.
    pub cost: Option<Decimal>,
    pub now: PricedValue,
    pub unrealized: Option<Decimal>,
    /// Realized on this asset's disposals so far.
    pub realized: Option<Decimal>,
    /// Where it is, largest first.
    pub places: Vec<PlaceHolding>,
}

/// The outcome of one participation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleResult {
    pub participation: i64,
    pub sale: i64,
    pub sale_name: String,
    /// The token received, once a distribution was recorded.
    pub token: Option<String>,
    pub decimals: u8,
    /// The contributions and the network fees of sending them, valued at the price of
    /// their moment.
    pub paid: Option<Decimal>,
    pub refunded: Option<Decimal>,
    /// Tokens received so far (base units).
    pub received: U256,
    /// Of those, still held.
    pub held: U256,
    pub cost_held: Option<Decimal>,
    /// What was paid for tokens not received yet (a vesting plan's rest).
    pub cost_to_come: Option<Decimal>,
    pub value: Option<Decimal>,
    pub realized: Option<Decimal>,
    pub unrealized: Option<Decimal>,
}

/// What the portfolio could not know, or doubts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortfolioProblem {
    /// A cost or proceeds needed a price the book does not have.
    NoPrice {
        what: String,
        asset: String,
        currency: String,
        at: UtcTimestamp,
    },
    /// More left than had arrived (an incomplete record): the rest's cost is unknown.
    Oversold {
        what: String,
        asset: String,
        short_by: U256,
    },
    /// A transfer took more from a place than the records put there.
    MovedMoreThanHeld {
        what: String,
        asset: String,
        place: String,
    },
    /// An amount or price too large to count.
    TooLarge { what: String },
}

/// The whole portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portfolio {
    pub currency: String,
    pub method: &'static str,
    /// Largest value first; assets without a value last.
    pub holdings: Vec<Holding>,
    /// In the order given.
    pub sales: Vec<SaleResult>,
    pub value: Sum,
    /// What the holdings cost.
    pub cost: Sum,
    pub cost_to_come: Sum,
    pub realized: Sum,
    pub unrealized: Sum,
    pub problems: Vec<PortfolioProblem>,
}

/// `quantity` at `from` decimals, written at `to` (≥ `from`) decimals.
fn rescale(quantity: U256, from: u8, to: u8) -> Option<U256> {
    if from >= to {
        return Some(quantity);
    }
    let factor = U256::from(10u64).checked_pow(U256::from(to.saturating_sub(from)))?;
    quantity.checked_mul(factor)
}

/// `numerator / denominator` of `whole`, when it fits.
fn share(whole: Decimal, numerator: U256, denominator: U256) -> Option<Decimal> {
    let numerator = whole_units(numerator, 0)?;
    let denominator = whole_units(denominator, 0)?;
    // Multiplying first keeps round shares exact; dividing first when that overflows.
    whole
        .checked_mul(numerator)
        .and_then(|product| product.checked_div(denominator))
        .or_else(|| whole.checked_mul(numerator.checked_div(denominator)?))
}

/// A lot's or a disposal's name in what the portfolio reports (`distribution-12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordId {
    Distribution(i64),
    Trade(i64),
    Refund(i64),
}

impl std::fmt::Display for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Distribution(id) => write!(f, "distribution-{id}"),
            Self::Trade(id) => write!(f, "trade-{id}"),
            Self::Refund(id) => write!(f, "refund-{id}"),
        }
    }
}

/// What the portfolio knows of a lot besides what the matching needs.
struct LotInfo<'a> {
    id: RecordId,
    asset: &'a str,
    /// The participation it came from, by position.
    owner: Option<usize>,
    /// `false`: its cost needed a price the book does not have.
    cost_known: bool,
}

/// What the portfolio knows of a disposal besides what the matching needs.
struct OutInfo<'a> {
    id: RecordId,
    asset: &'a str,
    /// `false`: its proceeds needed a price the book does not have.
    proceeds_known: bool,
}

struct Builder<'a> {
    input: PortfolioInput<'a>,
    assets: AssetIds<'a>,
    /// Per asset: the largest decimals any record uses (quantities are rescaled to it).
    decimals: Vec<u8>,
    lots: Vec<Lot>,
    lot_info: Vec<LotInfo<'a>>,
    outs: Vec<Out>,
    out_info: Vec<OutInfo<'a>>,
    /// Per asset, per place: (arrived, left).
    places: Vec<Vec<(String, U256, U256)>>,
    problems: Vec<PortfolioProblem>,
}

impl<'a> Builder<'a> {
    fn decimals_of(&self, asset: &str) -> u8 {
        self.assets.get(asset).map_or(0, |id| self.decimals[id])
    }

    /// The number of an asset a distribution or a trade names (each was given one).
    fn asset_id(&self, asset: &str) -> usize {
        self.assets
            .get(asset)
            .expect("every distribution's and trade's asset has a number")
    }

    /// `quantity` at `decimals`, rescaled to the decimals of asset `asset`.
    fn quantity(
        &mut self,
        what: impl FnOnce() -> String,
        asset: usize,
        quantity: U256,
        decimals: u8,
    ) -> Option<U256> {
        let scaled = rescale(quantity, decimals, self.decimals[asset]);
        if scaled.is_none() {
            self.problems
                .push(PortfolioProblem::TooLarge { what: what() });
        }
        scaled
    }

    /// The value in the user's currency at `at`; `None` (and the problem said) without.
    fn value(
        &mut self,
        what: impl FnOnce() -> String,
        asset: &str,
        amount: U256,
        decimals: u8,
        at: UtcTimestamp,
    ) -> Option<Decimal> {
        let valuation = self
            .input
            .book
            .value(amount, decimals, asset, self.input.currency, at);
        if valuation.value.is_none() {
            self.problems.push(match valuation.problem {
                Some(PriceProblem::TooLarge { .. }) => PortfolioProblem::TooLarge { what: what() },
                _ => PortfolioProblem::NoPrice {
                    what: what(),
                    asset: asset.to_owned(),
                    currency: self.input.currency.to_owned(),
                    at,
                },
            });
        }
        valuation.value
    }

    fn moved(&mut self, asset: usize, place: &str, arrived: U256, left: U256) {
        let rows = &mut self.places[asset];
        let place = place.trim();
        let row = match rows
            .iter()
            .position(|(name, _, _)| name.eq_ignore_ascii_case(place))
        {
            Some(index) => &mut rows[index],
            None => {
                rows.push((place.to_owned(), U256::ZERO, U256::ZERO));
                rows.last_mut().expect("just pushed")
            }
        };
        row.1 = row.1.saturating_add(arrived);
        row.2 = row.2.saturating_add(left);
    }

    fn add_lot(&mut self, lot: Lot, info: LotInfo<'a>) {
        self.lots.push(lot);
        self.lot_info.push(info);
    }

    fn add_out(&mut self, out: Out, info: OutInfo<'a>) {
        self.outs.push(out);
        self.out_info.push(info);
    }

    fn add_participation(&mut self, index: usize, book: &'a ParticipationBook) -> Partial<'a> {
        let mut paid = Some(Decimal::ZERO);
        let mut refunded = Some(Decimal::ZERO);
        let mut last_refund = None;
        let mut distributions = Vec::new();
        for item in &book.entries {
            let entry = &item.entry;
            match entry.kind {
                EntryKind::Contribution | EntryKind::Refund => {
                    let value = self.value(
                        || format!("{} {} of {}", entry.kind.as_str(), item.id, book.sale_name),
                        &entry.asset,
                        entry.amount,
                        entry.decimals,
                        entry.happened_at,
                    );
                    let sum = if entry.kind == EntryKind::Contribution {
                        &mut paid
                    } else {
                        last_refund = last_refund.max(Some(entry.happened_at));
                        &mut refunded
                    };
                    *sum = sum
                        .zip(value)
                        .and_then(|(sum, value)| sum.checked_add(value));
                }
                EntryKind::Distribution => {
                    let asset = self.asset_id(&entry.asset);
                    if let Some(quantity) = self.quantity(
                        || format!("distribution {} of {}", item.id, book.sale_name),
                        asset,
                        entry.amount,
                        entry.decimals,
                    ) {
                        distributions.push((item, asset, quantity));
                    }
                }
            }
        }
        for (position, (at, fee)) in book.fees.iter().enumerate() {
            let value = self.value(
                || format!("network fee {} of {}", position + 1, book.sale_name),
                &fee.asset,
                fee.amount,
                fee.decimals,
                *at,
            );
            paid = paid
                .zip(value)
                .and_then(|(sum, value)| sum.checked_add(value));
        }
        let received: U256 = distributions
            .iter()
            .map(|(_, _, quantity)| *quantity)
            .fold(U256::ZERO, U256::saturating_add);
        let burned = book.refunded && last_refund.is_some();
        let mut extra_realized = Some(Decimal::ZERO);
        // What the tokens received (and to come) cost together.
        let pool = if burned {
            paid
        } else {
            match paid
                .zip(refunded)
                .and_then(|(paid, refunded)| paid.checked_sub(refunded))
            {
                // More came back than was paid (the refund's currency rose): a gain now.
                Some(net) if net < Decimal::ZERO => {
                    extra_realized = Some(-net);
                    Some(Decimal::ZERO)
                }
                net => net,
            }
        };
        let token = distributions
            .first()
            .map(|(item, asset, _)| (item.entry.asset.as_str(), *asset));
        let plan_total = book
            .plan_total
            .filter(|total| !burned && !total.is_zero() && *total >= received);
        let denominator = plan_total.unwrap_or(received);
        let mut shared = Some(Decimal::ZERO);
        let count = distributions.len();
        for (position, &(item, asset, quantity)) in distributions.iter().enumerate() {
            let entry = &item.entry;
            // Over the tokens received, the last lot takes the rest so the lots add up.
            let cost = if plan_total.is_none() && position + 1 == count {
                pool.zip(shared)
                    .and_then(|(pool, shared)| pool.checked_sub(shared))
            } else {
                pool.and_then(|pool| share(pool, quantity, denominator))
            };
            shared = shared
                .zip(cost)
                .and_then(|(shared, cost)| shared.checked_add(cost));
            self.moved(asset, &entry.to, quantity, U256::ZERO);
            let lot = Lot {
                asset,
                quantity,
                cost: cost.unwrap_or_default(),
                at: entry.happened_at,
            };
            let info = LotInfo {
                id: RecordId::Distribution(item.id),
                asset: &entry.asset,
                owner: Some(index),
                cost_known: cost.is_some(),
            };
            self.add_lot(lot, info);
        }
        let cost_to_come = if burned || (plan_total.is_none() && count > 0) {
            Some(Decimal::ZERO)
        } else {
            pool.zip(shared)
                .and_then(|(pool, shared)| pool.checked_sub(shared))
        };
        if burned {
            let at = last_refund.expect("burned only after a refund");
            if count == 0 {
                // Nothing was received: the refund against what was paid is the outcome.
                extra_realized = refunded
                    .zip(paid)
                    .and_then(|(refunded, paid)| refunded.checked_sub(paid));
            } else if let Some((symbol, asset)) = token {
                for &(item, asset, quantity) in &distributions {
                    self.moved(asset, &item.entry.to, U256::ZERO, quantity);
                }
                let out = Out {
                    asset,
                    quantity: received,
                    proceeds: refunded.unwrap_or_default(),
                    fee: Decimal::ZERO,
                    at,
                };
                let info = OutInfo {
                    id: RecordId::Refund(book.participation),
                    asset: symbol,
                    proceeds_known: refunded.is_some(),
                };
                self.add_out(out, info);
            }
        }
        Partial {
            token: token.map(|(symbol, _)| symbol),
            paid,
            refunded,
            received,
            cost_to_come,
            extra_realized,
        }
    }

    /// Trade `id`, whose `asset` has that number.
    fn add_trade(&mut self, id: i64, asset: usize, trade: &'a Trade) {
        let what = || format!("{} {id}", trade.kind.as_str());
        let Some(quantity) = self.quantity(what, asset, trade.amount, trade.decimals) else {
            return;
        };
        let money = |builder: &mut Self, money: &Option<super::Money>| match money {
            Some(money) => builder.value(
                what,
                &money.asset,
                money.amount,
                money.decimals,
                trade.happened_at,
            ),
            None => Some(Decimal::ZERO),
        };
        let counter = money(self, &trade.counter);
        let fee = money(self, &trade.fee);
        let id = RecordId::Trade(id);
        match trade.kind {
            TradeKind::Buy => {
                let cost = counter
                    .zip(fee)
                    .and_then(|(counter, fee)| counter.checked_add(fee));
                self.moved(asset, &trade.account, quantity, U256::ZERO);
                let lot = Lot {
                    asset,
                    quantity,
                    cost: cost.unwrap_or_default(),
                    at: trade.happened_at,
                };
                let info = LotInfo {
                    id,
                    asset: &trade.asset,
                    owner: None,
                    cost_known: cost.is_some(),
                };
                self.add_lot(lot, info);
            }
            TradeKind::Sell => {
                self.moved(asset, &trade.account, U256::ZERO, quantity);
                let out = Out {
                    asset,
                    quantity,
                    proceeds: counter.unwrap_or_default(),
                    fee: fee.unwrap_or_default(),
                    at: trade.happened_at,
                };
                let info = OutInfo {
                    id,
                    asset: &trade.asset,
                    proceeds_known: counter.is_some() && fee.is_some(),
                };
                self.add_out(out, info);
            }
            TradeKind::Transfer => {
                self.moved(asset, &trade.account, U256::ZERO, quantity);
                self.moved(asset, &trade.to_account, quantity, U256::ZERO);
            }
        }
    }
}

/// What one participation contributes before the lots are matched.
struct Partial<'a> {
    token: Option<&'a str>,
    paid: Option<Decimal>,
    refunded: Option<Decimal>,
    received: U256,
    cost_to_come: Option<Decimal>,
    extra_realized: Option<Decimal>,
}

/// The portfolio of everything recorded, valued at `input.now`.
pub fn portfolio(input: PortfolioInput<'_>) -> Portfolio {
    let (mut builder, partials) = build(input);
    let matched = match match_lots(&builder.lots, &builder.outs, builder.assets.count()) {
        Ok(matched) => matched,
        Err(error) => {
            let error = error.naming(|record| match record {
                Record::Lot(lot) => builder.lot_info[lot].id.to_string(),
                Record::Out(out) => builder.out_info[out].id.to_string(),
            });
            builder.problems.push(PortfolioProblem::TooLarge {
                what: error.to_string(),
            });
            Matched::default()
        }
    };
    finish(builder, &matched, partials)
}

fn build(input: PortfolioInput<'_>) -> (Builder<'_>, Vec<Partial<'_>>) {
    let mut assets = AssetIds::default();
    let mut decimals: Vec<u8> = Vec::new();
    let mut note = |asset, places| {
        let id = assets.id(asset);
        if id == decimals.len() {
            decimals.push(0);
        }
        decimals[id] = decimals[id].max(places);
        id
    };
    let mut distributions = 0;
    for item in input.participations.iter().flat_map(|book| &book.entries) {
        if item.entry.kind == EntryKind::Distribution {
            note(item.entry.asset.as_str(), item.entry.decimals);
            distributions += 1;
        }
    }
    let trade_assets: Vec<usize> = input
        .trades
        .iter()
        .map(|(_, trade)| note(trade.asset.as_str(), trade.decimals))
        .collect();
    // A lot per distribution and buy at most, a disposal per sell and refund.
    let records = distributions + input.trades.len();
    let mut builder = Builder {
        input,
        places: vec![Vec::new(); decimals.len()],
        assets,
        decimals,
        lots: Vec::with_capacity(records),
        lot_info: Vec::with_capacity(records),
        outs: Vec::with_capacity(input.trades.len()),
        out_info: Vec::with_capacity(input.trades.len()),
        problems: Vec::new(),
    };
    let partials: Vec<Partial<'_>> = input
        .participations
        .iter()
        .enumerate()
        .map(|(index, book)| builder.add_participation(index, book))
        .collect();
    for ((id, trade), asset) in input.trades.iter().zip(trade_assets) {
        builder.add_trade(*id, asset, trade);
    }
    (builder, partials)
}

/// What everything held was worth at one moment, at the prices known then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValuePoint {
    pub at: UtcTimestamp,
    /// The sum of the holdings that had a price then.
    pub value: Decimal,
    /// Assets held then without a price then: `value` leaves them out.
    pub unpriced: Vec<String>,
}

/// The portfolio's value at each of `points` (in any order; returned in time order):
/// the quantities held then (tokens received, bought, sold, burned by a refund) at the
/// latest price known at that moment. One pass over the records, however many points.
pub fn value_history(input: PortfolioInput<'_>, points: &[UtcTimestamp]) -> Vec<ValuePoint> {
    let (builder, _) = build(input);
    let mut changes: Vec<(UtcTimestamp, usize, U256, bool)> = builder
        .lots
        .iter()
        .map(|lot| (lot.at, lot.asset, lot.quantity, true))
        .chain(
            builder
                .outs
                .iter()
                .map(|out| (out.at, out.asset, out.quantity, false)),
        )
        .collect();
    changes.sort_by_key(|(at, ..)| *at);
    let mut points = points.to_vec();
    points.sort_unstable();
    points.dedup();
    let keys = builder.assets.keys();
    // Assets in the order of their symbols, as the sums have always been added.
    let mut by_symbol: Vec<usize> = (0..keys.len()).collect();
    by_symbol.sort_by_key(|id| keys[*id]);
    let mut held = vec![U256::ZERO; keys.len()];
    let mut next = changes.iter().peekable();
    points
        .into_iter()
        .map(|at| {
            while let Some((_, asset, quantity, arrived)) = next.next_if(|(when, ..)| *when <= at) {
                let slot = &mut held[*asset];
                *slot = if *arrived {
                    slot.saturating_add(*quantity)
                } else {
                    slot.saturating_sub(*quantity)
                };
            }
            let mut point = ValuePoint {
                at,
                value: Decimal::ZERO,
                unpriced: Vec::new(),
            };
            for &asset in by_symbol.iter().filter(|asset| !held[**asset].is_zero()) {
                let valuation = input.book.value(
                    held[asset],
                    builder.decimals[asset],
                    keys[asset],
                    input.currency,
                    at,
                );
                match valuation.value {
                    Some(value) => point.value = point.value.saturating_add(value),
                    None => point.unpriced.push(keys[asset].to_owned()),
                }
            }
            point
        })
        .collect()
}

/// Moments to draw a history at: about `count` evenly spaced from `first` to `now`
/// (whole days apart, at least one), `now` last.
pub fn history_points(first: UtcTimestamp, now: UtcTimestamp, count: u32) -> Vec<UtcTimestamp> {
    const DAY: i64 = 86_400;
    let span = now
        .unix_seconds()
        .saturating_sub(first.unix_seconds())
        .max(0);
    let step = (span / i64::from(count.max(1)) / DAY).max(1) * DAY;
    let mut points: Vec<UtcTimestamp> = (0..)
        .map(|n: i64| first.unix_seconds().saturating_add(n.saturating_mul(step)))
        .take_while(|seconds| *seconds < now.unix_seconds())
        .filter_map(|seconds| UtcTimestamp::from_unix_seconds(seconds).ok())
        .collect();
    points.push(now);
    points
}

fn finish(mut builder: Builder<'_>, matched: &Matched, partials: Vec<Partial<'_>>) -> Portfolio {
    let input = builder.input;
    let mut out_known: Vec<bool> = builder
        .out_info
        .iter()
        .map(|info| info.proceeds_known)
        .collect();
    for &(out, short_by) in &matched.shortfalls {
        out_known[out] = false;
        let info = &builder.out_info[out];
        builder.problems.push(PortfolioProblem::Oversold {
            what: info.id.to_string().replace('-', " "),
            asset: info.asset.to_owned(),
            short_by,
        });
    }
    let asset_count = builder.assets.count();
    // Realized per asset, and per participation through the lots each disposal took.
    let mut realized_by_asset: Vec<Option<Decimal>> = vec![Some(Decimal::ZERO); asset_count];
    let mut realized_by_sale: Vec<Option<Decimal>> =
        partials.iter().map(|p| p.extra_realized).collect();
    let mut realized = Sum::new();
    for partial in &partials {
        realized.add(partial.extra_realized);
    }
    for taken in &matched.realized {
        let parts = &matched.parts[taken.parts.clone()];
        let unknown = !out_known[taken.out]
            || parts
                .iter()
                .any(|part| !builder.lot_info[part.lot].cost_known);
        let gain = (!unknown).then_some(taken.gain);
        realized.add(gain);
        let out = &builder.outs[taken.out];
        let slot = &mut realized_by_asset[out.asset];
        *slot = slot.zip(gain).and_then(|(sum, gain)| sum.checked_add(gain));
        for part in parts {
            let Some(owner) = builder.lot_info[part.lot].owner else {
                continue;
            };
            let part_gain = (!unknown)
                .then(|| share(taken.net_proceeds, part.quantity, out.quantity))
                .flatten()
                .and_then(|proceeds| proceeds.checked_sub(part.cost));
            let slot = &mut realized_by_sale[owner];
            *slot = slot
                .zip(part_gain)
                .and_then(|(sum, gain)| sum.checked_add(gain));
        }
    }
    // Holdings: the open lots per asset, valued now; assets in the order they appear.
    let mut order: Vec<usize> = Vec::new();
    let mut held: Vec<Option<(&str, U256, Option<Decimal>)>> = vec![None; asset_count];
    for open in &matched.open {
        let info = &builder.lot_info[open.lot];
        let asset = builder.lots[open.lot].asset;
        let entry = held[asset].get_or_insert_with(|| {
            order.push(asset);
            (info.asset, U256::ZERO, Some(Decimal::ZERO))
        });
        entry.1 = entry.1.saturating_add(open.quantity);
        let cost = info.cost_known.then_some(open.cost);
        entry.2 = entry
            .2
            .zip(cost)
            .and_then(|(sum, cost)| sum.checked_add(cost));
    }
    // Assets sold out still carry what their disposals realized.
    for taken in &matched.realized {
        let asset = builder.outs[taken.out].asset;
        if held[asset].is_none() {
            order.push(asset);
            held[asset] = Some((
                builder.out_info[taken.out].asset,
                U256::ZERO,
                Some(Decimal::ZERO),
            ));
        }
    }
    let mut value = Sum::new();
    let mut cost = Sum::new();
    let mut unrealized = Sum::new();
    let mut holdings: Vec<Holding> = order
        .iter()
        .map(|&id| {
            let (asset, quantity, lots_cost) = held[id].expect("an asset in the order is held");
            let decimals = builder.decimals[id];
            let now = priced(&input, asset, quantity, decimals);
            let gain = now
                .value
                .zip(lots_cost)
                .and_then(|(value, cost)| value.checked_sub(cost));
            value.add(now.value);
            cost.add(lots_cost);
            unrealized.add(gain);
            let places = places_of(&mut builder, id, asset);
            Holding {
                realized: realized_by_asset[id],
                asset: asset.to_owned(),
                decimals,
                quantity,
                cost: lots_cost,
                now,
                unrealized: gain,
                places,
            }
        })
        .collect();
    holdings.sort_by(|a, b| {
        b.now
            .value
            .is_some()
            .cmp(&a.now.value.is_some())
            .then(b.now.value.cmp(&a.now.value))
    });
    // What is still held of each participation's lots, in one pass over the open lots.
    let mut open_by_owner: Vec<(U256, Option<Decimal>)> =
        vec![(U256::ZERO, Some(Decimal::ZERO)); input.participations.len()];
    for open in &matched.open {
        let info = &builder.lot_info[open.lot];
        let Some(owner) = info.owner else {
            continue;
        };
        let (held, cost) = &mut open_by_owner[owner];
        *held = held.saturating_add(open.quantity);
        let lot_cost = info.cost_known.then_some(open.cost);
        *cost = cost
            .zip(lot_cost)
            .and_then(|(sum, lot_cost)| sum.checked_add(lot_cost));
    }
    let mut cost_to_come = Sum::new();
    let sales = input
        .participations
        .iter()
        .zip(partials)
        .enumerate()
        .map(|(index, (book, partial))| {
            cost_to_come.add(partial.cost_to_come);
            let (held, cost_held) = open_by_owner[index];
            let decimals = partial.token.map_or(0, |token| builder.decimals_of(token));
            let value = match partial.token {
                Some(token) => priced(&input, token, held, decimals).value,
                None => Some(Decimal::ZERO),
            };
            SaleResult {
                participation: book.participation,
                sale: book.sale,
                sale_name: book.sale_name.clone(),
                token: partial.token.map(str::to_owned),
                decimals,
                paid: partial.paid,
                refunded: partial.refunded,
                received: partial.received,
                held,
                cost_held,
                cost_to_come: partial.cost_to_come,
                value,
                realized: realized_by_sale[index],
                unrealized: value
                    .zip(cost_held)
                    .and_then(|(value, cost)| value.checked_sub(cost)),
            }
        })
        .collect();
    Portfolio {
        currency: input.currency.to_owned(),
        method: COST_BASIS_METHOD,
        holdings,
        sales,
        value,
        cost,
        cost_to_come,
        realized,
        unrealized,
        problems: builder.problems,
    }
}

fn priced(input: &PortfolioInput<'_>, asset: &str, quantity: U256, decimals: u8) -> PricedValue {
    if quantity.is_zero() {
        return PricedValue {
            value: Some(Decimal::ZERO),
            price: None,
            problem: None,
        };
    }
    let valuation = input
        .book
        .value(quantity, decimals, asset, input.currency, input.now);
    PricedValue {
        value: valuation.value,
        price: input.book.latest(asset, input.currency, input.now).cloned(),
        problem: valuation.problem,
    }
}

/// Where an asset is, largest first; a place more was taken from than arrived at is said.
fn places_of(builder: &mut Builder<'_>, id: usize, asset: &str) -> Vec<PlaceHolding> {
    let rows = std::mem::take(&mut builder.places[id]);
    let mut places = Vec::new();
    for (place, arrived, left) in rows {
        match arrived.checked_sub(left) {
            Some(quantity) if !quantity.is_zero() => places.push(PlaceHolding { place, quantity }),
            Some(_) => {}
            None => builder.problems.push(PortfolioProblem::MovedMoreThanHeld {
                what: format!(
                    "{asset} at {}",
                    if place.is_empty() {
                        "an unnamed place"
                    } else {
                        &place
                    }
                ),
                asset: asset.to_owned(),
                place,
            }),
        }
    }
    places.sort_by_key(|place| std::cmp::Reverse(place.quantity));
    places
}

#[cfg(test)]
#[path = "valuation_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "reference.rs"]
mod reference;
