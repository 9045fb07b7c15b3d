//! The integration tests of the real app in the real webview, one module a file, built as one test binary:
//! one link instead of one per file (each links the whole crate and its
//! dependencies), which is most of what the tests cost to build.

mod accounts;
mod actions;
mod budget;
mod contribute;
mod hardware;
mod official_addresses;
mod participations;
mod portfolio;
mod prices;
mod refused_database;
mod review;
mod sales;
mod single_instance;
mod token_paid;
mod trezor;
mod vesting;
mod window_state;
