//! Delimited text (CSV, TSV, `;`): the delimiter sniffed from the first lines, records
//! read with RFC 4180 quoting, row numbers as a spreadsheet shows them, and limits on
//! the size of a record and of a cell.

use super::encoding::{TextEncoding, Utf8Reader};
use super::{cannot_read, open, TableError, TableRow};
use std::io::{BufRead, BufReader};
use std::ops::ControlFlow;
use std::path::Path;

/// Most bytes in one record (row) of a text table.
pub const MAX_RECORD: usize = 1024 * 1024;
/// Most characters in one cell.
pub const MAX_CELL: usize = 10_000;
pub(super) fn read_text(
    path: &Path,
    enc: TextEncoding,
    each: &mut dyn FnMut(TableRow) -> ControlFlow<()>,
) -> Result<(), TableError> {
    let file = BufReader::with_capacity(64 * 1024, open(path)?);
    let mut reader: Box<dyn BufRead> = match enc {
        TextEncoding::Utf8 => Box::new(file),
        TextEncoding::Utf8Bom => {
            let mut f = file;
            f.fill_buf().map_err(cannot_read)?;
            f.consume(3);
            Box::new(f)
        }
        TextEncoding::Gbk => Box::new(BufReader::new(Utf8Reader::new(file, encoding_rs::GBK))),
        TextEncoding::Utf16Le => {
            Box::new(BufReader::new(Utf8Reader::new(file, encoding_rs::UTF_16LE)))
        }
        TextEncoding::Utf16Be => {
            Box::new(BufReader::new(Utf8Reader::new(file, encoding_rs::UTF_16BE)))
        }
    };
    // The delimiter: tabs for Excel's Unicode text; else the one of `,` `;` tab that
    // splits the first lines into the most rows of one width (a title row above the
    // header, or picks joined by `;` inside a comma file, do not decide it)
    let head = reader.fill_buf().map_err(cannot_read)?;
    let delimiter = if matches!(enc, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
        b'\t'
    } else {
        sniff_delimiter(&String::from_utf8_lossy(head))
    };
    // Records are read line by line (a quoted cell may span lines). Row numbers are
    // what a spreadsheet shows: one per record, blank lines included.
    let delim = delimiter as char;
    let mut row = 0usize;
    let mut line = String::new();
    loop {
        let mut record = String::new();
        let mut open_quote = false;
        let mut started = false;
        loop {
            line.clear();
            let n = reader.read_line(&mut line).map_err(|e| TableError {
                row: Some(row + 1),
                message: if e.kind() == std::io::ErrorKind::InvalidData {
                    crate::msg!("table.text_not_utf8")
                } else {
                    crate::msg!("table.cannot_read", err = e)
                },
            })?;
            if n == 0 {
                break;
            }
            if !started {
                started = true;
                row += 1;
            }
            open_quote = ends_in_quote(&line, delim, open_quote);
            record.push_str(&line);
            if record.len() > MAX_RECORD {
                return Err(TableError {
                    row: Some(row),
                    message: crate::msg!(
                        "table.row_long",
                        row = row,
                        kib = MAX_RECORD / 1024,
                        quote = if open_quote {
                            crate::msg!("table.row_long.quote")
                        } else {
                            String::new()
                        }
                    ),
                });
            }
            if !open_quote {
                break;
            }
        }
        if !started {
            return Ok(());
        }
        if open_quote {
            return Err(TableError {
                row: Some(row),
                message: crate::msg!("table.quote_open", row = row),
            });
        }
        let record = record.trim_end_matches(['\n', '\r']);
        let mut cells = split_record(record, delim);
        let oversized = cells.iter().position(|c| c.chars().count() > MAX_CELL);
        if let Some(i) = oversized {
            cells[i].clear();
        }
        let t = TableRow {
            row,
            cells,
            oversized,
        };
        if !t.is_blank() && each(t).is_break() {
            return Ok(());
        }
    }
}

/// The delimiter of a text table from its first lines: for each of `,` `;` and tab,
/// how many lines split into the most common width above one; the best wins, `,` on
/// a tie (then tab).
pub(super) fn sniff_delimiter(head: &str) -> u8 {
    let lines: Vec<&str> = head
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    // the last line may be cut short by the buffer
    let lines = if lines.len() > 1 && !head.ends_with('\n') {
        &lines[..lines.len() - 1]
    } else {
        &lines[..]
    };
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b'\t', b';'] {
        let mut widths: std::collections::HashMap<usize, usize> = Default::default();
        for l in lines {
            let w = split_record(l, d as char).len();
            if w > 1 {
                *widths.entry(w).or_default() += 1;
            }
        }
        let (width, n) = widths
            .into_iter()
            .max_by_key(|(w, n)| (*n, *w))
            .unwrap_or((0, 0));
        if (n, width) > (best.1, best.2) {
            best = (d, n, width);
        }
    }
    best.0
}

/// Whether a quoted cell is still open at the end of `line`, given whether one was
/// open at its start. A quote opens a cell only at the cell's start (after spaces);
/// elsewhere it is a literal character, as in [`split_record`].
fn ends_in_quote(line: &str, delim: char, mut open: bool) -> bool {
    let mut at_start = !open;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if open {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    open = false;
                }
            }
        } else if c == '"' && at_start {
            open = true;
            at_start = false;
        } else if c == delim || c == '\n' {
            at_start = true;
        } else if c != ' ' && c != '\t' && c != '\r' {
            at_start = false;
        }
    }
    open
}

/// Splits one delimited record into cells (RFC 4180 quoting: `"a,b"`, `"say ""hi"""`),
/// each trimmed.
pub fn split_record(record: &str, delimiter: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = record.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cell.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
        } else if c == '"' && cell.trim().is_empty() {
            cell.clear();
            quoted = true;
        } else if c == delimiter {
            cells.push(cell.trim().to_string());
            cell.clear();
        } else {
            cell.push(c);
        }
    }
    cells.push(cell.trim().to_string());
    cells
}
