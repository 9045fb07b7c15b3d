//! Hardware wallets behind Saleguard's [`Signer`](saleguard_chain::signer::Signer): the
//! key never leaves the device; Saleguard asks for addresses and signatures, follows the
//! device's state for the UI, and turns every device failure into a
//! [`DeviceError`](saleguard_chain::signer::DeviceError) that says what to do.
//!
//! Every device call runs on a task of its own behind a timeout: a device that never
//! answers, or a driver that panics, ends in a typed error, never in a hung or crashed
//! app.

use std::time::Duration;

pub mod ledger;
pub mod process_lock;
pub mod screens;
pub mod trezor;

pub use ledger::{LedgerConnection, LedgerDevice, LedgerSigner, SPECULOS_ENV};
pub use process_lock::ProcessLock;
pub use saleguard_chain::signer::DeviceError;
pub use screens::{
    DevicePrompt, DeviceScreen, DeviceSoftware, Signing, Version, device_prompt, trezor_model_name,
};
pub use trezor::{TREZOR_EMULATOR_ENV, TrezorConnection, TrezorDevice, TrezorSigner};

/// How long to wait for a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// For an answer that needs no one to press anything.
    pub answer: Duration,
    /// For the user to compare and confirm on the device.
    pub confirmation: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            answer: Duration::from_secs(10),
            confirmation: Duration::from_secs(120),
        }
    }
}
