//! A participation's vesting: the plan of how its tokens unlock, and the exact
//! schedule the core computes from it (never stored).

use saleguard_core::amount::AmountError;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::{Unlock, VestingDraft, VestingProblemKind, VestingTerms};
use saleguard_store::ParticipationId;
use serde::{Deserialize, Serialize};

use super::Participation;
use crate::dto::Amount;
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// A vesting plan as typed in a form: every field a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VestingInput {
    /// Whole tokens, e.g. `12500.5`.
    pub total_tokens: String,
    /// The TGE, UTC (`2027-01-15 12:00`).
    pub tge_at: String,
    /// `linear` or `tranches`.
    pub kind: String,
    pub at_tge_percent: String,
    pub cliff_months: String,
    pub months: String,
    /// `daily`, `monthly` or `quarterly`.
    pub frequency: String,
    pub tranches: Vec<TrancheInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TrancheInput {
    pub months_after_tge: String,
    pub percent: String,
}

/// One unlock of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UnlockView {
    /// RFC 3339, UTC.
    pub at: String,
    pub amount: Amount,
}

/// A participation's vesting: the plan as typed, and its exact schedule at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Vesting {
    pub plan: VestingInput,
    pub total: Amount,
    pub unlocks: Vec<UnlockView>,
    pub unlocked_now: Amount,
    pub next_unlock: Option<UnlockView>,
}

impl VestingInput {
    fn to_draft(&self) -> VestingDraft {
        VestingDraft {
            total_tokens: self.total_tokens.clone(),
            tge_at: self.tge_at.clone(),
            kind: self.kind.clone(),
            at_tge_percent: self.at_tge_percent.clone(),
            cliff_months: self.cliff_months.clone(),
            months: self.months.clone(),
            frequency: self.frequency.clone(),
            tranches: self
                .tranches
                .iter()
                .map(|t| (t.months_after_tge.clone(), t.percent.clone()))
                .collect(),
        }
    }

    fn from_draft(draft: VestingDraft) -> Self {
        Self {
            total_tokens: draft.total_tokens,
            tge_at: draft.tge_at,
            kind: draft.kind,
            at_tge_percent: draft.at_tge_percent,
            cliff_months: draft.cliff_months,
            months: draft.months,
            frequency: draft.frequency,
            tranches: draft
                .tranches
                .into_iter()
                .map(|(months_after_tge, percent)| TrancheInput {
                    months_after_tge,
                    percent,
                })
                .collect(),
        }
    }
}

/// The vesting view of `terms` for a token, at `now`.
pub(crate) fn vesting_view(
    terms: &VestingTerms,
    decimals: u8,
    symbol: &str,
    now: UtcTimestamp,
) -> Vesting {
    let schedule = terms.schedule();
    let unlock = |u: &Unlock| UnlockView {
        at: u.at.to_rfc3339(),
        amount: Amount::new(u.amount, decimals, symbol),
    };
    Vesting {
        plan: VestingInput::from_draft(terms.to_draft(decimals)),
        total: Amount::new(terms.total, decimals, symbol),
        unlocks: schedule.unlocks().iter().map(unlock).collect(),
        unlocked_now: Amount::new(schedule.unlocked_at(now), decimals, symbol),
        next_unlock: schedule.next_unlock(now).map(unlock),
    }
}

impl Saleguard {
    /// Sets (or replaces) the vesting plan of a participation's tokens.
    pub fn set_vesting(&self, id: i64, input: &VestingInput) -> Result<Participation, AppError> {
        let mut store = self.store()?;
        let record = store.participation(ParticipationId(id))?;
        let sale = store.sale(record.sale_id)?;
        let terms = VestingTerms::from_draft(&input.to_draft(), sale.terms.token_decimals)
            .map_err(|problems| {
                let fields = problems
                    .into_iter()
                    .map(|p| FieldError {
                        field: p.field.as_str().to_owned(),
                        code: problem_code(&p.kind),
                        message: p.message,
                    })
                    .collect();
                AppError::refused(fields)
            })?;
        store.set_vesting(record.id, &terms, self.clock.now())?;
        tracing::info!(id, "vesting plan set");
        self.participation_view(&store, &record)
    }
}

fn problem_code(kind: &VestingProblemKind) -> ErrorCode {
    match kind {
        VestingProblemKind::Required => ErrorCode::Required,
        VestingProblemKind::Amount(AmountError::Empty) => ErrorCode::Required,
        VestingProblemKind::Amount(AmountError::TooManyDecimalPlaces { .. }) => {
            ErrorCode::TooManyDecimalPlaces
        }
        VestingProblemKind::Amount(AmountError::TooLarge) => ErrorCode::AmountTooLarge,
        VestingProblemKind::Amount(_) => ErrorCode::InvalidAmount,
        VestingProblemKind::Datetime => ErrorCode::InvalidDatetime,
        VestingProblemKind::Percent => ErrorCode::InvalidPercent,
        VestingProblemKind::Months => ErrorCode::InvalidMonths,
        VestingProblemKind::Choice => ErrorCode::InvalidChoice,
        VestingProblemKind::Plan => ErrorCode::InvalidVestingPlan,
    }
}
