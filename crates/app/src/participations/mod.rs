//! Participations: the user's involvement in one sale, moved through its lifecycle
//! with a dated, annotated history that is only ever appended to. A participation is
//! shown whole ([`Participation`]); its parts are kept beside it: KYC details and the
//! refund deadline ([`kyc`]), contributions, refunds and distributions ([`entries`]),
//! the vesting plan ([`vesting`]) and what comes next ([`calendar`]).

pub mod calendar;
pub mod entries;
pub mod kyc;
pub mod vesting;

pub use saleguard_core::participation::ParticipationState;

use saleguard_core::participation::{
    LastStep, MoveError, TransitionError, check_first_state, check_first_step, check_move,
};
use std::collections::HashMap;

use saleguard_core::kyc::KycDetails;
use saleguard_core::sale::{Sale, SaleId};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::vesting::VestingTerms;
use saleguard_store::{
    ActionRecord, NewStep, ParticipationId, ParticipationRecord, SaleHeader, Store,
};

pub use saleguard_core::action::ActionPurpose;
use serde::{Deserialize, Serialize};

use crate::{AppError, ErrorCode, Saleguard};

/// One step of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// `null` for the first step.
    pub from: Option<ParticipationState>,
    pub to: ParticipationState,
    /// When it happened, as the user said (RFC 3339, UTC).
    pub happened_at: String,
    /// When it was recorded.
    pub recorded_at: String,
    pub note: String,
}

/// A participation with its history (oldest first) and the moves open to it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Participation {
    pub id: i64,
    pub sale_id: i64,
    pub project_name: String,
    pub token_symbol: String,
    pub state: ParticipationState,
    pub history: Vec<Step>,
    /// The states it may move to next (KYC rules of its sale applied).
    pub next_states: Vec<ParticipationState>,
    /// How its tokens unlock, once a plan is set.
    pub vesting: Option<vesting::Vesting>,
    /// How many contributions, refunds and distributions it has (`list_entries` reads
    /// them a page at a time).
    pub entry_count: u32,
    pub kyc: kyc::Kyc,
    /// The last day to claim a refund, while one is due (RFC 3339, UTC).
    pub refund_deadline: Option<String>,
    /// What comes next for it, dated after now: its sale opening or closing (while it
    /// can still go on), its refund deadline (while the refund is due) or its next unlock.
    pub next_event: Option<calendar::CalendarEvent>,
    /// The sale's actions that make sense in its state now, contribute first.
    pub offered_actions: Vec<OfferedAction>,
    pub created_at: String,
}

/// A participation as the list shows it: what it is, where it stands and what comes
/// next. [`Participation`], read when one is opened, has the rest (its history,
/// schedule, KYC details and actions): the list of 10,000 reads only this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ParticipationSummary {
    pub id: i64,
    pub sale_id: i64,
    pub project_name: String,
    pub token_symbol: String,
    pub state: ParticipationState,
    /// How many steps its history has.
    pub steps: u32,
    /// When its last step happened (RFC 3339, UTC).
    pub last_step_at: String,
    /// What comes next for it, as [`Participation::next_event`].
    pub next_event: Option<calendar::CalendarEvent>,
}

impl From<&Participation> for ParticipationSummary {
    fn from(participation: &Participation) -> Self {
        Self {
            id: participation.id,
            sale_id: participation.sale_id,
            project_name: participation.project_name.clone(),
            token_symbol: participation.token_symbol.clone(),
            state: participation.state,
            steps: u32::try_from(participation.history.len()).unwrap_or(u32::MAX),
            last_step_at: participation
                .history
                .last()
                .map(|step| step.happened_at.clone())
                .unwrap_or_default(),
            next_event: participation.next_event.clone(),
        }
    }
}

/// An action a participation may take now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OfferedAction {
    pub purpose: ActionPurpose,
    pub name: String,
    /// The sale's action; none for a contribution by plain transfer (or, for a sale paid
    /// in a token, an ERC-20 transfer), which needs none.
    pub action_id: Option<i64>,
}

/// Starting a participation: its first state (often `researching`), when, and why.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StartParticipation {
    pub sale_id: i64,
    pub state: ParticipationState,
    /// When it happened; empty for now.
    pub happened_at: String,
    pub note: String,
}

/// Moving a participation on.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MoveParticipation {
    pub to: ParticipationState,
    /// When it happened; empty for now.
    pub happened_at: String,
    pub note: String,
}

impl Saleguard {
    /// Every participation as the list shows it, in the order they were started: the
    /// participations with their histories, the sales' headers, the vesting plans and
    /// the refund deadlines, each read once.
    pub fn list_participations(&self) -> Result<Vec<ParticipationSummary>, AppError> {
        let store = self.store()?;
        let sales: HashMap<SaleId, SaleHeader> = store
            .sale_headers()?
            .into_iter()
            .map(|sale| (sale.id, sale))
            .collect();
        let vesting: HashMap<_, _> = store.all_vesting()?.into_iter().collect();
        let refund_deadlines: HashMap<_, _> = store.refund_deadlines()?.into_iter().collect();
        let now = self.clock.now();
        store
            .participations()?
            .iter()
            .map(|record| {
                let sale = sales
                    .get(&record.sale_id)
                    .ok_or(saleguard_store::StoreError::SaleNotFound(record.sale_id))?;
                Ok(ParticipationSummary {
                    id: record.id.0,
                    sale_id: record.sale_id.0,
                    project_name: sale.project_name.clone(),
                    token_symbol: sale.token_symbol.clone(),
                    state: record.state,
                    steps: u32::try_from(record.history.len()).unwrap_or(u32::MAX),
                    last_step_at: last_step(record)?.happened_at.to_rfc3339(),
                    next_event: calendar::next_event(
                        sale,
                        record,
                        vesting.get(&record.id),
                        refund_deadlines.get(&record.id).copied(),
                        now,
                    ),
                })
            })
            .collect()
    }

    /// Every participation shown whole, in the order they were started (the readable
    /// export). Each table is read once for all of them, not once per participation.
    pub fn participations_in_full(&self) -> Result<Vec<Participation>, AppError> {
        let store = self.store()?;
        let related = Related::of_all(&store)?;
        store
            .participations()?
            .iter()
            .map(|record| self.view_with(record, &related))
            .collect()
    }

    pub fn participation(&self, id: i64) -> Result<Participation, AppError> {
        let store = self.store()?;
        let record = store.participation(ParticipationId(id))?;
        self.participation_view(&store, &record)
    }

    pub fn start_participation(
        &self,
        input: &StartParticipation,
    ) -> Result<Participation, AppError> {
        let now = self.clock.now();
        let happened_at = moment(&input.happened_at, now)?;
        let note = check_first_step(happened_at, now, &input.note).map_err(move_error)?;
        let mut store = self.store()?;
        let sale = store.sale(SaleId(input.sale_id))?;
        check_first_state(input.state, sale.terms.kyc_required).map_err(|_| {
            AppError::at_field(
                "state",
                ErrorCode::KycNotApproved,
                "this sale requires KYC: start at “KYC approved” (dated when it was) and record \
                 the contribution after it",
            )
        })?;
        let step = NewStep {
            to: input.state,
            happened_at,
            note,
        };
        let record = store.insert_participation(SaleId(input.sale_id), &step, now)?;
        tracing::info!(
            id = record.id.0,
            sale = input.sale_id,
            "participation started"
        );
        self.participation_view(&store, &record)
    }

    pub fn move_participation(
        &self,
        id: i64,
        input: &MoveParticipation,
    ) -> Result<Participation, AppError> {
        let now = self.clock.now();
        let happened_at = moment(&input.happened_at, now)?;
        let mut store = self.store()?;
        let record = store.participation(ParticipationId(id))?;
        let sale = store.sale(record.sale_id)?;
        let last = last_step(&record)?;
        let note = check_move(
            last,
            input.to,
            happened_at,
            now,
            sale.terms.kyc_required,
            &input.note,
        )
        .map_err(move_error)?;
        let step = NewStep {
            to: input.to,
            happened_at,
            note,
        };
        let record = store.record_step(record.id, last.state, &step, now)?;
        tracing::info!(id, to = step.to.as_str(), "participation moved");
        self.participation_view(&store, &record)
    }

    pub(crate) fn participation_view(
        &self,
        store: &saleguard_store::Store,
        record: &ParticipationRecord,
    ) -> Result<Participation, AppError> {
        self.view_with(record, &Related::of_one(store, record)?)
    }

    fn view_with(
        &self,
        record: &ParticipationRecord,
        related: &Related,
    ) -> Result<Participation, AppError> {
        let sale = related
            .sales
            .get(&record.sale_id)
            .ok_or(saleguard_store::StoreError::SaleNotFound(record.sale_id))?;
        let kyc_required = sale.terms.kyc_required;
        let next_states = record
            .state
            .successors()
            .iter()
            .filter(|to| {
                saleguard_core::participation::check_transition(record.state, **to, kyc_required)
                    .is_ok()
            })
            .copied()
            .collect();
        let vesting = related.vesting.get(&record.id);
        // Kept after the refund, but only a deadline while the refund is due.
        let refund_deadline = related
            .refund_deadlines
            .get(&record.id)
            .copied()
            .filter(|_| record.state == ParticipationState::RefundDue);
        let next_event = calendar::next_event(
            &SaleHeader::from(sale),
            record,
            vesting,
            refund_deadline,
            self.clock.now(),
        );
        Ok(Participation {
            id: record.id.0,
            sale_id: record.sale_id.0,
            project_name: sale.terms.project_name.clone(),
            token_symbol: sale.terms.token_symbol.clone(),
            state: record.state,
            history: record
                .history
                .iter()
                .map(|step| Step {
                    from: step.from,
                    to: step.to,
                    happened_at: step.happened_at.to_rfc3339(),
                    recorded_at: step.recorded_at.to_rfc3339(),
                    note: step.note.clone(),
                })
                .collect(),
            next_states,
            vesting: vesting.map(|terms| {
                vesting::vesting_view(
                    terms,
                    sale.terms.token_decimals,
                    &sale.terms.token_symbol,
                    self.clock.now(),
                )
            }),
            entry_count: related.entry_counts.get(&record.id).copied().unwrap_or(0),
            kyc: kyc::kyc_view(related.kyc.get(&record.id), record, kyc_required),
            refund_deadline: refund_deadline.map(UtcTimestamp::to_rfc3339),
            next_event,
            offered_actions: offered_actions(
                related.actions.get(&sale.id).map_or(&[][..], Vec::as_slice),
                record.state,
                self.clock.now() >= sale.terms.window.ends_at(),
            ),
            created_at: record.created_at.to_rfc3339(),
        })
    }
}

/// What a participation's view shows besides its own row and history: read for one
/// participation, or once for all of them when they are listed.
struct Related {
    sales: HashMap<SaleId, Sale>,
    vesting: HashMap<ParticipationId, VestingTerms>,
    refund_deadlines: HashMap<ParticipationId, UtcTimestamp>,
    entry_counts: HashMap<ParticipationId, u32>,
    kyc: HashMap<ParticipationId, KycDetails>,
    actions: HashMap<SaleId, Vec<ActionRecord>>,
}

impl Related {
    fn of_one(store: &Store, record: &ParticipationRecord) -> Result<Self, AppError> {
        let id = record.id;
        let sale = store.sale(record.sale_id)?;
        Ok(Self {
            actions: HashMap::from([(sale.id, store.actions(sale.id)?)]),
            sales: HashMap::from([(sale.id, sale)]),
            vesting: store
                .vesting(id)?
                .map(|terms| (id, terms))
                .into_iter()
                .collect(),
            refund_deadlines: store
                .refund_deadline(id)?
                .map(|at| (id, at))
                .into_iter()
                .collect(),
            entry_counts: HashMap::from([(id, store.entry_count(id)?)]),
            kyc: store
                .kyc(id)?
                .map(|details| (id, details))
                .into_iter()
                .collect(),
        })
    }

    fn of_all(store: &Store) -> Result<Self, AppError> {
        let sales = store.sales()?;
        let actions = grouped(store.all_actions(&sales)?, |action| action.sale_id);
        Ok(Self {
            sales: sales.into_iter().map(|sale| (sale.id, sale)).collect(),
            vesting: store.all_vesting()?.into_iter().collect(),
            refund_deadlines: store.refund_deadlines()?.into_iter().collect(),
            entry_counts: store.entry_counts()?,
            kyc: store.all_kyc()?.into_iter().collect(),
            actions,
        })
    }
}

/// `items` by `key`, each group in the order of `items`.
fn grouped<K: std::hash::Hash + Eq, T>(items: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, Vec<T>> {
    let mut groups: HashMap<K, Vec<T>> = HashMap::new();
    for item in items {
        groups.entry(key(&item)).or_default().push(item);
    }
    groups
}

/// The actions offered in `state`: a contribution is always possible (by plain or
/// ERC-20 transfer without an action of its own), the others when the sale has them.
fn offered_actions(
    actions: &[ActionRecord],
    state: ParticipationState,
    sale_ended: bool,
) -> Vec<OfferedAction> {
    let mut offered = Vec::new();
    if ActionPurpose::Contribute.offered(state, sale_ended)
        && !actions
            .iter()
            .any(|record| record.action.purpose == ActionPurpose::Contribute)
    {
        offered.push(OfferedAction {
            purpose: ActionPurpose::Contribute,
            name: "Contribute".to_owned(),
            action_id: None,
        });
    }
    let mut kept: Vec<&ActionRecord> = actions
        .iter()
        .filter(|record| record.action.purpose.offered(state, sale_ended))
        .collect();
    kept.sort_by_key(|record| (record.action.purpose, record.id));
    offered.extend(kept.into_iter().map(|record| OfferedAction {
        purpose: record.action.purpose,
        name: record.action.name.clone(),
        action_id: Some(record.id),
    }));
    offered
}

fn last_step(record: &ParticipationRecord) -> Result<LastStep, AppError> {
    let step = record.last_step().ok_or_else(|| {
        AppError::new(
            ErrorCode::DatabaseCorrupt,
            "a participation without history",
        )
    })?;
    Ok(LastStep {
        state: record.state,
        happened_at: step.happened_at,
    })
}

/// The moment a step happened: as typed, or `now` when left empty.
fn moment(text: &str, now: UtcTimestamp) -> Result<UtcTimestamp, AppError> {
    if text.trim().is_empty() {
        return Ok(now);
    }
    UtcTimestamp::parse(text).map_err(|error| {
        AppError::at_field("happenedAt", ErrorCode::InvalidDatetime, error.to_string())
    })
}

fn move_error(error: MoveError) -> AppError {
    let message = error.to_string();
    match error {
        MoveError::Transition(
            TransitionError::NotAllowed { .. } | TransitionError::Unchanged(_),
        ) => AppError::at_field("to", ErrorCode::IllegalTransition, message),
        MoveError::Transition(TransitionError::KycNotApproved { .. }) => {
            AppError::at_field("to", ErrorCode::KycNotApproved, message)
        }
        MoveError::BeforePrevious { .. } => {
            AppError::at_field("happenedAt", ErrorCode::BeforePreviousStep, message)
        }
        MoveError::InTheFuture => AppError::at_field("happenedAt", ErrorCode::InTheFuture, message),
        MoveError::NoteTooLong(_) => AppError::at_field("note", ErrorCode::TooLong, message),
        MoveError::NoteInvalid => AppError::at_field("note", ErrorCode::InvalidText, message),
    }
}
