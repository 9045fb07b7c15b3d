//! The Trezor conversation's pieces, with golden bytes written by hand from the field
//! numbers of trezor-firmware's `.proto` files (the protocol crate tests the framing and
//! the messages themselves).

use alloy_primitives::{Bytes, TxKind, address};
use prost::Message;

use super::*;
use saleguard_trezor_protocol::wire;

fn hex(text: &str) -> Vec<u8> {
    alloy_primitives::hex::decode(text.replace(' ', "")).expect("hex")
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
