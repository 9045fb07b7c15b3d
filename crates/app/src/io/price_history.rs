//! Price history imported from CSV (`date_utc,asset,currency,price`), checked whole
//! and kept all or nothing; importing a file again replaces what it brought.

use saleguard_core::price_book::{Price, PriceDraft, PriceSource};
use saleguard_core::timestamp::UtcTimestamp;
use serde::Serialize;

use super::csv_reader::{CsvRowError, CsvRows, RowProblems, SAMPLE_ROWS, read_csv};
use crate::dto::count;
use crate::money::money_problem;
use crate::pricing::book::{PriceView, coin_refs, known_coins, price_view};
use crate::{AppError, Saleguard};

/// The columns of a price history CSV (docs/csv-format.md), all required.
pub const PRICE_COLUMNS: [&str; 4] = ["date_utc", "asset", "currency", "price"];

/// What a price history import would add, and every problem that stops it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceHistoryPreview {
    pub rows: u32,
    /// Prices the import would keep (none while there are problems).
    pub prices: u32,
    /// The first prices as they will be kept.
    pub sample: Vec<PriceView>,
    pub errors: Vec<CsvRowError>,
    pub error_count: u32,
}

/// A price history CSV, checked whole.
struct PriceHistory<'a> {
    coins: &'a [&'a str],
    now: UtcTimestamp,
    prices: Vec<Price>,
    problems: RowProblems,
}

impl CsvRows for PriceHistory<'_> {
    fn problems(&mut self) -> &mut RowProblems {
        &mut self.problems
    }

    fn row(&mut self, row: u32, values: &[String]) {
        // Daily price history is often dated by day alone: that day at 00:00 UTC.
        let date = &values[0];
        let day_only = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
        let draft = PriceDraft {
            observed_at: if day_only {
                format!("{date} 00:00")
            } else {
                date.clone()
            },
            asset: values[1].clone(),
            currency: values[2].clone(),
            price: values[3].clone(),
        };
        match Price::from_draft(&draft, self.coins, self.now) {
            Ok(price) => self.prices.push(Price {
                source: PriceSource::Csv,
                ..price
            }),
            Err(problems) => {
                for problem in problems {
                    let error = money_problem(problem);
                    let column = match error.field.as_str() {
                        "observedAt" => "date_utc",
                        other => other,
                    }
                    .to_owned();
                    self.fail(row, &column, error.code, error.message);
                }
            }
        }
    }
}

impl Saleguard {
    fn price_history(&self, bytes: &[u8]) -> Result<(PriceHistoryPreview, Vec<Price>), AppError> {
        let coins = known_coins(&*self.store()?)?;
        let coins = coin_refs(&coins);
        let mut history = PriceHistory {
            coins: &coins,
            now: self.clock.now(),
            prices: Vec::new(),
            problems: RowProblems::default(),
        };
        let rows = read_csv(bytes, &PRICE_COLUMNS, &PRICE_COLUMNS, &mut history)?;
        let sample = history
            .prices
            .iter()
            .take(SAMPLE_ROWS)
            .map(|price| price_view(0, price))
            .collect();
        Ok((
            PriceHistoryPreview {
                rows: count(rows),
                prices: if history.problems.count == 0 {
                    count(history.prices.len())
                } else {
                    0
                },
                sample,
                errors: history.problems.listed,
                error_count: count(history.problems.count),
            },
            history.prices,
        ))
    }

    /// Checks a price history CSV whole and says what it would add; nothing is written.
    pub fn preview_price_history(&self, bytes: &[u8]) -> Result<PriceHistoryPreview, AppError> {
        Ok(self.price_history(bytes)?.0)
    }

    /// Imports a price history CSV, all or nothing (`import_refused` with each problem
    /// as `row N: column`); a price the history already had for the same moment is
    /// replaced, so importing a file again changes nothing. Returns how many prices.
    pub fn import_price_history(&self, bytes: &[u8]) -> Result<u32, AppError> {
        let (preview, prices) = self.price_history(bytes)?;
        if preview.error_count > 0 {
            let problems = RowProblems {
                listed: preview.errors,
                count: preview.error_count as usize,
            };
            return Err(problems.refusal());
        }
        self.store()?
            .insert_prices(&prices, self.clock.now(), |_| true)?;
        tracing::info!(prices = prices.len(), "price history imported");
        Ok(count(prices.len()))
    }
}
