//! Reading a CSV file whole: its size, encoding and header first, then every row into
//! a [`CsvRows`], with every problem named by row (as a spreadsheet numbers them) and
//! column. Generic: it knows no file's columns and imports nothing else from the app.

use serde::Serialize;

use crate::dto::count;
use crate::{AppError, ErrorCode, FieldError};

/// The largest file an import reads (a million rows is far below it).
pub const MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;
/// At most this many row problems are listed; all are counted.
const MAX_LISTED_ERRORS: usize = 1_000;
/// Rows shown in a preview.
pub(crate) const SAMPLE_ROWS: usize = 100;

/// What a spreadsheet takes for the start of a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as Saleguard writes it, safe to open in a spreadsheet: text that starts like a
/// formula (`=HYPERLINK(…)`, `@SUM(…)`, `+…`, `-…`, a tab, a carriage return) gets a
/// leading `'`, so it stays text; a plain number (`-12.50`) cannot be a formula and is
/// written as it is. [`unescaped_cell`] reads it back.
pub(crate) fn escaped_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let formula = text.starts_with(FORMULA_STARTS) && !is_plain_number(text);
    // Text that starts with the escape itself keeps its own quote too.
    let looks_escaped = unescaped_cell(text) != text;
    if formula || looks_escaped {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `-12.50`, `7`: digits, with a minus and a fraction at most.
fn is_plain_number(text: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    }
}

/// A cell read back: the `'` [`escaped_cell`] put before text that starts like a formula
/// is taken off.
pub(crate) fn unescaped_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

/// A byte-order mark some spreadsheets write is not part of the first column's name.
fn without_byte_order_mark(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)
}

/// The reader of an import: a header first, rows of any length (a short or long row is
/// reported, not fatal).
fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes)
}

/// How many rows `bytes` has after its header, as [`read_csv`] will read them (a row
/// that cannot be read ends the count, as it ends the reading). For progress: it reads
/// no value.
pub(crate) fn count_rows(bytes: &[u8]) -> usize {
    let mut reader = csv_reader(without_byte_order_mark(bytes));
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        rows += 1;
    }
    rows
}

/// One problem of one row: its number in the file (the header is row 1) and its column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvRowError {
    pub row: u32,
    pub column: String,
    pub code: ErrorCode,
    pub message: String,
}

/// The problems of a file's rows: every one counted, the first 1,000 listed.
#[derive(Debug, Default)]
pub(crate) struct RowProblems {
    pub(crate) listed: Vec<CsvRowError>,
    pub(crate) count: usize,
}

impl RowProblems {
    pub(crate) fn add(
        &mut self,
        row: u32,
        column: &str,
        code: ErrorCode,
        message: impl Into<String>,
    ) {
        self.count += 1;
        if self.listed.len() < MAX_LISTED_ERRORS {
            self.listed.push(CsvRowError {
                row,
                column: column.to_owned(),
                code,
                message: message.into(),
            });
        }
    }

    /// The refusal of an import with these problems: nothing imported.
    pub(crate) fn refusal(self) -> AppError {
        import_refused(self.listed, self.count)
    }
}

/// What reading a CSV file reports to: problems by row and column, and each readable
/// row's values in the order of its known columns.
pub(crate) trait CsvRows {
    fn problems(&mut self) -> &mut RowProblems;
    fn row(&mut self, row: u32, values: &[String]);

    fn fail(&mut self, row: u32, column: &str, code: ErrorCode, message: impl Into<String>) {
        self.problems().add(row, column, code, message);
    }
}

/// The header's columns, by position; problems with it are row 1's.
fn header_columns(
    header: &csv::ByteRecord,
    columns: &[&'static str],
    required: &[&str],
    rows: &mut impl CsvRows,
) -> Vec<Option<usize>> {
    let mut positions = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (index, raw) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
        match columns.iter().position(|column| *column == name) {
            Some(known) if seen.contains(&columns[known]) => {
                rows.fail(
                    1,
                    &name,
                    ErrorCode::DuplicateId,
                    format!("the column {name} appears twice"),
                );
                positions.push(None);
            }
            Some(known) => {
                seen.push(columns[known]);
                positions.push(Some(known));
            }
            None => {
                let shown = if name.is_empty() {
                    format!("column {}", index + 1)
                } else {
                    name.clone()
                };
                rows.fail(
                    1,
                    &shown,
                    ErrorCode::InvalidValue,
                    format!(
                        "{shown} is not a column Saleguard reads; the columns are {} (docs/csv-format.md)",
                        columns.join(", ")
                    ),
                );
                positions.push(None);
            }
        }
    }
    for required in required {
        if !seen.contains(required) {
            rows.fail(
                1,
                required,
                ErrorCode::Required,
                format!("the header has no {required} column"),
            );
        }
    }
    positions
}

/// Reads a CSV file whole: its size, encoding and header first (a file that cannot be
/// read at all is an error), then every row, numbered as a spreadsheet shows them,
/// into `rows`; returns how many data rows there were.
pub(crate) fn read_csv(
    bytes: &[u8],
    columns: &[&'static str],
    required: &[&str],
    rows: &mut impl CsvRows,
) -> Result<usize, AppError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(AppError::new(
            ErrorCode::FileUnreadable,
            format!(
                "the file is larger than {} MB: split it",
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(AppError::new(
            ErrorCode::FileUnreadable,
            "the file is UTF-16 text: save it as UTF-8 (in a spreadsheet, “CSV UTF-8”)",
        ));
    }
    let bytes = without_byte_order_mark(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::new(ErrorCode::EmptyFile, "the file is empty"));
    }
    let mut reader = csv_reader(bytes);
    let mut read = 0usize;
    let header = reader.byte_headers().map_err(|error| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("the header cannot be read: {error}"),
        )
    })?;
    let header = header.clone();
    let positions = header_columns(&header, columns, required, rows);
    let mut record = csv::ByteRecord::new();
    // One row's values, the strings kept from row to row so that a cell is a copy into
    // memory already there, not an allocation.
    let mut values = vec![String::new(); columns.len()];
    loop {
        // Rows are numbered as a spreadsheet shows them: the header is row 1, and a value
        // with line breaks inside its quotes stays one row.
        let row = count(read + 2);
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                rows.fail(
                    row,
                    "",
                    ErrorCode::FileUnreadable,
                    format!("this row cannot be read: {error}"),
                );
                break;
            }
        }
        read += 1;
        if record.len() != header.len() {
            rows.fail(
                row,
                "",
                ErrorCode::InvalidValue,
                format!(
                    "this row has {} values and the header {}: a comma inside a value needs the value in double quotes",
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        values.iter_mut().for_each(String::clear);
        let mut readable = true;
        for (index, raw) in record.iter().enumerate() {
            let Some(column) = positions.get(index).copied().flatten() else {
                continue;
            };
            match std::str::from_utf8(raw) {
                Ok(text) if !text.contains('\u{FFFD}') => {
                    values[column].push_str(unescaped_cell(text));
                }
                _ => {
                    readable = false;
                    rows.fail(
                        row,
                        columns[column],
                        ErrorCode::FileUnreadable,
                        "not UTF-8 text: save the file as UTF-8 (in a spreadsheet, “CSV UTF-8”)",
                    );
                }
            }
        }
        if readable {
            rows.row(row, &values);
        }
    }
    Ok(read)
}

/// A CSV import with problems: nothing imported, each problem as `row N: column`.
fn import_refused(errors: Vec<CsvRowError>, total: usize) -> AppError {
    let fields = errors
        .into_iter()
        .take(200)
        .map(|error| FieldError {
            field: if error.column.is_empty() {
                format!("row {}", error.row)
            } else {
                format!("row {}: {}", error.row, error.column)
            },
            code: error.code,
            message: error.message,
        })
        .collect();
    let mut error = AppError::refused(fields);
    error.code = ErrorCode::ImportRefused;
    error.message = format!(
        "nothing was imported: {total} problem{} in the file ({})",
        if total == 1 { "" } else { "s" },
        error.message
    );
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_starts_like_a_formula_gets_a_quote_and_loses_it_when_read() {
        for text in [
            "=1+1",
            "+1",
            "-x",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
            "-1e5",
            "--1",
            "'=typed so",
        ] {
            let escaped = escaped_cell(text);
            assert_eq!(escaped, format!("'{text}"), "{text:?}");
            assert_eq!(unescaped_cell(&escaped), text);
        }
        for text in ["-12.50", "-7", "12", "plain", "", "'quoted already", "a=b"] {
            assert_eq!(escaped_cell(text), text, "{text:?}");
            assert_eq!(unescaped_cell(text), text, "{text:?}");
        }
    }
}
