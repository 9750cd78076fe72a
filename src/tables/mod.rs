//! Tables as spreadsheets really come: CSV or tab-separated text in UTF-8 (with or
//! without BOM), GBK or UTF-16 (Excel's "Unicode text"), and XLSX, read row by row in
//! bounded memory, with the real row numbers and column letters a user sees in Excel.
//! XLSX files are checked against decompression bombs before any part is parsed.

use std::ops::ControlFlow;
use std::path::Path;

mod delimited;
mod encoding;
mod xlsx;

use delimited::read_text;
pub use delimited::{split_record, MAX_CELL, MAX_RECORD};
pub use encoding::{detect_encoding, TextEncoding};
use xlsx::read_xlsx_sheet;
pub use xlsx::{check_zip, MAX_FORMATS, MAX_SHARED};

/// Largest inflated size of one part of an XLSX file.
pub const MAX_XLSX_PART: u64 = 200 * 1024 * 1024;
/// Largest inflated size of all parts of an XLSX file together.
pub const MAX_XLSX_TOTAL: u64 = 400 * 1024 * 1024;
/// Most cells read from a sheet (and most a sheet may claim as its used range).
pub const MAX_CELLS: u64 = 20_000_000;
/// Most columns read from a sheet; cells further right are ignored.
pub const MAX_COLUMNS: usize = 1_000;

/// One row of a table: its 1-based row number as the user sees it (Excel's row
/// number; for text, the record's number as a spreadsheet opening the file shows it,
/// blank lines counted and a cell over several lines one row) and its cells, index
/// 0 = column A.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRow {
    /// Real 1-based row number.
    pub row: usize,
    /// Cell texts, trimmed; index 0 is column A.
    pub cells: Vec<String>,
    /// A cell longer than [`MAX_CELL`] (its column), emptied: the row is to be
    /// reported, the rest of the table still read.
    pub oversized: Option<usize>,
}

impl TableRow {
    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }
}

/// A problem with the table as a whole or with one row (never quoting cells).
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    /// The row, when the problem has one.
    pub row: Option<usize>,
    /// What went wrong and what to do.
    pub message: String,
}

impl TableError {
    fn whole(message: impl Into<String>) -> TableError {
        TableError {
            row: None,
            message: message.into(),
        }
    }
}

/// Excel's letters for a 0-based column index (0 → A, 26 → AA).
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Reads `path` (by extension: .xlsx/.xlsm as a workbook, anything else as delimited
/// text) and calls `each` for every non-blank row in order, until it breaks. Returns
/// the format found ("UTF-8", "GBK", "XLSX", ...).
pub fn read_rows(
    path: &Path,
    each: &mut dyn FnMut(TableRow) -> ControlFlow<()>,
) -> Result<&'static str, TableError> {
    read_sheet_rows(path, None, each).map(|s| s.format)
}

/// The sheet of a workbook that was read, and every sheet it has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheets {
    /// The format found, as [`read_rows`] returns it.
    pub format: &'static str,
    /// The name of the sheet read (`None` for a text table).
    pub read: Option<String>,
    /// The names of all sheets, in the workbook's order.
    pub all: Vec<String>,
}

/// Reads like [`read_rows`], but from the sheet named `sheet` of an XLSX workbook
/// (the first when `None`; a name is matched exactly, else ignoring case and
/// spaces). A sheet asked of a text table, or one the workbook lacks, is refused.
pub fn read_sheet_rows(
    path: &Path,
    sheet: Option<&str>,
    each: &mut dyn FnMut(TableRow) -> ControlFlow<()>,
) -> Result<Sheets, TableError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(ext.as_str(), "xlsx" | "xlsm") {
        let (read, all) = read_xlsx_sheet(path, sheet, each)?;
        return Ok(Sheets {
            format: "XLSX",
            read: Some(read),
            all,
        });
    }
    if let Some(name) = sheet {
        return Err(TableError::whole(crate::msg!(
            "table.sheet_text",
            name = name
        )));
    }
    let enc = detect_encoding(path)?;
    read_text(path, enc, each)?;
    Ok(Sheets {
        format: enc.name(),
        ..Sheets::default()
    })
}

/// The position of the sheet named `want` among `names`: exactly, else ignoring case
/// and spaces; otherwise an error with the nearest name and the list.
fn sheet_index(names: &[String], want: &str) -> Result<usize, TableError> {
    let fold = |s: &str| s.to_lowercase().replace([' ', '\u{3000}'], "");
    names
        .iter()
        .position(|n| n == want)
        .or_else(|| names.iter().position(|n| fold(n) == fold(want)))
        .ok_or_else(|| {
            let list = names.join(", ");
            TableError::whole(
                match crate::profile::catalog::nearest(want, names.iter().map(String::as_str)) {
                    Some(near) => {
                        crate::msg!("table.sheet_near", name = want, near = near, list = list)
                    }
                    None => crate::msg!("table.sheet_none", name = want, list = list),
                },
            )
        })
}

fn open(path: &Path) -> Result<std::fs::File, TableError> {
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if !meta.is_file() {
        return Err(TableError::whole(crate::msg!("table.not_file")));
    }
    std::fs::File::open(path).map_err(cannot_read)
}

/// "cannot read: …" as a whole-file error.
fn cannot_read(e: std::io::Error) -> TableError {
    TableError::whole(crate::msg!("table.cannot_read", err = e))
}

#[cfg(test)]
mod tests;
