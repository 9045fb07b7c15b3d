//! Vesting use cases: a participation's plan and schedule, and the calendar of
//! upcoming events across every sale and participation.

use saleguard_core::amount::AmountError;
use saleguard_core::participation::ParticipationState;
use saleguard_core::sale::Sale;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::{Unlock, VestingDraft, VestingProblemKind, VestingTerms};
use saleguard_store::{ParticipationId, ParticipationRecord};
use serde::{Deserialize, Serialize};

use crate::dto::Amount;
use crate::participations::Participation;
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

/// What a calendar entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CalendarEventKind {
    SaleOpens,
    SaleCloses,
    Unlock,
    /// The last day to claim a refund that is due.
    RefundDeadline,
}

/// One dated event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarEvent {
    /// RFC 3339, UTC.
    pub at: String,
    pub kind: CalendarEventKind,
    pub sale_id: i64,
    pub project_name: String,
    /// For unlocks: the participation and the amount unlocking.
    pub participation_id: Option<i64>,
    pub amount: Option<Amount>,
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

    /// The calendar between two moments as typed: `from` empty is now, `to` empty is
    /// twelve months after `from`.
    pub fn calendar_between(&self, from: &str, to: &str) -> Result<Vec<CalendarEvent>, AppError> {
        let parse = |field: &str, text: &str| {
            UtcTimestamp::parse(text).map_err(|error| {
                AppError::at_field(field, ErrorCode::InvalidDatetime, error.to_string())
            })
        };
        let from = if from.trim().is_empty() {
            self.clock.now()
        } else {
            parse("from", from)?
        };
        let to = if to.trim().is_empty() {
            from.add_months(12).map_err(|error| {
                AppError::at_field("to", ErrorCode::InvalidDatetime, error.to_string())
            })?
        } else {
            parse("to", to)?
        };
        if to < from {
            return Err(AppError::at_field(
                "to",
                ErrorCode::EndsBeforeStart,
                "the end of the period is before its start",
            ));
        }
        self.calendar(from, to)
    }

    /// Sale openings, closings and refund deadlines (while the refund is due) of sales
    /// not archived, and unlocks, from `from` to `to` inclusive, in time order.
    pub fn calendar(
        &self,
        from: UtcTimestamp,
        to: UtcTimestamp,
    ) -> Result<Vec<CalendarEvent>, AppError> {
        let store = self.store()?;
        let mut events = Vec::new();
        let within = |at: UtcTimestamp| from <= at && at <= to;
        for sale in store.sales()?.iter().filter(|s| s.archived_at.is_none()) {
            for (at, kind) in [
                (sale.terms.window.starts_at(), CalendarEventKind::SaleOpens),
                (sale.terms.window.ends_at(), CalendarEventKind::SaleCloses),
            ] {
                if within(at) {
                    events.push((
                        at,
                        CalendarEvent {
                            at: at.to_rfc3339(),
                            kind,
                            sale_id: sale.id.0,
                            project_name: sale.terms.project_name.clone(),
                            participation_id: None,
                            amount: None,
                        },
                    ));
                }
            }
        }
        for (participation, terms) in store.all_vesting()? {
            let record = store.participation(participation)?;
            let sale = store.sale(record.sale_id)?;
            for unlock in terms.schedule().unlocks().iter().filter(|u| within(u.at)) {
                events.push((
                    unlock.at,
                    CalendarEvent {
                        at: unlock.at.to_rfc3339(),
                        kind: CalendarEventKind::Unlock,
                        sale_id: sale.id.0,
                        project_name: sale.terms.project_name.clone(),
                        participation_id: Some(participation.0),
                        amount: Some(Amount::new(
                            unlock.amount,
                            sale.terms.token_decimals,
                            &sale.terms.token_symbol,
                        )),
                    },
                ));
            }
        }
        for (participation, due_at) in store.refund_deadlines()? {
            let record = store.participation(participation)?;
            let sale = store.sale(record.sale_id)?;
            if record.state != ParticipationState::RefundDue
                || !within(due_at)
                || sale.archived_at.is_some()
            {
                continue;
            }
            events.push((
                due_at,
                CalendarEvent {
                    at: due_at.to_rfc3339(),
                    kind: CalendarEventKind::RefundDeadline,
                    sale_id: sale.id.0,
                    project_name: sale.terms.project_name.clone(),
                    participation_id: Some(participation.0),
                    amount: None,
                },
            ));
        }
        events.sort_by_key(|(at, _)| *at);
        Ok(events.into_iter().map(|(_, event)| event).collect())
    }
}

/// The earliest event after `now` of one participation: its sale opening or closing
/// (unless the participation has ended), its refund deadline (while the refund is due),
/// or its next unlock.
pub(crate) fn next_event(
    sale: &Sale,
    record: &ParticipationRecord,
    vesting: Option<&VestingTerms>,
    refund_deadline: Option<UtcTimestamp>,
    now: UtcTimestamp,
) -> Option<CalendarEvent> {
    let event = |at: UtcTimestamp, kind, amount| CalendarEvent {
        at: at.to_rfc3339(),
        kind,
        sale_id: sale.id.0,
        project_name: sale.terms.project_name.clone(),
        participation_id: Some(record.id.0),
        amount,
    };
    let mut candidates = Vec::new();
    if !record.state.successors().is_empty() {
        candidates.push((
            sale.terms.window.starts_at(),
            CalendarEventKind::SaleOpens,
            None,
        ));
        candidates.push((
            sale.terms.window.ends_at(),
            CalendarEventKind::SaleCloses,
            None,
        ));
    }
    if let Some(at) = refund_deadline.filter(|_| record.state == ParticipationState::RefundDue) {
        candidates.push((at, CalendarEventKind::RefundDeadline, None));
    }
    if let Some(unlock) = vesting.and_then(|terms| terms.schedule().next_unlock(now).cloned()) {
        let amount = Amount::new(
            unlock.amount,
            sale.terms.token_decimals,
            &sale.terms.token_symbol,
        );
        candidates.push((unlock.at, CalendarEventKind::Unlock, Some(amount)));
    }
    candidates
        .into_iter()
        .filter(|(at, _, _)| *at > now)
        .min_by_key(|(at, _, _)| *at)
        .map(|(at, kind, amount)| event(at, kind, amount))
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
