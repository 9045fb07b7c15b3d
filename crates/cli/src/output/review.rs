//! The review before signing, official addresses and overrides.

use saleguard_app::review::official_addresses::OfficialAddressView;
use saleguard_app::review::overrides::OverrideView;
use saleguard_app::review::{ReviewView, Verdict};

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    pub fn review(&self, review: &ReviewView) {
        if self.json {
            return print_json(review);
        }
        let verdict = match review.verdict {
            Verdict::Clear => "clear: nothing stands in the way",
            Verdict::Warnings => "warnings: read them before signing",
            Verdict::Blocked => "blocked: it cannot be signed as it is",
        };
        out!("Review ({}): {verdict}", review.reviewed_at);
        for finding in &review.findings {
            let overridable = if finding.severity.as_str() == "block" && !finding.overridable {
                " (cannot be overridden)"
            } else {
                ""
            };
            out!(
                "  [{}] {}{overridable}: {}",
                finding.severity.as_str(),
                finding.code,
                finding.message
            );
        }
        if let Some(budget) = &review.budget {
            let share = |value: &Option<String>| value.clone().unwrap_or_else(|| "?".to_owned());
            out!(
                "  Budget {}: this is {} {} ({} % of {} {}); {} % left after it.",
                budget.period,
                budget.value,
                budget.currency,
                share(&budget.uses_percent),
                budget.total,
                budget.currency,
                share(&budget.left_after_percent)
            );
        }
    }

    pub fn official_addresses(&self, addresses: &[OfficialAddressView]) {
        if self.json {
            return print_json(&addresses);
        }
        let rows: Vec<Vec<String>> = addresses
            .iter()
            .map(|a| {
                vec![
                    a.sale_id.to_string(),
                    a.address.clone(),
                    a.source.clone(),
                    a.seen_at.clone(),
                ]
            })
            .collect();
        print_table(&["SALE", "ADDRESS", "WHERE", "SEEN (UTC)"], &rows, &[0]);
    }

    /// Overridden reviews: what was overridden, why, and the findings as they were.
    pub fn overrides(&self, overrides: &[OverrideView]) {
        if self.json {
            return print_json(&overrides);
        }
        if overrides.is_empty() {
            out!("No overridden reviews.");
            return;
        }
        for kept in overrides {
            out!(
                "Override {} ({}): {} {} to {} for {} (sale {}), reviewed {}",
                kept.id,
                kept.created_at,
                kept.amount,
                kept.currency,
                kept.to,
                kept.project_name,
                kept.sale_id,
                kept.reviewed_at
            );
            out!("  Reason: {}", kept.reason);
            for finding in &kept.findings {
                out!(
                    "  [{}] {}: {}",
                    finding.severity.as_str(),
                    finding.code,
                    finding.message
                );
            }
        }
    }
}
