//! What the device tests share: short waits, the account's path and a contribution.

use std::time::Duration;

use alloy_consensus::TxEip1559;
use alloy_primitives::{Address, Bytes, TxKind, U256};
use saleguard_core::account::DerivationPath;
use saleguard_hardware::Timeouts;

pub const PATH: &str = "m/44'/60'/0'/0/0";

/// Short waits, told apart: 2 s for an answer, 3 s for the user on a prompt.
pub fn quick() -> Timeouts {
    Timeouts {
        answer: Duration::from_secs(2),
        confirmation: Duration::from_secs(3),
    }
}

pub fn path() -> DerivationPath {
    DerivationPath::parse(PATH).expect("path")
}

/// A contribution: a plain transfer, or a contract call with `data_len` bytes.
pub fn transaction(data_len: usize) -> TxEip1559 {
    TxEip1559 {
        chain_id: 31_337,
        nonce: 3,
        gas_limit: 90_000,
        max_fee_per_gas: 2_000_000_000,
        max_priority_fee_per_gas: 1_000_000_000,
        to: TxKind::Call(Address::repeat_byte(0x5a)),
        value: U256::from(1_500_000_000_000_000_000u128),
        access_list: Default::default(),
        input: Bytes::from((0..data_len).map(|i| (i % 251) as u8).collect::<Vec<u8>>()),
    }
}
