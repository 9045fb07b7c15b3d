//! What crosses the boundary to the shells: plain, serialisable views of domain data.
//! Amounts travel as exact decimal strings beside their base units, never as numbers.

use saleguard_core::U256;
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::sale::{self as domain, CurrencyKind, SaleStatus};
use saleguard_core::timestamp::UtcTimestamp;
use serde::Serialize;

/// An exact amount of a currency or token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    /// Integer base units as decimal digits (e.g. wei).
    pub base_units: String,
    pub decimals: u8,
    /// The same amount as an exact decimal string in whole units, e.g. `"1.5"`.
    pub decimal: String,
    pub symbol: String,
}

impl From<&saleguard_core::portfolio::Money> for Amount {
    fn from(money: &saleguard_core::portfolio::Money) -> Self {
        Self::new(money.amount, money.decimals, &money.asset)
    }
}

impl Amount {
    pub fn new(base_units: U256, decimals: u8, symbol: &str) -> Self {
        Self {
            base_units: base_units.to_string(),
            decimals,
            decimal: format_amount(base_units, decimals),
            symbol: symbol.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedCurrency {
    pub kind: CurrencyKind,
    pub symbol: String,
    pub decimals: u8,
    /// The ERC-20 contract, EIP-55 checksummed; `null` for the native coin.
    pub address: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum PricingUnit {
    /// `amount` is in the accepted currency, per one token.
    Price,
    /// `amount` is in tokens, per one unit of the accepted currency.
    Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    pub kind: PricingUnit,
    pub amount: Amount,
}

/// A sale as the shells show it, with its status at the moment it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Sale {
    pub id: i64,
    pub project_name: String,
    pub token_symbol: String,
    pub token_decimals: u8,
    pub chain_id: u64,
    /// EIP-55 checksummed.
    pub contribution_address: String,
    pub currency: AcceptedCurrency,
    pub pricing: Option<Pricing>,
    pub soft_cap: Option<Amount>,
    pub hard_cap: Option<Amount>,
    pub min_contribution: Option<Amount>,
    pub max_contribution: Option<Amount>,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    pub kyc_required: bool,
    pub whitepaper_url: Option<String>,
    pub notes: String,
    pub status: SaleStatus,
    pub created_at: String,
    pub updated_at: String,
    /// When it was archived (RFC 3339, UTC); `null` when it is not.
    pub archived_at: Option<String>,
}

impl Sale {
    pub fn new(sale: &domain::Sale, now: UtcTimestamp) -> Self {
        let terms = &sale.terms;
        let currency_amount = |value: Option<U256>| {
            value.map(|v| Amount::new(v, terms.currency.decimals(), terms.currency.symbol()))
        };
        let currency = match &terms.currency {
            domain::AcceptedCurrency::Native { symbol } => AcceptedCurrency {
                kind: CurrencyKind::Native,
                symbol: symbol.clone(),
                decimals: terms.currency.decimals(),
                address: None,
            },
            domain::AcceptedCurrency::Erc20 {
                address,
                symbol,
                decimals,
            } => AcceptedCurrency {
                kind: CurrencyKind::Erc20,
                symbol: symbol.clone(),
                decimals: *decimals,
                address: Some(checksummed(address)),
            },
        };
        let pricing = terms.pricing.map(|pricing| match pricing {
            domain::Pricing::Price(value) => Pricing {
                kind: PricingUnit::Price,
                amount: Amount::new(value, terms.currency.decimals(), terms.currency.symbol()),
            },
            domain::Pricing::Rate(value) => Pricing {
                kind: PricingUnit::Rate,
                amount: Amount::new(value, terms.token_decimals, &terms.token_symbol),
            },
        });
        Self {
            id: sale.id.0,
            project_name: terms.project_name.clone(),
            token_symbol: terms.token_symbol.clone(),
            token_decimals: terms.token_decimals,
            chain_id: terms.chain_id,
            contribution_address: checksummed(&terms.contribution_address),
            currency,
            pricing,
            soft_cap: currency_amount(terms.soft_cap),
            hard_cap: currency_amount(terms.hard_cap),
            min_contribution: currency_amount(terms.min_contribution),
            max_contribution: currency_amount(terms.max_contribution),
            starts_at: terms.window.starts_at().to_rfc3339(),
            ends_at: terms.window.ends_at().to_rfc3339(),
            kyc_required: terms.kyc_required,
            whitepaper_url: terms.whitepaper_url.as_ref().map(ToString::to_string),
            notes: terms.notes.clone(),
            status: terms.status(now),
            created_at: sale.created_at.to_rfc3339(),
            updated_at: sale.updated_at.to_rfc3339(),
            archived_at: sale.archived_at.map(UtcTimestamp::to_rfc3339),
        }
    }
}

/// Where Saleguard keeps its files, and which version is running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database_path: String,
    pub log_path: String,
}
