//! The signing abstraction every kind of account implements: software keys from the OS
//! keyring, Ledger and Trezor devices. A signer signs the EIP-1559 signing
//! hash of one exact transaction; [`sign_transaction`] runs it cancellably, reports
//! progress, and checks the signature before anyone may broadcast it.

use std::future::Future;
use std::pin::Pin;

use alloy_consensus::{SignableTransaction, TxEip1559, TxEnvelope};
use alloy_primitives::{Address, Signature};

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
    /// Signed and checked: the recovered sender is the account, the chain the network's.
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

/// A boxed future, so that signers of every kind fit behind one `dyn Signer`.
pub type SignFuture<'a> = Pin<Box<dyn Future<Output = Result<Signature, SignError>> + Send + 'a>>;

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

/// Signs `tx` with `signer` unless `cancel` completes first, then checks the signature:
/// the sender it recovers must be the signer's address. Returns the signed envelope.
pub async fn sign_transaction(
    signer: &dyn Signer,
    tx: TxEip1559,
    progress: Progress<'_>,
    cancel: impl Future<Output = ()>,
) -> Result<TxEnvelope, SignError> {
    let signature = tokio::select! {
        biased;
        () = cancel => return Err(SignError::Cancelled),
        signature = signer.sign(&tx, progress) => signature?,
    };
    let expected = signer.address();
    let recovered = signature
        .recover_address_from_prehash(&tx.signature_hash())
        .map_err(|_| SignError::InvalidSignature)?;
    if recovered != expected {
        return Err(SignError::WrongSigner {
            expected,
            recovered,
        });
    }
    progress(SigningState::Signed);
    Ok(TxEnvelope::Eip1559(tx.into_signed(signature)))
}
