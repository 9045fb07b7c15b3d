//! The signing abstraction every kind of account implements: software keys from the OS
//! keyring, Ledger and Trezor devices. A signer signs the EIP-1559 signing
//! hash of one exact transaction; [`sign_transaction`] runs it cancellably, reports
//! progress, and checks the signature before anyone may broadcast it.

use std::future::Future;
use std::pin::Pin;

use alloy_consensus::{SignableTransaction, TxEip1559, TxEnvelope};
use alloy_primitives::{Address, B256, Signature};
use secp256k1::{Message, PublicKey, SECP256K1, SecretKey};

/// Where a signing stands, for the UI's live progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningState {
    /// Reading the key (from the OS keyring, which may ask to unlock).
    LoadingKey,
    /// Reaching the hardware wallet and checking it is ready (unlocked, app open).
    ConnectingDevice,
    /// The device is locked and asks for its PIN on its own screen.
    WaitingForPin,
    /// Waiting for the user to confirm on a device.
    WaitingForConfirmation,
    Signing,
    /// Signed and checked: the signature is the account's (see [`sign_transaction`]).
    Signed,
}

/// Why a transaction was not signed. Nothing is ever broadcast after one of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("signing was cancelled")]
    Cancelled,
    /// The key could not be read; the message says why and what to do.
    #[error("{0}")]
    KeyUnavailable(String),
    #[error("the signature is from {recovered}, not from the account {expected}: nothing was sent")]
    WrongSigner {
        expected: Address,
        recovered: Address,
    },
    #[error("the signature does not verify: nothing was sent")]
    InvalidSignature,
    #[error("signing failed: {0}")]
    Failed(String),
    /// The hardware wallet did not sign; the message says what to do.
    #[error("{}", .0.when_signing())]
    Device(DeviceError),
}

/// Why a hardware wallet did not do what was asked, with what the user can do about it.
/// Ledger and Trezor errors both end up here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeviceError {
    #[error("no {0} found: connect it, unlock it and try again")]
    NotFound(String),
    #[error("the device is locked: unlock it with your PIN and try again")]
    Locked,
    #[error(
        "this Trezor asks for its PIN on the computer, which Saleguard does not take: unlock it in Trezor Suite (it stays unlocked while connected), then try again"
    )]
    PinOnComputer,
    #[error("open the Ethereum app on the device and try again")]
    AppNotOpen,
    #[error(
        "enable blind signing in the Ethereum app's settings to sign this contract call, then try again"
    )]
    BlindSigningDisabled,
    #[error("rejected on the device")]
    Rejected,
    #[error("the device did not answer within {0} seconds")]
    TimedOut(u64),
    #[error("the device was disconnected: reconnect it and try again")]
    Disconnected,
    #[error(
        "the device is still busy with an earlier request: finish or reject it on the device first"
    )]
    Busy,
    /// Another Saleguard process (the app, or the CLI) is talking to the device: its
    /// process id, when it could be read.
    #[error(
        "busy: in use by {}: finish or close it there, then try again",
        holder(*.0)
    )]
    InUse(Option<u32>),
    #[error("the device answered something Saleguard cannot read ({0})")]
    Malformed(String),
    #[error("the device refused the request ({0})")]
    Refused(String),
}

/// The process holding a device, in words.
fn holder(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("Saleguard (pid {pid})"),
        None => "another Saleguard process".to_owned(),
    }
}

impl DeviceError {
    /// The error as said of a signing: what failed, and that nothing was signed when the
    /// device was asked to sign and did not (rejected, no answer, an unreadable one).
    pub fn when_signing(&self) -> String {
        match self {
            Self::Rejected | Self::TimedOut(_) | Self::Malformed(_) => {
                format!("{self}: nothing was signed")
            }
            other => other.to_string(),
        }
    }
}

/// A signature and, when the signer holds the key that made it (a software key), that
/// key's public half: [`sign_transaction`] then verifies the signature against it, which
/// costs less than recovering a key from the signature. A hardware wallet's key never
/// leaves the device, so its signatures come without one and are recovered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signed {
    signature: Signature,
    key: Option<PublicKey>,
}

impl Signed {
    /// A signature made by a device, whose key is not known here.
    pub fn by_device(signature: Signature) -> Self {
        Self {
            signature,
            key: None,
        }
    }

    /// A signature made with the key whose public half is `key`.
    pub fn by_key(signature: Signature, key: PublicKey) -> Self {
        Self {
            signature,
            key: Some(key),
        }
    }
}

/// A secret key in memory, signing with libsecp256k1 (Bitcoin Core's library, the
/// backend alloy offers as its faster alternative to k256): the same deterministic
/// (RFC 6979), low-s signatures as alloy's k256 signer, byte for byte (tested below), in
/// about half the time. The secret is overwritten when the key is dropped.
pub struct SoftwareKey {
    secret: SecretKey,
    public: PublicKey,
}

/// 32 bytes that are not a secp256k1 secret key (zero, or not below the curve's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid secp256k1 secret key")]
pub struct InvalidSecretKey;

impl SoftwareKey {
    /// The key whose secret scalar is `secret` (big-endian).
    pub fn from_secret(secret: &[u8; 32]) -> Result<Self, InvalidSecretKey> {
        let secret = SecretKey::from_byte_array(*secret).map_err(|_| InvalidSecretKey)?;
        Ok(Self {
            public: secret.public_key(SECP256K1),
            secret,
        })
    }

    /// The address this key signs for.
    pub fn address(&self) -> Address {
        Address::from_secp256k1_public_key(&self.public)
    }

    /// Signs `tx`'s EIP-1559 signing hash, naming this key for [`sign_transaction`]'s check.
    pub fn sign(&self, tx: &TxEip1559) -> Signed {
        let hash = tx.signature_hash();
        let signature =
            SECP256K1.sign_ecdsa_recoverable(Message::from_digest(hash.0), &self.secret);
        Signed::by_key(Signature::from(signature), self.public)
    }
}

impl Drop for SoftwareKey {
    fn drop(&mut self) {
        self.secret.non_secure_erase();
    }
}

impl std::fmt::Debug for SoftwareKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SoftwareKey")
            .field("address", &self.address())
            .finish_non_exhaustive()
    }
}

/// A boxed future, so that signers of every kind fit behind one `dyn Signer`.
pub type SignFuture<'a> = Pin<Box<dyn Future<Output = Result<Signed, SignError>> + Send + 'a>>;

/// Progress reports: called with each state as it is reached.
pub type Progress<'a> = &'a (dyn Fn(SigningState) + Send + Sync);

/// Something that can sign for one address.
pub trait Signer: Send + Sync {
    /// The address whose key signs.
    fn address(&self) -> Address;

    /// Signs `tx`'s EIP-1559 signing hash, reporting progress. Dropping the future
    /// cancels the signing.
    fn sign<'a>(&'a self, tx: &'a TxEip1559, progress: Progress<'a>) -> SignFuture<'a>;
}

/// Signs `tx` with `signer` unless `cancel` completes first, then checks the signature
/// before anyone may broadcast it: it must verify against the key the signer says made it
/// and that key must be the account's, or — from a device, whose key is not known here —
/// the sender recovered from it must be the account. Verifying also catches a signature
/// damaged while it was made (a fault), which could otherwise give the key away once
/// sent. Returns the signed envelope.
pub async fn sign_transaction(
    signer: &dyn Signer,
    tx: TxEip1559,
    progress: Progress<'_>,
    cancel: impl Future<Output = ()>,
) -> Result<TxEnvelope, SignError> {
    let signed = tokio::select! {
        biased;
        () = cancel => return Err(SignError::Cancelled),
        signed = signer.sign(&tx, progress) => signed?,
    };
    check_signature(signer.address(), &signed, &tx)?;
    progress(SigningState::Signed);
    Ok(TxEnvelope::Eip1559(tx.into_signed(signed.signature)))
}

/// The signature over `tx` must be `expected`'s: verified against the key that made it
/// when that key is known, recovered otherwise.
fn check_signature(expected: Address, signed: &Signed, tx: &TxEip1559) -> Result<(), SignError> {
    let hash = tx.signature_hash();
    let signer = match &signed.key {
        Some(key) => {
            verify(&signed.signature, &hash, key)?;
            Address::from_secp256k1_public_key(key)
        }
        None => signed
            .signature
            .recover_address_from_prehash(&hash)
            .map_err(|_| SignError::InvalidSignature)?,
    };
    if signer != expected {
        return Err(SignError::WrongSigner {
            expected,
            recovered: signer,
        });
    }
    Ok(())
}

/// `signature` must be `key`'s over `hash`, in the low-s form Ethereum accepts.
fn verify(signature: &Signature, hash: &B256, key: &PublicKey) -> Result<(), SignError> {
    let signature = signature
        .to_secp256k1()
        .map_err(|_| SignError::InvalidSignature)?
        .to_standard();
    SECP256K1
        .verify_ecdsa(Message::from_digest(hash.0), &signature, key)
        .map_err(|_| SignError::InvalidSignature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_consensus::transaction::SignerRecoverable;
    use alloy_primitives::{B256, Bytes, TxKind, U256, keccak256};
    use alloy_signer::SignerSync;
    use alloy_signer_local::PrivateKeySigner;

    /// Signs with `key` for `address` (which may be another key's, to see what is
    /// caught), naming its key as a software signer does or not as a device does; with
    /// `fault`, the signature's `r` is off by one, as a fault while signing could leave it.
    struct TestSigner {
        key: SoftwareKey,
        address: Address,
        names_its_key: bool,
        fault: bool,
    }

    impl TestSigner {
        fn software(key: SoftwareKey) -> Self {
            Self {
                address: key.address(),
                key,
                names_its_key: true,
                fault: false,
            }
        }
    }

    impl Signer for TestSigner {
        fn address(&self) -> Address {
            self.address
        }

        fn sign<'a>(&'a self, tx: &'a TxEip1559, _progress: Progress<'a>) -> SignFuture<'a> {
            Box::pin(async move {
                let mut signed = self.key.sign(tx);
                if self.fault {
                    let signature = signed.signature;
                    signed.signature =
                        Signature::new(signature.r() + U256::from(1), signature.s(), signature.v());
                }
                if !self.names_its_key {
                    signed = Signed::by_device(signed.signature);
                }
                Ok(signed)
            })
        }
    }

    /// The `n`th test key's secret: the hash of `n`, never for real funds.
    fn secret(n: u64) -> [u8; 32] {
        keccak256(n.to_be_bytes()).0
    }

    fn key(n: u64) -> SoftwareKey {
        SoftwareKey::from_secret(&secret(n)).expect("a valid key")
    }

    fn transaction(n: u64) -> TxEip1559 {
        TxEip1559 {
            chain_id: 1 + n % 3,
            nonce: n,
            gas_limit: 21_000 + n * 7,
            max_fee_per_gas: 30_000_000_000 + u128::from(n),
            max_priority_fee_per_gas: 1_000_000_000,
            to: TxKind::Call(Address::from_word(B256::from(U256::from(n + 1)))),
            value: U256::from(n) * U256::from(10u64).pow(U256::from(15)),
            access_list: Default::default(),
            input: Bytes::from(n.to_be_bytes().to_vec()),
        }
    }

    /// What `sign_transaction` answers, and whether it reported the signing done.
    fn sign(signer: &TestSigner, tx: TxEip1559) -> (Result<TxEnvelope, SignError>, bool) {
        let signed = std::sync::atomic::AtomicBool::new(false);
        let report = |state| {
            if state == SigningState::Signed {
                signed.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let outcome = runtime.block_on(sign_transaction(
            signer,
            tx,
            &report,
            std::future::pending(),
        ));
        (outcome, signed.into_inner())
    }

    #[test]
    fn a_software_signature_is_alloys_and_recovers_to_the_account() {
        for n in 0..64 {
            let alloy = PrivateKeySigner::from_bytes(&B256::from(secret(n))).expect("a valid key");
            let tx = transaction(n);
            let alloys = alloy.sign_hash_sync(&tx.signature_hash()).expect("signed");
            let signer = TestSigner::software(key(n));
            assert_eq!(signer.address, alloy.address(), "key {n}");
            let (outcome, reported) = sign(&signer, tx.clone());
            let envelope = outcome.expect("signed");
            assert_eq!(
                envelope,
                TxEnvelope::Eip1559(tx.into_signed(alloys)),
                "key {n}"
            );
            assert_eq!(envelope.recover_signer().expect("recovers"), signer.address);
            assert!(reported, "key {n}: the signing is reported done");
        }
    }

    #[test]
    fn a_secret_that_is_not_a_key_is_refused() {
        // The curve's order n, and n + 1: scalars must be in 1..n.
        let order = U256::from_str_radix(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
            16,
        )
        .expect("hex");
        for secret in [U256::ZERO, order, order + U256::from(1), U256::MAX] {
            assert_eq!(
                SoftwareKey::from_secret(&secret.to_be_bytes()).map(|key| key.address()),
                Err(InvalidSecretKey),
                "{secret:#x}"
            );
        }
        let largest = (order - U256::from(1)).to_be_bytes();
        assert!(SoftwareKey::from_secret(&largest).is_ok());
    }

    #[test]
    fn a_keys_debug_shows_its_address_not_its_secret() {
        let key = key(7);
        let shown = format!("{key:?}");
        assert!(shown.contains(&format!("{:?}", key.address())), "{shown}");
        let secret = alloy_primitives::hex::encode(secret(7));
        assert!(!shown.to_lowercase().contains(&secret[..16]), "{shown}");
    }

    #[test]
    fn a_signature_damaged_while_signing_is_refused_before_anyone_sees_it() {
        for names_its_key in [true, false] {
            let signer = TestSigner {
                fault: true,
                names_its_key,
                ..TestSigner::software(key(3))
            };
            let (outcome, reported) = sign(&signer, transaction(5));
            let error = outcome.expect_err("refused");
            if names_its_key {
                // Verified against the key that made it: it does not verify.
                assert_eq!(error, SignError::InvalidSignature);
            } else {
                // Recovered: some other key, or none at all.
                assert!(
                    matches!(
                        error,
                        SignError::InvalidSignature | SignError::WrongSigner { .. }
                    ),
                    "{error:?}"
                );
            }
            assert!(!reported, "a refused signature is never reported signed");
        }
    }

    #[test]
    fn a_signature_from_a_key_that_is_not_the_accounts_is_refused() {
        for names_its_key in [true, false] {
            let (account, other) = (key(1), key(2));
            let other_address = other.address();
            let signer = TestSigner {
                key: other,
                address: account.address(),
                names_its_key,
                fault: false,
            };
            let (outcome, reported) = sign(&signer, transaction(5));
            assert_eq!(
                outcome.expect_err("refused"),
                SignError::WrongSigner {
                    expected: account.address(),
                    recovered: other_address,
                },
                "naming its key: {names_its_key}"
            );
            assert!(!reported, "a refused signature is never reported signed");
        }
    }
}
