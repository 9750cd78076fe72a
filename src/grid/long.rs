//! The long layout: one row per standard under a header row, the rung's cells
//! (职级, 职级名称, 典型年龄 …) merged down over its standards or repeated, or left
//! blank below the rung's first row as a CSV of merged cells has them.

use super::areas::{area_of, list, unknown_help};
use super::columns::{Columns, Field, Lang};
use super::draft::{
    nothing, split_label, weight, years, Draft, DraftRung, DraftStandard, Skip, Texts,
};
use super::place::{At, GridError, Read};
use crate::tables::TableRow;

/// Reads the rows below the header into a draft; the problems found, by cell.
pub fn read(rows: &[TableRow], cols: &Columns) -> (Draft, Vec<GridError>) {
    let mut r = Reader {
        cols,
        draft: Draft {
            age_col: cols.of(Field::Age),
            ..Draft::default()
        },
        errors: Vec::new(),
        current: None,
        category: None,
    };
    for t in rows {
        r.row(t);
    }
    (r.draft, r.errors)
}

struct Reader<'a> {
    cols: &'a Columns,
    draft: Draft,
    errors: Vec<GridError>,
    /// The rung of the row above.
    current: Option<usize>,
    /// The category of the standard above, in the current rung: `Some(None)` when
    /// it was refused (the rows it covers are not refused again).
    category: Option<Option<&'static str>>,
}

/// A row's cell at `col`, trimmed ("" when the row is shorter).
fn cell(t: &TableRow, col: Option<usize>) -> &str {
    col.and_then(|c| t.cells.get(c)).map_or("", |s| s.trim())
}

/// Whether the row is a note under or inside the table: one cell, starting with
/// 注 / 说明 / 备注 / Note.
fn is_note(t: &TableRow) -> bool {
    let filled: Vec<&String> = t.cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let lower = filled.first().map(|c| c.trim().to_lowercase());
    filled.len() == 1
        && lower.is_some_and(|c| {
            ["注", "说明", "备注", "※", "*", "note", "notes"]
                .iter()
                .any(|p| c.starts_with(p))
        })
}

/// Whether every filled cell of the row holds the same text (a title merged across).
pub fn is_title(t: &TableRow) -> bool {
    let mut filled = t.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let Some(first) = filled.next() else {
        return false;
    };
    let rest: Vec<&str> = filled.collect();
    !rest.is_empty() && rest.iter().all(|c| *c == first)
}

impl Reader<'_> {
    fn at(&self, t: &TableRow, col: usize) -> At {
        At { row: t.row, col }
    }

    fn err(&mut self, at: At, message: String, help: String) {
        self.errors.push(GridError::at(at, message, help));
    }

    /// A text field in both languages from its columns.
    fn texts(&self, t: &TableRow, f: Field) -> Texts {
        let mut out = Texts::default();
        for lang in [Lang::Zh, Lang::En] {
            if let Some(col) = self.cols.text(f, lang) {
                let v = cell(t, Some(col));
                if !nothing(v) {
                    out.set(lang, v, self.at(t, col));
                }
            }
        }
        out
    }

    fn row(&mut self, t: &TableRow) {
        if let Some(col) = t.oversized {
            let at = self.at(t, col);
            self.err(
                at,
                crate::msg!("grid.cell_long", max = crate::tables::MAX_CELL),
                crate::msg!("grid.cell_long.help"),
            );
            return;
        }
        if Columns::recognise(t).is_some() {
            self.draft.skipped.push((t.row, Skip::RepeatedHeader));
            return;
        }
        if is_note(t) {
            self.draft.skipped.push((t.row, Skip::Note));
            return;
        }
        if is_title(t) {
            self.draft.skipped.push((t.row, Skip::Title));
            return;
        }
        self.family(t);
        let std_fields = [
            Field::Category,
            Field::Item,
            Field::Weight,
            Field::Text,
            Field::Id,
        ];
        let has_standard = self
            .cols
            .used
            .iter()
            .any(|c| std_fields.contains(&c.field) && !nothing(cell(t, Some(c.col))));
        let Some(rung) = self.rung(t) else {
            if has_standard {
                let col = self
                    .cols
                    .of(Field::Level)
                    .or(self
                        .cols
                        .used
                        .iter()
                        .find(|c| c.field == Field::Title)
                        .map(|c| c.col))
                    .unwrap_or(0);
                let at = self.at(t, col);
                self.err(
                    at,
                    crate::msg!("grid.no_rung"),
                    crate::msg!("grid.no_rung.help"),
                );
            } else {
                self.draft.skipped.push((t.row, Skip::Title));
            }
            return;
        };
        if rung != self.current.unwrap_or(usize::MAX) {
            self.category = None;
        }
        self.current = Some(rung);
        if has_standard {
            let before = self.errors.len();
            self.standard(t, rung);
            if self.errors.len() > before {
                self.draft.rungs[rung].refused += 1;
            }
        } else {
            self.draft.skipped.push((t.row, Skip::RungOnly));
        }
    }

    /// The family: the same on every row that has it.
    fn family(&mut self, t: &TableRow) {
        let texts = self.texts(t, Field::Family);
        for (lang, r) in texts.each() {
            let have = match lang {
                Lang::Zh => &self.draft.family.zh,
                Lang::En => &self.draft.family.en,
            };
            match have {
                None => self.draft.family.set(lang, &r.value, r.at),
                Some(h) if h.value != r.value => {
                    let (first, row) = (h.value.clone(), h.at.row);
                    self.err(
                        r.at,
                        crate::msg!(
                            "grid.two_families",
                            first = crate::base::term::escape(&first),
                            second = crate::base::term::escape(&r.value)
                        ),
                        crate::msg!("grid.two_families.help", row = row),
                    );
                }
                Some(_) => {}
            }
        }
    }

    /// The rung of the row: found by its code (else its title) among those read, or
    /// new; the row above's when the row has neither.
    fn rung(&mut self, t: &TableRow) -> Option<usize> {
        let level_col = self.cols.of(Field::Level);
        let mut code = cell(t, level_col).to_string();
        let mut title = self.texts(t, Field::Title);
        if nothing(&code) {
            code.clear();
        }
        if !self.cols.has(Field::Title) && !code.is_empty() {
            // no title column: `P3 高级工程师` in the level cell is both
            let at = self.at(t, level_col.unwrap_or(0));
            let (c, ti) = split_label(&code);
            if let Some(ti) = ti {
                title = Texts::guessed(&ti, at);
            }
            code = c.unwrap_or_default();
        }
        if code.is_empty() && title.is_empty() {
            return self.current;
        }
        let fold = crate::profile::catalog::normalise;
        let found = if !code.is_empty() {
            self.draft.rungs.iter().position(|r| {
                r.code
                    .as_ref()
                    .is_some_and(|c| fold(&c.value) == fold(&code))
            })
        } else {
            self.draft.rungs.iter().position(|r| {
                r.code.is_none()
                    && title.each().any(|(lang, x)| {
                        let have = match lang {
                            Lang::Zh => &r.title.zh,
                            Lang::En => &r.title.en,
                        };
                        have.as_ref()
                            .is_some_and(|h| fold(&h.value) == fold(&x.value))
                    })
            })
        };
        let i = found.unwrap_or_else(|| {
            let first = level_col
                .filter(|_| !code.is_empty())
                .map(|c| self.at(t, c))
                .or_else(|| title.each().next().map(|(_, r)| r.at));
            self.draft.rungs.push(DraftRung {
                first,
                code: (!code.is_empty()).then(|| Read {
                    value: code.clone(),
                    at: self.at(t, level_col.unwrap_or(0)),
                }),
                ..DraftRung::default()
            });
            self.draft.rungs.len() - 1
        });
        self.rung_cells(t, i, &title);
        Some(i)
    }

    /// The rung's own cells on this row: set when first met, the same after.
    fn rung_cells(&mut self, t: &TableRow, i: usize, title: &Texts) {
        let shown = self.draft.rungs[i].shown();
        for (f, texts) in [
            (Field::Title, title.clone()),
            (Field::Requires, self.texts(t, Field::Requires)),
            (Field::Expectations, self.texts(t, Field::Expectations)),
        ] {
            for (lang, r) in texts.each() {
                let rung = &mut self.draft.rungs[i];
                let slot = match f {
                    Field::Title => &mut rung.title,
                    Field::Requires => &mut rung.requires,
                    _ => &mut rung.expectations,
                };
                let have = match lang {
                    Lang::Zh => &slot.zh,
                    Lang::En => &slot.en,
                };
                match have {
                    None => slot.set(lang, &r.value, r.at),
                    Some(h) if h.value != r.value => {
                        let row = h.at.row;
                        self.conflict(r.at, &shown, f, row);
                    }
                    Some(_) => {}
                }
            }
        }
        for f in [Field::Age, Field::MinYears] {
            let Some(col) = self.cols.of(f) else { continue };
            let v = cell(t, Some(col));
            if nothing(v) {
                continue;
            }
            let at = self.at(t, col);
            let Some(n) = years(v) else {
                self.err(
                    at,
                    crate::msg!("grid.not_years", text = crate::base::term::escape(v)),
                    crate::msg!("grid.not_years.help"),
                );
                continue;
            };
            let rung = &mut self.draft.rungs[i];
            let slot = if f == Field::Age {
                &mut rung.age
            } else {
                &mut rung.min_years
            };
            match slot {
                None => *slot = Some(Read { value: n, at }),
                Some(h) if h.value != n => {
                    let row = h.at.row;
                    self.conflict(at, &shown, f, row);
                }
                Some(_) => {}
            }
        }
    }

    fn conflict(&mut self, at: At, rung: &str, f: Field, row: usize) {
        self.err(
            at,
            crate::msg!(
                "grid.rung_conflict",
                rung = rung,
                what = f.role(),
                row = row
            ),
            crate::msg!("grid.rung_conflict.help"),
        );
    }

    /// The standard of a row.
    fn standard(&mut self, t: &TableRow, rung: usize) {
        let text = self.texts(t, Field::Text);
        if text.is_empty() {
            let col = self
                .cols
                .text(Field::Text, Lang::Zh)
                .or(self.cols.text(Field::Text, Lang::En))
                .unwrap_or(0);
            let at = self.at(t, col);
            self.err(
                at,
                crate::msg!("grid.text_empty"),
                crate::msg!("grid.text_empty.help"),
            );
            return;
        }
        let Some(area) = self.category(t) else {
            return;
        };
        let weight = match self.cols.of(Field::Weight) {
            Some(col) if !nothing(cell(t, Some(col))) => {
                let v = cell(t, Some(col));
                let at = self.at(t, col);
                match weight(v) {
                    Some(w) => Some(Read { value: w, at }),
                    None => {
                        self.err(
                            at,
                            crate::msg!("grid.weight_text", text = crate::base::term::escape(v)),
                            crate::msg!("grid.weight_text.help"),
                        );
                        return;
                    }
                }
            }
            _ => None,
        };
        let item = self.texts(t, Field::Item);
        let id = self.cols.of(Field::Id).and_then(|col| {
            let v = cell(t, Some(col));
            (!nothing(v)).then(|| Read {
                value: v.to_string(),
                at: self.at(t, col),
            })
        });
        let key = item.zh.clone().or(item.en.clone());
        self.draft.rungs[rung].standards.push(DraftStandard {
            row: t.row,
            id,
            area,
            item,
            key,
            weight,
            text,
        });
    }

    /// The row's category as an area: its own cell, else the standard above's in the
    /// same rung (a merged category saved as CSV).
    fn category(&mut self, t: &TableRow) -> Option<&'static str> {
        let col = self.cols.of(Field::Category);
        let v = cell(t, col);
        if nothing(v) {
            if self.category.is_none() {
                let at = self.at(t, col.unwrap_or(0));
                self.err(
                    at,
                    crate::msg!("grid.no_category"),
                    crate::msg!("grid.no_category.help", list = list()),
                );
            }
            return self.category.flatten();
        }
        let at = self.at(t, col.unwrap_or(0));
        match area_of(v) {
            Some(a) => {
                self.category = Some(Some(a));
                Some(a)
            }
            None => {
                self.category = Some(None);
                let help = unknown_help(v);
                self.err(
                    at,
                    crate::msg!("grid.category", text = crate::base::term::escape(v)),
                    help,
                );
                None
            }
        }
    }
}
