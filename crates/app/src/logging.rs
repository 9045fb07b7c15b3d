//! Logs go to `<data dir>/logs/saleguard.log`. Nothing secret is ever logged.

use std::fs::OpenOptions;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

use crate::error::AppError;
use crate::paths::{DataPaths, create_dir};

/// The environment variable holding a `tracing` filter, e.g. `saleguard=debug`.
pub const LOG_FILTER_ENV: &str = "SALEGUARD_LOG";

/// Sends this process's logs to the data directory's log file. Call once, at start-up.
pub fn init_file_logging(paths: &DataPaths) -> Result<(), AppError> {
    create_dir(&paths.log_dir())?;
    let path = paths.log_file();
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|error| {
            AppError::new(
                crate::ErrorCode::DataDirUnavailable,
                format!("the log file {} cannot be opened: {error}", path.display()),
            )
        })?;
    let filter = EnvFilter::try_from_env(LOG_FILTER_ENV).unwrap_or_else(|_| EnvFilter::new("info"));
    // Libraries that see IPC and D-Bus traffic (which can carry secrets) never log
    // below `warn`, whatever the user asks for.
    let filter = ["zbus=warn", "secret_service=warn", "tauri=warn", "wry=warn"]
        .into_iter()
        .filter_map(|directive| directive.parse().ok())
        .fold(filter, EnvFilter::add_directive);
    // A second call (e.g. in tests) keeps the first subscriber; that is fine.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init();
    Ok(())
}
