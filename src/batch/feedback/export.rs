//! One survey export (CSV, TSV or XLSX) read in one pass: the first rows held until
//! the mapping is told from them, then every row turned into an answer — its subject
//! matched to an employee, its picks read, its identity linked — or skipped with the
//! reason counted.

use super::columns::{self, Mapping, Override, Picks, Refusal};
use super::employees::{self, Employees};
use super::merge::Merge;
use super::report::{FileReport, Skip};
use super::words;
use crate::tables::{column_letters, TableRow};
use std::ops::ControlFlow;
use std::path::Path;

/// Reads one table, adding its answers to `merge`; the mapping, or why there is none.
pub fn read(
    path: &Path,
    report: &mut FileReport,
    employees: Option<&Employees>,
    given: &Override,
    merge: &mut Merge,
) -> Result<Mapping, String> {
    let shown = report.path.clone();
    let mut held: Vec<TableRow> = Vec::new();
    let mut mapping: Option<Mapping> = None;
    let mut refused: Option<Refusal> = None;
    let decide = |held: &mut Vec<TableRow>| -> Result<Mapping, Refusal> {
        let at = columns::header_row(held).ok_or(Refusal::NoHeader)?;
        let rows = held.split_off(at + 1);
        let header = held.pop().ok_or(Refusal::NoHeader)?;
        let m = columns::decide(&header, &rows, employees, given);
        *held = rows;
        m
    };
    let res = crate::tables::read_rows(path, &mut |t: TableRow| {
        if let Some(m) = &mapping {
            answer(m, &t, report, employees, merge);
            return ControlFlow::Continue(());
        }
        held.push(t);
        if held.len() < columns::HEADER_ROWS + columns::SAMPLE_ROWS {
            return ControlFlow::Continue(());
        }
        match decide(&mut held) {
            Ok(m) => {
                for t in std::mem::take(&mut held) {
                    answer(&m, &t, report, employees, merge);
                }
                mapping = Some(m);
                ControlFlow::Continue(())
            }
            Err(r) => {
                refused = Some(r);
                ControlFlow::Break(())
            }
        }
    });
    if let Err(e) = res {
        return Err(match e.row {
            Some(r) => format!("{shown}:row {r}: {}", e.message),
            None => format!("{shown}: {}", e.message),
        });
    }
    if let Some(r) = refused {
        return Err(r.say(&shown));
    }
    let m = match mapping {
        Some(m) => m,
        None => {
            let m = decide(&mut held).map_err(|r| r.say(&shown))?;
            for t in std::mem::take(&mut held) {
                answer(&m, &t, report, employees, merge);
            }
            m
        }
    };
    report.identity = !m.identity.is_empty();
    report.finish();
    Ok(m)
}

/// One data row.
fn answer(
    m: &Mapping,
    t: &TableRow,
    report: &mut FileReport,
    employees: Option<&Employees>,
    merge: &mut Merge,
) {
    report.rows += 1;
    let width = m.headers.len().max(1);
    if let Some(c) = t.oversized {
        let at = report.at(t.row, c);
        report.skip(
            Skip::CellLong,
            Some(crate::msg!(
                "fb.cell_long",
                at = at,
                max = crate::tables::MAX_CELL
            )),
        );
        return;
    }
    if t.cells.len() > width && t.cells[width..].iter().any(|c| !c.is_empty()) {
        let line = crate::msg!(
            "fb.row_wide",
            at = format!("{}:row {}", report.path, t.row),
            cells = t.cells.len(),
            width = width
        );
        report.skip(Skip::RowWide, Some(line));
        return;
    }
    let get = |k: usize| t.cells.get(k).map_or("", |c| c.as_str());
    let subject = match employees::subject(get(m.subject), employees) {
        Ok(s) => s,
        Err(why) => {
            let line = match why {
                Skip::SharedName => Some(crate::msg!(
                    "fb.shared_name",
                    at = report.at(t.row, m.subject)
                )),
                Skip::Conflict => {
                    Some(crate::msg!("fb.conflict", at = report.at(t.row, m.subject)))
                }
                _ => None,
            };
            if why == Skip::NotEmployee {
                report.not_employee(&employees::fold(get(m.subject)));
            } else {
                report.skip(why, line);
            }
            return;
        }
    };
    let mask = match &m.picks {
        Picks::Column(c) => {
            let w = words::read_cell(get(*c));
            if w.other {
                report.other(t.row, *c);
            }
            for u in &w.unknown {
                report.unlisted(u, t.row, *c);
            }
            w.mask
        }
        Picks::Options(o) => o
            .iter()
            .filter(|(c, _)| words::ticked(get(*c)))
            .fold(0u64, |mask, (_, k)| mask | (1 << k)),
    };
    if mask == 0 {
        report.skip(Skip::NoAdjective, None);
        return;
    }
    merge.answer(&subject, m.identity.iter().map(|c| get(*c)), mask);
    report.used += 1;
}

/// The one-line mapping (column letters only: a header could hold anything).
pub fn mapping_line(m: &Mapping, path: &str) -> String {
    let picks = match &m.picks {
        Picks::Column(c) => crate::msg!("fb.layout.column", col = column_letters(*c)),
        Picks::Options(o) => crate::msg!("fb.layout.per_option", n = o.len()),
    };
    let how = match m.found {
        columns::Found::ById => crate::msg!("fb.layout.by_id"),
        columns::Found::ByName => crate::msg!("fb.layout.by_name"),
        columns::Found::ByHeader => crate::msg!("fb.layout.by_header"),
        columns::Found::Given => crate::msg!("fb.layout.given"),
        columns::Found::Format => crate::msg!("fb.layout.format"),
    };
    let raters = if m.identity.is_empty() {
        crate::msg!("fb.no_rater_column")
    } else {
        crate::msg!(
            "fb.rater_column",
            cols = m
                .identity
                .iter()
                .map(|i| column_letters(*i))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    crate::msg!(
        "fb.layout",
        path = path,
        tool = m.tool.name(),
        picks = picks,
        col = column_letters(m.subject),
        how = how,
        raters = raters
    )
}
