//! Saleguard's SQLite store: one file, opened safely, migrated atomically.
//!
//! Invariants: every table is `STRICT`; the connection runs in WAL mode with
//! `synchronous=FULL` and foreign keys on; a database written by a newer Saleguard,
//! or a file that is not a Saleguard database (not SQLite, another program's SQLite
//! file, damaged), is refused before anything is written to it. Rows carry the time
//! their callers pass in; only `schema_migrations` records SQLite's own clock.

mod accounts;
mod actions;
mod budgets;
mod clean_close;
mod connection;
mod contacts;
mod deliveries;
mod entries;
mod error;
mod export;
mod migrations;
mod networks;
mod official_addresses;
mod paging;
mod participations;
mod price_sources;
mod research;
mod rows;
mod sales;
mod scam_lists;
mod trades;
mod transactions;
mod vesting;

pub use actions::ActionRecord;
pub use budgets::{BudgetRecord, MAX_PRICE_AGE_HOURS, PriceFilter, PriceRecord, ReviewPolicy};
pub use connection::{ConnectionSettings, Store};
pub use contacts::{ContactRecord, OverrideRecord};
pub use deliveries::{DeliveryScan, TransferFromOther, TransferFromOtherRecord};
pub use entries::{EntryCorrection, EntryFilter, EntryRecord, EntrySource};
pub use error::StoreError;
pub use export::{
    Cell, Column, ColumnType, DATA_TABLES, ImportError, Reference, RowFailure, TableRows,
    TableShape,
};
pub use migrations::LATEST_SCHEMA_VERSION;
pub use official_addresses::{
    AddressSourceRecord, NewAddressSource, OfficialAddressKey, OfficialAddressRecord,
};
pub use paging::{MAX_PAGE_ROWS, Page, PageRequest, TimeOrder};
pub use participations::{NewStep, ParticipationId, ParticipationRecord, ParticipationStep};
pub use price_sources::PriceApiSettings;
pub use research::FingerprintRecord;
pub use saleguard_core::entry::ProvedEntry;
pub use sales::SaleHeader;
pub use scam_lists::{NewScamList, ScamEntry, ScamEntryKind, ScamListRecord};
pub use trades::{ImportedRow, TradeFilter, TradeRecord};
pub use transactions::{Settlement, TakenAction, TransactionEvent, TransactionRecord};
