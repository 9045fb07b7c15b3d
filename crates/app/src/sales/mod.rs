//! Sales: the token offerings the user follows — add, edit, list, show, archive and
//! delete them (a sale with a participation is archived, never deleted) — its actions
//! on chain ([`actions`]: contribute, claim a refund, claim tokens…) and its token
//! ([`contract_terms`]).

pub mod actions;
pub mod contract_terms;

pub use saleguard_core::action::ActionPurpose;

use saleguard_core::U256;
use saleguard_core::address::checksummed;
use saleguard_core::sale::{
    self as domain, CurrencyKind, SaleDraft, SaleId, SaleStatus, SaleTerms,
};
use saleguard_core::timestamp::UtcTimestamp;
use serde::Serialize;

use crate::dto::Amount;
use crate::{AppError, Saleguard};

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
    pub(crate) fn new(sale: &domain::Sale, now: UtcTimestamp) -> Self {
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

impl Saleguard {
    pub fn list_sales(&self) -> Result<Vec<Sale>, AppError> {
        let now = self.clock.now();
        let sales = self.store()?.sales()?;
        Ok(sales.iter().map(|sale| Sale::new(sale, now)).collect())
    }

    pub fn sale(&self, id: i64) -> Result<Sale, AppError> {
        let sale = self.store()?.sale(SaleId(id))?;
        Ok(Sale::new(&sale, self.clock.now()))
    }

    /// The draft an edit starts from: the stored terms written as a user would type them.
    pub fn sale_draft(&self, id: i64) -> Result<SaleDraft, AppError> {
        Ok(self.store()?.sale(SaleId(id))?.terms.to_draft())
    }

    pub fn create_sale(&self, draft: SaleDraft) -> Result<Sale, AppError> {
        let terms = SaleTerms::from_draft(&draft)?;
        let now = self.clock.now();
        let sale = self.store()?.insert_sale(&terms, now)?;
        tracing::info!(id = sale.id.0, "sale created");
        Ok(Sale::new(&sale, now))
    }

    pub fn update_sale(&self, id: i64, draft: SaleDraft) -> Result<Sale, AppError> {
        let terms = SaleTerms::from_draft(&draft)?;
        let now = self.clock.now();
        let sale = self.store()?.update_sale(SaleId(id), &terms, now)?;
        tracing::info!(id, "sale updated");
        Ok(Sale::new(&sale, now))
    }

    pub fn delete_sale(&self, id: i64) -> Result<(), AppError> {
        self.store()?.delete_sale(SaleId(id))?;
        tracing::info!(id, "sale deleted");
        Ok(())
    }

    /// Archives a sale (kept with its history, out of the way), or brings it back.
    pub fn set_sale_archived(&self, id: i64, archived: bool) -> Result<Sale, AppError> {
        let now = self.clock.now();
        let sale = self
            .store()?
            .set_sale_archived(SaleId(id), archived.then_some(now), now)?;
        tracing::info!(id, archived, "sale archive state changed");
        Ok(Sale::new(&sale, now))
    }
}
