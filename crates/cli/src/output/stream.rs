//! Long lists (the price book, the trades) written as they are read, so a million rows
//! need no more memory than ten: `--json` writes the same JSON array a whole list would,
//! element by element (nothing before the first row, so a refusal leaves no output); text is a [`StreamedTable`]. A reader that stops early
//! (`saleguard price list | head`) stops the walk, and that is no error.

use std::io::{self, BufWriter, Write};

use saleguard_app::{AppError, ErrorCode};
use serde::Serialize;

use super::Output;
use super::table::StreamedTable;

/// A list's text form: its header, its columns of numbers, each row's cells, and what
/// to say when it has no row.
pub(crate) struct ListShape<'a, T> {
    pub header: &'a [&'a str],
    pub right: &'a [usize],
    pub cells: fn(&T) -> Vec<String>,
    pub empty: &'a str,
}

/// The walk a use case offers: it hands each row to the sink it is given.
pub(crate) type Walk<'w, T> =
    Box<dyn FnOnce(&mut dyn FnMut(T) -> Result<(), AppError>) -> Result<(), AppError> + 'w>;

impl Output {
    /// Writes every row `walk` reads, as it reads it.
    pub(crate) fn stream<T: Serialize>(
        &self,
        shape: &ListShape<'_, T>,
        walk: Walk<'_, T>,
    ) -> Result<(), AppError> {
        let mut writer = BufWriter::new(io::stdout().lock());
        let mut closed = false;
        let result = if self.json {
            stream_json(&mut writer, &mut closed, walk)
        } else {
            stream_table(&mut writer, &mut closed, shape, walk)
        };
        match writer.flush() {
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                return Err(write_failed(&error));
            }
            Err(_) => closed = true,
            Ok(()) => {}
        }
        if closed { Ok(()) } else { result }
    }
}

/// The JSON array `serde_json::to_string_pretty` writes for the whole list, written
/// element by element. Nothing is written before the first row: a walk refused at the
/// start (a filter, the store) leaves standard output empty; one that fails part-way
/// leaves the array unclosed, so no script mistakes it for the whole list.
fn stream_json<T: Serialize>(
    writer: &mut impl Write,
    closed: &mut bool,
    walk: Walk<'_, T>,
) -> Result<(), AppError> {
    let mut any = false;
    walk(&mut |row| {
        let element = serde_json::to_string_pretty(&row).map_err(|error| {
            AppError::new(ErrorCode::Internal, format!("not written as JSON: {error}"))
        })?;
        // An element's lines one level in (a string in JSON holds no raw line break).
        let element = element.replace('\n', "\n  ");
        let separator = if any { ",\n  " } else { "[\n  " };
        any = true;
        write!(writer, "{separator}{element}").map_err(|error| io_failed(&error, closed))
    })?;
    let end = if any { "\n]" } else { "[]" };
    writeln!(writer, "{end}").map_err(|error| io_failed(&error, closed))
}

fn stream_table<T>(
    writer: &mut impl Write,
    closed: &mut bool,
    shape: &ListShape<'_, T>,
    walk: Walk<'_, T>,
) -> Result<(), AppError> {
    let mut table = StreamedTable::new(shape.header, shape.right);
    walk(&mut |row| {
        table
            .push((shape.cells)(&row), writer)
            .map_err(|error| io_failed(&error, closed))
    })?;
    let any = table
        .finish(writer)
        .map_err(|error| io_failed(&error, closed))?;
    if !any {
        writeln!(writer, "{}", shape.empty).map_err(|error| io_failed(&error, closed))?;
    }
    Ok(())
}

/// A write that failed: a closed pipe ends the list quietly (`closed`), anything else
/// is an error.
fn io_failed(error: &io::Error, closed: &mut bool) -> AppError {
    if error.kind() == io::ErrorKind::BrokenPipe {
        *closed = true;
    }
    write_failed(error)
}

fn write_failed(error: &io::Error) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("the list could not be written out: {error}"),
    )
}
