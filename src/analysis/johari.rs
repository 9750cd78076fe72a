//! The Johari window (橱窗分析法): the four panes from the person's own picks and
//! the peers', under the privacy thresholds of [`crate::base::privacy`].

use crate::profile::catalog::{Item, ADJECTIVES};
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

use crate::base::privacy::{
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
