//! The overview made from a run's raw counts: headcounts, positions, needs, blind
//! spots, readiness and progress by department, each cell suppressed after all
//! counting.

use super::cells::*;
use super::chart::{needs_chart, position_chart};
use super::suppress::{coverage, row_cells};
use super::Settings;
use crate::base::locale::Locale;
use crate::base::privacy::MIN_GROUP_FLOOR;
use crate::batch::tally::{Named, PositionCounts, Tally};
use crate::batch::Failure;
use crate::profile::catalog::{self, by_id};
use crate::profile::ladder::Ladders;
use crate::workbook::Block;

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

/// A tally key's parts: department, ladder, rung (joined by tabs in the tally).
fn split_key(key: &str) -> (String, String, String) {
    let mut it = key.split('\t');
    let d = it.next().unwrap_or("").to_string();
    let tr = it.next().unwrap_or("").to_string();
    let lv = it.next().unwrap_or("").to_string();
    (d, tr, lv)
}

/// The overview of a run's counts.
pub fn from_tally(t: &Tally, s: &Settings) -> Overview {
    let k = s.min_group.max(MIN_GROUP_FLOOR).max(t.min_group);
    let b = Build {
        t,
        s,
        k,
        loc: s.locale,
    };
    let positions = b.positions();
    let needs = b.needs();
    let failures = b.failures();
    let cover = b.coverage();
    Overview {
        date: t.date.clone(),
        lang: b.loc.tag(),
        total: t.total,
        ok: t.ok,
        failed: failures.len(),
        skipped: t.skipped,
        min_group: k,
        headcount: b.headcount(),
        position_chart: Block::Figure {
            figure: position_chart(&positions, b.loc).rounded(),
        },
        positions,
        needs_chart: Block::Figure {
            figure: needs_chart(&needs).rounded(),
        },
        needs,
        mismatches: b.mismatches(),
        blind: b.blind(&cover),
        enough_raters: cover.enough,
        too_few_raters: cover.too_few,
        readiness: b.readiness(),
        progress: b.progress(),
        named: s.named,
        behind_people: b.named_list(&t.behind),
        leaning_people: b.named_list(&t.leaning),
        short_of_raters: b.named_list(&t.short_of_raters),
        failures,
        feedback_files: b.feedback_files(),
    }
}

/// One overview being made: the counts, the settings, the group minimum in force.
struct Build<'a> {
    t: &'a Tally,
    s: &'a Settings<'a>,
    k: usize,
    loc: Locale,
}

impl Build<'_> {
    /// Headcount by department, ladder and rung (organisational: never suppressed).
    fn headcount(&self) -> Vec<Head> {
        let (s, loc) = (self.s, self.loc);
        self.t
            .head
            .iter()
            .map(|(key, n)| {
                let (department, tr, lv) = split_key(key);
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
            .collect()
    }

    /// Ladder positions by department.
    fn positions(&self) -> Vec<Positions> {
        let k = self.k;
        self.t
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
            .collect()
    }

    /// The needs, most chosen first.
    fn needs(&self) -> Vec<NeedCount> {
        let (t, k, loc) = (self.t, self.k, self.loc);
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
        needs
    }

    /// Feedback coverage, in all and by department, hidden together (see
    /// [`coverage`]).
    fn coverage(&self) -> super::suppress::Coverage {
        let t = self.t;
        let departments: Vec<(&str, usize, usize)> = t
            .positions
            .iter()
            .map(|(d, p)| {
                let people = p.people();
                (d.as_str(), people, t.blind.get(d).map_or(0, |b| b.0))
            })
            .collect();
        coverage(&departments, self.k)
    }

    /// Who leans against their ladder, by department: every department, so that a
    /// row's presence says nothing.
    fn mismatches(&self) -> Vec<Mismatch> {
        let (t, k) = (self.t, self.k);
        t.positions
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
            .collect()
    }

    /// Blind spots by department: every department, so that a row's presence says
    /// nothing.
    fn blind(&self, cover: &super::suppress::Coverage) -> Vec<Blind> {
        let (t, k, loc) = (self.t, self.k, self.loc);
        let none = (0, Default::default());
        t.positions
            .keys()
            .map(|department| {
                let (people, traits) = t.blind.get(department).unwrap_or(&none);
                let shown = *people >= k;
                let mut tr: Vec<(String, usize)> = if shown {
                    traits
                        .iter()
                        // nor the people without the trait a small group
                        .filter(|(_, n)| {
                            row_cells(&[**n, people.saturating_sub(**n)], k)[0].is_some()
                        })
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
            .collect()
    }

    /// Readiness for the next rung, by department, ladder and rung.
    fn readiness(&self) -> Vec<Ready> {
        let (s, k, loc) = (self.s, self.k, self.loc);
        self.t
            .ready
            .iter()
            .map(|(key, (people, ready))| {
                let (department, tr, lv) = split_key(key);
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
            .collect()
    }

    /// This cycle's progress by department.
    fn progress(&self) -> Vec<DeptProgress> {
        let k = self.k;
        self.t
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
            .collect()
    }

    /// The failed items. A failure's reason may quote a profile's own words: only HR's
    /// named overview shows it; the shared one says where, and that the run log has
    /// the details.
    fn failures(&self) -> Vec<Failure> {
        let (s, loc) = (self.s, self.loc);
        self.t
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
            .collect()
    }

    /// One of HR's named lists: empty in a shared overview.
    fn named_list(&self, list: &[Named]) -> Vec<Named> {
        if self.s.named {
            list.to_vec()
        } else {
            Vec::new()
        }
    }

    /// The feedback files by number, counts only.
    fn feedback_files(&self) -> Vec<FeedbackFile> {
        let loc = self.loc;
        self.t
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
            .collect()
    }
}
