//! The commands the window calls, one module per capability, each command one line
//! over `Saleguard`. Which commands exist is said once, in `list.rs`: that list makes
//! the modules' commands known to Tauri and to the bindings here, and `build.rs` makes
//! a permission per command and the main window's capability from it. A command left
//! out of the list is dead code (clippy refuses it); one listed but not written does
//! not compile.

// Declared here rather than by the macro, so that rustfmt finds and formats them.
mod accounts;
mod app;
mod budgets;
mod chain;
mod io;
mod participations;
mod portfolio;
mod pricing;
mod research;
mod review;
mod sales;

/// From the list: [`COMMAND_NAMES`] and [`collect`].
macro_rules! commands {
    ($($module:ident: [$($command:ident),* $(,)?]),* $(,)? ) => {
        /// Every command the window may call, as the list names them.
        pub const COMMAND_NAMES: &[&str] = &[$($(stringify!($command)),*),*];

        /// Every command, for Tauri's handler and the generated bindings.
        pub(crate) fn collect() -> tauri_specta::Commands<tauri::Wry> {
            tauri_specta::collect_commands![$($($module::$command),*),*]
        }
    };
}

include!("list.rs");

pub(crate) use chain::Signings;
pub(crate) use io::CsvImports;
