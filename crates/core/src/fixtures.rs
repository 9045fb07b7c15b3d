//! Valid sale drafts for tests and benchmarks in every crate (feature `fixtures`).
//! Each test changes what it is about and leaves the rest valid.

use crate::sale::{CurrencyKind, PricingKind, SaleDraft};

/// A sale paid in the chain's native coin (ETH on chain 1), priced by rate, with
/// every optional term set.
pub fn native_sale_draft(project_name: &str) -> SaleDraft {
    SaleDraft {
        project_name: project_name.into(),
        token_symbol: "AUR".into(),
        token_decimals: "18".into(),
        chain_id: "1".into(),
        contribution_address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
        currency_kind: CurrencyKind::Native,
        currency_symbol: "ETH".into(),
        currency_address: String::new(),
        currency_decimals: String::new(),
        pricing_kind: PricingKind::Rate,
        pricing_amount: "1000".into(),
        soft_cap: "100".into(),
        hard_cap: "500".into(),
        min_contribution: "0.1".into(),
        max_contribution: "10".into(),
        starts_at: "2026-12-01 14:00".into(),
        ends_at: "2026-12-15 14:00".into(),
        kyc_required: true,
        whitepaper_url: "https://aurora.example/whitepaper.pdf".into(),
        notes: "Seen on the official blog.\nTeam doxxed.".into(),
    }
}

/// A sale paid in USDC (an ERC-20 with 6 decimals), priced per token.
pub fn erc20_sale_draft(project_name: &str) -> SaleDraft {
    SaleDraft {
        currency_kind: CurrencyKind::Erc20,
        currency_symbol: "USDC".into(),
        currency_address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48".into(),
        currency_decimals: "6".into(),
        pricing_kind: PricingKind::Price,
        pricing_amount: "0.05".into(),
        soft_cap: "100000".into(),
        hard_cap: "2500000.5".into(),
        min_contribution: "100".into(),
        max_contribution: "25000".into(),
        ..native_sale_draft(project_name)
    }
}
