//! Budgets, the price book and the review policy.

use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::Decimal;
use saleguard_core::budget::{Budget, Period};
use saleguard_core::diligence::{GradeLetter, RedFlag};
use saleguard_core::price_book::{Price, PriceSource};
use saleguard_core::review::DiligencePolicy;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::BasisPoints;

use crate::paging::{ListQuery, Page, PageRequest, TimeOrder};
use crate::rows::{invalid, moment};
use crate::{Store, StoreError};
use rusqlite::types::Value;

/// A stored budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRecord {
    pub id: i64,
    pub budget: Budget,
}

const INSERT_PRICE: &str = "INSERT INTO prices (asset, currency, price, observed_at, recorded_at, source) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
     ON CONFLICT (asset, currency, observed_at, source) WHERE source != 'manual' \
     DO UPDATE SET price = excluded.price, recorded_at = excluded.recorded_at \
     RETURNING id";

fn price_params(price: &Price, now: UtcTimestamp) -> impl rusqlite::Params + '_ {
    (
        &price.asset,
        &price.currency,
        price.price.to_string(),
        price.observed_at.unix_seconds(),
        now.unix_seconds(),
        price.source.as_str(),
    )
}

/// A budget as the first nine columns of the budgets table hold it (currency, period
/// kind, year, month, from, until, total, cap, share), then one more value (`?10`: when
/// it was created, or which row to update).
struct BudgetColumns(Vec<Box<dyn rusqlite::ToSql>>);

impl BudgetColumns {
    fn of(budget: &Budget) -> Self {
        let (kind, year, month, from, until) = match budget.period {
            Period::Year(year) => ("year", Some(year), None, None, None),
            Period::Month { year, month } => ("month", Some(year), Some(month), None, None),
            Period::Custom { from, until } => (
                "custom",
                None,
                None,
                Some(from.unix_seconds()),
                Some(until.unix_seconds()),
            ),
        };
        Self(vec![
            Box::new(budget.currency.clone()),
            Box::new(kind),
            Box::new(year),
            Box::new(month),
            Box::new(from),
            Box::new(until),
            Box::new(budget.total.to_string()),
            Box::new(budget.per_sale_cap.map(|cap| cap.to_string())),
            Box::new(budget.max_share_per_sale.map(BasisPoints::get)),
        ])
    }

    fn then(mut self, last: i64) -> rusqlite::ParamsFromIter<Vec<Box<dyn rusqlite::ToSql>>> {
        self.0.push(Box::new(last));
        rusqlite::params_from_iter(self.0)
    }
}

/// A stored price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceRecord {
    pub id: i64,
    pub price: Price,
}

/// Which prices a list holds: those of one asset, in one currency, or all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceFilter {
    pub asset: Option<String>,
    pub currency: Option<String>,
}

impl PriceFilter {
    /// Served by the indexes `prices_by_time`, `prices_by_asset` and `prices_by_pair`.
    pub(crate) fn query(&self, order: TimeOrder) -> ListQuery<'static> {
        let mut query = ListQuery {
            columns: "id, asset, currency, price, observed_at, source",
            table: "prices",
            conditions: Vec::new(),
            values: Vec::new(),
            order_by: format!("observed_at {0}, id {0}", order.sql()),
        };
        if let Some(asset) = &self.asset {
            query.conditions.push("asset = ?");
            query.values.push(Value::Text(asset.clone()));
        }
        if let Some(currency) = &self.currency {
            query.conditions.push("currency = ?");
            query.values.push(Value::Text(currency.clone()));
        }
        query
    }
}

fn read_price(row: &Row<'_>) -> Result<PriceRecord, StoreError> {
    Ok(PriceRecord {
        id: row.get(0)?,
        price: Price {
            asset: row.get(1)?,
            currency: row.get(2)?,
            price: decimal(&row.get::<_, String>(3)?, "price")?,
            observed_at: moment(row.get(4)?, "price time")?,
            source: PriceSource::parse(&row.get::<_, String>(5)?)
                .ok_or_else(|| invalid("price source"))?,
        },
    })
}

/// The review policy and how old a price may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewPolicy {
    pub diligence: DiligencePolicy,
    /// Hours, at most [`MAX_PRICE_AGE_HOURS`].
    pub max_price_age_hours: u32,
}

/// The longest staleness limit: ten years of 365 days.
pub const MAX_PRICE_AGE_HOURS: u32 = 87_600;

impl Default for ReviewPolicy {
    /// No minimum grade, no blocking flag, prices older than a week are stale.
    fn default() -> Self {
        Self {
            diligence: DiligencePolicy::default(),
            max_price_age_hours: 7 * 24,
        }
    }
}

fn decimal(text: &str, what: &str) -> Result<Decimal, StoreError> {
    Decimal::from_str_exact(text).map_err(|_| invalid(what))
}

fn read_budget(row: &Row<'_>) -> Result<BudgetRecord, StoreError> {
    let period = match row.get::<_, String>("period_kind")?.as_str() {
        "year" => Period::Year(row.get("year")?),
        "month" => Period::Month {
            year: row.get("year")?,
            month: row.get("month")?,
        },
        "custom" => Period::Custom {
            from: moment(row.get("from_at")?, "budget start")?,
            until: moment(row.get("until_at")?, "budget end")?,
        },
        _ => return Err(invalid("budget period")),
    };
    Ok(BudgetRecord {
        id: row.get("id")?,
        budget: Budget {
            currency: row.get("currency")?,
            period,
            total: decimal(&row.get::<_, String>("total")?, "budget total")?,
            per_sale_cap: row
                .get::<_, Option<String>>("per_sale_cap")?
                .map(|cap| decimal(&cap, "budget cap"))
                .transpose()?,
            max_share_per_sale: row
                .get::<_, Option<u16>>("max_share_bps")?
                .map(|bps| BasisPoints::new(bps).ok_or_else(|| invalid("budget share")))
                .transpose()?,
        },
    })
}

impl Store {
    pub fn insert_budget(
        &mut self,
        budget: &Budget,
        now: UtcTimestamp,
    ) -> Result<BudgetRecord, StoreError> {
        self.conn.execute(
            "INSERT INTO budgets (currency, period_kind, year, month, from_at, until_at, total, \
             per_sale_cap, max_share_bps, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            BudgetColumns::of(budget).then(now.unix_seconds()),
        )?;
        Ok(BudgetRecord {
            id: self.conn.last_insert_rowid(),
            budget: budget.clone(),
        })
    }

    /// Replaces a budget's period, currency and limits; `false` if there was none with
    /// this id.
    pub fn update_budget(&mut self, id: i64, budget: &Budget) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE budgets SET currency = ?1, period_kind = ?2, year = ?3, month = ?4, \
             from_at = ?5, until_at = ?6, total = ?7, per_sale_cap = ?8, max_share_bps = ?9 \
             WHERE id = ?10",
            BudgetColumns::of(budget).then(id),
        )?;
        Ok(changed == 1)
    }

    /// Every budget, oldest first.
    pub fn budgets(&self) -> Result<Vec<BudgetRecord>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT * FROM budgets ORDER BY id")?;
        let rows = statement.query_map([], |row| Ok(read_budget(row)))?;
        rows.map(|row| row?).collect()
    }

    /// Deletes a budget; `false` if there was none with this id.
    pub fn delete_budget(&mut self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM budgets WHERE id = ?1", [id])?
            == 1)
    }

    /// Adds a price. An imported or fetched one replaces the price its source already
    /// had for the same pair and moment.
    pub fn insert_price(
        &mut self,
        price: &Price,
        now: UtcTimestamp,
    ) -> Result<PriceRecord, StoreError> {
        let id = self
            .conn
            .prepare_cached(INSERT_PRICE)?
            .query_row(price_params(price, now), |row| row.get(0))?;
        Ok(PriceRecord {
            id,
            price: price.clone(),
        })
    }

    /// Adds many prices in one transaction (see [`Store::insert_price`]), asking
    /// `keep_going` every 1,000 rows; `None` when it said stop, with nothing written.
    pub fn insert_prices(
        &mut self,
        prices: &[Price],
        now: UtcTimestamp,
        mut keep_going: impl FnMut(usize) -> bool,
    ) -> Result<Option<usize>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut statement = tx.prepare_cached(INSERT_PRICE)?;
            for (done, price) in prices.iter().enumerate() {
                if done.is_multiple_of(1_000) && !keep_going(done) {
                    return Ok(None);
                }
                statement.query_row(price_params(price, now), |_| Ok(()))?;
            }
        }
        if !keep_going(prices.len()) {
            return Ok(None);
        }
        tx.commit()?;
        Ok(Some(prices.len()))
    }

    /// Every price, newest observation first (the valuation's price book; a list shows
    /// [`Store::prices_page`]).
    pub fn prices(&self) -> Result<Vec<PriceRecord>, StoreError> {
        let mut prices = Vec::new();
        self.each_price(&PriceFilter::default(), TimeOrder::NewestFirst, |price| {
            prices.push(price);
            Ok::<_, StoreError>(())
        })?;
        Ok(prices)
    }

    /// One page of the prices `filter` keeps, in `order` of observation.
    pub fn prices_page(
        &self,
        filter: &PriceFilter,
        order: TimeOrder,
        request: PageRequest,
    ) -> Result<Page<PriceRecord>, StoreError> {
        self.page(&filter.query(order), request, read_price)
    }

    /// Every price `filter` keeps, in `order`, handed to `each` as it is read.
    pub fn each_price<E: From<StoreError>>(
        &self,
        filter: &PriceFilter,
        order: TimeOrder,
        each: impl FnMut(PriceRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        self.walk(&filter.query(order), read_price, each)
    }

    /// The assets the price book has prices of, in order.
    pub fn price_assets(&self) -> Result<Vec<String>, StoreError> {
        self.distinct("prices", "asset")
    }

    /// The review policy (the default until the user sets one).
    pub fn review_policy(&self) -> Result<ReviewPolicy, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT minimum_grade, blocking_flags, max_price_age_hours, official_source_required \
                 FROM review_policy WHERE id = 1",
            )?
            .query_row([], |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, u32>(2)?,
                    row.get::<_, bool>(3)?,
                ))
            })
            .optional()?;
        let Some((grade, flags, max_price_age_hours, official_source_required)) = row else {
            return Ok(ReviewPolicy::default());
        };
        Ok(ReviewPolicy {
            diligence: DiligencePolicy {
                minimum_grade: grade
                    .map(|g| GradeLetter::parse(&g).ok_or_else(|| invalid("minimum grade")))
                    .transpose()?,
                blocking_flags: flags
                    .split(',')
                    .filter(|f| !f.is_empty())
                    .map(|f| RedFlag::parse(f).ok_or_else(|| invalid("blocking flag")))
                    .collect::<Result<_, _>>()?,
                official_source_required,
            },
            max_price_age_hours,
        })
    }

    pub fn set_review_policy(&mut self, policy: &ReviewPolicy) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO review_policy (id, minimum_grade, blocking_flags, \
             max_price_age_hours, official_source_required) VALUES (1, ?1, ?2, ?3, ?4)",
            params![
                policy.diligence.minimum_grade.map(GradeLetter::as_str),
                policy
                    .diligence
                    .blocking_flags
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                policy.max_price_age_hours,
                policy.diligence.official_source_required,
            ],
        )?;
        Ok(())
    }
}
