//! Budgets: how much money a period allows for token sales, how much of it is
//! committed (contributions minus refunds, each valued with the price book at its
//! moment), per sale and over time.

use alloy_primitives::U256;
use rust_decimal::Decimal;

use crate::money::{MoneyProblem, MoneyProblemKind, parse_currency, positive_decimal, problem};
use crate::price_book::{PriceBook, PriceProblem};
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

    /// The budget as its form shows it, to edit: [`Budget::from_draft`] reads it back
    /// exactly.
    pub fn to_draft(&self) -> BudgetDraft {
        let (period, year, month, from, until) = match self.period {
            Period::Year(year) => (
                "year",
                year.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Period::Month { year, month } => (
                "month",
                year.to_string(),
                month.to_string(),
                String::new(),
                String::new(),
            ),
            Period::Custom { from, until } => (
                "custom",
                String::new(),
                String::new(),
                from.to_form_text(),
                until.to_form_text(),
            ),
        };
        BudgetDraft {
            currency: self.currency.clone(),
            period: period.to_owned(),
            year,
            month,
            from,
            until,
            total: self.total.normalize().to_string(),
            per_sale_cap: self
                .per_sale_cap
                .map(|cap| cap.normalize().to_string())
                .unwrap_or_default(),
            max_share_percent: self
                .max_share_per_sale
                .map(|bps| {
                    (Decimal::from(bps.get()) / Decimal::from(100))
                        .normalize()
                        .to_string()
                })
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::price_book::SourceOrder;
    use crate::price_book::tests::{at, price};

    #[test]
    fn a_budget_reads_back_from_its_form_exactly() {
        let drafts = [
            ("year", "2027", "", "", "", "5000", "", ""),
            ("month", "2026", "12", "", "", "1999.99", "500", "12.5"),
            (
                "custom",
                "",
                "",
                "2026-12-01 14:00:30",
                "2027-03-01 00:00",
                "0.25",
                "0.1",
                "100",
            ),
        ];
        for (period, year, month, from, until, total, cap, share) in drafts {
            let draft = BudgetDraft {
                currency: if period == "custom" { "ETH" } else { "USD" }.to_owned(),
                period: period.to_owned(),
                year: year.to_owned(),
                month: month.to_owned(),
                from: from.to_owned(),
                until: until.to_owned(),
                total: total.to_owned(),
                per_sale_cap: cap.to_owned(),
                max_share_percent: share.to_owned(),
            };
            let budget = Budget::from_draft(&draft, &["ETH"]).expect("a good budget");
            assert_eq!(budget.to_draft(), draft, "{period}");
            assert_eq!(Budget::from_draft(&budget.to_draft(), &["ETH"]), Ok(budget));
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
}
