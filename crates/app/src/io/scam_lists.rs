//! Lists of known scams the user imports, besides the one that ships: a CSV of entries
//! (a domain or an address each, with a note), or JSON — Saleguard's own shape or
//! MetaMask's `eth-phishing-detect` configuration, so a newer release of that list can
//! be imported as it is (docs/scam-lists.md). An import is checked whole: any problem
//! (each named by row, or by key) and nothing is added.

use saleguard_core::address::{AddressError, checksummed, parse_address};
use saleguard_core::scam::domain_of;
use saleguard_store::{NewScamList, ScamEntry, ScamEntryKind, ScamListRecord};
use serde::Serialize;

use super::csv_reader::{CsvRows, RowProblems, read_csv};
use super::download::{MAX_DOCUMENT_BYTES, checked_url, download};
use crate::dto::count;
use crate::{AppError, ErrorCode, Saleguard};

/// The longest name a list may have.
const MAX_NAME: usize = 100;
/// The longest note on an entry.
const MAX_NOTE: usize = 500;
/// The longest domain DNS allows.
const MAX_DOMAIN: usize = 253;
/// The largest edit tolerance a list may ask for (3 already catches unrelated domains).
const MAX_TOLERANCE: u64 = 3;

/// An imported list, with how many entries of each kind it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScamListView {
    pub id: i64,
    pub name: String,
    /// The file or web address it came from.
    pub source: String,
    /// The web address it is refreshed from (a list imported from one); none for a file.
    pub url: Option<String>,
    /// When it was imported, or last refreshed.
    pub imported_at: String,
    pub blocked_domains: u32,
    pub allowed_domains: u32,
    pub impersonated_domains: u32,
    /// Edits within which a domain is taken for an impersonated one.
    pub tolerance: u8,
    pub addresses: u32,
}

impl From<&ScamListRecord> for ScamListView {
    fn from(record: &ScamListRecord) -> Self {
        let [blocked, allowed, targets, addresses] = record.counts.map(|n| count(n as usize));
        Self {
            id: record.id,
            name: record.name.clone(),
            source: record.source.clone(),
            url: record.url.clone(),
            imported_at: record.imported_at.to_rfc3339(),
            blocked_domains: blocked,
            allowed_domains: allowed,
            impersonated_domains: targets,
            tolerance: record.tolerance,
            addresses,
        }
    }
}

/// A file's entries, read and checked.
#[derive(Debug, Default)]
struct ReadList {
    entries: Vec<ScamEntry>,
    tolerance: u8,
    problems: RowProblems,
}

impl ReadList {
    /// One entry as written: an address (`0x` and 40 hex digits) or a domain (a URL's is
    /// taken), with its note; a problem otherwise, at `row` and `column`.
    fn entry(&mut self, row: u32, column: &str, kind: ScamEntryKind, text: &str, note: &str) {
        let text = text.trim();
        let note = note.trim();
        if note.chars().count() > MAX_NOTE {
            self.problems.add(
                row,
                "note",
                ErrorCode::TooLong,
                format!("at most {MAX_NOTE} characters"),
            );
            return;
        }
        if text.is_empty() {
            self.problems
                .add(row, column, ErrorCode::Required, "an address or a domain");
            return;
        }
        let looks_like_address = text.len() == 42 && text.starts_with("0x");
        if looks_like_address && matches!(kind, ScamEntryKind::Allow | ScamEntryKind::Target) {
            self.problems.add(
                row,
                column,
                ErrorCode::InvalidValue,
                format!("{text} is an address: this key takes domains"),
            );
            return;
        }
        if looks_like_address || kind == ScamEntryKind::Address {
            match parse_address(text) {
                Ok(address) => self.push(ScamEntryKind::Address, checksummed(&address), note),
                Err(AddressError::BadChecksum) => self.problems.add(
                    row,
                    column,
                    ErrorCode::BadChecksum,
                    format!("{text}: its capital letters do not match its checksum"),
                ),
                Err(error) => self.problems.add(
                    row,
                    column,
                    ErrorCode::InvalidAddress,
                    format!("{text}: {error}"),
                ),
            }
            return;
        }
        // `*.scam.example` means what `scam.example` does: a domain blocks its subdomains.
        let text = text.strip_prefix("*.").unwrap_or(text);
        let host = text.rsplit("://").next().unwrap_or(text);
        if host.split(['/', '?', '#']).next().unwrap_or(host).len() > MAX_DOMAIN {
            self.problems.add(
                row,
                column,
                ErrorCode::TooLong,
                format!("a domain has at most {MAX_DOMAIN} characters"),
            );
            return;
        }
        match domain_of(text) {
            Some(domain) if domain.len() > MAX_DOMAIN => self.problems.add(
                row,
                column,
                ErrorCode::TooLong,
                format!("a domain has at most {MAX_DOMAIN} characters"),
            ),
            Some(domain) if domain.contains('*') => self.problems.add(
                row,
                column,
                ErrorCode::InvalidValue,
                format!("{text}: a wildcard only as `*.` before a domain"),
            ),
            Some(domain) => self.push(kind, domain, note),
            None => self.problems.add(
                row,
                column,
                ErrorCode::InvalidValue,
                format!("{text} is neither an address nor a domain"),
            ),
        }
    }

    fn push(&mut self, kind: ScamEntryKind, entry: String, note: &str) {
        self.entries.push(ScamEntry {
            kind,
            entry,
            note: note.to_owned(),
        });
    }
}

impl CsvRows for ReadList {
    fn problems(&mut self) -> &mut RowProblems {
        &mut self.problems
    }

    fn row(&mut self, row: u32, values: &[String]) {
        self.entry(row, "entry", ScamEntryKind::Block, &values[0], &values[1]);
    }
}

/// A CSV list: a header with `entry` (and `note`), then one address or domain a row.
fn read_csv_list(bytes: &[u8]) -> Result<ReadList, AppError> {
    let mut list = ReadList::default();
    read_csv(bytes, &["entry", "note"], &["entry"], &mut list)?;
    Ok(list)
}

/// A JSON list: `{"domains": […], "addresses": [… or {"address", "note"}]}`, or
/// `eth-phishing-detect`'s `{"blacklist"|"blocklist", "whitelist"|"allowlist",
/// "fuzzylist", "tolerance"}`. Problems are named by key and position, as `domains[3]`.
fn read_json_list(bytes: &[u8]) -> Result<ReadList, AppError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|error| {
        AppError::new(
            ErrorCode::InvalidJson,
            format!("the file is not JSON Saleguard can read: {error}"),
        )
    })?;
    let serde_json::Value::Object(object) = value else {
        return Err(AppError::new(
            ErrorCode::InvalidJson,
            "the file must hold one JSON object (docs/scam-lists.md)",
        ));
    };
    let mut list = ReadList::default();
    // Problems in JSON are named by key (row 0 standing for "not a row"), in key order
    // whatever order the file has them in.
    let mut keys: Vec<(&String, &serde_json::Value)> = object.iter().collect();
    keys.sort_by_key(|(key, _)| *key);
    for (key, value) in keys {
        let kind = match key.as_str() {
            "domains" | "blacklist" | "blocklist" => Some(ScamEntryKind::Block),
            "whitelist" | "allowlist" => Some(ScamEntryKind::Allow),
            "fuzzylist" => Some(ScamEntryKind::Target),
            "addresses" => Some(ScamEntryKind::Address),
            "tolerance" => {
                match value.as_u64().filter(|t| *t <= MAX_TOLERANCE) {
                    Some(tolerance) => list.tolerance = u8::try_from(tolerance).unwrap_or(0),
                    None => list.problems.add(
                        0,
                        "tolerance",
                        ErrorCode::InvalidValue,
                        format!("a whole number from 0 to {MAX_TOLERANCE}"),
                    ),
                }
                None
            }
            // eth-phishing-detect's own bookkeeping.
            "name" | "version" => None,
            other => {
                list.problems.add(
                    0,
                    other,
                    ErrorCode::InvalidValue,
                    format!(
                        "{other} is not a key Saleguard reads; the keys are domains, addresses, blacklist, whitelist, fuzzylist and tolerance (docs/scam-lists.md)"
                    ),
                );
                None
            }
        };
        let Some(kind) = kind else { continue };
        let Some(items) = value.as_array() else {
            list.problems
                .add(0, key, ErrorCode::InvalidValue, "a list of entries");
            continue;
        };
        for (index, item) in items.iter().enumerate() {
            let column = format!("{key}[{index}]");
            match item {
                serde_json::Value::String(text) => list.entry(0, &column, kind, text, ""),
                serde_json::Value::Object(entry) if kind == ScamEntryKind::Address => {
                    let text = entry.get("address").and_then(|a| a.as_str()).unwrap_or("");
                    let note = entry.get("note").and_then(|n| n.as_str()).unwrap_or("");
                    list.entry(0, &column, kind, text, note);
                }
                _ => list.problems.add(
                    0,
                    &column,
                    ErrorCode::InvalidValue,
                    "a domain or an address, as text",
                ),
            }
        }
    }
    Ok(list)
}

/// The name of a list, checked.
fn list_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::at_field(
            "name",
            ErrorCode::Required,
            "name the list (e.g. the file's source)",
        ));
    }
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(AppError::at_field(
            "name",
            ErrorCode::TooLong,
            format!("at most {MAX_NAME} characters on one line"),
        ));
    }
    Ok(name.to_owned())
}

/// A list's bytes read and checked whole: its entries, or every problem (named by row,
/// or by key in JSON) and nothing.
fn read_list(bytes: &[u8]) -> Result<ReadList, AppError> {
    // A byte-order mark some editors write is not part of the text.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[');
    let read = if json {
        read_json_list(bytes)?
    } else {
        read_csv_list(bytes)?
    };
    if read.problems.count > 0 {
        let mut refusal = read.problems.refusal();
        if json {
            // JSON has no rows: its problems are named by key and position alone.
            for field in &mut refusal.invalid_fields {
                field.field = field.field.trim_start_matches("row 0: ").to_owned();
            }
            refusal.message = refusal.message.replace("row 0: ", "");
            refusal.field = refusal.invalid_fields.first().map(|f| f.field.clone());
        }
        return Err(refusal);
    }
    if read.entries.is_empty() {
        return Err(AppError::new(
            ErrorCode::EmptyFile,
            "the file lists no domain and no address",
        ));
    }
    Ok(read)
}

impl Saleguard {
    /// Imports a list of known scams from a file's bytes (`source` is the file's name):
    /// all of it, or — with any problem — nothing.
    pub fn import_scam_list(
        &self,
        name: &str,
        source: &str,
        bytes: &[u8],
    ) -> Result<ScamListView, AppError> {
        let name = list_name(name)?;
        let read = read_list(bytes)?;
        let source = source.trim();
        self.keep_scam_list(
            &name,
            if source.is_empty() { "a file" } else { source },
            None,
            &read,
        )
    }

    /// Imports a list of known scams from a web address the user gave, which the list
    /// keeps so it can be refreshed from there ([`Saleguard::refresh_scam_list`]). The
    /// only request is this one; all of the list, or nothing.
    pub async fn import_scam_list_from_url(
        &self,
        name: &str,
        url: &str,
    ) -> Result<ScamListView, AppError> {
        let name = list_name(name)?;
        let url = checked_url(url)?;
        self.check_list_name_free(&name)?;
        let bytes = download(&url, MAX_DOCUMENT_BYTES).await?;
        let read = read_list(&bytes)?;
        self.keep_scam_list(&name, url.as_str(), Some(url.as_str()), &read)
    }

    /// Fetches list `id` again from its web address and puts what it lists now in place
    /// of its entries: all of the new list, or — with any problem fetching or reading
    /// it — the old one untouched.
    pub async fn refresh_scam_list(&self, id: i64) -> Result<ScamListView, AppError> {
        let list = self.scam_list(id)?;
        let Some(url) = list.url.as_deref() else {
            return Err(AppError::new(
                ErrorCode::InvalidChoice,
                format!(
                    "{} was imported from a file, not a web address: import the file again to update it",
                    list.name
                ),
            ));
        };
        let url = checked_url(url)?;
        let bytes = download(&url, MAX_DOCUMENT_BYTES).await?;
        let read = read_list(&bytes)?;
        let replaced = self.store()?.replace_scam_list_entries(
            id,
            read.tolerance,
            &read.entries,
            self.clock.now(),
        )?;
        if !replaced {
            return Err(list_not_found(id));
        }
        tracing::info!(id, entries = read.entries.len(), "scam list refreshed");
        self.scam_list(id).map(|record| ScamListView::from(&record))
    }

    fn check_list_name_free(&self, name: &str) -> Result<(), AppError> {
        if self.store()?.scam_list_named(name)?.is_some() {
            return Err(AppError::at_field(
                "name",
                ErrorCode::LabelTaken,
                format!("a list is already called {name}: remove it first, or choose another name"),
            ));
        }
        Ok(())
    }

    /// Stores a list read whole, under a name no other list has.
    fn keep_scam_list(
        &self,
        name: &str,
        source: &str,
        url: Option<&str>,
        read: &ReadList,
    ) -> Result<ScamListView, AppError> {
        self.check_list_name_free(name)?;
        let id = self.store()?.insert_scam_list(
            &NewScamList {
                name,
                source,
                url,
                tolerance: read.tolerance,
                entries: &read.entries,
            },
            self.clock.now(),
        )?;
        tracing::info!(id, entries = read.entries.len(), "scam list imported");
        self.scam_list(id).map(|record| ScamListView::from(&record))
    }

    /// The stored list `id`.
    fn scam_list(&self, id: i64) -> Result<ScamListRecord, AppError> {
        self.store()?
            .scam_lists()?
            .into_iter()
            .find(|list| list.id == id)
            .ok_or_else(|| list_not_found(id))
    }

    /// The imported lists, by name.
    pub fn scam_lists(&self) -> Result<Vec<ScamListView>, AppError> {
        Ok(self
            .store()?
            .scam_lists()?
            .iter()
            .map(ScamListView::from)
            .collect())
    }

    /// Removes an imported list.
    pub fn remove_scam_list(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.delete_scam_list(id)? {
            tracing::info!(id, "scam list removed");
            Ok(())
        } else {
            Err(list_not_found(id))
        }
    }
}

fn list_not_found(id: i64) -> AppError {
    AppError::new(
        ErrorCode::ScamListNotFound,
        format!("there is no list {id}"),
    )
}
