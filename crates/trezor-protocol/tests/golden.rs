//! Golden bytes, written by hand from the field numbers and wire types of
//! trezor-firmware's `.proto` files and `protocol.md`: the hardware crate and the test
//! kit's simulator both encode and decode with these structs, so these are what would
//! catch a wrong field number or a framing mistake on both sides at once.

use prost::Message;
use saleguard_trezor_protocol::messages::*;
use saleguard_trezor_protocol::wire::{self, FrameError, Incoming};

/// Bytes from hex written with spaces for reading.
fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).expect("ASCII");
            u8::from_str_radix(pair, 16).expect("hex digits")
        })
        .collect()
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
    // m/44'/60'/0'/0/0: hardened indexes have the top bit set.
    let hardened = 0x8000_0000u32;
    let request = EthereumGetAddress {
        address_n: vec![44 | hardened, 60 | hardened, hardened, 0, 0],
        show_display: Some(true),
    };
    assert_eq!(
        request.encode_to_vec(),
        hex("08 ac80808008 08 bc80808008 08 8080808008 08 00 08 00 10 01")
    );
    assert_eq!(EthereumGetAddress::TYPE, 56);
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
