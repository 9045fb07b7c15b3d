//! Overridden reviews: a blocked contribution the user chose to go on with, kept with
//! its findings as they were and the reason, never changed afterwards.

use saleguard_core::Address;
use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::amount::format_amount;
use saleguard_core::review::{
    DraftContribution, OverrideRefusal, ReasonProblem, Review, Severity, check_override,
};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{OverrideRecord, Store};
use serde::{Deserialize, Serialize};

pub use saleguard_core::review::OVERRIDE_REASON_MIN;

use super::{FindingDetail, FindingView, ReviewInput, review_view};
use crate::{AppError, ErrorCode, Saleguard};

/// Overriding what blocks a contribution: the contribution as reviewed, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverrideInput {
    pub review: ReviewInput,
    pub reason: String,
}

/// An overridden review, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverrideView {
    pub id: i64,
    pub sale_id: i64,
    pub project_name: String,
    pub from: String,
    pub to: String,
    /// Whole units of `currency`.
    pub amount: String,
    pub currency: String,
    pub chain_id: u64,
    pub reviewed_at: String,
    /// The findings as they were when overridden, most severe first.
    pub findings: Vec<FindingView>,
    pub reason: String,
    pub created_at: String,
}

impl Saleguard {
    /// Overrides what blocks a contribution, with the user's reason: the review is run
    /// again here (never taken from the caller), and kept in the history with its
    /// findings only if every block is overridable.
    pub fn override_review(&self, input: &OverrideInput) -> Result<OverrideView, AppError> {
        let reviewed = self.reviewed(&input.review)?;
        let reason = check_override(&reviewed.outcome, &input.reason).map_err(override_refusal)?;
        let to = parse_address(&reviewed.draft.to).map_err(|error| {
            AppError::at_field("to", ErrorCode::InvalidAddress, error.to_string())
        })?;
        let record = self.insert_override(
            reviewed.sale,
            &reviewed.draft,
            to,
            reviewed.outcome,
            reviewed.at,
            reason,
        )?;
        let store = self.store()?;
        override_view(&store, record)
    }

    /// Keeps an overridden review in the history: the draft, its findings, the reason.
    pub(crate) fn insert_override(
        &self,
        sale: SaleId,
        draft: &DraftContribution,
        to: Address,
        outcome: Review,
        at: UtcTimestamp,
        reason: String,
    ) -> Result<OverrideRecord, AppError> {
        let view = review_view(outcome, at);
        let findings = keep_findings(&view.findings)?;
        let record = OverrideRecord {
            id: 0,
            sale_id: sale,
            from: draft.from,
            to,
            amount: draft.amount,
            chain_id: draft.chain_id,
            reviewed_at: at,
            findings,
            reason,
            created_at: self.clock.now(),
        };
        let id = self.store()?.insert_override(&record)?;
        tracing::info!(id, sale = sale.0, "review overridden");
        Ok(OverrideRecord { id, ..record })
    }

    /// The overridden reviews, newest first: of one sale, or of all.
    pub fn review_overrides(&self, sale_id: Option<i64>) -> Result<Vec<OverrideView>, AppError> {
        let store = self.store()?;
        store
            .overrides(sale_id.map(SaleId))?
            .into_iter()
            .map(|record| override_view(&store, record))
            .collect()
    }
}

/// Why a review cannot be overridden, as an error.
pub(crate) fn override_refusal(refusal: OverrideRefusal) -> AppError {
    match refusal {
        OverrideRefusal::NothingBlocks => {
            AppError::new(ErrorCode::NothingToOverride, refusal.to_string())
        }
        OverrideRefusal::NotOverridable(_) => {
            AppError::new(ErrorCode::NotOverridable, refusal.to_string())
        }
        OverrideRefusal::Reason(problem, message) => AppError::at_field(
            "reason",
            match problem {
                ReasonProblem::Missing => ErrorCode::Required,
                ReasonProblem::TooShort => ErrorCode::TooShort,
                ReasonProblem::TooLong => ErrorCode::TooLong,
                ReasonProblem::HiddenCharacters => ErrorCode::InvalidText,
            },
            message,
        ),
    }
}

/// A finding as kept in an override's history. Its own shape, not the wire DTO's, so a
/// change to what the UI is sent never makes old history unreadable.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptFinding {
    code: String,
    severity: Severity,
    overridable: bool,
    message: String,
    details: Vec<(String, String)>,
}

fn keep_findings(findings: &[FindingView]) -> Result<String, AppError> {
    let kept: Vec<KeptFinding> = findings
        .iter()
        .map(|f| KeptFinding {
            code: f.code.clone(),
            severity: f.severity,
            overridable: f.overridable,
            message: f.message.clone(),
            details: f
                .details
                .iter()
                .map(|d| (d.name.clone(), d.value.clone()))
                .collect(),
        })
        .collect();
    serde_json::to_string(&kept)
        .map_err(|error| AppError::new(ErrorCode::Internal, error.to_string()))
}

/// The findings an override kept, or why they cannot be read.
pub(crate) fn kept_findings(text: &str) -> Result<Vec<FindingView>, String> {
    let kept: Vec<KeptFinding> = serde_json::from_str(text).map_err(|error| error.to_string())?;
    Ok(kept
        .into_iter()
        .map(|f| FindingView {
            code: f.code,
            severity: f.severity,
            overridable: f.overridable,
            message: f.message,
            details: f
                .details
                .into_iter()
                .map(|(name, value)| FindingDetail { name, value })
                .collect(),
        })
        .collect())
}

fn override_view(store: &Store, record: OverrideRecord) -> Result<OverrideView, AppError> {
    let sale = store.sale(record.sale_id)?;
    let findings = kept_findings(&record.findings).map_err(|_| {
        AppError::new(
            ErrorCode::Internal,
            format!(
                "override {} holds findings this version cannot read",
                record.id
            ),
        )
    })?;
    Ok(OverrideView {
        id: record.id,
        sale_id: record.sale_id.0,
        project_name: sale.terms.project_name,
        from: checksummed(&record.from),
        to: checksummed(&record.to),
        amount: format_amount(record.amount, sale.terms.currency.decimals()),
        currency: sale.terms.currency.symbol().to_owned(),
        chain_id: record.chain_id,
        reviewed_at: record.reviewed_at.to_rfc3339(),
        findings,
        reason: record.reason,
        created_at: record.created_at.to_rfc3339(),
    })
}
