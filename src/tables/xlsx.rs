//! XLSX workbooks: the archive checked against decompression bombs before any part is
//! parsed, then one sheet read row by row through calamine, merged cells filled.

use super::{column_letters, open, sheet_index, TableError, TableRow, MAX_CELLS, MAX_COLUMNS};
use super::{MAX_XLSX_PART, MAX_XLSX_TOTAL};
use std::io::{BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

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
pub(super) fn read_xlsx_sheet(
    path: &Path,
    sheet: Option<&str>,
    each: &mut dyn FnMut(TableRow) -> ControlFlow<()>,
) -> Result<(String, Vec<String>), TableError> {
    use calamine::{open_workbook, Reader, Xlsx};
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
    check_used_range(cells.dimensions())?;
    let mut merged = Merged::new(merges);
    let mut emit = |mut t: TableRow, r: u32| -> ControlFlow<()> {
        merged.fill(&mut t, r);
        if t.is_blank() {
            ControlFlow::Continue(())
        } else {
            each(t)
        }
    };
    let mut current = TableRow::default();
    let mut current_row: Option<u32> = None;
    let mut seen = 0u64;
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
                if emit(std::mem::take(&mut current), prev).is_break() {
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
        let Some(text) = cell_text(cell.get_value()) else {
            continue;
        };
        if current.cells.len() <= c {
            current.cells.resize(c + 1, String::new());
        }
        current.cells[c] = text;
    }
    if let Some(prev) = current_row {
        let _ = emit(current, prev);
    }
    Ok((name, names))
}

/// Refuses a sheet whose used range claims more than [`MAX_CELLS`] cells.
fn check_used_range(dim: calamine::Dimensions) -> Result<(), TableError> {
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
    Ok(())
}

/// A cell's text as a user sees it (whole numbers without `.0`, dates as ISO days);
/// `None` for an empty cell.
fn cell_text(value: &calamine::DataRef) -> Option<String> {
    use calamine::DataRef;
    Some(match value {
        DataRef::Empty => return None,
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
    })
}

/// Merged ranges, filled as rows go by: every cell of a range takes the value of its
/// top-left cell. Ranges are taken by first row and dropped past their last, so only
/// the ranges covering the current row are held.
struct Merged {
    merges: Vec<calamine::Dimensions>,
    next: usize,
    active: Vec<calamine::Dimensions>,
    values: std::collections::HashMap<(u32, u32), String>,
}

impl Merged {
    fn new(mut merges: Vec<calamine::Dimensions>) -> Merged {
        merges.sort_by_key(|m| (m.start.0, m.start.1));
        Merged {
            merges,
            next: 0,
            active: Vec::new(),
            values: std::collections::HashMap::new(),
        }
    }

    /// Fills the empty cells of row `r` that lie in a merged range.
    fn fill(&mut self, t: &mut TableRow, r: u32) {
        while self.next < self.merges.len() && self.merges[self.next].start.0 <= r {
            self.active.push(self.merges[self.next]);
            self.next += 1;
        }
        self.active.retain(|m| m.end.0 >= r);
        let active = &self.active;
        self.values
            .retain(|k, _| active.iter().any(|m| m.start == *k));
        for m in &self.active {
            let (c0, c1) = (m.start.1 as usize, (m.end.1 as usize).min(MAX_COLUMNS - 1));
            if r == m.start.0 {
                let v = t.cells.get(c0).cloned().unwrap_or_default();
                self.values.insert(m.start, v);
            }
            let v = self.values.get(&m.start).cloned().unwrap_or_default();
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
