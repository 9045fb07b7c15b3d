//! What crosses the boundary for accounts. Secrets cross only in [`NewMnemonic`] (the
//! one showing of a new phrase) and [`RevealedSecret`] (an explicit, confirmed reveal);
//! both wipe their text when dropped. Inputs that carry secrets wipe theirs too.

use saleguard_core::account as domain;
use saleguard_core::address::checksummed;
use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

pub use saleguard_core::account::AccountKind;

use crate::ErrorCode;

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
    /// The hardware wallet holding the key (`ledger` or `trezor`); none for other kinds.
    pub hardware_wallet: Option<String>,
    pub created_at: String,
}

impl Account {
    /// The view of `account`, which shares its secret with `others` other accounts and
    /// whose key a `wallet` may hold.
    pub fn new(
        account: &domain::Account,
        others: usize,
        wallet: Option<domain::HardwareWallet>,
    ) -> Self {
        Self {
            id: account.id.0,
            label: account.label.clone(),
            address: checksummed(&account.address),
            kind: account.kind,
            derivation_path: account.derivation_path.as_ref().map(ToString::to_string),
            has_secret: account.secret_reference.is_some(),
            can_derive: account.kind.can_derive(),
            other_accounts_with_same_secret: u32::try_from(others).unwrap_or(u32::MAX),
            hardware_wallet: wallet.map(|wallet| wallet.as_str().to_owned()),
            created_at: account.created_at.to_rfc3339(),
        }
    }
}

/// A newly generated recovery phrase, shown once, waiting for confirmation.
#[derive(Serialize, specta::Type, Zeroize, ZeroizeOnDrop)]
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
#[derive(Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct WordAnswer {
    pub position: u32,
    pub word: String,
}

#[derive(Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmNewAccount {
    pub pending_id: String,
    pub label: String,
    pub answers: Vec<WordAnswer>,
}

#[derive(Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(rename_all = "camelCase")]
pub struct ImportMnemonic {
    pub label: String,
    pub phrase: String,
    /// The BIP-39 passphrase; empty for none.
    pub passphrase: String,
    pub derivation_path: String,
}

#[derive(Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
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
#[derive(Serialize, specta::Type, Zeroize, ZeroizeOnDrop)]
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

// `Debug` for the types above names their public parts and redacts the secret ones,
// so a stray `?value` in a log line or a panic message cannot leak a phrase or a key.
const REDACTED: &str = "<redacted>";

impl fmt::Debug for NewMnemonic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewMnemonic")
            .field("pending_id", &self.pending_id)
            .field("words", &REDACTED)
            .field("address", &self.address)
            .field("derivation_path", &self.derivation_path)
            .field("challenge", &self.challenge)
            .finish()
    }
}

impl fmt::Debug for WordAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WordAnswer")
            .field("position", &self.position)
            .field("word", &REDACTED)
            .finish()
    }
}

impl fmt::Debug for ConfirmNewAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfirmNewAccount")
            .field("pending_id", &self.pending_id)
            .field("label", &self.label)
            .field("answers", &self.answers)
            .finish()
    }
}

impl fmt::Debug for ImportMnemonic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportMnemonic")
            .field("label", &self.label)
            .field("phrase", &REDACTED)
            .field("passphrase", &REDACTED)
            .field("derivation_path", &self.derivation_path)
            .finish()
    }
}

impl fmt::Debug for ImportPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportPrivateKey")
            .field("label", &self.label)
            .field("private_key", &REDACTED)
            .finish()
    }
}

impl fmt::Debug for RevealedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Mnemonic {
                has_passphrase,
                derivation_path,
                ..
            } => f
                .debug_struct("RevealedSecret::Mnemonic")
                .field("words", &REDACTED)
                .field("has_passphrase", has_passphrase)
                .field("derivation_path", derivation_path)
                .finish(),
            Self::PrivateKey { .. } => f
                .debug_struct("RevealedSecret::PrivateKey")
                .field("private_key", &REDACTED)
                .finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASE: &str =
        "legal winner thank year wave sausage worth useful legal winner thank yellow";
    const KEY: &str = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    #[test]
    fn debug_output_never_contains_the_secrets() {
        let words = || PHRASE.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let printed = [
            format!(
                "{:?}",
                NewMnemonic {
                    pending_id: "pending-1".into(),
                    words: words(),
                    address: "0xabc".into(),
                    derivation_path: "m/0".into(),
                    challenge: vec![1, 2, 3],
                }
            ),
            format!(
                "{:?}",
                ConfirmNewAccount {
                    pending_id: "pending-1".into(),
                    label: "Main".into(),
                    answers: vec![WordAnswer {
                        position: 2,
                        word: "winner".into(),
                    }],
                }
            ),
            format!(
                "{:?}",
                ImportMnemonic {
                    label: "Main".into(),
                    phrase: PHRASE.into(),
                    passphrase: "hunter2".into(),
                    derivation_path: "m/0".into(),
                }
            ),
            format!(
                "{:?}",
                ImportPrivateKey {
                    label: "Hot".into(),
                    private_key: KEY.into(),
                }
            ),
            format!(
                "{:?}",
                RevealedSecret::Mnemonic {
                    words: words(),
                    has_passphrase: true,
                    derivation_path: "m/0".into(),
                }
            ),
            format!(
                "{:?}",
                RevealedSecret::PrivateKey {
                    private_key: KEY.into(),
                }
            ),
        ];
        for text in printed {
            assert!(text.contains(REDACTED), "{text}");
            for secret in ["legal", "winner", "hunter2", &KEY[2..12]] {
                assert!(!text.contains(secret), "{text}");
            }
        }
    }
}
