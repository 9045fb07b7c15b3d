//! The review before signing, overrides, the policy, official addresses and contacts.

use saleguard_app::review::contacts::{ContactInput, ContactView};
use saleguard_app::review::official_addresses::{
    AddressSourceInput, OfficialAddressInput, OfficialAddressView,
};
use saleguard_app::review::overrides::{OverrideInput, OverrideView};
use saleguard_app::review::policy::PolicyInput;
use saleguard_app::review::{ReviewInput, ReviewView};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

/// Reviews a contribution before it is signed.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn review_contribution(
    app: State<'_, Saleguard>,
    input: ReviewInput,
) -> Result<ReviewView, AppError> {
    app.review_contribution(&input)
}

/// Overrides what blocks a contribution, with a reason kept in the history.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn override_review(
    app: State<'_, Saleguard>,
    input: OverrideInput,
) -> Result<OverrideView, AppError> {
    app.override_review(&input)
}

/// Overridden reviews, newest first: of one sale, or of all (`saleId` null).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_review_overrides(
    app: State<'_, Saleguard>,
    sale_id: Option<i64>,
) -> Result<Vec<OverrideView>, AppError> {
    app.review_overrides(sale_id)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_review_policy(app: State<'_, Saleguard>) -> Result<PolicyInput, AppError> {
    app.review_policy()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_review_policy(
    app: State<'_, Saleguard>,
    input: PolicyInput,
) -> Result<PolicyInput, AppError> {
    app.set_review_policy(&input)
}

/// A sale's official addresses, or every sale's (`saleId` null).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_official_addresses(
    app: State<'_, Saleguard>,
    sale_id: Option<i64>,
) -> Result<Vec<OfficialAddressView>, AppError> {
    app.official_addresses(sale_id)
}

/// Records an address a sale published with where it was seen: a new official address,
/// or one more source of one already recorded. Nothing is replaced.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_official_address(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: OfficialAddressInput,
) -> Result<OfficialAddressView, AppError> {
    app.add_official_address(sale_id, &input)
}

/// One more place an official address was seen.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_address_source(
    app: State<'_, Saleguard>,
    official_id: i64,
    input: AddressSourceInput,
) -> Result<OfficialAddressView, AppError> {
    app.add_address_source(official_id, &input)
}

/// Removes a source; `null` when it was the address's last and the address went too.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_address_source(
    app: State<'_, Saleguard>,
    source_id: i64,
) -> Result<Option<OfficialAddressView>, AppError> {
    app.remove_address_source(source_id)
}

/// Retires an official address the user no longer trusts, with why.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn retire_official_address(
    app: State<'_, Saleguard>,
    official_id: i64,
    reason: String,
) -> Result<OfficialAddressView, AppError> {
    app.retire_official_address(official_id, &reason)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_contacts(app: State<'_, Saleguard>) -> Result<Vec<ContactView>, AppError> {
    app.contacts()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_contact(
    app: State<'_, Saleguard>,
    input: ContactInput,
) -> Result<ContactView, AppError> {
    app.add_contact(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_contact(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_contact(id)
}
