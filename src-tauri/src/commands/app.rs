//! What the window asks of the app itself.

use saleguard_app::dto::AppInfo;
use saleguard_app::{AppError, Saleguard};
use tauri::State;

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn app_info(app: State<'_, Saleguard>) -> Result<AppInfo, AppError> {
    Ok(app.info())
}
