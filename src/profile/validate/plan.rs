//! Checks the plan: actions and the review schedule.

use super::Ctx;
use crate::catalog;
use crate::model::*;
use crate::profile::raw::{RawAction, RawReviews};

/// Checks the action plan.
pub(super) fn actions(c: &mut Ctx, raw_actions: Vec<RawAction>) -> Vec<Action> {
    if raw_actions.len() > 500 {
        c.err(
            "actions",
            format!("{} actions; at most 500 are allowed", raw_actions.len()),
            "split the plan into several profiles",
        );
    }
    let mut actions = Vec::new();
    for (i, a) in raw_actions.into_iter().take(500).enumerate() {
        let p = format!("actions[{i}]");
        let goal = c.text(&format!("{p}.goal"), Some(a.goal));
        if goal.is_none() {
            c.err(
                &format!("{p}.goal"),
                "the goal is empty",
                "write what you want to achieve",
            );
        }
        actions.push(Action {
            goal: goal.unwrap_or_default(),
            steps: c.text(&format!("{p}.steps"), a.steps),
            due: c.date(&format!("{p}.due"), a.due),
            support: c.text(&format!("{p}.support"), a.support),
            measure: c.text(&format!("{p}.measure"), a.measure),
        });
    }
    actions
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
                    Some(n) => {
                        format!("did you mean `{n}`? write month, quarter, half_year or year")
                    }
                    None => "write month, quarter, half_year or year".into(),
                };
                c.err(
                    "reviews.every",
                    format!("unknown review interval `{w}`"),
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
