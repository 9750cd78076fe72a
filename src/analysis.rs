//! Pure analysis of a validated profile: Johari panes, ladder position, track fit,
//! review dates and pane-driven suggestions. No IO; "today" is passed in.

use crate::profile::catalog::{self, Item, ADJECTIVES};
use crate::profile::ladder::{Kind, Ladder, Ladders};
use crate::profile::model::{Date, Profile};
use serde::Serialize;

/// Thresholds for the peers' view of the Johari window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JohariRules {
    /// Fewest peers whose answers are shown ([`MIN_RATERS`] by default; never
    /// below [`MIN_RATERS_FLOOR`], whatever is asked).
    pub min_raters: usize,
    /// Share of peers that must pick a trait for it to count as known to others
    /// (default [`DEFAULT_MIN_SHARE`]); never fewer than [`MIN_VOTES`] peers.
    pub min_share: f64,
    /// Show how many peers picked each trait (HR's `--peer-counts`). Even then the
    /// counts appear only from [`MIN_RATERS_FOR_COUNTS`] raters.
    pub show_counts: bool,
}

pub use crate::base::privacy::{
    DEFAULT_MIN_SHARE, MIN_PEER_COUNT, MIN_RATERS, MIN_RATERS_FLOOR, MIN_RATERS_FOR_COUNTS,
    MIN_VOTES,
};

impl Default for JohariRules {
    fn default() -> Self {
        JohariRules {
            min_raters: MIN_RATERS,
            min_share: DEFAULT_MIN_SHARE,
            show_counts: false,
        }
    }
}

/// The four panes, as adjective ids, with peer counts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Johari {
    /// How many peers answered.
    pub raters: usize,
    /// Fewest peers whose answers are shown.
    pub min_raters: usize,
    /// Whether there were enough peers to show their view.
    pub enough_raters: bool,
    /// Least number of peers that must pick a trait.
    pub min_votes: usize,
    /// Known to self and others.
    pub open: Vec<&'static str>,
    /// Known to self only.
    pub hidden: Vec<&'static str>,
    /// Known to others only.
    pub blind: Vec<&'static str>,
    /// Known to nobody.
    pub unknown: Vec<&'static str>,
    /// For each adjective at least [`MIN_PEER_COUNT`] peers picked: how many (never
    /// who; a ×1 would be one rater's own pick). Empty unless HR asked for counts and
    /// at least [`MIN_RATERS_FOR_COUNTS`] (and `min_raters`) peers answered: by
    /// default the subject sees panes only.
    pub peer_counts: Vec<(&'static str, usize)>,
}

/// Computes the Johari panes.
pub fn johari(own: &[&'static Item], peers: &[Vec<&'static Item>], rules: JohariRules) -> Johari {
    // an empty answer is not a rater
    let peers: Vec<&Vec<&'static Item>> = peers.iter().filter(|p| !p.is_empty()).collect();
    let raters = peers.len();
    let min_raters = rules.min_raters.max(MIN_RATERS_FLOOR);
    let enough = raters >= min_raters;
    // a trait needs at least two peers: one rater alone never places a trait, so a
    // workbook never shows a single rater's pick as "known to others"
    let min_votes = ((rules.min_share * raters as f64).ceil() as usize).max(MIN_VOTES);
    let count = |id: &str| {
        peers
            .iter()
            .filter(|p| p.iter().any(|i| i.id == id))
            .count()
    };
    let counts_allowed = enough && rules.show_counts && raters >= MIN_RATERS_FOR_COUNTS;
    let peer_counts: Vec<(&'static str, usize)> = if counts_allowed {
        ADJECTIVES
            .iter()
            .map(|a| (a.id, count(a.id)))
            .filter(|(_, n)| *n >= MIN_PEER_COUNT)
            .collect()
    } else {
        Vec::new()
    };
    let mut j = Johari {
        raters,
        min_raters,
        enough_raters: enough,
        min_votes,
        open: vec![],
        hidden: vec![],
        blind: vec![],
        unknown: vec![],
        peer_counts,
    };
    if !enough {
        return j;
    }
    for a in ADJECTIVES {
        let me = own.iter().any(|i| i.id == a.id);
        let others = count(a.id) >= min_votes;
        match (me, others) {
            (true, true) => j.open.push(a.id),
            (true, false) => j.hidden.push(a.id),
            (false, true) => j.blind.push(a.id),
            (false, false) => j.unknown.push(a.id),
        }
    }
    j
}

/// Where the person stands against the rung's typical age.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Younger than the rung's typical age.
    Ahead,
    /// Within the rung's typical age band.
    OnTrack,
    /// At or past the typical age of the next rung.
    Behind,
}

/// Ladder position and target gap.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LadderPosition {
    /// Ladder id.
    pub track: String,
    /// Current rung id.
    pub level: Option<String>,
    /// Age this year, when known.
    pub age: Option<i32>,
    /// Ahead / on track / behind (needs age and rung).
    pub position: Option<Position>,
    /// Age minus the current rung's typical age.
    pub years_from_typical: Option<i32>,
    /// Typical age of the current rung.
    pub typical_age: Option<u32>,
    /// Next rung id.
    pub next_level: Option<String>,
    /// Its typical age.
    pub next_typical_age: Option<u32>,
    /// Target rung id.
    pub target_level: Option<String>,
    /// Age at which the person wants to reach it.
    pub target_age: Option<i32>,
    /// Year by which the person wants to reach it.
    pub target_year: Option<i32>,
    /// Rungs between current and target.
    pub target_gap: Option<usize>,
    /// Years from today to the target.
    pub years_left: Option<i32>,
    /// Typical age of the target rung.
    pub target_typical_age: Option<u32>,
    /// Years on the current rung, from `career.since` (`null` without it).
    pub years_on_rung: Option<i32>,
}

/// Places the person on their ladder.
pub fn ladder_position(p: &Profile, ladders: &Ladders, today: Date) -> Option<LadderPosition> {
    let career = p.career.as_ref()?;
    let ladder: &Ladder = ladders.get(&career.track).ok()?;
    let age = p.person.birth_year.map(|b| today.year - b);
    let cur = career.level.map(|i| &ladder.rungs[i]);
    let next = career.level.and_then(|i| ladder.rungs.get(i + 1));
    let band_end = next.map_or(ladder.open_age(), |n| n.typical_age) as i32;
    let (position, years_from_typical) = match (age, cur) {
        (Some(a), Some(r)) => {
            let t = r.typical_age as i32;
            let pos = if a < t {
                Position::Ahead
            } else if a >= band_end {
                Position::Behind
            } else {
                Position::OnTrack
            };
            (Some(pos), Some(a - t))
        }
        _ => (None, None),
    };
    let target = career.target_level.map(|i| &ladder.rungs[i]);
    let (target_age, target_year) = match (
        career.target_by_age,
        career.target_by_year,
        p.person.birth_year,
    ) {
        (Some(a), _, Some(b)) => (Some(a as i32), Some(b + a as i32)),
        (Some(a), _, None) => (Some(a as i32), None),
        (None, Some(y), Some(b)) => (Some(y - b), Some(y)),
        (None, Some(y), None) => (None, Some(y)),
        (None, None, _) => (None, None),
    };
    Some(LadderPosition {
        track: ladder.id.clone(),
        level: cur.map(|r| r.id.clone()),
        age,
        position,
        years_from_typical,
        typical_age: cur.map(|r| r.typical_age),
        next_level: next.map(|r| r.id.clone()),
        next_typical_age: next.map(|r| r.typical_age),
        target_level: target.map(|r| r.id.clone()),
        target_age,
        target_year,
        target_gap: match (career.level, career.target_level) {
            (Some(c), Some(t)) => Some(t.saturating_sub(c)),
            _ => None,
        },
        years_left: target_year.map(|y| y - today.year),
        target_typical_age: target.map(|r| r.typical_age),
        years_on_rung: career.since.map(|y| (today.year - y).max(0)),
    })
}

/// Which ladder the needs lean to.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Leaning {
    /// Leading people.
    Administrative,
    /// Deepening expertise.
    Technical,
    /// Neither clearly.
    Balanced,
}

/// Track fit from the needs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TrackFit {
    /// Where the needs lean.
    pub leaning: Leaning,
    /// Weighted score of administrative needs (top 3 count double).
    pub administrative_score: u32,
    /// Weighted score of technical needs.
    pub technical_score: u32,
    /// Chosen needs that lean administrative.
    pub administrative_needs: Vec<&'static str>,
    /// Chosen needs that lean technical.
    pub technical_needs: Vec<&'static str>,
    /// Whether the chosen track agrees (None without a track or needs).
    pub matches_track: Option<bool>,
}

/// Computes track fit; `None` when no needs were chosen.
pub fn track_fit(p: &Profile, ladders: &Ladders) -> Option<TrackFit> {
    if p.needs_top.is_empty() && p.needs_next.is_empty() {
        return None;
    }
    let score = |table: &[(&str, u32)], names: &mut Vec<&'static str>| -> u32 {
        let mut s = 0;
        for (list, mult) in [(&p.needs_top, 2), (&p.needs_next, 1)] {
            for item in list.iter() {
                if let Some((_, w)) = table.iter().find(|(id, _)| *id == item.id) {
                    s += w * mult;
                    names.push(item.id);
                }
            }
        }
        s
    };
    let (mut an, mut tn) = (Vec::new(), Vec::new());
    let a = score(catalog::ADMIN_NEEDS, &mut an);
    let t = score(catalog::TECH_NEEDS, &mut tn);
    let leaning = if a >= t + 2 {
        Leaning::Administrative
    } else if t >= a + 2 {
        Leaning::Technical
    } else {
        Leaning::Balanced
    };
    let kind = p
        .career
        .as_ref()
        .and_then(|c| ladders.get(&c.track).ok())
        .map(|l| l.kind);
    let matches_track = kind.map(|k| {
        matches!(
            (leaning, k),
            (Leaning::Balanced, _)
                | (_, Kind::Other)
                | (Leaning::Administrative, Kind::Administrative)
                | (Leaning::Technical, Kind::Technical)
        )
    });
    Some(TrackFit {
        leaning,
        administrative_score: a,
        technical_score: t,
        administrative_needs: an,
        technical_needs: tn,
        matches_track,
    })
}

/// Review dates from the profile's schedule (two years ahead, 3–12 dates).
pub fn review_dates(p: &Profile) -> Vec<Date> {
    let Some((every, start)) = p.reviews else {
        return Vec::new();
    };
    let first = Date {
        year: start.year,
        month: start.month.unwrap_or(1),
        day: start.day.unwrap_or(1),
    };
    let n = (24 / every.months()).clamp(3, 12);
    (0..n)
        .map(|k| first.add_months(k * every.months()))
        .collect()
}

/// The whole analysis, as serialised by `-f json`.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Johari panes.
    pub johari: Johari,
    /// Ladder position.
    pub ladder: Option<LadderPosition>,
    /// Track fit.
    pub track_fit: Option<TrackFit>,
    /// Review dates.
    pub reviews: Vec<Date>,
    /// Standards of the next rung and where the person stands (`null` without a rung).
    pub readiness: Option<crate::readiness::Readiness>,
    /// This cycle's progress: actions by status, overdue, reviews held and due.
    pub progress: crate::cycle::Progress,
    /// What changed since the last cycle (`null` without `--previous`).
    pub changes: Option<crate::cycle::Changes>,
}

/// Runs every analysis.
pub fn analyse(p: &Profile, ladders: &Ladders, rules: JohariRules, today: Date) -> Analysis {
    let reviews = review_dates(p);
    Analysis {
        johari: johari(&p.johari_self, &p.johari_peers, rules),
        ladder: ladder_position(p, ladders, today),
        track_fit: track_fit(p, ladders),
        readiness: crate::readiness::readiness(p, ladders, today),
        progress: crate::cycle::progress(p, &reviews, today),
        reviews,
        changes: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::locale::Locale;
    use crate::profile::catalog::by_id;
    use crate::profile::model::*;

    fn adj(ids: &[&str]) -> Vec<&'static Item> {
        ids.iter().map(|i| by_id(ADJECTIVES, i)).collect()
    }

    fn profile(birth: i32, level: usize, track: &str) -> Profile {
        Profile {
            locale: Locale::Zh,
            person: Person {
                name: "x".into(),
                id: None,
                department: None,
                role: None,
                birth_year: Some(birth),
                joined: None,
                manager: None,
            },
            career: Some(Career {
                track: track.into(),
                level: Some(level),
                since: None,
                target_level: Some(3),
                target_by_age: Some(42),
                target_by_year: None,
                assessment: vec![],
            }),
            johari_self: vec![],
            johari_peers: vec![],
            needs_top: vec![],
            needs_next: vec![],
            needs_extra: vec![],
            answers: vec![],
            activities: vec![],
            skills_to_develop: vec![],
            strategy: vec![],
            actions: vec![],
            reviews: None,
            review_log: vec![],
            mediocrity: vec![],
            burnout: vec![],
            service: None,
        }
    }

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };

    #[test]
    fn panes_follow_self_and_peer_picks() {
        let own = adj(&["dependable", "patient", "shy"]);
        let peers = vec![
            adj(&["dependable", "quiet"]),
            adj(&["quiet", "calm"]),
            adj(&["dependable"]),
        ];
        let j = johari(&own, &peers, JohariRules::default());
        assert!(j.enough_raters);
        assert_eq!(j.min_votes, 2, "one peer alone never places a trait");
        assert_eq!(j.open, vec!["dependable"]);
        assert_eq!(j.hidden, vec!["patient", "shy"]);
        assert_eq!(j.blind, vec!["quiet"]);
        assert_eq!(j.unknown.len(), 55 - 4);
        assert!(j.peer_counts.is_empty(), "no per-trait counts by default");
    }

    #[test]
    fn peer_counts_only_on_request_and_from_five_raters() {
        let own = adj(&["calm"]);
        let rules = JohariRules {
            show_counts: true,
            ..JohariRules::default()
        };
        let four: Vec<_> = (0..4).map(|_| adj(&["quiet"])).collect();
        assert!(johari(&own, &four, rules).peer_counts.is_empty());
        let mut five = four.clone();
        five.push(adj(&["kind", "calm"]));
        five[0].push(by_id(ADJECTIVES, "calm"));
        let counts = johari(&own, &five, rules).peer_counts;
        assert_eq!(counts, vec![("calm", 2), ("quiet", 4)]);
        // a ×1 is one rater's own pick: never shown, though `kind` was picked
        assert!(!counts.iter().any(|(id, _)| *id == "kind"));
        // below min_raters nothing peer-derived at all, even when asked
        let one = vec![adj(&["quiet"])];
        let j = johari(&own, &one, rules);
        assert!(j.peer_counts.is_empty() && j.blind.is_empty() && j.open.is_empty());
    }

    #[test]
    fn empty_answers_are_not_raters() {
        let peers = vec![vec![], vec![], vec![], adj(&["calm"])];
        let j = johari(&adj(&["calm"]), &peers, JohariRules::default());
        assert_eq!(j.raters, 1);
        assert!(!j.enough_raters);
    }

    #[test]
    fn share_threshold_applies_from_four_peers() {
        let own = adj(&["calm"]);
        // 8 peers: 25% = 2 votes needed
        let mut peers = vec![adj(&["calm"]), adj(&["wise"]), adj(&["wise"])];
        peers.extend((0..5).map(|_| adj(&["kind"])));
        let j = johari(&own, &peers, JohariRules::default());
        assert_eq!(j.min_votes, 2);
        assert_eq!(j.hidden, vec!["calm"], "one vote of eight is not enough");
        assert_eq!(j.blind, vec!["kind", "wise"]);
        let strict = johari(
            &own,
            &peers,
            JohariRules {
                min_raters: 3,
                min_share: 0.5,
                show_counts: false,
            },
        );
        assert_eq!(strict.min_votes, 4);
        // a low share never goes below two votes
        let loose = johari(
            &own,
            &peers,
            JohariRules {
                min_raters: 3,
                min_share: 0.01,
                show_counts: false,
            },
        );
        assert_eq!(loose.min_votes, 2);
        assert_eq!(strict.blind, vec!["kind"]);
        // 12 peers: 25% is 3 votes, so two are not enough
        let mut twelve = vec![adj(&["wise"]), adj(&["wise"])];
        twelve.extend((0..10).map(|_| adj(&["kind"])));
        let j = johari(&own, &twelve, JohariRules::default());
        assert_eq!(j.min_votes, 3);
        assert_eq!(j.blind, vec!["kind"], "two votes of twelve are not enough");
    }

    #[test]
    fn too_few_raters_hides_the_peers_view() {
        let two = [adj(&["calm", "kind"]), adj(&["kind", "calm"])];
        let j = johari(&adj(&["calm"]), &two, JohariRules::default());
        assert!(!j.enough_raters);
        assert_eq!(j.min_raters, MIN_RATERS);
        assert!(j.open.is_empty() && j.blind.is_empty() && j.hidden.is_empty());
        assert!(j.unknown.is_empty(), "no pane at all below the minimum");
        // asking for less than the floor changes nothing: 2 raters never show
        for min_raters in [0, 1, 2] {
            let rules = JohariRules {
                min_raters,
                min_share: DEFAULT_MIN_SHARE,
                show_counts: true,
            };
            let j = johari(&adj(&["calm"]), &two, rules);
            assert!(!j.enough_raters, "min_raters {min_raters}");
            assert_eq!(j.min_raters, MIN_RATERS_FLOOR);
            assert!(j.open.is_empty() && j.blind.is_empty() && j.peer_counts.is_empty());
        }
        // from the third rater on, the panes show
        let mut three = two.to_vec();
        three.push(adj(&["quiet"]));
        let j = johari(&adj(&["calm"]), &three, JohariRules::default());
        assert!(j.enough_raters);
        assert_eq!(j.open, vec!["calm"]);
        assert_eq!(j.blind, vec!["kind"]);
        assert_eq!(j.hidden, Vec::<&str>::new());
    }

    #[test]
    fn a_higher_minimum_is_kept() {
        let peers: Vec<_> = (0..4).map(|_| adj(&["kind"])).collect();
        let rules = JohariRules {
            min_raters: 5,
            ..JohariRules::default()
        };
        let j = johari(&adj(&["calm"]), &peers, rules);
        assert!(!j.enough_raters && j.blind.is_empty());
        assert_eq!(j.min_raters, 5);
        let j = johari(&adj(&["calm"]), &peers[..3], JohariRules::default());
        assert!(j.enough_raters && j.blind == vec!["kind"]);
    }

    #[test]
    fn positions_at_boundary_ages() {
        let l = Ladders::builtin();
        // staff (25) with supervisor at 30: 24 ahead, 25 on track, 29 on track, 30 behind
        let pos = |age: i32| {
            ladder_position(&profile(2026 - age, 0, "administrative"), &l, TODAY).unwrap()
        };
        assert_eq!(pos(24).position, Some(Position::Ahead));
        assert_eq!(pos(24).years_from_typical, Some(-1));
        assert_eq!(pos(25).position, Some(Position::OnTrack));
        assert_eq!(pos(29).position, Some(Position::OnTrack));
        assert_eq!(pos(30).position, Some(Position::Behind));
        assert_eq!(pos(30).years_from_typical, Some(5));
        assert_eq!(pos(30).next_level.as_deref(), Some("supervisor"));
        assert_eq!(pos(30).next_typical_age, Some(30));
        // top rung: band ends at the open milestone, 45
        let top =
            |age: i32| ladder_position(&profile(2026 - age, 3, "technical"), &l, TODAY).unwrap();
        assert_eq!(top(44).position, Some(Position::OnTrack));
        assert_eq!(top(45).position, Some(Position::Behind));
        assert_eq!(top(44).next_level, None);
    }

    #[test]
    fn target_gap_and_years_left() {
        let l = Ladders::builtin();
        let p = ladder_position(&profile(1996, 0, "administrative"), &l, TODAY).unwrap();
        assert_eq!(p.target_gap, Some(3));
        assert_eq!(p.target_age, Some(42));
        assert_eq!(p.target_year, Some(2038));
        assert_eq!(p.years_left, Some(12));
        assert_eq!(p.target_typical_age, Some(40));
    }

    #[test]
    fn track_fit_leans_by_weighted_needs() {
        let l = Ladders::builtin();
        let mut p = profile(1990, 1, "technical");
        p.needs_top = vec![
            by_id(catalog::NEEDS, "leader"),
            by_id(catalog::NEEDS, "money"),
        ];
        p.needs_next = vec![by_id(catalog::NEEDS, "power")];
        let f = track_fit(&p, &l).unwrap();
        assert_eq!(f.leaning, Leaning::Administrative);
        assert_eq!(f.administrative_score, 8);
        assert_eq!(f.matches_track, Some(false));
        p.needs_top = vec![by_id(catalog::NEEDS, "expert")];
        p.needs_next = vec![by_id(catalog::NEEDS, "leader")];
        let f = track_fit(&p, &l).unwrap();
        assert_eq!(
            f.leaning,
            Leaning::Technical,
            "expert in top 3 (6) beats leader in next 3 (3)"
        );
        assert_eq!(f.matches_track, Some(true));
        p.needs_top = vec![by_id(catalog::NEEDS, "money")];
        p.needs_next = vec![];
        assert_eq!(track_fit(&p, &l).unwrap().leaning, Leaning::Balanced);
    }

    #[test]
    fn review_dates_step_by_interval() {
        let mut p = profile(1990, 0, "technical");
        p.reviews = Some((
            Every::Quarter,
            PartialDate {
                year: 2027,
                month: Some(1),
                day: None,
            },
        ));
        let d: Vec<String> = review_dates(&p).iter().map(Date::iso).collect();
        assert_eq!(d.len(), 8);
        assert_eq!(d[0], "2027-01-01");
        assert_eq!(d[1], "2027-04-01");
        assert_eq!(d[7], "2028-10-01");
        p.reviews = Some((
            Every::Year,
            PartialDate {
                year: 2027,
                month: Some(3),
                day: Some(15),
            },
        ));
        assert_eq!(review_dates(&p).len(), 3);
    }
}
