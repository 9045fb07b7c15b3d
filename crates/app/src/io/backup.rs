//! Encrypted backups: the JSON export (every piece of data except secrets, which live in
//! the OS keyring) encrypted with a passphrase in the age format (scrypt), ASCII-armored.
//! A restore decrypts and checks the whole file before anything is written, and restores
//! into an empty data folder only, as an import does.

use std::io::{Read as _, Write as _};
use std::path::Path;

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::chosen::{FileToSave, downloads_folder};
use super::export::{ImportSummary, document_of};
use super::files::{persist_new, write_replacing, written_file};
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// Without a backup for this long (and with data to lose), the app reminds the user.
pub const BACKUP_REMINDER_DAYS: u32 = 30;
/// The shortest passphrase a backup is made with.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// The first line of every backup file.
pub const BACKUP_FIRST_LINE: &str = "-----BEGIN AGE ENCRYPTED FILE-----";

/// A backup's passphrase as typed: wiped from memory when dropped, never printed.
#[derive(Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct BackupPassphrase {
    pub passphrase: String,
}

impl std::fmt::Debug for BackupPassphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BackupPassphrase(<redacted>)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    pub path: String,
    pub bytes: u32,
    /// RFC 3339, UTC.
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// When the last backup was made (RFC 3339), if ever.
    pub last_backup_at: Option<String>,
    /// Time for a backup: there is data and none was made in `reminderDays` days.
    pub due: bool,
    pub reminder_days: u32,
}

fn passphrase_checked(passphrase: &str) -> Result<SecretString, AppError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(AppError::refused(vec![FieldError {
            field: "passphrase".to_owned(),
            code: ErrorCode::WeakPassphrase,
            message: format!(
                "at least {MIN_PASSPHRASE_CHARS} characters: a few unrelated words are easy to remember and hard to guess"
            ),
        }]));
    }
    Ok(SecretString::from(passphrase.to_owned()))
}

fn damaged(detail: &str) -> AppError {
    AppError::new(
        ErrorCode::BackupDamaged,
        format!("this is not a whole Saleguard backup ({detail}): nothing was restored"),
    )
}

/// The backup's plaintext: the export document, decrypted and checked to be text.
fn decrypted(contents: &[u8], passphrase: &str) -> Result<Zeroizing<String>, AppError> {
    let reader = age::armor::ArmoredReader::new(contents);
    let decryptor = age::Decryptor::new(reader).map_err(|error| damaged(&error.to_string()))?;
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let mut plain = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|error| match error {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                AppError::new(
                    ErrorCode::WrongPassphrase,
                    "the passphrase does not open this backup (or the file was changed): nothing was restored",
                )
            }
            other => damaged(&other.to_string()),
        })?;
    let mut bytes = Zeroizing::new(Vec::new());
    plain
        .read_to_end(&mut bytes)
        .map_err(|error| damaged(&format!("cut short or changed: {error}")))?;
    String::from_utf8(bytes.to_vec())
        .map(Zeroizing::new)
        .map_err(|_| damaged("its content is not a Saleguard export"))
}

impl Saleguard {
    /// The encrypted backup's bytes (ASCII-armored age), and records when it was made.
    fn backup_bytes(&self, passphrase: &str) -> Result<Vec<u8>, AppError> {
        let secret = passphrase_checked(passphrase)?;
        let document = Zeroizing::new(document_of(&self.store()?.export_rows()?));
        let failed = |error: &dyn std::fmt::Display| {
            AppError::new(
                ErrorCode::Internal,
                format!("the backup could not be encrypted: {error}"),
            )
        };
        let encryptor = age::Encryptor::with_user_passphrase(secret);
        let mut armored = Vec::new();
        {
            let output = age::armor::ArmoredWriter::wrap_output(
                &mut armored,
                age::armor::Format::AsciiArmor,
            )
            .map_err(|e| failed(&e))?;
            let mut writer = encryptor.wrap_output(output).map_err(|e| failed(&e))?;
            writer
                .write_all(document.as_bytes())
                .map_err(|e| failed(&e))?;
            writer
                .finish()
                .and_then(age::armor::ArmoredWriter::finish)
                .map_err(|e| failed(&e))?;
        }
        Ok(armored)
    }

    fn backed_up(&self, path: &Path, bytes: usize) -> Result<BackupSummary, AppError> {
        let now = self.clock.now();
        self.store()?.set_last_backup_at(now)?;
        tracing::info!(bytes, "encrypted backup written");
        Ok(BackupSummary {
            path: path.display().to_string(),
            bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
            created_at: now.to_rfc3339(),
        })
    }

    /// Writes an encrypted backup to `path`, replacing it.
    pub fn create_backup_to(
        &self,
        path: &Path,
        passphrase: &str,
    ) -> Result<BackupSummary, AppError> {
        let bytes = self.backup_bytes(passphrase)?;
        write_replacing(path, &bytes)?;
        self.backed_up(path, bytes.len())
    }

    /// Writes an encrypted backup into the Downloads folder as
    /// `saleguard-backup-YYYY-MM-DD.age`, never over an existing file.
    pub fn create_backup(&self, passphrase: &str) -> Result<BackupSummary, AppError> {
        let folder = downloads_folder("use `saleguard backup create --output FILE`")?;
        self.create_backup_in(&folder, passphrase)
    }

    /// Writes an encrypted backup into `folder`, never over an existing file.
    pub fn create_backup_in(
        &self,
        folder: &Path,
        passphrase: &str,
    ) -> Result<BackupSummary, AppError> {
        let bytes = self.backup_bytes(passphrase)?;
        let day = &self.clock.now().to_rfc3339()[..10];
        let path = persist_new(
            written_file(folder, &bytes)?,
            folder,
            &FileToSave::Backup.stem_on(day),
            FileToSave::Backup.extension(),
        )?;
        self.backed_up(&path, bytes.len())
    }

    /// Restores a backup into this (empty) data folder: decrypted and checked whole
    /// before anything is written; a wrong passphrase, a cut or changed file, or a
    /// folder that already holds data changes nothing.
    pub fn restore_backup(
        &self,
        contents: &[u8],
        passphrase: &str,
    ) -> Result<ImportSummary, AppError> {
        let document = decrypted(contents, passphrase)?;
        let summary = self.import_json(&document)?;
        tracing::info!("backup restored");
        Ok(summary)
    }

    /// When the last backup was made, and whether it is time for one.
    pub fn backup_status(&self) -> Result<BackupStatus, AppError> {
        let store = self.store()?;
        let last = store.last_backup_at()?;
        let now = self.clock.now();
        let due = match last {
            Some(at) => {
                now.unix_seconds() - at.unix_seconds() > i64::from(BACKUP_REMINDER_DAYS) * 86_400
            }
            None => store.holds_data()?,
        };
        Ok(BackupStatus {
            last_backup_at: last.map(|at| at.to_rfc3339()),
            due,
            reminder_days: BACKUP_REMINDER_DAYS,
        })
    }
}
