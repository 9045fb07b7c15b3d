//! A Trezor simulator for tests: a UDP socket on 127.0.0.1 (the Trezor emulator's port,
//! 21324, or a free one) speaking the Trezor wire protocol v1 — 64-byte datagrams,
//! `PINGPING`/`PONGPONG` — with `Initialize`/`GetFeatures` → `Features`, Ethereum
//! get-address and EIP-1559 signing with data requested in chunks and button requests.
//! It signs with test keys derived from each path and can behave like a device the user
//! rejects on, that asks for its PIN, that is pulled out mid-signing, and so on.
//!
//! It is strict where the firmware is: a signing request must carry every required field
//! and integers without leading zeros (the device hashes the bytes it is given), and an
//! unknown message is `Failure{UnexpectedMessage}`.

use std::net::{SocketAddr, UdpSocket};
use std::sync::{Arc, Mutex};

use alloy_consensus::{SignableTransaction, TxEip1559};
use alloy_primitives::{Address, B256, Bytes, TxKind, U256, keccak256};
use alloy_signer::SignerSync;
use alloy_signer_local::PrivateKeySigner;
use prost::Message;
use saleguard_trezor_protocol::messages::{
    ButtonAck, ButtonRequest, Cancel, EthereumAddress, EthereumGetAddress, EthereumSignTxEip1559,
    EthereumTxAck, EthereumTxRequest, Failure, Features, GetFeatures, Initialize, PassphraseAck,
    PassphraseRequest, PinMatrixAck, PinMatrixRequest, TrezorMessage, button, failure,
};
use saleguard_trezor_protocol::wire::{self, Incoming, PACKET_SIZE};

/// How the simulated device and its user behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrezorMode {
    /// Unlocked; the user confirms every prompt.
    Approve,
    /// The user rejects every prompt (`Failure{ActionCancelled}`).
    Reject,
    /// Locked: the first request asks for the PIN on the device's screen (a Trezor T or
    /// Safe), which the user enters; then it goes on as `Approve`.
    Pin,
    /// Locked, and the user enters a wrong PIN on the device (`Failure{PinInvalid}`).
    WrongPin,
    /// A locked Trezor One: it asks for its PIN on the computer (`PinMatrixRequest`).
    PinOnComputer,
    /// Passphrase protection on: the first request asks for the passphrase, which the
    /// host must leave to the device (`PassphraseAck{on_device}`); then `Approve`.
    Passphrase,
    /// Another app holds the device (`Failure{Busy}`).
    Busy,
    /// The cable is pulled while the signing prompt is shown.
    Disconnect,
    /// Answers are not Trezor packets.
    Garbage,
    /// The signature's answer stops after its first packet (the rest never comes).
    Truncated,
    /// Signs another transaction than the one sent (another chain id).
    SignOtherTransaction,
    /// The prompt stays on the screen: it never answers (but still answers pings).
    Silent,
}

/// What the simulator saw.
#[derive(Debug, Default)]
struct Log {
    shown: Vec<Address>,
    signed: Vec<TxEip1559>,
    cancelled: usize,
    chunks: Vec<u32>,
    /// Every message it received but the `ButtonAck`s it held.
    messages: usize,
    /// The firmware version and model it reports and draws its screens as (2.8.1 and
    /// "T" unless the test set others).
    firmware: Option<((u32, u32, u32), String)>,
    /// The screens it showed for each transaction, as its firmware draws them.
    screens: Vec<Vec<crate::device_screens::Screen>>,
}

impl Log {
    fn firmware(&self) -> ((u32, u32, u32), String) {
        self.firmware.clone().unwrap_or(((2, 8, 1), "T".to_owned()))
    }
}

/// A running simulator. It serves until the test process ends; pulled out (see
/// [`TrezorMode::Disconnect`]), it is plugged in again when another mode is set.
#[derive(Debug)]
pub struct TrezorSimulator {
    address: String,
    shared: Arc<Shared>,
}

/// What the test and the simulated device share.
#[derive(Debug)]
struct Shared {
    mode: Mutex<TrezorMode>,
    log: Mutex<Log>,
    hold: Mutex<Hold>,
}

/// The user taking their time: while paused, the device keeps each prompt on its screen
/// (its answer to the host's `ButtonAck` waits) until the test lets one or all go.
#[derive(Debug, Default)]
struct Hold {
    paused: bool,
    released: usize,
    /// A prompt is on the screen, held.
    waiting: bool,
}

/// What the device waits for.
enum Awaiting {
    Nothing,
    /// The PIN on its screen, then the request.
    Pin(Request),
    /// The PIN on the computer.
    PinMatrix,
    /// The host's say on the passphrase, then the request.
    Passphrase(Request),
    /// The user, on a prompt; then the request's next step.
    Button(Step),
    /// The next chunk of a transaction's data.
    Data(Signing),
}

enum Request {
    Address(EthereumGetAddress),
    Sign(Box<Signing>),
}

struct Signing {
    path: Vec<u32>,
    tx: TxEip1559,
    data: Vec<u8>,
    length: usize,
    /// Whether the device showed the data's first pages between chunks (as Trezor Core
    /// does for long data) already.
    shown_data: bool,
}

enum Step {
    /// The passphrase typed on the device, then the request.
    EnterPassphrase(Request),
    ShowAddress(Vec<u32>),
    /// The first pages of long data, shown before the rest is asked for.
    ShowData(Signing),
    ConfirmFees(Signing),
    Sign(Signing),
}

struct Device {
    mode: TrezorMode,
    locked: bool,
    /// Whether this session's passphrase was entered.
    passphrase_entered: bool,
    awaiting: Awaiting,
}

/// What the device does next: answer, or go silent, or go away.
enum Reply {
    Message(u16, Vec<u8>),
    Nothing,
    Unplugged,
    Garbage,
}

/// `ButtonRequest_PassphraseEntry`: the passphrase is being typed on the device.
const PASSPHRASE_ENTRY: i32 = 19;

fn reply<M: TrezorMessage>(message: &M) -> Reply {
    Reply::Message(M::TYPE, message.encode_to_vec())
}

fn fail(code: i32, message: &str) -> Reply {
    reply(&Failure {
        code: Some(code),
        message: Some(message.to_owned()),
    })
}

fn button(code: i32) -> Reply {
    reply(&ButtonRequest {
        code: Some(code),
        pages: None,
        name: None,
    })
}

impl TrezorSimulator {
    /// Starts on a free UDP port of 127.0.0.1.
    pub fn start(mode: TrezorMode) -> Self {
        Self::start_at(0, mode)
    }

    /// Starts on `port` of 127.0.0.1 (21324 is the Trezor emulator's).
    pub fn start_at(port: u16, mode: TrezorMode) -> Self {
        let socket = UdpSocket::bind(("127.0.0.1", port)).expect("a free UDP port");
        let address = socket.local_addr().expect("its address").to_string();
        let simulator = Self {
            address,
            shared: Arc::new(Shared {
                mode: Mutex::new(mode),
                log: Mutex::new(Log::default()),
                hold: Mutex::new(Hold::default()),
            }),
        };
        let shared = Arc::clone(&simulator.shared);
        let address = simulator.address.clone();
        std::thread::spawn(move || {
            let mut socket = socket;
            loop {
                serve(&socket, &shared);
                drop(socket);
                // Unplugged: plugged in again once the test wants another behaviour.
                while *shared.mode.lock().expect("mode") == TrezorMode::Disconnect {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                // Another test may have taken the port meanwhile: then this one is gone.
                let mut again = None;
                for _ in 0..100 {
                    if let Ok(bound) = UdpSocket::bind(&address) {
                        again = Some(bound);
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                let Some(bound) = again else { return };
                socket = bound;
            }
        });
        simulator
    }

    /// `127.0.0.1:PORT`, for `SALEGUARD_TREZOR_EMULATOR`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The firmware version and model ("T", "Safe 3", …) it reports and draws its
    /// screens as.
    pub fn set_firmware(&self, version: (u32, u32, u32), model: &str) {
        self.shared.log.lock().expect("log").firmware = Some((version, model.to_owned()));
    }

    /// The screens it showed for each transaction it was asked to sign, in order.
    pub fn screens(&self) -> Vec<Vec<crate::device_screens::Screen>> {
        self.shared.log.lock().expect("log").screens.clone()
    }

    /// The behaviour from the next request on (a locked mode locks the device again).
    pub fn set_mode(&self, mode: TrezorMode) {
        *self.shared.mode.lock().expect("mode") = mode;
    }

    /// From now on, each prompt stays on the device until [`release_one`](Self::release_one)
    /// or [`resume`](Self::resume) (to look at the app while the device waits).
    pub fn pause_at_prompts(&self) {
        *self.shared.hold.lock().expect("hold") = Hold {
            paused: true,
            ..Hold::default()
        };
    }

    /// The user answers the prompt on the screen (and the device shows the next one).
    pub fn release_one(&self) {
        self.shared.hold.lock().expect("hold").released += 1;
    }

    /// The user answers every prompt at once again.
    pub fn resume(&self) {
        *self.shared.hold.lock().expect("hold") = Hold::default();
    }

    /// The addresses the device showed on its screen, oldest first.
    pub fn shown(&self) -> Vec<Address> {
        self.shared.log.lock().expect("log").shown.clone()
    }

    /// The transactions it was asked to sign, as it read them.
    pub fn signing_requests(&self) -> Vec<TxEip1559> {
        self.shared.log.lock().expect("log").signed.clone()
    }

    /// Waits until a prompt is held on the screen (panics after 60 s).
    pub fn wait_for_prompt(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !self.shared.hold.lock().expect("hold").waiting {
            assert!(
                std::time::Instant::now() < deadline,
                "no prompt came to the device"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// How many messages it received (the `ButtonAck`s held at paused prompts aside),
    /// from anyone.
    pub fn messages(&self) -> usize {
        self.shared.log.lock().expect("log").messages
    }

    /// How many times it was told to cancel what it was doing.
    pub fn cancelled(&self) -> usize {
        self.shared.log.lock().expect("log").cancelled
    }

    /// The sizes of the data chunks it asked for after the first.
    pub fn chunks_requested(&self) -> Vec<u32> {
        self.shared.log.lock().expect("log").chunks.clone()
    }

    /// The simulated device's address at `path` (`m/44'/60'/0'/0/0`).
    pub fn address_at(path: &str) -> Address {
        key_at(&crate::path_indexes(path)).address()
    }
}

/// The test key at a path.
fn key_at(path: &[u32]) -> PrivateKeySigner {
    let mut seed = b"saleguard trezor simulator".to_vec();
    for index in path {
        seed.extend(index.to_be_bytes());
    }
    PrivateKeySigner::from_bytes(&B256::from(keccak256(seed))).expect("a valid key")
}

fn serve(socket: &UdpSocket, shared: &Shared) {
    let mut device = Device {
        mode: *shared.mode.lock().expect("mode"),
        locked: false,
        passphrase_entered: false,
        awaiting: Awaiting::Nothing,
    };
    device.locked = device.mode.starts_locked();
    let mut incoming: Option<Incoming> = None;
    // A ButtonAck held while the user takes their time.
    let mut held: Option<(Vec<u8>, SocketAddr)> = None;
    let mut buffer = [0u8; 2 * PACKET_SIZE];
    socket
        .set_read_timeout(Some(std::time::Duration::from_millis(20)))
        .expect("a read timeout");
    loop {
        if held.is_some() && shared.let_go() {
            let (payload, peer) = held.take().expect("held");
            if !device.reply(socket, peer, ButtonAck::TYPE, &payload, shared) {
                return;
            }
        }
        let (length, peer) = match socket.recv_from(&mut buffer) {
            Ok(received) => received,
            Err(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                continue;
            }
            Err(_) => return,
        };
        let datagram = &buffer[..length];
        if datagram == b"PINGPING" {
            let _ = socket.send_to(b"PONGPONG", peer);
            continue;
        }
        let complete = match incoming.take() {
            None => Incoming::start(datagram).ok(),
            Some(mut partial) => partial.push(datagram).ok().map(|()| partial),
        };
        let Some(message) = complete else { continue };
        if !message.is_complete() {
            incoming = Some(message);
            continue;
        }
        let (kind, payload) = message.finish();
        if kind == ButtonAck::TYPE && shared.hold.lock().expect("hold").paused {
            held = Some((payload, peer));
            shared.hold.lock().expect("hold").waiting = true;
            continue;
        }
        if kind == Cancel::TYPE {
            held = None;
            shared.hold.lock().expect("hold").waiting = false;
        }
        shared.log.lock().expect("log").messages += 1;
        if !device.reply(socket, peer, kind, &payload, shared) {
            return;
        }
    }
}

impl Shared {
    /// Whether a held prompt may be answered now (using up one release).
    fn let_go(&self) -> bool {
        let mut hold = self.hold.lock().expect("hold");
        if !hold.paused {
            hold.waiting = false;
            return true;
        }
        if hold.released > 0 {
            hold.released -= 1;
            hold.waiting = false;
            return true;
        }
        false
    }
}

fn send(socket: &UdpSocket, peer: SocketAddr, kind: u16, payload: &[u8]) {
    for packet in wire::packets(kind, payload) {
        let _ = socket.send_to(&packet, peer);
    }
}

impl TrezorMode {
    fn starts_locked(self) -> bool {
        matches!(self, Self::Pin | Self::WrongPin | Self::PinOnComputer)
    }
}

impl Device {
    /// Answers one message; false once the device is unplugged.
    fn reply(
        &mut self,
        socket: &UdpSocket,
        peer: SocketAddr,
        kind: u16,
        payload: &[u8],
        shared: &Shared,
    ) -> bool {
        let now = *shared.mode.lock().expect("mode");
        if now != self.mode {
            self.mode = now;
            self.locked = now.starts_locked();
            self.passphrase_entered = false;
        }
        match self.answer(kind, payload, &shared.log) {
            Reply::Message(kind, payload)
                if self.mode == TrezorMode::Truncated && kind == EthereumTxRequest::TYPE =>
            {
                let packets = wire::packets(kind, &payload);
                let _ = socket.send_to(&packets[0], peer);
            }
            Reply::Message(kind, payload) => send(socket, peer, kind, &payload),
            Reply::Nothing => {}
            Reply::Garbage => {
                let _ = socket.send_to(&[0x55; PACKET_SIZE], peer);
            }
            Reply::Unplugged => {
                // The cable is pulled with the prompt on the screen: the prompt goes out,
                // then nothing is there any more.
                let prompt = ButtonRequest {
                    code: Some(button::SIGN_TX),
                    pages: None,
                    name: None,
                };
                send(socket, peer, ButtonRequest::TYPE, &prompt.encode_to_vec());
                return false;
            }
        }
        true
    }

    fn features(&self, log: &Mutex<Log>) -> Reply {
        let ((major, minor, patch), model) = log.lock().expect("log").firmware();
        reply(&Features {
            vendor: Some("trezor.io".to_owned()),
            major_version: major,
            minor_version: minor,
            patch_version: patch,
            bootloader_mode: None,
            device_id: Some("SALEGUARDSIM".to_owned()),
            pin_protection: Some(self.mode.starts_locked()),
            label: Some("Saleguard test".to_owned()),
            initialized: Some(true),
            unlocked: Some(!self.locked),
            model: Some(if self.mode == TrezorMode::PinOnComputer {
                "1".to_owned()
            } else {
                model
            }),
            capabilities: vec![1, 7],
        })
    }

    fn answer(&mut self, kind: u16, payload: &[u8], log: &Mutex<Log>) -> Reply {
        if self.mode == TrezorMode::Garbage {
            return Reply::Garbage;
        }
        match kind {
            Initialize::TYPE => {
                self.awaiting = Awaiting::Nothing;
                self.features(log)
            }
            GetFeatures::TYPE => self.features(log),
            Cancel::TYPE => {
                log.lock().expect("log").cancelled += 1;
                let code = if matches!(self.awaiting, Awaiting::PinMatrix) {
                    failure::PIN_CANCELLED
                } else {
                    failure::ACTION_CANCELLED
                };
                self.awaiting = Awaiting::Nothing;
                fail(code, "Cancelled")
            }
            EthereumGetAddress::TYPE => match EthereumGetAddress::decode(payload) {
                Ok(request) => self.begin(Request::Address(request), log),
                Err(_) => fail(failure::DATA_ERROR, "Unreadable request"),
            },
            EthereumSignTxEip1559::TYPE => match signing_of(payload) {
                Ok(signing) => self.begin(Request::Sign(Box::new(signing)), log),
                Err(problem) => fail(failure::DATA_ERROR, problem),
            },
            ButtonAck::TYPE => self.button_acknowledged(log),
            EthereumTxAck::TYPE => self.data_received(payload, log),
            PassphraseAck::TYPE => {
                let Awaiting::Passphrase(request) =
                    std::mem::replace(&mut self.awaiting, Awaiting::Nothing)
                else {
                    return fail(failure::UNEXPECTED_MESSAGE, "Unexpected message");
                };
                match PassphraseAck::decode(payload) {
                    Ok(ack) if ack.on_device == Some(true) && ack.passphrase.is_none() => {
                        self.awaiting = Awaiting::Button(Step::EnterPassphrase(request));
                        button(PASSPHRASE_ENTRY)
                    }
                    _ => fail(failure::DATA_ERROR, "Passphrase expected on the device"),
                }
            }
            PinMatrixAck::TYPE => {
                self.awaiting = Awaiting::Nothing;
                fail(failure::PIN_INVALID, "PIN invalid")
            }
            _ => {
                self.awaiting = Awaiting::Nothing;
                fail(failure::UNEXPECTED_MESSAGE, "Unexpected message")
            }
        }
    }

    /// A new request: after the PIN if the device is locked. One while another waits
    /// for the user is refused, as the firmware does: the host must cancel first.
    fn begin(&mut self, request: Request, log: &Mutex<Log>) -> Reply {
        if !matches!(self.awaiting, Awaiting::Nothing) {
            self.awaiting = Awaiting::Nothing;
            return fail(failure::UNEXPECTED_MESSAGE, "Unexpected message");
        }
        if self.mode == TrezorMode::Busy {
            return fail(failure::BUSY, "Device busy");
        }
        if self.locked {
            if self.mode == TrezorMode::PinOnComputer {
                self.awaiting = Awaiting::PinMatrix;
                return reply(&PinMatrixRequest { kind: Some(1) });
            }
            self.awaiting = Awaiting::Pin(request);
            return button(button::PIN_ENTRY);
        }
        if self.mode == TrezorMode::Passphrase && !self.passphrase_entered {
            self.awaiting = Awaiting::Passphrase(request);
            return reply(&PassphraseRequest {});
        }
        self.proceed(request, log)
    }

    fn proceed(&mut self, request: Request, log: &Mutex<Log>) -> Reply {
        match request {
            Request::Address(request) => {
                if request.show_display == Some(true) {
                    self.awaiting = Awaiting::Button(Step::ShowAddress(request.address_n));
                    button(button::ADDRESS)
                } else {
                    self.awaiting = Awaiting::Nothing;
                    address_reply(&request.address_n)
                }
            }
            Request::Sign(signing) => self.ask_for_data_or_confirm(*signing, log),
        }
    }

    fn ask_for_data_or_confirm(&mut self, mut signing: Signing, log: &Mutex<Log>) -> Reply {
        let missing = signing.length - signing.data.len();
        if missing > 0 && signing.data.len() > 1024 && !signing.shown_data {
            signing.shown_data = true;
            self.awaiting = Awaiting::Button(Step::ShowData(signing));
            return button(1);
        }
        if missing > 0 {
            let wanted = u32::try_from(missing.min(1024)).expect("at most 1024");
            log.lock().expect("log").chunks.push(wanted);
            self.awaiting = Awaiting::Data(signing);
            return reply(&EthereumTxRequest {
                data_length: Some(wanted),
                ..EthereumTxRequest::default()
            });
        }
        signing.tx.input = Bytes::from(std::mem::take(&mut signing.data));
        let mut logged = log.lock().expect("log");
        let (version, _) = logged.firmware();
        logged
            .screens
            .push(crate::device_screens::trezor(version, &signing.tx));
        logged.signed.push(signing.tx.clone());
        drop(logged);
        self.awaiting = Awaiting::Button(Step::ConfirmFees(signing));
        button(button::CONFIRM_OUTPUT)
    }

    fn data_received(&mut self, payload: &[u8], log: &Mutex<Log>) -> Reply {
        let Awaiting::Data(mut signing) = std::mem::replace(&mut self.awaiting, Awaiting::Nothing)
        else {
            return fail(failure::UNEXPECTED_MESSAGE, "Unexpected message");
        };
        let Ok(ack) = EthereumTxAck::decode(payload) else {
            return fail(failure::DATA_ERROR, "Unreadable data");
        };
        let asked = (signing.length - signing.data.len()).min(1024);
        if ack.data_chunk.len() > asked {
            return fail(failure::DATA_ERROR, "Too much data");
        }
        signing.data.extend(ack.data_chunk);
        self.ask_for_data_or_confirm(signing, log)
    }

    fn button_acknowledged(&mut self, log: &Mutex<Log>) -> Reply {
        match std::mem::replace(&mut self.awaiting, Awaiting::Nothing) {
            Awaiting::Pin(request) => {
                if self.mode == TrezorMode::WrongPin {
                    return fail(failure::PIN_INVALID, "PIN invalid");
                }
                self.locked = false;
                self.proceed(request, log)
            }
            Awaiting::Button(step) => match (self.mode, step) {
                (TrezorMode::Reject, _) => fail(failure::ACTION_CANCELLED, "Cancelled"),
                (TrezorMode::Silent, step) => {
                    self.awaiting = Awaiting::Button(step);
                    Reply::Nothing
                }
                (_, Step::EnterPassphrase(request)) => {
                    self.passphrase_entered = true;
                    self.proceed(request, log)
                }
                (_, Step::ShowData(signing)) => self.ask_for_data_or_confirm(signing, log),
                (_, Step::ShowAddress(path)) => {
                    log.lock().expect("log").shown.push(key_at(&path).address());
                    address_reply(&path)
                }
                (TrezorMode::Disconnect, Step::ConfirmFees(_)) => Reply::Unplugged,
                (_, Step::ConfirmFees(signing)) => {
                    self.awaiting = Awaiting::Button(Step::Sign(signing));
                    button(button::SIGN_TX)
                }
                (mode, Step::Sign(signing)) => signature_reply(mode, &signing),
            },
            _ => fail(failure::UNEXPECTED_MESSAGE, "Unexpected message"),
        }
    }
}

fn address_reply(path: &[u32]) -> Reply {
    reply(&EthereumAddress {
        address: Some(key_at(path).address().to_checksum(None)),
    })
}

fn signature_reply(mode: TrezorMode, signing: &Signing) -> Reply {
    let tx = if mode == TrezorMode::SignOtherTransaction {
        TxEip1559 {
            chain_id: signing.tx.chain_id + 1,
            ..signing.tx.clone()
        }
    } else {
        signing.tx.clone()
    };
    let signature = key_at(&signing.path)
        .sign_hash_sync(&tx.signature_hash())
        .expect("signed");
    reply(&EthereumTxRequest {
        data_length: None,
        signature_v: Some(u32::from(signature.v())),
        signature_r: Some(signature.r().to_be_bytes::<32>().to_vec()),
        signature_s: Some(signature.s().to_be_bytes::<32>().to_vec()),
    })
}

/// A signing request read strictly: every required field present (the request must
/// encode back to the same bytes), integers without leading zeros, the data's first
/// chunk present when there is data.
fn signing_of(payload: &[u8]) -> Result<Signing, &'static str> {
    let request = EthereumSignTxEip1559::decode(payload).map_err(|_| "Unreadable request")?;
    if request.encode_to_vec() != payload {
        return Err("Missing or unexpected fields");
    }
    let integer = |bytes: &[u8]| -> Result<U256, &'static str> {
        if bytes.first() == Some(&0) {
            return Err("Leading zeros in an integer");
        }
        if bytes.len() > 32 {
            return Err("Integer too long");
        }
        Ok(U256::from_be_slice(bytes))
    };
    let small = |bytes: &[u8]| -> Result<u128, &'static str> {
        u128::try_from(integer(bytes)?).map_err(|_| "Fee overflow")
    };
    if request.chain_id == 0 {
        return Err("Chain ID out of bounds");
    }
    let first = request.data_initial_chunk.clone().unwrap_or_default();
    let length = usize::try_from(request.data_length).map_err(|_| "Data too long")?;
    if first.len() > length || (length > 0 && first.is_empty()) {
        return Err("Wrong data length");
    }
    let to = match request.to.as_deref() {
        None | Some("") => TxKind::Create,
        Some(text) => TxKind::Call(
            Address::parse_checksummed(text, None).map_err(|_| "Invalid recipient address")?,
        ),
    };
    let tx = TxEip1559 {
        chain_id: request.chain_id,
        nonce: u64::try_from(small(&request.nonce)?).map_err(|_| "Nonce too big")?,
        gas_limit: u64::try_from(small(&request.gas_limit)?).map_err(|_| "Gas limit too big")?,
        max_fee_per_gas: small(&request.max_gas_fee)?,
        max_priority_fee_per_gas: small(&request.max_priority_fee)?,
        to,
        value: integer(&request.value)?,
        access_list: Default::default(),
        input: Bytes::new(),
    };
    if !request.access_list.is_empty() {
        return Err("Access lists are not simulated");
    }
    Ok(Signing {
        path: request.address_n,
        tx,
        data: first,
        length,
        shown_data: false,
    })
}
