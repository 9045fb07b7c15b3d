//! Every table's rows, as plain cells, for the JSON export; and writing them back into
//! an empty database in one transaction, all or nothing.
//!
//! The shapes (columns, types, keys, references) are read from SQLite itself, so the
//! export follows the schema as migrations change it. Secrets are never in the
//! database, so every table is exported; `schema_migrations` is bookkeeping, not data.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction, TransactionBehavior, params_from_iter};

use crate::{Store, StoreError};

/// Every data table, each after the tables it refers to.
pub const DATA_TABLES: &[&str] = &[
    "sales",
    "accounts",
    "hardware_accounts",
    "participations",
    "participation_events",
    "vesting_plans",
    "ledger_entries",
    "research",
    "research_factors",
    "whitepaper_fingerprints",
    "kyc_records",
    "refund_deadlines",
    "settings",
    "budgets",
    "prices",
    "price_api_coins",
    "official_addresses",
    "official_address_sources",
    "review_policy",
    "contacts",
    "review_overrides",
    "networks",
    "network_rpc_secrets",
    "contract_terms",
    "sale_actions",
    "transactions",
    "transaction_events",
    "trades",
    "scam_lists",
    "scam_list_entries",
];

/// A column's storage type; the schema uses only these two (money is decimal text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Integer,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub column_type: ColumnType,
    pub nullable: bool,
    pub primary_key: bool,
}

/// `columns` of this table refer to `target_columns` of `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub columns: Vec<String>,
    pub target: String,
    pub target_columns: Vec<String>,
}

/// One table's columns, in declaration order, and its references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableShape {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub references: Vec<Reference>,
}

impl TableShape {
    /// The primary key's columns, in key order.
    pub fn key(&self) -> Vec<&Column> {
        self.columns.iter().filter(|c| c.primary_key).collect()
    }
}

/// One stored value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cell {
    Null,
    Integer(i64),
    Text(String),
}

/// A table's rows, each with one cell per column of its shape, in primary-key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRows {
    pub shape: TableShape,
    pub rows: Vec<Vec<Cell>>,
}

/// A row the database refused, with SQLite's reason ("UNIQUE constraint failed: …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFailure {
    pub table: &'static str,
    /// Its position in the table's rows; `None` for a problem with the whole table.
    pub index: Option<usize>,
    pub message: String,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The database already holds data: an import restores into an empty one.
    #[error("the database is not empty")]
    NotEmpty(Vec<(&'static str, i64)>),
    /// Rows the database refused; everything was rolled back.
    #[error("{} rows were refused", .0.len())]
    Refused(Vec<RowFailure>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Store(StoreError::Sqlite(error))
    }
}

fn shape(conn: &Connection, name: &'static str) -> Result<TableShape, StoreError> {
    let mut columns = Vec::new();
    let mut statement = conn.prepare(&format!("PRAGMA table_info({name})"))?;
    let mut rows = statement.query([])?;
    let mut keyed = Vec::new();
    while let Some(row) = rows.next()? {
        let column: String = row.get("name")?;
        let declared: String = row.get("type")?;
        let column_type = match declared.as_str() {
            "INTEGER" => ColumnType::Integer,
            "TEXT" => ColumnType::Text,
            other => {
                return Err(StoreError::InvalidRow {
                    what: format!("{name}.{column} has the unexported type {other:?}"),
                });
            }
        };
        let key_position: i64 = row.get("pk")?;
        if key_position > 0 {
            keyed.push((key_position, column.clone()));
        }
        columns.push(Column {
            name: column,
            column_type,
            // An INTEGER PRIMARY KEY is never null, whatever `notnull` says.
            nullable: row.get::<_, i64>("notnull")? == 0 && key_position == 0,
            primary_key: key_position > 0,
        });
    }
    if columns.is_empty() {
        return Err(StoreError::InvalidRow {
            what: format!("no table {name}"),
        });
    }
    let mut references: Vec<Reference> = Vec::new();
    let mut statement = conn.prepare(&format!("PRAGMA foreign_key_list({name})"))?;
    let mut rows = statement.query([])?;
    let mut current: Option<i64> = None;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get("id")?;
        let target: String = row.get("table")?;
        let from: String = row.get("from")?;
        let to: String = row.get("to")?;
        if current != Some(id) {
            current = Some(id);
            references.push(Reference {
                columns: Vec::new(),
                target,
                target_columns: Vec::new(),
            });
        }
        let reference = references.last_mut().expect("pushed above");
        reference.columns.push(from);
        reference.target_columns.push(to);
    }
    Ok(TableShape {
        name,
        columns,
        references,
    })
}

fn cell(value: ValueRef<'_>) -> Result<Cell, StoreError> {
    match value {
        ValueRef::Null => Ok(Cell::Null),
        ValueRef::Integer(number) => Ok(Cell::Integer(number)),
        ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec())
            .map(Cell::Text)
            .map_err(|_| StoreError::InvalidRow {
                what: "text that is not UTF-8".to_owned(),
            }),
        ValueRef::Real(_) | ValueRef::Blob(_) => Err(StoreError::InvalidRow {
            what: "a value of a type the export does not carry".to_owned(),
        }),
    }
}

fn sqlite_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    }
}

impl Store {
    /// The shape of every data table, in [`DATA_TABLES`] order.
    pub fn table_shapes(&self) -> Result<Vec<TableShape>, StoreError> {
        DATA_TABLES
            .iter()
            .map(|name| shape(&self.conn, name))
            .collect()
    }

    /// Every row of every data table, read in one transaction so the rows agree.
    pub fn export_rows(&self) -> Result<Vec<TableRows>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let mut tables = Vec::new();
        for name in DATA_TABLES {
            let shape = shape(&tx, name)?;
            let columns: Vec<&str> = shape.columns.iter().map(|c| c.name.as_str()).collect();
            let order: Vec<&str> = shape.key().iter().map(|c| c.name.as_str()).collect();
            let mut statement = tx.prepare(&format!(
                "SELECT {} FROM {name} ORDER BY {}",
                columns.join(", "),
                if order.is_empty() {
                    "rowid".to_owned()
                } else {
                    order.join(", ")
                }
            ))?;
            let mut rows = statement.query([])?;
            let mut cells = Vec::new();
            while let Some(row) = rows.next()? {
                cells.push(
                    (0..columns.len())
                        .map(|i| cell(row.get_ref(i)?))
                        .collect::<Result<Vec<_>, _>>()?,
                );
            }
            drop(rows);
            drop(statement);
            tables.push(TableRows { shape, rows: cells });
        }
        tx.finish()?;
        Ok(tables)
    }

    /// The data tables that hold rows, with how many.
    pub fn filled_tables(&self) -> Result<Vec<(&'static str, i64)>, StoreError> {
        let mut filled = Vec::new();
        for name in DATA_TABLES {
            let count: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {name}"), [], |row| {
                        row.get(0)
                    })?;
            if count > 0 {
                filled.push((*name, count));
            }
        }
        Ok(filled)
    }

    /// Writes `tables` (rows in the shapes of [`Store::table_shapes`]) into this empty
    /// database in one immediate transaction: every row is tried, so every refusal is
    /// reported, and then `verify` reads the result back. Any refusal or failed check
    /// rolls everything back.
    /// Whether any data table holds a row (settings aside: a fresh folder may have some).
    pub fn holds_data(&self) -> Result<bool, StoreError> {
        Ok(self
            .filled_tables()?
            .iter()
            .any(|(table, _)| *table != "settings" && *table != "review_policy"))
    }

    pub fn import_rows(
        &mut self,
        tables: &[TableRows],
        verify: impl FnOnce(&Store) -> Result<(), Vec<RowFailure>>,
    ) -> Result<(), ImportError> {
        // Rolled back when dropped: on a refusal, a failed check, a failed commit or a
        // panic in `verify` alike.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        self.write_rows(tables)?;
        verify(self).map_err(ImportError::Refused)?;
        tx.commit()?;
        Ok(())
    }

    fn write_rows(&self, tables: &[TableRows]) -> Result<(), ImportError> {
        let filled = self.filled_tables()?;
        if !filled.is_empty() {
            return Err(ImportError::NotEmpty(filled));
        }
        let mut failures = Vec::new();
        for name in DATA_TABLES {
            let Some(table) = tables.iter().find(|t| t.shape.name == *name) else {
                continue;
            };
            let columns: Vec<&str> = table
                .shape
                .columns
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            let mut statement = self.conn.prepare(&format!(
                "INSERT INTO {name} ({}) VALUES ({})",
                columns.join(", "),
                vec!["?"; columns.len()].join(", ")
            ))?;
            for (index, row) in table.rows.iter().enumerate() {
                let values = row.iter().map(|cell| match cell {
                    Cell::Null => rusqlite::types::Value::Null,
                    Cell::Integer(number) => rusqlite::types::Value::Integer(*number),
                    Cell::Text(text) => rusqlite::types::Value::Text(text.clone()),
                });
                if let Err(error) = statement.execute(params_from_iter(values)) {
                    failures.push(RowFailure {
                        table: name,
                        index: Some(index),
                        message: sqlite_message(&error),
                    });
                }
            }
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(ImportError::Refused(failures))
        }
    }
}
