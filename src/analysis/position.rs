//! Where the person stands on their ladder: the rung, its typical age, the target
//! rung and the gap to it.

use crate::profile::ladder::{Ladder, Ladders};
use crate::profile::model::{Date, Profile};
use serde::Serialize;

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
