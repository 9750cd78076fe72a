//! Tables as spreadsheets really come: CSV or tab-separated text in UTF-8 (with or
//! without BOM), GBK or UTF-16 (Excel's "Unicode text"), and XLSX, read row by row in
//! bounded memory, with the real row numbers and column letters a user sees in Excel.
//! XLSX files are checked against decompression bombs before any part is parsed.

use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

/// Largest inflated size of one part of an XLSX file.
pub const MAX_XLSX_PART: u64 = 200 * 1024 * 1024;
/// Largest inflated size of all parts of an XLSX file together.
pub const MAX_XLSX_TOTAL: u64 = 400 * 1024 * 1024;
/// Most cells read from a sheet (and most a sheet may claim as its used range).
pub const MAX_CELLS: u64 = 20_000_000;
/// Most columns read from a sheet; cells further right are ignored.
pub const MAX_COLUMNS: usize = 1_000;

/// One row of a table: its 1-based row number as the user sees it (Excel's row
/// number, or the line where a CSV record starts) and its cells, index 0 = column A.
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

/// Text encodings of delimited text files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with BOM.
    Utf8Bom,
    /// GBK (GB 18030 decoder), as Chinese Excel saves "CSV".
    Gbk,
    /// UTF-16 little endian with BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big endian with BOM.
    Utf16Be,
}

impl TextEncoding {
    /// Name for messages and the run summary.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Gbk => "GBK",
            TextEncoding::Utf16Le => "UTF-16 (Unicode text)",
            TextEncoding::Utf16Be => "UTF-16 BE",
        }
    }
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

/// Most bytes in one record (row) of a text table.
pub const MAX_RECORD: usize = 1024 * 1024;
/// Most characters in one cell.
pub const MAX_CELL: usize = 10_000;

/// Decides the encoding of the whole file in one streaming pass: a BOM, else UTF-8
/// when every byte is valid UTF-8, else GBK when every byte is valid GBK; otherwise
/// the file is refused, naming the line of the first bad byte in each reading.
pub fn detect_encoding(path: &Path) -> Result<TextEncoding, TableError> {
    let mut r = BufReader::with_capacity(64 * 1024, open(path)?);
    let head = r.fill_buf().map_err(cannot_read)?;
    if head.starts_with(b"\xef\xbb\xbf") {
        if let Some((line, byte)) = first_bad_utf8(path)? {
            return Err(TableError {
                row: Some(line),
                message: crate::msg!("table.bom_bad", byte = format!("{byte:02X}"), line = line),
            });
        }
        return Ok(TextEncoding::Utf8Bom);
    }
    if head.starts_with(b"\xff\xfe") {
        return Ok(TextEncoding::Utf16Le);
    }
    if head.starts_with(b"\xfe\xff") {
        return Ok(TextEncoding::Utf16Be);
    }
    let scan = scan_utf8(path)?;
    let Some((u_line, u_byte)) = scan.first_bad else {
        return Ok(TextEncoding::Utf8);
    };
    // Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, even when its
    // bytes happen to be valid GBK (UTF-8 Chinese text often is): never guess GBK then.
    if scan.multibyte >= 2 * scan.bad {
        return Err(TableError {
            row: Some(u_line),
            message: crate::msg!(
                "table.utf8_damaged",
                byte = format!("{u_byte:02X}"),
                line = u_line,
                bad = scan.bad
            ),
        });
    }
    match first_bad_gbk(path)? {
        None => Ok(TextEncoding::Gbk),
        Some((g_line, _)) => Err(TableError {
            row: Some(u_line),
            message: crate::msg!(
                "table.neither",
                byte = format!("{u_byte:02X}"),
                line = u_line,
                gline = g_line
            ),
        }),
    }
}

/// The first byte that is not valid UTF-8 (its line and value), and how many valid
/// multi-byte characters and invalid sequences the file has — streaming.
struct Utf8Scan {
    first_bad: Option<(usize, u8)>,
    multibyte: usize,
    bad: usize,
}

fn scan_utf8(path: &Path) -> Result<Utf8Scan, TableError> {
    let mut r = open(path)?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut line = 1usize;
    let mut out = Utf8Scan {
        first_bad: None,
        multibyte: 0,
        bad: 0,
    };
    loop {
        let n = r.read(&mut buf).map_err(cannot_read)?;
        let mut chunk = std::mem::take(&mut carry);
        chunk.extend_from_slice(&buf[..n]);
        let mut rest: &[u8] = &chunk;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                    line += s.bytes().filter(|b| *b == b'\n').count();
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let good = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("");
                    out.multibyte += good.chars().filter(|c| c.len_utf8() > 1).count();
                    line += good.bytes().filter(|b| *b == b'\n').count();
                    match e.error_len() {
                        Some(k) => {
                            out.bad += 1;
                            if out.first_bad.is_none() {
                                out.first_bad = Some((line, rest[e.valid_up_to()]));
                            }
                            if rest[e.valid_up_to()..e.valid_up_to() + k].contains(&b'\n') {
                                line += 1;
                            }
                            rest = &rest[e.valid_up_to() + k..];
                        }
                        None if n == 0 => {
                            out.bad += 1;
                            if out.first_bad.is_none() {
                                out.first_bad = Some((line, rest[e.valid_up_to()]));
                            }
                            rest = &[];
                            break;
                        }
                        None => {
                            carry = rest[e.valid_up_to()..].to_vec();
                            rest = &[];
                            break;
                        }
                    }
                }
            }
        }
        let _ = rest;
        if n == 0 {
            return Ok(out);
        }
    }
}

fn first_bad_utf8(path: &Path) -> Result<Option<(usize, u8)>, TableError> {
    Ok(scan_utf8(path)?.first_bad)
}

/// Line of the first malformed GBK sequence, streaming.
fn first_bad_gbk(path: &Path) -> Result<Option<(usize, u8)>, TableError> {
    let mut r = open(path)?;
    let mut dec = encoding_rs::GBK.new_decoder_without_bom_handling();
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = String::with_capacity(128 * 1024);
    let mut line = 1usize;
    loop {
        let n = r.read(&mut buf).map_err(cannot_read)?;
        let last = n == 0;
        let mut src = &buf[..n];
        loop {
            out.clear();
            let (res, read) = dec.decode_to_string_without_replacement(src, &mut out, last);
            match res {
                encoding_rs::DecoderResult::Malformed(_, _) => {
                    line += src[..read].iter().filter(|b| **b == b'\n').count();
                    let byte = src.get(read.saturating_sub(1)).copied().unwrap_or(0);
                    return Ok(Some((line, byte)));
                }
                encoding_rs::DecoderResult::OutputFull => {
                    line += src[..read].iter().filter(|b| **b == b'\n').count();
                    src = &src[read..];
                }
                encoding_rs::DecoderResult::InputEmpty => {
                    line += src[..read].iter().filter(|b| **b == b'\n').count();
                    break;
                }
            }
        }
        if last {
            return Ok(None);
        }
    }
}

/// A reader that turns GBK or UTF-16 bytes into UTF-8 as they are read.
struct Utf8Reader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf8Reader<R> {
    fn new(inner: R, enc: &'static encoding_rs::Encoding) -> Self {
        Utf8Reader {
            inner,
            decoder: enc.new_decoder_with_bom_removal(),
            raw: vec![0; 32 * 1024],
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.raw)?;
            let last = n == 0;
            self.out.clear();
            self.pos = 0;
            let need = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.resize(need, 0);
            let (_, _, written, _) =
                self.decoder
                    .decode_to_utf8(&self.raw[..n], &mut self.out, last);
            self.out.truncate(written);
            if last {
                self.done = true;
            }
        }
        let k = buf.len().min(self.out.len() - self.pos);
        buf[..k].copy_from_slice(&self.out[self.pos..self.pos + k]);
        self.pos += k;
        Ok(k)
    }
}

fn read_text(
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
fn sniff_delimiter(head: &str) -> u8 {
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

/// Checks the inflated size of every part of an XLSX file without keeping any of
/// it, so that a decompression bomb is refused before calamine parses it.
pub fn check_zip(path: &Path) -> Result<(), TableError> {
    let file = open(path)?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| TableError::whole(crate::msg!("table.not_xlsx", err = e)))?;
    if zip.len() > 10_000 {
        return Err(TableError::whole(crate::msg!("table.parts", n = zip.len())));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| TableError::whole(crate::msg!("table.damaged", err = e)))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        if part.size() > MAX_XLSX_PART {
            return Err(too_big(&name, part.size()));
        }
        // the declared size may lie: count what really comes out, up to the cap, and
        // the entries calamine would keep in memory (cell formats, shared strings)
        let what = match name.as_str() {
            "xl/styles.xml" => Some((b"<xf" as &[u8], MAX_FORMATS, "table.formats")),
            "xl/sharedStrings.xml" => Some((b"<si" as &[u8], MAX_SHARED, "table.shared")),
            _ => None,
        };
        let mut counter = Counter {
            needle: what.map_or(&b""[..], |w| w.0),
            tail: Vec::new(),
            found: 0,
        };
        let n = std::io::copy(&mut (&mut part).take(MAX_XLSX_PART + 1), &mut counter)
            .map_err(|_| TableError::whole(crate::msg!("table.damaged_part", name = name)))?;
        if let Some((_, max, label)) = what {
            if counter.found > max {
                let label = crate::base::messages::text(crate::base::lang::current(), label);
                return Err(TableError::whole(crate::msg!(
                    "table.too_many",
                    max = max,
                    label = label,
                    name = name
                )));
            }
        }
        if n > MAX_XLSX_PART {
            return Err(too_big(&name, n));
        }
        total += n;
        if total > MAX_XLSX_TOTAL {
            return Err(TableError::whole(crate::msg!(
                "table.inflates",
                mib = MAX_XLSX_TOTAL / (1024 * 1024)
            )));
        }
    }
    Ok(())
}

/// Most cell formats (`<xf>`) in styles.xml: Excel itself allows about 64,000.
pub const MAX_FORMATS: u64 = 65_000;
/// Most shared strings (`<si>`) in sharedStrings.xml.
pub const MAX_SHARED: u64 = 5_000_000;

/// A sink that counts the occurrences of a byte string passing through.
struct Counter<'a> {
    needle: &'a [u8],
    tail: Vec<u8>,
    found: u64,
}

impl std::io::Write for Counter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.needle.is_empty() {
            let k = self.needle.len();
            let mut joined = std::mem::take(&mut self.tail);
            joined.extend_from_slice(buf);
            self.found += joined.windows(k).filter(|w| *w == self.needle).count() as u64;
            let keep = joined.len().min(k - 1);
            self.tail = joined[joined.len() - keep..].to_vec();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn too_big(name: &str, size: u64) -> TableError {
    TableError::whole(crate::msg!(
        "table.part_inflates",
        name = name,
        mib = size / (1024 * 1024),
        max = MAX_XLSX_PART / (1024 * 1024)
    ))
}

/// Reads one sheet (the first when `sheet` is `None`); returns its name and the
/// names of all sheets.
fn read_xlsx_sheet(
    path: &Path,
    sheet: Option<&str>,
    each: &mut dyn FnMut(TableRow) -> ControlFlow<()>,
) -> Result<(String, Vec<String>), TableError> {
    use calamine::{open_workbook, DataRef, Reader, Xlsx};
    check_zip(path)?;
    let mut wb: Xlsx<_> =
        open_workbook(path).map_err(|_| TableError::whole(crate::msg!("table.cannot_open")))?;
    let names = wb.sheet_names();
    if names.is_empty() {
        return Err(TableError::whole(crate::msg!("table.no_sheet")));
    }
    let index = match sheet {
        None => 0,
        Some(want) => sheet_index(&names, want)?,
    };
    let name = names[index].clone();
    let merges = wb.merge_cells_by_sheet_id(index).unwrap_or_default();
    if merges.len() > 100_000 {
        return Err(TableError::whole(crate::msg!(
            "table.merges",
            n = merges.len()
        )));
    }
    let mut cells = wb
        .worksheet_cells_reader(&name)
        .map_err(|_| TableError::whole(crate::msg!("table.sheet_damaged")))?;
    let dim = cells.dimensions();
    let claimed = (u64::from(dim.end.0.saturating_sub(dim.start.0)) + 1)
        * (u64::from(dim.end.1.saturating_sub(dim.start.1)) + 1);
    if claimed > MAX_CELLS && dim.end != (0, 0) {
        let range = format!(
            "{}{}:{}{}",
            column_letters(dim.start.1 as usize),
            dim.start.0 + 1,
            column_letters(dim.end.1 as usize),
            dim.end.0 + 1
        );
        return Err(TableError::whole(crate::msg!(
            "table.used_range",
            range = range,
            claimed = claimed,
            max = MAX_CELLS
        )));
    }
    // values of merged ranges, taken from their top-left cell as rows go by
    let mut merged_values: std::collections::HashMap<(u32, u32), String> =
        std::collections::HashMap::new();
    let mut current = TableRow::default();
    let mut current_row: Option<u32> = None;
    let mut seen = 0u64;
    // merged ranges by first row; the ranges covering the current row stay active
    let mut merges = merges;
    merges.sort_by_key(|m| (m.start.0, m.start.1));
    let mut next_merge = 0usize;
    let mut active: Vec<calamine::Dimensions> = Vec::new();
    let mut emit = |mut t: TableRow,
                    r: u32,
                    merged_values: &mut std::collections::HashMap<(u32, u32), String>|
     -> ControlFlow<()> {
        while next_merge < merges.len() && merges[next_merge].start.0 <= r {
            active.push(merges[next_merge]);
            next_merge += 1;
        }
        active.retain(|m| m.end.0 >= r);
        merged_values.retain(|k, _| active.iter().any(|m| m.start == *k));
        for m in &active {
            let (c0, c1) = (m.start.1 as usize, (m.end.1 as usize).min(MAX_COLUMNS - 1));
            if r == m.start.0 {
                let v = t.cells.get(c0).cloned().unwrap_or_default();
                merged_values.insert(m.start, v);
            }
            let v = merged_values.get(&m.start).cloned().unwrap_or_default();
            if c0 <= c1 && !v.is_empty() {
                if t.cells.len() <= c1 {
                    t.cells.resize(c1 + 1, String::new());
                }
                for c in &mut t.cells[c0..=c1] {
                    if c.is_empty() {
                        *c = v.clone();
                    }
                }
            }
        }
        if t.is_blank() {
            ControlFlow::Continue(())
        } else {
            each(t)
        }
    };
    loop {
        // calamine's messages may quote a cell's text: say where, never what
        let cell = cells.next_cell().map_err(|_| TableError {
            row: current_row.map(|r| r as usize + 1),
            message: crate::msg!("table.cell_damaged", row = current_row.map_or(0, |r| r + 1)),
        })?;
        let Some(cell) = cell else { break };
        seen += 1;
        if seen > MAX_CELLS {
            return Err(TableError::whole(crate::msg!(
                "table.too_many_cells",
                max = MAX_CELLS
            )));
        }
        let (r, c) = cell.get_position();
        if current_row != Some(r) {
            if let Some(prev) = current_row {
                let t = std::mem::take(&mut current);
                if emit(t, prev, &mut merged_values).is_break() {
                    return Ok((name, names));
                }
            }
            current_row = Some(r);
            current.row = r as usize + 1;
        }
        let c = c as usize;
        if c >= MAX_COLUMNS {
            continue;
        }
        let text = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) => s.trim().to_string(),
            DataRef::SharedString(s) => s.trim().to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            DataRef::Float(f) => f.to_string(),
            DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            DataRef::DateTime(d) => {
                // to_ymd_hms_milli honours the workbook's 1900 or 1904 date system
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{day:02}")
            }
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                s.split('T').next().unwrap_or("").to_string()
            }
            DataRef::Error(_) => String::new(),
        };
        if current.cells.len() <= c {
            current.cells.resize(c + 1, String::new());
        }
        current.cells[c] = text;
    }
    if let Some(prev) = current_row {
        let _ = emit(current, prev, &mut merged_values);
    }
    Ok((name, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_match_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }

    fn rows_of(bytes: &[u8], ext: &str) -> Result<(Vec<TableRow>, &'static str), TableError> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(format!("t.{ext}"));
        std::fs::write(&p, bytes).unwrap();
        let mut rows = Vec::new();
        let enc = read_rows(&p, &mut |r| {
            rows.push(r);
            ControlFlow::Continue(())
        })?;
        Ok((rows, enc))
    }

    #[test]
    fn reads_utf8_bom_gbk_and_utf16_text() {
        let (r, e) = rows_of("工号,姓名\nE1,李娜\n".as_bytes(), "csv").unwrap();
        assert_eq!(
            (e, r[1].cells.clone()),
            ("UTF-8", vec!["E1".into(), "李娜".into()])
        );
        let (r, e) = rows_of(b"\xef\xbb\xbfid,name\nE1,x\n", "csv").unwrap();
        assert_eq!((e, r[0].cells[0].as_str()), ("UTF-8 with BOM", "id"));
        let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名\nE1,李娜\n");
        let (r, e) = rows_of(&gbk, "csv").unwrap();
        assert_eq!((e, r[1].cells[1].as_str()), ("GBK", "李娜"));
        let mut u16 = vec![0xff, 0xfe];
        for u in "工号\t姓名\r\nE1\t李娜\r\n".encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        let (r, e) = rows_of(&u16, "txt").unwrap();
        assert_eq!(e, "UTF-16 (Unicode text)");
        assert_eq!(r[1].cells, vec!["E1".to_string(), "李娜".to_string()]);
        assert_eq!(r[1].row, 2);
    }

    #[test]
    fn one_bad_byte_in_utf8_is_refused_not_read_as_gbk() {
        let mut bytes = "工号,姓名\nE1,李娜\nE2,王芳\n".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice("\nE3,张伟\n".as_bytes());
        let e = rows_of(&bytes, "csv").unwrap_err();
        assert_eq!(e.row, Some(4));
        assert!(
            e.message.contains("the file is UTF-8 but byte 0xFF"),
            "{}",
            e.message
        );
        assert!(e.message.contains("line 4"), "{}", e.message);
    }

    #[test]
    fn the_delimiter_is_the_one_that_gives_rows_one_width() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            sniff_delimiter("Umfrage, 2026\nID;Name;Wörter\n1;x;\"calm,kind\"\n2;y;bold\n"),
            b';'
        );
        assert_eq!(
            sniff_delimiter("subject_id,adjectives\nS1,calm;kind;wise;bold;\nS2,shy;\n"),
            b','
        );
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("title only\n"), b',');
    }

    #[test]
    fn records_split_like_rfc_4180() {
        assert_eq!(
            split_record("a, \"b,c\" ,\"say \"\"hi\"\"\",", ','),
            vec!["a", "b,c", "say \"hi\"", ""]
        );
        let (r, _) = rows_of(b"id,note\nE1,\"two\nlines\"\nE2,x\n", "csv").unwrap();
        assert_eq!(r[1].cells[1], "two\nlines");
        assert_eq!(
            (r[1].row, r[2].row),
            (2, 3),
            "a cell over two lines is one row"
        );
        // a quote inside an unquoted cell is a literal character, not an opening
        let (r, _) = rows_of(
            "id,name,dept\nE1,王\"小明,客服部\nE2,李娜,财务部\n".as_bytes(),
            "csv",
        )
        .unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].cells[1], "王\"小明");
        assert_eq!(r[2].cells[0], "E2");
        // an opened quote that never closes is refused with its row
        let e = rows_of(b"id,name\nE1,\"open\nE2,x\n", "csv").unwrap_err();
        assert_eq!(e.row, Some(2));
    }

    #[test]
    fn rows_keep_their_real_numbers_past_blank_lines() {
        let (r, _) = rows_of(b"\n\nid,name\n\nE1,x\n", "csv").unwrap();
        assert_eq!(r.iter().map(|t| t.row).collect::<Vec<_>>(), vec![3, 5]);
        // one Latin-1 byte in a UTF-8 file: refused, never read as GBK mojibake
        let mut b = "工号,姓名\nE1,李娜\nE2,Ren".as_bytes().to_vec();
        b.push(0xe9);
        b.extend_from_slice("e\nE3,王芳\n".as_bytes());
        let e = rows_of(&b, "csv").unwrap_err();
        assert!(
            e.message
                .contains("the file is UTF-8 but byte 0xE9 on line 3"),
            "{}",
            e.message
        );
    }
}

#[cfg(test)]
mod bomb_tests {
    use super::*;
    use std::io::Write;

    fn zip_with(part: &str, body: &[u8]) -> tempfile::NamedTempFile {
        let f = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
        let mut z = zip::ZipWriter::new(f.reopen().unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file(part, opts).unwrap();
        z.write_all(body).unwrap();
        z.finish().unwrap();
        f
    }

    #[test]
    fn too_many_cell_formats_or_shared_strings_are_refused_before_parsing() {
        let styles = format!(
            "<styleSheet><cellXfs>{}</cellXfs></styleSheet>",
            "<xf/>".repeat(70_000)
        );
        let f = zip_with("xl/styles.xml", styles.as_bytes());
        let e = check_zip(f.path()).unwrap_err();
        assert!(
            e.message.contains("more than 65000 cell formats"),
            "{}",
            e.message
        );
        let ok = zip_with(
            "xl/styles.xml",
            b"<styleSheet><cellXfs><xf/><xf/></cellXfs></styleSheet>",
        );
        assert!(check_zip(ok.path()).is_ok());
    }
}
