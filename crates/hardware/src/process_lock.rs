//! One Saleguard process at a time per device. The app and the CLI both talk to the
//! same Ledger or Trezor; a request from one while the other's prompt is on the device
//! would wait for the device and then read the answer the user gave to the other. So a
//! conversation with a device holds an OS lock on a file named after the device (in
//! the user's cache directory), with the holder's process id written beside it: another
//! process asking meanwhile is told at once which process has the device
//! ([`DeviceError::InUse`]), and nothing it sends reaches the device.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows): it
//! goes with the process, so a process that crashed or was killed holds nothing.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use saleguard_chain::signer::DeviceError;

/// Held while this process talks to one device; dropped, the device is free.
#[derive(Debug)]
pub struct ProcessLock {
    /// None when the lock directory could not be used: the device then works, unguarded
    /// against other processes (logged once per request).
    _file: Option<File>,
}

impl ProcessLock {
    /// Takes the lock of the device called `device` (its connection, e.g. `ledger-usb`
    /// or `trezor-emulator-127.0.0.1-21324`), or says which process holds it.
    pub fn take(device: &str) -> Result<Self, DeviceError> {
        Self::take_in(&lock_directory(), device)
    }

    /// As [`ProcessLock::take`], with the lock files in `directory`.
    pub fn take_in(directory: &Path, device: &str) -> Result<Self, DeviceError> {
        let name = file_name(device);
        let path = directory.join(format!("{name}.lock"));
        // The holder's id beside the lock: on Windows a locked file cannot be read.
        let pid_path = directory.join(format!("{name}.pid"));
        let file = match open(directory, &path) {
            Ok(file) => file,
            Err(error) => {
                tracing::warn!(%error, path = %path.display(), "the device lock file cannot be used: other Saleguard processes are not kept off the device");
                return Ok(Self { _file: None });
            }
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(DeviceError::InUse(holder_of(&pid_path)));
            }
            Err(TryLockError::Error(error)) => {
                tracing::warn!(%error, "the device lock cannot be taken: other Saleguard processes are not kept off the device");
                return Ok(Self { _file: None });
            }
        }
        if let Err(error) = std::fs::write(&pid_path, std::process::id().to_string()) {
            tracing::warn!(%error, "the process id could not be written to the device lock");
        }
        Ok(Self { _file: Some(file) })
    }
}

/// The user's cache directory (`~/.cache`, `~/Library/Caches`, `%LOCALAPPDATA%`), else the
/// temporary directory: `…/saleguard/devices`. Per user, so one user cannot block
/// another's device; the same for the app and the CLI whatever else their environments
/// hold (a runtime directory is not set under `sudo` or cron).
pub fn lock_directory() -> PathBuf {
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("saleguard")
        .join("devices")
}

/// A device's name as a file name: letters, digits, `.` and `-` kept, anything else `-`.
fn file_name(device: &str) -> String {
    device
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Opens (creating) the lock file; it holds nothing, the lock on it is what counts.
fn open(directory: &Path, path: &Path) -> std::io::Result<File> {
    std::fs::create_dir_all(directory)?;
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// The process id the holder wrote beside the lock, if it has yet.
fn holder_of(path: &Path) -> Option<u32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_who_has_the_device_until_it_is_let_go() {
        let directory = tempfile::tempdir().expect("temp dir");
        let held =
            ProcessLock::take_in(directory.path(), "ledger-emulator-127.0.0.1:9999").expect("free");
        assert_eq!(
            ProcessLock::take_in(directory.path(), "ledger-emulator-127.0.0.1:9999").err(),
            Some(DeviceError::InUse(Some(std::process::id())))
        );
        assert!(
            ProcessLock::take_in(directory.path(), "trezor-usb").is_ok(),
            "another device is another lock"
        );
        drop(held);
        assert!(ProcessLock::take_in(directory.path(), "ledger-emulator-127.0.0.1:9999").is_ok());
    }

    #[test]
    fn device_names_become_plain_file_names() {
        assert_eq!(
            file_name("ledger-emulator-127.0.0.1:9999"),
            "ledger-emulator-127.0.0.1-9999"
        );
        assert_eq!(file_name("../../etc/passwd"), "..-..-etc-passwd");
    }

    #[test]
    fn an_unusable_lock_directory_leaves_the_device_usable() {
        let directory = tempfile::tempdir().expect("temp dir");
        let not_a_directory = directory.path().join("file");
        std::fs::write(&not_a_directory, "").expect("written");
        assert!(ProcessLock::take_in(&not_a_directory, "ledger-usb").is_ok());
    }
}
