//! Participations: their lifecycle, KYC, entries, vesting and the calendar.

use saleguard_app::dto::{Page, PageInput};
use saleguard_app::participations::calendar::CalendarEvent;
use saleguard_app::participations::entries::{EntryInput, EntryQuery, EntryView};
use saleguard_app::participations::kyc::KycInput;
use saleguard_app::participations::vesting::VestingInput;
use saleguard_app::participations::{
    MoveParticipation, Participation, ParticipationSummary, StartParticipation,
};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_participations(
    app: State<'_, Saleguard>,
) -> Result<Vec<ParticipationSummary>, AppError> {
    app.list_participations()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_participation(
    app: State<'_, Saleguard>,
    id: i64,
) -> Result<Participation, AppError> {
    app.participation(id)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn start_participation(
    app: State<'_, Saleguard>,
    input: StartParticipation,
) -> Result<Participation, AppError> {
    app.start_participation(&input)
}

/// Records the participation's next step; its history is only ever appended to.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn move_participation(
    app: State<'_, Saleguard>,
    id: i64,
    input: MoveParticipation,
) -> Result<Participation, AppError> {
    app.move_participation(id, &input)
}

/// Saves a participation's KYC details.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_kyc(
    app: State<'_, Saleguard>,
    id: i64,
    input: KycInput,
) -> Result<Participation, AppError> {
    app.set_kyc(id, &input)
}

/// Sets (or, empty, clears) the last day to claim a refund that is due.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_refund_deadline(
    app: State<'_, Saleguard>,
    id: i64,
    at: String,
) -> Result<Participation, AppError> {
    app.set_refund_deadline(id, &at)
}

/// One page of a participation's entries (at most 500), filtered and ordered as asked.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_entries(
    app: State<'_, Saleguard>,
    id: i64,
    query: EntryQuery,
    page: PageInput,
) -> Result<Page<EntryView>, AppError> {
    app.entries(id, &query, page)
}

/// Records a contribution, refund or distribution made outside Saleguard.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn record_entry(
    app: State<'_, Saleguard>,
    id: i64,
    input: EntryInput,
) -> Result<Participation, AppError> {
    app.record_entry(id, &input)
}

/// Sets (or replaces) how a participation's tokens unlock.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_vesting(
    app: State<'_, Saleguard>,
    id: i64,
    input: VestingInput,
) -> Result<Participation, AppError> {
    app.set_vesting(id, &input)
}

/// Sales opening and closing and token unlocks between two moments (empty `from`:
/// now; empty `to`: twelve months later).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn calendar(
    app: State<'_, Saleguard>,
    from: String,
    to: String,
) -> Result<Vec<CalendarEvent>, AppError> {
    app.calendar_between(&from, &to)
}
