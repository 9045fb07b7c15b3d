//! Accounts: software accounts (a new or imported recovery phrase, a private key — the
//! secret in the OS keyring, never in the database), watch-only addresses, and
//! hardware accounts on a Ledger or a Trezor ([`hardware`]). Secret material is
//! handled by the vault; this layer decides what is allowed, keeps the database and
//! the keyring in step, and never lets a secret reach the database, the log or an
//! error.

pub mod dto;
pub mod hardware;

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use saleguard_core::account::{
    Account, AccountId, AccountKind, DerivationPath, DerivationPathError, LabelError, NewAccount,
    parse_label,
};
use saleguard_core::address::{AddressError, checksummed, parse_address};
use saleguard_store::Store;
use saleguard_vault::{
    AccountSecret, MnemonicError, MnemonicOrPassphraseError, NewRecoveryPhrase, PassphraseError,
    PrivateKeyError, SecretString, new_secret_reference,
};

use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// Account changes run one at a time: each checks the database, works with the
/// keyring without holding the database (the keyring may wait for the user), then
/// writes. Reads and every other use case never wait for this.
#[derive(Debug, Default)]
pub(crate) struct AccountChanges(Mutex<()>);

impl Saleguard {
    pub(crate) fn account_changes(&self) -> MutexGuard<'_, ()> {
        self.account_changes
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A generated phrase waiting for its confirmation (at most one at a time).
#[derive(Debug, Default)]
pub(crate) struct PendingPhrase(Mutex<Option<(String, NewRecoveryPhrase)>>);

impl PendingPhrase {
    fn slot(&self) -> MutexGuard<'_, Option<(String, NewRecoveryPhrase)>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Collects field problems so a form can show them all at once.
#[derive(Default)]
pub(crate) struct FieldCheck(Vec<FieldError>);

impl FieldCheck {
    pub(crate) fn check<T>(
        &mut self,
        field: &str,
        result: Result<T, (ErrorCode, String)>,
    ) -> Option<T> {
        result
            .map_err(|(code, message)| {
                self.0.push(FieldError {
                    field: field.to_owned(),
                    code,
                    message,
                })
            })
            .ok()
    }

    pub(crate) fn finish(self) -> Result<(), AppError> {
        AppError::from_fields(self.0).map_or(Ok(()), Err)
    }
}

pub(crate) fn label_problem(error: LabelError) -> (ErrorCode, String) {
    let code = match error {
        LabelError::Empty => ErrorCode::Required,
        LabelError::TooLong(_) => ErrorCode::TooLong,
        LabelError::InvalidText => ErrorCode::InvalidText,
    };
    (code, error.to_string())
}

pub(crate) fn path_problem(error: DerivationPathError) -> (ErrorCode, String) {
    (ErrorCode::InvalidDerivationPath, error.to_string())
}

fn mnemonic_problem(error: MnemonicError) -> (ErrorCode, String) {
    let code = match error {
        MnemonicError::Empty => ErrorCode::Required,
        MnemonicError::WordCount(_) => ErrorCode::MnemonicWordCount,
        MnemonicError::UnknownWord { .. } => ErrorCode::MnemonicUnknownWord,
        MnemonicError::Checksum => ErrorCode::MnemonicChecksum,
    };
    (code, error.to_string())
}

fn private_key_problem(error: PrivateKeyError) -> (ErrorCode, String) {
    let code = match error {
        PrivateKeyError::Empty => ErrorCode::Required,
        PrivateKeyError::Malformed => ErrorCode::InvalidPrivateKey,
        PrivateKeyError::OutOfRange => ErrorCode::PrivateKeyOutOfRange,
    };
    (code, error.to_string())
}

pub(crate) fn address_problem(error: AddressError) -> (ErrorCode, String) {
    let code = match error {
        AddressError::Empty => ErrorCode::Required,
        AddressError::BadChecksum => ErrorCode::BadChecksum,
        AddressError::Malformed | AddressError::Zero => ErrorCode::InvalidAddress,
    };
    (code, error.to_string())
}

fn random_source_failed(error: getrandom::Error) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("the operating system's random source failed: {error}"),
    )
}

/// The id of a generated phrase awaiting confirmation.
fn new_pending_id() -> Result<String, AppError> {
    saleguard_vault::random_id("pending-").map_err(random_source_failed)
}

fn derivation_failed() -> AppError {
    AppError::new(
        ErrorCode::InvalidDerivationPath,
        "no key can be derived at this derivation path",
    )
}

impl Saleguard {
    pub fn list_accounts(&self) -> Result<Vec<dto::Account>, AppError> {
        let (accounts, wallets) = {
            let store = self.store()?;
            (store.accounts()?, store.hardware_wallets()?)
        };
        let mut users: HashMap<&str, usize> = HashMap::new();
        for reference in accounts
            .iter()
            .filter_map(|a| a.secret_reference.as_deref())
        {
            *users.entry(reference).or_default() += 1;
        }
        let others = |account: &Account| {
            account
                .secret_reference
                .as_deref()
                .and_then(|reference| users.get(reference))
                .map_or(0, |count| count.saturating_sub(1))
        };
        Ok(accounts
            .iter()
            .map(|account| {
                dto::Account::new(account, others(account), wallets.get(&account.id).copied())
            })
            .collect())
    }

    pub fn account(&self, id: i64) -> Result<dto::Account, AppError> {
        let store = self.store()?;
        view(&store, &store.account(AccountId(id))?)
    }

    /// Whether secrets can be stored in the OS keyring now.
    pub fn keyring_status(&self) -> dto::KeyringStatus {
        match self.keyring.check_ready() {
            Ok(()) => dto::KeyringStatus {
                available: true,
                code: None,
                message: None,
            },
            Err(error) => {
                let error = AppError::from(error);
                dto::KeyringStatus {
                    available: false,
                    code: Some(error.code),
                    message: Some(error.message),
                }
            }
        }
    }

    /// Generates a 24-word phrase and shows it once. Nothing is stored until
    /// [`Saleguard::confirm_new_account`] gets the challenged words back. Refused while
    /// the keyring cannot take it, so nobody writes down words that cannot be kept.
    pub fn begin_new_account(&self) -> Result<dto::NewMnemonic, AppError> {
        self.keyring.check_writable()?;
        let new = NewRecoveryPhrase::generate().map_err(random_source_failed)?;
        let path = DerivationPath::ethereum_first();
        let address = new.address(&path).map_err(|_| derivation_failed())?;
        let pending_id = new_pending_id()?;
        let reply = dto::NewMnemonic {
            pending_id: pending_id.clone(),
            words: new
                .phrase()
                .words()
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
            address: checksummed(&address),
            derivation_path: path.to_string(),
            challenge: new
                .challenge()
                .iter()
                .map(|p| u32::try_from(*p).unwrap_or(u32::MAX))
                .collect(),
        };
        *self.pending_phrase.slot() = Some((pending_id, new));
        Ok(reply)
    }

    /// Forgets a generated phrase that was not confirmed; unknown ids are ignored.
    pub fn cancel_new_account(&self, pending_id: &str) {
        let mut slot = self.pending_phrase.slot();
        if slot.as_ref().is_some_and(|(id, _)| id == pending_id) {
            *slot = None;
        }
    }

    /// Keeps the generated phrase once the challenged words match. The phrase stays
    /// pending until it is stored, so a refused name or a locked keyring can be fixed
    /// and the same words confirmed again.
    pub fn confirm_new_account(
        &self,
        input: &dto::ConfirmNewAccount,
    ) -> Result<dto::Account, AppError> {
        let _one_change_at_a_time = self.account_changes();
        let mut fields = FieldCheck::default();
        let secret = {
            let slot = self.pending_phrase.slot();
            let Some((_, pending)) = slot.as_ref().filter(|(id, _)| *id == input.pending_id) else {
                return Err(AppError::new(
                    ErrorCode::PendingMnemonicExpired,
                    "this recovery phrase is no longer waiting for confirmation; start again to get a new one",
                ));
            };
            let answers: Vec<(usize, SecretString)> = input
                .answers
                .iter()
                .map(|answer| {
                    (
                        usize::try_from(answer.position).unwrap_or(usize::MAX),
                        SecretString::from(answer.word.as_str()),
                    )
                })
                .collect();
            if let Err(wrong) = pending.check(&answers) {
                let positions: Vec<String> = wrong.iter().map(ToString::to_string).collect();
                let message = match positions.as_slice() {
                    [one] => format!("word {one} does not match the recovery phrase"),
                    [first @ .., last] => format!(
                        "words {} and {last} do not match the recovery phrase",
                        first.join(", ")
                    ),
                    [] => "the words do not match the recovery phrase".to_owned(),
                };
                fields.0.push(FieldError {
                    field: "answers".to_owned(),
                    code: ErrorCode::MnemonicConfirmationMismatch,
                    message: format!("{message}: check what you wrote down"),
                });
            }
            let label = fields.check("label", parse_label(&input.label).map_err(label_problem));
            fields.finish()?;
            let secret = AccountSecret::Mnemonic {
                phrase: pending.phrase().duplicate(),
                passphrase: SecretString::from(""),
            };
            (secret, label)
        };
        let (secret, label) = secret;
        let label = label.ok_or_else(|| AppError::new(ErrorCode::Internal, "label missing"))?;
        let account = self.add_software_account(
            label,
            AccountKind::GeneratedMnemonic,
            Some(DerivationPath::ethereum_first()),
            &secret,
            "answers",
        )?;
        self.cancel_new_account(&input.pending_id);
        Ok(account)
    }

    pub fn import_mnemonic_account(
        &self,
        input: &dto::ImportMnemonic,
    ) -> Result<dto::Account, AppError> {
        // Checked in the form's order, so the first problem is the first field shown.
        let mut fields = FieldCheck::default();
        let secret = AccountSecret::mnemonic(
            &SecretString::from(input.phrase.as_str()),
            SecretString::from(input.passphrase.as_str()),
        );
        let secret = match secret {
            Ok(secret) => Some(secret),
            Err(MnemonicOrPassphraseError::Mnemonic(error)) => {
                fields.check::<()>("phrase", Err(mnemonic_problem(error)));
                None
            }
            Err(MnemonicOrPassphraseError::Passphrase(error @ PassphraseError::TooLong)) => {
                fields.check::<()>("passphrase", Err((ErrorCode::TooLong, error.to_string())));
                None
            }
        };
        let path = fields.check(
            "derivationPath",
            DerivationPath::parse(&input.derivation_path).map_err(path_problem),
        );
        let label = fields.check("label", parse_label(&input.label).map_err(label_problem));
        fields.finish()?;
        let (Some(label), Some(secret), Some(path)) = (label, secret, path) else {
            return Err(AppError::new(ErrorCode::Internal, "input checks disagree"));
        };
        let _one_change_at_a_time = self.account_changes();
        self.add_software_account(
            label,
            AccountKind::ImportedMnemonic,
            Some(path),
            &secret,
            "phrase",
        )
    }

    pub fn import_private_key_account(
        &self,
        input: &dto::ImportPrivateKey,
    ) -> Result<dto::Account, AppError> {
        let mut fields = FieldCheck::default();
        let secret = fields.check(
            "privateKey",
            AccountSecret::private_key(&SecretString::from(input.private_key.as_str()))
                .map_err(private_key_problem),
        );
        let label = fields.check("label", parse_label(&input.label).map_err(label_problem));
        fields.finish()?;
        let (Some(label), Some(secret)) = (label, secret) else {
            return Err(AppError::new(ErrorCode::Internal, "input checks disagree"));
        };
        let _one_change_at_a_time = self.account_changes();
        self.add_software_account(label, AccountKind::PrivateKey, None, &secret, "privateKey")
    }

    pub fn add_watch_only_account(
        &self,
        input: &dto::AddWatchOnly,
    ) -> Result<dto::Account, AppError> {
        let mut fields = FieldCheck::default();
        let address = fields.check(
            "address",
            parse_address(&input.address).map_err(address_problem),
        );
        let label = fields.check("label", parse_label(&input.label).map_err(label_problem));
        fields.finish()?;
        let (Some(label), Some(address)) = (label, address) else {
            return Err(AppError::new(ErrorCode::Internal, "input checks disagree"));
        };
        let _one_change_at_a_time = self.account_changes();
        let mut store = self.store()?;
        refuse_duplicates(&store, &label, &address, "address")?;
        let account = store.insert_account(
            &NewAccount {
                label,
                kind: AccountKind::WatchOnly,
                address,
                derivation_path: None,
                secret_reference: None,
            },
            self.clock.now(),
        )?;
        tracing::info!(id = account.id.0, "watch-only account added");
        view(&store, &account)
    }

    /// Adds the next address of a recovery phrase: the lowest index after this
    /// account's whose address is not an account yet.
    pub fn derive_next_account(
        &self,
        id: i64,
        label: Option<&str>,
    ) -> Result<dto::Account, AppError> {
        let _one_change_at_a_time = self.account_changes();
        let source = self.store()?.account(AccountId(id))?;
        let (Some(path), Some(reference)) = (
            source
                .derivation_path
                .as_ref()
                .filter(|_| source.kind.can_derive()),
            source.secret_reference.as_deref(),
        ) else {
            return Err(AppError::new(
                ErrorCode::NotDerivable,
                "only accounts from a recovery phrase can derive further addresses",
            ));
        };
        let label = label
            .filter(|text| !text.trim().is_empty())
            .map(|text| {
                parse_label(text)
                    .map_err(label_problem)
                    .map_err(|(code, message)| AppError::at_field("label", code, message))
            })
            .transpose()?;
        // The keyring may prompt (to unlock): the database is not held meanwhile.
        let secret = self.keyring.load_secret(reference)?;
        let mut store = self.store()?;
        let exhausted = |error: DerivationPathError| {
            AppError::new(ErrorCode::InvalidDerivationPath, error.to_string())
        };
        let mut next = path.next().map_err(exhausted)?;
        let mut address = secret.address(&next).map_err(|_| derivation_failed())?;
        while store.account_with_address(&address)?.is_some() {
            next = next.next().map_err(exhausted)?;
            address = secret.address(&next).map_err(|_| derivation_failed())?;
        }
        let label = match label {
            Some(label) => label,
            None => default_derived_label(&store, &source, &next)?,
        };
        refuse_duplicates(&store, &label, &address, "label")?;
        let account = store.insert_account(
            &NewAccount {
                label,
                kind: source.kind,
                address,
                derivation_path: Some(next),
                secret_reference: Some(reference.to_owned()),
            },
            self.clock.now(),
        )?;
        tracing::info!(id = account.id.0, from = id, "account derived");
        view(&store, &account)
    }

    pub fn rename_account(&self, id: i64, label: &str) -> Result<dto::Account, AppError> {
        let label = parse_label(label)
            .map_err(label_problem)
            .map_err(|(code, message)| AppError::at_field("label", code, message))?;
        let _one_change_at_a_time = self.account_changes();
        let mut store = self.store()?;
        if let Some(other) = store.account_with_label(&label)?
            && other.id.0 != id
        {
            return Err(label_taken(&other));
        }
        let account = store.rename_account(AccountId(id), &label, self.clock.now())?;
        tracing::info!(id, "account renamed");
        view(&store, &account)
    }

    /// Removes an account once `confirmation` repeats its label. When no other account
    /// shares its secret, the keyring entry is deleted first: if the keyring refuses,
    /// nothing is removed. (Should the row then fail to go, the account stays without
    /// its secret, which a second removal clears: a missing entry counts as deleted.)
    pub fn remove_account(&self, id: i64, confirmation: &str) -> Result<(), AppError> {
        let _one_change_at_a_time = self.account_changes();
        let (account, last_user_of_secret) = {
            let store = self.store()?;
            let account = store.account(AccountId(id))?;
            let last = match account.secret_reference.as_deref() {
                Some(reference) => store.accounts_sharing_secret(reference)?.len() == 1,
                None => false,
            };
            (account, last)
        };
        check_confirmation(&account, confirmation)?;
        if let Some(reference) = account.secret_reference.as_deref()
            && last_user_of_secret
        {
            self.keyring.delete_secret(reference)?;
        }
        self.store()?.delete_account(account.id)?;
        tracing::info!(
            id,
            keyring_entry_deleted = last_user_of_secret,
            "account removed"
        );
        Ok(())
    }

    /// The account's secret, once `confirmation` repeats its label.
    pub fn reveal_account_secret(
        &self,
        id: i64,
        confirmation: &str,
    ) -> Result<dto::RevealedSecret, AppError> {
        let account = self.store()?.account(AccountId(id))?;
        check_confirmation(&account, confirmation)?;
        let Some(reference) = account.secret_reference.as_deref() else {
            return Err(AppError::new(
                ErrorCode::NoSecret,
                "this account has no secret in Saleguard (it is watch-only or on a hardware wallet)",
            ));
        };
        let secret = self.keyring.load_secret(reference)?;
        tracing::info!(id, "secret revealed at the user's request");
        Ok(match &secret {
            AccountSecret::Mnemonic { phrase, passphrase } => dto::RevealedSecret::Mnemonic {
                words: phrase.words().iter().map(|w| (*w).to_owned()).collect(),
                has_passphrase: !passphrase.expose().is_empty(),
                derivation_path: account
                    .derivation_path
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            },
            AccountSecret::PrivateKey(signer) => dto::RevealedSecret::PrivateKey {
                private_key: AccountSecret::private_key_hex(signer).expose().clone(),
            },
        })
    }

    /// Stores `secret` in the keyring, then records the account; if recording fails the
    /// keyring entry is removed again, so neither half is left behind. The database is
    /// not held while the keyring works (it may be waiting for the user to unlock it).
    /// Callers hold [`Saleguard::account_changes`].
    fn add_software_account(
        &self,
        label: String,
        kind: AccountKind,
        derivation_path: Option<DerivationPath>,
        secret: &AccountSecret,
        secret_field: &str,
    ) -> Result<dto::Account, AppError> {
        let at = derivation_path
            .clone()
            .unwrap_or_else(DerivationPath::ethereum_first);
        let address = secret.address(&at).map_err(|_| derivation_failed())?;
        refuse_duplicates(&*self.store()?, &label, &address, secret_field)?;
        let reference = new_secret_reference().map_err(random_source_failed)?;
        self.keyring.store_secret(&reference, &label, secret)?;
        let recorded = self.store().and_then(|mut store| {
            let account = store.insert_account(
                &NewAccount {
                    label,
                    kind,
                    address,
                    derivation_path,
                    secret_reference: Some(reference.clone()),
                },
                self.clock.now(),
            )?;
            view(&store, &account)
        });
        match recorded {
            Ok(account) => {
                tracing::info!(id = account.id, kind = kind.as_str(), "account added");
                Ok(account)
            }
            Err(error) => {
                if let Err(cleanup) = self.keyring.delete_secret(&reference) {
                    tracing::error!(
                        ?cleanup,
                        "a keyring entry of a failed import could not be removed"
                    );
                }
                Err(error)
            }
        }
    }
}

/// The view of an account, with how many others share its secret.
pub(crate) fn view(store: &Store, account: &Account) -> Result<dto::Account, AppError> {
    let others = match account.secret_reference.as_deref() {
        Some(reference) => store
            .accounts_sharing_secret(reference)?
            .len()
            .saturating_sub(1),
        None => 0,
    };
    let wallet = store.hardware_wallet(account.id)?;
    Ok(dto::Account::new(account, others, wallet))
}

pub(crate) fn refuse_duplicates(
    store: &Store,
    label: &str,
    address: &saleguard_core::Address,
    address_field: &str,
) -> Result<(), AppError> {
    if let Some(existing) = store.account_with_address(address)? {
        let kind = existing.kind;
        return Err(AppError::at_field(
            address_field,
            ErrorCode::AccountExists,
            format!(
                "{} is already in Saleguard as \u{201c}{}\u{201d} ({}); remove that account first to add it again",
                checksummed(address),
                existing.label,
                kind_words(kind)
            ),
        ));
    }
    if let Some(existing) = store.account_with_label(label)? {
        return Err(label_taken(&existing));
    }
    Ok(())
}

fn label_taken(existing: &Account) -> AppError {
    AppError::at_field(
        "label",
        ErrorCode::LabelTaken,
        format!(
            "another account is already called \u{201c}{}\u{201d}: choose a different name",
            existing.label
        ),
    )
}

fn kind_words(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::GeneratedMnemonic | AccountKind::ImportedMnemonic => "from a recovery phrase",
        AccountKind::PrivateKey => "private key",
        AccountKind::WatchOnly => "watch-only",
        AccountKind::Hardware => "hardware wallet",
    }
}

fn check_confirmation(account: &Account, confirmation: &str) -> Result<(), AppError> {
    if confirmation.trim() == account.label {
        Ok(())
    } else {
        Err(AppError::at_field(
            "confirmation",
            ErrorCode::ConfirmationMismatch,
            format!(
                "type the account's name, \u{201c}{}\u{201d}, to confirm",
                account.label
            ),
        ))
    }
}

/// "Main · 1" for the address at index 1 of "Main"'s phrase, kept unique and short.
fn default_derived_label(
    store: &Store,
    source: &Account,
    path: &DerivationPath,
) -> Result<String, AppError> {
    let index = path
        .components()
        .last()
        .map_or(0, |c| c & !saleguard_core::account::HARDENED);
    let base: String = source
        .label
        .split(" \u{b7} ")
        .next()
        .unwrap_or(&source.label)
        .chars()
        .take(48)
        .collect();
    let mut label = format!("{base} \u{b7} {index}");
    let mut attempt = 2;
    while store.account_with_label(&label)?.is_some() {
        label = format!("{base} \u{b7} {index} ({attempt})");
        attempt += 1;
    }
    Ok(label)
}
