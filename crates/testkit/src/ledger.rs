//! A Ledger simulator for tests: a TCP server on 127.0.0.1 speaking Speculos' APDU
//! framing (a 4-byte big-endian length, then the APDU; answers: the length of the data,
//! the data, then the status word) and the Ethereum app's commands, with the status
//! words a real device returns. It signs with test keys derived from each path, and can
//! be told to behave like a device the user rejects on, that is locked, and so on.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};

use alloy_consensus::{SignableTransaction, TxEip1559};
use alloy_primitives::{Address, B256, keccak256};
use alloy_rlp::Decodable;
use alloy_signer::SignerSync;
use alloy_signer_local::PrivateKeySigner;

/// How the simulated device and its user behave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LedgerMode {
    /// Unlocked, Ethereum app open with blind signing on; the user confirms.
    #[default]
    Approve,
    /// The user rejects every prompt (0x6985).
    Reject,
    /// The device is locked (0x5515 to everything).
    Locked,
    /// The dashboard or another app is open (0x6e00).
    AppNotOpen,
    /// Blind signing is off: a transaction with calldata is refused (0x6a80).
    BlindSigningDisabled,
    /// The cable is pulled while the signing prompt is shown.
    Disconnect,
    /// Answers are cut short (three bytes of data).
    Garbage,
    /// Signs another transaction than the one sent (another chain id).
    SignOtherTransaction,
    /// The prompt stays on the screen: signing never answers.
    Silent,
}

/// What the simulator saw.
#[derive(Debug, Default)]
struct Log {
    /// Addresses the device showed for the user to compare.
    shown: Vec<Address>,
    /// Signing payloads it received (path and EIP-2718 payload).
    signed: Vec<Vec<u8>>,
    /// Every APDU it received, from any connection.
    requests: usize,
    /// The screens it showed for each transaction, as its app version draws them.
    screens: Vec<Vec<crate::device_screens::Screen>>,
}

/// The user taking their time: while paused, each prompt (an address to compare, a
/// transaction to sign) stays on the screen until the test lets it go.
#[derive(Debug, Default)]
struct Hold {
    paused: bool,
    /// Prompts on the screen now.
    waiting: usize,
}

/// What the test and the simulated device share. There is one device: connections take
/// turns, and while a prompt is on its screen nothing else is answered, as on a real one.
#[derive(Debug, Default)]
struct Shared {
    mode: Mutex<LedgerMode>,
    /// The Ethereum app's version it reports (and draws its screens as).
    app_version: Mutex<Option<(u8, u8, u8)>>,
    log: Mutex<Log>,
    device: Mutex<()>,
    hold: Mutex<Hold>,
    hold_changed: Condvar,
}

impl Shared {
    fn app_version(&self) -> (u8, u8, u8) {
        self.app_version
            .lock()
            .expect("version")
            .unwrap_or((1, 22, 0))
    }

    /// The user looks at a prompt: waits while prompts are held, then says how the user
    /// answers (the mode at that moment).
    fn answer_prompt(&self) -> LedgerMode {
        let mut hold = self.hold.lock().expect("hold");
        if hold.paused {
            hold.waiting += 1;
            self.hold_changed.notify_all();
            while hold.paused {
                hold = self.hold_changed.wait(hold).expect("hold");
            }
            hold.waiting -= 1;
        }
        *self.mode.lock().expect("mode")
    }
}

/// A running simulator. It serves until the test process ends (each test starts its
/// own, on a port of its own).
#[derive(Debug)]
pub struct LedgerSimulator {
    address: String,
    shared: Arc<Shared>,
}

impl LedgerSimulator {
    /// Starts on a free port of 127.0.0.1.
    pub fn start(mode: LedgerMode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let address = listener.local_addr().expect("its address").to_string();
        let simulator = Self {
            address,
            shared: Arc::new(Shared {
                mode: Mutex::new(mode),
                ..Shared::default()
            }),
        };
        let shared = Arc::clone(&simulator.shared);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || serve(stream, &shared));
            }
        });
        simulator
    }

    /// `127.0.0.1:PORT`, for `SALEGUARD_LEDGER_SPECULOS`.
    pub fn address(&self) -> &str {
        &self.address
    }

    pub fn set_mode(&self, mode: LedgerMode) {
        *self.shared.mode.lock().expect("mode") = mode;
    }

    /// The Ethereum app version it reports and draws its screens as (1.22.0, the newest read, unless set).
    pub fn set_app_version(&self, major: u8, minor: u8, patch: u8) {
        *self.shared.app_version.lock().expect("version") = Some((major, minor, patch));
    }

    /// The screens it showed for each transaction it was asked to sign, in order.
    pub fn screens(&self) -> Vec<Vec<crate::device_screens::Screen>> {
        self.shared.log.lock().expect("log").screens.clone()
    }

    /// From now on each prompt stays on the screen until [`resume`](Self::resume); the
    /// device answers nothing else meanwhile.
    pub fn pause_at_prompts(&self) {
        self.shared.hold.lock().expect("hold").paused = true;
    }

    /// The user answers the prompts on the screen (as the mode says) and every later one
    /// at once.
    pub fn resume(&self) {
        self.shared.hold.lock().expect("hold").paused = false;
        self.shared.hold_changed.notify_all();
    }

    /// Waits until a prompt is on the screen (panics after 60 s).
    pub fn wait_for_prompt(&self) {
        let hold = self.shared.hold.lock().expect("hold");
        let (hold, waited) = self
            .shared
            .hold_changed
            .wait_timeout_while(hold, std::time::Duration::from_secs(60), |hold| {
                hold.waiting == 0
            })
            .expect("hold");
        drop(hold);
        assert!(!waited.timed_out(), "no prompt came to the device");
    }

    /// The addresses the device showed on its screen, oldest first.
    pub fn shown(&self) -> Vec<Address> {
        self.shared.log.lock().expect("log").shown.clone()
    }

    /// How many transactions it was asked to sign.
    pub fn signing_requests(&self) -> usize {
        self.shared.log.lock().expect("log").signed.len()
    }

    /// How many APDUs it received, from any connection.
    pub fn requests(&self) -> usize {
        self.shared.log.lock().expect("log").requests
    }

    /// The simulated device's address at `path` (`m/44'/60'/0'/0/0`).
    pub fn address_at(path: &str) -> Address {
        key_at(&path_bytes_of(path)).address()
    }
}

fn path_bytes_of(path: &str) -> Vec<u8> {
    let parts = crate::path_indexes(path);
    let mut bytes = vec![u8::try_from(parts.len()).expect("a short path")];
    for part in parts {
        bytes.extend(part.to_be_bytes());
    }
    bytes
}

/// The test key at a path (depth byte and indexes, as the app receives them).
fn key_at(path: &[u8]) -> PrivateKeySigner {
    let seed = keccak256([b"saleguard ledger simulator".as_slice(), path].concat());
    PrivateKeySigner::from_bytes(&B256::from(seed)).expect("a valid key")
}

/// Splits the path off a payload: `(path bytes, rest)`.
fn split_path(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let depth = usize::from(*data.first()?);
    let end = 1 + 4 * depth;
    (data.len() >= end).then(|| data.split_at(end))
}

fn serve(mut stream: TcpStream, shared: &Shared) {
    let mut signing: Vec<u8> = Vec::new();
    loop {
        let mut length = [0u8; 4];
        if stream.read_exact(&mut length).is_err() {
            return;
        }
        let mut apdu = vec![0u8; u32::from_be_bytes(length) as usize];
        if stream.read_exact(&mut apdu).is_err() {
            return;
        }
        // Counted as it arrives, before it waits for the device.
        shared.log.lock().expect("log").requests += 1;
        let device = shared.device.lock().expect("device");
        let mode = *shared.mode.lock().expect("mode");
        let reply = match apdu.as_slice() {
            [cla, ins, p1, _p2, rest @ ..] => {
                let data = rest.get(1..).unwrap_or_default();
                answer(mode, *cla, *ins, *p1, data, &mut signing, shared)
            }
            _ => Some((Vec::new(), 0x6700)),
        };
        let Some((data, status)) = reply else {
            match mode {
                LedgerMode::Silent => {
                    // Keep the prompt up until the client goes away.
                    let mut sink = [0u8; 64];
                    while stream.read(&mut sink).is_ok_and(|n| n > 0) {}
                }
                _ => {
                    let _ = stream.shutdown(Shutdown::Both);
                }
            }
            return;
        };
        drop(device);
        let mut frame = u32::try_from(data.len())
            .expect("a short answer")
            .to_be_bytes()
            .to_vec();
        frame.extend(&data);
        frame.extend(status.to_be_bytes());
        if stream.write_all(&frame).is_err() {
            return;
        }
    }
}

/// The answer to one APDU: data and status word, or none (the device went away or
/// never answers).
fn answer(
    mode: LedgerMode,
    cla: u8,
    ins: u8,
    p1: u8,
    data: &[u8],
    signing: &mut Vec<u8>,
    shared: &Shared,
) -> Option<(Vec<u8>, u16)> {
    if mode == LedgerMode::Locked {
        return Some((Vec::new(), 0x5515));
    }
    if mode == LedgerMode::AppNotOpen || cla != 0xe0 {
        return Some((Vec::new(), 0x6e00));
    }
    if mode == LedgerMode::Garbage {
        return Some((vec![1, 2, 3], 0x9000));
    }
    match ins {
        // GET_APP_CONFIGURATION: flags (bit 0: blind signing), version.
        0x06 => {
            let flags = u8::from(mode != LedgerMode::BlindSigningDisabled);
            let (major, minor, patch) = shared.app_version();
            Some((vec![flags, major, minor, patch], 0x9000))
        }
        // GET_ETH_PUBLIC_ADDRESS.
        0x02 => {
            let Some((path, _)) = split_path(data) else {
                return Some((Vec::new(), 0x6a80));
            };
            let key = key_at(path);
            if p1 == 0x01 {
                if shared.answer_prompt() == LedgerMode::Reject {
                    return Some((Vec::new(), 0x6985));
                }
                shared.log.lock().expect("log").shown.push(key.address());
            }
            let text = alloy_primitives::hex::encode(key.address());
            let mut out = vec![65, 0x04];
            out.extend(key.public_key());
            out.push(40);
            out.extend(text.as_bytes());
            Some((out, 0x9000))
        }
        // SIGN_ETH_TRANSACTION, in chunks.
        0x04 => {
            if p1 == 0x00 {
                signing.clear();
            }
            signing.extend(data);
            let Some((path, payload)) = split_path(signing) else {
                return Some((Vec::new(), 0x9000));
            };
            let Some((&0x02, mut fields)) = payload.split_first() else {
                return Some((Vec::new(), 0x6a80));
            };
            let tx = match TxEip1559::decode(&mut fields) {
                Ok(tx) => tx,
                // Not all of it yet: ask for more.
                Err(alloy_rlp::Error::InputTooShort) => return Some((Vec::new(), 0x9000)),
                Err(_) => return Some((Vec::new(), 0x6a80)),
            };
            let key = key_at(path);
            let (major, minor, patch) = shared.app_version();
            let version = (major.into(), minor.into(), patch.into());
            let screens = crate::device_screens::ledger(version, key.address(), &tx);
            let mut log = shared.log.lock().expect("log");
            log.signed.push(signing.clone());
            log.screens.push(screens);
            drop(log);
            let mode = shared.answer_prompt();
            match mode {
                LedgerMode::Reject => Some((Vec::new(), 0x6985)),
                LedgerMode::BlindSigningDisabled if !tx.input.is_empty() => {
                    Some((Vec::new(), 0x6a80))
                }
                LedgerMode::Disconnect | LedgerMode::Silent => None,
                _ => {
                    let signed = if mode == LedgerMode::SignOtherTransaction {
                        TxEip1559 {
                            chain_id: tx.chain_id + 1,
                            ..tx
                        }
                    } else {
                        tx
                    };
                    let signature = key
                        .sign_hash_sync(&signed.signature_hash())
                        .expect("signed");
                    let mut out = vec![u8::from(signature.v())];
                    out.extend(signature.r().to_be_bytes::<32>());
                    out.extend(signature.s().to_be_bytes::<32>());
                    Some((out, 0x9000))
                }
            }
        }
        _ => Some((Vec::new(), 0x6d00)),
    }
}
