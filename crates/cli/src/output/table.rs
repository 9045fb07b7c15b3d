//! Tables for people. Columns are measured by the width text takes on screen (CJK
//! characters take two columns, an emoji too, a combining accent none), so a name in any
//! script keeps the columns aligned; numbers are aligned right.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ColumnConstraint, Table, Width, presets};

use crate::out;

/// The most characters a cell shows; longer text is cut with an ellipsis (whole in
/// `--json`). A table is for reading, and a cell of any length must never break it.
pub(crate) const MAX_CELL_CHARS: usize = 120;

/// `text` as a cell shows it: at most [`MAX_CELL_CHARS`] characters, cut with "…".
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let kept: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
            std::borrow::Cow::Owned(format!("{kept}…"))
        }
    }
}

/// Prints a table: the header, then one line per row; `right` lists the columns of
/// numbers, aligned right. Columns are two spaces apart, and no line ends in spaces.
pub(crate) fn print_table(header: &[&str], rows: &[Vec<String>], right: &[usize]) {
    for line in table_lines(header, rows, right, &[]).0 {
        out!("{line}");
    }
}

/// The lines of a table whose columns are at least `min_widths` wide (none: as wide as
/// their content), and the widths its columns took.
fn table_lines(
    header: &[&str],
    rows: &[Vec<String>],
    right: &[usize],
    min_widths: &[u16],
) -> (Vec<String>, Vec<u16>) {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    table.set_header(header.iter().map(|title| Cell::new(*title)));
    for row in rows {
        table.add_row(row.iter().map(|cell| Cell::new(cell_text(cell))));
    }
    let last = header.len().saturating_sub(1);
    for (index, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if index == last { 0 } else { 2 }));
        // Never wrapped: a table is read, copied and piped whole.
        column.set_constraint(match min_widths.get(index) {
            Some(width) => ColumnConstraint::LowerBoundary(Width::Fixed(*width)),
            None => ColumnConstraint::ContentWidth,
        });
        if right.contains(&index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let widths = table.column_max_content_widths();
    let lines = table
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect();
    (lines, widths)
}

/// A table printed as its rows are read, for lists too long to hold (the price book,
/// the trades): the header and the first [`BLOCK_ROWS`] rows as one table, then each
/// further block with its columns at least as wide as the first block's — aligned with
/// it unless a cell is wider, which widens its own block only.
pub(crate) struct StreamedTable<'a> {
    header: &'a [&'a str],
    right: &'a [usize],
    block: Vec<Vec<String>>,
    /// The first block's widths, once it is printed.
    widths: Option<Vec<u16>>,
}

/// Rows per block of a [`StreamedTable`].
pub(crate) const BLOCK_ROWS: usize = 1_000;

impl<'a> StreamedTable<'a> {
    pub(crate) fn new(header: &'a [&'a str], right: &'a [usize]) -> Self {
        Self {
            header,
            right,
            block: Vec::with_capacity(BLOCK_ROWS),
            widths: None,
        }
    }

    /// Adds a row; a full block is written out (the error says the reader is gone).
    pub(crate) fn push(&mut self, row: Vec<String>, out: &mut impl Write) -> io::Result<()> {
        self.block.push(row);
        if self.block.len() == BLOCK_ROWS {
            self.write_block(out)?;
        }
        Ok(())
    }

    /// Writes the rows still held; whether the table had any row at all.
    pub(crate) fn finish(mut self, out: &mut impl Write) -> io::Result<bool> {
        let any = self.widths.is_some() || !self.block.is_empty();
        if !self.block.is_empty() {
            self.write_block(out)?;
        }
        Ok(any)
    }

    fn write_block(&mut self, out: &mut impl Write) -> io::Result<()> {
        let first = self.widths.is_none();
        let (lines, widths) = table_lines(
            self.header,
            &self.block,
            self.right,
            self.widths.as_deref().unwrap_or_default(),
        );
        // A later block's header line only measured its columns.
        for line in lines.iter().skip(usize::from(!first)) {
            writeln!(out, "{line}")?;
        }
        self.widths.get_or_insert(widths);
        self.block.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(header: &[&str], rows: &[&[&str]], right: &[usize]) -> Vec<String> {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect();
        table_lines(header, &rows, right, &[]).0
    }

    #[test]
    fn a_cell_of_any_length_is_cut_with_an_ellipsis_and_never_breaks_the_table() {
        let note = "n".repeat(70_000);
        let wide = "極".repeat(40_000);
        let shown = lines(&["ID", "NOTE", "NAME"], &[&["1", &note, &wide]], &[0]);
        assert_eq!(shown.len(), 2);
        let row = &shown[1];
        assert!(
            row.contains(&format!("{}…", "n".repeat(MAX_CELL_CHARS - 1))),
            "{row}"
        );
        assert!(
            row.ends_with(&format!("{}…", "極".repeat(MAX_CELL_CHARS - 1))),
            "{row}"
        );
        assert_eq!(
            cell_text(&"a".repeat(MAX_CELL_CHARS)),
            "a".repeat(MAX_CELL_CHARS),
            "not cut at the limit"
        );
    }

    #[test]
    fn columns_are_two_spaces_apart_and_numbers_align_right() {
        assert_eq!(
            lines(
                &["ID", "PROJECT", "RAISED"],
                &[
                    &["1", "Aurora", "1.5 ETH"],
                    &["12", "Borealis Network", "250 ETH"]
                ],
                &[0, 2],
            ),
            [
                "ID  PROJECT            RAISED",
                " 1  Aurora            1.5 ETH",
                "12  Borealis Network  250 ETH",
            ]
        );
    }

    #[test]
    fn wide_and_combining_characters_keep_the_columns_aligned() {
        // 極光 is two characters four columns wide; "é" written as e + a combining
        // accent is two characters one column wide; the rocket is one, two wide.
        let shown = lines(
            &["NAME", "TOKEN"],
            &[
                &["極光", "AUR"],
                &["Cafe\u{301}", "CAF"],
                &["🚀 Moon", "MUN"],
                &["Plain", "PLN"],
            ],
            &[],
        );
        let token_column: Vec<usize> = shown
            .iter()
            .map(|line| {
                let name = line
                    .rsplit_once("  ")
                    .map_or(line.as_str(), |(name, _)| name);
                unicode_width::UnicodeWidthStr::width(name) + 2
            })
            .collect();
        assert!(
            token_column.windows(2).all(|pair| pair[0] == pair[1]),
            "the TOKEN column starts at the same screen column on every line: {shown:#?}"
        );
    }

    #[test]
    fn a_streamed_table_keeps_the_first_blocks_columns_and_a_wider_cell_widens_its_block_only() {
        let row = |id: usize, name: &str| {
            vec![
                (1_000 + id).to_string(),
                name.to_owned(),
                "1.5 ETH".to_owned(),
            ]
        };
        let mut table = StreamedTable::new(&["ID", "NAME", "PRICE"], &[0, 2]);
        let mut written = Vec::new();
        for id in 0..BLOCK_ROWS * 2 + 3 {
            let name = if id == BLOCK_ROWS * 2 + 1 {
                "a much longer name"
            } else {
                "Aurora"
            };
            table.push(row(id, name), &mut written).expect("written");
        }
        assert!(table.finish(&mut written).expect("written"));
        let text = String::from_utf8(written).expect("text");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.len(),
            1 + BLOCK_ROWS * 2 + 3,
            "one header, every row once"
        );
        assert_eq!(lines[0], "  ID  NAME      PRICE");
        assert_eq!(lines[1], "1000  Aurora  1.5 ETH");
        assert_eq!(
            lines[BLOCK_ROWS + 1],
            "2000  Aurora  1.5 ETH",
            "the second block as the first"
        );
        assert_eq!(
            lines[BLOCK_ROWS * 2 + 1],
            "3000  Aurora              1.5 ETH"
        );
        assert_eq!(
            lines[BLOCK_ROWS * 2 + 2],
            "3001  a much longer name  1.5 ETH"
        );
        let mut empty = Vec::new();
        let none = StreamedTable::new(&["ID"], &[]);
        assert!(
            !none.finish(&mut empty).expect("written"),
            "no row: nothing written"
        );
        assert!(empty.is_empty());
    }
}
