//! The review before signing: `review_contribution` gathers from the store everything
//! the core's pure `review` needs (the sale, its research and official addresses, the
//! KYC status, the user's country, every known address, the account's past
//! recipients, the budget and the prices) and returns its findings. Around it: the
//! review policy, official addresses, overrides and the user's contacts.

pub mod contacts;
pub mod official_addresses;
pub mod overrides;
pub mod policy;

pub use saleguard_core::review::{Severity, Verdict};

use saleguard_core::Address;
use saleguard_core::account::AccountId;
use saleguard_core::address::parse_address;
use saleguard_core::entry::{Entry, EntryKind};
use saleguard_core::kyc::KycStatus;
use saleguard_core::review::{DraftContribution, OfficialAddress, Review, ReviewContext, review};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use serde::{Deserialize, Serialize};

use crate::budgets::{budget_at, contribution_amount, entries_by_sale, movements};
use crate::money::{percent, rounded_text};
use crate::pricing::book::PriceData;
use crate::{AppError, ErrorCode, Saleguard};

/// A contribution to review, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    pub sale_id: i64,
    /// An account's id, or an address.
    pub from: String,
    pub to: String,
    /// Whole units of the sale's accepted currency.
    pub amount: String,
    /// The chain to sign for; empty for the sale's.
    pub chain_id: String,
    /// When (UTC); empty for now.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FindingDetail {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FindingView {
    /// Stable: docs/review-findings.md.
    pub code: String,
    pub severity: Severity,
    pub overridable: bool,
    pub message: String,
    pub details: Vec<FindingDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BudgetImpactView {
    pub currency: String,
    pub period: String,
    pub value: String,
    pub total: String,
    pub committed: String,
    /// The share of the total this contribution uses, and what is left after it (%).
    pub uses_percent: Option<String>,
    pub left_after_percent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub verdict: Verdict,
    /// Most severe first.
    pub findings: Vec<FindingView>,
    pub budget: Option<BudgetImpactView>,
    pub reviewed_at: String,
}

/// The official addresses as the review weighs them: address, purpose, chain, retired
/// or not, and the kinds of the sources that vouch for each.
pub(crate) fn vouching(
    records: Vec<saleguard_store::OfficialAddressRecord>,
) -> Vec<OfficialAddress> {
    records
        .into_iter()
        .map(|record| OfficialAddress {
            address: record.address,
            purpose: record.purpose,
            chain_id: record.chain_id,
            retired: record.retired.is_some(),
            sources: record.sources.iter().map(|source| source.kind).collect(),
        })
        .collect()
}

impl Saleguard {
    /// Reviews a contribution before it is signed. Input that is not a contribution at
    /// all (unknown sale, no amount) is an error; everything else is a finding.
    pub fn review_contribution(&self, input: &ReviewInput) -> Result<ReviewView, AppError> {
        let reviewed = self.reviewed(input)?;
        Ok(review_view(reviewed.outcome, reviewed.at))
    }

    pub(crate) fn reviewed(&self, input: &ReviewInput) -> Result<Reviewed, AppError> {
        let now = if input.at.trim().is_empty() {
            self.clock.now()
        } else {
            UtcTimestamp::parse(&input.at).map_err(|error| {
                AppError::at_field("at", ErrorCode::InvalidDatetime, error.to_string())
            })?
        };
        let store = self.store()?;
        let sale = store.sale(SaleId(input.sale_id))?;
        if input.from.trim().is_empty() {
            return Err(AppError::at_field(
                "from",
                ErrorCode::Required,
                "choose the account you pay from (or give its address)",
            ));
        }
        let from = match input.from.trim().parse::<i64>() {
            Ok(id) => store.account(AccountId(id))?.address,
            Err(_) => parse_address(&input.from).map_err(|error| {
                AppError::at_field("from", ErrorCode::InvalidAddress, error.to_string())
            })?,
        };
        let amount = contribution_amount(&input.amount, sale.terms.currency.decimals())?;
        let chain_id = if input.chain_id.trim().is_empty() {
            sale.terms.chain_id
        } else {
            input.chain_id.trim().parse::<u64>().map_err(|_| {
                AppError::at_field("chainId", ErrorCode::InvalidChainId, "a whole number")
            })?
        };
        let research = store.research(sale.id)?.map(|(research, _)| research);
        let policy = store.review_policy()?;
        let kyc = store
            .participation_in_sale(sale.id)?
            .map(|p| KycStatus::from_history(p.history.iter().map(|step| step.to)))
            .unwrap_or(KycStatus::NotStarted);
        let official_records = store.official_addresses(Some(sale.id))?;
        let imported = crate::research::scams::load_scam_lists(&store)?;
        let url_hits = crate::research::scams::sale_link_hits(
            &sale,
            research.as_ref(),
            &official_records,
            &imported.domains,
        );
        let official = vouching(official_records);
        let mut known: Vec<Address> = store.accounts()?.into_iter().map(|a| a.address).collect();
        known.extend(store.sales()?.iter().map(|s| s.terms.contribution_address));
        known.extend(
            store
                .official_addresses(None)?
                .into_iter()
                .map(|r| r.address),
        );
        known.extend(store.contacts()?.into_iter().map(|c| c.address));
        let entries = entries_by_sale(&store)?;
        let past = past_recipients(&entries, from);
        let movements = movements(&entries);
        let prices = PriceData::load(&store)?;
        let book = prices.book();
        let budgets = store.budgets()?;
        let context = ReviewContext {
            terms: &sale.terms,
            research: research.as_ref(),
            policy: &policy.diligence,
            kyc,
            residence: store.residence_country()?,
            official: &official,
            known: &known,
            past_recipients: &past,
            url_hits: &url_hits,
            scam_addresses: &imported.addresses,
            budget: budget_at(&budgets, now),
            movements: &movements,
            prices: &book,
            sale: sale.id,
            now,
        };
        let draft = DraftContribution {
            from,
            to: input.to.clone(),
            amount,
            chain_id,
        };
        let outcome = review(&draft, &context);
        tracing::info!(sale = sale.id.0, verdict = ?outcome.verdict, "contribution reviewed");
        Ok(Reviewed {
            sale: sale.id,
            draft,
            outcome,
            at: now,
        })
    }
}

/// Where `from` has sent contributions before (entries whose parties are addresses).
fn past_recipients(entries: &[(SaleId, Entry)], from: Address) -> Vec<Address> {
    entries
        .iter()
        .filter(|(_, entry)| {
            entry.kind == EntryKind::Contribution
                && parse_address(&entry.from).is_ok_and(|sender| sender == from)
        })
        .filter_map(|(_, entry)| parse_address(&entry.to).ok())
        .collect()
}

/// A review and what it was of.
pub(crate) struct Reviewed {
    pub(crate) sale: SaleId,
    pub(crate) draft: DraftContribution,
    pub(crate) outcome: Review,
    pub(crate) at: UtcTimestamp,
}

pub(crate) fn review_view(outcome: Review, now: UtcTimestamp) -> ReviewView {
    ReviewView {
        verdict: outcome.verdict,
        findings: outcome
            .findings
            .into_iter()
            .map(|finding| FindingView {
                code: finding.code.as_str().to_owned(),
                severity: finding.severity(),
                overridable: finding.code.overridable(),
                message: finding.message,
                details: finding
                    .details
                    .into_iter()
                    .map(|(name, value)| FindingDetail {
                        name: name.to_owned(),
                        value,
                    })
                    .collect(),
            })
            .collect(),
        budget: outcome.budget.map(|impact| BudgetImpactView {
            value: rounded_text(impact.value, &impact.currency),
            committed: rounded_text(impact.committed, &impact.currency),
            currency: impact.currency,
            period: impact.period,
            total: impact.total.normalize().to_string(),
            uses_percent: impact.uses_bps.map(percent),
            left_after_percent: impact.left_after_bps.map(percent),
        }),
        reviewed_at: now.to_rfc3339(),
    }
}
