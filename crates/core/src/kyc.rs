//! KYC (know your customer) for one participation: the details the user keeps
//! (provider, when they submitted, the provider's reference, notes), and its status,
//! which the participation's history already says (a KYC step is recorded there,
//! dated, like every other), so it is derived rather than stored twice.

use crate::participation::ParticipationState;
use crate::text::{TextProblem, checked_text};
use crate::timestamp::UtcTimestamp;

/// Longest provider name, in characters.
pub const MAX_PROVIDER_CHARS: usize = 120;
/// Longest reference (the provider's application or case id), in characters.
pub const MAX_KYC_REFERENCE_CHARS: usize = 200;
/// Longest note, in characters.
pub const MAX_KYC_NOTE_CHARS: usize = 2_000;

/// Where the user's KYC stands, as the participation's history says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KycStatus {
    NotStarted,
    Pending,
    Approved,
    Rejected,
}

impl KycStatus {
    pub const ALL: [KycStatus; 4] = [
        Self::NotStarted,
        Self::Pending,
        Self::Approved,
        Self::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    /// The latest KYC step among `states` (oldest first) decides.
    pub fn from_history(states: impl IntoIterator<Item = ParticipationState>) -> Self {
        states
            .into_iter()
            .filter_map(|state| match state {
                ParticipationState::KycPending => Some(Self::Pending),
                ParticipationState::KycApproved => Some(Self::Approved),
                ParticipationState::KycRejected => Some(Self::Rejected),
                _ => None,
            })
            .last()
            .unwrap_or(Self::NotStarted)
    }
}

/// KYC details as typed: every field a string; `submitted_at` may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KycDraft {
    pub provider: String,
    pub submitted_at: String,
    pub reference: String,
    pub notes: String,
}

/// Checked KYC details.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KycDetails {
    pub provider: String,
    pub submitted_at: Option<UtcTimestamp>,
    pub reference: String,
    pub notes: String,
}

/// The fields of a [`KycDraft`], named as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KycField {
    Provider,
    SubmittedAt,
    Reference,
    Notes,
}

impl KycField {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::SubmittedAt => "submittedAt",
            Self::Reference => "reference",
            Self::Notes => "notes",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KycProblemKind {
    TooLong,
    InvalidText,
    Datetime,
    InTheFuture,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KycProblem {
    pub field: KycField,
    pub kind: KycProblemKind,
    pub message: String,
}

impl KycDetails {
    /// Checks every field; `now` bounds the submission date.
    pub fn from_draft(draft: &KycDraft, now: UtcTimestamp) -> Result<Self, Vec<KycProblem>> {
        let mut problems = Vec::new();
        let mut text = |field, input: &str, max, multiline| {
            checked_text(input, max, multiline)
                .map_err(|problem| {
                    let kind = match problem {
                        TextProblem::TooLong { .. } => KycProblemKind::TooLong,
                        TextProblem::Invalid => KycProblemKind::InvalidText,
                    };
                    problems.push(KycProblem {
                        field,
                        kind,
                        message: problem.message(),
                    });
                })
                .unwrap_or_default()
        };
        let provider = text(
            KycField::Provider,
            &draft.provider,
            MAX_PROVIDER_CHARS,
            false,
        );
        let reference = text(
            KycField::Reference,
            &draft.reference,
            MAX_KYC_REFERENCE_CHARS,
            false,
        );
        let notes = text(KycField::Notes, &draft.notes, MAX_KYC_NOTE_CHARS, true);
        let submitted_at = if draft.submitted_at.trim().is_empty() {
            None
        } else {
            match UtcTimestamp::parse(&draft.submitted_at) {
                Ok(at) if at > now => {
                    problems.push(KycProblem {
                        field: KycField::SubmittedAt,
                        kind: KycProblemKind::InTheFuture,
                        message: "this date is in the future: record it once you have submitted"
                            .to_owned(),
                    });
                    None
                }
                Ok(at) => Some(at),
                Err(error) => {
                    problems.push(KycProblem {
                        field: KycField::SubmittedAt,
                        kind: KycProblemKind::Datetime,
                        message: error.to_string(),
                    });
                    None
                }
            }
        };
        if problems.is_empty() {
            Ok(Self {
                provider,
                submitted_at,
                reference,
                notes,
            })
        } else {
            Err(problems)
        }
    }

    /// The draft that gives back these details.
    pub fn to_draft(&self) -> KycDraft {
        KycDraft {
            provider: self.provider.clone(),
            submitted_at: self
                .submitted_at
                .map(UtcTimestamp::to_form_text)
                .unwrap_or_default(),
            reference: self.reference.clone(),
            notes: self.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParticipationState::*;

    fn now() -> UtcTimestamp {
        UtcTimestamp::parse("2026-11-28 12:00").expect("a time")
    }

    #[test]
    fn the_latest_kyc_step_of_the_history_is_the_status() {
        for (history, expected) in [
            (&[Researching][..], KycStatus::NotStarted),
            (&[Researching, Registered, Withdrawn], KycStatus::NotStarted),
            (&[Researching, KycPending], KycStatus::Pending),
            (
                &[Registered, KycPending, KycApproved, Contributed],
                KycStatus::Approved,
            ),
            (&[KycPending, KycRejected], KycStatus::Rejected),
            (&[KycPending, KycRejected, KycPending], KycStatus::Pending),
        ] {
            assert_eq!(
                KycStatus::from_history(history.iter().copied()),
                expected,
                "{history:?}"
            );
        }
    }

    #[test]
    fn details_are_trimmed_and_round_trip() {
        let draft = KycDraft {
            provider: " Fractal ID ".into(),
            submitted_at: "2026-11-20 09:30".into(),
            reference: "FRC-2231".into(),
            notes: "Asked for a second\r\nproof of address.".into(),
        };
        let details = KycDetails::from_draft(&draft, now()).expect("valid");
        assert_eq!(details.provider, "Fractal ID");
        assert_eq!(details.notes, "Asked for a second\nproof of address.");
        assert_eq!(
            KycDetails::from_draft(&details.to_draft(), now()),
            Ok(details)
        );
        assert_eq!(
            KycDetails::from_draft(&KycDraft::default(), now()),
            Ok(KycDetails::default()),
            "every field is optional"
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let draft = KycDraft {
            provider: "x".repeat(MAX_PROVIDER_CHARS + 1),
            submitted_at: "2026-11-29 10:00".into(),
            reference: "ref\u{202E}".into(),
            notes: "y".repeat(MAX_KYC_NOTE_CHARS + 1),
        };
        let problems: Vec<_> = KycDetails::from_draft(&draft, now())
            .expect_err("refused")
            .into_iter()
            .map(|p| (p.field, p.kind))
            .collect();
        assert_eq!(
            problems,
            vec![
                (KycField::Provider, KycProblemKind::TooLong),
                (KycField::Reference, KycProblemKind::InvalidText),
                (KycField::Notes, KycProblemKind::TooLong),
                (KycField::SubmittedAt, KycProblemKind::InTheFuture),
            ]
        );
        let malformed = KycDraft {
            submitted_at: "20 November".into(),
            ..KycDraft::default()
        };
        assert_eq!(
            KycDetails::from_draft(&malformed, now())
                .expect_err("refused")
                .into_iter()
                .map(|p| (p.field, p.kind))
                .collect::<Vec<_>>(),
            vec![(KycField::SubmittedAt, KycProblemKind::Datetime)]
        );
    }
}
