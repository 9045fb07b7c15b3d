//! Files: the JSON export and import, encrypted backups, CSV and price history.

use saleguard_app::io::backup::{BackupPassphrase, BackupStatus, BackupSummary};
use saleguard_app::io::csv::{
    CsvExportKind, CsvExportSummary, CsvImportSummary, CsvPreview, CsvProgress,
};
use saleguard_app::io::export::{ExportSummary, ImportSummary};
use saleguard_app::io::price_history::PriceHistoryPreview;
use saleguard_app::io::scam_lists::ScamListView;
use saleguard_app::{AppError, Saleguard};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tauri::State;
use tauri::ipc::Channel;

/// CSV imports in progress, so that the window can cancel one.
#[derive(Default)]
pub(crate) struct CsvImports(Mutex<HashMap<String, Arc<AtomicBool>>>);

/// Writes every piece of data except secrets into the Downloads folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn export_data(app: State<'_, Saleguard>) -> Result<ExportSummary, AppError> {
    app.export_to_downloads()
}

/// Restores an export (the file's text, read by the window) into an empty data folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_data(
    app: State<'_, Saleguard>,
    contents: String,
) -> Result<ImportSummary, AppError> {
    app.import_json(&contents)
}

/// When the last encrypted backup was made, and whether it is time for one.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn backup_status(app: State<'_, Saleguard>) -> Result<BackupStatus, AppError> {
    app.backup_status()
}

/// Writes an encrypted backup of all data (secrets aside) into the Downloads folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn create_backup(
    app: State<'_, Saleguard>,
    input: BackupPassphrase,
) -> Result<BackupSummary, AppError> {
    app.create_backup(&input.passphrase)
}

/// Restores a backup (the file's text, read by the window) into an empty data folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn restore_backup(
    app: State<'_, Saleguard>,
    contents: String,
    input: BackupPassphrase,
) -> Result<ImportSummary, AppError> {
    app.restore_backup(contents.as_bytes(), &input.passphrase)
}

/// Checks a CSV file's text whole and says what an import would add; nothing is written.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn preview_csv_import(
    app: State<'_, Saleguard>,
    contents: String,
) -> Result<CsvPreview, AppError> {
    app.preview_csv(contents.as_bytes())
}

/// Imports a CSV file's text all or nothing, reporting progress every 1,000 rows;
/// `cancel_csv_import` stops it with nothing added.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_csv(
    app: State<'_, Saleguard>,
    imports: State<'_, CsvImports>,
    contents: String,
    import_id: String,
    progress: Channel<CsvProgress>,
) -> Result<CsvImportSummary, AppError> {
    let cancelled = Arc::new(AtomicBool::new(false));
    if let Ok(mut pending) = imports.0.lock() {
        pending.insert(import_id.clone(), cancelled.clone());
    }
    let result = app.import_csv(contents.as_bytes(), |step| {
        let _ = progress.send(step);
        !cancelled.load(Ordering::SeqCst)
    });
    if let Ok(mut pending) = imports.0.lock() {
        pending.remove(&import_id);
    }
    result
}

/// Cancels a CSV import in progress: nothing of it is added.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn cancel_csv_import(
    imports: State<'_, CsvImports>,
    import_id: String,
) -> Result<(), AppError> {
    if let Some(cancelled) = imports
        .0
        .lock()
        .ok()
        .and_then(|p| p.get(&import_id).cloned())
    {
        cancelled.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Writes the transactions or the holdings as CSV into the Downloads folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn export_csv(
    app: State<'_, Saleguard>,
    kind: CsvExportKind,
) -> Result<CsvExportSummary, AppError> {
    app.export_csv_to_downloads(kind)
}

/// Checks a price history CSV's text whole; nothing is written.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn preview_price_history(
    app: State<'_, Saleguard>,
    contents: String,
) -> Result<PriceHistoryPreview, AppError> {
    app.preview_price_history(contents.as_bytes())
}

/// Imports a price history CSV's text, all or nothing; returns how many prices.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_price_history(
    app: State<'_, Saleguard>,
    contents: String,
) -> Result<u32, AppError> {
    app.import_price_history(contents.as_bytes())
}

/// The lists of known scams the user imported, by name.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_scam_lists(app: State<'_, Saleguard>) -> Result<Vec<ScamListView>, AppError> {
    app.scam_lists()
}

/// Imports a list of known scams from a CSV or JSON file's text (docs/scam-lists.md),
/// all or nothing; `file_name` says where it came from.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_scam_list(
    app: State<'_, Saleguard>,
    name: String,
    file_name: String,
    contents: String,
) -> Result<ScamListView, AppError> {
    app.import_scam_list(&name, &file_name, contents.as_bytes())
}

/// Imports a list of known scams from a web address the user typed, which the list
/// keeps for refreshing; the one request is made now, all or nothing.
#[tauri::command]
#[specta::specta]
pub(crate) async fn import_scam_list_from_url(
    app: State<'_, Saleguard>,
    name: String,
    url: String,
) -> Result<ScamListView, AppError> {
    app.import_scam_list_from_url(&name, &url).await
}

/// Fetches an imported list again from its web address; the old entries stay on any
/// problem.
#[tauri::command]
#[specta::specta]
pub(crate) async fn refresh_scam_list(
    app: State<'_, Saleguard>,
    id: i64,
) -> Result<ScamListView, AppError> {
    app.refresh_scam_list(id).await
}

/// Removes an imported list of known scams.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_scam_list(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_scam_list(id)
}
