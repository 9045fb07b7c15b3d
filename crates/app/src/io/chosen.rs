//! Files the user chooses in the system's open and save dialogs: what each dialog is for
//! (its title, its filter, the name it suggests and where it starts) and how a chosen
//! file is read. The shells show the dialogs; a file's path and contents stay in the
//! backend, so the window never holds a 200 MB CSV nor names a path itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::file_error;
use crate::{AppError, ErrorCode, Saleguard};

/// What a file the user opens is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FileToOpen {
    /// A Saleguard export (JSON) to restore into an empty data folder.
    Export,
    /// An encrypted backup to restore.
    Backup,
    /// Transactions as CSV to import.
    TransactionsCsv,
    /// A price history CSV.
    PriceHistory,
    /// A list of known scams (CSV or JSON).
    ScamList,
}

/// What a file the user saves holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FileToSave {
    /// Every piece of data except secrets, as JSON.
    Export,
    /// An encrypted backup.
    Backup,
    /// Every contribution, refund, distribution and trade as CSV.
    Transactions,
    /// The holdings as CSV.
    Holdings,
}

/// The kinds of file a dialog shows: a name for the filter and the extensions it lets
/// through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFilter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

const JSON: FileFilter = FileFilter {
    name: "Saleguard export (JSON)",
    extensions: &["json"],
};
const AGE: FileFilter = FileFilter {
    name: "Encrypted backup",
    extensions: &["age"],
};
const CSV: FileFilter = FileFilter {
    name: "CSV",
    extensions: &["csv"],
};
const SCAM_LIST: FileFilter = FileFilter {
    name: "List of known scams (CSV or JSON)",
    extensions: &["csv", "json"],
};

impl FileToOpen {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Export => "Import a Saleguard export",
            Self::Backup => "Restore an encrypted backup",
            Self::TransactionsCsv => "Import transactions from CSV",
            Self::PriceHistory => "Import a price history",
            Self::ScamList => "Import a list of known scams",
        }
    }

    /// The files the dialog offers (the user may still show every file).
    pub fn filter(self) -> FileFilter {
        match self {
            Self::Export => JSON,
            Self::Backup => AGE,
            Self::TransactionsCsv | Self::PriceHistory => CSV,
            Self::ScamList => SCAM_LIST,
        }
    }
}

impl FileToSave {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Export => "Export all data",
            Self::Backup => "Save the encrypted backup",
            Self::Transactions => "Export transactions as CSV",
            Self::Holdings => "Export holdings as CSV",
        }
    }

    /// The kind of file it is.
    pub fn filter(self) -> FileFilter {
        match self {
            Self::Export => JSON,
            Self::Backup => AGE,
            Self::Transactions | Self::Holdings => CSV,
        }
    }

    /// The name Saleguard gives such a file made on `day` (`YYYY-MM-DD`), without its
    /// extension: `saleguard-export-2027-01-02`.
    pub(crate) fn stem_on(self, day: &str) -> String {
        let stem = match self {
            Self::Export => "saleguard-export",
            Self::Backup => "saleguard-backup",
            Self::Transactions => "saleguard-transactions",
            Self::Holdings => "saleguard-holdings",
        };
        format!("{stem}-{day}")
    }

    /// The extension such a file is saved with.
    pub(crate) fn extension(self) -> &'static str {
        self.filter().extensions[0]
    }

    /// The name Saleguard gives such a file made on `day` (`YYYY-MM-DD`), e.g.
    /// `saleguard-export-2027-01-02.json`.
    pub(crate) fn name_on(self, day: &str) -> String {
        format!("{}.{}", self.stem_on(day), self.extension())
    }
}

/// Where a save dialog starts and the name it suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedFile {
    /// The Downloads folder (the home folder when there is none), if there is one.
    pub folder: Option<PathBuf>,
    pub name: String,
}

/// A file the user chose to open, as the window sees it: its name and size, and the
/// number it is asked for by (the path stays in the backend).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChosenFile {
    pub id: u32,
    pub name: String,
    pub bytes: u64,
}

impl ChosenFile {
    /// The file at `path`, known to the window as `id`; `file_unreadable` when it is not
    /// a file that can be read.
    pub fn at(id: u32, path: &Path) -> Result<Self, AppError> {
        let metadata = std::fs::metadata(path).map_err(|error| unreadable(path, &error))?;
        if !metadata.is_file() {
            return Err(not_a_file(path));
        }
        Ok(Self {
            id,
            name: file_name(path),
            bytes: metadata.len(),
        })
    }
}

/// The last part of `path`, as the user knows the file.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn unreadable(path: &Path, error: &std::io::Error) -> AppError {
    file_error(path, ErrorCode::FileUnreadable, error)
}

fn not_a_file(path: &Path) -> AppError {
    AppError::new(
        ErrorCode::FileUnreadable,
        format!("{} is not a file", path.display()),
    )
}

/// The whole of a file the user chose or named: `file_unreadable` (with the path and
/// why) when it is gone, a folder, a device or not readable.
pub fn read_user_file(path: &Path) -> Result<Vec<u8>, AppError> {
    let file = std::fs::File::open(path).map_err(|error| unreadable(path, &error))?;
    let metadata = file.metadata().map_err(|error| unreadable(path, &error))?;
    if !metadata.is_file() {
        return Err(not_a_file(path));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::io::Read::read_to_end(&mut &file, &mut bytes).map_err(|error| unreadable(path, &error))?;
    Ok(bytes)
}

/// The user's Downloads folder, or their home folder when there is none.
pub(crate) fn downloads_folder(instead: &str) -> Result<PathBuf, AppError> {
    dirs::download_dir()
        .filter(|dir| dir.is_dir())
        .or_else(dirs::home_dir)
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::DataDirUnavailable,
                format!("there is no Downloads or home folder to write to; {instead}"),
            )
        })
}

/// Where the dialogs start: the Downloads folder (the home folder when there is none),
/// where exports and backups are saved unless the user says otherwise.
pub fn start_folder() -> Option<PathBuf> {
    downloads_folder("").ok()
}

impl Saleguard {
    /// Where the save dialog for `kind` starts and the name it suggests, with today's
    /// date.
    pub fn suggested_file(&self, kind: FileToSave) -> SuggestedFile {
        let day = &self.clock.now().to_rfc3339()[..10];
        SuggestedFile {
            folder: start_folder(),
            name: kind.name_on(day),
        }
    }
}
