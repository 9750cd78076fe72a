//! Tests of the Johari panes, the ladder position, track fit and review dates.

use super::*;
use crate::base::locale::Locale;
use crate::base::privacy::*;
use crate::profile::catalog::{self, by_id, Item, ADJECTIVES};
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
    let pos =
        |age: i32| ladder_position(&profile(2026 - age, 0, "administrative"), &l, TODAY).unwrap();
    assert_eq!(pos(24).position, Some(Position::Ahead));
    assert_eq!(pos(24).years_from_typical, Some(-1));
    assert_eq!(pos(25).position, Some(Position::OnTrack));
    assert_eq!(pos(29).position, Some(Position::OnTrack));
    assert_eq!(pos(30).position, Some(Position::Behind));
    assert_eq!(pos(30).years_from_typical, Some(5));
    assert_eq!(pos(30).next_level.as_deref(), Some("supervisor"));
    assert_eq!(pos(30).next_typical_age, Some(30));
    // top rung: band ends at the open milestone, 45
    let top = |age: i32| ladder_position(&profile(2026 - age, 3, "technical"), &l, TODAY).unwrap();
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
