//! The portfolio as it was computed before the indexed rewrite (2026-12-07), kept as
//! the oracle the property test compares the fast path with: string ids and sets, an
//! allocation per record. Not used outside the tests; do not optimise it.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use alloy_primitives::U256;
use rust_decimal::Decimal;

use super::super::{
    Acquisition, CostBasis, CostBasisError, Disposal, LotPart, OpenLot, Realized, Shortfall,
};
use super::{
    COST_BASIS_METHOD, Holding, ParticipationBook, PlaceHolding, Portfolio, PortfolioInput,
    PortfolioProblem, PricedValue, SaleResult, Sum, Trade, TradeKind, ValuePoint,
};
use crate::entry::EntryKind;
use crate::money::whole_units;
use crate::price_book::PriceProblem;
use crate::timestamp::UtcTimestamp;

/// `quantity` at `from` decimals, written at `to` (≥ `from`) decimals.
fn rescale(quantity: U256, from: u8, to: u8) -> Option<U256> {
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

/// `U256` as a `Decimal`, when it fits.
fn decimal(value: U256) -> Option<Decimal> {
    whole_units(value, 0)
}

enum Event<'a> {
    In(&'a Acquisition),
    Out(&'a Disposal),
}

impl Event<'_> {
    fn at(&self) -> UtcTimestamp {
        match self {
            Self::In(acquisition) => acquisition.at,
            Self::Out(disposal) => disposal.at,
        }
    }
}

/// [`fifo`], but a disposal of more than was held is matched as far as it can be and
/// the rest reported in [`CostBasis::shortfalls`] instead of failing the whole basis
/// (records kept by hand are often incomplete: a portfolio must still show).
pub(super) fn fifo_lenient(
    acquisitions: &[Acquisition],
    disposals: &[Disposal],
) -> Result<CostBasis, CostBasisError> {
    let mut events: Vec<Event<'_>> = acquisitions
        .iter()
        .map(Event::In)
        .chain(disposals.iter().map(Event::Out))
        .collect();
    events.sort_by(|a, b| match a.at().cmp(&b.at()) {
        Ordering::Equal => match (a, b) {
            (Event::In(_), Event::Out(_)) => Ordering::Less,
            (Event::Out(_), Event::In(_)) => Ordering::Greater,
            _ => Ordering::Equal,
        },
        other => other,
    });
    // The open lots of each asset, oldest first; assets in the order they first appear.
    let mut held: Vec<(String, VecDeque<OpenLot>)> = Vec::new();
    let mut by_asset: HashMap<String, usize> = HashMap::new();
    let mut realized = Vec::new();
    let mut shortfalls = Vec::new();
    for event in events {
        match event {
            Event::In(acquisition) => {
                if acquisition.quantity.is_zero() {
                    return Err(CostBasisError::Empty {
                        id: acquisition.id.clone(),
                    });
                }
                let key = asset_key(&acquisition.asset);
                let slot = *by_asset.entry(key.clone()).or_insert_with(|| {
                    held.push((key, VecDeque::new()));
                    held.len() - 1
                });
                held[slot].1.push_back(OpenLot {
                    lot: acquisition.id.clone(),
                    asset: acquisition.asset.clone(),
                    quantity: acquisition.quantity,
                    cost: acquisition.cost,
                    acquired_at: acquisition.at,
                });
            }
            Event::Out(disposal) => {
                let mut none = VecDeque::new();
                let lots = match by_asset.get(&asset_key(&disposal.asset)) {
                    Some(slot) => &mut held[*slot].1,
                    None => &mut none,
                };
                let (matched, short) = dispose(lots, disposal)?;
                realized.push(matched);
                shortfalls.extend(short);
            }
        }
    }
    let open = held.into_iter().flat_map(|(_, lots)| lots).collect();
    Ok(CostBasis {
        realized,
        open,
        shortfalls,
    })
}

/// Takes `disposal` from the oldest of its asset's open `lots`; emptied lots go. What
/// could not be taken is the shortfall.
fn dispose(
    lots: &mut VecDeque<OpenLot>,
    disposal: &Disposal,
) -> Result<(Realized, Option<Shortfall>), CostBasisError> {
    if disposal.quantity.is_zero() {
        return Err(CostBasisError::Empty {
            id: disposal.id.clone(),
        });
    }
    let too_large = || CostBasisError::TooLarge {
        id: disposal.id.clone(),
    };
    let mut wanted = disposal.quantity;
    let mut parts = Vec::new();
    while let Some(lot) = lots.front_mut().filter(|_| !wanted.is_zero()) {
        let taken = wanted.min(lot.quantity);
        // The whole rest of a lot carries the whole rest of its cost.
        let cost = if taken == lot.quantity {
            lot.cost
        } else {
            let share = decimal(taken)
                .zip(decimal(lot.quantity))
                .and_then(|(taken, held)| taken.checked_div(held))
                .ok_or_else(too_large)?;
            lot.cost.checked_mul(share).ok_or_else(too_large)?
        };
        lot.quantity -= taken;
        lot.cost -= cost;
        wanted -= taken;
        parts.push(LotPart {
            lot: lot.lot.clone(),
            quantity: taken,
            cost,
        });
        if lot.quantity.is_zero() {
            lots.pop_front();
        }
    }
    let shortfall = (!wanted.is_zero()).then(|| Shortfall {
        disposal: disposal.id.clone(),
        asset: disposal.asset.clone(),
        short_by: wanted,
    });
    let cost: Decimal = parts.iter().map(|part| part.cost).sum();
    let net_proceeds = disposal
        .proceeds
        .checked_sub(disposal.fee)
        .ok_or_else(too_large)?;
    let realized = Realized {
        disposal: disposal.id.clone(),
        asset: disposal.asset.clone(),
        parts,
        cost,
        net_proceeds,
        gain: net_proceeds.checked_sub(cost).ok_or_else(too_large)?,
    };
    Ok((realized, shortfall))
}

fn asset_key(asset: &str) -> String {
    asset.trim().to_ascii_uppercase()
}

struct Builder<'a> {
    input: PortfolioInput<'a>,
    /// Per asset: the largest decimals any record uses (quantities are rescaled to it).
    decimals: HashMap<String, u8>,
    acquisitions: Vec<Acquisition>,
    disposals: Vec<Disposal>,
    unknown_lots: HashSet<String>,
    unknown_disposals: HashSet<String>,
    /// Lot id → index of its participation.
    lot_owner: HashMap<String, usize>,
    /// Per asset, per place: (arrived, left).
    places: HashMap<String, Vec<(String, U256, U256)>>,
    problems: Vec<PortfolioProblem>,
}

impl Builder<'_> {
    fn decimals_of(&self, asset: &str) -> u8 {
        self.decimals.get(&asset_key(asset)).copied().unwrap_or(0)
    }

    /// `quantity` at `decimals`, rescaled to the asset's decimals.
    fn quantity(&mut self, what: &str, asset: &str, quantity: U256, decimals: u8) -> Option<U256> {
        let scaled = rescale(quantity, decimals, self.decimals_of(asset));
        if scaled.is_none() {
            self.problems.push(PortfolioProblem::TooLarge {
                what: what.to_owned(),
            });
        }
        scaled
    }

    /// The value in the user's currency at `at`; `None` (and the problem said) without.
    fn value(
        &mut self,
        what: &str,
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
                Some(PriceProblem::TooLarge { .. }) => PortfolioProblem::TooLarge {
                    what: what.to_owned(),
                },
                _ => PortfolioProblem::NoPrice {
                    what: what.to_owned(),
                    asset: asset.to_owned(),
                    currency: self.input.currency.to_owned(),
                    at,
                },
            });
        }
        valuation.value
    }

    fn moved(&mut self, asset: &str, place: &str, arrived: U256, left: U256) {
        let rows = self.places.entry(asset_key(asset)).or_default();
        let row = match rows
            .iter()
            .position(|(name, _, _)| name.eq_ignore_ascii_case(place.trim()))
        {
            Some(index) => &mut rows[index],
            None => {
                rows.push((place.trim().to_owned(), U256::ZERO, U256::ZERO));
                rows.last_mut().expect("just pushed")
            }
        };
        row.1 = row.1.saturating_add(arrived);
        row.2 = row.2.saturating_add(left);
    }

    fn add_participation(&mut self, index: usize, book: &ParticipationBook) -> Partial {
        let mut paid = Some(Decimal::ZERO);
        let mut refunded = Some(Decimal::ZERO);
        let mut last_refund = None;
        let mut distributions = Vec::new();
        for item in &book.entries {
            let entry = &item.entry;
            match entry.kind {
                EntryKind::Contribution | EntryKind::Refund => {
                    let what = format!("{} {} of {}", entry.kind.as_str(), item.id, book.sale_name);
                    let value = self.value(
                        &what,
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
                    let what = format!("distribution {} of {}", item.id, book.sale_name);
                    if let Some(quantity) =
                        self.quantity(&what, &entry.asset, entry.amount, entry.decimals)
                    {
                        distributions.push((item, quantity));
                    }
                }
            }
        }
        for (position, (at, fee)) in book.fees.iter().enumerate() {
            let what = format!("network fee {} of {}", position + 1, book.sale_name);
            let value = self.value(&what, &fee.asset, fee.amount, fee.decimals, *at);
            paid = paid
                .zip(value)
                .and_then(|(sum, value)| sum.checked_add(value));
        }
        let received: U256 = distributions
            .iter()
            .map(|(_, quantity)| *quantity)
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
            .map(|(item, _)| item.entry.asset.clone());
        let plan_total = book
            .plan_total
            .filter(|total| !burned && !total.is_zero() && *total >= received);
        let denominator = plan_total.unwrap_or(received);
        let mut shared = Some(Decimal::ZERO);
        let count = distributions.len();
        for (position, (item, quantity)) in distributions.iter().enumerate() {
            let entry = &item.entry;
            let id = format!("distribution-{}", item.id);
            // Over the tokens received, the last lot takes the rest so the lots add up.
            let cost = if plan_total.is_none() && position + 1 == count {
                pool.zip(shared)
                    .and_then(|(pool, shared)| pool.checked_sub(shared))
            } else {
                pool.and_then(|pool| share(pool, *quantity, denominator))
            };
            shared = shared
                .zip(cost)
                .and_then(|(shared, cost)| shared.checked_add(cost));
            if cost.is_none() {
                self.unknown_lots.insert(id.clone());
            }
            self.lot_owner.insert(id.clone(), index);
            self.moved(&entry.asset, &entry.to, *quantity, U256::ZERO);
            self.acquisitions.push(Acquisition {
                id,
                asset: entry.asset.clone(),
                quantity: *quantity,
                cost: cost.unwrap_or_default(),
                at: entry.happened_at,
            });
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
            } else {
                let id = format!("refund-{}", book.participation);
                if refunded.is_none() {
                    self.unknown_disposals.insert(id.clone());
                }
                for (item, quantity) in &distributions {
                    self.moved(&item.entry.asset, &item.entry.to, U256::ZERO, *quantity);
                }
                self.disposals.push(Disposal {
                    id,
                    asset: token.clone().unwrap_or_default(),
                    quantity: received,
                    proceeds: refunded.unwrap_or_default(),
                    fee: Decimal::ZERO,
                    at,
                });
            }
        }
        Partial {
            token,
            paid,
            refunded,
            received,
            cost_to_come,
            extra_realized,
        }
    }

    fn add_trade(&mut self, id: i64, trade: &Trade) {
        let what = format!("{} {id}", trade.kind.as_str());
        let Some(quantity) = self.quantity(&what, &trade.asset, trade.amount, trade.decimals)
        else {
            return;
        };
        let money = |builder: &mut Self, money: &Option<super::super::Money>| match money {
            Some(money) => builder.value(
                &what,
                &money.asset,
                money.amount,
                money.decimals,
                trade.happened_at,
            ),
            None => Some(Decimal::ZERO),
        };
        let counter = money(self, &trade.counter);
        let fee = money(self, &trade.fee);
        let id = format!("trade-{id}");
        match trade.kind {
            TradeKind::Buy => {
                let cost = counter
                    .zip(fee)
                    .and_then(|(counter, fee)| counter.checked_add(fee));
                if cost.is_none() {
                    self.unknown_lots.insert(id.clone());
                }
                self.moved(&trade.asset, &trade.account, quantity, U256::ZERO);
                self.acquisitions.push(Acquisition {
                    id,
                    asset: trade.asset.clone(),
                    quantity,
                    cost: cost.unwrap_or_default(),
                    at: trade.happened_at,
                });
            }
            TradeKind::Sell => {
                if counter.is_none() || fee.is_none() {
                    self.unknown_disposals.insert(id.clone());
                }
                self.moved(&trade.asset, &trade.account, U256::ZERO, quantity);
                self.disposals.push(Disposal {
                    id,
                    asset: trade.asset.clone(),
                    quantity,
                    proceeds: counter.unwrap_or_default(),
                    fee: fee.unwrap_or_default(),
                    at: trade.happened_at,
                });
            }
            TradeKind::Transfer => {
                self.moved(&trade.asset, &trade.account, U256::ZERO, quantity);
                self.moved(&trade.asset, &trade.to_account, quantity, U256::ZERO);
            }
        }
    }
}

/// What one participation contributes before the lots are matched.
struct Partial {
    token: Option<String>,
    paid: Option<Decimal>,
    refunded: Option<Decimal>,
    received: U256,
    cost_to_come: Option<Decimal>,
    extra_realized: Option<Decimal>,
}

/// The portfolio of everything recorded, valued at `input.now`.
pub(super) fn portfolio(input: PortfolioInput<'_>) -> Portfolio {
    let (mut builder, partials) = build(input);
    let basis = match fifo_lenient(&builder.acquisitions, &builder.disposals) {
        Ok(basis) => basis,
        Err(error) => {
            builder.problems.push(PortfolioProblem::TooLarge {
                what: error.to_string(),
            });
            CostBasis::default()
        }
    };
    finish(builder, &basis, partials)
}

fn build(input: PortfolioInput<'_>) -> (Builder<'_>, Vec<Partial>) {
    let mut decimals: HashMap<String, u8> = HashMap::new();
    let records = input
        .participations
        .iter()
        .flat_map(|book| book.entries.iter())
        .filter(|item| item.entry.kind == EntryKind::Distribution)
        .map(|item| (item.entry.asset.as_str(), item.entry.decimals))
        .chain(
            input
                .trades
                .iter()
                .map(|(_, trade)| (trade.asset.as_str(), trade.decimals)),
        );
    for (asset, places) in records {
        let slot = decimals.entry(asset_key(asset)).or_default();
        *slot = (*slot).max(places);
    }
    let mut builder = Builder {
        input,
        decimals,
        acquisitions: Vec::new(),
        disposals: Vec::new(),
        unknown_lots: HashSet::new(),
        unknown_disposals: HashSet::new(),
        lot_owner: HashMap::new(),
        places: HashMap::new(),
        problems: Vec::new(),
    };
    let partials: Vec<Partial> = input
        .participations
        .iter()
        .enumerate()
        .map(|(index, book)| builder.add_participation(index, book))
        .collect();
    for (id, trade) in input.trades {
        builder.add_trade(*id, trade);
    }
    (builder, partials)
}

/// The portfolio's value at each of `points` (in any order; returned in time order):
/// the quantities held then (tokens received, bought, sold, burned by a refund) at the
/// latest price known at that moment. One pass over the records, however many points.
pub(super) fn value_history(input: PortfolioInput<'_>, points: &[UtcTimestamp]) -> Vec<ValuePoint> {
    let (builder, _) = build(input);
    let mut changes: Vec<(UtcTimestamp, &str, U256, bool)> = builder
        .acquisitions
        .iter()
        .map(|lot| (lot.at, lot.asset.as_str(), lot.quantity, true))
        .chain(
            builder
                .disposals
                .iter()
                .map(|out| (out.at, out.asset.as_str(), out.quantity, false)),
        )
        .collect();
    changes.sort_by_key(|(at, ..)| *at);
    let mut points = points.to_vec();
    points.sort_unstable();
    points.dedup();
    let mut held: BTreeMap<String, U256> = BTreeMap::new();
    let mut next = changes.iter().peekable();
    points
        .into_iter()
        .map(|at| {
            while let Some((_, asset, quantity, arrived)) = next.next_if(|(when, ..)| *when <= at) {
                let slot = held.entry(asset_key(asset)).or_default();
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
            for (asset, quantity) in held.iter().filter(|(_, quantity)| !quantity.is_zero()) {
                let valuation = input.book.value(
                    *quantity,
                    builder.decimals_of(asset),
                    asset,
                    input.currency,
                    at,
                );
                match valuation.value {
                    Some(value) => point.value = point.value.saturating_add(value),
                    None => point.unpriced.push(asset.clone()),
                }
            }
            point
        })
        .collect()
}

fn finish(mut builder: Builder<'_>, basis: &CostBasis, partials: Vec<Partial>) -> Portfolio {
    let input = builder.input;
    for short in &basis.shortfalls {
        builder.unknown_disposals.insert(short.disposal.clone());
        builder.problems.push(PortfolioProblem::Oversold {
            what: short.disposal.replace('-', " "),
            asset: short.asset.clone(),
            short_by: short.short_by,
        });
    }
    let disposed: HashMap<&str, &Disposal> = builder
        .disposals
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    // Realized per asset, and per participation through the lots each disposal took.
    let mut realized_by_asset: HashMap<String, Option<Decimal>> = HashMap::new();
    let mut realized_by_sale: Vec<Option<Decimal>> =
        partials.iter().map(|p| p.extra_realized).collect();
    let mut realized = Sum::new();
    for partial in &partials {
        realized.add(partial.extra_realized);
    }
    for matched in &basis.realized {
        let unknown = builder.unknown_disposals.contains(&matched.disposal)
            || matched
                .parts
                .iter()
                .any(|part| builder.unknown_lots.contains(&part.lot));
        let gain = (!unknown).then_some(matched.gain);
        realized.add(gain);
        let slot = realized_by_asset
            .entry(asset_key(&matched.asset))
            .or_insert(Some(Decimal::ZERO));
        *slot = slot.zip(gain).and_then(|(sum, gain)| sum.checked_add(gain));
        let quantity = disposed
            .get(matched.disposal.as_str())
            .map_or(U256::ZERO, |d| d.quantity);
        for part in &matched.parts {
            let Some(&owner) = builder.lot_owner.get(&part.lot) else {
                continue;
            };
            let part_gain = (!unknown)
                .then(|| share(matched.net_proceeds, part.quantity, quantity))
                .flatten()
                .and_then(|proceeds| proceeds.checked_sub(part.cost));
            let slot = &mut realized_by_sale[owner];
            *slot = slot
                .zip(part_gain)
                .and_then(|(sum, gain)| sum.checked_add(gain));
        }
    }
    // Holdings: the open lots per asset, valued now.
    let mut order: Vec<String> = Vec::new();
    let mut held: HashMap<String, (String, U256, Option<Decimal>)> = HashMap::new();
    for lot in &basis.open {
        let key = asset_key(&lot.asset);
        let entry = held.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            (lot.asset.clone(), U256::ZERO, Some(Decimal::ZERO))
        });
        entry.1 = entry.1.saturating_add(lot.quantity);
        let cost = (!builder.unknown_lots.contains(&lot.lot)).then_some(lot.cost);
        entry.2 = entry
            .2
            .zip(cost)
            .and_then(|(sum, cost)| sum.checked_add(cost));
    }
    // Assets sold out still carry what their disposals realized.
    for matched in &basis.realized {
        let key = asset_key(&matched.asset);
        if let std::collections::hash_map::Entry::Vacant(slot) = held.entry(key.clone()) {
            order.push(key);
            slot.insert((matched.asset.clone(), U256::ZERO, Some(Decimal::ZERO)));
        }
    }
    let mut value = Sum::new();
    let mut cost = Sum::new();
    let mut unrealized = Sum::new();
    let mut holdings: Vec<Holding> = order
        .iter()
        .map(|key| {
            let (asset, quantity, lots_cost) = held[key].clone();
            let decimals = builder.decimals_of(&asset);
            let now = priced(&input, &asset, quantity, decimals);
            let gain = now
                .value
                .zip(lots_cost)
                .and_then(|(value, cost)| value.checked_sub(cost));
            value.add(now.value);
            cost.add(lots_cost);
            unrealized.add(gain);
            let places = places_of(&mut builder, key, &asset);
            Holding {
                realized: realized_by_asset
                    .get(key)
                    .copied()
                    .unwrap_or(Some(Decimal::ZERO)),
                asset,
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
    for lot in &basis.open {
        let Some(&owner) = builder.lot_owner.get(&lot.lot) else {
            continue;
        };
        let (held, cost) = &mut open_by_owner[owner];
        *held = held.saturating_add(lot.quantity);
        let lot_cost = (!builder.unknown_lots.contains(&lot.lot)).then_some(lot.cost);
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
            let decimals = partial
                .token
                .as_deref()
                .map_or(0, |token| builder.decimals_of(token));
            let value = match &partial.token {
                Some(token) => priced(&input, token, held, decimals).value,
                None => Some(Decimal::ZERO),
            };
            SaleResult {
                participation: book.participation,
                sale: book.sale,
                sale_name: book.sale_name.clone(),
                token: partial.token,
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
fn places_of(builder: &mut Builder<'_>, key: &str, asset: &str) -> Vec<PlaceHolding> {
    let rows = builder.places.remove(key).unwrap_or_default();
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

/// The fast path against this one, on random records: lots and disposals of assets
/// written in several ways, decimals that need rescaling, prices missing or stale,
/// quantities of nothing and amounts too large to count.
mod the_fast_path_gives_the_same_portfolio {
    use proptest::collection::vec;
    use proptest::prelude::*;

    use super::super::super::{Money, fifo_lenient as fast_fifo_lenient};
    use super::super::{NumberedEntry, portfolio as fast_portfolio, value_history as fast_history};
    use super::*;
    use crate::entry::Entry;
    use crate::price_book::{Price, PriceBook, PriceSource, SourceOrder};

    const ASSETS: [&str; 8] = ["XYZ", "xyz", " Abc", "ABC", "ETH", "eth ", "USD", "Q"];
    const PLACES: [&str; 4] = ["Kraken", "kraken ", "Ledger", ""];
    const HOUR: i64 = 3_600;

    fn moment(hours: i64) -> UtcTimestamp {
        UtcTimestamp::from_unix_seconds(1_767_225_600 + hours * HOUR).expect("a moment")
    }

    fn asset() -> impl Strategy<Value = String> {
        prop::sample::select(&ASSETS[..]).prop_map(str::to_owned)
    }

    fn place() -> impl Strategy<Value = String> {
        prop::sample::select(&PLACES[..]).prop_map(str::to_owned)
    }

    /// Mostly ordinary amounts, sometimes nothing, sometimes too large to count.
    fn amount() -> impl Strategy<Value = U256> {
        prop_oneof![
            20 => (1u64..5_000_000).prop_map(U256::from),
            20 => (1u64..5_000).prop_map(|whole| U256::from(whole) * U256::from(10u64).pow(U256::from(18u8))),
            1 => Just(U256::ZERO),
            1 => Just(U256::MAX >> 1),
        ]
    }

    fn decimals() -> impl Strategy<Value = u8> {
        prop::sample::select(&[0u8, 2, 6, 18][..])
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        (0i64..10_000_000, 0u32..6).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
    }

    fn money() -> impl Strategy<Value = Money> {
        (asset(), amount(), decimals()).prop_map(|(asset, amount, decimals)| Money {
            asset,
            amount,
            decimals,
        })
    }

    fn entry() -> impl Strategy<Value = Entry> {
        (
            prop::sample::select(
                &[
                    EntryKind::Contribution,
                    EntryKind::Distribution,
                    EntryKind::Distribution,
                    EntryKind::Refund,
                ][..],
            ),
            0i64..400,
            asset(),
            decimals(),
            amount(),
            place(),
        )
            .prop_map(|(kind, hour, asset, decimals, amount, to)| Entry {
                kind,
                happened_at: moment(hour),
                asset,
                decimals,
                amount,
                reference: String::new(),
                from: String::new(),
                to,
                note: String::new(),
            })
    }

    /// A participation's entries, whether it ended refunded, its plan's total, its fees.
    type Drawn = (Vec<Entry>, bool, Option<U256>, Vec<(i64, Money)>);

    fn participation() -> impl Strategy<Value = Drawn> {
        (
            vec(entry(), 0..5),
            any::<bool>(),
            prop::option::of(amount()),
            vec((0i64..400, money()), 0..2),
        )
    }

    fn trade() -> impl Strategy<Value = Trade> {
        (
            prop::sample::select(&TradeKind::ALL[..]),
            0i64..400,
            asset(),
            decimals(),
            amount(),
            prop::option::of(money()),
            prop::option::of(money()),
            place(),
            place(),
        )
            .prop_map(
                |(kind, hour, asset, decimals, amount, counter, fee, account, to_account)| Trade {
                    kind,
                    happened_at: moment(hour),
                    asset,
                    decimals,
                    amount,
                    counter: if kind == TradeKind::Transfer {
                        None
                    } else {
                        counter
                    },
                    fee,
                    account,
                    to_account,
                    reference: String::new(),
                    note: String::new(),
                },
            )
    }

    fn price() -> impl Strategy<Value = Price> {
        (
            prop::sample::select(&["XYZ", "abc", "ETH", "Q "][..]),
            prop::sample::select(&["USD", "usd", "EUR"][..]),
            decimal(),
            0i64..400,
            prop::sample::select(&PriceSource::ALL[..]),
        )
            .prop_map(|(asset, currency, price, hour, source)| Price {
                asset: asset.to_owned(),
                currency: currency.to_owned(),
                price,
                observed_at: moment(hour),
                source,
            })
    }

    type Records = (Vec<Drawn>, Vec<Trade>, Vec<Price>);

    fn records() -> impl Strategy<Value = Records> {
        (
            vec(participation(), 0..8),
            vec(trade(), 0..24),
            vec(price(), 0..12),
        )
    }

    fn books(participations: Vec<Drawn>) -> Vec<ParticipationBook> {
        let mut next_entry = 0;
        participations
            .into_iter()
            .enumerate()
            .map(|(index, (entries, refunded, plan_total, fees))| {
                let index = i64::try_from(index).expect("few");
                ParticipationBook {
                    participation: index + 1,
                    sale: index + 100,
                    sale_name: format!("Sale {index}"),
                    refunded,
                    plan_total,
                    entries: entries
                        .into_iter()
                        .map(|entry| {
                            next_entry += 1;
                            NumberedEntry {
                                id: next_entry,
                                entry,
                            }
                        })
                        .collect(),
                    fees: fees
                        .into_iter()
                        .map(|(hour, money)| (moment(hour), money))
                        .collect(),
                }
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn portfolio_and_history_are_those_of_the_reference(
            (participations, trades, prices) in records(),
            max_age_hours in prop::sample::select(&[1i64, 48, 10_000][..]),
            points in vec(0i64..420, 0..8),
        ) {
            let books = books(participations);
            let trades: Vec<(i64, Trade)> = trades
                .into_iter()
                .enumerate()
                .map(|(index, trade)| (i64::try_from(index).expect("few") + 1, trade))
                .collect();
            let book = PriceBook::new(&prices, max_age_hours * HOUR, SourceOrder::default());
            let input = PortfolioInput {
                participations: &books,
                trades: &trades,
                book: &book,
                currency: "USD",
                now: moment(410),
            };
            // Debug shows each decimal's scale too: equal as shown, not only as numbers.
            prop_assert_eq!(
                format!("{:#?}", fast_portfolio(input)),
                format!("{:#?}", portfolio(input))
            );
            let points: Vec<UtcTimestamp> = points.into_iter().map(moment).collect();
            prop_assert_eq!(
                format!("{:?}", fast_history(input, &points)),
                format!("{:?}", value_history(input, &points))
            );
        }

        #[test]
        fn fifo_is_that_of_the_reference(
            lots in vec((asset(), amount(), decimal(), 0i64..50), 0..20),
            outs in vec((asset(), amount(), decimal(), decimal(), 0i64..50), 0..20),
        ) {
            let acquisitions: Vec<Acquisition> = lots
                .into_iter()
                .enumerate()
                .map(|(index, (asset, quantity, cost, hour))| Acquisition {
                    id: format!("lot-{index}"),
                    asset,
                    quantity,
                    cost,
                    at: moment(hour),
                })
                .collect();
            let disposals: Vec<Disposal> = outs
                .into_iter()
                .enumerate()
                .map(|(index, (asset, quantity, proceeds, fee, hour))| Disposal {
                    id: format!("out-{index}"),
                    asset,
                    quantity,
                    proceeds,
                    fee,
                    at: moment(hour),
                })
                .collect();
            prop_assert_eq!(
                format!("{:#?}", fast_fifo_lenient(&acquisitions, &disposals)),
                format!("{:#?}", fifo_lenient(&acquisitions, &disposals))
            );
        }
    }
}
