//! Track fit: which ladder the person's needs lean to, weighted by their ranks.

use crate::profile::catalog;
use crate::profile::ladder::{Kind, Ladders};
use crate::profile::model::Profile;
use serde::Serialize;

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
