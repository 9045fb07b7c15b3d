//! Saleguard's domain: amounts, addresses, moments, sales and participations, money and
//! prices, budgets, research, the review before signing, transactions and the
//! portfolio — each with its rules.
//!
//! Invariant: this crate does no I/O and never reads the clock or a random source.
//! Time comes in as a `now` argument; everything here is a pure function of its inputs.

pub mod account;
pub mod action;
pub mod address;
pub mod amount;
pub mod approval;
pub mod budget;
pub mod contact;
pub mod delivery;
pub mod diligence;
pub mod entry;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod kyc;
pub mod money;
mod names;
pub mod network;
pub mod official;
pub mod participation;
pub mod portfolio;
pub mod preview;
pub mod price_book;
pub mod receipt;
pub mod research;
pub mod review;
pub mod sale;
pub mod scam;
pub mod settlement;
mod text;
pub mod timestamp;
pub mod transaction;
pub mod vesting;

pub use alloy_primitives::{Address, Bytes, Signature, U256};
pub use isocountry::CountryCode;
pub use rust_decimal::Decimal;
pub use text::is_clean_text;
pub use url::Url;
