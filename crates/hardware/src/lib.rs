//! Hardware wallets behind Saleguard's [`Signer`](saleguard_chain::signer::Signer): the
//! key never leaves the device; Saleguard asks for addresses and signatures, follows the
//! device's state for the UI, and turns every device failure into a
//! [`DeviceError`](saleguard_chain::signer::DeviceError) that says what to do.
//!
//! Every device call runs on a task of its own behind a timeout: a device that never
//! answers, or a driver that panics, ends in a typed error, never in a hung or crashed
//! app.

pub mod ledger;

pub use ledger::{LedgerConnection, LedgerDevice, LedgerSigner, SPECULOS_ENV};
pub use saleguard_chain::signer::DeviceError;
