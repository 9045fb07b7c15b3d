//! Files Saleguard writes for the user (exports, CSV, backups): whole or not at all, for
//! their owner only. In a folder (the Downloads folder by default) a new name is found
//! rather than write over a file; a path the user names is replaced whole.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::{AppError, ErrorCode};

pub(crate) fn file_error(path: &Path, code: ErrorCode, error: &std::io::Error) -> AppError {
    let action = if code == ErrorCode::FileNotWritten {
        "written"
    } else {
        "read"
    };
    AppError::new(
        code,
        format!("{} could not be {action}: {error}", path.display()),
    )
}

/// `bytes` in a temporary file of `folder` (readable by its owner only), flushed to disk.
pub(crate) fn written_file(
    folder: &Path,
    bytes: &[u8],
) -> Result<tempfile::NamedTempFile, AppError> {
    let not_written = |error: std::io::Error| file_error(folder, ErrorCode::FileNotWritten, &error);
    let mut file = tempfile::Builder::new()
        .prefix(".saleguard-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(not_written)?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(not_written)?;
    Ok(file)
}

/// Moves a written file into `folder` as `{stem}.{extension}`, or `{stem}-2.{extension}`
/// and so on: never over an existing file, even one another program creates meanwhile.
pub(crate) fn persist_new(
    mut written: tempfile::NamedTempFile,
    folder: &Path,
    stem: &str,
    extension: &str,
) -> Result<PathBuf, AppError> {
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = folder.join(format!("{stem}{suffix}.{extension}"));
        match written.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => {
                written = error.file;
            }
            Err(error) => return Err(file_error(&path, ErrorCode::FileNotWritten, &error.error)),
        }
    }
    unreachable!("some name is free")
}

/// Writes `bytes` to `path` whole (through a temporary file beside it), replacing it.
pub(crate) fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let written = written_file(path.parent().unwrap_or(Path::new(".")), bytes)?;
    written
        .persist(path)
        .map_err(|error| file_error(path, ErrorCode::FileNotWritten, &error.error))?;
    Ok(())
}
