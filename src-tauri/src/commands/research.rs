//! A sale's due diligence and the user's country of residence.

use saleguard_app::research::{Country, ResearchInput, SaleResearch, Settings};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

/// The research on a sale: scorecard, grade, red flags, jurisdictions, whitepapers.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_research(
    app: State<'_, Saleguard>,
    sale_id: i64,
) -> Result<SaleResearch, AppError> {
    app.research(sale_id)
}

/// Saves the research on a sale, all of it or nothing.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_research(
    app: State<'_, Saleguard>,
    sale_id: i64,
    input: ResearchInput,
) -> Result<SaleResearch, AppError> {
    app.set_research(sale_id, &input)
}

/// Keeps the fingerprint of the whitepaper file the user picked (hashed in the UI with
/// the platform's SHA-256; the file itself never crosses).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn record_whitepaper(
    app: State<'_, Saleguard>,
    sale_id: i64,
    sha256: String,
    file_name: String,
    byte_count: u64,
) -> Result<SaleResearch, AppError> {
    app.record_whitepaper(sale_id, &sha256, &file_name, byte_count)
}

/// The user's settings.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_settings(app: State<'_, Saleguard>) -> Result<Settings, AppError> {
    app.settings()
}

/// Sets the country of residence (an ISO 3166-1 code; empty clears it).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_residence_country(
    app: State<'_, Saleguard>,
    code: String,
) -> Result<Settings, AppError> {
    app.set_residence_country(&code)
}

/// Every country, by name: the choices for the country of residence.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_countries() -> Result<Vec<Country>, AppError> {
    Ok(saleguard_app::research::countries())
}
