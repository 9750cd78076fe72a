//! Checks the plan: actions and the review schedule.

use super::Ctx;
use crate::profile::catalog;
use crate::profile::model::*;
use crate::profile::raw::{RawAction, RawReviewEntry, RawReviews, TextOrList};

/// Checks the action plan.
pub(super) fn actions(c: &mut Ctx, raw_actions: Vec<RawAction>, today: Date) -> Vec<Action> {
    if raw_actions.len() > 500 {
        c.err(
            "actions",
            crate::msg!("validate.actions.many", count = raw_actions.len()),
            crate::msg!("validate.actions.many.help"),
        );
    }
    let mut actions = Vec::new();
    for (i, a) in raw_actions.into_iter().take(500).enumerate() {
        let p = format!("actions[{i}]");
        let before = c.errs.len();
        let goal = c.text(&format!("{p}.goal"), Some(a.goal));
        if goal.is_none() && c.errs.len() == before {
            c.err(
                &format!("{p}.goal"),
                crate::msg!("validate.goal.empty"),
                crate::msg!("validate.goal.empty.help"),
            );
        }
        let status = match a.status.as_ref().map(|t| t.0.trim()) {
            None | Some("") => Status::Planned,
            Some(w) => match Status::parse(w) {
                Some(s) => s,
                None => {
                    let near = catalog::nearest(&catalog::normalise(w), Status::WORDS);
                    c.err(
                        &format!("{p}.status"),
                        crate::msg!("validate.status", text = w),
                        match near {
                            Some(n) => crate::msg!("validate.status.near", near = n),
                            None => crate::msg!("validate.status.list"),
                        },
                    );
                    Status::Planned
                }
            },
        };
        let done_on = c.date(&format!("{p}.done_on"), a.done_on);
        if let Some(d) = done_on {
            if a.status.is_some() && status != Status::Done {
                c.err_key(
                    &format!("{p}.done_on"),
                    crate::msg!("validate.done_on.not_done"),
                    crate::msg!("validate.done_on.not_done.help"),
                );
            } else if a.status.is_none() {
                c.err_key(
                    &format!("{p}.done_on"),
                    crate::msg!("validate.done_on.no_status"),
                    crate::msg!("validate.done_on.no_status.help"),
                );
            } else if d.first_day() > today {
                c.err(
                    &format!("{p}.done_on"),
                    crate::msg!(
                        "validate.done_on.future",
                        date = d.display(),
                        today = today.iso()
                    ),
                    crate::msg!("validate.done_on.future.help"),
                );
            }
        }
        actions.push(Action {
            goal: goal.unwrap_or_default(),
            steps: c.text(&format!("{p}.steps"), a.steps),
            due: c.date(&format!("{p}.due"), a.due),
            support: c.text(&format!("{p}.support"), a.support),
            measure: c.text(&format!("{p}.measure"), a.measure),
            status,
            done_on,
            note: c.text(&format!("{p}.note"), a.note),
            carried: false,
        });
    }
    actions
}

/// Checks the log of reviews held: dates not after today, oldest first.
pub(super) fn review_log(c: &mut Ctx, log: Vec<RawReviewEntry>, today: Date) -> Vec<ReviewEntry> {
    let mut out = Vec::new();
    for (i, e) in log.into_iter().take(100).enumerate() {
        let p = format!("reviews.log[{i}]");
        let Some(date) = c.date(&format!("{p}.date"), Some(e.date)) else {
            continue;
        };
        if date.first_day() > today {
            c.err(
                &format!("{p}.date"),
                crate::msg!(
                    "validate.review.future",
                    date = date.display(),
                    today = today.iso()
                ),
                crate::msg!("validate.review.future.help"),
            );
            continue;
        }
        let changes = match e.changes {
            None => Vec::new(),
            Some(TextOrList::One(t)) => c
                .text(&format!("{p}.changes"), Some(t))
                .into_iter()
                .collect(),
            Some(TextOrList::Many(list)) => c.texts(&format!("{p}.changes"), Some(list), 30),
        };
        out.push(ReviewEntry {
            date,
            notes: c.text(&format!("{p}.notes"), e.notes),
            changes,
        });
    }
    out.sort_by_key(|e| e.date.first_day());
    out
}

/// Checks the review schedule.
pub(super) fn reviews(c: &mut Ctx, r: RawReviews, today: Date) -> Option<(Every, PartialDate)> {
    let every = match r.every.as_ref().map(|t| catalog::normalise(&t.0)) {
        None => Some(Every::Quarter),
        Some(w) => match w.as_str() {
            "month" | "monthly" | "每月" | "月" => Some(Every::Month),
            "quarter" | "quarterly" | "每季度" | "季度" => Some(Every::Quarter),
            "half_year" | "halfyear" | "每半年" | "半年" => Some(Every::HalfYear),
            "year" | "yearly" | "annual" | "每年" | "年" => Some(Every::Year),
            _ => {
                let near = catalog::nearest(&w, ["month", "quarter", "half_year", "year"]);
                let help = match near {
                    Some(n) => crate::msg!("validate.every.near", near = n),
                    None => crate::msg!("validate.every.list"),
                };
                c.err(
                    "reviews.every",
                    crate::msg!("validate.every", text = w),
                    help,
                );
                None
            }
        },
    };
    let start = match r.start {
        Some(t) => c.date("reviews.start", Some(t)),
        None => {
            let next = Date {
                year: today.year,
                month: today.month,
                day: 1,
            }
            .add_months(1);
            Some(PartialDate {
                year: next.year,
                month: Some(next.month),
                day: None,
            })
        }
    };
    Some((every?, start?))
}
