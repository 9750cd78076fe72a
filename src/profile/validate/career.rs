//! Checks the career fields: ladder, rungs, target, and the marks against the rung
//! standards.

use super::{Ctx, LoadOptions};
use crate::profile::catalog;
use crate::profile::ladder::Ladder;
use crate::profile::model::*;
use crate::profile::raw::{RawCareer, RawTarget, Text};

/// Checks `career`: the ladder, the rungs, the target and the assessment.
pub(super) fn career(c: &mut Ctx, rc: RawCareer, opts: &LoadOptions) -> Option<Career> {
    let today = opts.today;
    let level_word = rc.level.as_ref().map(|t| t.0.clone());
    let ladder = ladder_of(c, rc.track.as_ref(), level_word.as_deref(), opts)?;
    let level = level_word
        .as_deref()
        .and_then(|w| rung(c, opts, ladder, "career.level", w));
    let mut career = Career {
        track: ladder.id.clone(),
        level,
        since: None,
        target_level: None,
        target_by_age: None,
        target_by_year: None,
        assessment: Vec::new(),
    };
    if let Some(marks) = rc.assessment {
        career.assessment = assessment(c, ladder, level, marks);
    }
    if let Some(s) = rc.since {
        if s < 1900 || s > today.year as i64 {
            c.err(
                "career.since",
                crate::msg!("validate.since", year = s),
                crate::msg!("validate.since.help", today = today.year),
            );
        } else {
            career.since = Some(s as i32);
        }
    }
    if let Some(t) = rc.target {
        target(c, t, opts, ladder, &mut career);
    }
    Some(career)
}

/// The ladder named by `career.track`, or, without one, the only ladder that has the
/// rung `level`; `None` (and said) otherwise.
fn ladder_of<'l>(
    c: &mut Ctx,
    track: Option<&Text>,
    level_word: Option<&str>,
    opts: &LoadOptions<'l>,
) -> Option<&'l Ladder> {
    match track {
        Some(t) => match opts.ladders.get(&t.0) {
            Ok(l) => Some(l),
            Err(near) => {
                let ids = opts.ladders.ids();
                let help = match near {
                    Some(n) => crate::msg!("validate.track.near", near = n, ladders = ids),
                    None => crate::msg!("validate.track.list", ladders = ids),
                };
                c.err(
                    "career.track",
                    crate::msg!("validate.track", text = t.0),
                    help,
                );
                None
            }
        },
        // no track: infer it from the rung when exactly one ladder has that rung
        None => {
            let word = level_word?;
            let hits: Vec<_> = opts
                .ladders
                .all
                .iter()
                .filter(|l| l.rung(word).is_ok())
                .collect();
            if hits.len() != 1 {
                c.err(
                    "career.level",
                    crate::msg!("validate.level.no_track"),
                    crate::msg!("validate.level.no_track.help", ladders = opts.ladders.ids()),
                );
                return None;
            }
            Some(hits[0])
        }
    }
}

/// The rung `word` of `ladder` at `path`; `None` (and said, naming the ladder it
/// belongs to when it is another's) when the ladder has no such rung.
fn rung(c: &mut Ctx, opts: &LoadOptions, ladder: &Ladder, path: &str, word: &str) -> Option<usize> {
    match ladder.rung(word) {
        Ok(i) => Some(i),
        Err(near) => {
            let valid: Vec<String> = ladder
                .rungs
                .iter()
                .map(|r| format!("{} ({})", r.id, r.title.zh))
                .collect();
            // a rung of another ladder: say which one it belongs to
            let other = opts
                .ladders
                .all
                .iter()
                .find(|l| l.id != ladder.id && l.rung(word).is_ok());
            let rungs = valid.join(", ");
            let help = match (other, near) {
                (Some(o), _) => crate::msg!(
                    "validate.rung.other",
                    word = word,
                    other = o.id,
                    other_name = crate::base::lang::pick(&o.name.zh, &o.name.en),
                    ladder = ladder.id,
                    rungs = rungs
                ),
                (None, Some(n)) => {
                    crate::msg!(
                        "validate.rung.near",
                        near = n,
                        ladder = ladder.id,
                        rungs = rungs
                    )
                }
                (None, None) => {
                    crate::msg!("validate.rung.list", ladder = ladder.id, rungs = rungs)
                }
            };
            c.err(
                path,
                crate::msg!("validate.rung", word = word, ladder = ladder.id),
                help,
            );
            None
        }
    }
}

/// Checks `career.target`: a rung not below the current one, and an age or a year.
fn target(c: &mut Ctx, t: RawTarget, opts: &LoadOptions, ladder: &Ladder, career: &mut Career) {
    let today = opts.today;
    career.target_level = t
        .level
        .as_ref()
        .and_then(|w| rung(c, opts, ladder, "career.target.level", &w.0));
    if let (Some(cur), Some(tgt)) = (career.level, career.target_level) {
        if tgt < cur {
            c.err(
                "career.target.level",
                crate::msg!("validate.target.below"),
                crate::msg!("validate.target.below.help"),
            );
        }
    }
    match (t.by_age, t.by_year) {
        (Some(_), Some(_)) => c.err(
            "career.target.by_year",
            crate::msg!("validate.target.both"),
            crate::msg!("validate.keep_one"),
        ),
        (Some(a), None) if !(16..=80).contains(&a) => c.err(
            "career.target.by_age",
            crate::msg!("validate.target.age", age = a),
            crate::msg!("validate.target.age.help"),
        ),
        (Some(a), None) => career.target_by_age = Some(a as u32),
        (None, Some(y)) if y < today.year as i64 || y > today.year as i64 + 60 => c.err(
            "career.target.by_year",
            crate::msg!(
                "validate.target.year",
                year = y,
                from = today.year,
                to = today.year + 60
            ),
            crate::msg!("validate.target.year.help"),
        ),
        (None, Some(y)) => career.target_by_year = Some(y as i32),
        (None, None) => {}
    }
}

/// Checks `career.assessment`: every key a standard of the current or the next rung,
/// every mark one of the allowed words. Returns them in the ladder's order.
pub(super) fn assessment(
    c: &mut Ctx,
    ladder: &crate::profile::ladder::Ladder,
    level: Option<usize>,
    marks: std::collections::BTreeMap<String, crate::profile::raw::RawMark>,
) -> Vec<Assessment> {
    let mut out: Vec<(usize, usize, Assessment)> = Vec::new();
    let Some(level) = level else {
        if !marks.is_empty() {
            c.err(
                "career.assessment",
                crate::msg!("validate.assessment.no_level"),
                crate::msg!("validate.assessment.no_level.help"),
            );
        }
        return Vec::new();
    };
    let rung_ids = |i: usize| -> String {
        ladder
            .rungs
            .get(i)
            .map(|r| {
                r.standards
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    let next = (level + 1 < ladder.rungs.len()).then_some(level + 1);
    for (id, m) in marks {
        let path = format!("career.assessment.{id}");
        let Some((ri, _)) = ladder.standard(&id) else {
            let all = ladder
                .rungs
                .iter()
                .flat_map(|r| r.standards.iter().map(|s| s.id.as_str()));
            let mine = ladder.rungs[level]
                .standards
                .iter()
                .chain(next.map_or(&[][..], |n| &ladder.rungs[n].standards[..]))
                .map(|s| s.id.as_str());
            let near = catalog::nearest(&id, mine.clone().chain(all));
            let list: Vec<&str> = mine.collect();
            let here = list.join(", ");
            let help = match (near, list.is_empty()) {
                (_, true) => crate::msg!("validate.standard.none", ladder = ladder.id),
                (Some(n), false) => {
                    crate::msg!("validate.standard.near", near = n, standards = here)
                }
                (None, false) => crate::msg!("validate.standard.list", standards = here),
            };
            c.err_key(
                &path,
                crate::msg!("validate.standard", id = id, ladder = ladder.id),
                help,
            );
            continue;
        };
        if ri != level && Some(ri) != next {
            c.err_key(
                &path,
                crate::msg!(
                    "validate.standard.rung",
                    id = id,
                    rung = ladder.rungs[ri].id,
                    current = ladder.rungs[level].id
                ),
                crate::msg!(
                    "validate.standard.rung.help",
                    current = ladder.rungs[level].id,
                    standards = rung_ids(level),
                    next = next
                        .map(|n| crate::msg!(
                            "validate.standard.rung.next",
                            rung = ladder.rungs[n].id,
                            standards = rung_ids(n)
                        ))
                        .unwrap_or_default()
                ),
            );
            continue;
        }
        let mark = |c: &mut Ctx, key: &str, t: Option<Text>| -> Option<Mark> {
            let t = t?;
            let w = t.0.trim();
            if w.is_empty() {
                return None;
            }
            match Mark::parse(w) {
                Some(m) => Some(m),
                None => {
                    let near = catalog::nearest(
                        &w.to_lowercase(),
                        ["towards", "meets", "exceeds", "待提高", "达到", "超出"],
                    );
                    c.err(
                        &format!("{path}.{key}"),
                        crate::msg!("validate.mark", text = w),
                        match near {
                            Some(n) => crate::msg!("validate.mark.near", near = n),
                            None => crate::msg!("validate.mark.list"),
                        },
                    );
                    None
                }
            }
        };
        let self_mark = mark(c, "self", m.self_);
        let manager = mark(c, "manager", m.manager);
        let evidence = c.text(&format!("{path}.evidence"), m.evidence);
        let k = ladder.rungs[ri]
            .standards
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(0);
        out.push((
            ri,
            k,
            Assessment {
                id,
                self_mark,
                manager,
                evidence,
            },
        ));
    }
    out.sort_by_key(|(r, k, _)| (*r, *k));
    out.into_iter().map(|(_, _, a)| a).collect()
}
