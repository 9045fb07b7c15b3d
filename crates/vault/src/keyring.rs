//! The operating system's keyring: Secret Service on Linux, the Keychain on macOS,
//! Credential Manager on Windows. Secrets go here and nowhere else; when the keyring
//! cannot be used the operation fails with a [`KeyringError`] and nothing is stored
//! anywhere else instead.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry};

use crate::key::{AccountSecret, encoding};
use crate::secret::Secret;

/// Which set of keyring entries a build reads and writes. Debug builds and tests use
/// their own service name, so they never touch the entries of an installed release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyringNamespace {
    service: String,
}

impl KeyringNamespace {
    /// The service name of installed (release) builds.
    pub const RELEASE: &str = "com.saleguard.desktop";
    /// The service name of debug builds and tests.
    pub const DEVELOPMENT: &str = "com.saleguard.desktop.development";

    /// The namespace of the running build's flavour.
    pub fn for_this_build() -> Self {
        let service = if cfg!(debug_assertions) {
            Self::DEVELOPMENT
        } else {
            Self::RELEASE
        };
        Self {
            service: service.to_owned(),
        }
    }

    pub fn service(&self) -> &str {
        &self.service
    }
}

/// Why the keyring could not be used. Each has its own guidance for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    /// The keyring exists but is locked (e.g. the login keyring after an auto-login).
    #[error(
        "Your keyring is locked. Unlock your login keyring (for example in Passwords and Keys, or by logging in again) and try again."
    )]
    Locked,
    /// No keyring service could be reached (on Linux: no Secret Service on the session bus).
    #[error(
        "No keyring is available. On Linux, Saleguard needs a Secret Service provider such as GNOME Keyring or KWallet running in your session. Nothing was stored."
    )]
    Unavailable { detail: String },
    /// The user or the system refused access (a dismissed unlock prompt, a denied Keychain request).
    #[error(
        "Access to the keyring was refused. Approve Saleguard's request when your system asks, and try again."
    )]
    AccessDenied,
    /// The entry Saleguard stored is gone (deleted outside Saleguard).
    #[error(
        "The keyring no longer has this account's secret; it was removed outside Saleguard. If you have the recovery phrase or key, remove this account and import it again."
    )]
    EntryMissing,
    /// The entry is there but cannot be read as a secret of this version.
    #[error(
        "The keyring entry for this account is damaged or was changed outside Saleguard, so it cannot be used."
    )]
    EntryUnreadable,
    /// Anything else the platform reported.
    #[error("The keyring reported an error: {detail}")]
    Failure { detail: String },
}

/// A handle on the OS keyring. Connecting is lazy and retried on each use, so the rest
/// of the app works without a keyring and starts using one as soon as it appears.
pub struct Keyring {
    namespace: KeyringNamespace,
    store: Mutex<Option<Arc<CredentialStore>>>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("namespace", &self.namespace)
            .finish_non_exhaustive()
    }
}

/// The keyring entry name of one secret: public, random, kept in the database.
pub fn new_secret_reference() -> Result<String, KeyringError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| KeyringError::Failure {
        detail: format!("no random source: {error}"),
    })?;
    Ok(format!(
        "account-secret-{}",
        alloy_primitives::hex::encode(bytes)
    ))
}

impl Keyring {
    pub fn new(namespace: KeyringNamespace) -> Self {
        Self {
            namespace,
            store: Mutex::new(None),
        }
    }

    pub fn namespace(&self) -> &KeyringNamespace {
        &self.namespace
    }

    /// Whether the keyring service can be reached now (it may still be locked).
    pub fn check_available(&self) -> Result<(), KeyringError> {
        self.store().map(|_| ())
    }

    /// Stores a secret under `reference`, labelled for people browsing their keyring.
    pub fn store_secret(
        &self,
        reference: &str,
        label: &str,
        secret: &AccountSecret,
    ) -> Result<(), KeyringError> {
        let entry = self.entry(reference, Some(label))?;
        let bytes = encoding::encode(secret);
        entry.set_secret(bytes.expose()).map_err(classify)
    }

    /// Reads the secret stored under `reference`.
    pub fn load_secret(&self, reference: &str) -> Result<AccountSecret, KeyringError> {
        let entry = self.entry(reference, None)?;
        let bytes = Secret::new(entry.get_secret().map_err(classify)?);
        encoding::decode(&bytes).map_err(|_| KeyringError::EntryUnreadable)
    }

    /// Deletes the secret under `reference`; an entry already gone counts as deleted.
    pub fn delete_secret(&self, reference: &str) -> Result<(), KeyringError> {
        let entry = self.entry(reference, None)?;
        match entry.delete_credential().map_err(classify) {
            Ok(()) | Err(KeyringError::EntryMissing) => Ok(()),
            Err(error) => Err(error),
        }
    }

    fn entry(&self, reference: &str, label: Option<&str>) -> Result<Entry, KeyringError> {
        let store = self.store()?;
        let label = label.map(|label| format!("Saleguard: {label}"));
        let modifiers: HashMap<&str, &str> = label
            .as_deref()
            .filter(|_| cfg!(target_os = "linux"))
            .map(|label| HashMap::from([("label", label)]))
            .unwrap_or_default();
        Entry::new_in_store_with_modifiers(&store, self.namespace.service(), reference, &modifiers)
            .map_err(classify)
    }

    fn store(&self) -> Result<Arc<CredentialStore>, KeyringError> {
        let mut cached = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(store) = cached.as_ref() {
            return Ok(store.clone());
        }
        let store = platform::connect()?;
        *cached = Some(store.clone());
        Ok(store)
    }
}

/// Sorts a platform error into the cases the user can act on.
fn classify(error: keyring_core::Error) -> KeyringError {
    match error {
        keyring_core::Error::NoEntry => KeyringError::EntryMissing,
        keyring_core::Error::NoStorageAccess(cause) => platform::no_access(cause.as_ref()),
        keyring_core::Error::BadEncoding(_) | keyring_core::Error::BadDataFormat(_, _) => {
            KeyringError::EntryUnreadable
        }
        keyring_core::Error::NoDefaultStore => KeyringError::Unavailable {
            detail: "no keyring store".to_owned(),
        },
        keyring_core::Error::PlatformFailure(cause) => platform::failure(cause.as_ref()),
        other => KeyringError::Failure {
            detail: other.to_string(),
        },
    }
}

#[cfg(target_os = "linux")]
mod platform {
    use super::*;
    use secret_service::Error as ServiceError;

    pub fn connect() -> Result<Arc<CredentialStore>, KeyringError> {
        let store = zbus_secret_service_keyring_store::Store::new().map_err(|error| {
            KeyringError::Unavailable {
                detail: error.to_string(),
            }
        })?;
        Ok(store)
    }

    /// Secret Service reports a locked keyring and a dismissed unlock prompt alike (the
    /// prompt is how it unlocks); the default collection's state tells them apart.
    pub fn no_access(cause: &(dyn std::error::Error + Send + Sync + 'static)) -> KeyringError {
        match cause.downcast_ref::<ServiceError>() {
            Some(ServiceError::Prompt | ServiceError::PromptDisconnected)
                if !default_collection_locked() =>
            {
                KeyringError::AccessDenied
            }
            _ => KeyringError::Locked,
        }
    }

    fn default_collection_locked() -> bool {
        use secret_service::EncryptionType;
        use secret_service::blocking::SecretService;
        SecretService::connect(EncryptionType::Plain)
            .and_then(|service| service.get_default_collection()?.is_locked())
            .unwrap_or(true)
    }

    pub fn failure(cause: &(dyn std::error::Error + Send + Sync + 'static)) -> KeyringError {
        match cause.downcast_ref::<ServiceError>() {
            Some(ServiceError::Zbus(_) | ServiceError::ZbusFdo(_) | ServiceError::Unavailable) => {
                KeyringError::Unavailable {
                    detail: cause.to_string(),
                }
            }
            _ => KeyringError::Failure {
                detail: cause.to_string(),
            },
        }
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use super::*;

    pub fn connect() -> Result<Arc<CredentialStore>, KeyringError> {
        let store = apple_native_keyring_store::keychain::Store::new().map_err(|error| {
            KeyringError::Unavailable {
                detail: error.to_string(),
            }
        })?;
        Ok(store)
    }

    pub fn no_access(_cause: &(dyn std::error::Error + Send + Sync + 'static)) -> KeyringError {
        KeyringError::AccessDenied
    }

    pub fn failure(cause: &(dyn std::error::Error + Send + Sync + 'static)) -> KeyringError {
        KeyringError::Failure {
            detail: cause.to_string(),
        }
    }
}

#[cfg(target_os = "windows")]
mod platform {
    use super::*;

    pub fn connect() -> Result<Arc<CredentialStore>, KeyringError> {
        let store = windows_native_keyring_store::Store::new().map_err(|error| {
            KeyringError::Unavailable {
                detail: error.to_string(),
            }
        })?;
        Ok(store)
    }

    pub fn no_access(_cause: &(dyn std::error::Error + Send + Sync + 'static)) -> KeyringError {
        KeyringError::AccessDenied
    }

    pub fn failure(cause: &(dyn std::error::Error + Send + Sync + 'static)) -> KeyringError {
        KeyringError::Failure {
            detail: cause.to_string(),
        }
    }
}
