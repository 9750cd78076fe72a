//! This cycle's progress: the review schedule, actions by status, overdue actions,
//! reviews held and due. Pure: no IO; "today" is passed in.

use crate::profile::model::{Action, Date, PartialDate, Profile, Status};
use serde::Serialize;

/// Review dates from the profile's schedule (two years ahead, 3–12 dates).
pub fn review_dates(p: &Profile) -> Vec<Date> {
    let Some((every, start)) = p.reviews else {
        return Vec::new();
    };
    let first = Date {
        year: start.year,
        month: start.month.unwrap_or(1),
        day: start.day.unwrap_or(1),
    };
    let n = (24 / every.months()).clamp(3, 12);
    (0..n)
        .map(|k| first.add_months(k * every.months()))
        .collect()
}

/// Actions by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// Planned.
    pub planned: usize,
    /// In progress.
    pub in_progress: usize,
    /// Done.
    pub done: usize,
    /// Dropped.
    pub dropped: usize,
}

impl StatusCounts {
    /// Actions of every status.
    pub fn actions(&self) -> usize {
        self.planned + self.in_progress + self.done + self.dropped
    }
}

/// One scheduled review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewSlot {
    /// Scheduled date.
    pub date: Date,
    /// The logged review that counts for it (within 31 days), if any.
    pub held_on: Option<PartialDate>,
    /// Whether it is the next review due.
    pub next: bool,
}

/// This cycle's progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Actions by status.
    pub counts: StatusCounts,
    /// Numbers (1-based, in the plan's order) of actions past due and not done.
    pub overdue: Vec<usize>,
    /// Actions carried over from the last cycle.
    pub carried: usize,
    /// The schedule with what was held.
    pub schedule: Vec<ReviewSlot>,
    /// Reviews logged up to today.
    pub reviews_held: usize,
    /// Scheduled reviews whose date has come.
    pub reviews_due: usize,
    /// The next review due (the first scheduled date from today not yet held).
    pub next_review: Option<Date>,
    /// The date progress is measured at.
    #[serde(skip)]
    pub today: Date,
}

/// Whether an action is past its due date (the end of the period written) and still
/// open, as of `today`.
pub fn is_overdue(a: &Action, today: Date) -> bool {
    // a carried-over action keeps last cycle's date only as a record: it needs a new one
    !a.carried && a.status.open() && a.due.is_some_and(|d| d.last_day() < today)
}

/// Works out this cycle's progress against the review schedule.
pub fn progress(p: &Profile, schedule: &[Date], today: Date) -> Progress {
    let mut counts = StatusCounts::default();
    for a in &p.actions {
        match a.status {
            Status::Planned => counts.planned += 1,
            Status::InProgress => counts.in_progress += 1,
            Status::Done => counts.done += 1,
            Status::Dropped => counts.dropped += 1,
        }
    }
    let mut used = vec![false; p.review_log.len()];
    let mut slots: Vec<ReviewSlot> = schedule
        .iter()
        .map(|d| {
            let held = p
                .review_log
                .iter()
                .enumerate()
                .filter(|(i, e)| {
                    !used[*i] && (e.date.first_day().unix_days() - d.unix_days()).abs() <= 31
                })
                .min_by_key(|(_, e)| (e.date.first_day().unix_days() - d.unix_days()).abs())
                .map(|(i, e)| (i, e.date));
            if let Some((i, _)) = held {
                used[i] = true;
            }
            ReviewSlot {
                date: *d,
                held_on: held.map(|(_, d)| d),
                next: false,
            }
        })
        .collect();
    let next = slots
        .iter()
        .position(|s| s.held_on.is_none() && s.date >= today);
    if let Some(i) = next {
        slots[i].next = true;
    }
    Progress {
        counts,
        overdue: p
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| is_overdue(a, today))
            .map(|(i, _)| i + 1)
            .collect(),
        carried: p.actions.iter().filter(|a| a.carried).count(),
        reviews_held: p
            .review_log
            .iter()
            .filter(|e| e.date.first_day() <= today)
            .count(),
        reviews_due: schedule.iter().filter(|d| **d <= today).count(),
        next_review: next.map(|i| slots[i].date),
        schedule: slots,
        today,
    }
}
