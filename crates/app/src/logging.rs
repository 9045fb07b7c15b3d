//! Logs go to `<data dir>/logs/saleguard.log`. Nothing secret is ever logged. The file
//! rotates at 5 MB: it becomes `saleguard.1.log`, the one before `saleguard.2.log`, and
//! so on to `saleguard.3.log`; older logs are deleted, so logs never take more than about
//! 20 MB.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
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

/// The size at which the log file is rotated.
const ROTATE_AT: u64 = 5 * 1024 * 1024;
/// How many rotated files are kept beside the current one.
const KEPT: u32 = 3;

/// The log file, rotated once it reaches `limit` bytes (checked as lines are written,
/// so it is exceeded by one line at most): `NAME.log` → `NAME.1.log` → … →
/// `NAME.{kept}.log`, the oldest deleted. A rotation that fails (a read-only folder)
/// keeps writing to the file there is.
pub struct RotatingLog {
    path: PathBuf,
    file: File,
    written: u64,
    limit: u64,
    kept: u32,
}

impl RotatingLog {
    pub fn open(path: &Path, limit: u64, kept: u32) -> std::io::Result<Self> {
        let file = append_private(path)?;
        let written = file.metadata()?.len();
        let mut log = Self {
            path: path.to_owned(),
            file,
            written,
            limit,
            kept,
        };
        if log.written >= log.limit {
            log.rotate();
        }
        Ok(log)
    }

    /// `saleguard.log` → `saleguard.{n}.log`.
    fn numbered(&self, n: u32) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.path.with_file_name(format!("{stem}.{n}.log"))
    }

    fn rotate(&mut self) {
        let _ = std::fs::remove_file(self.numbered(self.kept));
        for n in (1..self.kept).rev() {
            let _ = std::fs::rename(self.numbered(n), self.numbered(n + 1));
        }
        let moved = if self.kept == 0 {
            std::fs::remove_file(&self.path)
        } else {
            std::fs::rename(&self.path, self.numbered(1))
        };
        if moved.is_ok()
            && let Ok(file) = append_private(&self.path)
        {
            self.file = file;
            self.written = 0;
        }
    }
}

impl Write for RotatingLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written >= self.limit {
            self.rotate();
        }
        let written = self.file.write(buf)?;
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// `path` opened to append, created readable by its owner only.
fn append_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Sends this process's logs to the data directory's log file. Call once, at start-up.
pub fn init_file_logging(paths: &DataPaths) -> Result<(), AppError> {
    create_dir(&paths.log_dir())?;
    let path = paths.log_file();
    let file = RotatingLog::open(&path, ROTATE_AT, KEPT).map_err(|error| {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    #[test]
    fn the_log_rotates_at_its_limit_and_keeps_the_newest_few() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("saleguard.log");
        let mut log = RotatingLog::open(&path, 10, 2).expect("opened");
        for line in [
            "first line\n",
            "second line\n",
            "third line\n",
            "fourth line\n",
        ] {
            log.write_all(line.as_bytes()).expect("written");
        }
        log.flush().expect("flushed");
        assert_eq!(read(&path), "fourth line\n");
        assert_eq!(read(&dir.path().join("saleguard.1.log")), "third line\n");
        assert_eq!(read(&dir.path().join("saleguard.2.log")), "second line\n");
        assert!(
            !dir.path().join("saleguard.3.log").exists(),
            "the oldest is deleted, not kept"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "a new log file is the owner's only");
        }
    }

    #[test]
    fn a_log_already_over_its_limit_is_rotated_when_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("saleguard.log");
        std::fs::write(&path, "an old session's lines\n").expect("written");
        let mut log = RotatingLog::open(&path, 10, 3).expect("opened");
        log.write_all(b"new\n").expect("written");
        assert_eq!(read(&path), "new\n");
        assert_eq!(
            read(&dir.path().join("saleguard.1.log")),
            "an old session's lines\n"
        );
        // Under the limit, a log is appended to.
        drop(log);
        let mut again = RotatingLog::open(&path, 10, 3).expect("opened");
        again.write_all(b"more\n").expect("written");
        assert_eq!(read(&path), "new\nmore\n");
    }
}
