//! The privacy thresholds, one constant each: the CLI's defaults (`default_value_t`),
//! its floors and the library's defaults all read them from here, so a default can
//! never drift between the command line and the Johari analysis or the overview.

/// Fewest peers whose answers are shown at all (`--min-raters` default).
pub const MIN_RATERS: usize = 3;
/// `--min-raters` is never below this: with 2 raters each one could read the
/// other's picks off the panes.
pub const MIN_RATERS_FLOOR: usize = 3;
/// Fewest peers who must pick a trait for it to count as known to others.
pub const MIN_VOTES: usize = 2;
/// Share of the peers that must pick a trait for it to count as known to others
/// (`--min-share` default); never fewer than [`MIN_VOTES`] peers.
pub const DEFAULT_MIN_SHARE: f64 = 0.25;
/// Fewest raters for per-trait peer counts (`--peer-counts`) to be shown at all:
/// with fewer, two rounds a rater apart could be subtracted to recover that
/// rater's picks.
pub const MIN_RATERS_FOR_COUNTS: usize = 5;
/// Smallest per-trait peer count ever shown: a ×1 is one rater's own pick.
pub const MIN_PEER_COUNT: usize = 2;
/// Fewest people behind a shown cell of the overview (`--min-group` default).
pub const MIN_GROUP: usize = 5;
/// `--min-group` is never below this.
pub const MIN_GROUP_FLOOR: usize = 3;

// the defaults never fall below their floors, checked when the crate compiles
const _: () = assert!(MIN_RATERS >= MIN_RATERS_FLOOR && MIN_RATERS_FLOOR >= 3);
const _: () = assert!(MIN_GROUP >= MIN_GROUP_FLOOR && MIN_GROUP_FLOOR >= 3);
const _: () = assert!(MIN_RATERS_FOR_COUNTS > MIN_RATERS);
const _: () = assert!(MIN_PEER_COUNT >= 2 && MIN_VOTES >= 2);
