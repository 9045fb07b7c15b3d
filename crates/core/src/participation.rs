//! A participation's lifecycle: the states of the user's involvement in one sale and
//! the moves allowed between them. Every move is kept as dated history by the caller;
//! this module only says which moves are legal.

use crate::text::{TextProblem, checked_text};
use crate::timestamp::UtcTimestamp;

/// Where the user stands in one sale.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ParticipationState {
    Researching,
    Registered,
    KycPending,
    KycApproved,
    KycRejected,
    Contributed,
    SoftCapMissed,
    RefundDue,
    Refunded,
    Succeeded,
    TokensDistributed,
    Vesting,
    FullyClaimed,
    Withdrawn,
    Abandoned,
}

use ParticipationState::*;

impl ParticipationState {
    pub const ALL: [ParticipationState; 15] = [
        Researching,
        Registered,
        KycPending,
        KycApproved,
        KycRejected,
        Contributed,
        SoftCapMissed,
        RefundDue,
        Refunded,
        Succeeded,
        TokensDistributed,
        Vesting,
        FullyClaimed,
        Withdrawn,
        Abandoned,
    ];

    /// The stable name kept in the database and sent to the shells.
    pub fn as_str(self) -> &'static str {
        match self {
            Researching => "researching",
            Registered => "registered",
            KycPending => "kyc_pending",
            KycApproved => "kyc_approved",
            KycRejected => "kyc_rejected",
            Contributed => "contributed",
            SoftCapMissed => "soft_cap_missed",
            RefundDue => "refund_due",
            Refunded => "refunded",
            Succeeded => "succeeded",
            TokensDistributed => "tokens_distributed",
            Vesting => "vesting",
            FullyClaimed => "fully_claimed",
            Withdrawn => "withdrawn",
            Abandoned => "abandoned",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == name)
    }

    /// Whether money has been sent: from here on the user cannot simply walk away.
    pub fn has_contributed(self) -> bool {
        !matches!(
            self,
            Researching
                | Registered
                | KycPending
                | KycApproved
                | KycRejected
                | Withdrawn
                | Abandoned
        )
    }

    /// Whether nothing can follow.
    pub fn is_final(self) -> bool {
        matches!(self, Refunded | FullyClaimed | Withdrawn | Abandoned)
    }

    /// The states reachable in one move, whatever the sale requires.
    pub fn successors(self) -> &'static [ParticipationState] {
        match self {
            Researching => &[Registered, KycPending, Contributed, Withdrawn, Abandoned],
            Registered => &[KycPending, Contributed, Withdrawn, Abandoned],
            KycPending => &[KycApproved, KycRejected, Withdrawn, Abandoned],
            KycApproved => &[Contributed, Withdrawn, Abandoned],
            // A rejected application may be sent again (e.g. with better documents).
            KycRejected => &[KycPending, Withdrawn, Abandoned],
            Contributed => &[SoftCapMissed, Succeeded],
            SoftCapMissed => &[RefundDue],
            RefundDue => &[Refunded],
            Succeeded => &[TokensDistributed],
            TokensDistributed => &[Vesting, FullyClaimed],
            Vesting => &[FullyClaimed],
            Refunded | FullyClaimed | Withdrawn | Abandoned => &[],
        }
    }
}

/// Why a move is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("a participation cannot go from {} to {}", .from.as_str(), .to.as_str())]
    NotAllowed {
        from: ParticipationState,
        to: ParticipationState,
    },
    #[error("this sale requires KYC: record its approval before a contribution")]
    KycNotApproved { from: ParticipationState },
    #[error("the participation is already {}", .0.as_str())]
    Unchanged(ParticipationState),
}

/// Checks one move. A sale that requires KYC can be contributed to only after its
/// approval; other sales from any state before contributing.
pub fn check_transition(
    from: ParticipationState,
    to: ParticipationState,
    kyc_required: bool,
) -> Result<(), TransitionError> {
    if from == to {
        return Err(TransitionError::Unchanged(from));
    }
    if !from.successors().contains(&to) {
        return Err(TransitionError::NotAllowed { from, to });
    }
    if to == Contributed && kyc_required && from != KycApproved {
        return Err(TransitionError::KycNotApproved { from });
    }
    Ok(())
}

/// Longest note on one move, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// Why a dated move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error("this date is before the participation's last recorded step ({})", .previous.to_form_text())]
    BeforePrevious { previous: UtcTimestamp },
    #[error("this date is in the future: record a step once it has happened")]
    InTheFuture,
    #[error("a note has at most {MAX_NOTE_CHARS} characters (this has {0})")]
    NoteTooLong(usize),
    #[error("a note cannot contain control or invisible text-direction characters")]
    NoteInvalid,
}

/// The history's last step, which a new one must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastStep {
    pub state: ParticipationState,
    pub happened_at: UtcTimestamp,
}

/// Checks a move dated `happened_at` (not after `now`, not before the last step) and
/// its note; returns the note as kept (trimmed, Windows line breaks made plain).
pub fn check_move(
    last: LastStep,
    to: ParticipationState,
    happened_at: UtcTimestamp,
    now: UtcTimestamp,
    kyc_required: bool,
    note: &str,
) -> Result<String, MoveError> {
    check_transition(last.state, to, kyc_required)?;
    if happened_at < last.happened_at {
        return Err(MoveError::BeforePrevious {
            previous: last.happened_at,
        });
    }
    check_first_step(happened_at, now, note)
}

/// Checks the state a participation starts in. Following one may start anywhere (a
/// participation noticed late), but not past its contribution when the sale requires KYC:
/// the approval must be in the history first (start at `kyc_approved`, then move on).
pub fn check_first_state(
    state: ParticipationState,
    kyc_required: bool,
) -> Result<(), TransitionError> {
    let past_contribution = matches!(
        state,
        Contributed
            | SoftCapMissed
            | RefundDue
            | Refunded
            | Succeeded
            | TokensDistributed
            | Vesting
            | FullyClaimed
    );
    if kyc_required && past_contribution {
        return Err(TransitionError::KycNotApproved { from: state });
    }
    Ok(())
}

/// Checks the date and note of a participation's first step.
pub fn check_first_step(
    happened_at: UtcTimestamp,
    now: UtcTimestamp,
    note: &str,
) -> Result<String, MoveError> {
    if happened_at > now {
        return Err(MoveError::InTheFuture);
    }
    parse_note(note)
}

fn parse_note(input: &str) -> Result<String, MoveError> {
    checked_text(input, MAX_NOTE_CHARS, true).map_err(|problem| match problem {
        TextProblem::TooLong { chars, .. } => MoveError::NoteTooLong(chars),
        TextProblem::Invalid => MoveError::NoteInvalid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kyc_sale_is_not_started_past_its_contribution() {
        for state in ParticipationState::ALL {
            let past = !matches!(
                state,
                Researching
                    | Registered
                    | KycPending
                    | KycApproved
                    | KycRejected
                    | Withdrawn
                    | Abandoned
            );
            assert_eq!(
                check_first_state(state, false),
                Ok(()),
                "{state:?} without KYC"
            );
            assert_eq!(
                check_first_state(state, true).is_err(),
                past,
                "{state:?} with KYC required"
            );
        }
    }

    /// Every legal move, written out by hand from the product brief. Anything not in
    /// this table must be refused.
    const LEGAL: &[(ParticipationState, ParticipationState, KycRule)] = &[
        (Researching, Registered, KycRule::Any),
        (Researching, KycPending, KycRule::Any),
        (Researching, Contributed, KycRule::OnlyWithoutKyc),
        (Researching, Withdrawn, KycRule::Any),
        (Researching, Abandoned, KycRule::Any),
        (Registered, KycPending, KycRule::Any),
        (Registered, Contributed, KycRule::OnlyWithoutKyc),
        (Registered, Withdrawn, KycRule::Any),
        (Registered, Abandoned, KycRule::Any),
        (KycPending, KycApproved, KycRule::Any),
        (KycPending, KycRejected, KycRule::Any),
        (KycPending, Withdrawn, KycRule::Any),
        (KycPending, Abandoned, KycRule::Any),
        (KycApproved, Contributed, KycRule::Any),
        (KycApproved, Withdrawn, KycRule::Any),
        (KycApproved, Abandoned, KycRule::Any),
        (KycRejected, KycPending, KycRule::Any),
        (KycRejected, Withdrawn, KycRule::Any),
        (KycRejected, Abandoned, KycRule::Any),
        (Contributed, SoftCapMissed, KycRule::Any),
        (Contributed, Succeeded, KycRule::Any),
        (SoftCapMissed, RefundDue, KycRule::Any),
        (RefundDue, Refunded, KycRule::Any),
        (Succeeded, TokensDistributed, KycRule::Any),
        (TokensDistributed, Vesting, KycRule::Any),
        (TokensDistributed, FullyClaimed, KycRule::Any),
        (Vesting, FullyClaimed, KycRule::Any),
    ];

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum KycRule {
        Any,
        OnlyWithoutKyc,
    }

    #[test]
    fn every_pair_of_states_is_legal_exactly_when_the_table_says_so() {
        let mut checked = 0;
        for from in ParticipationState::ALL {
            for to in ParticipationState::ALL {
                for kyc_required in [false, true] {
                    let rule = LEGAL
                        .iter()
                        .find(|(f, t, _)| *f == from && *t == to)
                        .map(|(_, _, rule)| *rule);
                    let expected_legal = match rule {
                        Some(KycRule::Any) => true,
                        Some(KycRule::OnlyWithoutKyc) => !kyc_required,
                        None => false,
                    };
                    let result = check_transition(from, to, kyc_required);
                    assert_eq!(
                        result.is_ok(),
                        expected_legal,
                        "{} -> {} (kyc required: {kyc_required}): {result:?}",
                        from.as_str(),
                        to.as_str()
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 15 * 15 * 2);
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            check_transition(Registered, Contributed, true),
            Err(TransitionError::KycNotApproved { from: Registered })
        );
        assert_eq!(
            check_transition(Contributed, Withdrawn, false),
            Err(TransitionError::NotAllowed {
                from: Contributed,
                to: Withdrawn
            })
        );
        assert_eq!(
            check_transition(Vesting, Vesting, false),
            Err(TransitionError::Unchanged(Vesting))
        );
        assert_eq!(
            TransitionError::NotAllowed {
                from: Refunded,
                to: Succeeded
            }
            .to_string(),
            "a participation cannot go from refunded to succeeded"
        );
    }

    #[test]
    fn withdrawing_is_possible_only_before_contributing() {
        for from in ParticipationState::ALL {
            let can_leave = check_transition(from, Withdrawn, false).is_ok();
            assert_eq!(
                can_leave,
                !from.has_contributed() && !from.is_final(),
                "{}",
                from.as_str()
            );
        }
    }

    #[test]
    fn a_move_is_dated_after_the_last_step_and_not_in_the_future() {
        let at = |text: &str| UtcTimestamp::parse(text).expect("time");
        let last = LastStep {
            state: KycPending,
            happened_at: at("2027-01-10 09:00"),
        };
        let now = at("2027-02-01 00:00");
        assert_eq!(
            check_move(
                last,
                KycApproved,
                at("2027-01-10 09:00"),
                now,
                true,
                "  ok\r\nby mail "
            ),
            Ok("ok\nby mail".to_owned()),
            "the same moment as the last step is fine"
        );
        assert_eq!(
            check_move(last, KycApproved, at("2027-01-09 23:59"), now, true, ""),
            Err(MoveError::BeforePrevious {
                previous: at("2027-01-10 09:00")
            })
        );
        assert_eq!(
            check_move(last, KycApproved, at("2027-02-01 00:01"), now, true, ""),
            Err(MoveError::InTheFuture)
        );
        assert_eq!(
            check_move(last, Contributed, at("2027-01-20 00:00"), now, true, ""),
            Err(MoveError::Transition(TransitionError::NotAllowed {
                from: KycPending,
                to: Contributed
            }))
        );
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            check_move(last, KycApproved, at("2027-01-20 00:00"), now, true, &long),
            Err(MoveError::NoteTooLong(MAX_NOTE_CHARS + 1))
        );
        assert_eq!(
            check_first_step(at("2027-01-20 00:00"), now, "a\u{202E}b"),
            Err(MoveError::NoteInvalid)
        );
        assert_eq!(
            check_first_step(at("2027-01-20 00:00"), now, "tab\tand\nline"),
            Ok("tab\tand\nline".to_owned())
        );
    }

    #[test]
    fn final_states_have_no_way_out_and_names_round_trip() {
        for state in ParticipationState::ALL {
            assert_eq!(
                state.is_final(),
                state.successors().is_empty(),
                "{}",
                state.as_str()
            );
            assert_eq!(ParticipationState::parse(state.as_str()), Some(state));
        }
        assert_eq!(ParticipationState::parse("kyc"), None);
    }
}
