//! Saleguard's SQLite store: one file, opened safely, migrated atomically.
//!
//! Invariants: every table is `STRICT`; the connection runs in WAL mode with
//! `synchronous=FULL` and foreign keys on; a database written by a newer Saleguard,
//! or a file that is not a Saleguard database, is refused before anything is written
//! to it. The store never reads the clock: callers pass the time of each write.

mod connection;
mod error;
mod migrations;
mod sales;

pub use connection::{ConnectionSettings, Store};
pub use error::StoreError;
pub use migrations::LATEST_SCHEMA_VERSION;
