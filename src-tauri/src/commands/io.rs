//! Files: the JSON export and import, encrypted backups, CSV and price history, each
//! chosen in the system's dialog.

use saleguard_app::io::backup::{BackupPassphrase, BackupStatus, BackupSummary};
use saleguard_app::io::chosen::{ChosenFile, FileToOpen, FileToSave, file_name, read_user_file};
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

use crate::dialogs::{ChosenFiles, choose_to_open, choose_to_save};
use tauri::ipc::Channel;
use tauri::{State, WebviewWindow};

/// CSV imports in progress, so that the window can cancel one.
#[derive(Default)]
pub(crate) struct CsvImports(Mutex<HashMap<String, Arc<AtomicBool>>>);

/// Asks the user, in the system's dialog, which file to open for `purpose`; `None` when
/// they cancel. The window gets the file's name, size and number, not its path.
#[tauri::command]
#[specta::specta]
pub(crate) async fn choose_file(
    window: WebviewWindow,
    chosen: State<'_, ChosenFiles>,
    purpose: FileToOpen,
) -> Result<Option<ChosenFile>, AppError> {
    match choose_to_open(&window, purpose).await {
        Some(path) => ChosenFile::at(chosen.keep(path.clone()), &path).map(Some),
        None => Ok(None),
    }
}

/// Writes every piece of data except secrets where the user says in the save dialog
/// (the Downloads folder to start with); `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub(crate) async fn export_data(
    app: State<'_, Saleguard>,
    window: WebviewWindow,
) -> Result<Option<ExportSummary>, AppError> {
    let suggested = app.suggested_file(FileToSave::Export);
    match choose_to_save(&window, FileToSave::Export, suggested).await {
        Some(path) => app.export_to(&path).map(Some),
        None => Ok(None),
    }
}

/// Restores a chosen export into an empty data folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_data(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    file: u32,
) -> Result<ImportSummary, AppError> {
    app.import_from(&chosen.path(file)?)
}

/// When the last encrypted backup was made, and whether it is time for one.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn backup_status(app: State<'_, Saleguard>) -> Result<BackupStatus, AppError> {
    app.backup_status()
}

/// Writes an encrypted backup of all data (secrets aside) where the user says in the
/// save dialog; `None` when they cancel (nothing is written).
#[tauri::command]
#[specta::specta]
pub(crate) async fn create_backup(
    app: State<'_, Saleguard>,
    window: WebviewWindow,
    input: BackupPassphrase,
) -> Result<Option<BackupSummary>, AppError> {
    let suggested = app.suggested_file(FileToSave::Backup);
    match choose_to_save(&window, FileToSave::Backup, suggested).await {
        Some(path) => app.create_backup_to(&path, &input.passphrase).map(Some),
        None => Ok(None),
    }
}

/// Restores a chosen backup into an empty data folder.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn restore_backup(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    file: u32,
    input: BackupPassphrase,
) -> Result<ImportSummary, AppError> {
    let bytes = read_user_file(&chosen.path(file)?)?;
    app.restore_backup(&bytes, &input.passphrase)
}

/// Checks a chosen CSV whole and says what an import would add; nothing is written.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn preview_csv_import(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    file: u32,
) -> Result<CsvPreview, AppError> {
    app.preview_csv(&read_user_file(&chosen.path(file)?)?)
}

/// Imports a chosen CSV all or nothing, reporting progress every 1,000 rows;
/// `cancel_csv_import` stops it with nothing added.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_csv(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    imports: State<'_, CsvImports>,
    file: u32,
    import_id: String,
    progress: Channel<CsvProgress>,
) -> Result<CsvImportSummary, AppError> {
    let bytes = read_user_file(&chosen.path(file)?)?;
    let cancelled = Arc::new(AtomicBool::new(false));
    if let Ok(mut pending) = imports.0.lock() {
        pending.insert(import_id.clone(), cancelled.clone());
    }
    let result = app.import_csv(&bytes, |step| {
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

/// Writes the transactions or the holdings as CSV where the user says in the save
/// dialog; `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub(crate) async fn export_csv(
    app: State<'_, Saleguard>,
    window: WebviewWindow,
    kind: CsvExportKind,
) -> Result<Option<CsvExportSummary>, AppError> {
    let file = match kind {
        CsvExportKind::Transactions => FileToSave::Transactions,
        CsvExportKind::Holdings => FileToSave::Holdings,
    };
    match choose_to_save(&window, file, app.suggested_file(file)).await {
        Some(path) => app.export_csv_to(kind, &path).map(Some),
        None => Ok(None),
    }
}

/// Checks a chosen price history CSV whole; nothing is written.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn preview_price_history(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    file: u32,
) -> Result<PriceHistoryPreview, AppError> {
    app.preview_price_history(&read_user_file(&chosen.path(file)?)?)
}

/// Imports a chosen price history CSV, all or nothing; returns how many prices.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_price_history(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    file: u32,
) -> Result<u32, AppError> {
    app.import_price_history(&read_user_file(&chosen.path(file)?)?)
}

/// The lists of known scams the user imported, by name.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_scam_lists(app: State<'_, Saleguard>) -> Result<Vec<ScamListView>, AppError> {
    app.scam_lists()
}

/// Imports a list of known scams from a chosen CSV or JSON file (docs/scam-lists.md),
/// all or nothing; the list says which file it came from.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn import_scam_list(
    app: State<'_, Saleguard>,
    chosen: State<'_, ChosenFiles>,
    name: String,
    file: u32,
) -> Result<ScamListView, AppError> {
    let path = chosen.path(file)?;
    app.import_scam_list(&name, &file_name(&path), &read_user_file(&path)?)
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
