//! Budgets.

use saleguard_app::budgets::BudgetView;

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    pub fn budgets(&self, budgets: &[BudgetView]) {
        if self.json {
            return print_json(&budgets);
        }
        if budgets.is_empty() {
            out!("No budget yet: saleguard budget add --currency USD --year 2027 --total 5000");
            return;
        }
        let rows: Vec<Vec<String>> = budgets
            .iter()
            .map(|b| {
                vec![
                    b.id.to_string(),
                    b.period.clone(),
                    format!("{} {}", b.committed, b.currency),
                    format!("{} {}", b.total, b.currency),
                    b.per_sale_cap
                        .clone()
                        .map(|c| format!("{c} {}", b.currency))
                        .unwrap_or_else(|| "—".to_owned()),
                    b.max_share_percent
                        .clone()
                        .map(|p| format!("{p} %"))
                        .unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect();
        print_table(
            &[
                "ID",
                "PERIOD",
                "COMMITTED",
                "TOTAL",
                "CAP PER SALE",
                "MAX SHARE",
            ],
            &rows,
            &[0, 2, 3, 4, 5],
        );
    }
}
