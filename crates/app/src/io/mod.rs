//! The user's files: CSV in and out (transactions and holdings for tax tools, price
//! history in) through one generic reader, the JSON export and import of all data
//! except secrets, encrypted backups, and how a file for the user is written (whole,
//! through a temporary file; in a folder never over another file, at a path the user
//! names replacing it whole), and what the system's dialogs for them say.

pub mod backup;
pub mod chosen;
pub mod csv;
pub mod csv_reader;
mod download;
pub mod export;
mod files;
pub mod price_history;
mod readable;
pub mod scam_lists;
mod text_limits;
