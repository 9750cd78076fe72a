//! What the overview shows, cell by cell: each field is a count already suppressed
//! (`None`) where fewer than the group minimum stand behind it.

use crate::batch::tally::Named;
use crate::batch::Failure;
use crate::workbook::Block;
use serde::Serialize;

/// Headcount of one department × ladder × rung.
#[derive(Debug, Serialize)]
pub struct Head {
    pub(super) department: String,
    pub(super) track: String,
    pub(super) level: String,
    pub(super) count: usize,
}

/// Ladder positions of one department (`None`: suppressed).
#[derive(Debug, Serialize, Default)]
pub struct Positions {
    pub(super) department: String,
    pub(super) people: usize,
    pub(super) ahead: Option<usize>,
    pub(super) on_track: Option<usize>,
    pub(super) behind: Option<usize>,
    pub(super) unknown: Option<usize>,
}

/// How often one need was chosen.
#[derive(Debug, Serialize)]
pub struct NeedCount {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) top: Option<usize>,
    pub(super) next: Option<usize>,
}

/// People of one department whose needs lean against their ladder.
#[derive(Debug, Serialize)]
pub struct Mismatch {
    pub(super) department: String,
    pub(super) people: Option<usize>,
}

/// Blind-spot traits of one department.
#[derive(Debug, Serialize)]
pub struct Blind {
    pub(super) department: String,
    /// People with enough raters (the department's feedback coverage).
    pub(super) people: Option<usize>,
    pub(super) shown: bool,
    pub(super) traits: Vec<(String, usize)>,
}

/// Readiness for the next rung of one department × ladder × rung.
#[derive(Debug, Serialize)]
pub struct Ready {
    pub(super) department: String,
    pub(super) track: String,
    pub(super) level: String,
    pub(super) people: usize,
    pub(super) shown: bool,
    pub(super) ready: Option<usize>,
}

/// This cycle's progress of one department.
#[derive(Debug, Serialize, Default)]
pub struct DeptProgress {
    pub(super) department: String,
    pub(super) people: usize,
    pub(super) shown: bool,
    pub(super) done: usize,
    pub(super) in_progress: usize,
    pub(super) planned: usize,
    pub(super) dropped: usize,
    pub(super) overdue: usize,
    pub(super) reviews_held: usize,
    pub(super) reviews_due: usize,
    pub(super) with_previous: usize,
    pub(super) blind_to_open: Option<usize>,
    /// Action counts are shown only when at least the group minimum of people have
    /// actions (so that one person's plan is never shown as the department's).
    pub(super) actions_shown: bool,
}

/// Everything the overview shows.
#[derive(Debug, Serialize)]
pub struct Overview {
    pub(super) date: String,
    pub lang: &'static str,
    pub(super) total: usize,
    pub(super) ok: usize,
    pub(super) failed: usize,
    pub(super) skipped: usize,
    pub(super) min_group: usize,
    pub(super) headcount: Vec<Head>,
    pub(super) positions: Vec<Positions>,
    pub(super) position_chart: Block,
    pub(super) needs: Vec<NeedCount>,
    pub(super) needs_chart: Block,
    pub(super) mismatches: Vec<Mismatch>,
    pub(super) blind: Vec<Blind>,
    pub(super) enough_raters: Option<usize>,
    pub(super) too_few_raters: Option<usize>,
    pub(super) readiness: Vec<Ready>,
    pub(super) progress: Vec<DeptProgress>,
    pub(super) named: bool,
    pub(super) behind_people: Vec<Named>,
    pub(super) leaning_people: Vec<Named>,
    pub(super) short_of_raters: Vec<Named>,
    pub(super) failures: Vec<Failure>,
    pub(super) feedback_files: Vec<FeedbackFile>,
}

/// A feedback file as the overview shows it: by number, counts only (a file's name
/// could be its rater's; a problem line could quote the file).
#[derive(Debug, Serialize)]
pub(super) struct FeedbackFile {
    pub(super) number: usize,
    pub(super) rows: usize,
    pub(super) used: usize,
    /// Rows not counted, by why, in words.
    pub(super) skipped: String,
    /// Whether one person answering twice could be detected.
    pub(super) identity: bool,
}

impl Serialize for Failure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Failure", 2)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("reason", &self.reason)?;
        st.end()
    }
}
