//! Ladders from the spreadsheets HR keeps, and back: a qualification grid (任职资格,
//! one row per standard) or a competency matrix (areas down, rungs across) read into a
//! ladder file, with a report of what was read; any ladder written as a long grid to
//! edit in Excel; an empty grid to start from. Files are read as rosters are
//! ([`crate::tables`]: CSV/TSV in UTF-8, GBK or UTF-16, XLSX with its defences).

mod areas;
mod build;
mod columns;
mod draft;
pub mod export;
mod long;
mod matrix;
mod place;
pub mod report;
mod template;

use crate::profile::ladder::{Kind, Ladder};
use crate::tables::TableRow;
use columns::Columns;
use draft::Skip;
use place::{GridError, Where};
use report::{Layout, Report, RungLine};
use std::ops::ControlFlow;
use std::path::Path;

pub use export::{export, ExportFormat};
pub use template::template;

/// Most non-blank rows read from a grid (a ladder has at most 12 × 30 standards).
pub const MAX_ROWS: usize = 3_000;
/// How many leading rows are searched for the header (title and note rows above it).
const HEADER_SEARCH: usize = 20;

/// What `ladders import` is asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The ladder's id (checked with [`check_id`]).
    pub id: String,
    /// Administrative, technical or other (`None`: other, and the report says so).
    pub kind: Option<Kind>,
    /// The sheet of a workbook to read (else the first).
    pub sheet: Option<String>,
    /// The ladder's name (else the family column, else the sheet's name).
    pub name: Option<String>,
}

impl Options {
    /// The kind written.
    pub fn kind(&self) -> Kind {
        self.kind.unwrap_or(Kind::Other)
    }
}

/// A ladder read from a grid.
#[derive(Debug)]
pub struct Imported {
    /// The ladder, as the ladder file written loads.
    pub ladder: Ladder,
    /// The ladder file.
    pub yaml: String,
    /// What was read.
    pub report: Report,
}

/// A ladder id: letters, digits, `_` and `-`, at most 40, in lower case (it names
/// the file and is written as `career.track`).
pub fn check_id(id: &str) -> Result<String, String> {
    let id = id.trim().to_ascii_lowercase();
    let ok = !id.is_empty()
        && id.len() <= 40
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(id)
    } else {
        Err(crate::msg!("grid.id", id = id))
    }
}

/// Reads the grid at `path` (named `shown` in messages) into a ladder. Every problem
/// is returned, rendered with its sheet, row and column; nothing is written here.
pub fn import(path: &Path, shown: &str, o: &Options) -> Result<Imported, String> {
    let (rows, sheets) = rows(path, shown, o.sheet.as_deref())?;
    let no_headers: Vec<String> = Vec::new();
    let at = |headers: &[String], errors: &[GridError]| {
        Where {
            file: shown,
            sheet: sheets.read.as_deref(),
            headers,
        }
        .render(errors)
    };
    let search = &rows[..rows.len().min(HEADER_SEARCH)];
    let (layout, h) = if let Some(h) = search.iter().position(|t| Columns::recognise(t).is_some()) {
        (Layout::Long, h)
    } else if let Some(h) = matrix::find_header(&rows, HEADER_SEARCH) {
        (Layout::Matrix, h)
    } else {
        let e = GridError::whole(
            crate::msg!("grid.no_header", n = search.len()),
            Some(crate::msg!("grid.no_header.help")),
        );
        return Err(at(&no_headers, &[e]));
    };
    let headers = rows[h].cells.clone();
    let Body {
        draft,
        errors,
        columns,
        ignored,
    } = read_body(&rows, h, layout).map_err(|errors| at(&headers, &errors))?;
    let mut skipped = draft.skipped.clone();
    skipped.extend(rows[..h].iter().map(|t| (t.row, Skip::AboveHeader)));
    skipped.extend(blank_rows(&rows[h..]).into_iter().map(|r| (r, Skip::Blank)));
    // the draft's own problems too, so that one run says everything
    let built = match (build::build(draft, o, sheets.read.as_deref()), errors) {
        (Ok(b), errors) if errors.is_empty() => b,
        (Ok(_), errors) => return Err(at(&headers, &errors)),
        (Err(more), mut errors) => {
            errors.extend(more);
            return Err(at(&headers, &errors));
        }
    };
    let yaml = ladder_file(&built.ladder, shown, sheets.read.as_deref());
    let ladder = crate::profile::ladder::parse(&yaml).map_err(|diags| {
        diags
            .iter()
            .map(|d| d.render(&format!("{}.yaml", o.id), Some(&yaml)))
            .collect::<String>()
    })?;
    let report = Report {
        file: shown.to_string(),
        format: sheets.format,
        other_sheets: sheets
            .all
            .iter()
            .filter(|s| Some(*s) != sheets.read.as_ref())
            .cloned()
            .collect(),
        sheet: sheets.read.clone(),
        layout,
        header_row: rows[h].row,
        columns,
        ignored,
        rungs: rung_lines(&ladder),
        by_number: built.by_number,
        skipped,
        warnings: warnings(&ladder, o, built.filled_ages.as_deref()),
    };
    Ok(Imported {
        ladder,
        yaml,
        report,
    })
}

/// What the rows below the header gave: the draft, its problems, the columns used
/// (index, header, role) and those ignored.
struct Body {
    draft: draft::Draft,
    errors: Vec<GridError>,
    columns: Vec<(usize, String, String)>,
    ignored: Vec<(usize, String)>,
}

/// Reads the rows below the header `rows[h]` in `layout`; a long grid's header
/// problems (no category column, a column twice) stop it there.
fn read_body(rows: &[TableRow], h: usize, layout: Layout) -> Result<Body, Vec<GridError>> {
    let headers = &rows[h].cells;
    match layout {
        Layout::Long => {
            let body = &rows[h + 1..];
            let mut cols = Columns::recognise(&rows[h]).unwrap_or_default();
            let errors = header_errors(&mut cols, body);
            if !errors.is_empty() {
                return Err(errors);
            }
            let (draft, errors) = long::read(body, &cols);
            let columns = cols
                .used
                .iter()
                .map(|c| (c.col, headers[c.col].clone(), role(c)))
                .collect();
            Ok(Body {
                draft,
                errors,
                columns,
                ignored: cols.ignored(),
            })
        }
        Layout::Matrix => {
            let (draft, errors) = matrix::read(rows, h);
            let lang = crate::base::lang::current();
            let columns = headers
                .iter()
                .enumerate()
                .filter(|(k, c)| *k == 0 || !c.trim().is_empty())
                .map(|(k, c)| {
                    let role = if k == 0 {
                        "grid.role.areas"
                    } else {
                        "grid.role.rung"
                    };
                    (
                        k,
                        c.clone(),
                        crate::base::messages::text(lang, role).to_string(),
                    )
                })
                .collect();
            Ok(Body {
                draft,
                errors,
                columns,
                ignored: Vec::new(),
            })
        }
    }
}

/// The rungs as the report lists them.
fn rung_lines(l: &Ladder) -> Vec<RungLine> {
    l.rungs
        .iter()
        .map(|r| RungLine {
            id: r.id.clone(),
            title: r.title.given_zh().unwrap_or(&r.title.en).to_string(),
            standards: r.standards.len(),
            weights: r.weight_total(),
        })
        .collect()
}

/// The non-blank rows of the grid (at most [`MAX_ROWS`]) and its sheets. A text
/// table's cells lose the `'` that an export put before `=`, `+`, `-` or `@`.
fn rows(
    path: &Path,
    shown: &str,
    sheet: Option<&str>,
) -> Result<(Vec<TableRow>, crate::tables::Sheets), String> {
    let mut rows = Vec::new();
    let mut too_many = false;
    let sheets = crate::tables::read_sheet_rows(path, sheet, &mut |t| {
        if rows.len() >= MAX_ROWS {
            too_many = true;
            return ControlFlow::Break(());
        }
        rows.push(t);
        ControlFlow::Continue(())
    })
    .map_err(|e| {
        let place = match e.row {
            Some(r) => crate::msg!("grid.at.row", file = shown, row = r),
            None => shown.to_string(),
        };
        crate::base::diag::Diagnostic::new(e.message).render(&place, None)
    })?;
    let whole = |message: String, help: String| {
        let w = Where {
            file: shown,
            sheet: sheets.read.as_deref(),
            headers: &[],
        };
        w.render(&[GridError::whole(message, Some(help))])
    };
    if too_many {
        return Err(whole(
            crate::msg!("grid.too_many_rows", max = MAX_ROWS),
            crate::msg!("grid.too_many_rows.help"),
        ));
    }
    if rows.is_empty() {
        return Err(whole(
            crate::msg!("grid.empty"),
            crate::msg!("grid.no_header.help"),
        ));
    }
    if sheets.format != "XLSX" {
        for c in rows.iter_mut().flat_map(|t| t.cells.iter_mut()) {
            if c.starts_with('\'') && c[1..].starts_with(['=', '+', '-', '@']) {
                c.remove(0);
            }
        }
    }
    Ok((rows, sheets))
}

/// A long grid's header problems: no category column; a field twice in one language.
fn header_errors(cols: &mut Columns, body: &[TableRow]) -> Vec<GridError> {
    let mut errors = Vec::new();
    let row = cols.row;
    if !cols.has(columns::Field::Category) {
        errors.push(GridError::at(
            place::At { row, col: 0 },
            crate::msg!("grid.no_category_column"),
            crate::msg!("grid.no_category_column.help"),
        ));
    }
    for (first, second, field) in cols.resolve(body) {
        errors.push(GridError::at(
            second,
            crate::msg!(
                "grid.column_twice",
                what = field.role(),
                first = first.cell()
            ),
            crate::msg!("grid.column_twice.help"),
        ));
    }
    errors
}

/// The role of a long grid's column, with the language of a text column.
fn role(c: &columns::Column) -> String {
    match c.lang {
        Some(columns::Lang::Zh) => format!("{} (zh)", c.field.role()),
        Some(columns::Lang::En) => format!("{} (en)", c.field.role()),
        None => c.field.role(),
    }
}

/// The blank rows between the header and the last row (gaps in the row numbers).
fn blank_rows(rows: &[TableRow]) -> Vec<usize> {
    rows.windows(2)
        .flat_map(|w| w[0].row + 1..w[1].row)
        .collect()
}

/// The ladder file: a comment saying where it came from, then the ladder.
fn ladder_file(l: &Ladder, shown: &str, sheet: Option<&str>) -> String {
    let from = match sheet {
        Some(s) => format!("{shown}, sheet {s}"),
        None => shown.to_string(),
    };
    let from: String = from.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    format!(
        "# Imported by `careerbook ladders import` from {from}.\n# A text given in one language is shown in both until the other (zh or en) is added.\n{}",
        serde_yaml::to_string(l).unwrap_or_default()
    )
}

/// The warnings of an import: ages filled in, weights that do not add up to 100 %,
/// texts in one language only, the kind left to its default.
fn warnings(l: &Ladder, o: &Options, filled: Option<&[u32]>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(ages) = filled {
        let list: Vec<String> = ages.iter().map(u32::to_string).collect();
        out.push(crate::msg!(
            "grid.warn.ages",
            list = list.join(", "),
            id = o.id
        ));
    }
    for (rung, sum) in l.weights_off() {
        out.push(crate::msg!(
            "grid.warn.weights",
            rung = rung,
            pct = crate::profile::ladder::percent_text(sum)
        ));
    }
    let texts = l
        .rungs
        .iter()
        .flat_map(|r| r.standards.iter().map(|s| &s.text));
    let (no_en, no_zh) = texts.fold((0, 0), |(e, z), t| {
        (
            e + usize::from(t.given_en().is_none()),
            z + usize::from(t.given_zh().is_none()),
        )
    });
    if no_en > 0 {
        out.push(crate::msg!("grid.warn.no_en", n = no_en));
    }
    if no_zh > 0 {
        out.push(crate::msg!("grid.warn.no_zh", n = no_zh));
    }
    if o.kind.is_none() {
        out.push(crate::msg!("grid.warn.kind"));
    }
    out
}
