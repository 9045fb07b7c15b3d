//! Sales and their on-chain terms.

use saleguard_app::dto::Amount;
use saleguard_app::sales::actions::ActionView;
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::sales::{Pricing, PricingUnit, Sale};

use super::{Output, amount, print_json, print_table};
use crate::out;

impl Output {
    pub fn sales(&self, sales: &[Sale]) {
        if self.json {
            return print_json(&sales);
        }
        if sales.is_empty() {
            out!("No sales yet. Add one with: saleguard sale add --help");
            return;
        }
        let rows: Vec<Vec<String>> = sales
            .iter()
            .map(|s| {
                [
                    s.id.to_string(),
                    s.project_name.clone(),
                    s.token_symbol.clone(),
                    s.chain_id.to_string(),
                    s.status.to_string(),
                    s.starts_at.clone(),
                    s.hard_cap
                        .as_ref()
                        .map(amount)
                        .unwrap_or_else(|| "—".to_owned()),
                ]
                .into()
            })
            .collect();
        print_table(
            &[
                "ID",
                "PROJECT",
                "TOKEN",
                "CHAIN",
                "STATUS",
                "STARTS (UTC)",
                "HARD CAP",
            ],
            &rows,
            &[0, 3, 6],
        );
    }

    pub fn sale(&self, sale: &Sale, verb: &str) {
        if self.json {
            return print_json(sale);
        }
        if !verb.is_empty() {
            out!("{verb} sale {}.", sale.id);
        }
        let optional = |value: &Option<Amount>| {
            value
                .as_ref()
                .map(amount)
                .unwrap_or_else(|| "not set".to_owned())
        };
        let currency = match &sale.currency.address {
            None => format!("{} (native coin)", sale.currency.symbol),
            Some(address) => format!(
                "{} (ERC-20 {address}, {} decimals)",
                sale.currency.symbol, sale.currency.decimals
            ),
        };
        let rows = [
            ("Project", sale.project_name.clone()),
            (
                "Token",
                format!("{} ({} decimals)", sale.token_symbol, sale.token_decimals),
            ),
            ("Chain id", sale.chain_id.to_string()),
            ("Status", sale.status.to_string()),
            ("Contribution address", sale.contribution_address.clone()),
            ("Accepted currency", currency),
            (
                "Pricing",
                sale.pricing
                    .as_ref()
                    .map(pricing)
                    .unwrap_or_else(|| "not set".to_owned()),
            ),
            ("Soft cap", optional(&sale.soft_cap)),
            ("Hard cap", optional(&sale.hard_cap)),
            ("Minimum contribution", optional(&sale.min_contribution)),
            ("Maximum contribution", optional(&sale.max_contribution)),
            ("Starts (UTC)", sale.starts_at.clone()),
            ("Ends (UTC)", sale.ends_at.clone()),
            (
                "KYC required",
                if sale.kyc_required { "yes" } else { "no" }.to_owned(),
            ),
            (
                "Whitepaper",
                sale.whitepaper_url
                    .clone()
                    .unwrap_or_else(|| "not set".to_owned()),
            ),
            ("Notes", sale.notes.clone()),
            (
                "Archived (UTC)",
                sale.archived_at.clone().unwrap_or_else(|| "no".to_owned()),
            ),
        ];
        out!("Sale {}", sale.id);
        for (label, value) in rows {
            out!("  {label:<22}{value}");
        }
    }

    pub fn deleted(&self, sale: &Sale) {
        if self.json {
            return print_json(&serde_json::json!({ "deleted": sale.id }));
        }
        out!("Deleted sale {} ({}).", sale.id, sale.project_name);
    }

    pub fn contract_terms(&self, sale: i64, terms: &ContractTermsInput, verb: &str) {
        if self.json {
            return print_json(terms);
        }
        if !verb.is_empty() {
            out!("{verb}.");
        }
        let or = |value: &str, otherwise: &str| {
            if value.is_empty() {
                otherwise.to_owned()
            } else {
                value.to_owned()
            }
        };
        out!("Sale {sale} on chain:");
        out!("  token: {}", or(&terms.token_address, "not known"));
        out!("  (its actions: saleguard action list --sale {sale})");
    }
}

fn pricing(pricing: &Pricing) -> String {
    match pricing.kind {
        PricingUnit::Price => format!("{} per token", amount(&pricing.amount)),
        PricingUnit::Rate => format!("{} per unit of currency", amount(&pricing.amount)),
    }
}

impl Output {
    pub fn actions(&self, actions: &[ActionView]) {
        if self.json {
            return print_json(&actions);
        }
        if actions.is_empty() {
            out!(
                "No actions: a contribution is a plain transfer (an ERC-20 transfer for a sale paid \
                 in a token). Add one with: saleguard action add --help"
            );
            return;
        }
        let rows: Vec<Vec<String>> = actions
            .iter()
            .map(|a| {
                let function = if a.signature.is_empty() {
                    "a plain transfer".to_owned()
                } else {
                    a.signature.clone()
                };
                let arguments: Vec<String> =
                    a.arguments.iter().map(|arg| arg.value.clone()).collect();
                vec![
                    a.id.to_string(),
                    a.name.clone(),
                    a.purpose.to_string(),
                    a.target.clone(),
                    function,
                    arguments.join(", "),
                ]
            })
            .collect();
        print_table(
            &["ID", "NAME", "PURPOSE", "CALLS", "FUNCTION", "ARGUMENTS"],
            &rows,
            &[0],
        );
        for a in actions.iter().filter(|a| !a.claimable.is_empty()) {
            out!(
                "{}: what can be claimed is read from {} before it is signed",
                a.name,
                a.claimable
            );
        }
        for a in actions.iter().filter(|a| !a.contract.is_empty()) {
            out!(
                "{}: {} as published on {}",
                a.name,
                a.contract,
                a.contract_source
            );
        }
    }
}
