//! Checks a parsed profile and resolves every id, collecting all problems.

use super::lint::place;
use super::locate::Locations;
use super::raw::{RawProfile, Text};
use super::LoadOptions;
use crate::base::diag::Diagnostic;
use crate::profile::catalog::{self, Item, Lookup};
use crate::profile::model::*;

mod career;
mod person;
mod plan;
mod sections;

/// Most characters in one text field.
const MAX_TEXT: usize = 20_000;

struct Ctx<'a> {
    locs: &'a Locations,
    errs: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn err(&mut self, path: &str, msg: impl Into<String>, help: impl Into<String>) {
        let d = Diagnostic::new(msg).help(help);
        self.errs.push(place(d, path, self.locs, true));
    }

    /// An error about a key (points at the key, not its value).
    fn err_key(&mut self, path: &str, msg: impl Into<String>, help: impl Into<String>) {
        let d = Diagnostic::new(msg).help(help);
        self.errs.push(place(d, path, self.locs, false));
    }

    fn text(&mut self, path: &str, t: Option<Text>) -> Option<String> {
        let s = t?.0.trim().to_string();
        if s.chars().count() > MAX_TEXT {
            self.err(
                path,
                crate::msg!(
                    "validate.text.long",
                    count = s.chars().count(),
                    max = MAX_TEXT
                ),
                crate::msg!("validate.text.long.help"),
            );
            return None;
        }
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.err(
                path,
                crate::msg!("validate.text.control"),
                crate::msg!("validate.text.control.help"),
            );
            return None;
        }
        (!s.is_empty()).then_some(s)
    }

    fn texts(&mut self, path: &str, list: Option<Vec<Text>>, max: usize) -> Vec<String> {
        let list = list.unwrap_or_default();
        if list.len() > max {
            self.err(
                path,
                crate::msg!("validate.list.long", count = list.len(), max = max),
                crate::msg!("validate.list.long.help"),
            );
        }
        list.into_iter()
            .take(max)
            .enumerate()
            .filter_map(|(i, t)| self.text(&format!("{path}[{i}]"), Some(t)))
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn items(
        &mut self,
        path: &str,
        list: Option<Vec<Text>>,
        cat: &'static [Item],
        aliases: &[(&str, &str)],
        what: &str,
        valid: &str,
        max: usize,
    ) -> Vec<&'static Item> {
        let list = list.unwrap_or_default();
        if list.len() > max {
            self.err(
                path,
                crate::msg!(
                    "validate.items.many",
                    count = list.len(),
                    whats = word(what, true),
                    max = max
                ),
                crate::msg!("validate.items.many.help", max = max),
            );
        }
        let mut out: Vec<&'static Item> = Vec::new();
        for (i, t) in list.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match catalog::lookup(cat, aliases, &t.0) {
                Lookup::Found(item) if out.contains(&item) => {
                    self.err(
                        &p,
                        crate::msg!("validate.items.twice", what = word(what, false), text = t.0),
                        crate::msg!("validate.items.twice.help"),
                    );
                }
                Lookup::Found(item) => out.push(item),
                Lookup::Missing(near) => {
                    let valid =
                        crate::base::messages::fill(crate::base::lang::current(), valid, &[]);
                    let help = match near {
                        Some(n) => crate::msg!("validate.items.near", near = n, valid = valid),
                        None => valid,
                    };
                    self.err(
                        &p,
                        crate::msg!(
                            "validate.items.unknown",
                            what = word(what, false),
                            text = t.0
                        ),
                        help,
                    );
                }
            }
        }
        out.truncate(max);
        out
    }

    /// Ratings keyed by catalogue id (e.g. `mediocrity: { no_passion: 2 }`), in
    /// catalogue order; unknown keys are reported at the key.
    fn keyed_ratings(
        &mut self,
        path: &str,
        map: Option<std::collections::BTreeMap<String, i64>>,
        cat: &'static [Item],
        what: &str,
    ) -> Vec<Option<u8>> {
        let mut out = vec![None; cat.len()];
        for (k, v) in map.unwrap_or_default() {
            let p = format!("{path}.{k}");
            match catalog::position(cat, &k) {
                Some(i) => out[i] = self.rating(&p, Some(v)),
                None => {
                    let ids: Vec<&str> = cat.iter().map(|i| i.id).collect();
                    let (whats, list) = (word(what, true), ids.join(", "));
                    let help = match catalog::nearest(&k, ids.iter().copied()) {
                        Some(n) => {
                            crate::msg!("validate.keyed.near", near = n, whats = whats, ids = list)
                        }
                        None => crate::msg!("validate.keyed.list", whats = whats, ids = list),
                    };
                    let d = Diagnostic::new(crate::msg!(
                        "validate.items.unknown",
                        what = word(what, false),
                        text = k
                    ))
                    .help(help);
                    self.errs.push(place(d, &p, self.locs, false));
                }
            }
        }
        out
    }

    fn date(&mut self, path: &str, t: Option<Text>) -> Option<PartialDate> {
        let t = t?;
        match parse_partial(&t.0) {
            Some(d) => Some(d),
            None => {
                let help = match chinese_date(&t.0) {
                    // 2027年6月 → 2027-06
                    Some(iso) => crate::msg!("validate.date.chinese", iso = iso),
                    None => crate::msg!("validate.date.help"),
                };
                self.err(path, crate::msg!("validate.date", text = t.0), help);
                None
            }
        }
    }

    fn rating(&mut self, path: &str, v: Option<i64>) -> Option<u8> {
        let v = v?;
        if (1..=5).contains(&v) {
            Some(v as u8)
        } else {
            self.err(
                path,
                crate::msg!("validate.rating", value = v),
                crate::msg!("validate.rating.help"),
            );
            None
        }
    }
}

// catalogue keys of the lists' help lines
const ADJ_HELP: &str = "validate.help.adjective";
const NEED_HELP: &str = "validate.help.need";
const BURNOUT_HELP: &str = "validate.help.burnout";

/// A list's kind of item in the message language (`adjective`, `need`, ...), one
/// or many.
fn word(what: &str, many: bool) -> String {
    let key = format!(
        "what.{}{}",
        what.replace([' ', '-'], "_"),
        if many { ".many" } else { "" }
    );
    crate::base::messages::fill(crate::base::lang::current(), &key, &[])
}

/// Validates `raw` into a [`Profile`], or returns every problem found.
pub fn validate(
    raw: RawProfile,
    locs: &Locations,
    opts: &LoadOptions,
) -> Result<Profile, Vec<Diagnostic>> {
    let mut c = Ctx {
        locs,
        errs: Vec::new(),
    };
    let today = opts.today;
    let locale = person::version_and_locale(&mut c, raw.version, raw.locale);
    let person = person::person(&mut c, raw.person, today);
    let career = raw.career.and_then(|rc| career::career(&mut c, rc, opts));
    let (johari_self, johari_peers) = raw
        .johari
        .map_or_else(Default::default, |j| sections::johari(&mut c, j));
    let (needs_top, needs_next, needs_extra) = raw
        .needs
        .map_or_else(Default::default, |n| sections::needs(&mut c, n));
    let (answers, activities, skills_to_develop) = raw
        .answers
        .map_or_else(Default::default, |a| sections::answers(&mut c, a));
    let strategy = raw
        .strategy
        .map_or_else(Vec::new, |s| sections::strategy(&mut c, s));
    let actions = plan::actions(&mut c, raw.actions.unwrap_or_default(), today);
    let (reviews, review_log) = match raw.reviews {
        None => (None, Vec::new()),
        Some(mut r) => {
            let log = plan::review_log(&mut c, r.log.take().unwrap_or_default(), today);
            (plan::reviews(&mut c, r, today), log)
        }
    };
    let (mediocrity, burnout) = match raw.self_check {
        Some(sc) => sections::self_check(&mut c, sc),
        None => (vec![None; catalog::MEDIOCRITY.len()], Vec::new()),
    };
    let service = raw.service.map(|s| sections::service(&mut c, s));
    if !c.errs.is_empty() {
        return Err(c.errs);
    }
    Ok(Profile {
        locale,
        person,
        career,
        johari_self,
        johari_peers,
        needs_top,
        needs_next,
        needs_extra,
        answers,
        activities,
        skills_to_develop,
        strategy,
        actions,
        reviews,
        review_log,
        mediocrity,
        burnout,
        service,
    })
}

/// `2027年6月`, `2027年6月15日`, `2027年` (and full-width digits) as ISO: `2027-06`.
fn chinese_date(text: &str) -> Option<String> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    let (y, rest) = t.split_once('年')?;
    let year: u32 = y.trim().parse().ok()?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(format!("{year}"));
    }
    let (m, rest) = rest.split_once('月')?;
    let month: u32 = m.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
    let rest = rest.trim().trim_end_matches(['日', '号']);
    if rest.is_empty() {
        return Some(format!("{year}-{month:02}"));
    }
    let day: u32 = rest.trim().parse().ok().filter(|d| (1..=31).contains(d))?;
    Some(format!("{year}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn chinese_dates_are_rewritten_with_hyphens() {
        assert_eq!(super::chinese_date("2027年6月").as_deref(), Some("2027-06"));
        assert_eq!(
            super::chinese_date("2027年6月15日").as_deref(),
            Some("2027-06-15")
        );
        assert_eq!(
            super::chinese_date("２０２７年１２月").as_deref(),
            Some("2027-12")
        );
        assert_eq!(super::chinese_date("2027年").as_deref(), Some("2027"));
        assert_eq!(super::chinese_date("2027年13月"), None);
        assert_eq!(super::chinese_date("明年六月"), None);
    }
}
