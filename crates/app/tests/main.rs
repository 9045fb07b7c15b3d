//! The integration tests of the app's use cases, one module a file, built as one test binary:
//! one link instead of one per file (each links the whole crate and its
//! dependencies), which is most of what the tests cost to build.

mod common;

mod accounts;
mod actions_on_chain;
mod architecture;
mod backup;
mod chosen_files;
mod contribute;
mod csv;
mod deliveries;
mod export;
mod hardware;
mod instance;
mod participations;
mod portfolio;
mod preview;
mod prices;
mod research;
mod review;
mod signing;
mod trezor;
mod use_cases;
