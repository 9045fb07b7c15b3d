//! The JSON export and import.

use saleguard_app::io::export::{ExportSummary, ImportSummary, TableCount};

use super::{Output, print_json, print_table};
use crate::out;

impl Output {
    /// The export document itself, whatever `--json` says: it is JSON.
    pub fn document(&self, text: &str) {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        // A closed pipe is the reader's choice, as with `out!`.
        let _ = stdout.write_all(text.as_bytes());
    }

    pub fn exported(&self, summary: &ExportSummary) {
        if self.json {
            return print_json(summary);
        }
        out!("Exported to {} ({} bytes).", summary.path, summary.bytes);
        self.table_counts(&summary.tables);
    }

    pub fn imported(&self, summary: &ImportSummary) {
        if self.json {
            return print_json(summary);
        }
        out!("Imported.");
        self.table_counts(&summary.tables);
    }

    /// What `import --dry-run` found: the file would restore these rows.
    pub fn import_checked(&self, summary: &ImportSummary) {
        if self.json {
            return print_json(summary);
        }
        out!("The file can be imported (nothing was written); it holds:");
        self.table_counts(&summary.tables);
    }

    fn table_counts(&self, tables: &[TableCount]) {
        let rows: Vec<Vec<String>> = tables
            .iter()
            .map(|t| vec![t.table.clone(), t.rows.to_string()])
            .collect();
        print_table(&["TABLE", "ROWS"], &rows, &[1]);
    }
}
