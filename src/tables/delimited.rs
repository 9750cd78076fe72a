//! Delimited text (CSV, TSV, `;`): the delimiter sniffed from the first lines, records
//! parsed by `csv-core` (RFC 4180 quoting) in bounded memory, row numbers as a
//! spreadsheet shows them, and limits on the size of a record and of a cell.

use super::encoding::{TextEncoding, Utf8Reader};
use super::{cannot_read, open, TableError, TableRow};
use csv_core::{ReadFieldResult, ReaderBuilder, Terminator};
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
    // The buffer is handed on line by line (each piece ends at a line end or at the
    // end of the buffer, so at most 64 KiB), and so at most one record ends in a piece.
    let mut records = Records::new(delimiter);
    loop {
        let buf = reader.fill_buf().map_err(|e| TableError {
            row: Some(records.rows + 1),
            message: if e.kind() == std::io::ErrorKind::InvalidData {
                crate::msg!("table.text_not_utf8")
            } else {
                crate::msg!("table.cannot_read", err = e)
            },
        })?;
        if buf.is_empty() {
            if let Some(t) = records.finish()? {
                if !t.is_blank() {
                    let _ = each(t);
                }
            }
            return Ok(());
        }
        let mut at = 0;
        while at < buf.len() {
            let end = buf[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(buf.len(), |i| at + i + 1);
            let done = records.line(&buf[at..end])?;
            at = end;
            if let Some(t) = done {
                if !t.is_blank() && each(t).is_break() {
                    return Ok(());
                }
            }
        }
        let n = buf.len();
        reader.consume(n);
    }
}

/// Records of a text table with their row numbers: what a spreadsheet shows, one row
/// per record (a quoted cell may span lines), blank lines counted as rows.
struct Records {
    cells: Cells,
    /// Rows begun so far, blank lines included: the current record's number.
    rows: usize,
    /// A record is begun and not yet ended.
    open: bool,
    /// Bytes of the current record (or blank line) so far, line ends included.
    bytes: usize,
}

impl Records {
    fn new(delimiter: u8) -> Records {
        Records {
            cells: Cells::new(delimiter, b'\n'),
            rows: 0,
            open: false,
            bytes: 0,
        }
    }

    /// Reads a piece of a line (ending at its `\n`, or where the buffer ends): the
    /// record it ends, if any.
    fn line(&mut self, mut s: &[u8]) -> Result<Option<TableRow>, TableError> {
        if !self.open {
            // spaces before a record's first cell are dropped like a cell's; a line of
            // nothing else is a blank row
            let n = self.cells.spaces(s);
            self.bytes += n;
            s = &s[n..];
            match s.first() {
                None => return Ok(None),
                Some(b'\n') => {
                    self.rows += 1;
                    self.bytes += 1;
                    self.check_size(false)?;
                    self.bytes = 0;
                    return Ok(None);
                }
                Some(_) => {
                    self.rows += 1;
                    self.open = true;
                }
            }
        }
        // what csv-core writes is kept only while the record is within its limit, so
        // memory stays bounded; the record is refused at the end of this line
        self.cells.keep = self.bytes <= MAX_RECORD;
        let (n, ended) = self.cells.feed(s);
        self.bytes += n;
        if ended {
            self.check_size(false)?;
            return self.end().map(Some);
        }
        if s.last() == Some(&b'\n') {
            // the line ended inside a quoted cell
            self.check_size(true)?;
        }
        Ok(None)
    }

    /// At the end of the file: the last record, if one is begun (refused when a quote
    /// is still open in it).
    fn finish(&mut self) -> Result<Option<TableRow>, TableError> {
        if !self.open {
            if self.bytes > 0 {
                // a last line of spaces without a line end
                self.rows += 1;
                self.check_size(false)?;
            }
            return Ok(None);
        }
        // a line end after the last line ends the record, unless a quote is open
        self.cells.keep = self.bytes <= MAX_RECORD;
        let (_, ended) = self.cells.feed(b"\n");
        self.check_size(!ended)?;
        if !ended {
            return Err(TableError {
                row: Some(self.rows),
                message: crate::msg!("table.quote_open", row = self.rows),
            });
        }
        self.end().map(Some)
    }

    /// Refuses the current record when it is over [`MAX_RECORD`] bytes, with a hint
    /// when a quote is open at the end of its line.
    fn check_size(&self, quote_open: bool) -> Result<(), TableError> {
        if self.bytes <= MAX_RECORD {
            return Ok(());
        }
        let row = self.rows;
        Err(TableError {
            row: Some(row),
            message: crate::msg!(
                "table.row_long",
                row = row,
                kib = MAX_RECORD / 1024,
                quote = if quote_open {
                    crate::msg!("table.row_long.quote")
                } else {
                    String::new()
                }
            ),
        })
    }

    /// The record just ended, its first cell over [`MAX_CELL`] characters emptied.
    fn end(&mut self) -> Result<TableRow, TableError> {
        self.open = false;
        self.bytes = 0;
        if std::mem::take(&mut self.cells.invalid) {
            // only when the file changed after its encoding was decided
            self.cells.cells.clear();
            return Err(TableError {
                row: Some(self.rows),
                message: crate::msg!("table.text_not_utf8"),
            });
        }
        let mut cells = std::mem::take(&mut self.cells.cells);
        let oversized = cells.iter().position(|c| c.chars().count() > MAX_CELL);
        if let Some(i) = oversized {
            cells[i].clear();
        }
        Ok(TableRow {
            row: self.rows,
            cells,
            oversized,
        })
    }
}

/// The cells of records as `csv-core` parses them (RFC 4180: `"a,b"`, `"say ""hi"""`, a
/// quote elsewhere in a cell is a letter), each trimmed, with one tolerance of ours:
/// spaces before a cell's opening quote are dropped, so the quote still opens it
/// (`a, "b,c"` is `a` and `b,c`).
struct Cells {
    csv: csv_core::Reader,
    delimiter: u8,
    terminator: u8,
    /// Nothing has been given to csv-core yet.
    fresh: bool,
    /// At the start of a cell (spaces are dropped here).
    start: bool,
    /// Keep what csv-core writes (else it is read and dropped).
    keep: bool,
    /// A cell was not UTF-8.
    invalid: bool,
    field: Vec<u8>,
    cells: Vec<String>,
    out: Box<[u8]>,
}

impl Cells {
    /// `terminator` ends a record (a byte that never occurs, like 0xFF in UTF-8, for
    /// none).
    fn new(delimiter: u8, terminator: u8) -> Cells {
        Cells {
            csv: ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(Terminator::Any(terminator))
                .build(),
            delimiter,
            terminator,
            fresh: true,
            start: true,
            keep: true,
            invalid: false,
            field: Vec::new(),
            cells: Vec::new(),
            out: vec![0; 16 * 1024].into_boxed_slice(),
        }
    }

    /// How many bytes at the start of `s` are spaces (space, tab, line ends; never the
    /// delimiter or the terminator).
    fn spaces(&self, s: &[u8]) -> usize {
        s.iter()
            .take_while(|&&b| {
                matches!(b, b' ' | b'\t' | b'\r' | b'\n')
                    && b != self.delimiter
                    && b != self.terminator
            })
            .count()
    }

    /// Parses `s` until a record ends: how many bytes were read, and whether one ended.
    fn feed(&mut self, mut s: &[u8]) -> (usize, bool) {
        let len = s.len();
        loop {
            if self.start {
                s = &s[self.spaces(s)..];
            }
            if s.is_empty() {
                return (len, false);
            }
            self.start = false;
            // csv-core drops a UTF-8 BOM at the start of its first input (the encoding
            // layer has dropped the file's own): a first input of one byte keeps any other
            let input = if self.fresh { &s[..1] } else { s };
            self.fresh = false;
            let (res, nin, nout) = self.csv.read_field(input, &mut self.out);
            if self.keep {
                self.field.extend_from_slice(&self.out[..nout]);
            }
            s = &s[nin..];
            if let ReadFieldResult::Field { record_end } = res {
                self.end_field();
                if record_end {
                    return (len - s.len(), true);
                }
            }
        }
    }

    /// Ends the cell being read.
    fn end_field(&mut self) {
        if self.keep {
            match std::str::from_utf8(&self.field) {
                Ok(c) => self.cells.push(c.trim().to_string()),
                Err(_) => self.invalid = true,
            }
        }
        self.field.clear();
        self.start = true;
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

/// Splits one delimited record into cells as the reader does (RFC 4180 quoting:
/// `"a,b"`, `"say ""hi"""`), each trimmed; line ends in it are letters, and a quote
/// left open runs to the end. The delimiter is an ASCII character (`,` `;` tab).
pub fn split_record(record: &str, delimiter: char) -> Vec<String> {
    assert!(delimiter.is_ascii(), "a delimiter is an ASCII character");
    // 0xFF never occurs in UTF-8: the whole text is one record
    let mut c = Cells::new(delimiter as u8, 0xff);
    c.feed(record.as_bytes());
    // an empty input ends the record (a quoted cell left open included)
    if let (ReadFieldResult::Field { .. }, _, nout) = c.csv.read_field(&[], &mut c.out) {
        c.field.extend_from_slice(&c.out[..nout]);
        c.end_field();
    }
    if c.cells.is_empty() {
        c.cells.push(String::new());
    }
    c.cells
}
