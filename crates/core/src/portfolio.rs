//! Cost basis: which acquisition paid for the tokens a sale (or a transfer out) gave
//! away, first in first out, and the profit or loss that follows — exact decimals in the
//! user's currency, quantities in base units.
//!
//! An acquisition is a lot: tokens received (a distribution, a vested tranche, a buy)
//! with what they cost, fees included. A disposal takes from the oldest lots first; a
//! lot partly taken keeps the rest of its cost, and the last part taken carries what is
//! left, so the parts of a lot always add up to its cost exactly.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

use crate::U256;
use crate::money::{symbol_key, whole_units};
use crate::timestamp::UtcTimestamp;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// Tokens received, and what they cost in the user's currency (fees included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acquisition {
    /// Stable and unique: what a disposal's parts point back to (e.g. `distribution-12`).
    pub id: String,
    pub asset: String,
    /// Base units.
    pub quantity: U256,
    pub cost: Decimal,
    pub at: UtcTimestamp,
}

/// Tokens given away (sold, or sent out), and what came back for them (net of fees).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disposal {
    pub id: String,
    pub asset: String,
    /// Base units.
    pub quantity: U256,
    pub proceeds: Decimal,
    pub fee: Decimal,
    pub at: UtcTimestamp,
}

/// The part of one lot a disposal took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotPart {
    pub lot: String,
    pub quantity: U256,
    pub cost: Decimal,
}

/// A disposal matched to its lots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Realized {
    pub disposal: String,
    pub asset: String,
    pub parts: Vec<LotPart>,
    pub cost: Decimal,
    /// Proceeds less the fee.
    pub net_proceeds: Decimal,
    /// `net_proceeds - cost`: negative for a loss.
    pub gain: Decimal,
}

/// What is left of a lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenLot {
    pub lot: String,
    pub asset: String,
    pub quantity: U256,
    pub cost: Decimal,
    pub acquired_at: UtcTimestamp,
}

/// Every disposal matched, and the lots still held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostBasis {
    /// In the order the disposals happened.
    pub realized: Vec<Realized>,
    /// Oldest first, per asset in the order assets first appear.
    pub open: Vec<OpenLot>,
    /// Disposals that gave away more than was held then ([`fifo_lenient`] only): the
    /// part held is in `realized`, this is the rest, whose cost is not known.
    pub shortfalls: Vec<Shortfall>,
}

/// What a disposal gave away beyond the lots held then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    pub disposal: String,
    pub asset: String,
    pub short_by: U256,
}

impl CostBasis {
    /// Realized gain over every disposal (of one asset, or of all with `None`).
    pub fn realized_gain(&self, asset: Option<&str>) -> Decimal {
        self.realized
            .iter()
            .filter(|r| asset.is_none_or(|asset| same_asset(&r.asset, asset)))
            .map(|r| r.gain)
            .sum()
    }

    /// What the lots of `asset` still held cost, and how many base units they hold.
    pub fn held(&self, asset: &str) -> (U256, Decimal) {
        self.open
            .iter()
            .filter(|lot| same_asset(&lot.asset, asset))
            .fold((U256::ZERO, Decimal::ZERO), |(quantity, cost), lot| {
                (quantity.saturating_add(lot.quantity), cost + lot.cost)
            })
    }

    /// The gain not realized yet on `asset` at `price` per whole token: what the lots
    /// held are worth less what they cost. `None` when the value does not fit.
    pub fn unrealized_gain(&self, asset: &str, decimals: u8, price: Decimal) -> Option<Decimal> {
        let (quantity, cost) = self.held(asset);
        let value = whole_units(quantity, decimals)?.checked_mul(price)?;
        value.checked_sub(cost)
    }
}

/// Why a cost basis cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CostBasisError {
    #[error("{disposal} gives away {short_by} base units of {asset} more than was held then")]
    Oversold {
        disposal: String,
        asset: String,
        short_by: U256,
    },
    #[error("{id}: an amount too large to count")]
    TooLarge { id: String },
    #[error("{id}: a quantity of nothing")]
    Empty { id: String },
}

fn same_asset(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// `U256` as a `Decimal`, when it fits.
fn decimal(value: U256) -> Option<Decimal> {
    whole_units(value, 0)
}

/// Matches every disposal to the oldest lots of its asset (first in, first out).
/// Acquisitions at the same moment as a disposal come first; events at the same moment
/// keep the order they were given in.
pub fn fifo(
    acquisitions: &[Acquisition],
    disposals: &[Disposal],
) -> Result<CostBasis, CostBasisError> {
    let basis = fifo_lenient(acquisitions, disposals)?;
    match basis.shortfalls.first().cloned() {
        Some(short) => Err(CostBasisError::Oversold {
            disposal: short.disposal,
            asset: short.asset,
            short_by: short.short_by,
        }),
        None => Ok(basis),
    }
}

/// [`fifo`], but a disposal of more than was held is matched as far as it can be and
/// the rest reported in [`CostBasis::shortfalls`] instead of failing the whole basis
/// (records kept by hand are often incomplete: a portfolio must still show).
pub fn fifo_lenient(
    acquisitions: &[Acquisition],
    disposals: &[Disposal],
) -> Result<CostBasis, CostBasisError> {
    let mut assets = AssetIds::default();
    let lots: Vec<Lot> = acquisitions
        .iter()
        .map(|acquisition| Lot {
            asset: assets.id(&acquisition.asset),
            quantity: acquisition.quantity,
            cost: acquisition.cost,
            at: acquisition.at,
        })
        .collect();
    let outs: Vec<Out> = disposals
        .iter()
        .map(|disposal| Out {
            asset: assets.id(&disposal.asset),
            quantity: disposal.quantity,
            proceeds: disposal.proceeds,
            fee: disposal.fee,
            at: disposal.at,
        })
        .collect();
    let matched = match_lots(&lots, &outs, assets.count()).map_err(|error| {
        error.naming(|record| match record {
            Record::Lot(lot) => acquisitions[lot].id.clone(),
            Record::Out(out) => disposals[out].id.clone(),
        })
    })?;
    let part = |part: &Part| LotPart {
        lot: acquisitions[part.lot].id.clone(),
        quantity: part.quantity,
        cost: part.cost,
    };
    Ok(CostBasis {
        realized: matched
            .realized
            .iter()
            .map(|taken| {
                let disposal = &disposals[taken.out];
                Realized {
                    disposal: disposal.id.clone(),
                    asset: disposal.asset.clone(),
                    parts: matched.parts[taken.parts.clone()]
                        .iter()
                        .map(part)
                        .collect(),
                    cost: taken.cost,
                    net_proceeds: taken.net_proceeds,
                    gain: taken.gain,
                }
            })
            .collect(),
        open: matched
            .open
            .iter()
            .map(|open| {
                let acquisition = &acquisitions[open.lot];
                OpenLot {
                    lot: acquisition.id.clone(),
                    asset: acquisition.asset.clone(),
                    quantity: open.quantity,
                    cost: open.cost,
                    acquired_at: acquisition.at,
                }
            })
            .collect(),
        shortfalls: matched
            .shortfalls
            .iter()
            .map(|&(out, short_by)| Shortfall {
                disposal: disposals[out].id.clone(),
                asset: disposals[out].asset.clone(),
                short_by,
            })
            .collect(),
    })
}

/// Numbers for assets: symbols equal once trimmed and in capitals get the same number,
/// from 0 in the order first asked for.
#[derive(Debug, Default)]
pub(crate) struct AssetIds<'a> {
    ids: FxHashMap<Cow<'a, str>, usize>,
}

impl<'a> AssetIds<'a> {
    pub(crate) fn id(&mut self, asset: &'a str) -> usize {
        let next = self.ids.len();
        *self.ids.entry(symbol_key(asset)).or_insert(next)
    }

    /// The number of `asset`, if it was given one.
    pub(crate) fn get(&self, asset: &str) -> Option<usize> {
        self.ids.get(&*symbol_key(asset)).copied()
    }

    pub(crate) fn count(&self) -> usize {
        self.ids.len()
    }

    /// Each number's symbol (trimmed, in capitals), in the order of the numbers.
    pub(crate) fn keys(&self) -> Vec<&str> {
        let mut keys = vec![""; self.ids.len()];
        for (key, id) in &self.ids {
            keys[*id] = key;
        }
        keys
    }
}

/// A lot as [`match_lots`] sees it: its asset a number from [`AssetIds`].
#[derive(Debug, Clone, Copy)]
pub struct Lot {
    pub asset: usize,
    pub quantity: U256,
    pub cost: Decimal,
    pub at: UtcTimestamp,
}

/// A disposal as [`match_lots`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub asset: usize,
    pub quantity: U256,
    pub proceeds: Decimal,
    pub fee: Decimal,
    pub at: UtcTimestamp,
}

/// A record, by its position in what was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Lot(usize),
    Out(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchError {
    /// A quantity of nothing.
    Empty(Record),
    /// This disposal's amounts are too large to count.
    TooLarge(usize),
}

impl MatchError {
    /// The record it is about.
    pub fn record(self) -> Record {
        match self {
            Self::Empty(record) => record,
            Self::TooLarge(out) => Record::Out(out),
        }
    }

    /// The same error with its record named by `id` (`trade-17`).
    pub fn naming(self, id: impl FnOnce(Record) -> String) -> CostBasisError {
        let id = id(self.record());
        match self {
            Self::Empty(_) => CostBasisError::Empty { id },
            Self::TooLarge(_) => CostBasisError::TooLarge { id },
        }
    }
}

/// Some of a lot: a part a disposal took, or what is still held.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    /// Its position in the lots given.
    pub lot: usize,
    pub quantity: U256,
    pub cost: Decimal,
}

/// A disposal matched: its parts are `Matched::parts[parts]`.
#[derive(Debug, Clone)]
pub struct Taken {
    pub out: usize,
    pub parts: Range<usize>,
    pub cost: Decimal,
    pub net_proceeds: Decimal,
    pub gain: Decimal,
}

/// [`CostBasis`] by positions: no id copied, no string compared.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    /// In the order the disposals happened.
    pub realized: Vec<Taken>,
    pub parts: Vec<Part>,
    /// Oldest first, per asset in the order assets first appear.
    pub open: Vec<Part>,
    /// A disposal, and what it gave away beyond what was held.
    pub shortfalls: Vec<(usize, U256)>,
}

/// First in, first out over lots and disposals whose assets are numbers below
/// `asset_count`; a disposal of more than was held is matched as far as it can be and
/// the rest is its shortfall.
pub fn match_lots(lots: &[Lot], outs: &[Out], asset_count: usize) -> Result<Matched, MatchError> {
    // Lots before disposals at the same moment; otherwise the order given (a stable sort).
    // A record is its position: the lots first, then the disposals.
    let mut events: Vec<(UtcTimestamp, usize)> = lots
        .iter()
        .map(|lot| lot.at)
        .chain(outs.iter().map(|out| out.at))
        .enumerate()
        .map(|(position, at)| (at, position))
        .collect();
    events.sort_by_key(|&(at, position)| (at, position >= lots.len()));
    // The open lots of each asset, oldest first; assets in the order they first appear.
    let mut held: Vec<VecDeque<Part>> = Vec::new();
    let mut slot_of: Vec<Option<usize>> = vec![None; asset_count];
    // Each part but a disposal's last empties a lot: at most a part per lot and disposal.
    let mut matched = Matched {
        realized: Vec::with_capacity(outs.len()),
        parts: Vec::with_capacity(outs.len() + lots.len()),
        open: Vec::new(),
        shortfalls: Vec::new(),
    };
    let mut none = VecDeque::new();
    for (_, position) in events {
        if let Some(lot) = lots.get(position) {
            if lot.quantity.is_zero() {
                return Err(MatchError::Empty(Record::Lot(position)));
            }
            let slot = *slot_of[lot.asset].get_or_insert_with(|| {
                held.push(VecDeque::new());
                held.len() - 1
            });
            held[slot].push_back(Part {
                lot: position,
                quantity: lot.quantity,
                cost: lot.cost,
            });
        } else {
            let index = position - lots.len();
            let lots = match slot_of[outs[index].asset] {
                Some(slot) => &mut held[slot],
                None => &mut none,
            };
            take(lots, &outs[index], index, &mut matched)?;
        }
    }
    matched.open = held.into_iter().flatten().collect();
    Ok(matched)
}

/// Takes disposal `index` from the oldest of its asset's open `lots`; emptied lots go.
/// What could not be taken is its shortfall.
fn take(
    lots: &mut VecDeque<Part>,
    out: &Out,
    index: usize,
    matched: &mut Matched,
) -> Result<(), MatchError> {
    if out.quantity.is_zero() {
        return Err(MatchError::Empty(Record::Out(index)));
    }
    let too_large = || MatchError::TooLarge(index);
    let first = matched.parts.len();
    let mut wanted = out.quantity;
    let mut cost = Decimal::ZERO;
    while let Some(lot) = lots.front_mut().filter(|_| !wanted.is_zero()) {
        let taken = wanted.min(lot.quantity);
        // The whole rest of a lot carries the whole rest of its cost.
        let part_cost = if taken == lot.quantity {
            lot.cost
        } else {
            let share = decimal(taken)
                .zip(decimal(lot.quantity))
                .and_then(|(taken, held)| taken.checked_div(held))
                .ok_or_else(too_large)?;
            lot.cost.checked_mul(share).ok_or_else(too_large)?
        };
        lot.quantity -= taken;
        lot.cost -= part_cost;
        wanted -= taken;
        cost += part_cost;
        matched.parts.push(Part {
            lot: lot.lot,
            quantity: taken,
            cost: part_cost,
        });
        if lot.quantity.is_zero() {
            lots.pop_front();
        }
    }
    if !wanted.is_zero() {
        matched.shortfalls.push((index, wanted));
    }
    let net_proceeds = out.proceeds.checked_sub(out.fee).ok_or_else(too_large)?;
    matched.realized.push(Taken {
        out: index,
        parts: first..matched.parts.len(),
        cost,
        net_proceeds,
        gain: net_proceeds.checked_sub(cost).ok_or_else(too_large)?,
    });
    Ok(())
}

mod trade;
mod valuation;

pub use trade::{Money, Trade, TradeDraft, TradeKind, TradeProblem, parse_money};
pub use valuation::*;

#[cfg(test)]
mod tests;
