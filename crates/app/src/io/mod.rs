//! The user's files: CSV in and out (transactions and holdings for tax tools, price
//! history in) through one generic reader, the JSON export and import of all data
//! except secrets, encrypted backups, and how a file for the user is written (whole,
//! through a temporary file, never over an existing one).

pub mod backup;
pub mod csv;
pub(crate) mod csv_reader;
pub mod export;
mod files;
pub mod price_history;

pub use csv_reader::{CsvRowError, MAX_IMPORT_BYTES};
