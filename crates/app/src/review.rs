//! The review before signing as use cases: budgets, the price book, a sale's official
//! addresses, the user's review policy, and `review_contribution`, which gathers
//! everything the core's pure `review` needs from the store.

use saleguard_core::account::AccountId;
use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::amount::format_amount;
use saleguard_core::amount::{AmountError, parse_amount};
use saleguard_core::budget::{
    Budget, BudgetDraft, MoneyProblem, MoneyProblemKind, Movement, MovementKind, Price, PriceBook,
    PriceDraft, PriceProblem, SourceOrder, budget_use, share_bps,
};
use saleguard_core::diligence::{GradeLetter, RedFlag};
use saleguard_core::kyc::KycStatus;
use saleguard_core::ledger::{Entry, EntryKind};
use saleguard_core::review::{
    DiligencePolicy, DraftContribution, OfficialAddress, OverrideRefusal, ReasonProblem, Review,
    ReviewContext, Verdict, check_override, review,
};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::{Address, Decimal, U256};
use saleguard_store::{BudgetRecord, OverrideRecord, ReviewPolicy, Store};
use serde::{Deserialize, Serialize};

pub use saleguard_core::review::OVERRIDE_REASON_MIN;

use crate::research::Severity;
use crate::{AppError, ErrorCode, FieldError, Saleguard};

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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceInput {
    pub asset: String,
    pub currency: String,
    pub price: String,
    pub observed_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceView {
    pub id: i64,
    pub asset: String,
    pub currency: String,
    pub price: String,
    pub observed_at: String,
    pub source: crate::prices::PriceSourceName,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfficialAddressInput {
    pub address: String,
    /// Where it was seen: the project's site, an announcement, the whitepaper…
    pub source: String,
    /// When; empty for now.
    pub seen_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfficialAddressView {
    pub id: i64,
    pub sale_id: i64,
    pub address: String,
    pub source: String,
    pub seen_at: String,
}

/// The review policy as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PolicyInput {
    /// `A` to `F`; empty for no minimum.
    pub minimum_grade: String,
    pub blocking_flags: Vec<String>,
    pub max_price_age_days: String,
}

/// A contribution to review, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    pub sale_id: i64,
    /// An account's id, or an address.
    pub from: String,
    pub to: String,
    /// Whole units of the sale's accepted currency.
    pub amount: String,
    /// The chain to sign for; empty for the sale's.
    pub chain_id: String,
    /// When (UTC); empty for now.
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum VerdictName {
    Clear,
    Warnings,
    Blocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FindingDetail {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FindingView {
    /// Stable: docs/review-findings.md.
    pub code: String,
    pub severity: Severity,
    pub overridable: bool,
    pub message: String,
    pub details: Vec<FindingDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BudgetImpactView {
    pub currency: String,
    pub period: String,
    pub value: String,
    pub total: String,
    pub committed: String,
    /// The share of the total this contribution uses, and what is left after it (%).
    pub uses_percent: Option<String>,
    pub left_after_percent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub verdict: VerdictName,
    /// Most severe first.
    pub findings: Vec<FindingView>,
    pub budget: Option<BudgetImpactView>,
    pub reviewed_at: String,
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
    /// Rounded to cents; `stale_since` when the price is older than the review policy
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

/// Overriding what blocks a contribution: the contribution as reviewed, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverrideInput {
    pub review: ReviewInput,
    pub reason: String,
}

/// An overridden review, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverrideView {
    pub id: i64,
    pub sale_id: i64,
    pub project_name: String,
    pub from: String,
    pub to: String,
    /// Whole units of `currency`.
    pub amount: String,
    pub currency: String,
    pub chain_id: u64,
    pub reviewed_at: String,
    /// The findings as they were when overridden, most severe first.
    pub findings: Vec<FindingView>,
    pub reason: String,
    pub created_at: String,
}

fn money_code(kind: MoneyProblemKind) -> ErrorCode {
    match kind {
        MoneyProblemKind::Required => ErrorCode::Required,
        MoneyProblemKind::UnknownCurrency => ErrorCode::UnknownCurrency,
        MoneyProblemKind::Choice => ErrorCode::InvalidChoice,
        MoneyProblemKind::Year | MoneyProblemKind::Month => ErrorCode::InvalidPeriod,
        MoneyProblemKind::Datetime => ErrorCode::InvalidDatetime,
        MoneyProblemKind::EndsBeforeStart => ErrorCode::EndsBeforeStart,
        MoneyProblemKind::Amount => ErrorCode::InvalidAmount,
        MoneyProblemKind::CapAboveTotal => ErrorCode::CapAboveTotal,
        MoneyProblemKind::Percent => ErrorCode::InvalidPercent,
        MoneyProblemKind::InTheFuture => ErrorCode::InTheFuture,
        MoneyProblemKind::Symbol => ErrorCode::InvalidSymbol,
    }
}

pub(crate) fn money_problem(problem: MoneyProblem) -> FieldError {
    FieldError {
        field: problem.field.to_owned(),
        code: money_code(problem.kind),
        message: problem.message,
    }
}

fn refused(problems: Vec<MoneyProblem>) -> AppError {
    AppError::refused(problems.into_iter().map(money_problem).collect())
}

pub(crate) fn price_view(id: i64, price: &Price) -> PriceView {
    PriceView {
        id,
        asset: price.asset.clone(),
        currency: price.currency.clone(),
        price: price.price.to_string(),
        observed_at: price.observed_at.to_rfc3339(),
        source: price.source.into(),
    }
}

/// "12.5" from basis points.
fn percent(bps: Decimal) -> String {
    (bps / Decimal::from(100)).normalize().to_string()
}

/// The coins a budget or a price may be counted in besides ISO currencies: every
/// sale's accepted currency and token.
pub(crate) fn known_coins(store: &Store) -> Result<Vec<String>, AppError> {
    let mut coins = Vec::new();
    for sale in store.sales()? {
        coins.push(sale.terms.currency.symbol().to_owned());
        coins.push(sale.terms.token_symbol.clone());
    }
    Ok(coins)
}

pub(crate) fn coin_refs(coins: &[String]) -> Vec<&str> {
    coins.iter().map(String::as_str).collect()
}

/// Every ledger entry with the sale it belongs to, read once for a review or a list
/// of budgets.
fn ledger(store: &Store) -> Result<Vec<(SaleId, Entry)>, AppError> {
    let mut entries = Vec::new();
    for participation in store.participations()? {
        for record in store.entries(participation.id)? {
            entries.push((participation.sale_id, record.entry));
        }
    }
    Ok(entries)
}

/// Every contribution and refund, as the budget counts them.
fn movements(ledger: &[(SaleId, Entry)]) -> Vec<Movement> {
    ledger
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

/// Where `from` has sent contributions before (entries whose parties are addresses).
fn past_recipients(ledger: &[(SaleId, Entry)], from: Address) -> Vec<Address> {
    ledger
        .iter()
        .filter(|(_, entry)| {
            entry.kind == EntryKind::Contribution
                && parse_address(&entry.from).is_ok_and(|sender| sender == from)
        })
        .filter_map(|(_, entry)| parse_address(&entry.to).ok())
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
            movements: movements(&ledger(store)?),
            prices: PriceData::load(store)?,
        })
    }

    pub(crate) fn book(&self) -> PriceBook<'_> {
        self.prices.book()
    }
}

/// A contribution's amount as typed (whole units of the sale's currency), in base units;
/// every problem is an error at `amount`.
fn contribution_amount(text: &str, decimals: u8) -> Result<U256, AppError> {
    let amount = parse_amount(text, decimals).map_err(|error| {
        let code = match error {
            AmountError::TooManyDecimalPlaces { .. } => ErrorCode::TooManyDecimalPlaces,
            AmountError::TooLarge => ErrorCode::AmountTooLarge,
            _ => ErrorCode::InvalidAmount,
        };
        AppError::at_field("amount", code, error.to_string())
    })?;
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
fn budget_at(budgets: &[BudgetRecord], at: UtcTimestamp) -> Option<&Budget> {
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

/// Every price the user has, with what decides which one values an amount: the
/// review policy's staleness limit and the order of the price sources.
pub(crate) struct PriceData {
    prices: Vec<Price>,
    max_age_seconds: i64,
    order: SourceOrder,
}

impl PriceData {
    pub(crate) fn load(store: &Store) -> Result<Self, AppError> {
        Ok(Self {
            prices: store.prices()?.into_iter().map(|r| r.price).collect(),
            max_age_seconds: i64::from(store.review_policy()?.max_price_age_days) * 86_400,
            order: store.price_source_order()?,
        })
    }

    pub(crate) fn book(&self) -> PriceBook<'_> {
        PriceBook::new(&self.prices, self.max_age_seconds, self.order)
    }
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
                    committed: committed.round_dp(2).normalize().to_string(),
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
            committed: used.committed.round_dp(2).normalize().to_string(),
            left: (budget.total - used.committed.round_dp(2))
                .normalize()
                .to_string(),
            committed_percent: share_bps(used.committed, budget.total).map(percent),
            per_sale,
            unpriced: u32::try_from(used.unpriced.len()).unwrap_or(u32::MAX),
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
        let coins = known_coins(&store)?;
        let draft = BudgetDraft {
            currency: input.currency.clone(),
            period: input.period.clone(),
            year: input.year.clone(),
            month: input.month.clone(),
            from: input.from.clone(),
            until: input.until.clone(),
            total: input.total.clone(),
            per_sale_cap: input.per_sale_cap.clone(),
            max_share_percent: input.max_share_percent.clone(),
        };
        let budget = Budget::from_draft(&draft, &coin_refs(&coins)).map_err(refused)?;
        let record = store.insert_budget(&budget, self.clock.now())?;
        tracing::info!(id = record.id, "budget added");
        self.budget_view(&store, &Counting::load(&store)?, &record)
    }

    pub fn remove_budget(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.delete_budget(id)? {
            tracing::info!(id, "budget removed");
            Ok(())
        } else {
            Err(AppError::new(
                ErrorCode::BudgetNotFound,
                format!("no budget with id {id}"),
            ))
        }
    }

    pub fn prices(&self) -> Result<Vec<PriceView>, AppError> {
        Ok(self
            .store()?
            .prices()?
            .into_iter()
            .map(|record| price_view(record.id, &record.price))
            .collect())
    }

    pub fn add_price(&self, input: &PriceInput) -> Result<PriceView, AppError> {
        let mut store = self.store()?;
        let coins = known_coins(&store)?;
        let draft = PriceDraft {
            asset: input.asset.clone(),
            currency: input.currency.clone(),
            price: input.price.clone(),
            observed_at: input.observed_at.clone(),
        };
        let now = self.clock.now();
        let price = Price::from_draft(&draft, &coin_refs(&coins), now).map_err(refused)?;
        let record = store.insert_price(&price, now)?;
        tracing::info!(id = record.id, "price added");
        Ok(price_view(record.id, &price))
    }

    pub fn official_addresses(
        &self,
        sale_id: Option<i64>,
    ) -> Result<Vec<OfficialAddressView>, AppError> {
        Ok(self
            .store()?
            .official_addresses(sale_id.map(SaleId))?
            .into_iter()
            .map(|record| OfficialAddressView {
                id: record.id,
                sale_id: record.sale_id.0,
                address: checksummed(&record.address),
                source: record.source,
                seen_at: record.seen_at.to_rfc3339(),
            })
            .collect())
    }

    /// Records where an official address of a sale was published.
    pub fn add_official_address(
        &self,
        sale_id: i64,
        input: &OfficialAddressInput,
    ) -> Result<OfficialAddressView, AppError> {
        let now = self.clock.now();
        let mut problems = Vec::new();
        let address = parse_address(&input.address)
            .map_err(|error| {
                problems.push(FieldError {
                    field: "address".to_owned(),
                    code: ErrorCode::InvalidAddress,
                    message: error.to_string(),
                });
            })
            .ok();
        let source = input.source.trim();
        if source.is_empty()
            || source.chars().count() > 200
            || !saleguard_core::is_clean_text(source, false)
        {
            problems.push(FieldError {
                field: "source".to_owned(),
                code: if source.is_empty() {
                    ErrorCode::Required
                } else {
                    ErrorCode::InvalidText
                },
                message: "where you saw it, in 1 to 200 characters on one line".to_owned(),
            });
        }
        let seen_at = if input.seen_at.trim().is_empty() {
            Some(now)
        } else {
            match UtcTimestamp::parse(&input.seen_at) {
                Ok(at) if at <= now => Some(at),
                Ok(_) => {
                    problems.push(FieldError {
                        field: "seenAt".to_owned(),
                        code: ErrorCode::InTheFuture,
                        message: "record it once you have seen it".to_owned(),
                    });
                    None
                }
                Err(error) => {
                    problems.push(FieldError {
                        field: "seenAt".to_owned(),
                        code: ErrorCode::InvalidDatetime,
                        message: error.to_string(),
                    });
                    None
                }
            }
        };
        let (Some(address), Some(seen_at), true) = (address, seen_at, problems.is_empty()) else {
            return Err(AppError::refused(problems));
        };
        let record =
            self.store()?
                .add_official_address(SaleId(sale_id), address, source, seen_at, now)?;
        tracing::info!(sale_id, "official address recorded");
        Ok(OfficialAddressView {
            id: record.id,
            sale_id,
            address: checksummed(&record.address),
            source: record.source,
            seen_at: record.seen_at.to_rfc3339(),
        })
    }

    pub fn review_policy(&self) -> Result<PolicyInput, AppError> {
        let policy = self.store()?.review_policy()?;
        Ok(PolicyInput {
            minimum_grade: policy
                .diligence
                .minimum_grade
                .map(|g| g.as_str().to_owned())
                .unwrap_or_default(),
            blocking_flags: policy
                .diligence
                .blocking_flags
                .iter()
                .map(|f| f.as_str().to_owned())
                .collect(),
            max_price_age_days: policy.max_price_age_days.to_string(),
        })
    }

    pub fn set_review_policy(&self, input: &PolicyInput) -> Result<PolicyInput, AppError> {
        let mut problems = Vec::new();
        let minimum_grade = if input.minimum_grade.trim().is_empty() {
            None
        } else {
            let grade = GradeLetter::parse(&input.minimum_grade);
            if grade.is_none() {
                problems.push(FieldError {
                    field: "minimumGrade".to_owned(),
                    code: ErrorCode::InvalidChoice,
                    message: "A, B, C, D or F; empty for no minimum".to_owned(),
                });
            }
            grade
        };
        let mut blocking_flags = Vec::new();
        for flag in &input.blocking_flags {
            match RedFlag::parse(flag.trim()) {
                Some(flag) if !blocking_flags.contains(&flag) => blocking_flags.push(flag),
                Some(_) => {}
                None => problems.push(FieldError {
                    field: "blockingFlags".to_owned(),
                    code: ErrorCode::InvalidChoice,
                    message: format!("{flag:?} is not one of the red flags"),
                }),
            }
        }
        let max_price_age_days = match input.max_price_age_days.trim().parse::<u32>() {
            Ok(days) if days <= 3650 => Some(days),
            _ => {
                problems.push(FieldError {
                    field: "maxPriceAgeDays".to_owned(),
                    code: ErrorCode::InvalidAmount,
                    message: "a whole number of days from 0 to 3650".to_owned(),
                });
                None
            }
        };
        let (Some(max_price_age_days), true) = (max_price_age_days, problems.is_empty()) else {
            return Err(AppError::refused(problems));
        };
        self.store()?.set_review_policy(&ReviewPolicy {
            diligence: DiligencePolicy {
                minimum_grade,
                blocking_flags,
            },
            max_price_age_days,
        })?;
        tracing::info!("review policy set");
        self.review_policy()
    }

    /// Reviews a contribution before it is signed. Input that is not a contribution at
    /// all (unknown sale, no amount) is an error; everything else is a finding.
    pub fn review_contribution(&self, input: &ReviewInput) -> Result<ReviewView, AppError> {
        let reviewed = self.reviewed(input)?;
        Ok(review_view(reviewed.outcome, reviewed.at))
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
                value: value.round_dp(2).normalize().to_string(),
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

    pub(crate) fn reviewed(&self, input: &ReviewInput) -> Result<Reviewed, AppError> {
        let now = if input.at.trim().is_empty() {
            self.clock.now()
        } else {
            UtcTimestamp::parse(&input.at).map_err(|error| {
                AppError::at_field("at", ErrorCode::InvalidDatetime, error.to_string())
            })?
        };
        let store = self.store()?;
        let sale = store.sale(SaleId(input.sale_id))?;
        if input.from.trim().is_empty() {
            return Err(AppError::at_field(
                "from",
                ErrorCode::Required,
                "choose the account you pay from (or give its address)",
            ));
        }
        let from = match input.from.trim().parse::<i64>() {
            Ok(id) => store.account(AccountId(id))?.address,
            Err(_) => parse_address(&input.from).map_err(|error| {
                AppError::at_field("from", ErrorCode::InvalidAddress, error.to_string())
            })?,
        };
        let amount = contribution_amount(&input.amount, sale.terms.currency.decimals())?;
        let chain_id = if input.chain_id.trim().is_empty() {
            sale.terms.chain_id
        } else {
            input.chain_id.trim().parse::<u64>().map_err(|_| {
                AppError::at_field("chainId", ErrorCode::InvalidChainId, "a whole number")
            })?
        };
        let research = store.research(sale.id)?.map(|(research, _)| research);
        let policy = store.review_policy()?;
        let kyc = store
            .participation_in_sale(sale.id)?
            .map(|p| KycStatus::from_history(p.history.iter().map(|step| step.to)))
            .unwrap_or(KycStatus::NotStarted);
        let official: Vec<OfficialAddress> = store
            .official_addresses(Some(sale.id))?
            .into_iter()
            .map(|record| OfficialAddress {
                address: record.address,
                source: record.source,
            })
            .collect();
        let mut known: Vec<Address> = store.accounts()?.into_iter().map(|a| a.address).collect();
        known.extend(store.sales()?.iter().map(|s| s.terms.contribution_address));
        known.extend(
            store
                .official_addresses(None)?
                .into_iter()
                .map(|r| r.address),
        );
        known.extend(store.contacts()?.into_iter().map(|c| c.address));
        let ledger = ledger(&store)?;
        let past = past_recipients(&ledger, from);
        let movements = movements(&ledger);
        let prices = PriceData::load(&store)?;
        let book = prices.book();
        let budgets = store.budgets()?;
        let context = ReviewContext {
            terms: &sale.terms,
            research: research.as_ref(),
            policy: &policy.diligence,
            kyc,
            residence: store.residence_country()?,
            official: &official,
            known: &known,
            past_recipients: &past,
            budget: budget_at(&budgets, now),
            movements: &movements,
            prices: &book,
            sale: sale.id,
            now,
        };
        let draft = DraftContribution {
            from,
            to: input.to.clone(),
            amount,
            chain_id,
        };
        let outcome = review(&draft, &context);
        tracing::info!(sale = sale.id.0, verdict = ?outcome.verdict, "contribution reviewed");
        Ok(Reviewed {
            sale: sale.id,
            draft,
            outcome,
            at: now,
        })
    }

    /// Overrides what blocks a contribution, with the user's reason: the review is run
    /// again here (never taken from the caller), and kept in the history with its
    /// findings only if every block is overridable.
    pub fn override_review(&self, input: &OverrideInput) -> Result<OverrideView, AppError> {
        let reviewed = self.reviewed(&input.review)?;
        let reason = check_override(&reviewed.outcome, &input.reason).map_err(override_refusal)?;
        let to = parse_address(&reviewed.draft.to).map_err(|error| {
            AppError::at_field("to", ErrorCode::InvalidAddress, error.to_string())
        })?;
        let record = self.insert_override(
            reviewed.sale,
            &reviewed.draft,
            to,
            reviewed.outcome,
            reviewed.at,
            reason,
        )?;
        let store = self.store()?;
        override_view(&store, record)
    }

    /// Keeps an overridden review in the history: the draft, its findings, the reason.
    pub(crate) fn insert_override(
        &self,
        sale: SaleId,
        draft: &DraftContribution,
        to: Address,
        outcome: Review,
        at: UtcTimestamp,
        reason: String,
    ) -> Result<OverrideRecord, AppError> {
        let view = review_view(outcome, at);
        let findings = keep_findings(&view.findings)?;
        let record = OverrideRecord {
            id: 0,
            sale_id: sale,
            from: draft.from,
            to,
            amount: draft.amount,
            chain_id: draft.chain_id,
            reviewed_at: at,
            findings,
            reason,
            created_at: self.clock.now(),
        };
        let id = self.store()?.insert_override(&record)?;
        tracing::info!(id, sale = sale.0, "review overridden");
        Ok(OverrideRecord { id, ..record })
    }

    /// The overridden reviews, newest first: of one sale, or of all.
    pub fn review_overrides(&self, sale_id: Option<i64>) -> Result<Vec<OverrideView>, AppError> {
        let store = self.store()?;
        store
            .overrides(sale_id.map(SaleId))?
            .into_iter()
            .map(|record| override_view(&store, record))
            .collect()
    }
}

/// A review and what it was of.
/// Why a review cannot be overridden, as an error.
pub(crate) fn override_refusal(refusal: OverrideRefusal) -> AppError {
    match refusal {
        OverrideRefusal::NothingBlocks => {
            AppError::new(ErrorCode::NothingToOverride, refusal.to_string())
        }
        OverrideRefusal::NotOverridable(_) => {
            AppError::new(ErrorCode::NotOverridable, refusal.to_string())
        }
        OverrideRefusal::Reason(problem, message) => AppError::at_field(
            "reason",
            match problem {
                ReasonProblem::Missing => ErrorCode::Required,
                ReasonProblem::TooShort => ErrorCode::TooShort,
                ReasonProblem::TooLong => ErrorCode::TooLong,
                ReasonProblem::HiddenCharacters => ErrorCode::InvalidText,
            },
            message,
        ),
    }
}

pub(crate) struct Reviewed {
    pub(crate) sale: SaleId,
    pub(crate) draft: DraftContribution,
    pub(crate) outcome: Review,
    pub(crate) at: UtcTimestamp,
}

/// A finding as kept in an override's history. Its own shape, not the wire DTO's, so a
/// change to what the UI is sent never makes old history unreadable.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptFinding {
    code: String,
    severity: Severity,
    overridable: bool,
    message: String,
    details: Vec<(String, String)>,
}

fn keep_findings(findings: &[FindingView]) -> Result<String, AppError> {
    let kept: Vec<KeptFinding> = findings
        .iter()
        .map(|f| KeptFinding {
            code: f.code.clone(),
            severity: f.severity,
            overridable: f.overridable,
            message: f.message.clone(),
            details: f
                .details
                .iter()
                .map(|d| (d.name.clone(), d.value.clone()))
                .collect(),
        })
        .collect();
    serde_json::to_string(&kept)
        .map_err(|error| AppError::new(ErrorCode::Internal, error.to_string()))
}

/// The findings an override kept, or why they cannot be read.
pub(crate) fn kept_findings(text: &str) -> Result<Vec<FindingView>, String> {
    let kept: Vec<KeptFinding> = serde_json::from_str(text).map_err(|error| error.to_string())?;
    Ok(kept
        .into_iter()
        .map(|f| FindingView {
            code: f.code,
            severity: f.severity,
            overridable: f.overridable,
            message: f.message,
            details: f
                .details
                .into_iter()
                .map(|(name, value)| FindingDetail { name, value })
                .collect(),
        })
        .collect())
}

fn override_view(store: &Store, record: OverrideRecord) -> Result<OverrideView, AppError> {
    let sale = store.sale(record.sale_id)?;
    let findings = kept_findings(&record.findings).map_err(|_| {
        AppError::new(
            ErrorCode::Internal,
            format!(
                "override {} holds findings this version cannot read",
                record.id
            ),
        )
    })?;
    Ok(OverrideView {
        id: record.id,
        sale_id: record.sale_id.0,
        project_name: sale.terms.project_name,
        from: checksummed(&record.from),
        to: checksummed(&record.to),
        amount: format_amount(record.amount, sale.terms.currency.decimals()),
        currency: sale.terms.currency.symbol().to_owned(),
        chain_id: record.chain_id,
        reviewed_at: record.reviewed_at.to_rfc3339(),
        findings,
        reason: record.reason,
        created_at: record.created_at.to_rfc3339(),
    })
}

pub(crate) fn review_view(outcome: Review, now: UtcTimestamp) -> ReviewView {
    ReviewView {
        verdict: match outcome.verdict {
            Verdict::Clear => VerdictName::Clear,
            Verdict::Warnings => VerdictName::Warnings,
            Verdict::Blocked => VerdictName::Blocked,
        },
        findings: outcome
            .findings
            .into_iter()
            .map(|finding| FindingView {
                code: finding.code.as_str().to_owned(),
                severity: finding.severity(),
                overridable: finding.code.overridable(),
                message: finding.message,
                details: finding
                    .details
                    .into_iter()
                    .map(|(name, value)| FindingDetail {
                        name: name.to_owned(),
                        value,
                    })
                    .collect(),
            })
            .collect(),
        budget: outcome.budget.map(|impact| BudgetImpactView {
            currency: impact.currency,
            period: impact.period,
            value: impact.value.round_dp(2).normalize().to_string(),
            total: impact.total.normalize().to_string(),
            committed: impact.committed.round_dp(2).normalize().to_string(),
            uses_percent: impact.uses_bps.map(percent),
            left_after_percent: impact.left_after_bps.map(percent),
        }),
        reviewed_at: now.to_rfc3339(),
    }
}
