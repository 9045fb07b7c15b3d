//! The integration tests of the `saleguard` command line, one module a file, built as one test binary:
//! one link instead of one per file (each links the whole crate and its
//! dependencies), which is most of what the tests cost to build.

mod common;

mod accounts;
mod act;
mod actions;
mod allowance;
mod claims;
mod cli;
mod concurrent_writes;
mod contribute;
mod crash_safety;
mod import_checks;
mod lists;
mod option_names;
mod participations;
mod portfolio;
mod private_files;
mod review;
mod secrets_in_logs;
