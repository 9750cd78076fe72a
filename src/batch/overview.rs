//! The HR overview of a batch run, made to be shared with department managers:
//! `_overview.html` (self-contained, inline SVG charts) and `_overview.csv` (long
//! format, safe to open in Excel), built from a run's raw counts ([`Tally`]). Every
//! cell that counts people by something personal is suppressed when fewer than the
//! group minimum stand behind it, after all counting, with one more cell suppressed
//! where a row total would give a lone suppressed cell away. Organisational counts
//! (headcount by department and rung) stay. Names appear only in HR's `--named` lists.

use super::overview_chart::{needs_chart, position_chart};
use super::suppress::{coverage, row_cells};
pub use super::tally::Tally;
use super::tally::{Named, PositionCounts};
use super::Failure;
use crate::base::locale::Locale;
use crate::profile::catalog::{self, by_id};
use crate::profile::ladder::Ladders;
use crate::workbook::Block;
use serde::Serialize;

/// Stem of the overview's file names (`_overview.html`, `_overview-2-of-8.csv`):
/// no employee's file can be named so, because output names never start with `_`.
pub const FILE_STEM: &str = "_overview";

pub use crate::base::privacy::{MIN_GROUP, MIN_GROUP_FLOOR};

/// How the overview is made.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    /// Fewest people behind a shown cell (at least [`MIN_GROUP_FLOOR`]).
    pub min_group: usize,
    /// Language of rung titles, need and trait names.
    pub locale: Locale,
    /// Add HR's named lists (who is behind, who leans against their ladder, who has
    /// too few raters). Never for an overview that is shared.
    pub named: bool,
    /// Ladders, for rung titles.
    pub ladders: &'a Ladders,
}

/// Headcount of one department × ladder × rung.
#[derive(Debug, Serialize)]
pub struct Head {
    department: String,
    track: String,
    level: String,
    count: usize,
}

/// Ladder positions of one department (`None`: suppressed).
#[derive(Debug, Serialize, Default)]
pub struct Positions {
    pub(super) department: String,
    pub(super) people: usize,
    pub(super) ahead: Option<usize>,
    pub(super) on_track: Option<usize>,
    pub(super) behind: Option<usize>,
    pub(super) unknown: Option<usize>,
}

/// How often one need was chosen.
#[derive(Debug, Serialize)]
pub struct NeedCount {
    id: String,
    pub(super) label: String,
    pub(super) top: Option<usize>,
    pub(super) next: Option<usize>,
}

/// People of one department whose needs lean against their ladder.
#[derive(Debug, Serialize)]
pub struct Mismatch {
    department: String,
    people: Option<usize>,
}

/// Blind-spot traits of one department.
#[derive(Debug, Serialize)]
pub struct Blind {
    department: String,
    /// People with enough raters (the department's feedback coverage).
    people: Option<usize>,
    shown: bool,
    traits: Vec<(String, usize)>,
}

/// Readiness for the next rung of one department × ladder × rung.
#[derive(Debug, Serialize)]
pub struct Ready {
    department: String,
    track: String,
    level: String,
    people: usize,
    shown: bool,
    ready: Option<usize>,
}

/// This cycle's progress of one department.
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
    blind_to_open: Option<usize>,
    /// Action counts are shown only when at least the group minimum of people have
    /// actions (so that one person's plan is never shown as the department's).
    actions_shown: bool,
}

/// Everything the overview shows.
#[derive(Debug, Serialize)]
pub struct Overview {
    date: String,
    pub lang: &'static str,
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
    enough_raters: Option<usize>,
    too_few_raters: Option<usize>,
    readiness: Vec<Ready>,
    progress: Vec<DeptProgress>,
    named: bool,
    behind_people: Vec<Named>,
    leaning_people: Vec<Named>,
    short_of_raters: Vec<Named>,
    failures: Vec<Failure>,
    feedback_files: Vec<FeedbackFile>,
}

/// A feedback file as the overview shows it: by number, counts only (a file's name
/// could be its rater's; a problem line could quote the file).
#[derive(Debug, Serialize)]
struct FeedbackFile {
    number: usize,
    rows: usize,
    used: usize,
    /// Rows not counted, by why, in words.
    skipped: String,
    /// Whether one person answering twice could be detected.
    identity: bool,
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

fn track_name(ladders: &Ladders, id: &str, loc: Locale) -> String {
    ladders
        .get(id)
        .map(|l| l.name.get(loc).to_string())
        .unwrap_or_else(|_| id.to_string())
}

fn rung_title(ladders: &Ladders, track: &str, level: &str, loc: Locale) -> String {
    ladders
        .get(track)
        .ok()
        .and_then(|l| l.rungs.iter().find(|r| r.id == level))
        .map(|r| r.title.get(loc).to_string())
        .unwrap_or_else(|| level.to_string())
}

/// The overview of a run's counts.
pub fn from_tally(t: &Tally, s: &Settings) -> Overview {
    let k = s.min_group.max(MIN_GROUP_FLOOR).max(t.min_group);
    let loc = s.locale;
    let split = |key: &str| -> (String, String, String) {
        let mut it = key.split('\t');
        let d = it.next().unwrap_or("").to_string();
        let tr = it.next().unwrap_or("").to_string();
        let lv = it.next().unwrap_or("").to_string();
        (d, tr, lv)
    };
    let headcount = t
        .head
        .iter()
        .map(|(key, n)| {
            let (department, tr, lv) = split(key);
            Head {
                department,
                track: if tr == "—" {
                    tr.clone()
                } else {
                    track_name(s.ladders, &tr, loc)
                },
                level: if lv == "—" {
                    lv.clone()
                } else {
                    rung_title(s.ladders, &tr, &lv, loc)
                },
                count: *n,
            }
        })
        .collect();
    let positions: Vec<Positions> = t
        .positions
        .iter()
        .map(|(d, p): (&String, &PositionCounts)| {
            let people = p.people();
            // a group under the minimum shows nothing, zeros included (zeros beside a
            // hidden cell would give it away)
            let c = if people < k {
                vec![None; 4]
            } else {
                row_cells(&[p.ahead, p.on_track, p.behind, p.unknown], k)
            };
            Positions {
                department: d.clone(),
                people,
                ahead: c[0],
                on_track: c[1],
                behind: c[2],
                unknown: c[3],
            }
        })
        .collect();
    // the picks of all needs add up to a known total: suppressed with a neighbour
    let tops = row_cells(&t.needs.values().map(|v| v.0).collect::<Vec<_>>(), k);
    let nexts = row_cells(&t.needs.values().map(|v| v.1).collect::<Vec<_>>(), k);
    let mut needs: Vec<NeedCount> = t
        .needs
        .keys()
        .enumerate()
        .map(|(i, id)| NeedCount {
            id: id.clone(),
            label: catalog::NEEDS
                .iter()
                .find(|n| n.id == id)
                .map_or(id.to_string(), |n| n.label(loc).to_string()),
            top: tops[i],
            next: nexts[i],
        })
        .collect();
    needs.sort_by(|a, b| {
        let score = |n: &NeedCount| n.top.unwrap_or(0) * 2 + n.next.unwrap_or(0);
        score(b).cmp(&score(a)).then(a.id.cmp(&b.id))
    });
    // coverage, in all and by department, hidden together (see `suppress::coverage`)
    let departments: Vec<(&str, usize, usize)> = t
        .positions
        .iter()
        .map(|(d, p)| {
            let people = p.people();
            (d.as_str(), people, t.blind.get(d).map_or(0, |b| b.0))
        })
        .collect();
    let cover = coverage(&departments, k);
    let none = (0, Default::default());
    // every department, so that a row's presence says nothing
    let blind = t
        .positions
        .keys()
        .map(|department| {
            let (people, traits) = t.blind.get(department).unwrap_or(&none);
            let shown = *people >= k;
            let mut tr: Vec<(String, usize)> = if shown {
                traits
                    .iter()
                    // nor the people without the trait a small group
                    .filter(|(_, n)| row_cells(&[**n, people.saturating_sub(**n)], k)[0].is_some())
                    .map(|(id, n)| (by_id(catalog::ADJECTIVES, id).label(loc).to_string(), *n))
                    .collect()
            } else {
                Vec::new()
            };
            tr.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            tr.truncate(8);
            Blind {
                department: department.clone(),
                people: cover.by_department.get(department).copied().flatten(),
                shown,
                traits: tr,
            }
        })
        .collect();
    let readiness = t
        .ready
        .iter()
        .map(|(key, (people, ready))| {
            let (department, tr, lv) = split(key);
            let c = row_cells(&[*ready, people.saturating_sub(*ready)], k);
            let shown = *people >= k && c[0].is_some();
            Ready {
                department,
                track: track_name(s.ladders, &tr, loc),
                level: rung_title(s.ladders, &tr, &lv, loc),
                people: *people,
                shown,
                ready: if shown { c[0] } else { None },
            }
        })
        .collect();
    let progress = t
        .progress
        .iter()
        .map(|(d, g)| {
            let shown = g.people >= k;
            if !shown {
                return DeptProgress {
                    department: d.clone(),
                    people: g.people,
                    ..DeptProgress::default()
                };
            }
            DeptProgress {
                department: d.clone(),
                people: g.people,
                shown,
                done: g.done,
                in_progress: g.in_progress,
                planned: g.planned,
                dropped: g.dropped,
                overdue: g.overdue,
                reviews_held: g.reviews_held,
                reviews_due: g.reviews_due,
                with_previous: g.with_previous,
                // of the people with a previous cycle, shown: the rest is known too
                blind_to_open: row_cells(
                    &[
                        g.blind_to_open,
                        g.with_previous.saturating_sub(g.blind_to_open),
                    ],
                    k,
                )[0],
                actions_shown: g.with_actions >= k,
            }
        })
        .collect();
    // a failure's reason may quote a profile's own words: only HR's named overview
    // shows it; the shared one says where, and that the run log has the details
    let failures: Vec<Failure> = t
        .failure_list()
        .into_iter()
        .map(|f| Failure {
            source: f.source,
            reason: if s.named {
                f.reason
            } else {
                loc.pick("有问题，详见运行日志", "has problems: see the run's log")
                    .to_string()
            },
        })
        .collect();
    Overview {
        date: t.date.clone(),
        lang: loc.tag(),
        total: t.total,
        ok: t.ok,
        failed: failures.len(),
        skipped: t.skipped,
        min_group: k,
        headcount,
        position_chart: Block::Figure {
            figure: position_chart(&positions, loc).rounded(),
        },
        positions,
        needs_chart: Block::Figure {
            figure: needs_chart(&needs).rounded(),
        },
        needs,
        // every department, so that a row's presence says nothing
        mismatches: t
            .positions
            .iter()
            .map(|(d, p)| {
                let people = p.people();
                let n = t.mismatches.get(d).copied().unwrap_or(0);
                Mismatch {
                    department: d.clone(),
                    people: if people < k {
                        None
                    } else {
                        row_cells(&[n, people - n.min(people)], k)[0]
                    },
                }
            })
            .collect(),
        blind,
        enough_raters: cover.enough,
        too_few_raters: cover.too_few,
        readiness,
        progress,
        named: s.named,
        behind_people: if s.named {
            t.behind.clone()
        } else {
            Vec::new()
        },
        leaning_people: if s.named {
            t.leaning.clone()
        } else {
            Vec::new()
        },
        short_of_raters: if s.named {
            t.short_of_raters.clone()
        } else {
            Vec::new()
        },
        failures,
        feedback_files: t
            .feedback
            .iter()
            .map(|f| FeedbackFile {
                number: f.number,
                rows: f.rows,
                used: f.used,
                skipped: crate::batch::feedback::Skip::ALL
                    .iter()
                    .filter_map(|k| f.skipped.get(k).map(|n| format!("{n} {}", k.words_in(loc))))
                    .collect::<Vec<_>>()
                    .join(", ")
                    .chars()
                    .chain(f.skipped.is_empty().then_some('0'))
                    .collect(),
                identity: f.identity,
            })
            .collect(),
    }
}

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

/// `_overview.csv`: `section,department,key,count`; a suppressed cell's count is
/// `suppressed`.
pub fn csv(o: &Overview) -> String {
    let mut out = String::from("section,department,key,count\n");
    let mut row = |a: &str, b: &str, c: &str, n: Option<usize>| {
        out.push_str(&format!(
            "{},{},{},{}\n",
            csv_field(a),
            csv_field(b),
            csv_field(c),
            n.map_or("suppressed".to_string(), |n| n.to_string())
        ))
    };
    row("run", "", "profiles", Some(o.total));
    row("run", "", "ok", Some(o.ok));
    row("run", "", "failed", Some(o.failed));
    for h in &o.headcount {
        row(
            "headcount",
            &h.department,
            &format!("{}/{}", h.track, h.level),
            Some(h.count),
        );
    }
    for p in &o.positions {
        row("position", &p.department, "ahead", p.ahead);
        row("position", &p.department, "on_track", p.on_track);
        row("position", &p.department, "behind", p.behind);
        row("position", &p.department, "unknown", p.unknown);
    }
    for n in &o.needs {
        row("need_top", "", &n.id, n.top);
        row("need_next", "", &n.id, n.next);
    }
    for m in &o.mismatches {
        row("track_mismatch", &m.department, "people", m.people);
    }
    for b in o.blind.iter().filter(|b| b.shown) {
        for (t, n) in &b.traits {
            row("blind_spot", &b.department, t, Some(*n));
        }
    }
    for r in &o.readiness {
        let key = format!("{}/{}", r.track, r.level);
        row("readiness_people", &r.department, &key, Some(r.people));
        row("readiness_ready", &r.department, &key, r.ready);
    }
    for g in &o.progress {
        if !g.shown {
            row("progress", &g.department, "people", Some(g.people));
            continue;
        }
        let a = |n: usize| g.actions_shown.then_some(n);
        for (k, n) in [
            ("actions_done", a(g.done)),
            ("actions_in_progress", a(g.in_progress)),
            ("actions_planned", a(g.planned)),
            ("actions_dropped", a(g.dropped)),
            ("actions_overdue", a(g.overdue)),
            ("reviews_held", Some(g.reviews_held)),
            ("reviews_due", Some(g.reviews_due)),
            ("with_previous_cycle", Some(g.with_previous)),
            ("people_blind_to_open", g.blind_to_open),
        ] {
            row("progress", &g.department, k, n);
        }
    }
    row("feedback", "", "enough_raters", o.enough_raters);
    row("feedback", "", "too_few_raters", o.too_few_raters);
    for b in &o.blind {
        row("feedback", &b.department, "enough_raters", b.people);
    }
    for n in &o.behind_people {
        row("named_behind", &n.department, &n.who, Some(1));
    }
    for n in &o.leaning_people {
        row(
            "named_track_mismatch",
            &n.department,
            &format!("{} {}", n.who, n.detail),
            Some(1),
        );
    }
    for n in &o.short_of_raters {
        row(
            "named_too_few_raters",
            &n.department,
            &n.who,
            n.detail.parse().ok(),
        );
    }
    for f in &o.failures {
        row("failed", "", &f.source, Some(1));
    }
    for f in &o.feedback_files {
        let n = f.number;
        row("feedback_file", "", &format!("file {n} rows"), Some(f.rows));
        row("feedback_file", "", &format!("file {n} used"), Some(f.used));
        row(
            "feedback_file",
            "",
            &format!("file {n} repeat raters detectable"),
            Some(usize::from(f.identity)),
        );
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
