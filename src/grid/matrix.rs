//! The matrix layout of competency matrices: areas down the first column, one rung
//! per further column (`L2 Senior Engineer`), each cell that rung's standards in that
//! area, one per line. Rows labelled like a long grid's rung columns (`Typical age`,
//! `典型年龄`, `Min years`, `Title (zh)`) give the rungs' own values.

use super::areas::{area_of, list, unknown_help};
use super::columns::{recognise, Field, Lang};
use super::draft::{nothing, split_label, years, Draft, DraftRung, DraftStandard, Skip, Texts};
use super::long::is_title;
use super::place::{At, GridError, Read};
use crate::tables::TableRow;

/// Words of the first header cell of a matrix besides a category or item header.
const CORNER: &[&str] = &["competency", "competencies", "领域", "能力素质", "能力"];

/// The index in `rows` of a matrix's header row among the first `search` rows: a row
/// with a corner cell (empty, or a category or competency header) and rung headers to
/// its right, followed by a row whose first cell is an area or a rung value.
pub fn find_header(rows: &[TableRow], search: usize) -> Option<usize> {
    (0..rows.len().min(search)).find(|&i| {
        let t = &rows[i];
        let corner = t.cells.first().map_or("", |c| c.trim());
        let corner_ok = corner.is_empty()
            || matches!(recognise(corner), Some((Field::Category | Field::Item, _)))
            || CORNER.contains(&crate::profile::catalog::normalise(corner).as_str());
        let rungs = t
            .cells
            .iter()
            .skip(1)
            .filter(|c| !c.trim().is_empty())
            .count();
        let below = rows
            .get(i + 1)
            .and_then(|r| r.cells.first())
            .map_or("", |c| c.trim());
        corner_ok
            && rungs >= 1
            && !is_title(t)
            && (area_of(below).is_some() || rung_value(below).is_some())
    })
}

/// A first-column label naming a rung's own value (typical age, title, …).
fn rung_value(label: &str) -> Option<(Field, Option<Lang>)> {
    recognise(label).filter(|(f, _)| f.of_rung() && *f != Field::Family)
}

/// Reads a matrix whose header is `rows[header]`.
pub fn read(rows: &[TableRow], header: usize) -> (Draft, Vec<GridError>) {
    let head = &rows[header];
    let mut draft = Draft::default();
    let mut errors = Vec::new();
    // one rung per headed column; `cols[k]` is the rung of column k, if any
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut cols: Vec<Option<usize>> = vec![None; width.max(head.cells.len())];
    for (k, h) in head.cells.iter().enumerate().skip(1) {
        if h.trim().is_empty() {
            continue;
        }
        let at = At {
            row: head.row,
            col: k,
        };
        let (code, title) = split_label(h);
        draft.rungs.push(DraftRung {
            first: Some(at),
            code: code.map(|value| Read { value, at }),
            title: title.map_or_else(Texts::default, |t| Texts::guessed(&t, at)),
            ..DraftRung::default()
        });
        cols[k] = Some(draft.rungs.len() - 1);
    }
    let mut label: Option<Read<String>> = None;
    for t in &rows[header + 1..] {
        if is_title(t) {
            draft.skipped.push((t.row, Skip::Title));
            continue;
        }
        let first = t.cells.first().map_or("", |c| c.trim());
        if let Some((field, lang)) = rung_value(first) {
            values(t, field, lang, &cols, &mut draft, &mut errors);
            continue;
        }
        if !first.is_empty() {
            label = Some(Read {
                value: first.to_string(),
                at: At { row: t.row, col: 0 },
            });
        }
        let Some(l) = label.clone() else {
            errors.push(GridError::at(
                At { row: t.row, col: 0 },
                crate::msg!("grid.no_area"),
                crate::msg!("grid.no_area.help", list = list()),
            ));
            continue;
        };
        let Some(area) = area_of(&l.value) else {
            for r in cols.iter().flatten() {
                draft.rungs[*r].refused += 1;
            }
            if l.at.row == t.row {
                let help = unknown_help(&l.value);
                errors.push(GridError::at(
                    l.at,
                    crate::msg!("grid.category", text = crate::base::term::escape(&l.value)),
                    help,
                ));
            }
            continue;
        };
        cells(t, area, &l, &cols, &mut draft, &mut errors);
    }
    (draft, errors)
}

/// The standards of one area row, one per line of each cell.
fn cells(
    t: &TableRow,
    area: &'static str,
    label: &Read<String>,
    cols: &[Option<usize>],
    draft: &mut Draft,
    errors: &mut Vec<GridError>,
) {
    // a row label that is more than the area's name is the standards' item
    let bare = crate::profile::ladder::area_id(&label.value).is_some();
    for (k, v) in t.cells.iter().enumerate().skip(1) {
        let at = At { row: t.row, col: k };
        let lines: Vec<&str> = v
            .lines()
            .map(strip_bullet)
            .filter(|l| !nothing(l))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let Some(rung) = cols.get(k).copied().flatten() else {
            errors.push(GridError::at(
                at,
                crate::msg!("grid.no_rung"),
                crate::msg!("grid.no_rung.matrix"),
            ));
            continue;
        };
        let list = &mut draft.rungs[rung].standards;
        for line in lines {
            let n = list
                .iter()
                .filter(|s| s.key.as_ref().is_some_and(|x| x.at == label.at))
                .count();
            list.push(DraftStandard {
                row: t.row,
                id: None,
                area,
                item: if bare {
                    Texts::default()
                } else {
                    Texts::guessed(&label.value, label.at)
                },
                key: Some(Read {
                    value: format!("{} {}", label.value, n + 1),
                    at: label.at,
                }),
                weight: None,
                text: Texts::guessed(line, at),
            });
        }
    }
}

/// A row of rung values: typical ages, years, titles, prerequisites.
fn values(
    t: &TableRow,
    field: Field,
    lang: Option<Lang>,
    cols: &[Option<usize>],
    draft: &mut Draft,
    errors: &mut Vec<GridError>,
) {
    if field == Field::Age {
        draft.age_col = Some(0);
    }
    for (k, v) in t.cells.iter().enumerate().skip(1) {
        let v = v.trim();
        let at = At { row: t.row, col: k };
        let Some(rung) = cols.get(k).copied().flatten() else {
            continue;
        };
        if nothing(v) {
            continue;
        }
        let r = &mut draft.rungs[rung];
        let text = |slot: &mut Texts| match lang {
            Some(l) => slot.set(l, v, at),
            None => {
                let g = Texts::guessed(v, at);
                slot.zh = g.zh.or(slot.zh.take());
                slot.en = g.en.or(slot.en.take());
            }
        };
        match field {
            Field::Age | Field::MinYears => match years(v) {
                Some(n) => {
                    let slot = if field == Field::Age {
                        &mut r.age
                    } else {
                        &mut r.min_years
                    };
                    *slot = Some(Read { value: n, at });
                }
                None => errors.push(GridError::at(
                    at,
                    crate::msg!("grid.not_years", text = crate::base::term::escape(v)),
                    crate::msg!("grid.not_years.help"),
                )),
            },
            Field::Title => text(&mut r.title),
            Field::Requires => text(&mut r.requires),
            Field::Expectations => text(&mut r.expectations),
            _ => {
                r.code = Some(Read {
                    value: v.to_string(),
                    at,
                })
            }
        }
    }
}

/// A line without its bullet or number: `• `, `- `, `1. `, `1、`, `（1）`.
fn strip_bullet(line: &str) -> &str {
    let l = line.trim();
    for b in ["•", "·", "●", "▪", "- ", "* ", "– "] {
        if let Some(rest) = l.strip_prefix(b) {
            return rest.trim();
        }
    }
    let digits = l.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 2 {
        let rest = &l[digits..];
        for sep in [". ", "、", ")", "）"] {
            if let Some(r) = rest.strip_prefix(sep) {
                return r.trim();
            }
        }
    }
    for (open, close) in [("(", ")"), ("（", "）")] {
        if let Some(rest) = l.strip_prefix(open) {
            if let Some(i) = rest.find(close) {
                if rest[..i].chars().all(|c| c.is_ascii_digit()) && i > 0 {
                    return rest[i + close.len()..].trim();
                }
            }
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_numbers_are_dropped() {
        assert_eq!(strip_bullet("• Writes tests"), "Writes tests");
        assert_eq!(strip_bullet("1. Writes tests"), "Writes tests");
        assert_eq!(strip_bullet("2、能独立完成"), "能独立完成");
        assert_eq!(strip_bullet("（3）带教新人"), "带教新人");
        assert_eq!(strip_bullet("2026 plan"), "2026 plan");
        assert_eq!(strip_bullet("-5 % cost"), "-5 % cost");
    }
}
