//! Export and import of every piece of data except secrets, as one JSON document
//! (docs/export-format.md, docs/export-format.schema.json).
//!
//! The document mirrors the database: `{"format": "saleguard-export",
//! "format_version": 1, "tables": {"sales": [{"id": 1, …}], …}}`, every table's rows in
//! key order with every column. Secrets are never in the database, so none can be in
//! the export. An import checks the whole document first and reports every problem with
//! its JSON path; only a document without problems is written, in one transaction, into
//! a database that holds no data yet — so a failed import changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use saleguard_store::{Cell, ColumnType, ImportError, RowFailure, Store, TableRows, TableShape};
use serde::Serialize;
use serde_json::{Map, Value};

use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::is_clean_text;

use super::chosen::{FileToSave, read_user_file};
use super::files::{persist_new, write_replacing, written_file};
use super::text_limits::max_chars;
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// What the `format` field says.
pub const FORMAT_NAME: &str = "saleguard-export";
/// The version of the document's layout this Saleguard writes.
pub const FORMAT_VERSION: u64 = 11;
/// Tables added after version 1, with the version that added them: an older document has
/// none of them, and is read as if they were empty. Version 2: networks, contract terms
/// and transactions; version 3: which hardware wallet holds a hardware account's key;
/// version 4: trades; version 5: the price API's coins; version 6: a sale's actions
/// (the contract terms' contribution and refund functions, which older documents keep
/// there, are moved into actions as they are read: [`calls_into_actions`]); version 10:
/// the lists of known scams the user imported.
const TABLES_ADDED: &[(&str, u64)] = &[
    ("networks", 2),
    ("contract_terms", 2),
    ("transactions", 2),
    ("transaction_events", 2),
    ("hardware_accounts", 3),
    ("network_rpc_secrets", 3),
    ("trades", 4),
    ("price_api_coins", 5),
    ("sale_actions", 6),
    ("scam_lists", 10),
    ("scam_list_entries", 10),
];
/// Columns added to a table after its first version, with the value an older document's
/// rows take: every price of a version-4 document was typed into the price book, and
/// its transactions' fees were not recorded; before version 7 a transaction did not say
/// which action it took (it is found as they are read: [`transactions_name_their_actions`])
/// and was given no values; before version 11 every list of known scams came from a file.
const COLUMNS_ADDED: &[(&str, &str, u64, Option<&str>)] = &[
    ("prices", "source", 5, Some("manual")),
    ("transactions", "fee_wei", 5, None),
    ("transactions", "action_id", 7, None),
    ("transactions", "action_name", 7, Some("")),
    ("transactions", "token_amount", 7, None),
    ("transactions", "argument_values", 7, Some("[]")),
    ("transactions", "replaces", 7, None),
    ("ledger_entries", "log_index", 8, None),
    ("transactions", "effects", 8, None),
    ("sale_actions", "claimable", 8, Some("")),
    ("scam_lists", "url", 11, None),
];
/// At most this many problems are listed; the message says how many there were.
const MAX_LISTED_PROBLEMS: usize = 200;

/// How many rows of one table were written or read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TableCount {
    pub table: String,
    pub rows: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    /// Where the document was written.
    pub path: String,
    pub bytes: u32,
    /// Tables with rows.
    pub tables: Vec<TableCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Tables with rows.
    pub tables: Vec<TableCount>,
}

fn counts(tables: &[TableRows]) -> Vec<TableCount> {
    tables
        .iter()
        .filter(|t| !t.rows.is_empty())
        .map(|t| TableCount {
            table: t.shape.name.to_owned(),
            rows: u32::try_from(t.rows.len()).unwrap_or(u32::MAX),
        })
        .collect()
}

fn json_of(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Integer(number) => Value::from(*number),
        Cell::Text(text) => Value::from(text.as_str()),
    }
}

/// The document as written: keys in a fixed order whatever serde_json's features.
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u64,
    tables: BTreeMap<&'a str, Vec<BTreeMap<&'a str, Value>>>,
}

/// The document for `tables`, pretty-printed with a final newline: the same data gives
/// the same bytes.
pub(crate) fn document_of(tables: &[TableRows]) -> String {
    let tables = tables
        .iter()
        .map(|table| {
            let rows = table
                .rows
                .iter()
                .map(|row| {
                    table
                        .shape
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(column, cell)| (column.name.as_str(), json_of(cell)))
                        .collect()
                })
                .collect();
            (table.shape.name, rows)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&Document {
        format: FORMAT_NAME,
        format_version: FORMAT_VERSION,
        tables,
    })
    .unwrap_or_else(|_| unreachable!("maps of scalars always serialise"));
    text.push('\n');
    text
}

/// The JSON Schema of the document, derived from the database's own shapes.
pub fn schema_of(shapes: &[TableShape]) -> Value {
    let mut tables = Map::new();
    for shape in shapes {
        let mut properties = Map::new();
        for column in &shape.columns {
            let kind = match column.column_type {
                ColumnType::Integer => "integer",
                ColumnType::Text => "string",
            };
            let kind = if column.nullable {
                serde_json::json!([kind, "null"])
            } else {
                Value::from(kind)
            };
            let mut property = serde_json::json!({ "type": kind });
            if column.column_type == ColumnType::Text {
                property["maxLength"] = Value::from(max_chars(shape.name, &column.name));
            }
            properties.insert(column.name.clone(), property);
        }
        let required: Vec<&str> = shape.columns.iter().map(|c| c.name.as_str()).collect();
        let mut row = serde_json::json!({
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        });
        let key: Vec<&str> = shape.key().iter().map(|c| c.name.as_str()).collect();
        let mut description = format!("Rows of `{}`, ordered by ({})", shape.name, key.join(", "));
        for reference in &shape.references {
            description.push_str(&format!(
                "; ({}) refers to {} ({})",
                reference.columns.join(", "),
                reference.target,
                reference.target_columns.join(", ")
            ));
        }
        row["description"] = Value::from(description + ".");
        tables.insert(
            shape.name.to_owned(),
            serde_json::json!({ "type": "array", "items": row }),
        );
    }
    let names: Vec<&str> = shapes.iter().map(|s| s.name).collect();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:saleguard:export-format:1",
        "title": "Saleguard export",
        "description": "Every piece of Saleguard's data except secrets (see docs/export-format.md). Money is decimal text in base units or in the stated currency, times are UTC Unix seconds.",
        "type": "object",
        "properties": {
            "format": { "const": FORMAT_NAME },
            "format_version": { "const": FORMAT_VERSION },
            "tables": {
                "type": "object",
                "properties": tables,
                "required": names,
                "additionalProperties": false,
            },
        },
        "required": ["format", "format_version", "tables"],
        "additionalProperties": false,
    })
}

/// Problems found in a document, each at its JSON path.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, path: String, code: ErrorCode, message: impl Into<String>) {
        self.0.push(FieldError {
            field: path,
            code,
            message: message.into(),
        });
    }

    fn into_error(mut self) -> AppError {
        let total = self.0.len();
        self.0.truncate(MAX_LISTED_PROBLEMS);
        let listed = if total > MAX_LISTED_PROBLEMS {
            format!(" (the first {MAX_LISTED_PROBLEMS} are listed)")
        } else {
            String::new()
        };
        AppError {
            code: ErrorCode::ImportRefused,
            message: format!(
                "nothing was imported: {total} problem{} in the file{listed}",
                if total == 1 { "" } else { "s" },
            ),
            field: None,
            invalid_fields: self.0,
        }
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn cell_of(value: &Value, column: &saleguard_store::Column) -> Result<Cell, (ErrorCode, String)> {
    let invalid = |message: String| (ErrorCode::InvalidValue, message);
    match (value, column.column_type) {
        (Value::Null, _) if column.nullable => Ok(Cell::Null),
        (Value::Null, _) => Err(invalid("may not be null".to_owned())),
        (Value::Number(number), ColumnType::Integer) => number
            .as_i64()
            .map(Cell::Integer)
            .ok_or_else(|| invalid(format!("{number} is not a whole number SQLite can hold"))),
        (Value::String(text), ColumnType::Text) => Ok(Cell::Text(text.clone())),
        (other, ColumnType::Integer) => Err(invalid(format!(
            "expected a whole number, found {}",
            describe(other)
        ))),
        (other, ColumnType::Text) => {
            Err(invalid(format!("expected text, found {}", describe(other))))
        }
    }
}

/// The rules every stored text keeps, which a file could break: no longer than the
/// forms allow ([`max_chars`]), no hidden characters in any text, and addresses (`address` and `…_address` columns) exactly as
/// Saleguard writes them, EIP-55 checksummed.
fn check_cell(
    table: &str,
    column: &saleguard_store::Column,
    cell: &Cell,
) -> Result<(), (ErrorCode, String)> {
    let Cell::Text(text) = cell else {
        return Ok(());
    };
    let max = max_chars(table, &column.name);
    if text.len() > max && text.chars().count() > max {
        return Err((
            ErrorCode::TooLong,
            format!(
                "{} characters; at most {max} fit here",
                text.chars().count()
            ),
        ));
    }
    if !is_clean_text(text, true) {
        return Err((
            ErrorCode::InvalidText,
            "contains control or invisible text-direction characters".to_owned(),
        ));
    }
    if column.name == "address" || column.name.ends_with("_address") {
        match parse_address(text) {
            Ok(address) if checksummed(&address) == *text => {}
            Ok(address) => {
                return Err((
                    ErrorCode::InvalidAddress,
                    format!(
                        "written as Saleguard writes addresses, this is {}",
                        checksummed(&address)
                    ),
                ));
            }
            Err(error) => return Err((ErrorCode::InvalidAddress, error.to_string())),
        }
    }
    Ok(())
}

/// Reads the rows of one table, every problem at its path.
fn rows_of(
    shape: &TableShape,
    value: &Value,
    path: &str,
    version: Option<u64>,
    problems: &mut Problems,
) -> Vec<Vec<Cell>> {
    let Value::Array(items) = value else {
        problems.add(
            path.to_owned(),
            ErrorCode::InvalidValue,
            format!("expected a list of rows, found {}", describe(value)),
        );
        return Vec::new();
    };
    let mut rows = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let row_path = format!("{path}[{index}]");
        let Value::Object(object) = item else {
            problems.add(
                row_path,
                ErrorCode::InvalidValue,
                format!("expected a row (an object), found {}", describe(item)),
            );
            continue;
        };
        let mut cells = Vec::with_capacity(shape.columns.len());
        let mut complete = true;
        for column in &shape.columns {
            let column_path = format!("{row_path}.{}", column.name);
            let added_later = COLUMNS_ADDED
                .iter()
                .find(|(table, name, since, _)| {
                    *table == shape.name && *name == column.name && version < Some(*since)
                })
                .map(|(.., default)| default.map_or(Value::Null, Value::from));
            match object.get(&column.name).or(added_later.as_ref()) {
                None => {
                    problems.add(column_path, ErrorCode::Required, "missing");
                    complete = false;
                }
                Some(value) => match cell_of(value, column).and_then(|cell| {
                    check_cell(shape.name, column, &cell)?;
                    Ok(cell)
                }) {
                    Ok(cell) => cells.push(cell),
                    Err((code, message)) => {
                        problems.add(column_path, code, message);
                        complete = false;
                    }
                },
            }
        }
        for name in object.keys() {
            if !shape.columns.iter().any(|c| &c.name == name) {
                problems.add(
                    format!("{row_path}.{name}"),
                    ErrorCode::InvalidValue,
                    format!("{} has no column {name:?}", shape.name),
                );
            }
        }
        // Rows with bad cells still take their place, so later paths stay right.
        rows.push(if complete { cells } else { Vec::new() });
    }
    rows
}

fn column_index(shape: &TableShape, name: &str) -> Option<usize> {
    shape.columns.iter().position(|c| c.name == name)
}

/// Duplicate keys and references to rows that are not in the document.
fn check_keys_and_references(tables: &[TableRows], problems: &mut Problems) {
    for table in tables {
        let key: Vec<usize> = table
            .shape
            .key()
            .iter()
            .filter_map(|c| column_index(&table.shape, &c.name))
            .collect();
        let mut seen: HashMap<Vec<&Cell>, usize> = HashMap::new();
        for (index, row) in table.rows.iter().enumerate().filter(|(_, r)| !r.is_empty()) {
            let values: Vec<&Cell> = key.iter().map(|&i| &row[i]).collect();
            if let Some(first) = seen.get(&values) {
                problems.add(
                    format!("$.tables.{}[{index}]", table.shape.name),
                    ErrorCode::DuplicateId,
                    format!("the same key as $.tables.{}[{first}]", table.shape.name),
                );
            } else {
                seen.insert(values, index);
            }
        }
    }
    for table in tables {
        for reference in &table.shape.references {
            let Some(target) = tables.iter().find(|t| t.shape.name == reference.target) else {
                continue;
            };
            // A target row with bad cells is already reported; what refers to it cannot
            // be judged, and would only repeat that problem.
            if target.rows.iter().any(Vec::is_empty) {
                continue;
            }
            let target_columns: Vec<usize> = reference
                .target_columns
                .iter()
                .filter_map(|name| column_index(&target.shape, name))
                .collect();
            let present: HashSet<Vec<&Cell>> = target
                .rows
                .iter()
                .filter(|r| !r.is_empty())
                .map(|r| target_columns.iter().map(|&i| &r[i]).collect())
                .collect();
            let columns: Vec<usize> = reference
                .columns
                .iter()
                .filter_map(|name| column_index(&table.shape, name))
                .collect();
            for (index, row) in table.rows.iter().enumerate().filter(|(_, r)| !r.is_empty()) {
                let values: Vec<&Cell> = columns.iter().map(|&i| &row[i]).collect();
                if values.iter().any(|cell| **cell == Cell::Null) || present.contains(&values) {
                    continue;
                }
                let shown: Vec<String> = values
                    .iter()
                    .map(|cell| match cell {
                        Cell::Integer(n) => n.to_string(),
                        Cell::Text(t) => format!("{t:?}"),
                        Cell::Null => "null".to_owned(),
                    })
                    .collect();
                problems.add(
                    format!(
                        "$.tables.{}[{index}].{}",
                        table.shape.name,
                        reference.columns.join(",")
                    ),
                    ErrorCode::UnknownReference,
                    format!(
                        "no {} row with {} {}",
                        reference.target,
                        reference.target_columns.join(", "),
                        shown.join(", ")
                    ),
                );
            }
        }
    }
}

/// A document before version 6 keeps a sale's contribution and refund functions in
/// its contract terms (`contribution_call`, `refund_call`); they become the sale's
/// "Contribute" and "Claim refund" actions, each `address` parameter the contributing
/// account (the only parameters those versions took), as the database migration does.
fn calls_into_actions(root: &mut Value) {
    let older = root
        .get("format_version")
        .and_then(Value::as_u64)
        .is_some_and(|version| version < 6);
    let Some(tables) = root.get_mut("tables").and_then(Value::as_object_mut) else {
        return;
    };
    if !older || tables.contains_key("sale_actions") {
        return;
    }
    let mut actions = Vec::new();
    if let Some(Value::Array(terms)) = tables.get_mut("contract_terms") {
        for row in terms.iter_mut().filter_map(Value::as_object_mut) {
            let sale = row.get("sale_id").cloned().unwrap_or(Value::Null);
            let at = row.get("updated_at").cloned().unwrap_or(Value::Null);
            for (column, name, purpose) in [
                ("contribution_call", "Contribute", "contribute"),
                ("refund_call", "Claim refund", "claim_refund"),
            ] {
                let Some(Value::String(signature)) = row.remove(column) else {
                    continue;
                };
                let parameters = signature
                    .split_once('(')
                    .and_then(|(_, rest)| rest.strip_suffix(')'))
                    .unwrap_or("");
                let arguments: Vec<Value> = parameters
                    .split(',')
                    .filter(|parameter| !parameter.trim().is_empty())
                    .map(|_| Value::from("{account}"))
                    .collect();
                actions.push(serde_json::json!({
                    "id": actions.len() + 1,
                    "sale_id": sale,
                    "name": name,
                    "purpose": purpose,
                    "contract": null,
                    "contract_source": "",
                    "signature": signature,
                    "arguments": Value::Array(arguments).to_string(),
                    "created_at": at,
                    "updated_at": at,
                }));
            }
        }
    }
    tables.insert("sale_actions".to_owned(), Value::Array(actions));
}

/// Before version 9 the review policy kept its staleness limit in days
/// (`max_price_age_days`, read as the same time in hours) and had no
/// `official_source_required` (off); an official address had one source in its own row
/// (`source`, `seen_at`), which becomes its first source of a kind not recorded, the
/// address the sale's contribution address on the sale's chain — as the database
/// migrations do. A value of the wrong type is passed on as it was, for the checks to
/// name.
fn into_version_9(root: &mut Value) {
    let older = root
        .get("format_version")
        .and_then(Value::as_u64)
        .is_some_and(|version| version < 9);
    let Some(tables) = root.get_mut("tables").and_then(Value::as_object_mut) else {
        return;
    };
    if !older {
        return;
    }
    if let Some(Value::Array(rows)) = tables.get_mut("review_policy") {
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(days) = row.remove("max_price_age_days") {
                let hours = days
                    .as_u64()
                    .and_then(|days| days.checked_mul(24))
                    .map_or(days, Value::from);
                row.insert("max_price_age_hours".to_owned(), hours);
            }
            row.entry("official_source_required")
                .or_insert(Value::from(0));
        }
    }
    let chain_of_sale: HashMap<String, Value> = match tables.get("sales") {
        Some(Value::Array(sales)) => sales
            .iter()
            .filter_map(Value::as_object)
            .map(|sale| {
                (
                    sale.get("id").map(Value::to_string).unwrap_or_default(),
                    sale.get("chain_id").cloned().unwrap_or(Value::Null),
                )
            })
            .collect(),
        _ => HashMap::new(),
    };
    let mut sources = Vec::new();
    if let Some(Value::Array(rows)) = tables.get_mut("official_addresses") {
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            let sale = row.get("sale_id").map(Value::to_string).unwrap_or_default();
            let chain = chain_of_sale.get(&sale).cloned().unwrap_or(Value::Null);
            row.entry("purpose").or_insert(Value::from("contribution"));
            row.entry("chain_id").or_insert(chain);
            row.entry("retired_at").or_insert(Value::Null);
            row.entry("retired_reason").or_insert(Value::from(""));
            let (Some(location), Some(seen_at)) = (row.remove("source"), row.remove("seen_at"))
            else {
                continue;
            };
            sources.push(serde_json::json!({
                "id": sources.len() + 1,
                "official_address_id": row.get("id").cloned().unwrap_or(Value::Null),
                "kind": "unknown",
                "location": location,
                "seen_at": seen_at,
                "note": "",
                "recorded_at": row.get("recorded_at").cloned().unwrap_or(Value::Null),
            }));
        }
    }
    tables
        .entry("official_address_sources")
        .or_insert(Value::Array(sources));
}

/// A document before version 7 has contributions and refund claims only, which do not
/// say which action they took: each is linked to its sale's "contribute" or "claim
/// refund" action, by name too, as the database migration does.
fn transactions_name_their_actions(root: &mut Value) {
    let older = root
        .get("format_version")
        .and_then(Value::as_u64)
        .is_some_and(|version| version < 7);
    let Some(tables) = root.get_mut("tables").and_then(Value::as_object_mut) else {
        return;
    };
    if !older {
        return;
    }
    let rows = |name: &str| -> Vec<serde_json::Map<String, Value>> {
        match tables.get(name) {
            Some(Value::Array(rows)) => rows.iter().filter_map(Value::as_object).cloned().collect(),
            _ => Vec::new(),
        }
    };
    let sale_of_participation: HashMap<String, Value> = rows("participations")
        .iter()
        .map(|row| {
            (
                row.get("id").map(Value::to_string).unwrap_or_default(),
                row.get("sale_id").cloned().unwrap_or(Value::Null),
            )
        })
        .collect();
    let actions = rows("sale_actions");
    let Some(Value::Array(transactions)) = tables.get_mut("transactions") else {
        return;
    };
    for row in transactions.iter_mut().filter_map(Value::as_object_mut) {
        if row.contains_key("action_name") {
            continue;
        }
        let (purpose, name) = match row.get("purpose").and_then(Value::as_str) {
            Some("refund") => ("claim_refund", "Claim refund"),
            _ => ("contribute", "Contribute"),
        };
        let sale = row
            .get("participation_id")
            .and_then(|id| sale_of_participation.get(&id.to_string()));
        let action = actions.iter().find(|action| {
            action.get("sale_id") == sale
                && action.get("purpose").and_then(Value::as_str) == Some(purpose)
        });
        row.insert(
            "action_id".to_owned(),
            action
                .and_then(|a| a.get("id").cloned())
                .unwrap_or(Value::Null),
        );
        row.insert(
            "action_name".to_owned(),
            action
                .and_then(|a| a.get("name").cloned())
                .unwrap_or_else(|| Value::from(name)),
        );
    }
}

/// The document's tables, or every problem in it.
fn parse_document(text: &str, shapes: &[TableShape]) -> Result<Vec<TableRows>, AppError> {
    let mut problems = Problems::default();
    let mut root: Value = serde_json::from_str(text).map_err(|error| {
        let mut problems = Problems::default();
        let what = if error.is_eof() {
            "the file ends too early (truncated?)".to_owned()
        } else {
            "this is not valid JSON".to_owned()
        };
        problems.add(
            "$".to_owned(),
            ErrorCode::InvalidJson,
            format!("{what}: line {}, column {}", error.line(), error.column()),
        );
        problems.into_error()
    })?;
    calls_into_actions(&mut root);
    transactions_name_their_actions(&mut root);
    into_version_9(&mut root);
    let Value::Object(root) = &root else {
        problems.add(
            "$".to_owned(),
            ErrorCode::InvalidJson,
            format!(
                "expected a Saleguard export (an object), found {}",
                describe(&root)
            ),
        );
        return Err(problems.into_error());
    };
    match root.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        _ => problems.add(
            "$.format".to_owned(),
            ErrorCode::UnsupportedFormat,
            format!("expected {FORMAT_NAME:?}: this is not a Saleguard export"),
        ),
    }
    let version = root.get("format_version").and_then(Value::as_u64);
    match root.get("format_version") {
        Some(_) if version.is_some_and(|v| (1..=FORMAT_VERSION).contains(&v)) => {}
        Some(version) => problems.add(
            "$.format_version".to_owned(),
            ErrorCode::UnsupportedFormat,
            format!(
                "version {version} is not one this Saleguard reads (it reads 1 to {FORMAT_VERSION})"
            ),
        ),
        None => problems.add(
            "$.format_version".to_owned(),
            ErrorCode::Required,
            "missing",
        ),
    }
    for key in root.keys() {
        if !["format", "format_version", "tables"].contains(&key.as_str()) {
            problems.add(
                format!("$.{key}"),
                ErrorCode::InvalidValue,
                "not part of a Saleguard export",
            );
        }
    }
    let mut tables = Vec::new();
    match root.get("tables") {
        Some(Value::Object(by_name)) => {
            for name in by_name.keys() {
                if !shapes.iter().any(|s| s.name == name) {
                    problems.add(
                        format!("$.tables.{name}"),
                        ErrorCode::InvalidValue,
                        "no such table",
                    );
                }
            }
            for shape in shapes {
                let path = format!("$.tables.{}", shape.name);
                match by_name.get(shape.name) {
                    Some(value) => tables.push(TableRows {
                        shape: shape.clone(),
                        rows: rows_of(shape, value, &path, version, &mut problems),
                    }),
                    None if TABLES_ADDED
                        .iter()
                        .any(|(table, since)| *table == shape.name && version < Some(*since)) =>
                    {
                        tables.push(TableRows {
                            shape: shape.clone(),
                            rows: Vec::new(),
                        })
                    }
                    None => {
                        problems.add(path, ErrorCode::Required, "missing (an empty table is [])")
                    }
                }
            }
        }
        Some(other) => problems.add(
            "$.tables".to_owned(),
            ErrorCode::InvalidValue,
            format!("expected an object of tables, found {}", describe(other)),
        ),
        None => problems.add("$.tables".to_owned(), ErrorCode::Required, "missing"),
    }
    check_keys_and_references(&tables, &mut problems);
    if problems.0.is_empty() {
        Ok(tables)
    } else {
        Err(problems.into_error())
    }
}

/// Why the store wrote nothing, as the app says it.
fn import_error(error: ImportError) -> AppError {
    match error {
        ImportError::NotEmpty(filled) => {
            let filled: Vec<String> = filled
                .iter()
                .map(|(table, rows)| format!("{table} ({rows})"))
                .collect();
            AppError::new(
                ErrorCode::DataNotEmpty,
                format!(
                    "nothing was imported: an import restores into an empty data folder, and this one holds {}",
                    filled.join(", ")
                ),
            )
        }
        ImportError::Refused(failures) => {
            let mut problems = Problems::default();
            for failure in failures {
                let path = match failure.index {
                    Some(index) => format!("$.tables.{}[{index}]", failure.table),
                    None => format!("$.tables.{}", failure.table),
                };
                problems.add(path, ErrorCode::InvalidValue, failure.message);
            }
            problems.into_error()
        }
        ImportError::Store(error) => error.into(),
    }
}

/// Reads everything back as the app will, so a value the app cannot use is refused now
/// rather than on some later screen.
fn read_back(store: &Store) -> Result<(), Vec<RowFailure>> {
    let failed = |table: &'static str| {
        move |error: saleguard_store::StoreError| {
            vec![RowFailure {
                table,
                index: None,
                message: error.to_string(),
            }]
        }
    };
    let sales = store.sales().map_err(failed("sales"))?;
    store.accounts().map_err(failed("accounts"))?;
    let participations = store.participations().map_err(failed("participations"))?;
    for participation in &participations {
        store
            .entries(participation.id)
            .map_err(failed("ledger_entries"))?;
        store.kyc(participation.id).map_err(failed("kyc_records"))?;
    }
    store.all_vesting().map_err(failed("vesting_plans"))?;
    for sale in &sales {
        store.research(sale.id).map_err(failed("research"))?;
        store
            .contract_terms(sale.id)
            .map_err(failed("contract_terms"))?;
        store.actions(sale.id).map_err(failed("sale_actions"))?;
        store
            .whitepaper_fingerprints(sale.id)
            .map_err(failed("whitepaper_fingerprints"))?;
    }
    store
        .refund_deadlines()
        .map_err(failed("refund_deadlines"))?;
    store.residence_country().map_err(failed("settings"))?;
    store.budgets().map_err(failed("budgets"))?;
    store.prices().map_err(failed("prices"))?;
    store
        .official_addresses(None)
        .map_err(failed("official_addresses"))?;
    store.review_policy().map_err(failed("review_policy"))?;
    store.contacts().map_err(failed("contacts"))?;
    for record in store.overrides(None).map_err(failed("review_overrides"))? {
        crate::review::overrides::kept_findings(&record.findings).map_err(|error| {
            vec![RowFailure {
                table: "review_overrides",
                index: None,
                message: format!(
                    "the findings of override {} cannot be read: {error}",
                    record.id
                ),
            }]
        })?;
    }
    Ok(())
}

impl Saleguard {
    /// The whole export document.
    pub fn export_json(&self) -> Result<String, AppError> {
        let tables = self.store()?.export_rows()?;
        Ok(document_of(&tables))
    }

    /// Writes the export to `path`, replacing what is there: through a private
    /// temporary file beside it, flushed to disk first, so a failed or interrupted
    /// write never leaves half a document.
    pub fn export_to(&self, path: &Path) -> Result<ExportSummary, AppError> {
        let tables = self.store()?.export_rows()?;
        write_replacing(path, document_of(&tables).as_bytes())?;
        Ok(self.exported(path, &tables))
    }

    fn exported(&self, path: &Path, tables: &[TableRows]) -> ExportSummary {
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        tracing::info!(bytes, "data exported");
        ExportSummary {
            path: path.display().to_string(),
            bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
            tables: counts(tables),
        }
    }

    /// Writes the export into `folder` as `saleguard-export-YYYY-MM-DD.json`, never
    /// over an existing file.
    pub fn export_into(&self, folder: &Path) -> Result<ExportSummary, AppError> {
        let day = &self.clock.now().to_rfc3339()[..10];
        let tables = self.store()?.export_rows()?;
        let written = written_file(folder, document_of(&tables).as_bytes())?;
        let path = persist_new(
            written,
            folder,
            &FileToSave::Export.stem_on(day),
            FileToSave::Export.extension(),
        )?;
        Ok(self.exported(&path, &tables))
    }

    /// The JSON Schema of the export document.
    pub fn export_schema(&self) -> Result<Value, AppError> {
        Ok(schema_of(&self.store()?.table_shapes()?))
    }

    /// Restores an export into this (empty) data directory, all or nothing.
    pub fn import_json(&self, text: &str) -> Result<ImportSummary, AppError> {
        let tables = self.parsed_document(text)?;
        let filled = self.store()?.filled_tables()?;
        if !filled.is_empty() {
            return Err(import_error(ImportError::NotEmpty(filled)));
        }
        self.usable(&tables)?;
        let mut store = self.store()?;
        store
            .import_rows(&tables, read_back)
            .map_err(import_error)?;
        tracing::info!("data imported");
        Ok(ImportSummary {
            tables: counts(&tables),
        })
    }

    /// Checks an export as [`Saleguard::import_json`] would, writing nothing: what it
    /// would restore, or every problem.
    pub fn check_export(&self, text: &str) -> Result<ImportSummary, AppError> {
        let tables = self.parsed_document(text)?;
        self.usable(&tables)?;
        Ok(ImportSummary {
            tables: counts(&tables),
        })
    }

    fn parsed_document(&self, text: &str) -> Result<Vec<TableRows>, AppError> {
        // A byte-order mark some editors add is not part of the document.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        parse_document(text, &self.store()?.table_shapes()?)
    }

    /// Tried in a scratch database, every read run over it: only data the app can use
    /// reaches the user's file.
    fn usable(&self, tables: &[TableRows]) -> Result<(), AppError> {
        let tried = self.try_in_scratch(tables, |scratch, tables| {
            scratch.import_rows(tables, read_back).map_err(import_error)
        })?;
        tried.map_err(|unreadable| {
            let mut problems = Problems::default();
            problems.add(
                "$.tables".to_owned(),
                ErrorCode::InvalidValue,
                format!(
                    "{} could not be shown from this file: {}",
                    unreadable.what, unreadable.error.message
                ),
            );
            problems.into_error()
        })
    }

    /// [`Saleguard::import_json`] from a file.
    pub fn import_from(&self, path: &Path) -> Result<ImportSummary, AppError> {
        self.import_json(&read_export(path)?)
    }

    /// [`Saleguard::check_export`] of a file.
    pub fn check_export_file(&self, path: &Path) -> Result<ImportSummary, AppError> {
        self.check_export(&read_export(path)?)
    }
}

/// An export's text, from a file.
fn read_export(path: &Path) -> Result<String, AppError> {
    String::from_utf8(read_user_file(path)?).map_err(|_| {
        let mut problems = Problems::default();
        problems.add(
            "$".to_owned(),
            ErrorCode::InvalidJson,
            "the file is not UTF-8 text",
        );
        problems.into_error()
    })
}
