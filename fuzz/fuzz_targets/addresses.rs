//! Addresses as typed or read from a file: any text is an address or a typed error,
//! and an address written as Saleguard writes it (EIP-55) reads back as itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saleguard_core::address::{checksummed, parse_address};

fuzz_target!(|text: &str| {
    if let Ok(address) = parse_address(text) {
        let written = checksummed(&address);
        assert_eq!(parse_address(&written), Ok(address), "{text:?} → {written}");
    }
});
