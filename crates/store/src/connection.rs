use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::clean_close;
use crate::error::StoreError;
use crate::migrations::{LATEST_SCHEMA_VERSION, MIGRATIONS};

/// How long a write waits for another process (the CLI beside the app) to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// `PRAGMA application_id` of a Saleguard database: "SGRD" in ASCII.
pub(crate) const APPLICATION_ID: i64 = 0x5347_5244;

/// What `PRAGMA` reports for the settings Saleguard relies on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// 2 is `FULL`.
    pub synchronous: i64,
    pub foreign_keys: bool,
    pub busy_timeout_ms: i64,
}

/// The open Saleguard database. Reads take `&self`, writes take `&mut self`.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// When the file last passed its structural check (seconds since 1970), if known.
    checked_at: Option<u64>,
    /// Why this open ran the check, if it did.
    checked_because: Option<&'static str>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to
    /// date. Refuses, without writing a byte, a file that is not SQLite, a database from
    /// a newer Saleguard and a damaged one — checked whole when it did not close cleanly,
    /// changed since, or a week went by (`clean_close`).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        create_private(path)?;
        refuse_foreign_file(path)?;
        let now = clean_close::now_seconds();
        let (check, checked_at) = clean_close::check_needed(path, now);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let mut store = Self {
            conn,
            path: path.to_owned(),
            checked_at,
            checked_because: None,
        };
        store.conn.busy_timeout(BUSY_TIMEOUT)?;

        // Read the version before changing anything, so a newer database stays as it was.
        let found = store.schema_version()?;
        if found > LATEST_SCHEMA_VERSION {
            return Err(StoreError::NewerThanApp {
                path: path.to_owned(),
                found,
                supported: LATEST_SCHEMA_VERSION,
            });
        }
        if let Some(why) = check {
            store.refuse_damaged_file()?;
            tracing::info!(path = %path.display(), why, "database checked whole");
            store.checked_at = Some(now);
            store.checked_because = Some(why);
        }
        store.refuse_other_programs_database(found)?;
        store.configure()?;
        store.migrate()?;
        tracing::info!(path = %path.display(), version = LATEST_SCHEMA_VERSION, "database open");
        Ok(store)
    }

    /// A database in memory with the whole schema, gone when dropped: where an import
    /// is tried out before it touches the user's file.
    pub fn open_scratch() -> Result<Self, StoreError> {
        let mut store = Self {
            conn: Connection::open_in_memory()?,
            path: PathBuf::from(":memory:"),
            checked_at: None,
            checked_because: None,
        };
        store.conn.pragma_update(None, "foreign_keys", "ON")?;
        store.migrate()?;
        Ok(store)
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why opening it ran SQLite's check of the whole file; none when a clean close
    /// vouched for it.
    pub fn checked_on_open_because(&self) -> Option<&'static str> {
        self.checked_because
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|error| self.classify(error))
    }

    /// The connection settings in force, as SQLite reports them.
    pub fn connection_settings(&self) -> Result<ConnectionSettings, StoreError> {
        let get = |name: &str| {
            self.conn
                .pragma_query_value(None, name, |row| row.get::<_, i64>(0))
        };
        Ok(ConnectionSettings {
            synchronous: get("synchronous")?,
            foreign_keys: get("foreign_keys")? == 1,
            busy_timeout_ms: get("busy_timeout")?,
        })
    }

    /// Moves everything in the write-ahead log into the main file.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// A quick structural check before the first write: a damaged file is reported,
    /// not "repaired" by writing over it.
    fn refuse_damaged_file(&self) -> Result<(), StoreError> {
        let verdict: Result<String, _> = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |row| row.get(0));
        match verdict.map_err(|error| self.classify(error)) {
            Ok(verdict) if verdict == "ok" => Ok(()),
            Ok(problem) => {
                tracing::error!(path = %self.path.display(), problem, "database failed its integrity check");
                Err(StoreError::Corrupt {
                    path: self.path.clone(),
                })
            }
            Err(other) => Err(other),
        }
    }

    /// An SQLite file of another program (tables but no Saleguard schema version, or
    /// another application id) is not ours to migrate.
    fn refuse_other_programs_database(&self, schema_version: i64) -> Result<(), StoreError> {
        let application_id: i64 = self
            .conn
            .pragma_query_value(None, "application_id", |row| row.get(0))?;
        let objects: i64 =
            self.conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        let ours = if schema_version == 0 {
            objects == 0
        } else {
            application_id == APPLICATION_ID
        };
        if ours {
            Ok(())
        } else {
            Err(StoreError::OtherProgramsDatabase {
                path: self.path.clone(),
            })
        }
    }

    fn configure(&self) -> Result<(), StoreError> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(|error| self.classify(error))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(
                mode,
                "the file system refused WAL mode; continuing in {mode} mode"
            );
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    /// Applies pending migrations in one immediate transaction, recording each one.
    ///
    /// Foreign keys are off while they run, as SQLite's procedure for changing a table's
    /// shape asks (a table is rebuilt by copying it and dropping the old one, which must
    /// not cascade to the rows that refer to it), and every reference is checked before
    /// the transaction commits: a migration that would leave one dangling changes nothing.
    fn migrate(&mut self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let migrated = self.migrate_with_foreign_keys_off();
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrated
    }

    fn migrate_with_foreign_keys_off(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated between our first look and the lock.
        let applied: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(applied.max(0) as usize) {
            let version = index as i64 + 1;
            tx.execute_batch(migration.sql)?;
            if version == 1 {
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            }
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, unixepoch())",
                (version, migration.name),
            )?;
            tx.pragma_update(None, "user_version", version)?;
            tracing::info!(version, name = migration.name, "migration applied");
        }
        let dangling: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
            .optional()?;
        if let Some(table) = dangling {
            return Err(StoreError::MigrationBrokeReferences { table });
        }
        tx.commit()?;
        Ok(())
    }

    fn classify(&self, error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: self.path.clone(),
            },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path: self.path.clone(),
            },
            _ => StoreError::Sqlite(error),
        }
    }
}

impl Drop for Store {
    /// A clean close: everything moved from the write-ahead log into the file, and the
    /// file noted as it is left, so the next open need not check it whole.
    fn drop(&mut self) {
        let Some(checked_at) = self.checked_at else {
            return;
        };
        let moved: Result<(i64, i64), _> =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                });
        // (0, 0): not busy, nothing left in the log. Another connection still open (the
        // app beside the CLI) keeps the log: no note, and the next open checks.
        if matches!(moved, Ok((0, 0))) {
            clean_close::note_clean_close(&self.path, checked_at);
        }
    }
}

/// A new database file is created empty and private to the user on Unix (600) before
/// SQLite opens it: SQLite gives its journal files the database's mode.
fn create_private(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// A non-empty file that does not start with SQLite's header is not ours to touch.
fn refuse_foreign_file(path: &Path) -> Result<(), StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    file.by_ref()
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut header)
        .map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
    if header.is_empty() || header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.to_owned(),
        })
    }
}
