//! The HR overview of a batch run: overview.csv (long format, for spreadsheets) and
//! overview.html (self-contained, inline SVG charts). Raters never appear; blind-spot
//! traits are shown as counts only, and only for departments large enough not to point
//! at a person.

use super::{Failure, Report};
use crate::analysis::{Leaning, Position};
use crate::catalog::{self, by_id};
use crate::figure::{color, fit, Anchor, Figure};
use crate::workbook::Block;
use serde::Serialize;
use std::collections::BTreeMap;

/// Stem of the overview's file names (`_overview.html`, `_overview-2-of-8.csv`):
/// no employee's file can be named so, because output names never start with `_`.
pub const FILE_STEM: &str = "_overview";

/// Fewest people (with enough raters) a department needs before its blind-spot
/// traits are shown.
pub const MIN_GROUP: usize = 5;

/// Headcount of one department × ladder × rung.
#[derive(Debug, Serialize)]
pub struct Head {
    department: String,
    track: String,
    level: String,
    count: usize,
}

/// Ladder positions of one department.
#[derive(Debug, Serialize, Default)]
pub struct Positions {
    department: String,
    ahead: usize,
    on_track: usize,
    behind: usize,
    unknown: usize,
    behind_people: Vec<String>,
}

/// How often one need was chosen.
#[derive(Debug, Serialize)]
pub struct NeedCount {
    id: &'static str,
    label: String,
    top: usize,
    next: usize,
}

/// A person whose needs lean against their ladder.
#[derive(Debug, Serialize)]
pub struct Mismatch {
    who: String,
    department: String,
    track: String,
    leaning: &'static str,
}

/// Blind-spot traits of one department.
#[derive(Debug, Serialize)]
pub struct Blind {
    department: String,
    people: usize,
    shown: bool,
    traits: Vec<(String, usize)>,
}

/// Readiness for the next rung of one department × ladder × rung: how many people
/// the manager marks as meeting every standard of the next rung. Suppressed (not
/// shown) when fewer than [`MIN_GROUP`] people stand behind it.
#[derive(Debug, Serialize)]
pub struct Ready {
    department: String,
    track: String,
    level: String,
    people: usize,
    shown: bool,
    ready: Option<usize>,
}

/// This cycle's progress of one department: actions by status, reviews held and
/// due, and people who moved a trait from blind to open since the last cycle. Hidden
/// when fewer than [`MIN_GROUP`] people stand behind it.
#[derive(Debug, Serialize, Default)]
pub struct DeptProgress {
    department: String,
    people: usize,
    shown: bool,
    done: usize,
    in_progress: usize,
    planned: usize,
    dropped: usize,
    overdue: usize,
    reviews_held: usize,
    reviews_due: usize,
    with_previous: usize,
    blind_to_open: usize,
}

/// Everything the overview shows.
#[derive(Debug, Serialize)]
pub struct Overview {
    date: String,
    total: usize,
    ok: usize,
    failed: usize,
    skipped: usize,
    min_group: usize,
    headcount: Vec<Head>,
    positions: Vec<Positions>,
    position_chart: Block,
    needs: Vec<NeedCount>,
    needs_chart: Block,
    mismatches: Vec<Mismatch>,
    blind: Vec<Blind>,
    enough_raters: usize,
    too_few_raters: usize,
    too_few_people: Vec<String>,
    readiness: Vec<Ready>,
    progress: Vec<DeptProgress>,
    failures: Vec<Failure>,
}

impl Serialize for Failure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Failure", 2)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("reason", &self.reason)?;
        st.end()
    }
}

fn dept(d: &str) -> String {
    if d.is_empty() {
        "—".into()
    } else {
        d.to_string()
    }
}

/// Aggregates a run.
pub fn build(report: &Report, date: &str) -> Overview {
    let s = &report.summaries;
    let mut head: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut pos: BTreeMap<String, Positions> = BTreeMap::new();
    let mut needs: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut blind: BTreeMap<String, (usize, BTreeMap<&'static str, usize>)> = BTreeMap::new();
    let mut mismatches = Vec::new();
    let mut ready: BTreeMap<(String, String, String), (usize, usize)> = BTreeMap::new();
    let mut progress: BTreeMap<String, DeptProgress> = BTreeMap::new();
    let (mut enough, mut too_few, mut too_few_people) = (0, 0, Vec::new());
    for p in s {
        let d = dept(&p.department);
        *head
            .entry((
                d.clone(),
                p.track.clone().unwrap_or_else(|| "—".into()),
                p.level.clone().unwrap_or_else(|| "—".into()),
            ))
            .or_default() += 1;
        let e = pos.entry(d.clone()).or_insert_with(|| Positions {
            department: d.clone(),
            ..Default::default()
        });
        match p.position {
            Some(Position::Ahead) => e.ahead += 1,
            Some(Position::OnTrack) => e.on_track += 1,
            Some(Position::Behind) => {
                e.behind += 1;
                e.behind_people.push(format!("{} ({})", p.name, p.id));
            }
            None => e.unknown += 1,
        }
        {
            let g = progress.entry(d.clone()).or_insert_with(|| DeptProgress {
                department: d.clone(),
                ..DeptProgress::default()
            });
            g.people += 1;
            g.done += p.progress.done;
            g.in_progress += p.progress.in_progress;
            g.planned += p.progress.planned;
            g.dropped += p.progress.dropped;
            g.overdue += p.overdue;
            g.reviews_held += p.reviews.0;
            g.reviews_due += p.reviews.1;
            g.with_previous += usize::from(p.with_previous);
            g.blind_to_open += usize::from(p.blind_to_open > 0);
        }
        if let Some(r) = p.ready {
            let e = ready
                .entry((
                    d.clone(),
                    p.track.clone().unwrap_or_default(),
                    p.level.clone().unwrap_or_default(),
                ))
                .or_default();
            e.0 += 1;
            e.1 += usize::from(r);
        }
        for n in &p.top_needs {
            needs.entry(n).or_default().0 += 1;
        }
        for n in &p.next_needs {
            needs.entry(n).or_default().1 += 1;
        }
        if let Some(l) = p.mismatch {
            mismatches.push(Mismatch {
                who: format!("{} ({})", p.name, p.id),
                department: d.clone(),
                track: p.track.clone().unwrap_or_default(),
                leaning: match l {
                    Leaning::Administrative => "administrative",
                    Leaning::Technical => "technical",
                    Leaning::Balanced => "balanced",
                },
            });
        }
        if p.enough_raters {
            enough += 1;
            let b = blind.entry(d.clone()).or_default();
            b.0 += 1;
            for t in &p.blind {
                *b.1.entry(t).or_default() += 1;
            }
        } else {
            too_few += 1;
            too_few_people.push(format!("{} ({}) — {}", p.name, p.id, p.raters));
        }
    }
    let mut need_rows: Vec<NeedCount> = needs
        .into_iter()
        .map(|(id, (top, next))| {
            let item = by_id(catalog::NEEDS, id);
            NeedCount {
                id,
                label: format!("{} {}", item.zh, item.en),
                top,
                next,
            }
        })
        .collect();
    need_rows.sort_by(|a, b| {
        (b.top * 2 + b.next)
            .cmp(&(a.top * 2 + a.next))
            .then(a.id.cmp(b.id))
    });
    let blind_rows = blind
        .into_iter()
        .map(|(department, (people, traits))| {
            let shown = people >= MIN_GROUP;
            let mut t: Vec<(String, usize)> = if shown {
                traits
                    .into_iter()
                    .map(|(id, n)| (format!("{} {}", by_id(catalog::ADJECTIVES, id).zh, id), n))
                    .collect()
            } else {
                Vec::new()
            };
            t.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            t.truncate(8);
            Blind {
                department,
                people,
                shown,
                traits: t,
            }
        })
        .collect();
    let positions: Vec<Positions> = pos.into_values().collect();
    Overview {
        date: date.to_string(),
        total: report.total,
        ok: s.len(),
        failed: report.failures.len(),
        skipped: report.skipped,
        min_group: MIN_GROUP,
        headcount: head
            .into_iter()
            .map(|((department, track, level), count)| Head {
                department,
                track,
                level,
                count,
            })
            .collect(),
        position_chart: Block::Figure {
            figure: position_chart(&positions).rounded(),
        },
        positions,
        needs_chart: Block::Figure {
            figure: needs_chart(&need_rows).rounded(),
        },
        needs: need_rows,
        mismatches,
        blind: blind_rows,
        enough_raters: enough,
        too_few_raters: too_few,
        too_few_people,
        readiness: ready
            .into_iter()
            .map(|((department, track, level), (people, n))| {
                let shown = people >= MIN_GROUP;
                Ready {
                    department,
                    track,
                    level,
                    people,
                    shown,
                    ready: shown.then_some(n),
                }
            })
            .collect(),
        progress: progress
            .into_values()
            .map(|mut g| {
                // suppressed after counting: a hidden row shows nothing but its size
                g.shown = g.people >= MIN_GROUP;
                if !g.shown {
                    let (department, people) = (g.department, g.people);
                    g = DeptProgress {
                        department,
                        people,
                        ..DeptProgress::default()
                    };
                }
                g
            })
            .collect(),
        failures: report.failures.clone(),
    }
}

fn position_chart(rows: &[Positions]) -> Figure {
    let rows: Vec<&Positions> = rows.iter().take(30).collect();
    let bar_h = 16.0;
    let mut f = Figure::new(
        640.0,
        34.0 + rows.len() as f64 * (bar_h + 8.0),
        "Ladder positions by department",
    );
    let (left, width) = (150.0, 470.0);
    let legend = [
        ("领先 ahead", color::ACCENT),
        ("正常 on track", "#8fb3de"),
        ("落后 behind", color::WARM),
        ("未知 unknown", color::RULE),
    ];
    for (i, (label, c)) in legend.iter().enumerate() {
        let x = left + i as f64 * 115.0;
        f.rect(x, 4.0, 10.0, 10.0, Some(c), None, false);
        f.text(
            x + 14.0,
            13.0,
            9.0,
            *label,
            Anchor::Start,
            color::MUTED,
            false,
        );
    }
    for (r, p) in rows.iter().enumerate() {
        let y = 26.0 + r as f64 * (bar_h + 8.0);
        let total = (p.ahead + p.on_track + p.behind + p.unknown).max(1) as f64;
        f.text(
            left - 8.0,
            y + 12.0,
            10.0,
            fit(&p.department, 10.0, left - 12.0),
            Anchor::End,
            color::INK,
            false,
        );
        let mut x = left;
        for (n, c) in [
            (p.ahead, color::ACCENT),
            (p.on_track, "#8fb3de"),
            (p.behind, color::WARM),
            (p.unknown, color::RULE),
        ] {
            if n == 0 {
                continue;
            }
            let w = width * n as f64 / total;
            f.rect(x, y, w, bar_h, Some(c), None, false);
            if w > 18.0 {
                f.text(
                    x + w / 2.0,
                    y + 12.0,
                    9.0,
                    n.to_string(),
                    Anchor::Middle,
                    color::WHITE,
                    true,
                );
            }
            x += w;
        }
    }
    f
}

fn needs_chart(rows: &[NeedCount]) -> Figure {
    let rows: Vec<&NeedCount> = rows.iter().take(10).collect();
    let bar_h = 14.0;
    let mut f = Figure::new(
        640.0,
        10.0 + rows.len() as f64 * (bar_h + 8.0),
        "Most chosen needs",
    );
    let max = rows
        .iter()
        .map(|r| r.top + r.next)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let (left, width) = (190.0, 400.0);
    for (i, r) in rows.iter().enumerate() {
        let y = 6.0 + i as f64 * (bar_h + 8.0);
        f.text(
            left - 8.0,
            y + 11.0,
            10.0,
            fit(&r.label, 10.0, left - 12.0),
            Anchor::End,
            color::INK,
            false,
        );
        let wt = width * r.top as f64 / max;
        let wn = width * r.next as f64 / max;
        f.rect(
            left,
            y,
            wt.max(0.5),
            bar_h,
            Some(color::ACCENT),
            None,
            false,
        );
        f.rect(
            left + wt,
            y,
            wn.max(0.5),
            bar_h,
            Some("#8fb3de"),
            None,
            false,
        );
        f.text(
            left + wt + wn + 6.0,
            y + 11.0,
            9.0,
            format!("{} + {}", r.top, r.next),
            Anchor::Start,
            color::MUTED,
            false,
        );
    }
    f
}

/// One CSV cell, quoted when needed and safe to open in Excel: a cell that starts
/// with `=`, `+`, `-`, `@` (also after leading tabs, carriage returns or spaces) or
/// with a tab or CR is prefixed with `'` so that it is shown as text, never run as a
/// formula (OWASP's advice for CSV injection).
pub fn csv_field(s: &str) -> String {
    let first = s.trim_start_matches([' ', '\t', '\r']).chars().next();
    let risky = matches!(first, Some('=' | '+' | '-' | '@')) || s.starts_with(['\t', '\r']);
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// overview.csv: `section,department,key,count`.
pub fn csv(o: &Overview) -> String {
    let mut out = String::from("section,department,key,count\n");
    let mut row = |a: &str, b: &str, c: &str, n: usize| {
        out.push_str(&format!(
            "{},{},{},{}\n",
            csv_field(a),
            csv_field(b),
            csv_field(c),
            n
        ))
    };
    row("run", "", "profiles", o.total);
    row("run", "", "ok", o.ok);
    row("run", "", "failed", o.failed);
    for h in &o.headcount {
        row(
            "headcount",
            &h.department,
            &format!("{}/{}", h.track, h.level),
            h.count,
        );
    }
    for p in &o.positions {
        row("position", &p.department, "ahead", p.ahead);
        row("position", &p.department, "on_track", p.on_track);
        row("position", &p.department, "behind", p.behind);
        row("position", &p.department, "unknown", p.unknown);
    }
    for n in &o.needs {
        row("need_top", "", n.id, n.top);
        row("need_next", "", n.id, n.next);
    }
    for m in &o.mismatches {
        row("track_mismatch", &m.department, &m.who, 1);
    }
    for b in o.blind.iter().filter(|b| b.shown) {
        for (t, n) in &b.traits {
            row("blind_spot", &b.department, t, *n);
        }
    }
    for r in &o.readiness {
        let key = format!("{}/{}", r.track, r.level);
        row("readiness_people", &r.department, &key, r.people);
        if let Some(n) = r.ready {
            row("readiness_ready", &r.department, &key, n);
        }
    }
    for g in o.progress.iter().filter(|g| g.shown) {
        for (k, n) in [
            ("actions_done", g.done),
            ("actions_in_progress", g.in_progress),
            ("actions_planned", g.planned),
            ("actions_dropped", g.dropped),
            ("actions_overdue", g.overdue),
            ("reviews_held", g.reviews_held),
            ("reviews_due", g.reviews_due),
            ("with_previous_cycle", g.with_previous),
            ("people_blind_to_open", g.blind_to_open),
        ] {
            row("progress", &g.department, k, n);
        }
    }
    row("feedback", "", "enough_raters", o.enough_raters);
    row("feedback", "", "too_few_raters", o.too_few_raters);
    for f in &o.failures {
        row("failed", "", &f.source, 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_cells_never_run_as_formulas() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+86 10"), "'+86 10");
        assert_eq!(csv_field("-2"), "'-2");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=cmd"), "'\t=cmd");
        assert_eq!(csv_field("\r=cmd"), "\"'\r=cmd\"");
        assert_eq!(csv_field("  =x"), "'  =x");
        assert_eq!(csv_field("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(csv_field("李娜"), "李娜");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }
}
