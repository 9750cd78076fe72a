//! Checks a parsed profile and resolves every id, collecting all problems.

use super::lint::place;
use super::locate::Locations;
use super::raw::{RawProfile, Text};
use super::LoadOptions;
use crate::catalog::{self, Item, Lookup};
use crate::diag::Diagnostic;
use crate::locale::Locale;
use crate::model::*;

/// Checks `career.assessment`: every key a standard of the current or the next rung,
/// every mark one of the allowed words. Returns them in the ladder's order.
fn assessment(
    c: &mut Ctx,
    ladder: &crate::ladder::Ladder,
    level: Option<usize>,
    marks: std::collections::BTreeMap<String, super::raw::RawMark>,
) -> Vec<Assessment> {
    let mut out: Vec<(usize, usize, Assessment)> = Vec::new();
    let Some(level) = level else {
        if !marks.is_empty() {
            c.err(
                "career.assessment",
                "`career.assessment` needs the current rung (`career.level`)",
                "add `level:` under `career:`; the marks are for its standards and the next rung's",
            );
        }
        return Vec::new();
    };
    let rung_ids = |i: usize| -> String {
        ladder
            .rungs
            .get(i)
            .map(|r| {
                r.standards
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    let next = (level + 1 < ladder.rungs.len()).then_some(level + 1);
    for (id, m) in marks {
        let path = format!("career.assessment.{id}");
        let Some((ri, _)) = ladder.standard(&id) else {
            let all = ladder
                .rungs
                .iter()
                .flat_map(|r| r.standards.iter().map(|s| s.id.as_str()));
            let mine = ladder.rungs[level]
                .standards
                .iter()
                .chain(next.map_or(&[][..], |n| &ladder.rungs[n].standards[..]))
                .map(|s| s.id.as_str());
            let near = catalog::nearest(&id, mine.clone().chain(all));
            let list: Vec<&str> = mine.collect();
            let help = match (near, list.is_empty()) {
                (_, true) => format!(
                    "the `{}` ladder has no standards for these rungs; remove `assessment`",
                    ladder.id
                ),
                (Some(n), false) => {
                    format!("did you mean `{n}`? standards here: {}", list.join(", "))
                }
                (None, false) => format!("standards here: {}", list.join(", ")),
            };
            c.err_key(
                &path,
                format!("`{id}` is not a standard of the `{}` ladder", ladder.id),
                help,
            );
            continue;
        };
        if ri != level && Some(ri) != next {
            c.err_key(
                &path,
                format!(
                    "`{id}` is a standard of the rung `{}`; marks are for the current rung (`{}`) or the next",
                    ladder.rungs[ri].id, ladder.rungs[level].id
                ),
                format!(
                    "standards of `{}`: {}{}",
                    ladder.rungs[level].id,
                    rung_ids(level),
                    next.map(|n| format!("; of `{}`: {}", ladder.rungs[n].id, rung_ids(n)))
                        .unwrap_or_default()
                ),
            );
            continue;
        }
        let mark = |c: &mut Ctx, key: &str, t: Option<Text>| -> Option<Mark> {
            let t = t?;
            let w = t.0.trim();
            if w.is_empty() {
                return None;
            }
            match Mark::parse(w) {
                Some(m) => Some(m),
                None => {
                    let near = catalog::nearest(
                        &w.to_lowercase(),
                        ["towards", "meets", "exceeds", "待提高", "达到", "超出"],
                    );
                    c.err(
                        &format!("{path}.{key}"),
                        format!("`{w}` is not a mark"),
                        match near {
                            Some(n) => format!("did you mean `{n}`? write towards, meets or exceeds (待提高 / 达到 / 超出)"),
                            None => "write towards, meets or exceeds (待提高 / 达到 / 超出)".to_string(),
                        },
                    );
                    None
                }
            }
        };
        let self_mark = mark(c, "self", m.self_);
        let manager = mark(c, "manager", m.manager);
        let evidence = c.text(&format!("{path}.evidence"), m.evidence);
        let k = ladder.rungs[ri]
            .standards
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(0);
        out.push((
            ri,
            k,
            Assessment {
                id,
                self_mark,
                manager,
                evidence,
            },
        ));
    }
    out.sort_by_key(|(r, k, _)| (*r, *k));
    out.into_iter().map(|(_, _, a)| a).collect()
}

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
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.err(
                path,
                "the text contains control characters",
                "remove invisible control characters (copy the text again as plain text)",
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
                format!(
                    "the list has {} entries; at most {max} are allowed here",
                    list.len()
                ),
                "shorten the list",
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
                format!("{} {what}s are listed; pick at most {max}", list.len()),
                format!("keep the {max} that fit best"),
            );
        }
        let mut out: Vec<&'static Item> = Vec::new();
        for (i, t) in list.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match catalog::lookup(cat, aliases, &t.0) {
                Lookup::Found(item) if out.contains(&item) => {
                    self.err(
                        &p,
                        format!("{what} `{}` is listed twice", t.0),
                        "remove the repeated entry",
                    );
                }
                Lookup::Found(item) => out.push(item),
                Lookup::Missing(near) => {
                    let help = match near {
                        Some(n) => format!("did you mean `{n}`? {valid}"),
                        None => valid.to_string(),
                    };
                    self.err(&p, format!("unknown {what} `{}`", t.0), help);
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
            match cat
                .iter()
                .position(|i| i.id == catalog::normalise(&k) || i.zh == k)
            {
                Some(i) => out[i] = self.rating(&p, Some(v)),
                None => {
                    let ids: Vec<&str> = cat.iter().map(|i| i.id).collect();
                    let help = match catalog::nearest(&k, ids.iter().copied()) {
                        Some(n) => format!("did you mean `{n}`? {what}s: {}", ids.join(", ")),
                        None => format!("{what}s: {}", ids.join(", ")),
                    };
                    let d = Diagnostic::new(format!("unknown {what} `{k}`")).help(help);
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
                self.err(path, format!("`{}` is not a valid date", t.0), "write YYYY, YYYY-MM or YYYY-MM-DD with a real month (01–12) and day, e.g. 2027-06");
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
                format!("rating {v} is out of range"),
                "rate from 1 (not at all) to 5 (very much)",
            );
            None
        }
    }
}

const ADJ_HELP: &str = "use one of the 55 Johari adjectives (English id or Chinese word, e.g. `dependable` or `可靠`); the README lists them all";
const NEED_HELP: &str = "use one of the 20 needs (id or Chinese word, e.g. `interesting_work` or `有兴趣的工作`); the README lists them all";
const BURNOUT_HELP: &str = "burnout signs: fewer_contacts, low_energy, falling_efficiency, less_punctual, poor_sleep, weight_change, body_worry, lost_interest";

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

    if let Some(v) = raw.version {
        if v != 1 {
            c.err(
                "version",
                format!("profile format version {v} is not supported"),
                "this careerbook reads version 1; write `version: 1`",
            );
        }
    }
    let locale = match raw.locale.as_deref().map(|l| (l, Locale::parse(l))) {
        None => Locale::Zh,
        Some((_, Some(l))) => l,
        Some((l, None)) => {
            c.err(
                "locale",
                format!("unknown locale `{l}`"),
                "write `zh-CN` or `en`",
            );
            Locale::Zh
        }
    };

    // person
    let p = raw.person;
    let name = c.text("person.name", Some(p.name));
    if name.is_none() {
        c.err(
            "person.name",
            "the name is empty",
            "write the person's name, e.g. `name: 李娜`",
        );
    } else if name.as_ref().is_some_and(|n| n.chars().count() > 100) {
        c.err(
            "person.name",
            "the name is longer than 100 characters",
            "write just the person's name",
        );
    }
    let id = c.text("person.id", p.id);
    let mut birth_year = None;
    match (p.birth_year, p.age) {
        (Some(_), Some(_)) => c.err(
            "person.age",
            "both `birth_year` and `age` are given",
            "keep one of them",
        ),
        (Some(y), None) => {
            if y > today.year as i64 {
                c.err(
                    "person.birth_year",
                    format!("birth year {y} is in the future"),
                    format!("write a year up to {}", today.year),
                );
            } else if y < today.year as i64 - 100 || y > today.year as i64 - 14 {
                c.err(
                    "person.birth_year",
                    format!("birth year {y} gives an age outside 14–100"),
                    "check the year (four digits, e.g. 1996)",
                );
            } else {
                birth_year = Some(y as i32);
            }
        }
        (None, Some(a)) => {
            if (14..=100).contains(&a) {
                birth_year = Some(today.year - a as i32);
            } else {
                c.err(
                    "person.age",
                    format!("age {a} is outside 14–100"),
                    "write the age in years, e.g. `age: 30`",
                );
            }
        }
        (None, None) => {}
    }
    let joined = c.date("person.joined", p.joined);
    if let Some(j) = joined {
        if j.year > today.year + 1 {
            c.err(
                "person.joined",
                format!("joined {} is in the future", j.display()),
                "write the date the person joined the company",
            );
        }
    }
    let person = Person {
        name: name.unwrap_or_default(),
        id,
        department: c.text("person.department", p.department),
        role: c.text("person.role", p.role),
        birth_year,
        joined,
        manager: c.text("person.manager", p.manager),
    };

    // career
    let career = raw.career.and_then(|rc| {
        let level_word = rc.level.as_ref().map(|t| t.0.clone());
        let ladder = match rc.track.as_ref() {
            Some(t) => match opts.ladders.get(&t.0) {
                Ok(l) => Some(l),
                Err(near) => {
                    let help = match near {
                        Some(n) => {
                            format!("did you mean `{n}`? known ladders: {}", opts.ladders.ids())
                        }
                        None => format!(
                            "known ladders: {} (add your own with --ladders DIR)",
                            opts.ladders.ids()
                        ),
                    };
                    c.err("career.track", format!("unknown ladder `{}`", t.0), help);
                    return None;
                }
            },
            // no track: infer it from the rung when exactly one ladder has that rung
            None => {
                let word = level_word.as_deref()?;
                let hits: Vec<_> = opts
                    .ladders
                    .all
                    .iter()
                    .filter(|l| l.rung(word).is_ok())
                    .collect();
                if hits.len() != 1 {
                    c.err(
                        "career.level",
                        "`career.level` is given without `career.track`",
                        format!("add `track:` ({})", opts.ladders.ids()),
                    );
                    return None;
                }
                Some(hits[0])
            }
        }?;
        let rung = |c: &mut Ctx, path: &str, word: &str| match ladder.rung(word) {
            Ok(i) => Some(i),
            Err(near) => {
                let valid: Vec<String> = ladder
                    .rungs
                    .iter()
                    .map(|r| format!("{} ({})", r.id, r.title.zh))
                    .collect();
                let help = match near {
                    Some(n) => format!(
                        "did you mean `{n}`? rungs of `{}`: {}",
                        ladder.id,
                        valid.join(", ")
                    ),
                    None => format!("rungs of `{}`: {}", ladder.id, valid.join(", ")),
                };
                c.err(
                    path,
                    format!("`{word}` is not a rung of the `{}` ladder", ladder.id),
                    help,
                );
                None
            }
        };
        let level = level_word
            .as_deref()
            .and_then(|w| rung(&mut c, "career.level", w));
        let mut career = Career {
            track: ladder.id.clone(),
            level,
            since: None,
            target_level: None,
            target_by_age: None,
            target_by_year: None,
            assessment: Vec::new(),
        };
        if let Some(marks) = rc.assessment {
            career.assessment = assessment(&mut c, ladder, level, marks);
        }
        if let Some(s) = rc.since {
            if s < 1900 || s > today.year as i64 {
                c.err(
                    "career.since",
                    format!("year {s} is not a past year"),
                    format!("write the year the rung was reached, up to {}", today.year),
                );
            } else {
                career.since = Some(s as i32);
            }
        }
        if let Some(t) = rc.target {
            career.target_level = t
                .level
                .as_ref()
                .and_then(|w| rung(&mut c, "career.target.level", &w.0));
            if let (Some(cur), Some(tgt)) = (career.level, career.target_level) {
                if tgt < cur {
                    c.err(
                        "career.target.level",
                        "the target rung is below the current rung",
                        "pick the current rung or a higher one as the target",
                    );
                }
            }
            match (t.by_age, t.by_year) {
                (Some(_), Some(_)) => c.err(
                    "career.target.by_year",
                    "both `by_age` and `by_year` are given",
                    "keep one of them",
                ),
                (Some(a), None) if !(16..=80).contains(&a) => c.err(
                    "career.target.by_age",
                    format!("age {a} is outside 16–80"),
                    "write the age by which to reach the target, e.g. 35",
                ),
                (Some(a), None) => career.target_by_age = Some(a as u32),
                (None, Some(y)) if y < today.year as i64 || y > today.year as i64 + 60 => c.err(
                    "career.target.by_year",
                    format!(
                        "year {y} is not between {} and {}",
                        today.year,
                        today.year + 60
                    ),
                    "write the year by which to reach the target",
                ),
                (None, Some(y)) => career.target_by_year = Some(y as i32),
                (None, None) => {}
            }
        }
        Some(career)
    });

    // johari
    let (johari_self, johari_peers) = match raw.johari {
        Some(j) => {
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
                    format!("{} peer lists; at most 500 are read", peers_raw.len()),
                    "keep the answers of up to 500 peers",
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
        None => (Vec::new(), Vec::new()),
    };

    // needs
    let (needs_top, needs_next, needs_extra) = match raw.needs {
        Some(n) => {
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
                        format!("need `{}` is in both `top` and `next`", item.id),
                        "a need belongs either to the top 3 or to the next 3",
                    );
                }
            }
            (top, next, c.texts("needs.extra", n.extra, 20))
        }
        None => Default::default(),
    };

    // answers
    let mut answers = Vec::new();
    let (mut activities, mut skills_to_develop) = (Vec::new(), Vec::new());
    if let Some(a) = raw.answers {
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
        activities = c.texts("answers.activities", a.activities, 50);
        skills_to_develop = c.texts("answers.skills_to_develop", a.skills_to_develop, 50);
    }

    let mut strategy = Vec::new();
    if let Some(s) = raw.strategy {
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
    }

    let raw_actions = raw.actions.unwrap_or_default();
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

    let reviews = raw.reviews.and_then(|r| {
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
    });

    // self-check
    let mut mediocrity = vec![None; catalog::MEDIOCRITY.len()];
    let mut burnout = Vec::new();
    if let Some(sc) = raw.self_check {
        mediocrity = c.keyed_ratings(
            "self_check.mediocrity",
            sc.mediocrity,
            catalog::MEDIOCRITY,
            "self-check item",
        );
        burnout = c.items(
            "self_check.burnout",
            sc.burnout,
            catalog::BURNOUT_SIGNS,
            &[],
            "burnout sign",
            BURNOUT_HELP,
            8,
        );
    }

    let service = raw.service.map(|s| {
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
    });

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
        mediocrity,
        burnout,
        service,
    })
}
