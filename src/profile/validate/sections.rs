//! Checks the profile's sections besides the person, the career and the plan: the
//! Johari picks, needs, answers, strategy, self-check and service.

use super::{Ctx, ADJ_HELP, BURNOUT_HELP, NEED_HELP};
use crate::profile::catalog::{self, Item};
use crate::profile::model::{Customer, Service};
use crate::profile::raw::{RawAnswers, RawJohari, RawNeeds, RawSelfCheck, RawService, RawStrategy};

/// The person's own picks and each peer's.
pub(super) fn johari(c: &mut Ctx, j: RawJohari) -> (Vec<&'static Item>, Vec<Vec<&'static Item>>) {
    let own = c.items(
        "johari.self",
        j.self_,
        catalog::ADJECTIVES,
        catalog::ADJECTIVE_ALIASES,
        "adjective",
        ADJ_HELP,
        10,
    );
    let peers_raw = j.peers.unwrap_or_default();
    if peers_raw.len() > 500 {
        c.err(
            "johari.peers",
            crate::msg!("validate.peers.many", count = peers_raw.len()),
            crate::msg!("validate.peers.many.help"),
        );
    }
    let peers = peers_raw
        .into_iter()
        .take(500)
        .enumerate()
        .map(|(i, list)| {
            c.items(
                &format!("johari.peers[{i}]"),
                Some(list),
                catalog::ADJECTIVES,
                catalog::ADJECTIVE_ALIASES,
                "adjective",
                ADJ_HELP,
                10,
            )
        })
        .collect();
    (own, peers)
}

/// The needs: the top three, the next three (none in both) and the person's own.
pub(super) fn needs(
    c: &mut Ctx,
    n: RawNeeds,
) -> (Vec<&'static Item>, Vec<&'static Item>, Vec<String>) {
    let top = c.items(
        "needs.top",
        n.top,
        catalog::NEEDS,
        &[],
        "need",
        NEED_HELP,
        3,
    );
    let next = c.items(
        "needs.next",
        n.next,
        catalog::NEEDS,
        &[],
        "need",
        NEED_HELP,
        3,
    );
    for (i, item) in next.iter().enumerate() {
        if top.contains(item) {
            c.err(
                &format!("needs.next[{i}]"),
                crate::msg!("validate.need.both", need = item.id),
                crate::msg!("validate.need.both.help"),
            );
        }
    }
    (top, next, c.texts("needs.extra", n.extra, 20))
}

/// The answers to the questions, the activities and the skills to develop.
pub(super) fn answers(
    c: &mut Ctx,
    a: RawAnswers,
) -> (Vec<(&'static str, String)>, Vec<String>, Vec<String>) {
    let mut answers = Vec::new();
    for (id, t) in [
        ("current_job_fit", a.current_job_fit),
        ("next_job_expectation", a.next_job_expectation),
        ("most_needed", a.most_needed),
        ("summary", a.summary),
    ] {
        if let Some(s) = c.text(&format!("answers.{id}"), t) {
            answers.push((id, s));
        }
    }
    let activities = c.texts("answers.activities", a.activities, 50);
    let skills_to_develop = c.texts("answers.skills_to_develop", a.skills_to_develop, 50);
    (answers, activities, skills_to_develop)
}

/// The strategy's four parts, those written.
pub(super) fn strategy(c: &mut Ctx, s: RawStrategy) -> Vec<(&'static str, String)> {
    let mut strategy = Vec::new();
    for (id, t) in [
        ("quality", s.quality),
        ("skills", s.skills),
        ("shortfalls", s.shortfalls),
        ("opportunities", s.opportunities),
    ] {
        if let Some(v) = c.text(&format!("strategy.{id}"), t) {
            strategy.push((id, v));
        }
    }
    strategy
}

/// The self-check: the mediocrity ratings (one per item, `None` when left out) and
/// the burnout signs.
pub(super) fn self_check(c: &mut Ctx, sc: RawSelfCheck) -> (Vec<Option<u8>>, Vec<&'static Item>) {
    let mediocrity = c.keyed_ratings(
        "self_check.mediocrity",
        sc.mediocrity,
        catalog::MEDIOCRITY,
        "self-check item",
    );
    let burnout = c.items(
        "self_check.burnout",
        sc.burnout,
        catalog::BURNOUT_SIGNS,
        &[],
        "burnout sign",
        BURNOUT_HELP,
        8,
    );
    (mediocrity, burnout)
}

/// The service modules: internal customers, service style and quality ratings.
pub(super) fn service(c: &mut Ctx, s: RawService) -> Service {
    let internal_customers = s
        .internal_customers
        .unwrap_or_default()
        .into_iter()
        .take(100)
        .enumerate()
        .map(|(i, cu)| Customer {
            who: c
                .text(
                    &format!("service.internal_customers[{i}].who"),
                    Some(cu.who),
                )
                .unwrap_or_default(),
            owe: c.texts(&format!("service.internal_customers[{i}].owe"), cu.owe, 30),
        })
        .collect();
    let style = s.service_style.and_then(|st| {
        let p = c.rating("service.service_style.procedure", st.procedure);
        let w = c.rating("service.service_style.warmth", st.warmth);
        Some((p?, w?))
    });
    let quality = c.keyed_ratings(
        "service.quality_dimensions",
        s.quality_dimensions,
        catalog::QUALITY_DIMENSIONS,
        "quality dimension",
    );
    Service {
        internal_customers,
        style,
        quality,
    }
}
