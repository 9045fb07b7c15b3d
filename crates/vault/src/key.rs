//! Account secrets and the addresses they control.

use alloy_primitives::{Address, B256};
use alloy_signer_local::PrivateKeySigner;
use coins_bip32::xkeys::XPriv;
use saleguard_core::account::DerivationPath;
use zeroize::Zeroizing;

use crate::mnemonic::{MnemonicError, RecoveryPhrase};
use crate::secret::{Secret, SecretString};

/// Longest BIP-39 passphrase accepted, in characters.
pub const MAX_PASSPHRASE_CHARS: usize = 256;

/// Why a private key is not acceptable. Never carries the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrivateKeyError {
    #[error("enter the private key")]
    Empty,
    #[error("a private key is 64 hexadecimal characters, optionally after 0x")]
    Malformed,
    #[error("this is not a valid secp256k1 private key (it is zero or not below the curve order)")]
    OutOfRange,
}

/// Why a passphrase is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    #[error("a passphrase has at most {MAX_PASSPHRASE_CHARS} characters")]
    TooLong,
}

/// The secret behind a software account, as kept in the keyring.
#[derive(Debug)]
pub enum AccountSecret {
    /// A recovery phrase and its BIP-39 passphrase (empty for none); one phrase can
    /// control many accounts, one per derivation path.
    Mnemonic {
        phrase: RecoveryPhrase,
        passphrase: SecretString,
    },
    /// One private key, one address.
    PrivateKey(PrivateKeySigner),
}

/// Why an address could not be derived (a path the key tree refuses).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no key can be derived at this path")]
pub struct DerivationError;

impl AccountSecret {
    /// A recovery phrase as typed, with its passphrase (empty for none).
    pub fn mnemonic(
        phrase: &SecretString,
        passphrase: SecretString,
    ) -> Result<Self, MnemonicOrPassphraseError> {
        let phrase = RecoveryPhrase::parse(phrase)?;
        if passphrase.expose().chars().count() > MAX_PASSPHRASE_CHARS {
            return Err(PassphraseError::TooLong.into());
        }
        Ok(Self::Mnemonic { phrase, passphrase })
    }

    /// A private key as typed: 64 hex characters, with or without `0x`, spaces around ignored.
    pub fn private_key(input: &SecretString) -> Result<Self, PrivateKeyError> {
        let text = input.expose().trim();
        if text.is_empty() {
            return Err(PrivateKeyError::Empty);
        }
        let hex = text
            .strip_prefix("0x")
            .or_else(|| text.strip_prefix("0X"))
            .unwrap_or(text);
        if hex.len() != 64 {
            return Err(PrivateKeyError::Malformed);
        }
        let mut bytes = Zeroizing::new([0u8; 32]);
        alloy_primitives::hex::decode_to_slice(hex, bytes.as_mut())
            .map_err(|_| PrivateKeyError::Malformed)?;
        PrivateKeySigner::from_bytes(&B256::from(*bytes))
            .map(Self::PrivateKey)
            .map_err(|_| PrivateKeyError::OutOfRange)
    }

    /// The signer for one address: the key itself, or the phrase's key at `path`.
    /// `path` is ignored for a private key.
    pub fn signer(&self, path: &DerivationPath) -> Result<PrivateKeySigner, DerivationError> {
        match self {
            Self::PrivateKey(signer) => Ok(signer.clone()),
            Self::Mnemonic { phrase, passphrase } => derive_signer(phrase, passphrase, path),
        }
    }

    /// The address at `path` (or the private key's address).
    pub fn address(&self, path: &DerivationPath) -> Result<Address, DerivationError> {
        self.signer(path).map(|signer| signer.address())
    }

    /// The private key as `0x` + 64 hex characters, for an explicit reveal only.
    pub fn private_key_hex(signer: &PrivateKeySigner) -> SecretString {
        let bytes = Zeroizing::new(signer.to_bytes().0);
        let mut hex = Zeroizing::new([0u8; 64]);
        // Cannot fail: the output is exactly twice the input's length.
        let _ = alloy_primitives::hex::encode_to_slice(bytes.as_ref(), hex.as_mut());
        let mut text = String::with_capacity(66);
        text.push_str("0x");
        text.extend(hex.iter().map(|&b| char::from(b)));
        SecretString::new(text)
    }
}

/// The key of `phrase` (with `passphrase`) at `path`, by BIP-32.
pub(crate) fn derive_signer(
    phrase: &RecoveryPhrase,
    passphrase: &SecretString,
    path: &DerivationPath,
) -> Result<PrivateKeySigner, DerivationError> {
    let seed = phrase.seed(passphrase);
    let root = XPriv::root_from_seed(seed.as_ref(), None).map_err(|_| DerivationError)?;
    let child = root
        .derive_path(coins_bip32::path::DerivationPath::from(path.components()))
        .map_err(|_| DerivationError)?;
    let key: &k256::ecdsa::SigningKey = child.as_ref();
    Ok(PrivateKeySigner::from_signing_key(key.clone()))
}

/// A recovery phrase or its passphrase is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MnemonicOrPassphraseError {
    #[error(transparent)]
    Mnemonic(#[from] MnemonicError),
    #[error(transparent)]
    Passphrase(#[from] PassphraseError),
}

/// The byte form kept in the keyring. A versioned line format that never passes
/// through a general-purpose serializer, so no copy of the secret escapes the
/// zeroizing buffers.
pub(crate) mod encoding {
    use super::*;

    const VERSION: &str = "saleguard-secret/1";

    /// Why bytes read from the keyring are not a secret this version understands.
    #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
    #[error("the keyring entry is not in a format this version of Saleguard understands")]
    pub struct UnreadableSecret;

    /// Writes the parts into one buffer sized up front, so no partial copy is left
    /// behind by a reallocation.
    pub fn encode(secret: &AccountSecret) -> Secret<Vec<u8>> {
        let (kind, first, second) = match secret {
            AccountSecret::Mnemonic { phrase, passphrase } => (
                "mnemonic",
                phrase.to_secret_string(),
                Some(passphrase.expose().as_str()),
            ),
            AccountSecret::PrivateKey(signer) => {
                ("private_key", AccountSecret::private_key_hex(signer), None)
            }
        };
        let parts = [VERSION, "\n", kind, "\n", first.expose().as_str()];
        let second = second.map(|text| ["\n", text]);
        let length = parts
            .iter()
            .chain(second.iter().flatten())
            .map(|p| p.len())
            .sum();
        let mut bytes = Vec::with_capacity(length);
        for part in parts.iter().chain(second.iter().flatten()) {
            bytes.extend_from_slice(part.as_bytes());
        }
        Secret::new(bytes)
    }

    pub fn decode(bytes: &Secret<Vec<u8>>) -> Result<AccountSecret, UnreadableSecret> {
        let text = std::str::from_utf8(bytes.expose()).map_err(|_| UnreadableSecret)?;
        let mut lines = text.splitn(4, '\n');
        if lines.next() != Some(VERSION) {
            return Err(UnreadableSecret);
        }
        match (lines.next(), lines.next(), lines.next()) {
            (Some("mnemonic"), Some(phrase), passphrase) => AccountSecret::mnemonic(
                &SecretString::from(phrase),
                SecretString::from(passphrase.unwrap_or("")),
            )
            .map_err(|_| UnreadableSecret),
            (Some("private_key"), Some(key), None) => {
                AccountSecret::private_key(&SecretString::from(key)).map_err(|_| UnreadableSecret)
            }
            _ => Err(UnreadableSecret),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_PHRASE: &str = "test test test test test test test test test test test junk";

    fn path(text: &str) -> DerivationPath {
        DerivationPath::parse(text).expect("valid path")
    }

    #[test]
    fn the_well_known_test_phrase_gives_the_anvil_addresses() {
        let secret = AccountSecret::mnemonic(&TEST_PHRASE.into(), "".into()).expect("valid");
        let first = secret
            .address(&DerivationPath::ethereum_first())
            .expect("derives");
        assert_eq!(
            first.to_checksum(None),
            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
        );
        let second = secret.address(&path("m/44'/60'/0'/0/1")).expect("derives");
        assert_eq!(
            second.to_checksum(None),
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
        );
    }

    #[test]
    fn a_passphrase_changes_every_address() {
        let plain = AccountSecret::mnemonic(&TEST_PHRASE.into(), "".into()).expect("valid");
        let salted = AccountSecret::mnemonic(&TEST_PHRASE.into(), "hunter2".into()).expect("valid");
        let at = DerivationPath::ethereum_first();
        assert_ne!(plain.address(&at), salted.address(&at));
    }

    #[test]
    fn private_keys_are_checked() {
        let anvil_zero = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
        for input in [
            anvil_zero,
            &anvil_zero[2..],
            &format!("  {anvil_zero}\n"),
            &anvil_zero.to_uppercase().replacen("0X", "0x", 1),
        ] {
            let secret = AccountSecret::private_key(&input.into()).expect(input);
            let address = secret
                .address(&DerivationPath::ethereum_first())
                .expect("address");
            assert_eq!(
                address.to_checksum(None),
                "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
            );
        }
        let order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
        let above = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0";
        for (input, expected) in [
            ("", PrivateKeyError::Empty),
            ("0x", PrivateKeyError::Malformed),
            (&anvil_zero[..64], PrivateKeyError::Malformed),
            (&format!("{anvil_zero}00"), PrivateKeyError::Malformed),
            (&anvil_zero.replace('a', "g"), PrivateKeyError::Malformed),
            (
                "0x+c0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff8",
                PrivateKeyError::Malformed,
            ),
            (&"0".repeat(64), PrivateKeyError::OutOfRange),
            (order, PrivateKeyError::OutOfRange),
            (above, PrivateKeyError::OutOfRange),
        ] {
            assert_eq!(
                AccountSecret::private_key(&input.into()).map(|_| ()),
                Err(expected),
                "{input}"
            );
        }
    }

    #[test]
    fn secrets_survive_their_keyring_encoding() {
        let key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
        let cases = [
            AccountSecret::mnemonic(&TEST_PHRASE.into(), "".into()).expect("valid"),
            AccountSecret::mnemonic(&TEST_PHRASE.into(), "multi\nline pass".into()).expect("valid"),
            AccountSecret::private_key(&key.into()).expect("valid"),
        ];
        let at = path("m/44'/60'/0'/0/3");
        for secret in cases {
            let decoded = encoding::decode(&encoding::encode(&secret)).expect("round trip");
            assert_eq!(decoded.address(&at), secret.address(&at));
        }
        for bad in [
            "",
            "saleguard-secret/2\nprivate_key\n00",
            "saleguard-secret/1\nseed\nx",
            "saleguard-secret/1\nprivate_key\nzz",
        ] {
            let bytes = Secret::new(bad.as_bytes().to_vec());
            assert!(encoding::decode(&bytes).is_err(), "{bad:?}");
        }
    }
}
