//! The operating system's keyring: Secret Service on Linux, the Keychain on macOS,
//! Credential Manager on Windows. Secrets go here and nowhere else; when the keyring
//! cannot be used the operation fails with a [`KeyringError`] and nothing is stored
//! anywhere else instead.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry};

use crate::key::{AccountSecret, encoding};
use crate::secret::{Secret, SecretString};

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
        "Unlock your login keyring (for example in Passwords and Keys, or by logging in again), then try again."
    )]
    Locked,
    /// No keyring service could be reached (on Linux: no Secret Service on the session bus).
    #[error(
        "Saleguard keeps secrets in your system's keyring and could not reach it. On Linux, start a Secret Service provider such as GNOME Keyring or KWallet in your session, then try again."
    )]
    Unavailable { detail: String },
    /// The user or the system refused access (a dismissed unlock prompt, a denied Keychain request).
    #[error("Approve Saleguard's request when your system asks for the keyring, then try again.")]
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
    /// Anything else the platform reported; `detail` goes to the log, not the user.
    #[error("The keyring reported an error. Saleguard's log file has the details.")]
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
pub fn new_secret_reference() -> Result<String, getrandom::Error> {
    random_id("account-secret-")
}

/// `prefix` followed by 128 random bits in hex, from the OS random source: an id
/// nobody can guess or collide with.
pub fn random_id(prefix: &str) -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(format!("{prefix}{}", alloy_primitives::hex::encode(bytes)))
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

    /// Whether secrets can be stored now: the keyring service is reachable and, where
    /// the platform tells without prompting, not locked.
    pub fn check_ready(&self) -> Result<(), KeyringError> {
        self.with_store(|_| platform::check_unlocked())
    }

    /// Proves that a secret can be stored now by writing, reading back and deleting a
    /// harmless entry. A keyring that must first be unlocked or created asks the user
    /// here, before they write down words that could not be kept.
    pub fn check_writable(&self) -> Result<(), KeyringError> {
        const PROBE: &[u8] = b"saleguard-keyring-probe";
        self.with_store(|store| {
            let entry = self.entry(store, "keyring-probe", Some("keyring check"))?;
            entry.set_secret(PROBE).map_err(classify)?;
            let kept = entry.get_secret().map_err(classify)?;
            let _ = entry.delete_credential();
            if kept == PROBE {
                Ok(())
            } else {
                Err(KeyringError::Failure {
                    detail: "the keyring returned something else than was stored".to_owned(),
                })
            }
        })
    }

    /// Stores a secret under `reference`, labelled for people browsing their keyring,
    /// and reads it back: success means the keyring really kept it.
    pub fn store_secret(
        &self,
        reference: &str,
        label: &str,
        secret: &AccountSecret,
    ) -> Result<(), KeyringError> {
        self.store_bytes(reference, label, &encoding::encode(secret))
    }

    /// Stores a secret text (an RPC URL holding a provider's API key) under
    /// `reference`, and reads it back.
    pub fn store_text(
        &self,
        reference: &str,
        label: &str,
        text: &SecretString,
    ) -> Result<(), KeyringError> {
        let bytes = Secret::new(text.expose().as_bytes().to_vec());
        self.store_bytes(reference, label, &bytes)
    }

    /// Reads the secret text stored under `reference`.
    pub fn load_text(&self, reference: &str) -> Result<SecretString, KeyringError> {
        let bytes = self.load_bytes(reference)?;
        std::str::from_utf8(bytes.expose())
            .map(|text| Secret::new(text.to_owned()))
            .map_err(|_| KeyringError::EntryUnreadable)
    }

    fn store_bytes(
        &self,
        reference: &str,
        label: &str,
        bytes: &Secret<Vec<u8>>,
    ) -> Result<(), KeyringError> {
        self.with_store(|store| {
            let entry = self.entry(store, reference, Some(label))?;
            entry.set_secret(bytes.expose()).map_err(classify)?;
            let kept = Secret::new(entry.get_secret().map_err(classify)?);
            if kept.expose() == bytes.expose() {
                Ok(())
            } else {
                Err(KeyringError::Failure {
                    detail: "the keyring returned something else than was stored".to_owned(),
                })
            }
        })
    }

    /// Reads the secret stored under `reference`.
    pub fn load_secret(&self, reference: &str) -> Result<AccountSecret, KeyringError> {
        let bytes = self.load_bytes(reference)?;
        encoding::decode(&bytes).map_err(|_| KeyringError::EntryUnreadable)
    }

    fn load_bytes(&self, reference: &str) -> Result<Secret<Vec<u8>>, KeyringError> {
        self.with_store(|store| {
            let entry = self.entry(store, reference, None)?;
            Ok(Secret::new(entry.get_secret().map_err(classify)?))
        })
    }

    /// Deletes the secret under `reference`; an entry already gone counts as deleted.
    pub fn delete_secret(&self, reference: &str) -> Result<(), KeyringError> {
        self.with_store(|store| {
            let entry = self.entry(store, reference, None)?;
            match entry.delete_credential().map_err(classify) {
                Ok(()) | Err(KeyringError::EntryMissing) => Ok(()),
                Err(error) => Err(error),
            }
        })
    }

    fn entry(
        &self,
        store: &Arc<CredentialStore>,
        reference: &str,
        label: Option<&str>,
    ) -> Result<Entry, KeyringError> {
        let label = label.map(|label| format!("Saleguard: {label}"));
        let modifiers: HashMap<&str, &str> = label
            .as_deref()
            .filter(|_| cfg!(target_os = "linux"))
            .map(|label| HashMap::from([("label", label)]))
            .unwrap_or_default();
        Entry::new_in_store_with_modifiers(store, self.namespace.service(), reference, &modifiers)
            .map_err(classify)
    }

    /// Runs `operation` on the connected store. A connection that has gone bad (the
    /// keyring daemon restarted) is dropped and `operation` retried once on a new one.
    fn with_store<T>(
        &self,
        operation: impl Fn(&Arc<CredentialStore>) -> Result<T, KeyringError>,
    ) -> Result<T, KeyringError> {
        let (store, was_cached) = self.store()?;
        match operation(&store) {
            Err(KeyringError::Unavailable { .. } | KeyringError::Failure { .. }) if was_cached => {
                self.forget_store();
                let (store, _) = self.store()?;
                operation(&store)
            }
            result => result,
        }
    }

    fn store(&self) -> Result<(Arc<CredentialStore>, bool), KeyringError> {
        let mut cached = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(store) = cached.as_ref() {
            return Ok((store.clone(), true));
        }
        let store = platform::connect()?;
        *cached = Some(store.clone());
        Ok((store, false))
    }

    fn forget_store(&self) {
        *self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
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
        keyring_core::Error::PlatformFailure(cause) => {
            let cause: &(dyn std::error::Error + 'static) = cause.as_ref();
            platform::failure(cause)
        }
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
                if !matches!(default_collection_locked(), Ok(true)) =>
            {
                KeyringError::AccessDenied
            }
            Some(
                ServiceError::Locked | ServiceError::Prompt | ServiceError::PromptDisconnected,
            ) => KeyringError::Locked,
            _ => failure(cause),
        }
    }

    /// The default collection's lock state, read without prompting.
    fn default_collection_locked() -> Result<bool, ServiceError> {
        use secret_service::EncryptionType;
        use secret_service::blocking::SecretService;
        let service = SecretService::connect(EncryptionType::Plain)?;
        let collection = service.get_default_collection()?;
        collection.is_locked()
    }

    /// Locked when the default collection says so; a keyring without a default
    /// collection yet is fine (storing creates it).
    pub fn check_unlocked() -> Result<(), KeyringError> {
        match default_collection_locked() {
            Ok(true) => Err(KeyringError::Locked),
            Ok(false) | Err(ServiceError::NoResult) => Ok(()),
            Err(error) => Err(failure(&error)),
        }
    }

    pub fn failure(cause: &(dyn std::error::Error + 'static)) -> KeyringError {
        match cause.downcast_ref::<ServiceError>() {
            // "Result not returned": a daemon whose collection was never unlocked (or
            // created) since it started answers a write with nothing — locked, to the
            // user, who unlocks it by logging in or from the keyring's app.
            Some(ServiceError::Locked | ServiceError::NoResult) => KeyringError::Locked,
            Some(ServiceError::ZbusFdo(zbus::fdo::Error::AccessDenied(_))) => {
                KeyringError::AccessDenied
            }
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

    pub fn check_unlocked() -> Result<(), KeyringError> {
        Ok(())
    }

    pub fn failure(cause: &(dyn std::error::Error + 'static)) -> KeyringError {
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

    pub fn check_unlocked() -> Result<(), KeyringError> {
        Ok(())
    }

    pub fn failure(cause: &(dyn std::error::Error + 'static)) -> KeyringError {
        KeyringError::Failure {
            detail: cause.to_string(),
        }
    }
}
