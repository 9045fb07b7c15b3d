//! Budgets: how much the user means to put into sales per period, what is committed
//! of each (contributions minus refunds, valued at the price of their moment), and
//! what an amount being typed is worth in the budget's currency.

use saleguard_core::budget::{Budget, BudgetDraft, Movement, MovementKind, budget_use};
use saleguard_core::entry::{Entry, EntryKind};
use saleguard_core::money::{self, share_bps};
use saleguard_core::price_book::{PriceBook, PriceProblem};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Decimal, U256};
use saleguard_store::{BudgetRecord, Store};
use serde::{Deserialize, Serialize};

use crate::dto::count;
use crate::money::{percent, refused, rounded_text, typed_amount};
use crate::pricing::book::{PriceData, coin_refs, known_coins};
use crate::{AppError, ErrorCode, Saleguard};

/// A budget as typed (see `saleguard_core::budget::BudgetDraft`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BudgetInput {
    pub currency: String,
    /// `year`, `month` or `custom`.
    pub period: String,
    pub year: String,
    pub month: String,
    pub from: String,
    pub until: String,
    pub total: String,
    pub per_sale_cap: String,
    pub max_share_percent: String,
}

impl From<&BudgetInput> for BudgetDraft {
    fn from(input: &BudgetInput) -> Self {
        Self {
            currency: input.currency.clone(),
            period: input.period.clone(),
            year: input.year.clone(),
            month: input.month.clone(),
            from: input.from.clone(),
            until: input.until.clone(),
            total: input.total.clone(),
            per_sale_cap: input.per_sale_cap.clone(),
            max_share_percent: input.max_share_percent.clone(),
        }
    }
}

impl From<BudgetDraft> for BudgetInput {
    fn from(draft: BudgetDraft) -> Self {
        Self {
            currency: draft.currency,
            period: draft.period,
            year: draft.year,
            month: draft.month,
            from: draft.from,
            until: draft.until,
            total: draft.total,
            per_sale_cap: draft.per_sale_cap,
            max_share_percent: draft.max_share_percent,
        }
    }
}

/// A typed budget checked against every rule, with the coins of the user's sales as
/// currencies.
fn checked_budget(store: &Store, input: &BudgetInput) -> Result<Budget, AppError> {
    let coins = known_coins(store)?;
    Budget::from_draft(&BudgetDraft::from(input), &coin_refs(&coins)).map_err(refused)
}

fn budget_not_found(id: i64) -> AppError {
    AppError::new(ErrorCode::BudgetNotFound, format!("no budget with id {id}"))
}

/// A budget and how much of it is committed now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BudgetView {
    pub id: i64,
    pub currency: String,
    /// "2027", "2027-03" or a range.
    pub period: String,
    /// Decimals as exact strings.
    pub total: String,
    pub per_sale_cap: Option<String>,
    pub max_share_percent: Option<String>,
    pub committed: String,
    /// `total - committed`: negative when over.
    pub left: String,
    /// `committed` as a percentage of `total` (rounded down to 0.01).
    pub committed_percent: Option<String>,
    /// What each sale with payments in the period commits, largest first.
    pub per_sale: Vec<SaleCommitment>,
    /// Payments of the period that could not be valued (left out of `committed`).
    pub unpriced: u32,
    /// The budget as its form shows it, to edit.
    pub input: BudgetInput,
}

/// One sale's part of a budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SaleCommitment {
    pub sale_id: i64,
    pub project_name: String,
    pub committed: String,
    /// Its share of the budget's total, in percent.
    pub percent_of_total: Option<String>,
}

/// An amount to value in the budget's currency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ValueInput {
    pub sale_id: i64,
    /// Whole units of the sale's accepted currency.
    pub amount: String,
}

/// What an amount is worth in the budget's currency, or why that cannot be said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AmountValueView {
    /// Rounded at the currency's minor units; `stale_since` when the price is older than the review policy
    /// allows (RFC 3339).
    #[serde(rename_all = "camelCase")]
    Valued {
        value: String,
        currency: String,
        stale_since: Option<String>,
    },
    /// No budget covers today.
    NoBudget,
    /// The price book has no price of `asset` in `currency`.
    NoPrice { asset: String, currency: String },
    /// The value does not fit a decimal.
    TooLarge,
}

/// Every entry with the sale it belongs to, read once for a review or a list of budgets.
pub(crate) fn entries_by_sale(store: &Store) -> Result<Vec<(SaleId, Entry)>, AppError> {
    let mut entries = Vec::new();
    for participation in store.participations()? {
        for record in store.entries(participation.id)? {
            entries.push((participation.sale_id, record.entry));
        }
    }
    Ok(entries)
}

/// Every contribution and refund, as the budget counts them.
pub(crate) fn movements(entries: &[(SaleId, Entry)]) -> Vec<Movement> {
    entries
        .iter()
        .filter_map(|(sale, entry)| {
            let kind = match entry.kind {
                EntryKind::Contribution => MovementKind::Contribution,
                EntryKind::Refund => MovementKind::Refund,
                EntryKind::Distribution => return None,
            };
            Some(Movement {
                sale: *sale,
                kind,
                at: entry.happened_at,
                amount: entry.amount,
                decimals: entry.decimals,
                asset: entry.asset.clone(),
            })
        })
        .collect()
}

/// What budgets are counted with, loaded once however many budgets are shown.
pub(crate) struct Counting {
    pub(crate) movements: Vec<Movement>,
    prices: PriceData,
}

impl Counting {
    pub(crate) fn load(store: &Store) -> Result<Self, AppError> {
        Ok(Self {
            movements: movements(&entries_by_sale(store)?),
            prices: PriceData::load(store)?,
        })
    }

    pub(crate) fn book(&self) -> PriceBook<'_> {
        self.prices.book()
    }
}

/// A contribution's amount as typed (whole units of the sale's currency), in base units;
/// every problem is an error at `amount`.
pub(crate) fn contribution_amount(text: &str, decimals: u8) -> Result<U256, AppError> {
    let amount = typed_amount("amount", text, decimals)?;
    if amount.is_zero() {
        return Err(AppError::at_field(
            "amount",
            ErrorCode::InvalidAmount,
            "a contribution sends more than nothing",
        ));
    }
    Ok(amount)
}

/// The budget that applies at `at`: among those whose period holds it, the shortest.
pub(crate) fn budget_at(budgets: &[BudgetRecord], at: UtcTimestamp) -> Option<&Budget> {
    budget_record_at(budgets, at).map(|record| &record.budget)
}

pub(crate) fn budget_record_at(
    budgets: &[BudgetRecord],
    at: UtcTimestamp,
) -> Option<&BudgetRecord> {
    budgets
        .iter()
        .filter(|record| record.budget.period.contains(at))
        .min_by_key(|record| {
            record
                .budget
                .period
                .bounds()
                .map(|(start, end)| end.unix_seconds() - start.unix_seconds())
                .unwrap_or(i64::MAX)
        })
}

impl Saleguard {
    fn budget_view(
        &self,
        store: &Store,
        counting: &Counting,
        record: &BudgetRecord,
    ) -> Result<BudgetView, AppError> {
        let budget = &record.budget;
        let used = budget_use(budget, &counting.movements, &counting.book());
        let mut per_sale = used.per_sale.clone();
        per_sale.sort_by_key(|(_, committed)| std::cmp::Reverse(*committed));
        let per_sale = per_sale
            .into_iter()
            .map(|(sale, committed)| {
                Ok(SaleCommitment {
                    sale_id: sale.0,
                    project_name: store.sale(sale)?.terms.project_name,
                    committed: rounded_text(committed, &budget.currency),
                    percent_of_total: share_bps(committed, budget.total).map(percent),
                })
            })
            .collect::<Result<_, AppError>>()?;
        Ok(BudgetView {
            id: record.id,
            currency: budget.currency.clone(),
            period: budget.period.label(),
            total: budget.total.to_string(),
            per_sale_cap: budget.per_sale_cap.map(|cap| cap.to_string()),
            max_share_percent: budget
                .max_share_per_sale
                .map(|bps| percent(Decimal::from(bps.get()))),
            committed: rounded_text(used.committed, &budget.currency),
            left: (budget.total - money::rounded(used.committed, &budget.currency))
                .normalize()
                .to_string(),
            committed_percent: share_bps(used.committed, budget.total).map(percent),
            per_sale,
            unpriced: count(used.unpriced.len()),
            input: BudgetInput::from(budget.to_draft()),
        })
    }

    pub fn budgets(&self) -> Result<Vec<BudgetView>, AppError> {
        let store = self.store()?;
        let counting = Counting::load(&store)?;
        store
            .budgets()?
            .iter()
            .map(|record| self.budget_view(&store, &counting, record))
            .collect()
    }

    /// The budget that applies now (the shortest period holding now), with what is left of it.
    pub fn current_budget(&self) -> Result<Option<BudgetView>, AppError> {
        let store = self.store()?;
        let records = store.budgets()?;
        let Some(record) = budget_record_at(&records, self.clock.now()) else {
            return Ok(None);
        };
        let counting = Counting::load(&store)?;
        self.budget_view(&store, &counting, record).map(Some)
    }

    pub fn add_budget(&self, input: &BudgetInput) -> Result<BudgetView, AppError> {
        let mut store = self.store()?;
        let budget = checked_budget(&store, input)?;
        let record = store.insert_budget(&budget, self.clock.now())?;
        tracing::info!(id = record.id, "budget added");
        self.budget_view(&store, &Counting::load(&store)?, &record)
    }

    /// A budget as its form shows it, to edit (without valuing what it commits).
    pub fn budget_input(&self, id: i64) -> Result<BudgetInput, AppError> {
        self.store()?
            .budgets()?
            .into_iter()
            .find(|record| record.id == id)
            .map(|record| BudgetInput::from(record.budget.to_draft()))
            .ok_or_else(|| budget_not_found(id))
    }

    /// Replaces a budget's period, currency and limits with the ones typed; nothing
    /// changes unless all of them are good.
    pub fn update_budget(&self, id: i64, input: &BudgetInput) -> Result<BudgetView, AppError> {
        let mut store = self.store()?;
        let budget = checked_budget(&store, input)?;
        if !store.update_budget(id, &budget)? {
            return Err(budget_not_found(id));
        }
        tracing::info!(id, "budget changed");
        let record = BudgetRecord { id, budget };
        self.budget_view(&store, &Counting::load(&store)?, &record)
    }

    pub fn remove_budget(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.delete_budget(id)? {
            tracing::info!(id, "budget removed");
            Ok(())
        } else {
            Err(budget_not_found(id))
        }
    }

    /// What an amount of a sale's currency is worth in the currency of the budget that
    /// applies now, at the latest price in the price book: shown beside the amount while
    /// it is typed, before any review.
    pub fn value_contribution(&self, input: &ValueInput) -> Result<AmountValueView, AppError> {
        let store = self.store()?;
        let sale = store.sale(SaleId(input.sale_id))?;
        let amount = contribution_amount(&input.amount, sale.terms.currency.decimals())?;
        let now = self.clock.now();
        let budgets = store.budgets()?;
        let Some(budget) = budget_at(&budgets, now) else {
            return Ok(AmountValueView::NoBudget);
        };
        let prices = PriceData::load(&store)?;
        drop(store);
        let asset = sale.terms.currency.symbol();
        let valuation = prices.book().value(
            amount,
            sale.terms.currency.decimals(),
            asset,
            &budget.currency,
            now,
        );
        Ok(match (valuation.value, valuation.problem) {
            (Some(value), problem) => AmountValueView::Valued {
                value: rounded_text(value, &budget.currency),
                currency: budget.currency.clone(),
                stale_since: match problem {
                    Some(PriceProblem::Stale { observed_at, .. }) => Some(observed_at.to_rfc3339()),
                    _ => None,
                },
            },
            (None, Some(PriceProblem::Missing { asset, currency })) => {
                AmountValueView::NoPrice { asset, currency }
            }
            (None, _) => AmountValueView::TooLarge,
        })
    }
}
