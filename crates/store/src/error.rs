use std::path::PathBuf;

use saleguard_core::account::AccountId;
use saleguard_core::sale::SaleId;

use crate::participations::ParticipationId;

/// Everything that can go wrong between Saleguard and its database file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} was written by a newer version of Saleguard (schema {found}, this version knows up to {supported}); \
         it was left untouched: update Saleguard to open it"
    )]
    NewerThanApp {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path} is not a Saleguard database (it is not an SQLite file); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error(
        "{path} is an SQLite database of another program, not Saleguard's; it was left untouched"
    )]
    OtherProgramsDatabase { path: PathBuf },
    #[error(
        "{path} is damaged and cannot be read; it was left untouched: restore it from a backup"
    )]
    Corrupt { path: PathBuf },
    #[error("the database holds a value this version cannot read ({what})")]
    InvalidRow { what: String },
    #[error(
        "updating the database would leave rows of {table} referring to nothing; it was left as it was"
    )]
    MigrationBrokeReferences { table: String },
    #[error("no sale with id {}", .0.0)]
    SaleNotFound(SaleId),
    #[error("no transaction draft {0}")]
    TransactionNotFound(String),
    #[error("transaction draft {id} is already {status}: it is not signed or sent again")]
    TransactionChanged { id: String, status: &'static str },
    #[error(
        "another signed transaction already uses this account's nonce (draft {0}): plan the contribution again"
    )]
    NonceReserved(String),
    #[error("no account with id {}", .0.0)]
    AccountNotFound(AccountId),
    #[error("no participation with id {}", .0.0)]
    ParticipationNotFound(ParticipationId),
    #[error("sale {} already has a participation (id {})", .sale.0, .participation.0)]
    ParticipationExists {
        sale: SaleId,
        participation: ParticipationId,
    },
    #[error("participation {} changed meanwhile; reload it and try again", .0.0)]
    ParticipationChanged(ParticipationId),
    #[error("sale {} has a participation, so it cannot be deleted: archive it instead", .0.0)]
    SaleHasParticipations(SaleId),
    #[error(
        "sale {} has overridden reviews in its history, so it cannot be deleted: archive it instead",
        .0.0
    )]
    SaleHasOverrides(SaleId),
    #[error("no action with id {0}")]
    ActionNotFound(i64),
    #[error("no transfer found by a scan with id {0}")]
    TransferNotFound(i64),
    #[error("the database could not be opened or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path} could not be read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}
