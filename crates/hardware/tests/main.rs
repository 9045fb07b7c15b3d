//! The integration tests of the device protocols, one module a file, built as one test binary:
//! one link instead of one per file (each links the whole crate and its
//! dependencies), which is most of what the tests cost to build.

mod common;

mod ledger;
mod screens;
mod trezor;
mod udev_rules;
