//! How results and errors are written: text for people, JSON for scripts. One module
//! per area writes its results; tables go through [`table`], which measures text by
//! its width on screen.

mod accounts;
mod budgets;
mod chain;
mod contacts;
mod data;
mod participations;
mod policy;
mod portfolio;
mod prices;
mod research;
mod review;
mod sales;
mod scam_lists;
mod stream;
mod table;

pub(crate) use chain::TRANSACTION_LIST;
pub(crate) use portfolio::TRADE_LIST;
pub(crate) use prices::PRICE_LIST;
pub(crate) use stream::ListShape;
pub(crate) use table::print_table;

use saleguard_app::dto::{Amount, ListOrder};
use saleguard_app::io::csv_reader::CsvRowError;
use saleguard_app::{AppError, ErrorCode, FieldError};
use serde::Serialize;

use crate::options::TypedCommand;

/// Writes a line to standard output. A closed pipe (`saleguard sale list | head -1`)
/// is not an error worth a panic: the reader has what it wanted.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub struct Output {
    pub json: bool,
    /// The command typed, so that a refused field is named by its option.
    pub command: TypedCommand,
}

impl Output {
    /// A field problem named by the option that sets the field (or by the field's name
    /// when the command has no option for it).
    fn field_message(&self, error: &FieldError) -> String {
        let option = self.command.option_for(&error.field);
        format!(
            "{}: {}",
            option.as_deref().unwrap_or(&error.field),
            error.message
        )
    }

    /// A line about what happens, for people (standard error; nothing in JSON mode).
    pub fn note(&self, text: &str) {
        if !self.json {
            eprintln!("{text}");
        }
    }

    /// When a command's time option was left out, says which moment it recorded
    /// (`recorded`, RFC 3339, as the app kept it), so that "now" is never a surprise.
    pub fn recorded_now(&self, option: &str, given: &str, recorded: &str) {
        if given.is_empty() {
            let moment = recorded.replacen('T', " ", 1).replace('Z', " UTC");
            self.note(&format!(
                "No {option} given: recorded at {moment}, when the command ran."
            ));
        }
    }

    pub fn removed(&self, what: &str, id: i64) {
        if self.json {
            return print_json(&serde_json::json!({ "removed": id }));
        }
        out!("Removed {what} {id}.");
    }

    pub fn error(&self, error: &AppError) {
        if self.json {
            eprintln!(
                "{}",
                serde_json::to_string(error).unwrap_or_else(|_| error.message.clone())
            );
            return;
        }
        if error.code == ErrorCode::ImportRefused {
            eprintln!("error[{}]: {}", error.code.as_str(), error.message);
            for problem in &error.invalid_fields {
                eprintln!(
                    "  {} [{}]: {}",
                    problem.field,
                    problem.code.as_str(),
                    problem.message
                );
            }
            return;
        }
        match error.invalid_fields.split_first() {
            None => eprintln!("error[{}]: {}", error.code.as_str(), error.message),
            Some((first, others)) => {
                eprintln!(
                    "error[{}]: {}",
                    first.code.as_str(),
                    self.field_message(first)
                );
                for other in others {
                    eprintln!(
                        "  also error[{}]: {}",
                        other.code.as_str(),
                        self.field_message(other)
                    );
                }
            }
        }
    }
}

/// The order a list's `--oldest-first` asks for.
pub(crate) fn list_order(oldest_first: bool) -> ListOrder {
    if oldest_first {
        ListOrder::OldestFirst
    } else {
        ListOrder::NewestFirst
    }
}

pub(crate) fn amount(amount: &Amount) -> String {
    format!("{} {}", amount.decimal, amount.symbol)
}

pub(crate) fn print_json(value: &impl Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => out!("{text}"),
        Err(error) => eprintln!("error[internal]: {error}"),
    }
}

/// A CSV file's problems, each by row and column, when there are any.
pub(crate) fn row_problems(errors: &[CsvRowError], count: u32) {
    if count == 0 {
        return;
    }
    out!("{count} problems: nothing would be added.");
    for error in errors {
        let column = if error.column.is_empty() {
            String::new()
        } else {
            format!(", {}", error.column)
        };
        out!("  row {}{column}: {}", error.row, error.message);
    }
}
