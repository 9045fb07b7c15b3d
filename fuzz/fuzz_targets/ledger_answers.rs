//! What a Ledger's Ethereum app (or anything on its HID interface or Speculos port) can
//! answer: any bytes are read as an address answer, a signature answer and a status
//! word, to a value or a typed error; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saleguard_hardware::ledger::{parse_address, parse_signature, status_error};

fuzz_target!(|data: &[u8]| {
    let _ = parse_address(data);
    let _ = parse_signature(data);
    if let [high, low, ..] = data {
        let word = u16::from_be_bytes([*high, *low]);
        let _ = status_error(word, data.len() % 2 == 0);
    }
});
