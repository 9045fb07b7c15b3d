//! Logs go to `<data dir>/logs/saleguard.log`. Nothing secret is ever logged.

use std::fs::OpenOptions;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

use crate::error::AppError;
use crate::paths::{DataPaths, create_dir};

/// The environment variable holding a `tracing` filter, e.g. `saleguard=debug`.
pub const LOG_FILTER_ENV: &str = "SALEGUARD_LOG";

/// Libraries kept at `warn`: they would print secrets they carry at lower levels.
const QUIET_LIBRARIES: [&str; 14] = [
    "zbus=warn",
    "secret_service=warn",
    "tauri=warn",
    "wry=warn",
    "alloy_transport_http=warn",
    "alloy_transport=warn",
    "alloy_rpc_client=warn",
    "alloy_provider=warn",
    "alloy_json_rpc=warn",
    "reqwest=warn",
    "hyper=warn",
    "hyper_util=warn",
    "h2=warn",
    "rustls=warn",
];

/// Sends this process's logs to the data directory's log file. Call once, at start-up.
pub fn init_file_logging(paths: &DataPaths) -> Result<(), AppError> {
    create_dir(&paths.log_dir())?;
    let path = paths.log_file();
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&path).map_err(|error| {
        AppError::new(
            crate::ErrorCode::DataDirUnavailable,
            format!("the log file {} cannot be opened: {error}", path.display()),
        )
    })?;
    let filter = EnvFilter::try_from_env(LOG_FILTER_ENV).unwrap_or_else(|_| EnvFilter::new("info"));
    // Libraries that see IPC and D-Bus traffic, or HTTP requests (an RPC URL with an
    // API key in its path, a price API's key in a header), never log below `warn`,
    // whatever the user asks for: their debug output prints what they carry.
    let filter = QUIET_LIBRARIES
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
