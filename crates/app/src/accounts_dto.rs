//! What crosses the boundary for accounts. Secrets cross only in [`NewMnemonic`] (the
//! one showing of a new phrase) and [`RevealedSecret`] (an explicit, confirmed reveal);
//! both wipe their text when dropped. Inputs that carry secrets wipe theirs too.

use saleguard_core::account::{self as domain, AccountKind as DomainKind};
use saleguard_core::address::checksummed;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::ErrorCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    GeneratedMnemonic,
    ImportedMnemonic,
    PrivateKey,
    WatchOnly,
    Hardware,
}

impl From<DomainKind> for AccountKind {
    fn from(kind: DomainKind) -> Self {
        match kind {
            DomainKind::GeneratedMnemonic => Self::GeneratedMnemonic,
            DomainKind::ImportedMnemonic => Self::ImportedMnemonic,
            DomainKind::PrivateKey => Self::PrivateKey,
            DomainKind::WatchOnly => Self::WatchOnly,
            DomainKind::Hardware => Self::Hardware,
        }
    }
}

/// An account: public data only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: i64,
    pub label: String,
    /// EIP-55 checksummed.
    pub address: String,
    pub kind: AccountKind,
    /// e.g. `m/44'/60'/0'/0/0`; `null` for private keys and watch-only addresses.
    pub derivation_path: Option<String>,
    /// Whether a secret for it is kept in the OS keyring.
    pub has_secret: bool,
    /// Whether further addresses can be derived from the same recovery phrase.
    pub can_derive: bool,
    /// How many other accounts use the same keyring entry (derived from the same
    /// phrase). Removing the account deletes the entry only when this is 0.
    pub other_accounts_with_same_secret: u32,
    pub created_at: String,
}

impl Account {
    /// The view of `account`, which shares its secret with `others` other accounts.
    pub fn new(account: &domain::Account, others: usize) -> Self {
        Self {
            id: account.id.0,
            label: account.label.clone(),
            address: checksummed(&account.address),
            kind: account.kind.into(),
            derivation_path: account.derivation_path.as_ref().map(ToString::to_string),
            has_secret: account.secret_reference.is_some(),
            can_derive: account.kind.can_derive(),
            other_accounts_with_same_secret: u32::try_from(others).unwrap_or(u32::MAX),
            created_at: account.created_at.to_rfc3339(),
        }
    }
}

/// A newly generated recovery phrase, shown once, waiting for confirmation.
#[derive(Debug, Serialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct NewMnemonic {
    pub pending_id: String,
    /// The 24 words in order.
    pub words: Vec<String>,
    /// The address the account will have.
    pub address: String,
    pub derivation_path: String,
    /// 1-based positions of the words to re-enter, ascending.
    pub challenge: Vec<u32>,
}

/// One re-entered word of a new recovery phrase.
#[derive(Debug, Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct WordAnswer {
    pub position: u32,
    pub word: String,
}

#[derive(Debug, Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmNewAccount {
    pub pending_id: String,
    pub label: String,
    pub answers: Vec<WordAnswer>,
}

#[derive(Debug, Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct ImportMnemonic {
    pub label: String,
    pub phrase: String,
    /// The BIP-39 passphrase; empty for none.
    pub passphrase: String,
    pub derivation_path: String,
}

#[derive(Debug, Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct ImportPrivateKey {
    pub label: String,
    pub private_key: String,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AddWatchOnly {
    pub label: String,
    pub address: String,
}

/// An account's secret, for an explicit and confirmed reveal only.
#[derive(Debug, Serialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RevealedSecret {
    #[serde(rename_all = "camelCase")]
    Mnemonic {
        words: Vec<String>,
        has_passphrase: bool,
        derivation_path: String,
    },
    #[serde(rename_all = "camelCase")]
    PrivateKey { private_key: String },
}

/// Whether the OS keyring can be reached, and what to do when it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyringStatus {
    pub available: bool,
    pub code: Option<ErrorCode>,
    pub message: Option<String>,
}
