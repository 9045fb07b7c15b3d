//! The Trezor messages Saleguard sends and reads, as protobuf structs with the field
//! numbers and labels of trezor-firmware's `common/protob/messages-*.proto` (proto2), and
//! their message type numbers from `messages.proto`. Only the fields Saleguard uses are
//! declared; the decoder skips the others, as firmware adds fields over time.
//!
//! Two encoding rules the firmware enforces: a repeated `uint32` (`address_n`) is sent
//! unpacked, one tag per index; and a required field is sent even when empty (zero is
//! empty bytes).

/// A message and its wire type number.
pub trait TrezorMessage: prost::Message + Default {
    const TYPE: u16;
}

macro_rules! message_type {
    ($($message:ident = $number:literal),* $(,)?) => {
        $(impl TrezorMessage for $message {
            const TYPE: u16 = $number;
        })*
    };
}

message_type! {
    Initialize = 0,
    Success = 2,
    Failure = 3,
    Features = 17,
    PinMatrixRequest = 18,
    PinMatrixAck = 19,
    Cancel = 20,
    ButtonRequest = 26,
    ButtonAck = 27,
    PassphraseRequest = 41,
    PassphraseAck = 42,
    GetFeatures = 55,
    EthereumGetAddress = 56,
    EthereumAddress = 57,
    EthereumTxRequest = 59,
    EthereumTxAck = 60,
    EthereumSignTxEip1559 = 452,
}

/// Starts a session; the device answers with [`Features`].
#[derive(Clone, PartialEq, prost::Message)]
pub struct Initialize {
    #[prost(bytes = "vec", optional, tag = "1")]
    pub session_id: Option<Vec<u8>>,
}

/// Asks for [`Features`] without starting a new session.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetFeatures {}

/// What the device is and where it stands.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Features {
    #[prost(string, optional, tag = "1")]
    pub vendor: Option<String>,
    #[prost(uint32, required, tag = "2")]
    pub major_version: u32,
    #[prost(uint32, required, tag = "3")]
    pub minor_version: u32,
    #[prost(uint32, required, tag = "4")]
    pub patch_version: u32,
    #[prost(bool, optional, tag = "5")]
    pub bootloader_mode: Option<bool>,
    #[prost(string, optional, tag = "6")]
    pub device_id: Option<String>,
    #[prost(bool, optional, tag = "7")]
    pub pin_protection: Option<bool>,
    #[prost(string, optional, tag = "10")]
    pub label: Option<String>,
    #[prost(bool, optional, tag = "12")]
    pub initialized: Option<bool>,
    /// False while the device waits for its PIN.
    #[prost(bool, optional, tag = "16")]
    pub unlocked: Option<bool>,
    /// "1", "T", "Safe 3", …
    #[prost(string, optional, tag = "21")]
    pub model: Option<String>,
    #[prost(int32, repeated, packed = "false", tag = "30")]
    pub capabilities: Vec<i32>,
}

/// `Capability_Ethereum`.
pub const CAPABILITY_ETHEREUM: i32 = 7;

#[derive(Clone, PartialEq, prost::Message)]
pub struct Success {
    #[prost(string, optional, tag = "1")]
    pub message: Option<String>,
}

/// The device refused or failed; `code` is a [`failure`] code.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Failure {
    #[prost(int32, optional, tag = "1")]
    pub code: Option<i32>,
    #[prost(string, optional, tag = "2")]
    pub message: Option<String>,
}

/// `FailureType` values (`Failure_*`).
pub mod failure {
    pub const UNEXPECTED_MESSAGE: i32 = 1;
    pub const DATA_ERROR: i32 = 3;
    pub const ACTION_CANCELLED: i32 = 4;
    pub const PIN_EXPECTED: i32 = 5;
    pub const PIN_CANCELLED: i32 = 6;
    pub const PIN_INVALID: i32 = 7;
    pub const PROCESS_ERROR: i32 = 9;
    pub const NOT_INITIALIZED: i32 = 11;
    pub const BUSY: i32 = 15;
    pub const INVALID_PROTOCOL: i32 = 17;
}

/// The device shows something and waits for its buttons (or screen); the host answers
/// [`ButtonAck`] and waits.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ButtonRequest {
    #[prost(int32, optional, tag = "1")]
    pub code: Option<i32>,
    #[prost(uint32, optional, tag = "2")]
    pub pages: Option<u32>,
    #[prost(string, optional, tag = "4")]
    pub name: Option<String>,
}

/// `ButtonRequestType` values the host tells apart.
pub mod button {
    pub const CONFIRM_OUTPUT: i32 = 3;
    pub const SIGN_TX: i32 = 8;
    pub const ADDRESS: i32 = 10;
    /// The PIN is being entered on the device (Trezor T, Safe).
    pub const PIN_ENTRY: i32 = 20;
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ButtonAck {}

/// A Trezor One asks for its PIN on the computer, through a scrambled matrix.
#[derive(Clone, PartialEq, prost::Message)]
pub struct PinMatrixRequest {
    #[prost(int32, optional, tag = "1")]
    pub kind: Option<i32>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct PinMatrixAck {
    #[prost(string, required, tag = "1")]
    pub pin: String,
}

/// The device asks for the wallet's passphrase (the host answers: on the device).
#[derive(Clone, PartialEq, prost::Message)]
pub struct PassphraseRequest {}

#[derive(Clone, PartialEq, prost::Message)]
pub struct PassphraseAck {
    #[prost(string, optional, tag = "1")]
    pub passphrase: Option<String>,
    /// The passphrase is typed on the device.
    #[prost(bool, optional, tag = "3")]
    pub on_device: Option<bool>,
}

/// Ends what the device is doing (a prompt on its screen).
#[derive(Clone, PartialEq, prost::Message)]
pub struct Cancel {}

#[derive(Clone, PartialEq, prost::Message)]
pub struct EthereumGetAddress {
    #[prost(uint32, repeated, packed = "false", tag = "1")]
    pub address_n: Vec<u32>,
    #[prost(bool, optional, tag = "2")]
    pub show_display: Option<bool>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct EthereumAddress {
    /// `0x` and the EIP-55 checksummed address.
    #[prost(string, optional, tag = "2")]
    pub address: Option<String>,
}

/// An EIP-1559 transaction to sign: integers as minimal big-endian bytes (zero is
/// empty), the first chunk of the data (at most 1024 bytes) and its whole length.
#[derive(Clone, PartialEq, prost::Message)]
pub struct EthereumSignTxEip1559 {
    #[prost(uint32, repeated, packed = "false", tag = "1")]
    pub address_n: Vec<u32>,
    #[prost(bytes = "vec", required, tag = "2")]
    pub nonce: Vec<u8>,
    #[prost(bytes = "vec", required, tag = "3")]
    pub max_gas_fee: Vec<u8>,
    #[prost(bytes = "vec", required, tag = "4")]
    pub max_priority_fee: Vec<u8>,
    #[prost(bytes = "vec", required, tag = "5")]
    pub gas_limit: Vec<u8>,
    #[prost(string, optional, tag = "6")]
    pub to: Option<String>,
    #[prost(bytes = "vec", required, tag = "7")]
    pub value: Vec<u8>,
    #[prost(bytes = "vec", optional, tag = "8")]
    pub data_initial_chunk: Option<Vec<u8>>,
    #[prost(uint32, required, tag = "9")]
    pub data_length: u32,
    #[prost(uint64, required, tag = "10")]
    pub chain_id: u64,
    #[prost(message, repeated, tag = "11")]
    pub access_list: Vec<EthereumAccessList>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct EthereumAccessList {
    #[prost(string, required, tag = "1")]
    pub address: String,
    #[prost(bytes = "vec", repeated, tag = "2")]
    pub storage_keys: Vec<Vec<u8>>,
}

/// The device asks for the next `data_length` bytes of data, or (without it) gives the
/// signature: `signature_v` the y-parity (0 or 1), r and s 32 bytes each.
#[derive(Clone, PartialEq, prost::Message)]
pub struct EthereumTxRequest {
    #[prost(uint32, optional, tag = "1")]
    pub data_length: Option<u32>,
    #[prost(uint32, optional, tag = "2")]
    pub signature_v: Option<u32>,
    #[prost(bytes = "vec", optional, tag = "3")]
    pub signature_r: Option<Vec<u8>>,
    #[prost(bytes = "vec", optional, tag = "4")]
    pub signature_s: Option<Vec<u8>>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct EthereumTxAck {
    #[prost(bytes = "vec", required, tag = "1")]
    pub data_chunk: Vec<u8>,
}
