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

    /// Makes the data folder and what Saleguard keeps in it private to the user on Unix:
    /// folders 700, files 600 (a folder made by an older version, or copied, may be
    /// readable by others); says in the log what it changed. Nothing to do elsewhere.
    pub fn make_private(&self) {
        #[cfg(unix)]
        {
            let mut fixed = Vec::new();
            private(&self.data_dir, &mut fixed);
            for name in [LOG_DIR] {
                let dir = self.data_dir.join(name);
                private(&dir, &mut fixed);
                if let Ok(entries) = std::fs::read_dir(&dir) {
                    for entry in entries.flatten() {
                        private(&entry.path(), &mut fixed);
                    }
                }
            }
            if let Ok(entries) = std::fs::read_dir(&self.data_dir) {
                for entry in entries.flatten() {
                    private(&entry.path(), &mut fixed);
                }
            }
            if !fixed.is_empty() {
                tracing::warn!(
                    changed = fixed.join(", "),
                    "the data folder was readable by others: it is now the user's alone"
                );
            }
        }
    }
}

/// Takes the group's and others' permissions off `path` (a folder keeps the owner's
/// 700, a file 600), noting it in `fixed` when they had any.
#[cfg(unix)]
fn private(path: &Path, fixed: &mut Vec<String>) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return;
    };
    if metadata.file_type().is_symlink() {
        return;
    }
    let mode = metadata.permissions().mode() & 0o777;
    let wanted = if metadata.is_dir() { 0o700 } else { 0o600 };
    if (mode & 0o077 != 0 || (mode & 0o700) != wanted)
        && std::fs::set_permissions(path, std::fs::Permissions::from_mode(wanted)).is_ok()
    {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        fixed.push(format!("{name} {mode:o} → {wanted:o}"));
    }
}

/// Creates `dir` (and its parents) if needed, private to the user on Unix (700): the
/// data folder holds the user's whole record.
pub(crate) fn create_dir(dir: &Path) -> Result<(), AppError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|error| {
        AppError::new(
            ErrorCode::DataDirUnavailable,
            format!(
                "the data directory {} cannot be created: {error}",
                dir.display()
            ),
        )
    })
}
