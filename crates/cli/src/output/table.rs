//! Tables for people. Columns are measured by the width text takes on screen (CJK
//! characters take two columns, an emoji too, a combining accent none), so a name in any
//! script keeps the columns aligned; numbers are aligned right.

use comfy_table::{Cell, CellAlignment, ColumnConstraint, Table, presets};

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
    for line in table_lines(header, rows, right) {
        out!("{line}");
    }
}

fn table_lines(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> Vec<String> {
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
        column.set_constraint(ColumnConstraint::ContentWidth);
        if right.contains(&index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(header: &[&str], rows: &[&[&str]], right: &[usize]) -> Vec<String> {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect();
        table_lines(header, &rows, right)
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
}
