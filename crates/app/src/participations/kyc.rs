//! KYC details and refund deadlines of a participation.

use saleguard_core::kyc::{KycDetails, KycDraft, KycProblemKind};
use saleguard_core::participation::ParticipationState;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{ParticipationId, ParticipationRecord};
use serde::{Deserialize, Serialize};

pub use saleguard_core::kyc::KycStatus;

use super::Participation;
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// KYC details as typed: every field a string; `submittedAt` may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KycInput {
    pub provider: String,
    /// UTC (`2026-11-20 09:30`), or empty.
    pub submitted_at: String,
    pub reference: String,
    pub notes: String,
}

/// A participation's KYC: its status (from the history) and the details kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Kyc {
    /// As the participation's history says.
    pub status: KycStatus,
    /// Whether the sale requires KYC.
    pub required: bool,
    pub details: KycInput,
}

pub(crate) fn kyc_view(
    details: Option<&KycDetails>,
    record: &ParticipationRecord,
    required: bool,
) -> Kyc {
    let details = details.cloned().unwrap_or_default().to_draft();
    Kyc {
        status: KycStatus::from_history(record.history.iter().map(|step| step.to)),
        required,
        details: KycInput {
            provider: details.provider,
            submitted_at: details.submitted_at,
            reference: details.reference,
            notes: details.notes,
        },
    }
}

impl Saleguard {
    /// Saves a participation's KYC details (all fields checked; nothing half-saved).
    pub fn set_kyc(&self, id: i64, input: &KycInput) -> Result<Participation, AppError> {
        let draft = KycDraft {
            provider: input.provider.clone(),
            submitted_at: input.submitted_at.clone(),
            reference: input.reference.clone(),
            notes: input.notes.clone(),
        };
        let details = KycDetails::from_draft(&draft, self.clock.now()).map_err(|problems| {
            let fields = problems
                .into_iter()
                .map(|p| FieldError {
                    field: p.field.as_str().to_owned(),
                    code: match p.kind {
                        KycProblemKind::TooLong => ErrorCode::TooLong,
                        KycProblemKind::InvalidText => ErrorCode::InvalidText,
                        KycProblemKind::Datetime => ErrorCode::InvalidDatetime,
                        KycProblemKind::InTheFuture => ErrorCode::InTheFuture,
                    },
                    message: p.message,
                })
                .collect();
            AppError::refused(fields)
        })?;
        let mut store = self.store()?;
        store.set_kyc(ParticipationId(id), &details, self.clock.now())?;
        tracing::info!(id, "KYC details saved");
        let record = store.participation(ParticipationId(id))?;
        self.participation_view(&store, &record)
    }

    /// Sets the last day to claim a refund (`at` empty clears it). Only a participation
    /// whose refund is due has one.
    pub fn set_refund_deadline(&self, id: i64, at: &str) -> Result<Participation, AppError> {
        let mut store = self.store()?;
        let record = store.participation(ParticipationId(id))?;
        let due_at = if at.trim().is_empty() {
            None
        } else {
            if record.state != ParticipationState::RefundDue {
                return Err(AppError::at_field(
                    "refundDeadline",
                    ErrorCode::IllegalTransition,
                    format!(
                        "a refund deadline is for a participation whose refund is due; this one is {}",
                        record.state.as_str()
                    ),
                ));
            }
            Some(UtcTimestamp::parse(at).map_err(|error| {
                AppError::at_field(
                    "refundDeadline",
                    ErrorCode::InvalidDatetime,
                    error.to_string(),
                )
            })?)
        };
        store.set_refund_deadline(record.id, due_at)?;
        tracing::info!(id, "refund deadline set");
        self.participation_view(&store, &record)
    }
}
