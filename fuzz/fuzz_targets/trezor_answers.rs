//! What a Trezor (or anything on its USB interface or UDP port) can answer: any bytes
//! are cut into 64-byte packets and read as Saleguard reads a device's answer — the
//! framing, then each message type the conversations take — to a value or a typed
//! error; never a panic, never an allocation past the protocol's limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saleguard_hardware::trezor::{
    TrezorFeatures, decoded, expect, failure_error, parse_address, signature_of,
};
use saleguard_trezor_protocol::messages::{
    ButtonRequest, EthereumAddress, EthereumTxRequest, Failure, Features, TrezorMessage,
};
use saleguard_trezor_protocol::wire::{Incoming, PACKET_SIZE};

fuzz_target!(|bytes: &[u8]| {
    let mut packets = bytes.chunks(PACKET_SIZE);
    let Some(first) = packets.next() else {
        return;
    };
    let Ok(mut incoming) = Incoming::start(first) else {
        return;
    };
    for packet in packets {
        if incoming.is_complete() || incoming.push(packet).is_err() {
            break;
        }
    }
    let (kind, payload) = incoming.finish();
    if let Ok(features) = expect::<Features>(kind, &payload) {
        let features = TrezorFeatures::of(&features);
        let _ = (features.pin_on_computer(), features.unusable());
    }
    if let Ok(reply) = expect::<EthereumAddress>(kind, &payload) {
        let _ = parse_address(reply.address.as_deref().unwrap_or_default());
    }
    if let Ok(reply) = expect::<EthereumTxRequest>(kind, &payload) {
        let _ = signature_of(&reply);
    }
    if kind == Failure::TYPE {
        if let Ok(failure) = decoded::<Failure>(&payload) {
            let _ = failure_error(&failure);
        }
    }
    let _ = decoded::<ButtonRequest>(&payload);
});
