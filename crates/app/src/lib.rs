//! Saleguard's use cases: the only API the desktop shell and the CLI call.
//!
//! Invariants: shells call nothing below this crate; every use case returns either a
//! view from its capability's module (the shared ones in [`dto`]) or an [`AppError`]
//! with a stable [`ErrorCode`]; the clock is read here (through [`Clock`]), never in the
//! core.

// The base: what every capability may use. None of these imports a capability.
mod clock;
pub mod dto;
mod error;
pub mod instance;
mod logging;
mod money;
mod paths;

// The capabilities, each a folder. They import one another in one direction: the order
// of ARCHITECTURE.md's map of this crate, each using only those above it there
// (tests/architecture.rs checks it and keeps the graph written there true).
pub mod accounts;
pub mod budgets;
pub mod chain;
pub mod io;
pub mod participations;
pub mod portfolio;
pub mod pricing;
pub mod research;
pub mod review;
pub mod sales;

use std::sync::{Arc, Mutex, MutexGuard};

use saleguard_store::Store;
use saleguard_vault::{Keyring, KeyringNamespace};

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AppError, ErrorCode, FieldError};
pub use logging::{LOG_FILTER_ENV, init_file_logging};
pub use paths::{APP_IDENTIFIER, DATA_DIR_ENV, DataPaths};
pub use saleguard_core::sale::{
    CurrencyKind, NATIVE_COIN_SYMBOLS, PricingKind, SaleDraft, SaleStatus, native_coin_symbol,
};
pub use saleguard_core::timestamp::UtcTimestamp;

/// One running Saleguard: its data files, the OS keyring and its clock.
///
/// Opening never fails: if the database cannot be opened (a newer version wrote it,
/// it is not a database, the directory is unwritable), every use case that needs it
/// returns that error, while [`Saleguard::info`] still says where the files are.
#[derive(Debug)]
pub struct Saleguard {
    paths: DataPaths,
    clock: Arc<dyn Clock>,
    store: Result<Mutex<Store>, AppError>,
    keyring: Arc<Keyring>,
    pending_phrase: accounts::PendingPhrase,
    account_changes: accounts::AccountChanges,
    ledger_device: chain::devices::DeviceSlot<
        saleguard_hardware::LedgerConnection,
        saleguard_hardware::LedgerDevice,
    >,
    trezor_device: chain::devices::DeviceSlot<
        saleguard_hardware::TrezorConnection,
        saleguard_hardware::TrezorDevice,
    >,
    price_client: pricing::api::PriceClient,
}

impl Saleguard {
    /// Opens the data folder. A Ledger and a Trezor are looked for on USB; the shells name
    /// a Speculos emulator instead (`--ledger-emulator`, or `SALEGUARD_LEDGER_SPECULOS`) with
    /// [`Saleguard::with_ledger_connection`], and a Trezor emulator
    /// (`--trezor-emulator`, or `SALEGUARD_TREZOR_EMULATOR`) with
    /// [`Saleguard::with_trezor_connection`].
    pub fn start(paths: DataPaths, clock: Arc<dyn Clock>) -> Self {
        let store = paths
            .ensure_exists()
            .and_then(|()| Store::open(&paths.database()).map_err(AppError::from))
            .map(Mutex::new);
        // After the open: SQLite made its files (they take the database's mode).
        paths.make_private();
        if let Err(error) = &store {
            tracing::error!(code = ?error.code, %error, "the database could not be opened");
        }
        Self::over(paths, clock, store)
    }

    /// A Saleguard over `store` (open or not), with no device or secret in use yet.
    fn over(
        paths: DataPaths,
        clock: Arc<dyn Clock>,
        store: Result<Mutex<Store>, AppError>,
    ) -> Self {
        Self {
            paths,
            clock,
            store,
            keyring: Arc::new(Keyring::new(KeyringNamespace::for_this_build())),
            pending_phrase: accounts::PendingPhrase::default(),
            account_changes: accounts::AccountChanges::default(),
            ledger_device: chain::devices::DeviceSlot::new(
                saleguard_hardware::LedgerConnection::Usb,
            ),
            trezor_device: chain::devices::DeviceSlot::new(
                saleguard_hardware::TrezorConnection::Usb,
            ),
            price_client: pricing::api::PriceClient::default(),
        }
    }

    /// The error that kept the database closed, if any.
    pub fn startup_error(&self) -> Option<&AppError> {
        self.store.as_ref().err()
    }

    pub fn info(&self) -> dto::AppInfo {
        dto::AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.paths.data_dir.display().to_string(),
            database_path: self.paths.database().display().to_string(),
            log_path: self.paths.log_file().display().to_string(),
        }
    }

    fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        store.lock().map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "an earlier operation failed midway; restart Saleguard",
            )
        })
    }

    /// Keeps a secret text (an RPC URL with a key, an API key) in the OS keyring: in
    /// the entry `previous` when there is one, else in a new entry named from `prefix`;
    /// returns the entry's reference, which the database may keep.
    pub(crate) fn keep_secret_text(
        &self,
        previous: Option<&str>,
        prefix: &str,
        label: &str,
        text: &str,
    ) -> Result<String, AppError> {
        let reference = match previous {
            Some(reference) => reference.to_owned(),
            None => saleguard_vault::random_id(prefix).map_err(|error| {
                AppError::new(
                    ErrorCode::Internal,
                    format!("the system's random source failed: {error}"),
                )
            })?,
        };
        self.keyring.store_text(
            &reference,
            label,
            &saleguard_vault::SecretString::new(text.to_owned()),
        )?;
        Ok(reference)
    }

    /// Reads a secret text kept by [`Saleguard::keep_secret_text`], on a blocking thread
    /// (the keyring may prompt); an entry the keyring lacks is `keyring_entry_missing`
    /// with `missing` as its message, saying where to enter it again.
    pub(crate) async fn load_secret_text(
        &self,
        reference: String,
        missing: impl FnOnce() -> String,
    ) -> Result<saleguard_vault::SecretString, AppError> {
        let keyring = Arc::clone(&self.keyring);
        let loaded = tokio::task::spawn_blocking(move || keyring.load_text(&reference))
            .await
            .map_err(|error| {
                AppError::new(
                    ErrorCode::Internal,
                    format!("the keyring's thread failed: {error}"),
                )
            })?;
        match loaded {
            Ok(text) => Ok(text),
            Err(saleguard_vault::KeyringError::EntryMissing) => {
                Err(AppError::new(ErrorCode::KeyringEntryMissing, missing()))
            }
            Err(error) => Err(error.into()),
        }
    }
}
