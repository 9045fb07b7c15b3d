//! The sales the user follows, their actions on chain and their token.

use saleguard_app::sales::Sale;
use saleguard_app::sales::actions::{ActionInput, ActionView};
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::{AppError, SaleDraft, Saleguard};
use tauri::State;

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_sales(app: State<'_, Saleguard>) -> Result<Vec<Sale>, AppError> {
    app.list_sales()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_sale(app: State<'_, Saleguard>, id: i64) -> Result<Sale, AppError> {
    app.sale(id)
}

/// The sale as a user would type it: what the edit form starts from.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_sale_draft(app: State<'_, Saleguard>, id: i64) -> Result<SaleDraft, AppError> {
    app.sale_draft(id)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn create_sale(app: State<'_, Saleguard>, input: SaleDraft) -> Result<Sale, AppError> {
    app.create_sale(input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn update_sale(
    app: State<'_, Saleguard>,
    id: i64,
    input: SaleDraft,
) -> Result<Sale, AppError> {
    app.update_sale(id, input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn delete_sale(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.delete_sale(id)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_sale_archived(
    app: State<'_, Saleguard>,
    id: i64,
    archived: bool,
) -> Result<Sale, AppError> {
    app.set_sale_archived(id, archived)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_contract_terms(
    app: State<'_, Saleguard>,
    sale_id: i64,
) -> Result<ContractTermsInput, AppError> {
    app.contract_terms(sale_id)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_contract_terms(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: ContractTermsInput,
) -> Result<ContractTermsInput, AppError> {
    app.set_contract_terms(sale_id, &input)
}

/// The sale's actions on chain, in the order they were added.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_sale_actions(
    app: State<'_, Saleguard>,
    sale_id: i64,
) -> Result<Vec<ActionView>, AppError> {
    app.sale_actions(sale_id)
}

/// Adds an action to the sale, checked whole (every argument against its type).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_action(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: ActionInput,
) -> Result<ActionView, AppError> {
    app.add_action(sale_id, &input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn update_action(
    app: State<'_, Saleguard>,
    id: i64,
    input: ActionInput,
) -> Result<ActionView, AppError> {
    app.update_action(id, &input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_action(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_action(id)
}
