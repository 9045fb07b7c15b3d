//! `saleguard account …`: secrets are read from standard input or a hidden prompt,
//! never from arguments or the environment, and held in memory that is wiped on drop.

use std::io::{BufRead, IsTerminal, Write};

use saleguard_app::accounts::dto::{
    AddWatchOnly, ConfirmNewAccount, ImportMnemonic, ImportPrivateKey, WordAnswer,
};
use saleguard_app::{AppError, ErrorCode, Saleguard};
use zeroize::Zeroizing;

use crate::args::{AccountCommand, AccountRef};
use crate::output::Output;

pub fn run(app: &Saleguard, command: AccountCommand, output: &Output) -> Result<(), AppError> {
    match command {
        AccountCommand::New { label } => {
            let new = app.begin_new_account()?;
            output.new_phrase(&new);
            let mut answers = Vec::with_capacity(new.challenge.len());
            for position in &new.challenge {
                let word = read_line(&format!("Word #{position} of your recovery phrase: "))?;
                answers.push(WordAnswer {
                    position: *position,
                    word: word.trim().to_owned(),
                });
            }
            let input = ConfirmNewAccount {
                pending_id: new.pending_id.clone(),
                label,
                answers,
            };
            output.account(&app.confirm_new_account(&input)?, "Created");
        }
        AccountCommand::Import {
            label,
            source,
            path,
            with_passphrase,
        } => {
            let account = if source.mnemonic {
                let phrase = read_secret("Recovery phrase (hidden): ")?;
                let passphrase = if with_passphrase {
                    read_secret("BIP-39 passphrase (hidden): ")?
                } else {
                    Zeroizing::new(String::new())
                };
                app.import_mnemonic_account(&ImportMnemonic {
                    label,
                    phrase: phrase.to_string(),
                    passphrase: passphrase.to_string(),
                    derivation_path: path,
                })?
            } else if source.private_key {
                let key = read_secret("Private key (hidden): ")?;
                app.import_private_key_account(&ImportPrivateKey {
                    label,
                    private_key: key.to_string(),
                })?
            } else {
                let address = source.watch.unwrap_or_default();
                app.add_watch_only_account(&AddWatchOnly { label, address })?
            };
            output.account(&account, "Imported");
        }
        AccountCommand::List => output.accounts(&app.list_accounts()?),
        AccountCommand::Show { account } => {
            output.account(&app.account(resolve(app, &account)?)?, "");
        }
        AccountCommand::Rename { account, label } => {
            let id = resolve(app, &account)?;
            output.account(&app.rename_account(id, &label)?, "Renamed");
        }
        AccountCommand::Rm { account, confirm } => {
            let account = app.account(resolve(app, &account)?)?;
            let confirmation = confirmation(confirm, &account.label, "remove")?;
            app.remove_account(account.id, &confirmation)?;
            output.account_removed(&account);
        }
        AccountCommand::Reveal { account, confirm } => {
            let account = app.account(resolve(app, &account)?)?;
            let confirmation = confirmation(confirm, &account.label, "reveal the secret of")?;
            output.revealed(&app.reveal_account_secret(account.id, &confirmation)?);
        }
        AccountCommand::Derive { account, label } => {
            let id = resolve(app, &account)?;
            output.account(&app.derive_next_account(id, label.as_deref())?, "Derived");
        }
    }
    Ok(())
}

/// The id of an account named by id or by address.
fn resolve(app: &Saleguard, account: &AccountRef) -> Result<i64, AppError> {
    match account {
        AccountRef::Id(id) => Ok(*id),
        AccountRef::Address(text) => app
            .list_accounts()?
            .into_iter()
            .find(|a| a.address.eq_ignore_ascii_case(text.trim()))
            .map(|a| a.id)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::AccountNotFound,
                    format!("no account has the address {text}"),
                )
            }),
    }
}

/// The typed confirmation: from `--confirm`, or asked on the terminal.
fn confirmation(given: Option<String>, label: &str, action: &str) -> Result<String, AppError> {
    if let Some(given) = given {
        return Ok(given);
    }
    if !std::io::stdin().is_terminal() {
        return Err(AppError::new(
            ErrorCode::ConfirmationRequired,
            format!(
                "to {action} this account, pass --confirm followed by its name, \u{201c}{label}\u{201d}"
            ),
        ));
    }
    read_line(&format!(
        "Type the account's name, \u{201c}{label}\u{201d}, to {action} it: "
    ))
    .map(|answer| answer.trim().to_owned())
}

/// A secret from a hidden terminal prompt, or one line of standard input.
pub(crate) fn read_secret(prompt: &str) -> Result<Zeroizing<String>, AppError> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(|error| {
                AppError::new(
                    ErrorCode::InvalidArguments,
                    format!("could not read from the terminal: {error}"),
                )
            });
    }
    read_line("")
}

/// One line of standard input (without its line break), after a prompt on standard
/// error when it is a terminal. Read into wiped memory: the line may be a secret.
fn read_line(prompt: &str) -> Result<Zeroizing<String>, AppError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() && !prompt.is_empty() {
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
    }
    let mut line = Zeroizing::new(String::with_capacity(1024));
    match stdin.lock().read_line(&mut line) {
        Ok(0) => Err(AppError::new(
            ErrorCode::InvalidArguments,
            "standard input ended before the expected line",
        )),
        Ok(_) => {
            let kept = line.trim_end_matches(['\r', '\n']).len();
            line.truncate(kept);
            Ok(line)
        }
        Err(error) => Err(AppError::new(
            ErrorCode::InvalidArguments,
            format!("could not read standard input: {error}"),
        )),
    }
}
