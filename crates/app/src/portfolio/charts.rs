//! The portfolio's charts as data: its value over time, the current budget's use over
//! its period, and the unlocks of the coming year by month. Each series carries what it
//! could not value, so a chart never draws a missing price as zero.

use std::collections::BTreeMap;

use saleguard_core::U256;
use saleguard_core::budget::budget_use_over_time;
use saleguard_core::portfolio::{history_points, value_history};
use saleguard_core::timestamp::UtcTimestamp;
use serde::Serialize;

use super::PortfolioRecords;
use crate::budgets::{Counting, budget_record_at};
use crate::dto::Amount;
use crate::money::rounded_text;
use crate::participations::calendar::CalendarEventKind;
use crate::{AppError, Saleguard};

/// About this many points draw the value over time.
const HISTORY_POINTS: u32 = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioCharts {
    pub currency: String,
    /// From the first record to now; empty with no records.
    pub value_over_time: Vec<ValuePointView>,
    /// The budget that applies now; `null` without one.
    pub budget: Option<BudgetChart>,
    /// The next twelve months, each with the tokens unlocking in it.
    pub unlocks: Vec<UnlockMonth>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ValuePointView {
    /// RFC 3339, UTC.
    pub at: String,
    /// What the holdings with a price then were worth.
    pub value: String,
    /// Held then without a price then (left out of `value`).
    pub unpriced: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BudgetChart {
    /// "2026", "2026-12" or a range.
    pub period: String,
    pub currency: String,
    pub total: String,
    /// The period's bounds (RFC 3339).
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// After each contribution or refund of the period.
    pub steps: Vec<BudgetStepView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BudgetStepView {
    pub at: String,
    pub committed: String,
    /// `false`: a payment up to here had no price and is left out.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UnlockMonth {
    /// `2026-12`.
    pub month: String,
    pub tokens: Vec<UnlockTotal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UnlockTotal {
    pub amount: Amount,
    /// At today's price in the portfolio's currency; `null` without one.
    pub value: Option<String>,
}

impl Saleguard {
    /// The data of the portfolio's charts, valued in the portfolio's currency.
    pub fn portfolio_charts(&self) -> Result<PortfolioCharts, AppError> {
        let now = self.clock.now();
        let store = self.store()?;
        let records = PortfolioRecords::load(&store)?;
        let budgets = store.budgets()?;
        let budget_record = budget_record_at(&budgets, now);
        let counting = match budget_record {
            Some(_) => Some(Counting::load(&store)?),
            None => None,
        };
        drop(store);
        let book = records.prices.book();
        let input = records.input(&book, now);
        let currency = records.currency.clone();
        let first = records
            .books
            .iter()
            .flat_map(|participation| &participation.entries)
            .map(|item| item.entry.happened_at)
            .chain(records.trades.iter().map(|(_, trade)| trade.happened_at))
            .min();
        let value_over_time = match first {
            Some(first) if first <= now => {
                value_history(input, &history_points(first, now, HISTORY_POINTS))
                    .into_iter()
                    .map(|point| ValuePointView {
                        at: point.at.to_rfc3339(),
                        value: rounded_text(point.value, &currency),
                        unpriced: point.unpriced,
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let budget = budget_record.zip(counting).map(|(record, counting)| {
            let budget = &record.budget;
            let bounds = budget.period.bounds();
            BudgetChart {
                period: budget.period.label(),
                currency: budget.currency.clone(),
                total: budget.total.normalize().to_string(),
                starts_at: bounds.map(|(start, _)| start.to_rfc3339()),
                ends_at: bounds.map(|(_, end)| end.to_rfc3339()),
                steps: budget_use_over_time(budget, &counting.movements, &counting.book())
                    .into_iter()
                    .map(|step| BudgetStepView {
                        at: step.at.to_rfc3339(),
                        committed: rounded_text(step.committed, &budget.currency),
                        complete: step.complete,
                    })
                    .collect(),
            }
        });
        let unlocks = self.unlock_months(now, &book, &currency)?;
        Ok(PortfolioCharts {
            currency,
            value_over_time,
            budget,
            unlocks,
        })
    }

    /// The unlocks of the twelve months from `now`, summed per month and token.
    fn unlock_months(
        &self,
        now: UtcTimestamp,
        book: &saleguard_core::price_book::PriceBook<'_>,
        currency: &str,
    ) -> Result<Vec<UnlockMonth>, AppError> {
        let until = now.add_months(12).unwrap_or(now);
        let mut months: BTreeMap<String, BTreeMap<(String, u8), U256>> = BTreeMap::new();
        for event in self.calendar(now, until)? {
            let (CalendarEventKind::Unlock, Some(amount)) = (event.kind, &event.amount) else {
                continue;
            };
            let Ok(units) = U256::from_str_radix(&amount.base_units, 10) else {
                continue;
            };
            let slot = months
                .entry(event.at[..7].to_owned())
                .or_default()
                .entry((amount.symbol.clone(), amount.decimals))
                .or_default();
            *slot = slot.saturating_add(units);
        }
        Ok(months
            .into_iter()
            .map(|(month, tokens)| UnlockMonth {
                month,
                tokens: tokens
                    .into_iter()
                    .map(|((symbol, decimals), units)| UnlockTotal {
                        amount: Amount::new(units, decimals, &symbol),
                        value: book
                            .value(units, decimals, &symbol, currency, now)
                            .value
                            .map(|value| rounded_text(value, currency)),
                    })
                    .collect(),
            })
            .collect())
    }
}
