//! A draft read from a grid made into a ladder: rungs ordered (by level number when
//! every rung has one), ids made stable from the ladder, the rung and the item, ages
//! checked or filled in, weights read as percent; every problem with its cell.

use super::draft::{slug, Draft, DraftRung, Texts};
use super::place::{At, GridError};
use super::Options;
use crate::profile::ladder::{Bilingual, Ladder, Rung, Standard};

/// Most rungs of a ladder and most standards of a rung (as a ladder file allows).
const MAX_RUNGS: usize = 12;
const MAX_STANDARDS: usize = 30;
/// Typical ages filled in when the grid has none: from this age, in steps.
const FIRST_AGE: u32 = 22;

/// A ladder made from a grid, and what the report says of it.
#[derive(Debug)]
pub struct Built {
    /// The ladder.
    pub ladder: Ladder,
    /// Whether the rungs were put in the order of their level numbers.
    pub by_number: bool,
    /// The typical ages filled in, when the grid has none.
    pub filled_ages: Option<Vec<u32>>,
}

/// Makes the ladder, or says every problem by cell.
pub fn build(d: Draft, o: &Options, sheet: Option<&str>) -> Result<Built, Vec<GridError>> {
    let mut errors = Vec::new();
    let mut rungs = d.rungs;
    if rungs.is_empty() {
        return Err(vec![GridError::whole(
            crate::msg!("grid.no_rungs"),
            Some(crate::msg!("grid.no_rungs.help")),
        )]);
    }
    for r in &rungs {
        if r.standards.is_empty() && r.refused == 0 {
            errors.push(GridError::at(
                r.first.unwrap_or(At { row: 1, col: 0 }),
                crate::msg!("grid.rung_empty", rung = r.shown()),
                crate::msg!("grid.rung_empty.help"),
            ));
        }
        if r.standards.len() > MAX_STANDARDS {
            errors.push(GridError::at(
                r.first.unwrap_or(At { row: 1, col: 0 }),
                crate::msg!(
                    "grid.many_standards",
                    rung = r.shown(),
                    n = r.standards.len()
                ),
                crate::msg!("ladder.many_standards.help"),
            ));
        }
    }
    if rungs.len() > MAX_RUNGS {
        errors.push(GridError::whole(
            crate::msg!("ladder.many_rungs", n = rungs.len()),
            Some(crate::msg!("ladder.many_rungs.help")),
        ));
    }
    let by_number = by_level_number(&mut rungs);
    let ids = rung_ids(&rungs, &mut errors);
    let (ages, filled_ages) = ages(&rungs, d.age_col, &mut errors);
    let scale = weight_scale(&rungs);
    let mut out_rungs = Vec::new();
    let mut std_ids: Vec<(String, At)> = Vec::new();
    for (i, r) in rungs.iter().enumerate() {
        let standards = standards(o, &ids[i], r, scale, &mut std_ids, &mut errors);
        if let Some(m) = &r.min_years {
            if m.value > 30 {
                errors.push(GridError::at(
                    m.at,
                    crate::msg!("ladder.min_years", n = m.value),
                    crate::msg!("ladder.min_years.help"),
                ));
            }
        }
        let code = r.code.as_ref().map_or("", |c| c.value.as_str());
        out_rungs.push(Rung {
            id: ids[i].clone(),
            title: r
                .title
                .bilingual()
                .unwrap_or_else(|| Bilingual::new(code, code)),
            typical_age: ages[i],
            expectations: r.expectations.bilingual(),
            min_years: r.min_years.as_ref().map(|m| m.value),
            requires: r.requires.bilingual(),
            standards,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let name = match &o.name {
        Some(n) => Texts::guessed(n, At { row: 0, col: 0 }).bilingual(),
        None => d.family.bilingual(),
    }
    .or_else(|| sheet.and_then(|s| Texts::guessed(s, At { row: 0, col: 0 }).bilingual()))
    .unwrap_or_else(|| Bilingual::new(o.id.as_str(), o.id.as_str()));
    Ok(Built {
        ladder: Ladder {
            id: o.id.clone(),
            kind: o.kind(),
            name,
            rungs: out_rungs,
        },
        by_number,
        filled_ages,
    })
}

/// Puts the rungs in the order of their level numbers when every rung has a
/// different one; returns whether it did.
fn by_level_number(rungs: &mut [DraftRung]) -> bool {
    let numbers: Option<Vec<Vec<u32>>> = rungs.iter().map(DraftRung::number).collect();
    let Some(numbers) = numbers else {
        return false;
    };
    let mut sorted = numbers.clone();
    sorted.sort();
    sorted.dedup();
    if sorted.len() != numbers.len() {
        return false;
    }
    let mut keyed: Vec<(Vec<u32>, DraftRung)> =
        numbers.into_iter().zip(rungs.iter().cloned()).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    for (slot, (_, r)) in rungs.iter_mut().zip(keyed) {
        *slot = r;
    }
    true
}

/// Whether `s` is already a rung id as a ladder file writes them (`staff`,
/// `team-lead`, `associate_senior`): kept as it is, so that an exported ladder
/// imports back with the same ids.
fn is_id(s: &str) -> bool {
    s.len() <= 40
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Each rung's id: its code when that is an id already, else made from its code,
/// else from its title (English first); unique.
fn rung_ids(rungs: &[DraftRung], errors: &mut Vec<GridError>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (i, r) in rungs.iter().enumerate() {
        let from = r
            .code
            .as_ref()
            .or(r.title.en.as_ref())
            .or(r.title.zh.as_ref())
            .map_or(String::new(), |c| {
                if is_id(&c.value) {
                    c.value.clone()
                } else {
                    slug(&c.value, 40)
                }
            });
        let id = match from.chars().next() {
            None => format!("rung{}", i + 1),
            Some(c) if c.is_ascii_digit() => format!("l{from}"),
            Some(_) => from,
        };
        if let Some(j) = ids.iter().position(|x| *x == id) {
            errors.push(GridError::at(
                r.first.unwrap_or(At { row: 1, col: 0 }),
                crate::msg!(
                    "grid.rung_twice",
                    id = crate::base::term::escape(&id),
                    other = rungs[j].shown()
                ),
                crate::msg!("grid.rung_twice.help"),
            ));
        }
        ids.push(id);
    }
    ids
}

/// The rungs' typical ages: as the grid gives them (every rung one, rising, 14–80),
/// or filled in from 22 up when the grid has none (and then also returned).
fn ages(
    rungs: &[DraftRung],
    age_col: Option<usize>,
    errors: &mut Vec<GridError>,
) -> (Vec<u32>, Option<Vec<u32>>) {
    if rungs.iter().all(|r| r.age.is_none()) {
        let step = if rungs.len() <= 7 { 5 } else { 3 };
        let filled: Vec<u32> = (0..rungs.len() as u32)
            .map(|i| FIRST_AGE + i * step)
            .collect();
        return (filled.clone(), Some(filled));
    }
    let mut out = Vec::new();
    let mut prev: Option<(u32, String)> = None;
    for r in rungs {
        let Some(age) = &r.age else {
            let first = r.first.unwrap_or(At { row: 1, col: 0 });
            errors.push(GridError::at(
                At {
                    row: first.row,
                    col: age_col.unwrap_or(first.col),
                },
                crate::msg!("grid.age_missing", rung = r.shown()),
                crate::msg!("grid.age_missing.help"),
            ));
            out.push(0);
            continue;
        };
        if !(14..=80).contains(&age.value) {
            errors.push(GridError::at(
                age.at,
                crate::msg!("ladder.age_range", id = r.shown(), age = age.value),
                crate::msg!("ladder.age_range.help"),
            ));
        }
        if let Some((p, shown)) = &prev {
            if age.value <= *p {
                errors.push(GridError::at(
                    age.at,
                    crate::msg!(
                        "grid.age_order",
                        rung = r.shown(),
                        age = age.value,
                        prev = shown,
                        prev_age = p
                    ),
                    crate::msg!("grid.age_order.help"),
                ));
            }
        }
        prev = Some((age.value, r.shown()));
        out.push(age.value);
    }
    (out, None)
}

/// What a plain weight is multiplied by: 100 when every plain weight of the grid is
/// at most 1 (fractions, as Excel stores `30%`), else 1 (percent already).
fn weight_scale(rungs: &[DraftRung]) -> f64 {
    let mut plain = rungs
        .iter()
        .flat_map(|r| &r.standards)
        .filter_map(|s| s.weight.as_ref())
        .filter(|w| !w.value.percent)
        .peekable();
    if plain.peek().is_some() && plain.all(|w| w.value.value <= 1.0) {
        100.0
    } else {
        1.0
    }
}

/// A rung's standards with their ids, weights in percent and areas.
fn standards(
    o: &Options,
    rung_id: &str,
    r: &DraftRung,
    scale: f64,
    std_ids: &mut Vec<(String, At)>,
    errors: &mut Vec<GridError>,
) -> Vec<Standard> {
    let mut out = Vec::new();
    let mut keys: Vec<(String, usize)> = Vec::new();
    let mut per_area: Vec<(&str, usize)> = Vec::new();
    for s in &r.standards {
        let text_at = s
            .text
            .each()
            .next()
            .map_or(At { row: s.row, col: 0 }, |(_, t)| t.at);
        let id = if let Some(id) = &s.id {
            id.value.clone()
        } else if let Some(key) = &s.key {
            let k = slug(&key.value, 40);
            if let Some((_, row)) = keys.iter().find(|(x, _)| *x == k) {
                errors.push(GridError::at(
                    key.at,
                    crate::msg!(
                        "grid.item_twice",
                        item = crate::base::term::escape(&key.value),
                        rung = r.shown(),
                        row = row
                    ),
                    crate::msg!("grid.item_twice.help"),
                ));
                continue;
            }
            keys.push((k.clone(), s.row));
            format!("{}_{rung_id}_{k}", o.id)
        } else {
            let n = match per_area.iter_mut().find(|(a, _)| *a == s.area) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    per_area.push((s.area, 1));
                    1
                }
            };
            format!("{}_{rung_id}_{}_{n}", o.id, s.area)
        };
        let at = s.id.as_ref().map_or(text_at, |i| i.at);
        if let Some((_, first)) = std_ids.iter().find(|(x, _)| *x == id) {
            errors.push(GridError::at(
                at,
                crate::msg!(
                    "grid.id_twice",
                    id = crate::base::term::escape(&id),
                    row = first.row
                ),
                crate::msg!("grid.id_twice.help"),
            ));
        }
        std_ids.push((id.clone(), at));
        let weight = s.weight.as_ref().and_then(|w| {
            let pct = if w.value.percent {
                w.value.value
            } else {
                w.value.value * scale
            };
            let pct = (pct * 100.0).round() / 100.0;
            if pct > 0.0 && pct <= 100.0 {
                Some(pct)
            } else {
                errors.push(GridError::at(
                    w.at,
                    crate::msg!("ladder.weight", n = pct),
                    crate::msg!("ladder.weight.help"),
                ));
                None
            }
        });
        let Some(text) = s.text.bilingual() else {
            continue;
        };
        out.push(Standard {
            id,
            area: s.area.to_string(),
            item: s.item.bilingual(),
            weight,
            text,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::place::Read;

    fn rung(code: Option<&str>, title: &str, row: usize) -> DraftRung {
        let at = At { row, col: 1 };
        DraftRung {
            first: Some(at),
            code: code.map(|c| Read {
                value: c.to_string(),
                at,
            }),
            title: Texts::guessed(title, At { row, col: 2 }),
            ..DraftRung::default()
        }
    }

    #[test]
    fn rung_ids_keep_ids_and_make_the_rest() {
        let rungs = [
            rung(Some("P3"), "高级", 2),
            rung(Some("3"), "三", 3),
            rung(Some("team-lead"), "Team lead", 4),
            rung(None, "Senior Engineer", 5),
            rung(None, "高级工程师", 6),
        ];
        let mut errors = Vec::new();
        let ids = rung_ids(&rungs, &mut errors);
        assert_eq!(
            ids,
            ["p3", "l3", "team-lead", "senior_engineer", "高级工程师"]
        );
        assert!(errors.is_empty());
        let twice = [rung(Some("P1"), "甲", 2), rung(Some("p-1"), "乙", 7)];
        let ids = rung_ids(&twice, &mut errors);
        assert_eq!(ids, ["p1", "p-1"]);
        let clash = [rung(Some("P1"), "甲", 2), rung(Some("p1 "), "乙", 7)];
        rung_ids(&clash, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].at, Some(At { row: 7, col: 1 }));
    }

    #[test]
    fn rungs_go_by_level_number_only_when_every_rung_has_its_own() {
        let mut rungs = vec![
            rung(Some("P10"), "a", 2),
            rung(Some("P9"), "b", 3),
            rung(Some("P2"), "c", 4),
        ];
        assert!(by_level_number(&mut rungs));
        let codes: Vec<&str> = rungs
            .iter()
            .map(|r| r.code.as_ref().unwrap().value.as_str())
            .collect();
        assert_eq!(codes, ["P2", "P9", "P10"]);
        let mut same = vec![rung(Some("P2"), "a", 2), rung(Some("T2"), "b", 3)];
        assert!(!by_level_number(&mut same));
        let mut none = vec![rung(Some("P2"), "a", 2), rung(None, "b", 3)];
        assert!(!by_level_number(&mut none));
        assert_eq!(
            none[0].code.as_ref().unwrap().value,
            "P2",
            "the order stays"
        );
    }

    #[test]
    fn ages_are_filled_in_only_when_the_grid_has_none() {
        let mut errors = Vec::new();
        let rungs = vec![rung(Some("P1"), "a", 2), rung(Some("P2"), "b", 3)];
        let (given, filled) = ages(&rungs, None, &mut errors);
        assert_eq!((given, filled), (vec![22, 27], Some(vec![22, 27])));
        let mut some = rungs.clone();
        some[0].age = Some(Read {
            value: 30,
            at: At { row: 2, col: 3 },
        });
        let (_, filled) = ages(&some, Some(3), &mut errors);
        assert_eq!(filled, None);
        assert_eq!(errors.len(), 1, "P2 has no age");
        assert_eq!(errors[0].at, Some(At { row: 3, col: 3 }));
    }
}
