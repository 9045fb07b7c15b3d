//! Where Saleguard keeps its data: `--data-dir`, else `SALEGUARD_DATA_DIR`, else the
//! operating system's application-data directory.

use std::path::{Path, PathBuf};

use crate::error::{AppError, ErrorCode};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "SALEGUARD_DATA_DIR";
/// The application identifier: the folder name under the OS data directory (the same
/// one Tauri derives from `tauri.conf.json`).
pub const APP_IDENTIFIER: &str = "com.saleguard.desktop";
/// The folder under the OS data directory. Debug builds keep their own, as they keep
/// their own keyring entries: a development build never opens an installed one's data.
pub const DEFAULT_DATA_FOLDER: &str = if cfg!(debug_assertions) {
    "com.saleguard.desktop.development"
} else {
    APP_IDENTIFIER
};
const DATABASE_FILE: &str = "saleguard.sqlite3";
const LOG_DIR: &str = "logs";
const LOG_FILE: &str = "saleguard.log";

/// The files Saleguard reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPaths {
    pub data_dir: PathBuf,
}

impl DataPaths {
    /// Resolves the data directory from an explicit choice, the environment, or the
    /// OS default, in that order.
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self, AppError> {
        let from_env = std::env::var_os(DATA_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let data_dir = explicit
            .or(from_env)
            .or_else(|| dirs::data_dir().map(|dir| dir.join(DEFAULT_DATA_FOLDER)))
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::DataDirUnavailable,
                    format!("no application-data directory is known on this system: set {DATA_DIR_ENV} or pass --data-dir"),
                )
            })?;
        Ok(Self { data_dir })
    }

    pub fn at(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
        }
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join(LOG_DIR)
    }

    pub fn log_file(&self) -> PathBuf {
        self.log_dir().join(LOG_FILE)
    }

    /// Creates the data directory if needed.
    pub fn ensure_exists(&self) -> Result<(), AppError> {
        create_dir(&self.data_dir)
    }
}

pub(crate) fn create_dir(dir: &Path) -> Result<(), AppError> {
    std::fs::create_dir_all(dir).map_err(|error| {
        AppError::new(
            ErrorCode::DataDirUnavailable,
            format!(
                "the data directory {} cannot be created: {error}",
                dir.display()
            ),
        )
    })
}
