//! Pure analysis of a validated profile: Johari panes, ladder position, track fit,
//! review dates and pane-driven suggestions. No IO; "today" is passed in.

pub mod cycle;
pub mod johari;
pub mod position;
pub mod progress;
pub mod readiness;
pub mod track;

pub use johari::{johari, Johari, JohariRules};
pub use position::{ladder_position, LadderPosition, Position};
pub use progress::review_dates;
pub use track::{track_fit, Leaning, TrackFit};

use crate::profile::ladder::Ladders;
use crate::profile::model::{Date, Profile};
use serde::Serialize;

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
    pub readiness: Option<crate::analysis::readiness::Readiness>,
    /// This cycle's progress: actions by status, overdue, reviews held and due.
    pub progress: crate::analysis::progress::Progress,
    /// What changed since the last cycle (`null` without `--previous`).
    pub changes: Option<crate::analysis::cycle::Changes>,
}

/// Runs every analysis.
pub fn analyse(p: &Profile, ladders: &Ladders, rules: JohariRules, today: Date) -> Analysis {
    let reviews = review_dates(p);
    Analysis {
        johari: johari(&p.johari_self, &p.johari_peers, rules),
        ladder: ladder_position(p, ladders, today),
        track_fit: track_fit(p, ladders),
        readiness: crate::analysis::readiness::readiness(p, ladders, today),
        progress: crate::analysis::progress::progress(p, &reviews, today),
        reviews,
        changes: None,
    }
}
#[cfg(test)]
mod tests;
