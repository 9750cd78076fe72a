//! Reading one ladder file: the typed value, then every rule a ladder must keep
//! (rungs, ages, ids, areas, weights, texts in both languages), each problem placed.

use super::model::{area_id, Ladder, Rung, Standard, AREAS};
use crate::base::diag::Diagnostic;
use crate::profile::catalog::{nearest, normalise};
use crate::profile::lint::place;
use crate::profile::locate::Locations;
use crate::profile::yaml;

/// Parses and checks one ladder definition; every problem is reported with its place.
pub fn parse(text: &str) -> Result<Ladder, Vec<Diagnostic>> {
    if text.len() > 256 * 1024 {
        return Err(vec![
            Diagnostic::new(crate::msg!("ladder.too_big")).help(crate::msg!("ladder.too_big.help"))
        ]);
    }
    let mut ladder: Ladder = serde_yaml::from_str(text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        vec![Diagnostic::new(msg)
            .at(e.location().map(|l| (l.line(), l.column())), 1)
            .help(crate::msg!("ladder.format.help"))]
    })?;
    let mut p = Problems {
        text,
        locs: std::cell::OnceCell::new(),
        out: Vec::new(),
    };
    check_rungs(&ladder, &mut p);
    let mut rung_ids: Vec<&str> = Vec::new();
    let mut std_ids: Vec<&str> = Vec::new();
    for (i, r) in ladder.rungs.iter().enumerate() {
        check_rung(i, r, &mut rung_ids, &mut p);
        for (k, st) in r.standards.iter().enumerate() {
            check_standard(
                &format!("rungs[{i}].standards[{k}]"),
                st,
                &mut std_ids,
                &mut p,
            );
        }
    }
    if !p.out.is_empty() {
        p.out.sort_by_key(|d| d.pos);
        return Err(p.out);
    }
    for r in &mut ladder.rungs {
        for st in &mut r.standards {
            if let Some(id) = area_id(&st.area) {
                st.area = id.to_string();
            }
        }
    }
    Ok(ladder)
}

/// The problems of a ladder file, each placed. Where things are is read only when
/// something is wrong (the typed value is serde's, whose messages name the field
/// and place of a wrong type).
struct Problems<'t> {
    text: &'t str,
    locs: std::cell::OnceCell<Locations>,
    out: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn err(&mut self, path: &str, value: bool, msg: String, help: String) {
        let text = self.text;
        let locs = self.locs.get_or_init(|| {
            yaml::read(text, &yaml::Caps::FILE)
                .map(|r| r.locations)
                .unwrap_or_default()
        });
        self.out
            .push(place(Diagnostic::new(msg).help(help), path, locs, value));
    }
}

/// The rungs as a whole: some, not too many, typical ages rising.
fn check_rungs(ladder: &Ladder, p: &mut Problems) {
    if ladder.rungs.is_empty() {
        p.err(
            "rungs",
            false,
            crate::msg!("ladder.no_rungs"),
            crate::msg!("ladder.no_rungs.help"),
        );
    }
    if ladder.rungs.len() > 12 {
        p.err(
            "rungs",
            false,
            crate::msg!("ladder.many_rungs", n = ladder.rungs.len()),
            crate::msg!("ladder.many_rungs.help"),
        );
    }
    for (i, pair) in ladder.rungs.windows(2).enumerate() {
        if pair[1].typical_age <= pair[0].typical_age {
            p.err(
                &format!("rungs[{}].typical_age", i + 1),
                true,
                crate::msg!(
                    "ladder.age_order",
                    id = pair[1].id,
                    age = pair[1].typical_age,
                    prev = pair[0].id,
                    prev_age = pair[0].typical_age
                ),
                crate::msg!("ladder.age_order.help"),
            );
        }
    }
}

/// One rung: its typical age and minimum years in range, its id new, not too many
/// standards.
fn check_rung<'l>(i: usize, r: &'l Rung, rung_ids: &mut Vec<&'l str>, p: &mut Problems) {
    if !(14..=80).contains(&r.typical_age) {
        p.err(
            &format!("rungs[{i}].typical_age"),
            true,
            crate::msg!("ladder.age_range", id = r.id, age = r.typical_age),
            crate::msg!("ladder.age_range.help"),
        );
    }
    if rung_ids.contains(&r.id.as_str()) {
        p.err(
            &format!("rungs[{i}].id"),
            true,
            crate::msg!("ladder.dup_rung", id = r.id),
            crate::msg!("ladder.dup_rung.help"),
        );
    }
    rung_ids.push(&r.id);
    if let Some(m) = r.min_years {
        if m > 30 {
            p.err(
                &format!("rungs[{i}].min_years"),
                true,
                crate::msg!("ladder.min_years", n = m),
                crate::msg!("ladder.min_years.help"),
            );
        }
    }
    if r.standards.len() > 30 {
        p.err(
            &format!("rungs[{i}].standards"),
            false,
            crate::msg!("ladder.many_standards", id = r.id, n = r.standards.len()),
            crate::msg!("ladder.many_standards.help"),
        );
    }
}

/// One standard at `at`: an id new to the ladder, a known area, a weight in range,
/// its text in both languages.
fn check_standard<'l>(at: &str, st: &'l Standard, std_ids: &mut Vec<&'l str>, p: &mut Problems) {
    if st.id.trim().is_empty() {
        p.err(
            &format!("{at}.id"),
            true,
            crate::msg!("ladder.std_empty"),
            crate::msg!("ladder.std_empty.help"),
        );
    } else if std_ids.contains(&st.id.as_str()) {
        p.err(
            &format!("{at}.id"),
            true,
            crate::msg!("ladder.std_dup", id = st.id),
            crate::msg!("ladder.std_dup.help"),
        );
    }
    std_ids.push(&st.id);
    if area_id(&st.area).is_none() {
        let ids: Vec<&str> = AREAS.iter().map(|a| a.0).collect();
        let near = nearest(&normalise(&st.area), ids.iter().copied());
        let list = AREAS
            .iter()
            .map(|(id, zh, _)| format!("{id} ({zh})"))
            .collect::<Vec<_>>()
            .join(", ");
        p.err(
            &format!("{at}.area"),
            true,
            crate::msg!("ladder.area", text = st.area),
            match near {
                Some(n) => crate::msg!("ladder.area.near", near = n, list = list),
                None => crate::msg!("ladder.area.list", list = list),
            },
        );
    }
    if let Some(w) = st.weight {
        if !(w > 0.0 && w <= 100.0) {
            p.err(
                &format!("{at}.weight"),
                true,
                crate::msg!("ladder.weight", n = w),
                crate::msg!("ladder.weight.help"),
            );
        }
    }
    if st.text.zh.trim().is_empty() || st.text.en.trim().is_empty() {
        p.err(
            &format!("{at}.text"),
            false,
            crate::msg!("ladder.std_text"),
            crate::msg!("ladder.std_text.help"),
        );
    }
}
