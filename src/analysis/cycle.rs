//! The development cycle: what changed since the last cycle's profile of the same
//! person (Johari panes, ladder, needs, the outcome of the last plan and its review
//! log), the carry-over of unfinished actions into this cycle's plan, and this
//! cycle's progress (actions by status, overdue actions, reviews held and due).
//! Pure: no IO; "today" is passed in.

use super::johari::{johari, Johari, JohariRules};
use super::position::{ladder_position, Position};
use crate::profile::catalog::ADJECTIVES;
use crate::profile::ladder::Ladders;
use crate::profile::model::{Action, Date, PartialDate, Profile, ReviewEntry, Status};
use serde::Serialize;

/// A pane of the Johari window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    /// Known to self and others.
    Open,
    /// Known to self only.
    Hidden,
    /// Known to others only.
    Blind,
    /// Known to nobody.
    Unknown,
}

/// How many traits each pane holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PaneSizes {
    /// Open pane.
    pub open: usize,
    /// Hidden pane.
    pub hidden: usize,
    /// Blind pane.
    pub blind: usize,
    /// Unknown pane.
    pub unknown: usize,
}

impl PaneSizes {
    fn of(j: &Johari) -> PaneSizes {
        PaneSizes {
            open: j.open.len(),
            hidden: j.hidden.len(),
            blind: j.blind.len(),
            unknown: j.unknown.len(),
        }
    }
}

/// A trait that changed pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    /// Adjective id.
    pub id: &'static str,
    /// Pane last cycle.
    pub from: Pane,
    /// Pane now.
    pub to: Pane,
}

/// The Johari window then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JohariChange {
    /// Peers who answered last cycle.
    pub raters_then: usize,
    /// Peers who answered now.
    pub raters_now: usize,
    /// Whether both cycles had enough raters for the peers' view to be compared;
    /// without that, no pane sizes or moves are given (anonymity).
    pub compared: bool,
    /// Pane sizes last cycle (when compared).
    pub then: Option<PaneSizes>,
    /// Pane sizes now (when compared).
    pub now: Option<PaneSizes>,
    /// Traits that changed pane (when compared).
    pub moves: Vec<Move>,
    /// Own picks added since.
    pub self_added: Vec<&'static str>,
    /// Own picks dropped since.
    pub self_dropped: Vec<&'static str>,
}

/// A place on the ladder at one time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderSnap {
    /// Ladder id.
    pub track: String,
    /// Rung id.
    pub level: Option<String>,
    /// Age that year.
    pub age: Option<i32>,
    /// Ahead / on track / behind.
    pub position: Option<Position>,
    /// Target rung id.
    pub target_level: Option<String>,
    /// Target age.
    pub target_age: Option<i32>,
    /// Target year.
    pub target_year: Option<i32>,
}

/// The ladder then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderChange {
    /// Last cycle.
    pub then: Option<LadderSnap>,
    /// Now.
    pub now: Option<LadderSnap>,
    /// The person moved up a rung (or more) on the same ladder.
    pub promoted: bool,
    /// The ladder changed.
    pub changed_track: bool,
    /// The target rung or date changed.
    pub changed_target: bool,
}

/// The top needs then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedsChange {
    /// Top 3 last cycle.
    pub then: Vec<&'static str>,
    /// Top 3 now.
    pub now: Vec<&'static str>,
}

/// What became of an action of the last plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Done.
    Done,
    /// Given up.
    Dropped,
    /// Not finished: carried into this cycle's plan.
    Carried,
    /// Not finished, and this cycle's plan already lists the same goal.
    StillPlanned,
}

/// An action of the last plan with its outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionOutcome {
    /// Goal.
    pub goal: String,
    /// Due date.
    pub due: Option<PartialDate>,
    /// Its status last cycle.
    pub status: Status,
    /// When it was done.
    pub done_on: Option<PartialDate>,
    /// What happened.
    pub note: Option<String>,
    /// The outcome.
    pub outcome: Outcome,
}

/// Everything that changed since the last cycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// The date the last cycle is taken to stand for (see [`then_date`]).
    pub then_date: Date,
    /// Johari window.
    pub johari: JohariChange,
    /// Ladder.
    pub ladder: LadderChange,
    /// Needs.
    pub needs: NeedsChange,
    /// The last plan's actions.
    pub actions: Vec<ActionOutcome>,
    /// The last cycle's review log, as a record.
    pub review_log: Vec<ReviewEntry>,
}

/// The date the previous profile stands for: its latest review or completed action,
/// else one year before today.
pub fn then_date(prev: &Profile, today: Date) -> Date {
    let latest = prev
        .review_log
        .iter()
        .map(|e| e.date.last_day())
        .chain(
            prev.actions
                .iter()
                .filter_map(|a| a.done_on.map(|d| d.last_day())),
        )
        .filter(|d| *d <= today)
        .max();
    latest.unwrap_or(Date {
        year: today.year - 1,
        month: today.month,
        day: today.day.min(crate::profile::model::days_in_month(
            today.year - 1,
            today.month,
        )),
    })
}

/// Why two profiles cannot be two cycles of one person.
pub fn same_person(prev: &Profile, cur: &Profile) -> Result<(), String> {
    match (&prev.person.id, &cur.person.id) {
        (Some(a), Some(b)) if a.trim() != b.trim() => {
            Err(crate::msg!("cycle.other_id", a = a, b = b))
        }
        (None, _) | (_, None) if prev.person.name.trim() != cur.person.name.trim() => {
            Err(crate::msg!("cycle.other_name"))
        }
        _ => Ok(()),
    }
}

fn same_goal(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.split_whitespace()
            .collect::<String>()
            .to_lowercase()
            .trim_end_matches(['。', '.', '；', ';'])
            .to_string()
    };
    norm(a) == norm(b)
}

/// Carries the last plan's unfinished actions (planned or in progress) into this
/// cycle's plan, marked as carried over, unless this plan already has the same goal.
pub fn carry_over(cur: &mut Profile, prev: &Profile) {
    let carried: Vec<Action> = prev
        .actions
        .iter()
        .filter(|a| a.status.open())
        .filter(|a| !cur.actions.iter().any(|c| same_goal(&c.goal, &a.goal)))
        .map(|a| Action {
            carried: true,
            done_on: None,
            ..a.clone()
        })
        .collect();
    cur.actions.extend(carried);
}

fn pane_of(j: &Johari, id: &str) -> Pane {
    if j.open.contains(&id) {
        Pane::Open
    } else if j.hidden.contains(&id) {
        Pane::Hidden
    } else if j.blind.contains(&id) {
        Pane::Blind
    } else {
        Pane::Unknown
    }
}

fn snap(p: &Profile, ladders: &Ladders, at: Date) -> Option<LadderSnap> {
    let l = ladder_position(p, ladders, at)?;
    Some(LadderSnap {
        track: l.track,
        level: l.level,
        age: l.age,
        position: l.position,
        target_level: l.target_level,
        target_age: l.target_age,
        target_year: l.target_year,
    })
}

/// Compares the last cycle's profile with this one. `cur` is this cycle's profile
/// before carry-over (so that carried actions are not counted as this plan's own).
pub fn compare(
    prev: &Profile,
    cur: &Profile,
    ladders: &Ladders,
    rules: JohariRules,
    today: Date,
) -> Changes {
    let then = then_date(prev, today);
    let jt = johari(&prev.johari_self, &prev.johari_peers, rules);
    let jn = johari(&cur.johari_self, &cur.johari_peers, rules);
    let compared = jt.enough_raters && jn.enough_raters;
    let moves = if compared {
        ADJECTIVES
            .iter()
            .map(|a| (a.id, pane_of(&jt, a.id), pane_of(&jn, a.id)))
            .filter(|(_, f, t)| f != t)
            .map(|(id, from, to)| Move { id, from, to })
            .collect()
    } else {
        Vec::new()
    };
    let ids = |v: &[&'static crate::profile::catalog::Item]| -> Vec<&'static str> {
        v.iter().map(|i| i.id).collect()
    };
    let (own_then, own_now) = (ids(&prev.johari_self), ids(&cur.johari_self));
    let ladder_then = snap(prev, ladders, then);
    let ladder_now = snap(cur, ladders, today);
    let rung_index = |p: &Profile| p.career.as_ref().and_then(|c| c.level);
    let same_track = match (&ladder_then, &ladder_now) {
        (Some(a), Some(b)) => a.track == b.track,
        _ => false,
    };
    let changed_target = match (&ladder_then, &ladder_now) {
        (Some(a), Some(b)) => {
            (&a.target_level, a.target_age, a.target_year)
                != (&b.target_level, b.target_age, b.target_year)
        }
        _ => false,
    };
    Changes {
        then_date: then,
        johari: JohariChange {
            raters_then: jt.raters,
            raters_now: jn.raters,
            compared,
            then: compared.then(|| PaneSizes::of(&jt)),
            now: compared.then(|| PaneSizes::of(&jn)),
            moves,
            self_added: own_now
                .iter()
                .filter(|i| !own_then.contains(i))
                .copied()
                .collect(),
            self_dropped: own_then
                .iter()
                .filter(|i| !own_now.contains(i))
                .copied()
                .collect(),
        },
        ladder: LadderChange {
            promoted: same_track
                && matches!((rung_index(prev), rung_index(cur)), (Some(a), Some(b)) if b > a),
            changed_track: ladder_then.is_some() && ladder_now.is_some() && !same_track,
            changed_target,
            then: ladder_then,
            now: ladder_now,
        },
        needs: NeedsChange {
            then: ids(&prev.needs_top),
            now: ids(&cur.needs_top),
        },
        actions: prev
            .actions
            .iter()
            .map(|a| ActionOutcome {
                goal: a.goal.clone(),
                due: a.due,
                status: a.status,
                done_on: a.done_on,
                note: a.note.clone(),
                outcome: match a.status {
                    Status::Done => Outcome::Done,
                    Status::Dropped => Outcome::Dropped,
                    _ if cur
                        .actions
                        .iter()
                        .any(|c| !c.carried && same_goal(&c.goal, &a.goal)) =>
                    {
                        Outcome::StillPlanned
                    }
                    _ => Outcome::Carried,
                },
            })
            .collect(),
        review_log: prev.review_log.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::progress::{progress, review_dates, StatusCounts};
    use super::*;
    use crate::profile::{load_str, LoadOptions};

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn load(text: &str) -> Profile {
        let l = Ladders::builtin();
        load_str(
            text,
            &LoadOptions {
                ladders: &l,
                today: TODAY,
            },
        )
        .unwrap()
    }

    const PREV: &str = "person:\n  name: 王芳\n  id: W1\n  birth_year: 1994\ncareer:\n  track: administrative\n  level: staff\n  target: { level: supervisor, by_age: 32 }\njohari:\n  self: [calm, kind, shy]\n  peers: [[calm, helpful], [helpful, quiet], [helpful]]\nneeds:\n  top: [security, money, family_time]\nactions:\n  - { goal: 考取证书, status: done, done_on: 2026-05 }\n  - { goal: 学习 Excel, status: in_progress }\n  - { goal: 轮岗, status: dropped, note: 部门调整 }\n  - { goal: 带新人, status: planned }\nreviews:\n  every: half_year\n  start: 2026-01\n  log:\n    - { date: 2026-01-10, notes: 进展顺利, changes: [推迟轮岗] }\n    - { date: 2026-07-02, notes: 证书已拿到 }\n";

    const CUR: &str = "person:\n  name: 王芳\n  id: W1\n  birth_year: 1994\ncareer:\n  track: administrative\n  level: supervisor\n  target: { level: manager, by_age: 36 }\njohari:\n  self: [calm, kind, helpful]\n  peers: [[calm, helpful, kind], [helpful, kind], [helpful, quiet]]\nneeds:\n  top: [challenge, money, family_time]\nactions:\n  - { goal: 带新人, due: 2026-09, status: in_progress }\n  - { goal: 做预算, due: 2027-03 }\nreviews:\n  every: quarter\n  start: 2026-09\n  log:\n    - { date: 2026-09-20, notes: 新岗位适应中 }\n";

    #[test]
    fn changes_name_moves_outcomes_and_the_ladder() {
        let (prev, cur) = (load(PREV), load(CUR));
        let c = compare(
            &prev,
            &cur,
            &Ladders::builtin(),
            JohariRules::default(),
            TODAY,
        );
        assert_eq!(
            c.then_date.iso(),
            "2026-07-02",
            "the latest review of last cycle"
        );
        assert!(c.johari.compared);
        assert!(c.johari.moves.contains(&Move {
            id: "helpful",
            from: Pane::Blind,
            to: Pane::Open
        }));
        assert!(c.johari.moves.contains(&Move {
            id: "kind",
            from: Pane::Hidden,
            to: Pane::Open
        }));
        assert_eq!(c.johari.self_added, vec!["helpful"]);
        assert_eq!(c.johari.self_dropped, vec!["shy"]);
        assert!(c.ladder.promoted && c.ladder.changed_target && !c.ladder.changed_track);
        assert_eq!(
            c.ladder.then.as_ref().unwrap().level.as_deref(),
            Some("staff")
        );
        assert_eq!(c.needs.then, vec!["security", "money", "family_time"]);
        let outcomes: Vec<Outcome> = c.actions.iter().map(|a| a.outcome).collect();
        assert_eq!(
            outcomes,
            vec![
                Outcome::Done,
                Outcome::Carried,
                Outcome::Dropped,
                Outcome::StillPlanned
            ]
        );
        assert_eq!(c.review_log.len(), 2);
    }

    #[test]
    fn unfinished_actions_carry_over_unless_already_planned() {
        let (prev, mut cur) = (load(PREV), load(CUR));
        carry_over(&mut cur, &prev);
        let goals: Vec<(&str, bool)> = cur
            .actions
            .iter()
            .map(|a| (a.goal.as_str(), a.carried))
            .collect();
        assert_eq!(
            goals,
            vec![("带新人", false), ("做预算", false), ("学习 Excel", true)]
        );
    }

    #[test]
    fn too_few_raters_in_either_cycle_compares_no_panes() {
        let prev = load(&PREV.replace(
            "  peers: [[calm, helpful], [helpful, quiet], [helpful]]\n",
            "  peers: [[calm, helpful]]\n",
        ));
        let c = compare(
            &prev,
            &load(CUR),
            &Ladders::builtin(),
            JohariRules::default(),
            TODAY,
        );
        assert!(!c.johari.compared);
        assert!(c.johari.moves.is_empty() && c.johari.then.is_none() && c.johari.now.is_none());
        assert_eq!((c.johari.raters_then, c.johari.raters_now), (1, 3));
    }

    #[test]
    fn progress_counts_overdue_and_reviews() {
        let mut cur = load(CUR);
        carry_over(&mut cur, &load(PREV));
        let schedule = review_dates(&cur);
        let p = progress(&cur, &schedule, TODAY);
        assert_eq!(
            p.counts,
            StatusCounts {
                planned: 1,
                in_progress: 2,
                done: 0,
                dropped: 0
            }
        );
        assert_eq!(
            p.overdue,
            vec![1],
            "due 2026-09, still in progress on 2026-11-23"
        );
        assert_eq!(p.carried, 1);
        assert_eq!(p.schedule[0].date.iso(), "2026-09-01");
        assert_eq!(
            p.schedule[0].held_on.map(|d| d.display()).as_deref(),
            Some("2026-09-20")
        );
        assert_eq!((p.reviews_held, p.reviews_due), (1, 1));
        assert_eq!(
            p.next_review.map(|d| d.iso()).as_deref(),
            Some("2026-12-01")
        );
        assert!(p.schedule[1].next);
    }

    #[test]
    fn another_person_is_refused() {
        let other = load(&CUR.replace("id: W1", "id: W2"));
        assert!(same_person(&load(PREV), &other)
            .unwrap_err()
            .contains("`W1`"));
        assert!(same_person(&load(PREV), &load(CUR)).is_ok());
    }

    #[test]
    fn dates_round_trip_through_unix_days() {
        for d in ["1970-01-01", "2000-02-29", "2026-11-23", "2027-12-31"] {
            let x = Date::parse(d).unwrap();
            assert_eq!(Date::from_unix_days(x.unix_days()), x);
        }
    }
}
