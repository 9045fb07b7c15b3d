//! The vault: the only code in Saleguard that touches secret material.
//!
//! Invariants:
//! - Secrets live in [`Secret`] (wiped on drop, `<redacted>` in `Debug`, never
//!   serialisable) or in types built on it ([`RecoveryPhrase`], [`AccountSecret`]).
//! - Errors never carry secret material: parse errors name positions, not words.
//! - Secrets are stored in the OS keyring only ([`Keyring`]); when it cannot be used
//!   the caller gets a [`KeyringError`] and nothing is stored elsewhere.

mod key;
mod keyring;
mod mnemonic;
mod secret;

pub use key::{
    AccountSecret, DerivationError, MAX_PASSPHRASE_CHARS, MnemonicOrPassphraseError,
    PassphraseError, PrivateKeyError,
};
pub use keyring::{Keyring, KeyringError, KeyringNamespace, new_secret_reference, random_id};
pub use mnemonic::{
    GENERATED_WORD_COUNT, MnemonicError, NewRecoveryPhrase, RecoveryPhrase, VALID_WORD_COUNTS,
};
pub use secret::{Secret, SecretString};
