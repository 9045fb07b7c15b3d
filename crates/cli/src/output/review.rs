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

    /// Each official address, what vouches for it and its sources.
    pub fn official_addresses(&self, addresses: &[OfficialAddressView]) {
        if self.json {
            return print_json(&addresses);
        }
        if addresses.is_empty() {
            out!("No official address recorded.");
            return;
        }
        for (index, address) in addresses.iter().enumerate() {
            if index > 0 {
                out!("");
            }
            out!(
                "Address {} of sale {} ({} on chain {}): {}",
                address.id,
                address.sale_id,
                address.purpose.as_str(),
                address.chain_id,
                address.address
            );
            match &address.retired_at {
                Some(at) => out!("Retired {at}: {}", address.retired_reason),
                None if address.vouched => out!("A source of the project's own vouches for it."),
                None => out!("No source of the project's own vouches for it."),
            }
            self.address_sources(address);
        }
    }

    /// The sources of one official address, oldest first.
    pub fn address_sources(&self, address: &OfficialAddressView) {
        if self.json {
            return print_json(&address.sources);
        }
        let rows: Vec<Vec<String>> = address
            .sources
            .iter()
            .map(|source| {
                vec![
                    source.id.to_string(),
                    source.kind.as_str().to_owned(),
                    source.seen_at.clone(),
                    source.location.clone(),
                    source.note.clone(),
                ]
            })
            .collect();
        print_table(
            &["SOURCE", "KIND", "SEEN (UTC)", "WHERE", "NOTE"],
            &rows,
            &[0],
        );
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
