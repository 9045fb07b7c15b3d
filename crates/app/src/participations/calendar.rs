//! The calendar: sale openings and closings, token unlocks and refund deadlines across
//! every sale and participation, and the next event of one participation.

use saleguard_core::participation::ParticipationState;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::VestingTerms;
use saleguard_store::{ParticipationRecord, SaleHeader};
use serde::Serialize;

use crate::dto::Amount;
use crate::{AppError, ErrorCode, Saleguard};

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

impl Saleguard {
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
    sale: &SaleHeader,
    record: &ParticipationRecord,
    vesting: Option<&VestingTerms>,
    refund_deadline: Option<UtcTimestamp>,
    now: UtcTimestamp,
) -> Option<CalendarEvent> {
    let event = |at: UtcTimestamp, kind, amount| CalendarEvent {
        at: at.to_rfc3339(),
        kind,
        sale_id: sale.id.0,
        project_name: sale.project_name.clone(),
        participation_id: Some(record.id.0),
        amount,
    };
    let mut candidates = Vec::new();
    if !record.state.successors().is_empty() {
        candidates.push((sale.window.starts_at(), CalendarEventKind::SaleOpens, None));
        candidates.push((sale.window.ends_at(), CalendarEventKind::SaleCloses, None));
    }
    if let Some(at) = refund_deadline.filter(|_| record.state == ParticipationState::RefundDue) {
        candidates.push((at, CalendarEventKind::RefundDeadline, None));
    }
    if let Some(unlock) = vesting.and_then(|terms| terms.schedule().next_unlock(now).cloned()) {
        let amount = Amount::new(unlock.amount, sale.token_decimals, &sale.token_symbol);
        candidates.push((unlock.at, CalendarEventKind::Unlock, Some(amount)));
    }
    candidates
        .into_iter()
        .filter(|(at, _, _)| *at > now)
        .min_by_key(|(at, _, _)| *at)
        .map(|(at, kind, amount)| event(at, kind, amount))
}
