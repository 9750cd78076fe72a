//! The overview made from a run's raw counts: headcounts, positions, needs, blind
//! spots, readiness and progress by department, each cell suppressed after all
//! counting.

use super::cells::*;
use super::chart::{needs_chart, position_chart};
use super::suppress::{coverage, row_cells};
use super::Settings;
use crate::base::locale::Locale;
use crate::base::privacy::MIN_GROUP_FLOOR;
use crate::batch::tally::{PositionCounts, Tally};
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
