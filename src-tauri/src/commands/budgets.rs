//! Budgets, and what an amount is worth in the budget's currency.

use saleguard_app::budgets::{AmountValueView, BudgetInput, BudgetView, ValueInput};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

/// Every budget, with what is committed of it now.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_budgets(app: State<'_, Saleguard>) -> Result<Vec<BudgetView>, AppError> {
    app.budgets()
}

/// The budget that applies now, with what is left of it; `null` without one.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_current_budget(
    app: State<'_, Saleguard>,
) -> Result<Option<BudgetView>, AppError> {
    app.current_budget()
}

/// Adds a budget for a period.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_budget(
    app: State<'_, Saleguard>,
    input: BudgetInput,
) -> Result<BudgetView, AppError> {
    app.add_budget(&input)
}

/// Replaces a budget's period, currency and limits; nothing changes on a refusal.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn update_budget(
    app: State<'_, Saleguard>,
    id: i64,
    input: BudgetInput,
) -> Result<BudgetView, AppError> {
    app.update_budget(id, &input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_budget(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_budget(id)
}

/// What an amount of a sale's currency is worth in the budget's currency.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn value_contribution(
    app: State<'_, Saleguard>,
    input: ValueInput,
) -> Result<AmountValueView, AppError> {
    app.value_contribution(&input)
}
