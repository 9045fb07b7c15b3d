//! `saleguard backup create|restore|status`.

use std::io::IsTerminal as _;

use saleguard_app::io::backup::{BackupStatus, BackupSummary};
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::accounts::read_secret;
use crate::args::BackupCommand;
use crate::out;
use crate::output::{Output, print_json};

pub fn run(app: &Saleguard, command: BackupCommand, output: &Output) -> Result<(), AppError> {
    match command {
        BackupCommand::Create { output: file } => {
            let passphrase = read_secret("Passphrase for the backup: ")?;
            if std::io::stdin().is_terminal() {
                let again = read_secret("The same passphrase again: ")?;
                if *again != *passphrase {
                    return Err(AppError::new(
                        ErrorCode::ConfirmationMismatch,
                        "the two passphrases differ: nothing was written",
                    ));
                }
            }
            let summary = match file {
                Some(path) => app.create_backup_to(&path, &passphrase)?,
                None => app.create_backup(&passphrase)?,
            };
            output.backup_created(&summary);
        }
        BackupCommand::Restore { file } => {
            let contents = std::fs::read(&file).map_err(|error| {
                AppError::new(
                    ErrorCode::FileUnreadable,
                    format!("{} could not be read: {error}", file.display()),
                )
            })?;
            let passphrase = read_secret("Passphrase of the backup: ")?;
            output.imported(&app.restore_backup(&contents, &passphrase)?);
        }
        BackupCommand::Status => output.backup_status(&app.backup_status()?),
    }
    Ok(())
}

impl Output {
    pub fn backup_created(&self, summary: &BackupSummary) {
        if self.json {
            return print_json(summary);
        }
        out!(
            "Encrypted backup written to {} ({} bytes).",
            summary.path,
            summary.bytes
        );
        out!("Keep the passphrase apart from the file: without it the backup cannot be opened.");
    }

    pub fn backup_status(&self, status: &BackupStatus) {
        if self.json {
            return print_json(status);
        }
        match &status.last_backup_at {
            Some(at) => out!("Last backup: {at}"),
            None => out!("No backup yet."),
        }
        if status.due {
            out!(
                "Time for a backup (none in the last {} days): saleguard backup create",
                status.reminder_days
            );
        }
    }
}
