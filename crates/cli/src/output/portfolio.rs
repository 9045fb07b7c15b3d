//! The portfolio, trades and CSV.

use saleguard_app::io::csv::{CsvImportSummary, CsvPreview};
use saleguard_app::portfolio::trades::TradeView;
use saleguard_app::portfolio::{PortfolioView, TotalView};

use super::{ListShape, Output, amount, print_json, print_table, row_problems};
use crate::out;

/// A value in the currency, or "unknown" — never a zero that was not counted.
fn known(value: Option<&str>, currency: &str) -> String {
    value.map_or_else(
        || "unknown".to_owned(),
        |value| format!("{value} {currency}"),
    )
}

fn total(total: &TotalView, currency: &str) -> String {
    if total.complete {
        format!("{} {currency}", total.amount)
    } else {
        format!("{} {currency} + unknown", total.amount)
    }
}

/// The trades as a table.
pub(crate) const TRADE_LIST: ListShape<'static, TradeView> = ListShape {
    header: &[
        "ID",
        "WHEN (UTC)",
        "KIND",
        "AMOUNT",
        "PRICE",
        "FEE",
        "WHERE",
    ],
    right: &[0, 3, 4, 5],
    cells: trade_cells,
    empty: "No trade: saleguard trade add --kind buy --at \"2026-12-01 10:00\" --asset XYZ --decimals 18 --amount 100 --price 250 --currency USD",
};

fn trade_cells(t: &TradeView) -> Vec<String> {
    let place = if t.to_account.is_empty() {
        t.account.clone()
    } else {
        format!("{} → {}", t.account, t.to_account)
    };
    vec![
        t.id.to_string(),
        t.happened_at.clone(),
        t.kind.clone(),
        amount(&t.amount),
        t.counter.as_ref().map_or_else(|| "—".to_owned(), amount),
        t.fee.as_ref().map_or_else(|| "—".to_owned(), amount),
        place,
    ]
}

impl Output {
    /// A trade just recorded.
    pub fn trade(&self, trade: &TradeView) {
        if self.json {
            // A list of one, as the list command writes it (scripts read either alike).
            return print_json(&[trade]);
        }
        print_table(TRADE_LIST.header, &[trade_cells(trade)], TRADE_LIST.right);
    }

    pub fn csv_preview(&self, preview: &CsvPreview) {
        if self.json {
            return print_json(preview);
        }
        out!(
            "{} rows: {} trades and {} participation entries would be added.",
            preview.rows,
            preview.trades,
            preview.entries
        );
        row_problems(&preview.errors, preview.error_count);
    }

    pub fn csv_imported(&self, summary: &CsvImportSummary) {
        if self.json {
            return print_json(summary);
        }
        out!(
            "Imported {} trades and {} participation entries.",
            summary.trades,
            summary.entries
        );
    }

    pub fn portfolio(&self, view: &PortfolioView) {
        if self.json {
            return print_json(view);
        }
        let currency = view.currency.as_str();
        out!(
            "Portfolio in {currency}, cost basis {}, as of {}",
            view.method,
            view.as_of
        );
        out!("  Value       {}", total(&view.value, currency));
        out!("  Cost        {}", total(&view.cost, currency));
        out!("  Unrealized  {}", total(&view.unrealized, currency));
        out!("  Realized    {}", total(&view.realized, currency));
        if view.cost_to_come.amount != "0" || !view.cost_to_come.complete {
            out!(
                "  Paid for tokens to come  {}",
                total(&view.cost_to_come, currency)
            );
        }
        out!("");
        if view.holdings.is_empty() {
            out!(
                "No holdings yet: record a distribution on a participation, or a trade (saleguard trade add)."
            );
        } else {
            let rows: Vec<Vec<String>> = view
                .holdings
                .iter()
                .map(|h| {
                    let price = h.price.as_ref().map_or_else(
                        || "no price".to_owned(),
                        |p| {
                            let stale = if p.stale { ", stale" } else { "" };
                            format!("{} {currency} ({}{stale})", p.price, p.observed_at)
                        },
                    );
                    vec![
                        h.asset.clone(),
                        h.quantity.decimal.clone(),
                        price,
                        known(h.value.as_deref(), currency),
                        known(h.cost.as_deref(), currency),
                        known(h.unrealized.as_deref(), currency),
                        known(h.realized.as_deref(), currency),
                    ]
                })
                .collect();
            print_table(
                &[
                    "ASSET",
                    "QUANTITY",
                    "PRICE (SEEN)",
                    "VALUE",
                    "COST",
                    "UNREALIZED",
                    "REALIZED",
                ],
                &rows,
                &[1, 3, 4, 5, 6],
            );
        }
        if !view.sales.is_empty() {
            out!("");
            let rows: Vec<Vec<String>> = view
                .sales
                .iter()
                .map(|s| {
                    vec![
                        s.sale_name.clone(),
                        known(s.paid.as_deref(), currency),
                        s.held.as_ref().map_or_else(|| "—".to_owned(), amount),
                        known(s.value.as_deref(), currency),
                        known(s.realized.as_deref(), currency),
                        known(s.unrealized.as_deref(), currency),
                    ]
                })
                .collect();
            print_table(
                &["SALE", "PAID", "HELD", "VALUE", "REALIZED", "UNREALIZED"],
                &rows,
                &[1, 2, 3, 4, 5],
            );
        }
        for problem in &view.problems {
            out!("! {}", problem.message);
        }
    }
}
