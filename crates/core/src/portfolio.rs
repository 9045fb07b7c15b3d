//! Cost basis: which acquisition paid for the tokens a sale (or a transfer out) gave
//! away, first in first out, and the profit or loss that follows — exact decimals in the
//! user's currency, quantities in base units.
//!
//! An acquisition is a lot: tokens received (a distribution, a vested tranche, a buy)
//! with what they cost, fees included. A disposal takes from the oldest lots first; a
//! lot partly taken keeps the rest of its cost, and the last part taken carries what is
//! left, so the parts of a lot always add up to its cost exactly.

use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};

use crate::U256;
use crate::money::whole_units;
use crate::timestamp::UtcTimestamp;
use rust_decimal::Decimal;

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

fn asset_key(asset: &str) -> String {
    asset.trim().to_ascii_uppercase()
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

mod trade;
mod valuation;

pub use trade::{Money, Trade, TradeDraft, TradeKind, TradeProblem, parse_money};
pub use valuation::*;

#[cfg(test)]
mod tests;
