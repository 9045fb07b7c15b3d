//! Golden bytes, written by hand from the field numbers and wire types of
//! trezor-firmware's `.proto` files and `protocol.md`: the simulator in the test kit
//! decodes with the same structs, so these are what would catch a wrong field number.

use alloy_primitives::{Bytes, TxKind, address};
use prost::Message;

use super::messages::*;
use super::wire::{self, FrameError, Incoming};
use super::*;

fn hex(text: &str) -> Vec<u8> {
    alloy_primitives::hex::decode(text.replace(' ', "")).expect("hex")
}

/// A whole message read back from its packets.
fn message_of(packets: &[wire::Packet]) -> Result<(u16, Vec<u8>), FrameError> {
    let (first, rest) = packets.split_first().ok_or(FrameError::WrongSize(0))?;
    let mut incoming = Incoming::start(first)?;
    for packet in rest {
        incoming.push(packet)?;
    }
    Ok(incoming.finish())
}

#[test]
fn an_empty_message_is_one_packet_with_its_header() {
    let packets = wire::encode(&Initialize { session_id: None });
    assert_eq!(packets.len(), 1);
    let mut expected = [0u8; 64];
    expected[..9].copy_from_slice(b"?##\x00\x00\x00\x00\x00\x00");
    assert_eq!(packets[0], expected);
}

#[test]
fn long_messages_continue_in_packets_of_63_bytes() {
    let payload: Vec<u8> = (1..=130u8).collect();
    let packets = wire::packets(EthereumSignTxEip1559::TYPE, &payload);
    assert_eq!(packets.len(), 3, "55 + 63 + 12 bytes");
    assert_eq!(&packets[0][..9], b"?##\x01\xc4\x00\x00\x00\x82");
    assert_eq!(&packets[0][9..], &payload[..55]);
    assert_eq!(packets[1][0], b'?');
    assert_eq!(&packets[1][1..], &payload[55..118]);
    assert_eq!(&packets[2][1..13], &payload[118..]);
    assert!(
        packets[2][13..].iter().all(|byte| *byte == 0),
        "zero padding"
    );
    assert_eq!(
        message_of(&packets),
        Ok((EthereumSignTxEip1559::TYPE, payload))
    );
}

#[test]
fn broken_packets_are_refused() {
    assert_eq!(
        Incoming::start(&[b'?'; 10]).map(|_| ()),
        Err(FrameError::WrongSize(10))
    );
    let mut packet = [0u8; 64];
    packet[..3].copy_from_slice(b"?#!");
    assert_eq!(
        Incoming::start(&packet).map(|_| ()),
        Err(FrameError::NoMessageStart)
    );
    packet[..9].copy_from_slice(b"?##\x00\x11\x7f\xff\xff\xff");
    assert!(matches!(
        Incoming::start(&packet),
        Err(FrameError::TooLong(_))
    ));
    packet[..9].copy_from_slice(b"?##\x00\x11\x00\x00\x01\x00");
    let mut incoming = Incoming::start(&packet).expect("started");
    assert!(!incoming.is_complete());
    assert_eq!(
        incoming.push(&[0u8; 64]),
        Err(FrameError::NoContinuationMark)
    );
}

#[test]
fn an_address_request_sends_the_path_unpacked() {
    let path = DerivationPath::parse("m/44'/60'/0'/0/0").expect("path");
    let request = EthereumGetAddress {
        address_n: path.components().to_vec(),
        show_display: Some(true),
    };
    assert_eq!(
        request.encode_to_vec(),
        hex("08 ac80808008 08 bc80808008 08 8080808008 08 00 08 00 10 01")
    );
    assert_eq!(EthereumGetAddress::TYPE, 56);
}

#[test]
fn a_signing_request_sends_every_required_field_even_when_zero() {
    let tx = TxEip1559 {
        chain_id: 1,
        nonce: 0,
        gas_limit: 21_000,
        max_fee_per_gas: 2_000_000_000,
        max_priority_fee_per_gas: 1,
        to: TxKind::Call(address!("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")),
        value: U256::ZERO,
        access_list: Default::default(),
        input: Bytes::new(),
    };
    let path = DerivationPath::parse("m/0").expect("path");
    let request = signing_request(&path, &tx).expect("request");
    let mut expected = hex("08 00 12 00 1a 04 77359400 22 01 01 2a 02 5208 32 2a");
    expected.extend(b"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    expected.extend(hex("3a 00 42 00 48 00 50 01"));
    assert_eq!(request.encode_to_vec(), expected);
    assert_eq!(EthereumSignTxEip1559::TYPE, 452);
}

#[test]
fn long_data_goes_first_1024_bytes_then_on_request() {
    let tx = TxEip1559 {
        chain_id: 31_337,
        nonce: 256,
        input: Bytes::from(vec![7u8; 2500]),
        ..TxEip1559::default()
    };
    let request =
        signing_request(&DerivationPath::parse("m/0").expect("path"), &tx).expect("request");
    assert_eq!(request.data_length, 2500);
    assert_eq!(
        request.data_initial_chunk.as_ref().map(Vec::len),
        Some(1024)
    );
    assert_eq!(request.nonce, [1, 0], "big-endian, no leading zeros");
    assert_eq!(request.to, None, "no recipient: a contract creation");
}

#[test]
fn the_signature_comes_from_the_last_request() {
    let mut payload = hex("10 01 1a 20");
    payload.extend([0x11; 32]);
    payload.extend(hex("22 20"));
    payload.extend([0x22; 32]);
    let reply: EthereumTxRequest = wire::decode(&payload).expect("decoded");
    let signature = signature_of(&reply).expect("a signature");
    assert!(signature.v());
    assert_eq!(signature.r(), U256::from_be_slice(&[0x11; 32]));

    let short = EthereumTxRequest {
        signature_r: Some(vec![1; 31]),
        ..reply.clone()
    };
    assert!(matches!(
        signature_of(&short),
        Err(DeviceError::Malformed(_))
    ));
    let bad_v = EthereumTxRequest {
        signature_v: Some(5),
        ..reply
    };
    assert!(matches!(
        signature_of(&bad_v),
        Err(DeviceError::Malformed(_))
    ));
    assert!(matches!(
        signature_of(&EthereumTxRequest::default()),
        Err(DeviceError::Malformed(_))
    ));
}

#[test]
fn features_are_read_past_fields_saleguard_does_not_know() {
    // vendor "trezor.io", 2.8.1, an unknown field 99 (varint), unlocked false, model "T",
    // capabilities 1 and 7 (Bitcoin, Ethereum).
    let mut payload = hex("0a 09");
    payload.extend(b"trezor.io");
    payload.extend(hex(
        "10 02 18 08 20 01 98 06 05 80 01 00 aa 01 01 54 f0 01 01 f0 01 07",
    ));
    let features: Features = wire::decode(&payload).expect("decoded");
    let features = TrezorFeatures::of(&features);
    assert_eq!(features.firmware, (2, 8, 1));
    assert_eq!(features.model, "T");
    assert!(!features.unlocked);
    assert!(features.ethereum);
    assert_eq!(features.unusable(), None);
}

#[test]
fn failures_say_what_to_do() {
    let failure = |code, message: &str| Failure {
        code: Some(code),
        message: Some(message.to_owned()),
    };
    assert_eq!(
        failure_error(&failure(failure::ACTION_CANCELLED, "Cancelled")),
        DeviceError::Rejected
    );
    assert_eq!(
        failure_error(&failure(failure::PIN_INVALID, "PIN invalid")),
        DeviceError::Locked
    );
    assert_eq!(
        failure_error(&failure(failure::BUSY, "")),
        DeviceError::Busy
    );
    assert_eq!(
        failure_error(&failure(failure::DATA_ERROR, "Forbidden key path")),
        DeviceError::Refused("Forbidden key path".to_owned())
    );
}

#[test]
fn addresses_must_be_hex_with_a_valid_checksum() {
    let good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    assert_eq!(
        parse_address(good),
        Ok(address!("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
    );
    for bad in [
        "",
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
        "0x5aAeb6",
    ] {
        assert!(
            matches!(parse_address(bad), Err(DeviceError::Malformed(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn message_types_are_the_firmware_numbers() {
    let types = [
        Initialize::TYPE,
        Success::TYPE,
        Failure::TYPE,
        Features::TYPE,
        PinMatrixRequest::TYPE,
        PinMatrixAck::TYPE,
        Cancel::TYPE,
        ButtonRequest::TYPE,
        ButtonAck::TYPE,
        PassphraseRequest::TYPE,
        PassphraseAck::TYPE,
        GetFeatures::TYPE,
        EthereumGetAddress::TYPE,
        EthereumAddress::TYPE,
        EthereumTxRequest::TYPE,
        EthereumTxAck::TYPE,
        EthereumSignTxEip1559::TYPE,
    ];
    assert_eq!(
        types,
        [
            0, 2, 3, 17, 18, 19, 20, 26, 27, 41, 42, 55, 56, 57, 59, 60, 452
        ]
    );
}

#[test]
fn chunks_acks_and_access_lists_encode_as_the_firmware_reads_them() {
    let ack = EthereumTxAck {
        data_chunk: vec![0xab, 0xcd],
    };
    assert_eq!(ack.encode_to_vec(), hex("0a 02 abcd"));
    assert_eq!(
        EthereumTxAck { data_chunk: vec![] }.encode_to_vec(),
        hex("0a 00")
    );
    let item = EthereumAccessList {
        address: "0x01".to_owned(),
        storage_keys: vec![vec![7]],
    };
    assert_eq!(item.encode_to_vec(), hex("0a 04 30783031 12 01 07"));
    let passphrase = PassphraseAck {
        passphrase: None,
        on_device: Some(true),
    };
    assert_eq!(passphrase.encode_to_vec(), hex("18 01"));
}
