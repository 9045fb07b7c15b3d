//! The system's open and save dialogs, shown by the backend over the main window. The
//! window asks for a dialog by what the file is for and gets back a number for the file
//! the user chose, never a path it could name itself; the backend reads and writes the
//! file, so its contents never cross IPC.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use saleguard_app::io::chosen::{FileFilter, FileToOpen, FileToSave, SuggestedFile, start_folder};
use saleguard_app::{AppError, ErrorCode};
use tauri::WebviewWindow;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

/// The files the user chose to open in this run, by the number the window knows each by.
#[derive(Default)]
pub(crate) struct ChosenFiles(Mutex<Chosen>);

#[derive(Default)]
struct Chosen {
    last: u32,
    paths: HashMap<u32, PathBuf>,
}

impl ChosenFiles {
    /// Keeps `path` and says the number the window will ask for it by.
    pub(crate) fn keep(&self, path: PathBuf) -> u32 {
        let mut chosen = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        chosen.last += 1;
        let id = chosen.last;
        chosen.paths.insert(id, path);
        id
    }

    /// The path of the file the user chose as `id`.
    pub(crate) fn path(&self, id: u32) -> Result<PathBuf, AppError> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .paths
            .get(&id)
            .cloned()
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::FileUnreadable,
                    "that file was not chosen in this window: choose it again",
                )
            })
    }
}

fn dialog(
    window: &WebviewWindow,
    title: &str,
    filter: FileFilter,
) -> FileDialogBuilder<tauri::Wry> {
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(title)
        .add_filter(filter.name, filter.extensions)
        .add_filter("All files", &["*"])
}

/// The path the user picked, or `None` when they cancelled.
async fn answer(ask: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>)) -> Option<PathBuf> {
    let (send, receive) = tokio::sync::oneshot::channel();
    ask(Box::new(move |picked| {
        let _ = send.send(picked);
    }));
    receive
        .await
        .ok()
        .flatten()
        .and_then(|picked| picked.into_path().ok())
}

/// Asks the user which file to open for `purpose`, starting in the Downloads folder;
/// `None` when they cancel.
pub(crate) async fn choose_to_open(window: &WebviewWindow, purpose: FileToOpen) -> Option<PathBuf> {
    let mut dialog = dialog(window, purpose.title(), purpose.filter());
    if let Some(folder) = start_folder() {
        dialog = dialog.set_directory(folder);
    }
    answer(|answered| dialog.pick_file(answered)).await
}

/// Asks the user where to save a `kind` of file, starting from the suggested folder and
/// name; `None` when they cancel. The dialog asks before replacing a file.
pub(crate) async fn choose_to_save(
    window: &WebviewWindow,
    kind: FileToSave,
    suggested: SuggestedFile,
) -> Option<PathBuf> {
    let mut dialog = dialog(window, kind.title(), kind.filter()).set_file_name(suggested.name);
    if let Some(folder) = suggested.folder {
        dialog = dialog.set_directory(folder);
    }
    answer(|answered| dialog.save_file(answered)).await
}
