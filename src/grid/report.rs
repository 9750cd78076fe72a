//! The short report of an import: the file, sheet and layout read, the columns used
//! by letter, the rungs with their standards (and weights), the rows skipped and why,
//! and the warnings.

use super::draft::Skip;
use crate::tables::column_letters;

/// Which layout a grid has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per standard.
    Long,
    /// Areas down, rungs across.
    Matrix,
}

/// One rung as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct RungLine {
    /// The rung's id.
    pub id: String,
    /// Its title as read.
    pub title: String,
    /// How many standards it has.
    pub standards: usize,
    /// The sum of its weights, when it has any.
    pub weights: Option<f64>,
}

/// What an import read.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The file as given.
    pub file: String,
    /// The format found (`XLSX`, `UTF-8`, `GBK`, …).
    pub format: &'static str,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The workbook's other sheets.
    pub other_sheets: Vec<String>,
    /// The layout.
    pub layout: Layout,
    /// The header row.
    pub header_row: usize,
    /// The columns used: index, header, role.
    pub columns: Vec<(usize, String, String)>,
    /// The columns ignored: index, header.
    pub ignored: Vec<(usize, String)>,
    /// The rungs, lowest first.
    pub rungs: Vec<RungLine>,
    /// Whether the rungs were ordered by their level numbers.
    pub by_number: bool,
    /// The rows skipped and why.
    pub skipped: Vec<(usize, Skip)>,
    /// Warnings: ages filled in, weights that do not add up, a language missing.
    pub warnings: Vec<String>,
}

impl Report {
    /// The report as lines for the terminal.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        let layout = match self.layout {
            Layout::Long => crate::msg!("grid.report.long"),
            Layout::Matrix => crate::msg!("grid.report.matrix"),
        };
        let sheet = self
            .sheet
            .as_ref()
            .map(|s| crate::msg!("grid.at.sheet", sheet = crate::base::term::escape(s)))
            .unwrap_or_default();
        out.push(crate::msg!(
            "grid.report.read",
            file = self.file,
            format = self.format,
            sheet = sheet,
            layout = layout,
            row = self.header_row
        ));
        if !self.other_sheets.is_empty() {
            out.push(crate::msg!(
                "grid.report.sheets",
                list = crate::base::term::escape(&self.other_sheets.join(", "))
            ));
        }
        let cols: Vec<String> = self
            .columns
            .iter()
            .map(|(c, h, role)| format!("{} {} → {role}", column_letters(*c), one_line(h)))
            .collect();
        out.push(crate::msg!("grid.report.columns", list = cols.join(", ")));
        if !self.ignored.is_empty() {
            let ign: Vec<String> = self
                .ignored
                .iter()
                .map(|(c, h)| format!("{} {}", column_letters(*c), one_line(h)))
                .collect();
            out.push(crate::msg!("grid.report.ignored", list = ign.join(", ")));
        }
        out.push(if self.by_number {
            crate::msg!("grid.report.rungs_by_number", n = self.rungs.len())
        } else {
            crate::msg!("grid.report.rungs", n = self.rungs.len())
        });
        for r in &self.rungs {
            let weights = r
                .weights
                .map(|w| {
                    crate::msg!(
                        "grid.report.weights",
                        pct = crate::profile::ladder::percent_text(w)
                    )
                })
                .unwrap_or_default();
            out.push(crate::msg!(
                "grid.report.rung",
                id = crate::base::term::escape(&r.id),
                title = crate::base::term::escape(&r.title),
                n = r.standards,
                weights = weights
            ));
        }
        let skipped = self.skipped_text();
        if !skipped.is_empty() {
            out.push(crate::msg!("grid.report.skipped", list = skipped));
        }
        for w in &self.warnings {
            out.push(crate::msg!("grid.report.warning", text = w));
        }
        out.join("\n")
    }

    /// "rows 1–2 (above the header), row 9 (the header again), …".
    fn skipped_text(&self) -> String {
        let mut reasons: Vec<Skip> = self.skipped.iter().map(|(_, s)| *s).collect();
        reasons.sort();
        reasons.dedup();
        reasons
            .into_iter()
            .map(|why| {
                let mut rows: Vec<usize> = self
                    .skipped
                    .iter()
                    .filter(|(_, s)| *s == why)
                    .map(|(r, _)| *r)
                    .collect();
                rows.sort_unstable();
                let key = match why {
                    Skip::AboveHeader => "grid.skip.above",
                    Skip::Blank => "grid.skip.blank",
                    Skip::RepeatedHeader => "grid.skip.header",
                    Skip::Title => "grid.skip.title",
                    Skip::Note => "grid.skip.note",
                    Skip::RungOnly => "grid.skip.rung_only",
                };
                let why = crate::base::messages::text(crate::base::lang::current(), key);
                let n = rows.len();
                let rows = ranges(&rows);
                if n == 1 {
                    crate::msg!("grid.skip.row", rows = rows, why = why)
                } else {
                    crate::msg!("grid.skip.rows", rows = rows, why = why)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A header's first line, printed on one line.
fn one_line(s: &str) -> String {
    crate::base::term::escape(s.lines().next().unwrap_or("").trim())
}

/// Sorted row numbers as runs: `1–3, 7, 9–10`.
fn ranges(rows: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        out.push(if i == j {
            rows[i].to_string()
        } else {
            format!("{}–{}", rows[i], rows[j])
        });
        i = j + 1;
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_told_as_runs() {
        assert_eq!(ranges(&[1, 2, 3, 7, 9, 10]), "1–3, 7, 9–10");
        assert_eq!(ranges(&[4]), "4");
        assert_eq!(crate::profile::ladder::percent_text(100.0), "100");
        assert_eq!(crate::profile::ladder::percent_text(12.5), "12.5");
        assert_eq!(crate::profile::ladder::percent_text(99.99), "100");
    }
}
