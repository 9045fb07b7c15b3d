//! Who signs for an account: the software signer — the account's key read from the OS
//! keyring for one signature and dropped at once — or the hardware wallet holding it.
//! The keyring is asked on a blocking thread (Secret Service may wait on D-Bus, or on
//! the user unlocking it), never on the async runtime's.

use alloy_consensus::TxEip1559;
use saleguard_chain::signer::{Progress, SignError, SignFuture, Signer, SigningState, SoftwareKey};
use saleguard_core::Address;
use saleguard_core::account::{Account, AccountKind, DerivationPath};
use std::sync::{Arc, Mutex};
use zeroize::Zeroizing;

use saleguard_core::account::HardwareWallet;
use saleguard_hardware::{LedgerSigner, TrezorSigner};
use saleguard_vault::{Keyring, KeyringError};

use crate::{AppError, ErrorCode};

/// Signs with the key of a software account, kept in the OS keyring.
#[derive(Debug)]
pub struct KeyringSigner {
    keyring: Arc<Keyring>,
    reference: String,
    path: DerivationPath,
    address: Address,
    /// Why the keyring refused the key, kept for the error's code.
    keyring_error: Mutex<Option<KeyringError>>,
}

impl KeyringSigner {
    /// The signer of `account`; refused for accounts without a key here (watch-only,
    /// and hardware accounts until their devices are supported).
    pub fn for_account(keyring: Arc<Keyring>, account: &Account) -> Result<Self, AppError> {
        let reference = match (&account.kind, &account.secret_reference) {
            (AccountKind::WatchOnly, _) => {
                return Err(AppError::new(
                    ErrorCode::NoSecret,
                    format!(
                        "\"{}\" is watch-only: Saleguard holds no key for it, so it cannot sign",
                        account.label
                    ),
                ));
            }
            (AccountKind::Hardware, _) | (_, None) => {
                return Err(AppError::new(
                    ErrorCode::NoSecret,
                    format!(
                        "\"{}\" has no key in the keyring to sign with",
                        account.label
                    ),
                ));
            }
            (_, Some(reference)) => reference.clone(),
        };
        Ok(Self {
            keyring,
            reference,
            path: account
                .derivation_path
                .clone()
                .unwrap_or_else(DerivationPath::ethereum_first),
            address: account.address,
            keyring_error: Mutex::new(None),
        })
    }

    /// The error of a failed signing: the keyring's own when it refused the key.
    pub fn error_of(&self, error: SignError) -> AppError {
        let keyring = self
            .keyring_error
            .lock()
            .ok()
            .and_then(|mut kept| kept.take());
        match (keyring, error) {
            (Some(keyring), _) => keyring.into(),
            (None, error) => sign_error(error),
        }
    }

    /// Reads the key from the keyring and derives the account's signing key, on a
    /// blocking thread; the secret is dropped there.
    async fn load_key(&self) -> Result<SoftwareKey, SignError> {
        let keyring = Arc::clone(&self.keyring);
        let (reference, path) = (self.reference.clone(), self.path.clone());
        let loaded = tokio::task::spawn_blocking(move || {
            let secret = keyring.load_secret(&reference)?;
            Ok::<_, KeyringError>(
                secret
                    .signer(&path)
                    .map_err(|error| error.to_string())
                    .and_then(|key| {
                        let scalar = Zeroizing::new(key.to_bytes().0);
                        SoftwareKey::from_secret(&scalar).map_err(|error| error.to_string())
                    }),
            )
        })
        .await
        .map_err(|error| SignError::Failed(format!("the keyring's thread failed: {error}")))?;
        let key = match loaded {
            Ok(key) => key.map_err(SignError::KeyUnavailable)?,
            Err(error) => {
                let message = error.to_string();
                if let Ok(mut kept) = self.keyring_error.lock() {
                    *kept = Some(error);
                }
                return Err(SignError::KeyUnavailable(message));
            }
        };
        if key.address() != self.address {
            return Err(SignError::KeyUnavailable(
                "the keyring's key belongs to another address: remove the account and import it again".to_owned(),
            ));
        }
        Ok(key)
    }
}

impl Signer for KeyringSigner {
    fn address(&self) -> Address {
        self.address
    }

    fn sign<'a>(&'a self, tx: &'a TxEip1559, progress: Progress<'a>) -> SignFuture<'a> {
        Box::pin(async move {
            progress(SigningState::LoadingKey);
            let key = self.load_key().await?;
            progress(SigningState::Signing);
            Ok(key.sign(tx))
        })
    }
}

/// A signing that did not happen, as the app's error.
pub(crate) fn sign_error(error: SignError) -> AppError {
    match error {
        SignError::Cancelled => AppError::new(
            ErrorCode::SigningCancelled,
            "signing was cancelled: nothing was sent",
        ),
        SignError::Device(device) => super::devices::signing_device_error(device),
        error => AppError::new(ErrorCode::SigningFailed, error.to_string()),
    }
}

/// The signer of one account, whatever holds its key.
#[derive(Debug)]
pub(crate) enum AccountSigner {
    Keyring(KeyringSigner),
    Ledger(LedgerSigner),
    Trezor(TrezorSigner),
}

impl AccountSigner {
    pub(crate) fn error_of(&self, error: SignError) -> AppError {
        match self {
            Self::Keyring(signer) => signer.error_of(error),
            Self::Ledger(_) | Self::Trezor(_) => sign_error(error),
        }
    }

    /// The hardware wallet that signs, if one does.
    pub(crate) fn wallet(&self) -> Option<HardwareWallet> {
        match self {
            Self::Keyring(_) => None,
            Self::Ledger(_) => Some(HardwareWallet::Ledger),
            Self::Trezor(_) => Some(HardwareWallet::Trezor),
        }
    }
}

impl Signer for AccountSigner {
    fn address(&self) -> Address {
        match self {
            Self::Keyring(signer) => signer.address(),
            Self::Ledger(signer) => signer.address(),
            Self::Trezor(signer) => signer.address(),
        }
    }

    fn sign<'a>(&'a self, tx: &'a TxEip1559, progress: Progress<'a>) -> SignFuture<'a> {
        match self {
            Self::Keyring(signer) => signer.sign(tx, progress),
            Self::Ledger(signer) => signer.sign(tx, progress),
            Self::Trezor(signer) => signer.sign(tx, progress),
        }
    }
}
