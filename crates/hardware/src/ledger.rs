//! A Ledger running its Ethereum app, over USB HID or over a Speculos emulator's TCP
//! APDU port (named in [`SPECULOS_ENV`], e.g. `127.0.0.1:9999`).
//!
//! The Ethereum app's commands (class `0xE0`): `GET_ETH_PUBLIC_ADDRESS` (`0x02`; P1 `1`
//! shows the address on the device for the user to compare), `SIGN_ETH_TRANSACTION`
//! (`0x04`; the derivation path then the EIP-2718 signing payload, in chunks of at most
//! 255 bytes, P1 `0x00` for the first and `0x80` for the rest) and
//! `GET_APP_CONFIGURATION` (`0x06`; flags, bit 0 = blind signing enabled, and the app
//! version). The transports and APDU framing are coins-ledger's.

use std::sync::Arc;
use std::time::{Duration, Instant};

use alloy_consensus::{SignableTransaction, TxEip1559};
use alloy_primitives::{Address, Signature, normalize_v};
use coins_ledger::common::{ApduAnswer, ApduCommand};
use coins_ledger::transports::{
    HidTransport, NativeTransportError, SpeculosError, SpeculosTransport,
};
use coins_ledger::{Ledger, LedgerError, Model};
use saleguard_chain::signer::{
    DeviceError, Progress, SignError, SignFuture, Signed, Signer, SigningState,
};
use saleguard_core::account::DerivationPath;
use tokio::sync::Mutex;

pub use crate::Timeouts;
use crate::process_lock::ProcessLock;

/// The USB vendor id of every Ledger model (coins-ledger opens a Ledger by it); the udev
/// rules of the Linux packages name it.
pub const USB_VENDOR: u16 = 0x2c97;

/// The environment variable naming a Speculos emulator's APDU port (`host:port`): when
/// set, the app and the CLI talk to the emulator instead of a Ledger on USB (read by
/// their command lines, as `--ledger-emulator`).
pub const SPECULOS_ENV: &str = "SALEGUARD_LEDGER_SPECULOS";

const CLA: u8 = 0xe0;
const INS_GET_ADDRESS: u8 = 0x02;
const INS_SIGN: u8 = 0x04;
const INS_CONFIGURATION: u8 = 0x06;
const P1_SILENT: u8 = 0x00;
const P1_SHOW_ON_DEVICE: u8 = 0x01;
const P1_FIRST_CHUNK: u8 = 0x00;
const P1_MORE_CHUNKS: u8 = 0x80;
const MAX_CHUNK: usize = 255;

/// The status words of the Ethereum app and the dashboard that mean something to the
/// user; any other is shown by its number.
mod status {
    pub const REJECTED_BY_USER: u16 = 0x6985;
    pub const INVALID_DATA: u16 = 0x6a80;
    pub const LOCKED: u16 = 0x5515;
    pub const LOCKED_LEGACY: u16 = 0x6b0c;
    pub const WRONG_APP: u16 = 0x6511;
    pub const INS_NOT_SUPPORTED: u16 = 0x6d00;
    pub const CLA_NOT_SUPPORTED: u16 = 0x6e00;
    pub const CLA_NOT_SUPPORTED_DASHBOARD: u16 = 0x6e01;
}

/// How to reach the Ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerConnection {
    /// The first Ledger on USB.
    Usb,
    /// A Speculos emulator's APDU port, `host:port`.
    Speculos(String),
}

impl LedgerConnection {
    /// The device in words, for messages: "Ledger" or "Ledger emulator at host:port".
    pub fn describe(&self) -> String {
        match self {
            Self::Usb => "Ledger".to_owned(),
            Self::Speculos(address) => format!("Ledger emulator at {address}"),
        }
    }

    /// The name its [`ProcessLock`] goes by.
    fn lock_name(&self) -> String {
        match self {
            Self::Usb => "ledger-usb".to_owned(),
            Self::Speculos(address) => format!("ledger-emulator-{address}"),
        }
    }
}

/// What the Ethereum app says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfiguration {
    /// Whether the user enabled blind signing (needed for contract calls the app cannot
    /// decode itself).
    pub blind_signing: bool,
    pub version: (u8, u8, u8),
}

enum Transport {
    Usb(Ledger<HidTransport>),
    Speculos(Ledger<SpeculosTransport>),
}

impl Transport {
    async fn exchange(
        &mut self,
        command: ApduCommand,
        timeout: Duration,
    ) -> Result<ApduAnswer, LedgerError> {
        match self {
            Self::Usb(ledger) => {
                ledger.set_timeout(Some(timeout));
                ledger.exchange(command).await
            }
            Self::Speculos(ledger) => {
                ledger.set_timeout(Some(timeout));
                ledger.exchange(command).await
            }
        }
    }
}

/// The transport, and this process's hold on the device while a request runs (and after
/// one that timed out: its prompt may still be on the screen, and its answer must not
/// reach another process).
struct Held {
    transport: Transport,
    process_lock: Option<ProcessLock>,
    /// After a request left unanswered: until when the device stays this process's
    /// though nothing asks it anything (then it is let go, the prompt most likely
    /// answered or given up).
    kept_until: Option<Instant>,
}

/// A connected Ledger. One request at a time: a second one while the device is busy
/// (e.g. still showing a prompt) is refused with [`DeviceError::Busy`], and one while
/// another Saleguard process talks to it with [`DeviceError::InUse`].
pub struct LedgerDevice {
    held: Arc<Mutex<Held>>,
    connection: LedgerConnection,
    timeouts: Timeouts,
}

impl std::fmt::Debug for LedgerDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LedgerDevice")
            .field("connection", &self.connection)
            .finish_non_exhaustive()
    }
}

impl LedgerDevice {
    /// Opens the device. A missing device, or a USB stack that fails (or panics, as
    /// HID libraries do on machines without USB), is [`DeviceError::NotFound`].
    pub async fn connect(
        connection: LedgerConnection,
        timeouts: Timeouts,
    ) -> Result<Self, DeviceError> {
        let not_found = || DeviceError::NotFound(connection.describe());
        let transport = match &connection {
            LedgerConnection::Usb => {
                let opened = tokio::task::spawn_blocking(Ledger::open_first_hid).await;
                match opened {
                    Ok(Ok(ledger)) => Transport::Usb(ledger),
                    Ok(Err(error)) => {
                        tracing::info!(%error, "no Ledger on USB");
                        return Err(not_found());
                    }
                    Err(_) => {
                        tracing::warn!("the USB stack failed while looking for a Ledger");
                        return Err(not_found());
                    }
                }
            }
            LedgerConnection::Speculos(address) => {
                let connecting = SpeculosTransport::connect(address.as_str(), Model::NanoSPlus);
                match tokio::time::timeout(timeouts.answer, connecting).await {
                    Ok(Ok(transport)) => Transport::Speculos(Ledger::from_transport(transport)),
                    Ok(Err(_)) | Err(_) => return Err(not_found()),
                }
            }
        };
        Ok(Self {
            held: Arc::new(Mutex::new(Held {
                transport,
                process_lock: None,
                kept_until: None,
            })),
            connection,
            timeouts,
        })
    }

    /// How the device is reached.
    pub fn connection(&self) -> &LedgerConnection {
        &self.connection
    }

    /// The Ethereum app's flags and version; fails when the app is not open or the
    /// device is locked, so it is also the readiness check.
    pub async fn configuration(&self) -> Result<AppConfiguration, DeviceError> {
        let command = command(INS_CONFIGURATION, P1_SILENT, &[])?;
        let answer = self.run(vec![command], self.timeouts.answer, false).await?;
        match answer.data() {
            [flags, major, minor, patch, ..] => Ok(AppConfiguration {
                blind_signing: flags & 0x01 != 0,
                version: (*major, *minor, *patch),
            }),
            other => Err(malformed(format!(
                "a {}-byte app configuration",
                other.len()
            ))),
        }
    }

    /// The address at `path`; with `show_on_device`, the device shows it and waits for
    /// the user to confirm that it is the one on the screen.
    pub async fn address(
        &self,
        path: &DerivationPath,
        show_on_device: bool,
    ) -> Result<Address, DeviceError> {
        let p1 = if show_on_device {
            P1_SHOW_ON_DEVICE
        } else {
            P1_SILENT
        };
        let command = command(INS_GET_ADDRESS, p1, &path_bytes(path))?;
        let wait = if show_on_device {
            self.timeouts.confirmation
        } else {
            self.timeouts.answer
        };
        let answer = self.run(vec![command], wait, false).await?;
        parse_address(answer.data())
    }

    /// Has the device sign `tx` (the user confirms on the device) with the key at
    /// `path`. The signature is not checked here: [`saleguard_chain::signer::sign_transaction`]
    /// checks it recovers to the account before anything is sent.
    pub async fn sign(
        &self,
        path: &DerivationPath,
        tx: &TxEip1559,
    ) -> Result<Signature, DeviceError> {
        let mut payload = path_bytes(path);
        payload.extend(tx.encoded_for_signing());
        let chunks = sign_chunks(&payload)?;
        let answer = self
            .run(chunks, self.timeouts.confirmation, !tx.input.is_empty())
            .await?;
        parse_signature(answer.data())
    }

    /// Sends `commands` in order on a task of its own, behind `wait` per answer; the
    /// last command's answer is returned. A panic in the transport ends in an error.
    async fn run(
        &self,
        commands: Vec<ApduCommand>,
        wait: Duration,
        contract_call: bool,
    ) -> Result<ApduAnswer, DeviceError> {
        let mut held = Arc::clone(&self.held)
            .try_lock_owned()
            .map_err(|_| DeviceError::Busy)?;
        if held.process_lock.is_none() {
            held.process_lock = Some(ProcessLock::take(&self.connection.lock_name())?);
        }
        let (held_again, keep) = (Arc::downgrade(&self.held), self.timeouts.confirmation);
        let task = tokio::spawn(async move {
            let mut outcome = Ok(None);
            for command in commands {
                match held.transport.exchange(command, wait).await {
                    Ok(answer) => outcome = Ok(Some(answer)),
                    Err(error) => {
                        outcome = Err(device_error(&error, contract_call));
                        break;
                    }
                }
            }
            // A request left unanswered may still be on the screen, and its answer must
            // reach no one else: the device stays this process's until it answers
            // something, or for one more confirmation time if nothing asks it again.
            if matches!(outcome, Err(DeviceError::TimedOut(_) | DeviceError::Busy)) {
                held.kept_until = Some(Instant::now() + keep);
                let held = held_again.clone();
                tokio::spawn(async move {
                    tokio::time::sleep(keep).await;
                    // Weak: a device dropped meanwhile is gone, its connection closed.
                    let Some(held) = held.upgrade() else { return };
                    if let Ok(mut held) = held.try_lock()
                        && held.kept_until.is_some_and(|until| until <= Instant::now())
                    {
                        held.process_lock = None;
                        held.kept_until = None;
                    }
                });
            } else {
                held.process_lock = None;
                held.kept_until = None;
            }
            outcome
        });
        // The transports time out themselves; this is the backstop for one that does not.
        let outcome = tokio::time::timeout(wait + Duration::from_secs(2), task).await;
        match outcome {
            Err(_) => Err(DeviceError::TimedOut(wait.as_secs())),
            Ok(Err(_)) => {
                tracing::warn!("the Ledger transport failed");
                Err(DeviceError::Disconnected)
            }
            Ok(Ok(outcome)) => outcome?.ok_or_else(|| malformed("no answer".to_owned())),
        }
    }
}

fn command(ins: u8, p1: u8, data: &[u8]) -> Result<ApduCommand, DeviceError> {
    ApduCommand::builder()
        .cla(CLA)
        .ins(ins)
        .p1(p1)
        .p2(0)
        .data(data)
        .build()
        .map_err(|error| malformed(error.to_string()))
}

/// The signing commands: the path and payload in chunks of at most 255 bytes.
fn sign_chunks(payload: &[u8]) -> Result<Vec<ApduCommand>, DeviceError> {
    payload
        .chunks(MAX_CHUNK)
        .enumerate()
        .map(|(index, chunk)| {
            let p1 = if index == 0 {
                P1_FIRST_CHUNK
            } else {
                P1_MORE_CHUNKS
            };
            command(INS_SIGN, p1, chunk)
        })
        .collect()
}

/// A derivation path as the Ethereum app reads it: the depth, then each index as four
/// big-endian bytes (hardened ones with the top bit set).
pub fn path_bytes(path: &DerivationPath) -> Vec<u8> {
    let components = path.components();
    let mut bytes = Vec::with_capacity(1 + 4 * components.len());
    bytes.push(u8::try_from(components.len()).unwrap_or(u8::MAX));
    for index in components {
        bytes.extend(index.to_be_bytes());
    }
    bytes
}

/// `[key length][uncompressed public key][address length][address, ASCII hex]`; the
/// address must be the public key's.
pub fn parse_address(data: &[u8]) -> Result<Address, DeviceError> {
    let (&key_length, rest) = data
        .split_first()
        .ok_or_else(|| malformed("an empty address answer".to_owned()))?;
    let key = rest
        .get(..usize::from(key_length))
        .filter(|key| key.len() == 65 && key[0] == 0x04)
        .ok_or_else(|| malformed("no public key".to_owned()))?;
    let rest = &rest[usize::from(key_length)..];
    let (&text_length, rest) = rest
        .split_first()
        .ok_or_else(|| malformed("no address".to_owned()))?;
    let text = rest
        .get(..usize::from(text_length))
        .and_then(|text| std::str::from_utf8(text).ok())
        .ok_or_else(|| malformed("an unreadable address".to_owned()))?;
    let address: Address = format!("0x{}", text.trim_start_matches("0x"))
        .parse()
        .map_err(|_| malformed("an unreadable address".to_owned()))?;
    if Address::from_raw_public_key(&key[1..]) != address {
        return Err(malformed(
            "an address that is not its public key's".to_owned(),
        ));
    }
    Ok(address)
}

/// `[v][r][s]`: 65 bytes, v the parity (0/1, or 27/28).
pub fn parse_signature(data: &[u8]) -> Result<Signature, DeviceError> {
    let [v, rs @ ..] = data else {
        return Err(malformed("an empty signature".to_owned()));
    };
    if rs.len() != 64 {
        return Err(malformed(format!("a {}-byte signature", data.len())));
    }
    let parity =
        normalize_v(u64::from(*v)).ok_or_else(|| malformed(format!("a signature with v = {v}")))?;
    Ok(Signature::from_bytes_and_parity(rs, parity))
}

fn malformed(what: String) -> DeviceError {
    DeviceError::Malformed(what)
}

/// What a failed exchange means for the user.
fn device_error(error: &LedgerError, contract_call: bool) -> DeviceError {
    match error {
        LedgerError::BadRetcode(word) => status_error(word.raw(), contract_call),
        LedgerError::Timeout(waited) => DeviceError::TimedOut(waited.as_secs()),
        LedgerError::ResponseTooShort(length) => malformed(format!("a {length}-byte answer")),
        LedgerError::Transport(inner) => {
            if let Some(speculos) = inner.downcast_ref::<SpeculosError>() {
                match speculos {
                    SpeculosError::PendingReply => DeviceError::Busy,
                    SpeculosError::NoReply(waited) => DeviceError::TimedOut(waited.as_secs()),
                    SpeculosError::ResponseTooLong(length) => {
                        malformed(format!("a {length}-byte answer"))
                    }
                    _ => DeviceError::Disconnected,
                }
            } else if let Some(native) = inner.downcast_ref::<NativeTransportError>() {
                match native {
                    NativeTransportError::DeviceNotFound => {
                        DeviceError::NotFound("Ledger".to_owned())
                    }
                    NativeTransportError::ResponseTooLong(_)
                    | NativeTransportError::SequenceMismatch { .. }
                    | NativeTransportError::UnexpectedChannel { .. }
                    | NativeTransportError::UnexpectedTag(_)
                    | NativeTransportError::TruncatedReport(_)
                    | NativeTransportError::EmptyReport => malformed(native.to_string()),
                    _ => DeviceError::Disconnected,
                }
            } else {
                DeviceError::Disconnected
            }
        }
        other => malformed(other.to_string()),
    }
}

/// A status word other than success, in words.
pub fn status_error(word: u16, contract_call: bool) -> DeviceError {
    match word {
        status::REJECTED_BY_USER => DeviceError::Rejected,
        status::INVALID_DATA if contract_call => DeviceError::BlindSigningDisabled,
        status::LOCKED | status::LOCKED_LEGACY => DeviceError::Locked,
        status::WRONG_APP
        | status::INS_NOT_SUPPORTED
        | status::CLA_NOT_SUPPORTED
        | status::CLA_NOT_SUPPORTED_DASHBOARD => DeviceError::AppNotOpen,
        other => DeviceError::Refused(format!("status 0x{other:04x}")),
    }
}

/// Signs with the key at one derivation path of a Ledger.
#[derive(Debug)]
pub struct LedgerSigner {
    device: Arc<LedgerDevice>,
    path: DerivationPath,
    address: Address,
}

impl LedgerSigner {
    /// The signer of the account at `path`, whose address was checked when it was added.
    pub fn new(device: Arc<LedgerDevice>, path: DerivationPath, address: Address) -> Self {
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
        let configuration = self.device.configuration().await?;
        if !tx.input.is_empty() && !configuration.blind_signing {
            return Err(DeviceError::BlindSigningDisabled);
        }
        progress(SigningState::WaitingForConfirmation);
        self.device.sign(&self.path, tx).await
    }
}

impl Signer for LedgerSigner {
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
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_the_app_reads_them() {
        let path = DerivationPath::parse("m/44'/60'/1'/0/7").expect("path");
        assert_eq!(
            path_bytes(&path),
            [
                5, 0x80, 0, 0, 44, 0x80, 0, 0, 60, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7
            ]
        );
    }

    #[test]
    fn payloads_go_in_chunks_of_at_most_255_bytes() {
        let payload: Vec<u8> = (0..600u32).map(|i| (i % 251) as u8).collect();
        let chunks = sign_chunks(&payload).expect("chunks");
        let sizes: Vec<(u8, usize)> = chunks.iter().map(|c| (c.p1(), c.data().len())).collect();
        assert_eq!(sizes, [(0x00, 255), (0x80, 255), (0x80, 90)]);
        let joined: Vec<u8> = chunks.iter().flat_map(|c| c.data().to_vec()).collect();
        assert_eq!(joined, payload);
    }

    #[test]
    fn status_words_say_what_to_do() {
        assert_eq!(status_error(0x6985, false), DeviceError::Rejected);
        assert_eq!(
            status_error(0x6a80, true),
            DeviceError::BlindSigningDisabled
        );
        assert_eq!(
            status_error(0x6a80, false),
            DeviceError::Refused("status 0x6a80".to_owned())
        );
        assert_eq!(status_error(0x5515, false), DeviceError::Locked);
        assert_eq!(status_error(0x6d00, false), DeviceError::AppNotOpen);
        assert_eq!(status_error(0x6e00, false), DeviceError::AppNotOpen);
    }

    #[test]
    fn malformed_answers_are_refused() {
        for data in [&[][..], &[65][..], &[1, 4, 40][..]] {
            assert!(
                matches!(parse_address(data), Err(DeviceError::Malformed(_))),
                "{data:?}"
            );
        }
        assert!(matches!(
            parse_signature(&[0; 64]),
            Err(DeviceError::Malformed(_))
        ));
        let mut bad_v = [0u8; 65];
        bad_v[0] = 5;
        assert!(matches!(
            parse_signature(&bad_v),
            Err(DeviceError::Malformed(_))
        ));
    }
}
