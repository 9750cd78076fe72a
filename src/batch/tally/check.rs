//! Refuses counts that no run can make (a damaged or hand-edited shard file): numbers
//! beyond any run, a shard number beyond any run, parts that do not add up to the
//! people counted, counts above the people they count, ids that are not needs or
//! adjectives, and a shard without its run's fingerprint or group minimum (which
//! would let a merge show cells the run suppressed). Only the reason is returned;
//! the caller names the file.

use super::Tally;
use crate::base::privacy::MIN_GROUP_FLOOR;
use std::collections::BTreeMap;

/// No count of a real run comes near this (a trillion people).
pub const MAX_COUNT: usize = 1 << 40;
/// No run is split into more shards than this.
pub const MAX_SHARDS: usize = 1 << 20;

/// Sums without overflow: every part is at most [`MAX_COUNT`] once [`sizes`] passed,
/// and a file holds far fewer than 2^88 of them.
fn sum(parts: impl IntoIterator<Item = usize>) -> u128 {
    parts.into_iter().map(|n| n as u128).sum()
}

/// Every number of the counts, for the size check.
fn numbers(t: &Tally) -> Vec<usize> {
    let mut all = vec![t.total, t.ok, t.skipped, t.enough_raters, t.too_few_raters];
    all.extend(t.head.values());
    for p in t.positions.values() {
        all.extend([p.ahead, p.on_track, p.behind, p.unknown]);
    }
    all.extend(t.needs.values().flat_map(|(a, b)| [*a, *b]));
    all.extend(t.mismatches.values());
    for (people, traits) in t.blind.values() {
        all.push(*people);
        all.extend(traits.values());
    }
    all.extend(t.ready.values().flat_map(|(a, b)| [*a, *b]));
    for g in t.progress.values() {
        all.extend([
            g.people,
            g.done,
            g.in_progress,
            g.planned,
            g.dropped,
            g.overdue,
            g.reviews_held,
            g.reviews_due,
            g.with_previous,
            g.blind_to_open,
            g.with_actions,
        ]);
    }
    all
}

fn sizes(t: &Tally) -> Result<(), String> {
    if numbers(t).iter().any(|n| *n > MAX_COUNT) {
        return Err(crate::msg!("tally.huge", max = MAX_COUNT));
    }
    if let Some((k, n)) = t.shard {
        if n == 0 || n > MAX_SHARDS || k == 0 || k > n {
            return Err(crate::msg!("tally.shards", k = k, n = n));
        }
    }
    Ok(())
}

/// The department of a "department\ttrack\tlevel" key.
fn dept_of(key: &str) -> &str {
    key.split('\t').next().unwrap_or("")
}

/// The parts add up: every person counted once in each table, no part above the
/// people it counts.
fn sums(t: &Tally) -> Result<(), String> {
    let fail = |what: &str| Err(crate::msg!("tally.sum", what = what));
    let people: BTreeMap<&str, usize> = t
        .positions
        .iter()
        .map(|(d, p)| (d.as_str(), p.people()))
        .collect();
    let of = |d: &str| people.get(d).copied().unwrap_or(0);
    if sum(people.values().copied()) != t.ok as u128 || t.skipped > t.ok || t.ok > t.total {
        return fail("positions");
    }
    if sum([t.enough_raters, t.too_few_raters]) != t.ok as u128 {
        return fail("feedback");
    }
    let mut head: BTreeMap<&str, usize> = BTreeMap::new();
    for (key, n) in &t.head {
        *head.entry(dept_of(key)).or_default() += n;
    }
    if head.iter().any(|(d, n)| *n != of(d)) || head.len() != people.len() {
        return fail("headcount");
    }
    if t.progress.len() != people.len() || t.progress.iter().any(|(d, g)| g.people != of(d)) {
        return fail("progress");
    }
    let above = |d: &str, parts: &[usize]| parts.iter().any(|n| *n > of(d));
    if t.progress
        .iter()
        .any(|(d, g)| above(d, &[g.with_previous, g.blind_to_open, g.with_actions]))
    {
        return fail("progress");
    }
    if t.mismatches.iter().any(|(d, n)| above(d, &[*n])) {
        return fail("track_mismatch");
    }
    let blind_people = sum(t.blind.values().map(|(p, _)| *p));
    if blind_people != t.enough_raters as u128
        || t.blind
            .iter()
            .any(|(d, (p, traits))| above(d, &[*p]) || traits.values().any(|n| *n > *p))
    {
        return fail("blind_spot");
    }
    if t.needs.values().any(|(a, b)| *a > t.ok || *b > t.ok) {
        return fail("needs");
    }
    if t.ready
        .iter()
        .any(|(key, (p, r))| r > p || *p > t.head.get(key).copied().unwrap_or(0))
    {
        return fail("readiness");
    }
    let named = [t.behind.len(), t.leaning.len(), t.short_of_raters.len()];
    if named.iter().any(|n| *n > t.ok) {
        return fail("named");
    }
    Ok(())
}

fn ids(t: &Tally) -> Result<(), String> {
    if let Some(id) = t.needs.keys().find(|id| {
        !crate::profile::catalog::NEEDS
            .iter()
            .any(|n| n.id == id.as_str())
    }) {
        return Err(crate::msg!("tally.not_need", id = id));
    }
    if let Some(id) = t.blind.values().flat_map(|(_, t)| t.keys()).find(|id| {
        !crate::profile::catalog::ADJECTIVES
            .iter()
            .any(|a| a.id == id.as_str())
    }) {
        return Err(crate::msg!("tally.not_adjective", id = id));
    }
    Ok(())
}

/// Whether the counts could come from a run of ours; the reason when not.
pub fn check(t: &Tally) -> Result<(), String> {
    if t.run.is_empty() || t.min_group < MIN_GROUP_FLOOR {
        return Err(crate::msg!("tally.no_run", floor = MIN_GROUP_FLOOR));
    }
    sizes(t)?;
    sums(t)?;
    ids(t)
}
