//! A Trezor, through the Trezor wire protocol (v1: 64-byte packets of protobuf
//! messages, from the `saleguard-trezor-protocol` crate) over USB (WebUSB, through
//! libusb) or over the Trezor emulator's UDP port (named in [`TREZOR_EMULATOR_ENV`];
//! the emulator's own is `127.0.0.1:21324`).
//!
//! The conversations: `Initialize` → `Features` when connecting; `GetFeatures` to see
//! where the device stands; `EthereumGetAddress` → `EthereumAddress`; and
//! `EthereumSignTxEIP1559` → (`ButtonRequest` → `ButtonAck` | `EthereumTxRequest{n}` →
//! `EthereumTxAck{next n bytes}`)* → `EthereumTxRequest{v, r, s}`. Every
//! `ButtonRequest` is a prompt on the device, reported as it comes; a PIN entered on the
//! device (Trezor T, Safe) is one too. A `Failure` is a typed error.
//!
//! Each conversation runs on a task of its own: a panic ends in an error, each answer is
//! awaited behind a timeout, and a conversation given up (cancelled, timed out) sends
//! the device `Cancel` so that no prompt is left on its screen.

mod link;

/// The USB vendor and product id Saleguard opens a Trezor by (WebUSB: Model T, Safe 3 and
/// 5, a Model One from firmware 1.7); the udev rules of the Linux packages name it.
pub const USB_ID: (u16, u16) = (link::USB_VENDOR, link::USB_PRODUCT);

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use alloy_consensus::TxEip1559;
use alloy_primitives::{Address, Signature, U256, normalize_v};
use saleguard_chain::signer::{
    DeviceError, Progress, SignError, SignFuture, Signed, Signer, SigningState,
};
use saleguard_core::account::DerivationPath;
use tokio::sync::{Mutex, OwnedMutexGuard, mpsc};
use tokio::task::JoinHandle;

use crate::Timeouts;
use crate::process_lock::ProcessLock;
use link::{Link, frame_error};
use saleguard_trezor_protocol::messages::{
    self, ButtonAck, ButtonRequest, EthereumAccessList, EthereumAddress, EthereumGetAddress,
    EthereumSignTxEip1559, EthereumTxAck, EthereumTxRequest, Failure, Features, GetFeatures,
    Initialize, PassphraseAck, PassphraseRequest, PinMatrixRequest, TrezorMessage, button, failure,
};
use saleguard_trezor_protocol::wire;

/// The environment variable naming a Trezor emulator's UDP port (`host:port`, the
/// emulator's own is [`EMULATOR_ADDRESS`]): when set, the app and the CLI talk to it
/// (read by their command lines, as `--trezor-emulator`).
pub const TREZOR_EMULATOR_ENV: &str = "SALEGUARD_TREZOR_EMULATOR";

/// Where the Trezor emulator listens unless told otherwise.
pub const EMULATOR_ADDRESS: &str = "127.0.0.1:21324";

/// The most data one `EthereumSignTxEIP1559` carries; the device asks for the rest.
const FIRST_DATA_CHUNK: usize = 1024;

/// How to reach the Trezor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrezorConnection {
    /// The first Trezor on USB.
    Usb,
    /// A Trezor emulator's UDP port, `host:port`.
    Emulator(String),
}

impl TrezorConnection {
    /// The device in words, for messages: "Trezor" or "Trezor emulator at host:port".
    pub fn describe(&self) -> String {
        match self {
            Self::Usb => "Trezor".to_owned(),
            Self::Emulator(address) => format!("Trezor emulator at {address}"),
        }
    }

    /// The name its [`ProcessLock`] goes by.
    fn lock_name(&self) -> String {
        match self {
            Self::Usb => "trezor-usb".to_owned(),
            Self::Emulator(address) => format!("trezor-emulator-{address}"),
        }
    }
}

/// What a conversation reports while it runs.
#[derive(Debug, Clone, Copy)]
enum Prompt {
    Pin,
    Confirmation,
}

/// One conversation with the device, holding the link (and the device, against other
/// Saleguard processes) for its length.
struct Conversation {
    // Declared (so dropped) before the link: whoever takes the link next, to end a prompt
    // left on the device, finds the device free of this conversation.
    _process_lock: ProcessLock,
    link: OwnedMutexGuard<Link>,
    timeouts: Timeouts,
    prompts: mpsc::UnboundedSender<Prompt>,
}

impl Conversation {
    /// Sends `message` and answers the device's prompts (a `ButtonAck` to each, after
    /// which the user has the confirmation time) until it answers something else: a
    /// failure is its error, anything else is returned.
    async fn call<M: TrezorMessage>(&self, message: &M) -> Result<(u16, Vec<u8>), DeviceError> {
        let mut outgoing = wire::encode(message);
        let mut wait = self.timeouts.answer;
        loop {
            let answer = self
                .link
                .exchange(&outgoing, wait, self.timeouts.answer)
                .await;
            let (kind, payload) = match answer {
                Ok(answer) => answer,
                Err(error @ DeviceError::TimedOut(_)) => {
                    // Whatever the device still shows, it is ended before anyone else asks.
                    self.link.cancel().await;
                    return Err(error);
                }
                Err(error) => return Err(error),
            };
            match kind {
                ButtonRequest::TYPE => {
                    let request: ButtonRequest = decoded(&payload)?;
                    let prompt = if request.code == Some(button::PIN_ENTRY) {
                        Prompt::Pin
                    } else {
                        Prompt::Confirmation
                    };
                    let _ = self.prompts.send(prompt);
                    outgoing = wire::encode(&ButtonAck {});
                    wait = self.timeouts.confirmation;
                }
                PinMatrixRequest::TYPE => {
                    // A Trezor One wants its PIN typed on the computer: end the request.
                    self.link.cancel().await;
                    return Err(DeviceError::PinOnComputer);
                }
                PassphraseRequest::TYPE => {
                    // The passphrase is typed on the device (a Trezor T or Safe); the
                    // prompts for it follow as button requests.
                    outgoing = wire::encode(&PassphraseAck {
                        passphrase: None,
                        on_device: Some(true),
                    });
                    wait = self.timeouts.confirmation;
                }
                Failure::TYPE => return Err(failure_error(&decoded(&payload)?)),
                _ => return Ok((kind, payload)),
            }
        }
    }

    /// [`call`](Self::call), expecting an `R` back; anything else ends the request on
    /// the device.
    async fn ask<M: TrezorMessage, R: TrezorMessage>(&self, message: &M) -> Result<R, DeviceError> {
        let (kind, payload) = self.call(message).await?;
        let answer = expect(kind, &payload);
        if answer.is_err() {
            self.link.cancel().await;
        }
        answer
    }
}

pub fn decoded<M: TrezorMessage>(payload: &[u8]) -> Result<M, DeviceError> {
    wire::decode(payload).map_err(frame_error)
}

/// The answer as an `M`, or what else came.
pub fn expect<M: TrezorMessage>(kind: u16, payload: &[u8]) -> Result<M, DeviceError> {
    if kind == M::TYPE {
        decoded(payload)
    } else {
        Err(DeviceError::Malformed(format!(
            "message type {kind} where {} was expected",
            M::TYPE
        )))
    }
}

/// A device's `Failure`, in words.
pub fn failure_error(failure: &Failure) -> DeviceError {
    let said = failure.message.clone().unwrap_or_default();
    match failure.code.unwrap_or_default() {
        failure::ACTION_CANCELLED => DeviceError::Rejected,
        failure::PIN_INVALID | failure::PIN_EXPECTED | failure::PIN_CANCELLED => {
            DeviceError::Locked
        }
        failure::BUSY => DeviceError::Busy,
        failure::NOT_INITIALIZED => {
            DeviceError::Refused("the Trezor is not set up: set it up in Trezor Suite".to_owned())
        }
        failure::INVALID_PROTOCOL => DeviceError::Refused(
            "this Trezor speaks only the newer THP protocol, which Saleguard does not speak yet"
                .to_owned(),
        ),
        failure::UNEXPECTED_MESSAGE => {
            DeviceError::Malformed(format!("unexpected message: {said}"))
        }
        code if said.is_empty() => DeviceError::Refused(format!("failure {code}")),
        _ => DeviceError::Refused(said),
    }
}

/// What the device says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrezorFeatures {
    /// "1", "T", "Safe 3", …
    pub model: String,
    pub label: Option<String>,
    pub firmware: (u32, u32, u32),
    /// False while it waits for its PIN.
    pub unlocked: bool,
    pub initialized: bool,
    /// Whether its firmware signs Ethereum transactions (not a Bitcoin-only one).
    pub ethereum: bool,
}

impl TrezorFeatures {
    pub fn of(features: &Features) -> Self {
        Self {
            model: features.model.clone().unwrap_or_else(|| "1".to_owned()),
            label: features.label.clone().filter(|label| !label.is_empty()),
            firmware: (
                features.major_version,
                features.minor_version,
                features.patch_version,
            ),
            unlocked: features.unlocked.unwrap_or(true),
            initialized: features.initialized.unwrap_or(true),
            ethereum: features.capabilities.is_empty()
                || features
                    .capabilities
                    .contains(&messages::CAPABILITY_ETHEREUM),
        }
    }

    /// A Trezor One takes its PIN on the computer; the others on their own screen.
    pub fn pin_on_computer(&self) -> bool {
        self.model == "1"
    }

    /// Why it cannot sign Ethereum transactions now, if it cannot.
    pub fn unusable(&self) -> Option<DeviceError> {
        if !self.initialized {
            Some(failure_error(&Failure {
                code: Some(failure::NOT_INITIALIZED),
                message: None,
            }))
        } else if !self.ethereum {
            Some(DeviceError::Refused(
                "this Trezor runs Bitcoin-only firmware: install the universal firmware in Trezor Suite to use it with Ethereum".to_owned(),
            ))
        } else {
            None
        }
    }
}

/// A conversation running on its task. Dropped before it ends (the signing was
/// cancelled), it is stopped, and the prompt it may have left on the device is ended by
/// whoever holds the link next: a task started here for the purpose, or the next request.
struct Running<T> {
    task: JoinHandle<Result<T, DeviceError>>,
    link: Arc<Mutex<Link>>,
    owes_cancel: Arc<AtomicBool>,
    lock_name: String,
    ended: bool,
}

impl<T> Drop for Running<T> {
    fn drop(&mut self) {
        if self.ended {
            return;
        }
        self.task.abort();
        // Set before the aborted task lets the link go: no one asks the device anything
        // before the prompt is ended.
        self.owes_cancel.store(true, Ordering::SeqCst);
        let (link, owes_cancel) = (Arc::clone(&self.link), Arc::clone(&self.owes_cancel));
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let lock_name = std::mem::take(&mut self.lock_name);
            runtime.spawn(async move {
                let link = link.lock().await;
                // Another process that has the device since started its own conversation,
                // which ended the prompt: nothing of it is to be cancelled.
                let Ok(_process_lock) = ProcessLock::take(&lock_name) else {
                    return;
                };
                if owes_cancel.swap(false, Ordering::SeqCst) {
                    link.cancel().await;
                }
            });
        }
    }
}

/// How long a request waits for the conversation before it to let go of the link.
const LINK_WAIT: std::time::Duration = std::time::Duration::from_millis(750);

/// A connected Trezor. One request at a time: a second one while the device is busy
/// (e.g. still showing a prompt) is refused with [`DeviceError::Busy`], and one while
/// another Saleguard process talks to it with [`DeviceError::InUse`].
pub struct TrezorDevice {
    link: Arc<Mutex<Link>>,
    /// A conversation was given up with a prompt on the device: whoever holds the link
    /// next ends that prompt first.
    owes_cancel: Arc<AtomicBool>,
    connection: TrezorConnection,
    timeouts: Timeouts,
}

impl std::fmt::Debug for TrezorDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrezorDevice")
            .field("connection", &self.connection)
            .finish_non_exhaustive()
    }
}

impl TrezorDevice {
    /// Opens the device and starts a session (which also ends whatever an earlier app
    /// left on its screen). Nothing answering is [`DeviceError::NotFound`].
    pub async fn connect(
        connection: TrezorConnection,
        timeouts: Timeouts,
    ) -> Result<Self, DeviceError> {
        let link = match &connection {
            TrezorConnection::Usb => Link::open_usb().await?,
            TrezorConnection::Emulator(address) => {
                Link::open_emulator(address, timeouts.answer).await?
            }
        };
        let device = Self {
            link: Arc::new(Mutex::new(link)),
            owes_cancel: Arc::new(AtomicBool::new(false)),
            connection,
            timeouts,
        };
        device
            .run(&|_| {}, move |conversation| async move {
                conversation
                    .ask::<_, Features>(&Initialize { session_id: None })
                    .await
            })
            .await?;
        Ok(device)
    }

    /// How the device is reached.
    pub fn connection(&self) -> &TrezorConnection {
        &self.connection
    }

    /// What the device is and where it stands (locked or not); also the readiness check.
    pub async fn features(&self) -> Result<TrezorFeatures, DeviceError> {
        let features = self
            .run(&|_| {}, move |conversation| async move {
                conversation.ask::<_, Features>(&GetFeatures {}).await
            })
            .await?;
        Ok(TrezorFeatures::of(&features))
    }

    /// The address at `path`; with `show_on_device`, the device shows it and waits for
    /// the user to confirm that it is the one on the screen.
    pub async fn address(
        &self,
        path: &DerivationPath,
        show_on_device: bool,
    ) -> Result<Address, DeviceError> {
        let request = EthereumGetAddress {
            address_n: path.components().to_vec(),
            show_display: Some(show_on_device),
        };
        let reply = self
            .run(&|_| {}, move |conversation| async move {
                conversation.ask::<_, EthereumAddress>(&request).await
            })
            .await?;
        parse_address(reply.address.as_deref().unwrap_or_default())
    }

    /// Has the device sign `tx` with the key at `path`, reporting the prompts on its
    /// screen. The signature is not checked here:
    /// [`saleguard_chain::signer::sign_transaction`] checks it recovers to the account.
    pub async fn sign(
        &self,
        path: &DerivationPath,
        tx: &TxEip1559,
        progress: Progress<'_>,
    ) -> Result<Signature, DeviceError> {
        let request = signing_request(path, tx)?;
        let data = tx.input.to_vec();
        let reply = self
            .run(progress, move |conversation| async move {
                let mut sent = request.data_initial_chunk.as_ref().map_or(0, Vec::len);
                let mut reply: EthereumTxRequest = conversation.ask(&request).await?;
                while let Some(wanted) = reply.data_length.filter(|wanted| *wanted > 0) {
                    let end = usize::try_from(wanted)
                        .ok()
                        .and_then(|wanted| sent.checked_add(wanted))
                        .filter(|end| *end <= data.len())
                        .ok_or_else(|| {
                            DeviceError::Malformed(
                                "a request for more data than the transaction has".to_owned(),
                            )
                        })?;
                    let chunk = EthereumTxAck {
                        data_chunk: data[sent..end].to_vec(),
                    };
                    sent = end;
                    reply = conversation.ask(&chunk).await?;
                }
                if sent != data.len() {
                    return Err(DeviceError::Malformed(
                        "a signature before all the data was sent".to_owned(),
                    ));
                }
                Ok(reply)
            })
            .await?;
        signature_of(&reply)
    }

    /// Runs one conversation on a task of its own, relaying the device's prompts to
    /// `progress`. A panic ends in [`DeviceError::Disconnected`]; a timeout cancels what
    /// is on the device.
    async fn run<T, Job, Done>(&self, progress: Progress<'_>, job: Job) -> Result<T, DeviceError>
    where
        T: Send + 'static,
        Job: FnOnce(Conversation) -> Done,
        Done: Future<Output = Result<T, DeviceError>> + Send + 'static,
    {
        // The conversation before may still be clearing what it left on the device (a
        // Cancel after a refusal): that is worth a moment's wait, a prompt is not.
        let link = tokio::time::timeout(LINK_WAIT, Arc::clone(&self.link).lock_owned())
            .await
            .map_err(|_| DeviceError::Busy)?;
        let process_lock = ProcessLock::take(&self.connection.lock_name())?;
        if self.owes_cancel.swap(false, Ordering::SeqCst) {
            link.cancel().await;
        } else {
            link.drain().await;
        }
        let (prompts, mut prompted) = mpsc::unbounded_channel();
        let conversation = Conversation {
            _process_lock: process_lock,
            link,
            timeouts: self.timeouts,
            prompts,
        };
        let mut running = Running {
            task: tokio::spawn(job(conversation)),
            link: Arc::clone(&self.link),
            owes_cancel: Arc::clone(&self.owes_cancel),
            lock_name: self.connection.lock_name(),
            ended: false,
        };
        // Each prompt in a row is one state for the user (a transfer has two screens).
        let mut last = None;
        let mut report = |prompt| {
            let state = match prompt {
                Prompt::Pin => SigningState::WaitingForPin,
                Prompt::Confirmation => SigningState::WaitingForConfirmation,
            };
            if last.replace(state) != Some(state) {
                progress(state);
            }
        };
        let outcome = loop {
            tokio::select! {
                biased;
                Some(prompt) = prompted.recv() => report(prompt),
                outcome = &mut running.task => break outcome,
            }
        };
        running.ended = true;
        while let Ok(prompt) = prompted.try_recv() {
            report(prompt);
        }
        match outcome {
            Ok(result) => result,
            Err(_) => {
                tracing::warn!("a Trezor conversation failed");
                Err(DeviceError::Disconnected)
            }
        }
    }
}

/// An integer as the device reads it: big-endian without leading zeros (zero is empty).
fn minimal_bytes(value: u128) -> Vec<u8> {
    U256::from(value).to_be_bytes_trimmed_vec()
}

/// The signing request for `tx`: its fields, and the first chunk of its data.
pub fn signing_request(
    path: &DerivationPath,
    tx: &TxEip1559,
) -> Result<EthereumSignTxEip1559, DeviceError> {
    let data_length = u32::try_from(tx.input.len()).map_err(|_| {
        DeviceError::Refused("the transaction's data is longer than a Trezor takes".to_owned())
    })?;
    let first = &tx.input[..tx.input.len().min(FIRST_DATA_CHUNK)];
    Ok(EthereumSignTxEip1559 {
        address_n: path.components().to_vec(),
        nonce: minimal_bytes(tx.nonce.into()),
        max_gas_fee: minimal_bytes(tx.max_fee_per_gas),
        max_priority_fee: minimal_bytes(tx.max_priority_fee_per_gas),
        gas_limit: minimal_bytes(tx.gas_limit.into()),
        to: tx.to.to().map(|to| to.to_checksum(None)),
        value: tx.value.to_be_bytes_trimmed_vec(),
        data_initial_chunk: Some(first.to_vec()),
        data_length,
        chain_id: tx.chain_id,
        access_list: tx
            .access_list
            .iter()
            .map(|item| EthereumAccessList {
                address: item.address.to_checksum(None),
                storage_keys: item.storage_keys.iter().map(|key| key.to_vec()).collect(),
            })
            .collect(),
    })
}

/// `0x` and 40 hex digits, with a valid EIP-55 checksum when it has capitals.
pub fn parse_address(text: &str) -> Result<Address, DeviceError> {
    let unreadable = || DeviceError::Malformed(format!("an unreadable address ({text:?})"));
    let digits = text.strip_prefix("0x").ok_or_else(unreadable)?;
    let address: Address = text.parse().map_err(|_| unreadable())?;
    let mixed = digits.chars().any(|c| c.is_ascii_uppercase());
    if mixed && Address::parse_checksummed(text, None).is_err() {
        return Err(DeviceError::Malformed(
            "an address whose checksum is wrong".to_owned(),
        ));
    }
    Ok(address)
}

/// The signature in the last `EthereumTxRequest`: v the y-parity, r and s 32 bytes.
pub fn signature_of(reply: &EthereumTxRequest) -> Result<Signature, DeviceError> {
    let malformed = |what: &str| DeviceError::Malformed(what.to_owned());
    let (Some(v), Some(r), Some(s)) = (
        reply.signature_v,
        reply.signature_r.as_deref(),
        reply.signature_s.as_deref(),
    ) else {
        return Err(malformed("an answer without a signature"));
    };
    if r.len() != 32 || s.len() != 32 {
        return Err(malformed("a signature whose r or s is not 32 bytes"));
    }
    let parity = normalize_v(u64::from(v))
        .ok_or_else(|| DeviceError::Malformed(format!("a signature with v = {v}")))?;
    Ok(Signature::new(
        U256::from_be_slice(r),
        U256::from_be_slice(s),
        parity,
    ))
}

/// Signs with the key at one derivation path of a Trezor.
#[derive(Debug)]
pub struct TrezorSigner {
    device: Arc<TrezorDevice>,
    path: DerivationPath,
    address: Address,
}

impl TrezorSigner {
    /// The signer of the account at `path`, whose address was checked when it was added.
    pub fn new(device: Arc<TrezorDevice>, path: DerivationPath, address: Address) -> Self {
        Self {
            device,
            path,
            address,
        }
    }

    async fn sign_on_device(
        &self,
        tx: &TxEip1559,
        progress: Progress<'_>,
    ) -> Result<Signature, DeviceError> {
        progress(SigningState::ConnectingDevice);
        let features = self.device.features().await?;
        if let Some(error) = features.unusable() {
            return Err(error);
        }
        if !features.unlocked && features.pin_on_computer() {
            return Err(DeviceError::PinOnComputer);
        }
        self.device.sign(&self.path, tx, progress).await
    }
}

impl Signer for TrezorSigner {
    fn address(&self) -> Address {
        self.address
    }

    fn sign<'a>(&'a self, tx: &'a TxEip1559, progress: Progress<'a>) -> SignFuture<'a> {
        Box::pin(async move {
            self.sign_on_device(tx, progress)
                .await
                .map(Signed::by_device)
                .map_err(SignError::Device)
        })
    }
}

#[cfg(test)]
mod tests;
