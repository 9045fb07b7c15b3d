//! The Trezor wire protocol v1, the same over USB and the emulator's UDP port: a message
//! is its type (u16) and protobuf payload, sent in packets of exactly 64 bytes. The
//! first packet is `?##`, the type and the payload's length (u32), both big-endian, and
//! the first 55 payload bytes; each next packet is `?` and the next 63. Padding is zeros.

use crate::messages::TrezorMessage;

/// Every packet is this long.
pub const PACKET_SIZE: usize = 64;
/// A packet.
pub type Packet = [u8; PACKET_SIZE];

const FIRST_HEADER: usize = 9;
const NEXT_HEADER: usize = 1;
/// The longest message accepted from a device: a Trezor's answers are a few hundred
/// bytes; a length beyond this is garbage, not a reason to allocate.
pub const MAX_MESSAGE: usize = 64 * 1024;

/// The packets of one message.
pub fn packets(kind: u16, payload: &[u8]) -> Vec<Packet> {
    let length = u32::try_from(payload.len()).unwrap_or(u32::MAX);
    let mut stream = Vec::with_capacity(8 + payload.len());
    stream.extend(b"##");
    stream.extend(kind.to_be_bytes());
    stream.extend(length.to_be_bytes());
    stream.extend(payload);
    stream
        .chunks(PACKET_SIZE - NEXT_HEADER)
        .map(|piece| {
            let mut packet = [0u8; PACKET_SIZE];
            packet[0] = b'?';
            packet[1..=piece.len()].copy_from_slice(piece);
            packet
        })
        .collect()
}

/// The packets of a message.
pub fn encode<M: TrezorMessage>(message: &M) -> Vec<Packet> {
    packets(M::TYPE, &message.encode_to_vec())
}

/// Reads `payload` as a message of type `M`.
pub fn decode<M: TrezorMessage>(payload: &[u8]) -> Result<M, FrameError> {
    M::decode(payload).map_err(|error| FrameError::Undecodable {
        kind: M::TYPE,
        reason: error.to_string(),
    })
}

/// Why packets do not make a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("a {0}-byte packet (packets are 64 bytes)")]
    WrongSize(usize),
    #[error("a packet without the '?##' message start")]
    NoMessageStart,
    #[error("a continuation packet without its '?'")]
    NoContinuationMark,
    #[error("a {0}-byte message (more than a Trezor sends)")]
    TooLong(usize),
    #[error("message type {kind} cannot be read: {reason}")]
    Undecodable { kind: u16, reason: String },
}

/// A message being received, packet by packet.
#[derive(Debug)]
pub struct Incoming {
    kind: u16,
    length: usize,
    payload: Vec<u8>,
}

impl Incoming {
    /// Starts a message from its first packet.
    pub fn start(packet: &[u8]) -> Result<Self, FrameError> {
        if packet.len() != PACKET_SIZE {
            return Err(FrameError::WrongSize(packet.len()));
        }
        if &packet[..3] != b"?##" {
            return Err(FrameError::NoMessageStart);
        }
        let kind = u16::from_be_bytes([packet[3], packet[4]]);
        let length = u32::from_be_bytes([packet[5], packet[6], packet[7], packet[8]]);
        let length = usize::try_from(length).unwrap_or(usize::MAX);
        if length > MAX_MESSAGE {
            return Err(FrameError::TooLong(length));
        }
        let mut payload = Vec::with_capacity(length);
        let first = &packet[FIRST_HEADER..];
        payload.extend(&first[..first.len().min(length)]);
        Ok(Self {
            kind,
            length,
            payload,
        })
    }

    /// Adds a continuation packet.
    pub fn push(&mut self, packet: &[u8]) -> Result<(), FrameError> {
        if packet.len() != PACKET_SIZE {
            return Err(FrameError::WrongSize(packet.len()));
        }
        if packet[0] != b'?' {
            return Err(FrameError::NoContinuationMark);
        }
        let missing = self.length - self.payload.len();
        let next = &packet[NEXT_HEADER..];
        self.payload.extend(&next[..next.len().min(missing)]);
        Ok(())
    }

    pub fn is_complete(&self) -> bool {
        self.payload.len() == self.length
    }

    /// The message's type and payload.
    pub fn finish(self) -> (u16, Vec<u8>) {
        (self.kind, self.payload)
    }
}
