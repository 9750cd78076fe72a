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
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(ext.as_str(), "xlsx" | "xlsm") {
        read_xlsx(path, each)?;
        return Ok("XLSX");
    }
    let enc = detect_encoding(path)?;
    read_text(path, enc, each)?;
    Ok(enc.name())
}

fn open(path: &Path) -> Result<std::fs::File, TableError> {
    std::fs::File::open(path).map_err(|e| TableError::whole(format!("cannot read: {e}")))
}

/// Decides the encoding of the whole file in one streaming pass: a BOM, else UTF-8
/// when every byte is valid UTF-8, else GBK when every byte is valid GBK; otherwise
/// the file is refused, naming the line of the first bad byte in each reading.
pub fn detect_encoding(path: &Path) -> Result<TextEncoding, TableError> {
    let mut r = BufReader::with_capacity(64 * 1024, open(path)?);
    let head = r
        .fill_buf()
        .map_err(|e| TableError::whole(format!("cannot read: {e}")))?;
    if head.starts_with(b"\xef\xbb\xbf") {
        if let Some((line, byte)) = first_bad_utf8(path)? {
            return Err(bad_bytes(line, byte, "UTF-8 (it starts with a UTF-8 BOM)"));
        }
        return Ok(TextEncoding::Utf8Bom);
    }
    if head.starts_with(b"\xff\xfe") {
        return Ok(TextEncoding::Utf16Le);
    }
    if head.starts_with(b"\xfe\xff") {
        return Ok(TextEncoding::Utf16Be);
    }
    let Some((u_line, u_byte)) = first_bad_utf8(path)? else {
        return Ok(TextEncoding::Utf8);
    };
    match first_bad_gbk(path)? {
        None => Ok(TextEncoding::Gbk),
        Some((g_line, _)) => Err(TableError {
            row: Some(u_line),
            message: format!(
                "the file is neither UTF-8 (byte 0x{u_byte:02X} on line {u_line} is not valid UTF-8) nor GBK (line {g_line} is not valid GBK); save it again as \"CSV UTF-8\""
            ),
        }),
    }
}

fn bad_bytes(line: usize, byte: u8, what: &str) -> TableError {
    TableError {
        row: Some(line),
        message: format!(
            "byte 0x{byte:02X} on line {line} is not valid {what}; save the file again as \"CSV UTF-8\""
        ),
    }
}

/// Line and value of the first byte that is not valid UTF-8, streaming.
fn first_bad_utf8(path: &Path) -> Result<Option<(usize, u8)>, TableError> {
    let mut r = open(path)?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut line = 1usize;
    loop {
        let n = r
            .read(&mut buf)
            .map_err(|e| TableError::whole(format!("cannot read: {e}")))?;
        let mut chunk = std::mem::take(&mut carry);
        chunk.extend_from_slice(&buf[..n]);
        if chunk.is_empty() {
            return Ok(None);
        }
        match std::str::from_utf8(&chunk) {
            Ok(_) => line += chunk.iter().filter(|b| **b == b'\n').count(),
            Err(e) => {
                let good = &chunk[..e.valid_up_to()];
                let here = line + good.iter().filter(|b| **b == b'\n').count();
                match e.error_len() {
                    Some(_) => return Ok(Some((here, chunk[e.valid_up_to()]))),
                    None if n == 0 => return Ok(Some((here, chunk[e.valid_up_to()]))),
                    None => {
                        line = here;
                        carry = chunk[e.valid_up_to()..].to_vec();
                    }
                }
            }
        }
        if n == 0 {
            return Ok(None);
        }
    }
}

/// Line of the first malformed GBK sequence, streaming.
fn first_bad_gbk(path: &Path) -> Result<Option<(usize, u8)>, TableError> {
    let mut r = open(path)?;
    let mut dec = encoding_rs::GBK.new_decoder_without_bom_handling();
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = String::with_capacity(128 * 1024);
    let mut line = 1usize;
    loop {
        let n = r
            .read(&mut buf)
            .map_err(|e| TableError::whole(format!("cannot read: {e}")))?;
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
            f.fill_buf()
                .map_err(|e| TableError::whole(format!("cannot read: {e}")))?;
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
    // The delimiter: tabs for Excel's Unicode text, else whatever the first line uses.
    let head = reader
        .fill_buf()
        .map_err(|e| TableError::whole(format!("cannot read: {e}")))?;
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let tabs = first_line.iter().filter(|b| **b == b'\t').count();
    let commas = first_line.iter().filter(|b| **b == b',').count();
    let delimiter = if matches!(enc, TextEncoding::Utf16Le | TextEncoding::Utf16Be) || tabs > commas
    {
        b'\t'
    } else {
        b','
    };
    // Records are read line by line (a quoted cell may span lines), so that row
    // numbers are the real line numbers, blank lines included.
    let mut line_no = 0usize;
    let mut line = String::new();
    loop {
        let mut record = String::new();
        let mut start = 0usize;
        let mut quotes = 0usize;
        loop {
            line.clear();
            let n = reader.read_line(&mut line).map_err(|e| TableError {
                row: Some(line_no + 1),
                message: if e.kind() == std::io::ErrorKind::InvalidData {
                    "the text is not valid UTF-8".to_string()
                } else {
                    format!("cannot read: {e}")
                },
            })?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if start == 0 {
                start = line_no;
            }
            quotes += line.bytes().filter(|b| *b == b'"').count();
            record.push_str(&line);
            if quotes.is_multiple_of(2) {
                break;
            }
        }
        if start == 0 {
            return Ok(());
        }
        let record = record.trim_end_matches(['\n', '\r']);
        let t = TableRow {
            row: start,
            cells: split_record(record, delimiter as char),
        };
        if !t.is_blank() && each(t).is_break() {
            return Ok(());
        }
    }
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
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
        TableError::whole(format!(
            "this is not an Excel .xlsx workbook (cannot open it as a zip archive: {e})"
        ))
    })?;
    if zip.len() > 10_000 {
        return Err(TableError::whole(format!(
            "the workbook has {} parts; an .xlsx roster has a few dozen",
            zip.len()
        )));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| TableError::whole(format!("the workbook is damaged: {e}")))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        if part.size() > MAX_XLSX_PART {
            return Err(too_big(&name, part.size()));
        }
        // the declared size may lie: count what really comes out, up to the cap
        let n = std::io::copy(
            &mut (&mut part).take(MAX_XLSX_PART + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| TableError::whole(format!("the workbook is damaged ({name}): {e}")))?;
        if n > MAX_XLSX_PART {
            return Err(too_big(&name, n));
        }
        total += n;
        if total > MAX_XLSX_TOTAL {
            return Err(TableError::whole(format!(
                "the workbook inflates to more than {} MiB; careerbook reads rosters up to that size (split the roster, or save it as CSV)",
                MAX_XLSX_TOTAL / (1024 * 1024)
            )));
        }
    }
    Ok(())
}

fn too_big(name: &str, size: u64) -> TableError {
    TableError::whole(format!(
        "the workbook part {name} inflates to {} MiB or more; careerbook reads parts up to {} MiB (a roster this large should be saved as CSV; a small file that inflates this much is not a real roster)",
        size / (1024 * 1024),
        MAX_XLSX_PART / (1024 * 1024)
    ))
}

fn read_xlsx(
    path: &Path,
    each: &mut dyn FnMut(TableRow) -> ControlFlow<()>,
) -> Result<(), TableError> {
    use calamine::{open_workbook, DataRef, Reader, Xlsx};
    check_zip(path)?;
    let mut wb: Xlsx<_> = open_workbook(path)
        .map_err(|e| TableError::whole(format!("cannot open the workbook: {e}")))?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| TableError::whole("the workbook has no sheet"))?;
    let merges = wb.merge_cells_by_sheet_id(0).unwrap_or_default();
    if merges.len() > 100_000 {
        return Err(TableError::whole(format!(
            "the first sheet has {} merged ranges; unmerge the cells and save again",
            merges.len()
        )));
    }
    let mut cells = wb
        .worksheet_cells_reader(&name)
        .map_err(|e| TableError::whole(format!("cannot read the first sheet: {e}")))?;
    let dim = cells.dimensions();
    let claimed = (u64::from(dim.end.0.saturating_sub(dim.start.0)) + 1)
        * (u64::from(dim.end.1.saturating_sub(dim.start.1)) + 1);
    if claimed > MAX_CELLS && dim.end != (0, 0) {
        return Err(TableError::whole(format!(
            "the first sheet's used range is {}{}:{}{} ({claimed} cells); careerbook reads at most {MAX_CELLS} cells. A stray cell far outside the table does this: press Ctrl+End in Excel to find it, delete those rows and columns, and save again",
            column_letters(dim.start.1 as usize),
            dim.start.0 + 1,
            column_letters(dim.end.1 as usize),
            dim.end.0 + 1
        )));
    }
    // values of merged ranges, taken from their top-left cell as rows go by
    let mut merged_values: std::collections::HashMap<(u32, u32), String> =
        std::collections::HashMap::new();
    let mut current = TableRow::default();
    let mut current_row: Option<u32> = None;
    let mut seen = 0u64;
    let mut emit = |mut t: TableRow,
                    r: u32,
                    merged_values: &mut std::collections::HashMap<(u32, u32), String>|
     -> ControlFlow<()> {
        for m in merges.iter().filter(|m| (m.start.0..=m.end.0).contains(&r)) {
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
        let cell = cells.next_cell().map_err(|e| TableError {
            row: current_row.map(|r| r as usize + 1),
            message: format!("cannot read the first sheet: {e}"),
        })?;
        let Some(cell) = cell else { break };
        seen += 1;
        if seen > MAX_CELLS {
            return Err(TableError::whole(format!(
                "the first sheet has more than {MAX_CELLS} cells; split the roster or save it as CSV"
            )));
        }
        let (r, c) = cell.get_position();
        if current_row != Some(r) {
            if let Some(prev) = current_row {
                let t = std::mem::take(&mut current);
                if emit(t, prev, &mut merged_values).is_break() {
                    return Ok(());
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
    Ok(())
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
        assert!(e.message.contains("neither UTF-8"), "{}", e.message);
        assert!(e.message.contains("line 4"), "{}", e.message);
    }

    #[test]
    fn records_split_like_rfc_4180() {
        assert_eq!(
            split_record("a, \"b,c\" ,\"say \"\"hi\"\"\",", ','),
            vec!["a", "b,c", "say \"hi\"", ""]
        );
        let (r, _) = rows_of(b"id,note\nE1,\"two\nlines\"\nE2,x\n", "csv").unwrap();
        assert_eq!(r[1].cells[1], "two\nlines");
        assert_eq!((r[1].row, r[2].row), (2, 4));
    }

    #[test]
    fn rows_keep_their_real_numbers_past_blank_lines() {
        let (r, _) = rows_of(b"\n\nid,name\n\nE1,x\n", "csv").unwrap();
        assert_eq!(r.iter().map(|t| t.row).collect::<Vec<_>>(), vec![3, 5]);
    }
}
