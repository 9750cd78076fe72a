//! The HR overview of a batch run, made to be shared with department managers:
//! `_overview.html` (self-contained, inline SVG charts) and `_overview.csv` (long
//! format, safe to open in Excel), built from a run's raw counts ([`Tally`]). Every
//! cell that counts people by something personal is suppressed when fewer than the
//! group minimum stand behind it, after all counting, with one more cell suppressed
//! where a row total would give a lone suppressed cell away. Organisational counts
//! (headcount by department and rung) stay. Names appear only in HR's `--named` lists.

mod build;
mod cells;
mod chart;
mod csv;
pub mod suppress;

pub use super::tally::Tally;
use crate::base::locale::Locale;
use crate::profile::ladder::Ladders;
pub use build::from_tally;
pub use cells::*;
pub use csv::{csv, csv_field};

/// Stem of the overview's file names (`_overview.html`, `_overview-2-of-8.csv`):
/// no employee's file can be named so, because output names never start with `_`.
pub const FILE_STEM: &str = "_overview";

pub use crate::base::privacy::{MIN_GROUP, MIN_GROUP_FLOOR};

/// How the overview is made.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    /// Fewest people behind a shown cell (at least [`MIN_GROUP_FLOOR`]).
    pub min_group: usize,
    /// Language of rung titles, need and trait names.
    pub locale: Locale,
    /// Add HR's named lists (who is behind, who leans against their ladder, who has
    /// too few raters). Never for an overview that is shared.
    pub named: bool,
    /// Ladders, for rung titles.
    pub ladders: &'a Ladders,
}
