//! Readiness for the next rung: that rung's qualification standards with the person's
//! and the manager's marks, counted, and the years spent on the current rung — facts
//! to plan development with, never a verdict. Pure: no IO, "today" is passed in.

use crate::profile::ladder::{Ladder, Ladders};
use crate::profile::model::{Date, Mark, Profile};
use serde::Serialize;

/// One standard with its marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardMark {
    /// Standard id.
    pub id: String,
    /// Area id (`basics`, `knowledge`, `skills`, `behaviour`, `results`).
    pub area: String,
    /// Own mark.
    #[serde(rename = "self")]
    pub self_mark: Option<Mark>,
    /// The manager's mark.
    pub manager: Option<Mark>,
    /// The standard's weight in percent, on a ladder with weights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl StandardMark {
    /// Still to work on: the manager's mark when there is one, else the person's, is
    /// `towards` or missing.
    pub fn is_gap(&self) -> bool {
        !self.manager.or(self.self_mark).is_some_and(Mark::met)
    }
}

/// Where the person stands against the standards of the rung they aim at next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// The next rung's id; `None` on the top rung (then the current rung's standards
    /// are listed, for self-assessment).
    pub next_level: Option<String>,
    /// The rung whose standards are listed.
    pub assessed_level: String,
    /// Those standards, in the ladder's order, with the marks given.
    pub standards: Vec<StandardMark>,
    /// Standards met (meets or exceeds) in the person's own marks.
    pub met_self: usize,
    /// Standards met in the manager's marks.
    pub met_manager: usize,
    /// Number of standards.
    pub total: usize,
    /// Years on the current rung, from `career.since`.
    pub years_on_rung: Option<i32>,
    /// Years usually spent on the current rung before the next (the next rung's
    /// `min_years`).
    pub min_years: Option<u32>,
    /// On a rung with weights: the share of the weights met in the person's own
    /// marks, in percent of the rung's weights (one decimal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weighted_met_self: Option<f64>,
    /// The same in the manager's marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weighted_met_manager: Option<f64>,
}

impl Readiness {
    /// Whether the manager marked every standard as met.
    pub fn ready_by_manager(&self) -> bool {
        self.total > 0 && self.met_manager == self.total
    }

    /// The standards still to work on.
    pub fn gaps(&self) -> impl Iterator<Item = &StandardMark> {
        self.standards.iter().filter(|s| s.is_gap())
    }

    /// Whether any mark at all was given.
    pub fn any_marks(&self) -> bool {
        self.standards
            .iter()
            .any(|s| s.self_mark.is_some() || s.manager.is_some())
    }
}

/// Works out readiness; `None` without a ladder and a current rung.
pub fn readiness(p: &Profile, ladders: &Ladders, today: Date) -> Option<Readiness> {
    let career = p.career.as_ref()?;
    let ladder: &Ladder = ladders.get(&career.track).ok()?;
    let level = career.level?;
    let next = ladder.rungs.get(level + 1);
    let assessed = next.unwrap_or(&ladder.rungs[level]);
    let standards: Vec<StandardMark> = assessed
        .standards
        .iter()
        .map(|s| {
            let a = career.assessment.iter().find(|a| a.id == s.id);
            StandardMark {
                id: s.id.clone(),
                area: s.area.clone(),
                self_mark: a.and_then(|a| a.self_mark),
                manager: a.and_then(|a| a.manager),
                weight: s.weight,
            }
        })
        .collect();
    let met = |f: fn(&StandardMark) -> Option<Mark>| {
        standards
            .iter()
            .filter(|s| f(s).is_some_and(Mark::met))
            .count()
    };
    let weighted_met_self = weighted_met(&standards, |s| s.self_mark);
    let weighted_met_manager = weighted_met(&standards, |s| s.manager);
    Some(Readiness {
        next_level: next.map(|r| r.id.clone()),
        assessed_level: assessed.id.clone(),
        met_self: met(|s| s.self_mark),
        met_manager: met(|s| s.manager),
        total: standards.len(),
        standards,
        years_on_rung: career.since.map(|y| (today.year - y).max(0)),
        min_years: next.and_then(|r| r.min_years),
        weighted_met_self,
        weighted_met_manager,
    })
}

/// The weights of the standards met in one set of marks, in percent of all the
/// weights (one decimal); `None` when no standard has a weight.
fn weighted_met(
    standards: &[StandardMark],
    mark: fn(&StandardMark) -> Option<Mark>,
) -> Option<f64> {
    let total: f64 = standards.iter().filter_map(|s| s.weight).sum();
    if total <= 0.0 {
        return None;
    }
    let met: f64 = standards
        .iter()
        .filter(|s| mark(s).is_some_and(Mark::met))
        .filter_map(|s| s.weight)
        .sum();
    Some((met / total * 1000.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{load_str, LoadOptions};

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn load(career: &str) -> Profile {
        let l = Ladders::builtin();
        let text = format!("person:\n  name: 某人\n  birth_year: 1990\ncareer:\n{career}");
        load_str(
            &text,
            &LoadOptions {
                ladders: &l,
                today: TODAY,
            },
        )
        .unwrap()
    }

    #[test]
    fn counts_marks_of_the_next_rung() {
        let p = load(
            "  track: administrative\n  level: staff\n  since: 2023\n  assessment:\n    supervisor_planning: { self: meets, manager: 达到 }\n    supervisor_coaching: { self: exceeds, manager: towards }\n    supervisor_results: { self: 待提高 }\n    staff_reliable_delivery: { self: meets }\n",
        );
        let r = readiness(&p, &Ladders::builtin(), TODAY).unwrap();
        assert_eq!(r.next_level.as_deref(), Some("supervisor"));
        assert_eq!(r.total, 7);
        assert_eq!((r.met_self, r.met_manager), (2, 1));
        assert_eq!(r.years_on_rung, Some(3));
        assert_eq!(r.min_years, Some(3));
        assert!(!r.ready_by_manager());
        // the manager's towards outweighs the own exceeds; unmarked ones are gaps too
        let gaps: Vec<&str> = r.gaps().map(|s| s.id.as_str()).collect();
        assert!(gaps.contains(&"supervisor_coaching"));
        assert!(gaps.contains(&"supervisor_results"));
        assert!(!gaps.contains(&"supervisor_planning"));
        assert_eq!(gaps.len(), 6);
    }

    #[test]
    fn the_top_rung_lists_its_own_standards() {
        let p = load("  track: administrative\n  level: director\n");
        let r = readiness(&p, &Ladders::builtin(), TODAY).unwrap();
        assert_eq!(r.next_level, None);
        assert_eq!(r.assessed_level, "director");
        assert!(r.total >= 5);
        assert_eq!(r.min_years, None);
        assert!(!r.any_marks());
    }

    #[test]
    fn weights_give_the_share_met_by_weight() {
        let ladder = crate::profile::ladder::parse(
            "id: w\nkind: other\nname: { zh: 甲 }\nrungs:\n  - { id: a, title: { zh: 甲 }, typical_age: 25 }\n  - id: b\n    title: { zh: 乙 }\n    typical_age: 30\n    standards:\n      - { id: b1, area: skills, weight: 50, text: { zh: 一 } }\n      - { id: b2, area: knowledge, weight: 30, text: { zh: 二 } }\n      - { id: b3, area: results, weight: 20, text: { zh: 三 } }\n",
        )
        .unwrap();
        let mut ladders = Ladders::builtin();
        ladders.all.push(ladder);
        let text = "person:\n  name: 某人\ncareer:\n  track: w\n  level: a\n  assessment:\n    b1: { self: meets, manager: towards }\n    b3: { self: exceeds, manager: meets }\n";
        let opts = LoadOptions {
            ladders: &ladders,
            today: TODAY,
        };
        let p = load_str(text, &opts).unwrap();
        let r = readiness(&p, &ladders, TODAY).unwrap();
        assert_eq!(
            (r.weighted_met_self, r.weighted_met_manager),
            (Some(70.0), Some(20.0))
        );
        assert_eq!(r.standards[1].weight, Some(30.0));
        // without weights, nothing is said by weight
        let r = readiness(
            &load("  track: administrative\n  level: staff\n"),
            &ladders,
            TODAY,
        )
        .unwrap();
        assert_eq!((r.weighted_met_self, r.weighted_met_manager), (None, None));
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("weight"), "{json}");
    }

    #[test]
    fn no_rung_no_readiness() {
        let p = load("  track: technical\n");
        assert!(readiness(&p, &Ladders::builtin(), TODAY).is_none());
    }
}
