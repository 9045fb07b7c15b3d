//! Whether opening a database needs SQLite's structural check of the whole file. The
//! check reads every page (half a second at 140 MB, seconds at a gigabyte), so it runs
//! when it can tell something: after a session that did not close cleanly (a crash, a
//! kill, a power cut: its write-ahead log is left behind), when the file changed since
//! Saleguard last closed it (another program, a copy, a restore by hand, damage), and at
//! least once a week. A clean close notes the file as it left it beside it
//! (`saleguard.sqlite3.closed`: its size, its modification time and when it was last
//! checked); an open that finds the file just so skips the check.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest a file goes without its structural check.
pub(crate) const CHECK_EVERY: Duration = Duration::from_secs(7 * 24 * 3600);

/// The file as a clean close left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CloseNote {
    pub(crate) len: u64,
    /// Nanoseconds since 1970.
    pub(crate) modified: u128,
    /// When the file last passed its check, in seconds since 1970.
    pub(crate) checked_at: u64,
}

/// `saleguard.sqlite3` → `saleguard.sqlite3.closed`.
pub(crate) fn note_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".closed");
    PathBuf::from(name)
}

pub(crate) fn now_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// The size and modification time of `db` now.
fn shape_of(db: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(db).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

fn read(db: &Path) -> Option<CloseNote> {
    let text = std::fs::read_to_string(note_path(db)).ok()?;
    let mut fields = text.split_whitespace().map(str::parse::<u128>);
    let note = CloseNote {
        len: u64::try_from(fields.next()?.ok()?).ok()?,
        modified: fields.next()?.ok()?,
        checked_at: u64::try_from(fields.next()?.ok()?).ok()?,
    };
    fields.next().is_none().then_some(note)
}

/// Why `db` must be checked before it is used, if it must; and when it was last
/// checked, if a clean close said so.
pub(crate) fn check_needed(db: &Path, now: u64) -> (Option<&'static str>, Option<u64>) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let wal_left = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|meta| meta.len() > 0);
    let note = read(db);
    let why = match (note, shape_of(db)) {
        _ if wal_left => Some("its last session did not close cleanly, or another is open"),
        (None, _) | (_, None) => Some("no clean close of it is noted"),
        (Some(note), Some((len, modified))) if (len, modified) != (note.len, note.modified) => {
            Some("it changed since Saleguard last closed it")
        }
        (Some(note), _) if now.saturating_sub(note.checked_at) >= CHECK_EVERY.as_secs() => {
            Some("a week has passed since its last check")
        }
        _ => None,
    };
    (why, note.map(|note| note.checked_at))
}

/// Notes `db` as it is now, after a clean close's checkpoint, last checked at
/// `checked_at`. Best effort: without the note, the next open checks the file.
pub(crate) fn note_clean_close(db: &Path, checked_at: u64) {
    let Some((len, modified)) = shape_of(db) else {
        return;
    };
    let path = note_path(db);
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        use std::io::Write;
        writeln!(file, "{len} {modified} {checked_at}")
    });
    if written
        .and_then(|()| std::fs::rename(&temporary, &path))
        .is_err()
    {
        let _ = std::fs::remove_file(&temporary);
        tracing::debug!(path = %path.display(), "the clean close could not be noted");
    }
}
