//! Where a problem of a grid is: the file, the sheet and the cell as Excel shows it
//! (`D7`), with the column's header; and the problem itself, rendered like the other
//! diagnostics (`error: …`, `--> place`, `= help: …`).

use crate::tables::column_letters;

/// A cell: real 1-based row number and 0-based column index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    /// Row number as Excel shows it.
    pub row: usize,
    /// Column index, 0 = A.
    pub col: usize,
}

impl At {
    /// The cell reference, e.g. `D7`.
    pub fn cell(self) -> String {
        format!("{}{}", column_letters(self.col), self.row)
    }
}

/// A value read from a cell, and the cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Read<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub at: At,
}

/// One problem of a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridError {
    /// The cell, when the problem has one (else it is the grid's as a whole).
    pub at: Option<At>,
    /// What is wrong.
    pub message: String,
    /// What would be right ("did you mean" where a near word exists).
    pub help: Option<String>,
}

impl GridError {
    /// A problem at a cell.
    pub fn at(at: At, message: String, help: String) -> GridError {
        GridError {
            at: Some(at),
            message,
            help: Some(help),
        }
    }

    /// A problem of the grid as a whole.
    pub fn whole(message: String, help: Option<String>) -> GridError {
        GridError {
            at: None,
            message,
            help,
        }
    }
}

/// What a problem's place is printed with: the file, the sheet read, and the
/// header cells (for the column's name).
pub struct Where<'a> {
    /// The file as given.
    pub file: &'a str,
    /// The sheet read (`None` for a text table).
    pub sheet: Option<&'a str>,
    /// The header row's cells, index 0 = column A.
    pub headers: &'a [String],
}

impl Where<'_> {
    /// `grid.xlsx: sheet 技术序列, D7 (标准类别)`.
    pub fn place(&self, at: Option<At>) -> String {
        let sheet = self
            .sheet
            .map(|s| crate::msg!("grid.at.sheet", sheet = crate::base::term::escape(s)))
            .unwrap_or_default();
        let Some(at) = at else {
            return format!("{}{sheet}", self.file);
        };
        let header = self
            .headers
            .get(at.col)
            .map(|h| h.trim())
            .filter(|h| !h.is_empty())
            .map(|h| format!(" ({})", crate::base::term::escape(first_line(h))))
            .unwrap_or_default();
        crate::msg!(
            "grid.at",
            file = self.file,
            sheet = sheet,
            cell = at.cell(),
            header = header
        )
    }

    /// Renders every problem, in the order of the cells.
    pub fn render(&self, errors: &[GridError]) -> String {
        let mut sorted: Vec<&GridError> = errors.iter().collect();
        sorted.sort_by_key(|e| e.at);
        let mut out = String::new();
        for e in sorted.iter().take(MAX_SHOWN) {
            let mut d = crate::base::diag::Diagnostic::new(e.message.clone());
            if let Some(h) = &e.help {
                d = d.help(h.clone());
            }
            out.push_str(&d.render(&self.place(e.at), None));
        }
        if errors.len() > MAX_SHOWN {
            out.push_str(&crate::msg!("grid.more", n = errors.len() - MAX_SHOWN));
            out.push('\n');
        }
        out
    }
}

/// Most problems printed for one grid.
pub const MAX_SHOWN: usize = 40;

/// The first line of a header (headers may be written over two lines).
fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_excel_shows_them() {
        assert_eq!(At { row: 7, col: 3 }.cell(), "D7");
        assert_eq!(At { row: 12, col: 27 }.cell(), "AB12");
        let headers = vec!["序列".to_string(), "职级\n(code)".to_string()];
        let w = Where {
            file: "g.xlsx",
            sheet: Some("技术"),
            headers: &headers,
        };
        assert_eq!(
            w.place(Some(At { row: 4, col: 1 })),
            "g.xlsx: sheet 技术, B4 (职级)"
        );
        assert_eq!(w.place(None), "g.xlsx: sheet 技术");
        let text = w.render(&[GridError::at(
            At { row: 4, col: 1 },
            "bad".into(),
            "fix".into(),
        )]);
        assert!(text.contains("--> g.xlsx: sheet 技术, B4 (职级)"), "{text}");
        assert!(text.contains("= help: fix"), "{text}");
    }
}
