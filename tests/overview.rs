//! The shared overview's suppression, table by table, as written to `_overview.csv`:
//! small cells hidden, and the complementary cell hidden where a total would give a
//! hidden one away. Built from people's summaries through the run's own counting.

use careerbook::analysis::progress::StatusCounts;
use careerbook::analysis::{Leaning, Position};
use careerbook::base::locale::Locale;
use careerbook::batch::overview::{self, Settings};
use careerbook::batch::tally::Tally;
use careerbook::batch::{Report, Summary};
use careerbook::profile::ladder::Ladders;

/// One person of `dept`: on track, nothing else known.
fn person(dept: &str) -> Summary {
    Summary {
        index: 0,
        level_id: Some("staff".into()),
        id: "X".into(),
        name: "x".into(),
        department: dept.into(),
        track: Some("administrative".into()),
        level: None,
        position: Some(Position::OnTrack),
        top_needs: vec![],
        next_needs: vec![],
        mismatch: None,
        blind: vec![],
        raters: 0,
        enough_raters: false,
        skipped: false,
        ready: None,
        with_previous: false,
        progress: StatusCounts::default(),
        overdue: 0,
        reviews: (0, 0),
        blind_to_open: 0,
    }
}

/// `n` people of `dept`, the first `marked` of them changed by `f`.
fn people(dept: &str, n: usize, marked: usize, f: impl Fn(&mut Summary)) -> Vec<Summary> {
    (0..n)
        .map(|i| {
            let mut p = person(dept);
            if i < marked {
                f(&mut p);
            }
            p
        })
        .collect()
}

/// `_overview.csv` of a run of `all`, with the default group minimum (5).
fn csv(all: &[Summary]) -> String {
    let mut t = Tally::new("2026-11-23", None);
    for p in all {
        t.add(p, false);
    }
    let t = t.finish(&Report::default());
    let ladders = Ladders::builtin();
    let s = Settings {
        min_group: careerbook::base::privacy::MIN_GROUP,
        locale: Locale::En,
        named: false,
        ladders: &ladders,
    };
    overview::csv(&overview::from_tally(&t, &s))
}

/// The count of one row of the CSV (`suppressed`, a number), or `absent`.
fn cell(csv: &str, section: &str, dept: &str, key: &str) -> String {
    let head = format!("{section},{dept},{key},");
    csv.lines()
        .find_map(|l| l.strip_prefix(&head))
        .unwrap_or("absent")
        .to_string()
}

#[test]
fn positions_hide_small_cells_a_neighbour_and_small_departments_whole() {
    let mut all = people("A", 8, 2, |p| p.position = Some(Position::Ahead));
    all.extend(people("B", 3, 0, |_| ()));
    all.extend(people("C", 10, 5, |p| p.position = Some(Position::Behind)));
    all.extend(people("D", 10, 5, |p| p.position = None));
    all.extend(people("E", 5, 0, |_| ()));
    let csv = csv(&all);
    let at = |d: &str, k: &str| cell(&csv, "position", d, k);
    // ahead 2 is small; on track 6 would give it away (8 − 6): hidden too
    assert_eq!(at("A", "ahead"), "suppressed");
    assert_eq!(at("A", "on_track"), "suppressed");
    assert_eq!(at("A", "behind"), "0");
    // a department under the minimum shows nothing, zeros included
    for k in ["ahead", "on_track", "behind", "unknown"] {
        assert_eq!(at("B", k), "suppressed", "{k}");
    }
    assert_eq!(at("C", "behind"), "5");
    assert_eq!(at("C", "on_track"), "5");
    // people of unknown position count in the department's size
    assert_eq!(
        (at("D", "unknown").as_str(), at("D", "on_track").as_str()),
        ("5", "5")
    );
    // exactly the minimum is enough
    assert_eq!(at("E", "on_track"), "5");
    // headcount is organisational and stays
    assert_eq!(
        cell(&csv, "headcount", "B", "Administrative route/Staff"),
        "3"
    );
}

#[test]
fn needs_hide_a_small_count_and_the_next_smallest() {
    let mut all = people("A", 6, 6, |p| p.top_needs = vec!["money"]);
    all.extend(people("B", 7, 7, |p| p.top_needs = vec!["challenge"]));
    all.extend(people("C", 2, 2, |p| p.top_needs = vec!["security"]));
    let csv = csv(&all);
    assert_eq!(cell(&csv, "need_top", "", "security"), "suppressed");
    assert_eq!(
        cell(&csv, "need_top", "", "money"),
        "suppressed",
        "the total of the picks would give security away"
    );
    assert_eq!(cell(&csv, "need_top", "", "challenge"), "7");
}

#[test]
fn track_mismatch_hides_small_counts_and_small_complements() {
    let lean = |p: &mut Summary| p.mismatch = Some(Leaning::Technical);
    let mut all = people("FewMatch", 7, 5, lean);
    all.extend(people("FewLean", 7, 2, lean));
    all.extend(people("Even", 10, 5, lean));
    all.extend(people("Small", 3, 0, lean));
    all.extend(people("Exact", 5, 0, lean));
    let csv = csv(&all);
    let at = |d: &str| cell(&csv, "track_mismatch", d, "people");
    // 5 of 7 would show that the other 2 do not lean away
    assert_eq!(at("FewMatch"), "suppressed");
    assert_eq!(at("FewLean"), "suppressed");
    assert_eq!(at("Even"), "5");
    assert_eq!(at("Small"), "suppressed", "listed, and hidden, though zero");
    assert_eq!(at("Exact"), "0", "exactly the minimum is enough");
}

#[test]
fn blind_spots_need_the_group_minimum_behind_each_trait_and_without_it() {
    let rated = |p: &mut Summary| {
        p.enough_raters = true;
        p.raters = 4;
    };
    let mut all = people("A", 10, 10, rated);
    for (i, p) in all.iter_mut().enumerate() {
        // quiet: 5 of 10; calm: 6 of 10 (4 without); kind: 1
        if i < 5 {
            p.blind.push("quiet");
        }
        if i < 6 {
            p.blind.push("calm");
        }
        if i == 9 {
            p.blind.push("kind");
        }
    }
    let mut b = people("B", 4, 4, rated);
    for p in &mut b {
        p.blind = vec!["calm"];
    }
    all.extend(b);
    let csv = csv(&all);
    assert_eq!(cell(&csv, "blind_spot", "A", "quiet"), "5");
    assert_eq!(
        cell(&csv, "blind_spot", "A", "kind"),
        "absent",
        "one person's blind spot is never shown"
    );
    assert_eq!(
        cell(&csv, "blind_spot", "A", "calm"),
        "absent",
        "6 of 10 would show that 4 do not have it"
    );
    assert_eq!(
        cell(&csv, "blind_spot", "B", "calm"),
        "absent",
        "a department of 4 with feedback shows no traits"
    );
}

#[test]
fn readiness_hides_small_ready_and_small_not_ready() {
    let ready = |p: &mut Summary| p.ready = Some(true);
    let mut all: Vec<Summary> = Vec::new();
    for (dept, n, r) in [
        ("Most", 7, 6),
        ("Few", 7, 2),
        ("Half", 10, 5),
        ("Small", 3, 0),
    ] {
        let mut g = people(dept, n, r, ready);
        for p in g.iter_mut().skip(r) {
            p.ready = Some(false);
        }
        all.extend(g);
    }
    let csv = csv(&all);
    let key = "Administrative route/Staff";
    assert_eq!(
        cell(&csv, "readiness_ready", "Most", key),
        "suppressed",
        "6 of 7 would show the one who is not ready"
    );
    assert_eq!(cell(&csv, "readiness_ready", "Few", key), "suppressed");
    assert_eq!(cell(&csv, "readiness_ready", "Half", key), "5");
    assert_eq!(cell(&csv, "readiness_people", "Few", key), "7");
    assert_eq!(
        cell(&csv, "readiness_ready", "Small", key),
        "suppressed",
        "none ready of 3 is about each of the 3"
    );
}

#[test]
fn progress_shows_actions_only_from_the_group_minimum_with_actions() {
    let acts = |p: &mut Summary| {
        p.progress.done = 2;
        p.progress.planned = 1;
        p.reviews = (1, 2);
    };
    let mut all = people("Few", 6, 2, acts);
    all.extend(people("Many", 6, 5, acts));
    all.extend(people("Small", 4, 4, acts));
    all[0].with_previous = true;
    all[0].blind_to_open = 1;
    // Many: 6 with a previous cycle, 5 of them moved a trait (1 did not)
    for p in all.iter_mut().filter(|p| p.department == "Many") {
        p.with_previous = true;
        p.blind_to_open = 1;
    }
    all.iter_mut()
        .rfind(|p| p.department == "Many")
        .unwrap()
        .blind_to_open = 0;
    let mut even = people("Even", 10, 10, |p| p.with_previous = true);
    for p in even.iter_mut().take(5) {
        p.blind_to_open = 2;
    }
    all.extend(even);
    let csv = csv(&all);
    for k in ["actions_done", "actions_planned", "actions_in_progress"] {
        assert_eq!(
            cell(&csv, "progress", "Few", k),
            "suppressed",
            "{k}: two people's plans are not the department's"
        );
    }
    assert_eq!(cell(&csv, "progress", "Many", "actions_done"), "10");
    assert_eq!(
        cell(&csv, "progress", "Few", "people_blind_to_open"),
        "suppressed"
    );
    assert_eq!(
        cell(&csv, "progress", "Many", "people_blind_to_open"),
        "suppressed",
        "5 of 6 would show the one who did not move"
    );
    assert_eq!(cell(&csv, "progress", "Even", "people_blind_to_open"), "5");
    assert_eq!(cell(&csv, "progress", "Small", "actions_done"), "absent");
    assert_eq!(cell(&csv, "progress", "Small", "people"), "4");
}

#[test]
fn coverage_cannot_be_subtracted_to_find_a_hidden_department() {
    let rated = |p: &mut Summary| p.enough_raters = true;
    let mut all = people("X", 6, 6, rated);
    all.extend(people("Y", 6, 0, rated));
    all.extend(people("Z", 6, 1, rated));
    all.extend(people("W", 8, 8, rated));
    // every position counts in a department's size
    for (i, p) in all.iter_mut().enumerate() {
        p.position = [None, Some(Position::Behind), Some(Position::Ahead)]
            .get(i % 4)
            .copied()
            .unwrap_or(p.position);
    }
    let csv = csv(&all);
    let at = |d: &str| cell(&csv, "feedback", d, "enough_raters");
    assert_eq!(at(""), "15");
    assert_eq!(cell(&csv, "feedback", "", "too_few_raters"), "11");
    assert_eq!(at("Z"), "suppressed", "1 of 6");
    // 15 − X − Y − W would be Z's 1: a second department is hidden with it
    assert_eq!(at("X"), "suppressed");
    assert_eq!((at("Y").as_str(), at("W").as_str()), ("0", "8"));
    // few with too few raters in all: the totals go, and Q stays hidden
    let mut all = people("P", 6, 6, rated);
    all.extend(people("Q", 6, 4, rated));
    let csv2 = self::csv(&all);
    assert_eq!(cell(&csv2, "feedback", "", "too_few_raters"), "suppressed");
    assert_eq!(cell(&csv2, "feedback", "", "enough_raters"), "suppressed");
    assert_eq!(cell(&csv2, "feedback", "Q", "enough_raters"), "suppressed");
    assert_eq!(cell(&csv2, "feedback", "P", "enough_raters"), "6");
    // 5 of 7 with enough raters would show the 2 with too few
    let mut all = people("P", 10, 10, rated);
    all.extend(people("V", 7, 5, rated));
    let csv3 = self::csv(&all);
    assert_eq!(cell(&csv3, "feedback", "V", "enough_raters"), "suppressed");
    assert_eq!(cell(&csv3, "feedback", "P", "enough_raters"), "10");
    // A hides 2 with too few: alone, 8 − B − C would give them away, so the
    // department with the fewest with too few goes with it
    let mut all = people("A", 7, 5, rated);
    all.extend(people("B", 6, 0, rated));
    all.extend(people("C", 10, 10, rated));
    let csv4 = self::csv(&all);
    let at4 = |d: &str| cell(&csv4, "feedback", d, "enough_raters");
    assert_eq!((at4("").as_str(), at4("A").as_str()), ("15", "suppressed"));
    assert_eq!(at4("B"), "suppressed");
    assert_eq!(at4("C"), "10", "hidden together with A, B need no third");
    // a run under the minimum shows no totals; one of exactly the minimum does
    let tiny = self::csv(&people("T", 3, 3, rated));
    assert_eq!(cell(&tiny, "feedback", "", "enough_raters"), "suppressed");
    assert_eq!(cell(&tiny, "feedback", "", "too_few_raters"), "suppressed");
    let five = self::csv(&people("F", 5, 5, rated));
    assert_eq!(cell(&five, "feedback", "", "enough_raters"), "5");
    assert_eq!(cell(&five, "feedback", "", "too_few_raters"), "0");
}
