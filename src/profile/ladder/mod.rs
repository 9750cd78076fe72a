//! Career ladders: the built-in administrative and technical routes (YAML under
//! templates/ladders, compiled in) plus a company's own from `--ladders DIR`.

use crate::base::diag::Diagnostic;
use crate::base::locale::Locale;
use crate::base::term::Shown;
use crate::profile::catalog::{nearest, normalise};
use crate::profile::lint::place;
use crate::profile::locate::Locations;
use crate::profile::yaml;
use serde::{Deserialize, Serialize};
use std::path::Path;

mod bilingual;
pub use bilingual::Bilingual;

/// What a ladder leads to, for track fit.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Leading people.
    Administrative,
    /// Deepening expertise.
    Technical,
    /// Neither.
    Other,
}

/// The five areas of qualification standards (任职资格): id, zh, en.
pub const AREAS: &[(&str, &str, &str)] = &[
    ("basics", "基本条件", "Basic conditions"),
    ("knowledge", "知识", "Knowledge"),
    ("skills", "技能", "Skills"),
    ("behaviour", "行为", "Behaviour"),
    ("results", "绩效", "Results"),
];

/// The id of an area written as its id or its Chinese or English name.
pub fn area_id(word: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    // every form of every area, normalised: id, Chinese, English; and the Taiwan
    // term, made only when a Chinese word is not found otherwise
    static FORMS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    static TAIWAN: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut map = HashMap::new();
        for (id, zh, en) in AREAS {
            for form in [normalise(id), normalise(zh), normalise(en)] {
                map.entry(form).or_insert(*id);
            }
        }
        map
    });
    let w = normalise(word);
    let taiwan = || {
        TAIWAN.get_or_init(|| {
            let mut map = HashMap::new();
            for (id, zh, _) in AREAS {
                map.entry(normalise(&crate::text::zhtw::convert(zh)))
                    .or_insert(*id);
            }
            map
        })
    };
    forms
        .get(&w)
        .or_else(|| (!w.is_ascii()).then(|| taiwan().get(&w)).flatten())
        .copied()
        .or(match w.as_str() {
            "behavior" => Some("behaviour"),
            "basic" | "基本" => Some("basics"),
            "skill" => Some("skills"),
            "result" | "业绩" => Some("results"),
            _ => None,
        })
}

/// An area's name in `loc`.
pub fn area_name(id: &str, loc: Locale) -> &'static str {
    AREAS
        .iter()
        .find(|(a, _, _)| *a == id)
        .map_or("", |(_, zh, en)| loc.pick(zh, en))
}

/// One qualification standard of a rung.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Id, unique within the ladder (used as a key of `career.assessment`).
    pub id: String,
    /// One of [`AREAS`] (its id after loading).
    pub area: String,
    /// The item the standard belongs to (标准项 / 行为要项), as the company names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Bilingual>,
    /// Its weight within the rung, in percent (the weights of a rung add up to 100).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "percent"
    )]
    pub weight: Option<f64>,
    /// The standard in both languages.
    pub text: Bilingual,
}

/// A percentage as shown to people: `30`, `12.5` (one decimal at most).
pub fn percent_text(w: f64) -> String {
    let r = (w * 10.0).round() / 10.0;
    if r.fract() == 0.0 && r.abs() < 1e9 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// A weight as written in a ladder file: `30`, or `12.5` when it has a fraction.
fn percent<S: serde::Serializer>(w: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match w {
        Some(w) if w.fract() == 0.0 && w.abs() < 1e9 => s.serialize_i64(*w as i64),
        Some(w) => s.serialize_f64(*w),
        None => s.serialize_none(),
    }
}

/// One rung of a ladder.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rung {
    /// Stable id.
    pub id: String,
    /// Title in both languages.
    pub title: Bilingual,
    /// Typical age at which people reach this rung.
    pub typical_age: u32,
    /// What the rung expects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expectations: Option<Bilingual>,
    /// Years usually spent on the rung below before this one is reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_years: Option<u32>,
    /// A prerequisite such as a certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<Bilingual>,
    /// Qualification standards (任职资格).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Standard>,
}

impl Rung {
    /// The sum of the standards' weights, in percent; `None` when none has a weight.
    pub fn weight_total(&self) -> Option<f64> {
        let weights: Vec<f64> = self.standards.iter().filter_map(|s| s.weight).collect();
        (!weights.is_empty()).then(|| weights.iter().sum())
    }
}

/// A career ladder.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Stable id, used as `career.track`.
    pub id: String,
    /// Administrative, technical or other.
    pub kind: Kind,
    /// Name in both languages.
    pub name: Bilingual,
    /// Rungs from the lowest up, with rising typical ages.
    pub rungs: Vec<Rung>,
}

/// The first of `items` that the normalised word `w` names by id, Chinese or English
/// name; else, for a Chinese word, the first it names by the Taiwan name (converted
/// on first use: most runs never need the conversion tables).
fn named<T>(items: &[T], w: &str, name: impl Fn(&T) -> (&String, &Bilingual)) -> Option<usize> {
    items
        .iter()
        .position(|it| {
            let (id, b) = name(it);
            normalise(id) == w || normalise(&b.zh) == w || normalise(&b.en) == w
        })
        .or_else(|| {
            if w.is_ascii() {
                return None;
            }
            items.iter().position(|it| normalise(name(it).1.tw()) == w)
        })
}

impl Ladder {
    /// Finds a rung by id, zh title or en title (case-insensitive).
    pub fn rung(&self, word: &str) -> Result<usize, Option<String>> {
        let w = normalise(word);
        if let Some(i) = named(&self.rungs, &w, |r| (&r.id, &r.title)) {
            return Ok(i);
        }
        Err(nearest(
            &w,
            self.rungs
                .iter()
                .flat_map(|r| [r.id.as_str(), r.title.zh.as_str()]),
        )
        .map(str::to_string))
    }

    /// The rung index and standard with this id.
    pub fn standard(&self, id: &str) -> Option<(usize, &Standard)> {
        self.rungs
            .iter()
            .enumerate()
            .find_map(|(i, r)| r.standards.iter().find(|s| s.id == id).map(|s| (i, s)))
    }

    /// The rungs whose weights do not add up to 100 %: each rung's id and the sum
    /// (rungs without weights are left out).
    pub fn weights_off(&self) -> Vec<(&str, f64)> {
        self.rungs
            .iter()
            .filter_map(|r| {
                let sum = r.weight_total()?;
                ((sum - 100.0).abs() > 0.05).then_some((r.id.as_str(), sum))
            })
            .collect()
    }

    /// Typical age after the top rung (the open milestone the person sets).
    pub fn open_age(&self) -> u32 {
        self.rungs.last().map_or(45, |r| r.typical_age + 5)
    }
}

const BUILTIN: &[(&str, &str)] = &[
    (
        "administrative.yaml",
        include_str!("../../../templates/ladders/administrative.yaml"),
    ),
    (
        "technical.yaml",
        include_str!("../../../templates/ladders/technical.yaml"),
    ),
];

/// All ladders known to a run, built-ins first, then a company's own (which replace
/// a built-in with the same id).
#[derive(Debug, Clone)]
pub struct Ladders {
    /// The ladders, in listing order.
    pub all: Vec<Ladder>,
}

impl Ladders {
    /// The built-in ladders.
    pub fn builtin() -> Ladders {
        let all = BUILTIN
            .iter()
            .map(|(name, text)| {
                parse(text).unwrap_or_else(|e| panic!("built-in ladder {name}: {}", e[0].message))
            })
            .collect();
        Ladders { all }
    }

    /// Built-ins plus every `*.yaml`/`*.yml` in `dir`. Errors name the file and the
    /// line:col of every problem, like a profile's.
    pub fn with_dir(dir: &Path) -> Result<Ladders, String> {
        let mut ladders = Ladders::builtin();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| crate::msg!("ladder.folder", dir = dir.shown(), err = e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
            .collect();
        files.sort();
        let mut errors = Vec::new();
        for path in files {
            let shown = path.shown().to_string();
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(crate::msg!(
                        "p.error_at",
                        text = crate::msg!("read.other", err = e),
                        file = shown
                    ));
                    continue;
                }
            };
            match parse(&text) {
                Ok(ladder) => match ladders.all.iter_mut().find(|l| l.id == ladder.id) {
                    Some(slot) => *slot = ladder,
                    None => ladders.all.push(ladder),
                },
                Err(diags) => errors.extend(diags.iter().map(|d| d.render(&shown, Some(&text)))),
            }
        }
        if errors.is_empty() {
            Ok(ladders)
        } else {
            // the caller prints the first "error: " itself
            let all = errors.join("\n");
            let first = crate::msg!("p.error", text = "");
            Err(crate::msg!(
                "ladder.problems",
                text = all.strip_prefix(first.as_str()).unwrap_or(&all),
                dir = dir.shown()
            ))
        }
    }

    /// Finds a ladder by id or name (either language).
    pub fn get(&self, word: &str) -> Result<&Ladder, Option<String>> {
        let w = normalise(word);
        if let Some(i) = named(&self.all, &w, |l| (&l.id, &l.name)) {
            return Ok(&self.all[i]);
        }
        Err(nearest(&w, self.all.iter().map(|l| l.id.as_str())).map(str::to_string))
    }

    /// Ids of all ladders, for error messages.
    pub fn ids(&self) -> String {
        self.all
            .iter()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse_and_resolve_titles() {
        let l = Ladders::builtin();
        let admin = l.get("administrative").unwrap();
        assert_eq!(admin.rung("经理"), Ok(2));
        assert_eq!(admin.rung("Manager"), Ok(2));
        assert_eq!(admin.rung("manger"), Err(Some("manager".into())));
        assert_eq!(l.get("technicl").unwrap_err(), Some("technical".into()));
        assert_eq!(admin.open_age(), 45);
    }

    #[test]
    fn rejects_ages_that_do_not_rise() {
        let bad = "id: x\nkind: other\nname: {zh: 甲, en: X}\nrungs:\n  - {id: a, title: {zh: 甲, en: A}, typical_age: 30}\n  - {id: b, title: {zh: 乙, en: B}, typical_age: 30}\n";
        let e = parse(bad).unwrap_err();
        assert!(e[0].message.contains("must be older"));
        assert_eq!(e[0].pos, Some((6, 49)));
    }

    #[test]
    fn standards_are_checked_with_places() {
        let bad = "id: x\nkind: other\nname: {zh: 甲, en: X}\nrungs:\n  - id: a\n    title: {zh: 甲, en: A}\n    typical_age: 25\n    standards:\n      - id: s1\n        area: skils\n        text: {zh: 会, en: Can}\n      - id: s1\n        area: 知识\n        text: {zh: 懂, en: Knows}\n";
        let e = parse(bad).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].message, "`skils` is not an area");
        assert_eq!(e[0].pos, Some((10, 15)));
        assert!(e[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `skills`?"));
        assert!(e[1].message.contains("`s1` appears twice"));
        assert_eq!(e[1].pos, Some((12, 13)));
        let ok = bad.replace("skils", "skills").replace(
            "- id: s1\n        area: 知识",
            "- id: s2\n        area: 知识",
        );
        let l = parse(&ok).unwrap();
        assert_eq!(
            l.rungs[0].standards[1].area, "knowledge",
            "zh area names become ids"
        );
    }

    #[test]
    fn a_text_in_one_language_is_shown_in_both_and_written_as_given() {
        let text = "id: x\nkind: other\nname: { zh: 甲 }\nrungs:\n  - id: a\n    title: { en: Clerk }\n    typical_age: 25\n    standards:\n      - { id: a1, area: 技能, item: { zh: 盘点 }, weight: 12.5, text: { zh: 能独立完成盘点。 } }\n";
        let l = parse(text).unwrap();
        assert_eq!(l.name.get(Locale::En), "甲");
        assert_eq!(l.rungs[0].title.get(Locale::Zh), "Clerk");
        let st = &l.rungs[0].standards[0];
        assert_eq!((st.weight, st.text.given_en()), (Some(12.5), None));
        assert_eq!(st.item.as_ref().map(|i| i.get(Locale::En)), Some("盘点"));
        let yaml = serde_yaml::to_string(&l).unwrap();
        assert!(
            yaml.contains("title:\n    en: Clerk\n  typical_age"),
            "{yaml}"
        );
        assert!(yaml.contains("weight: 12.5\n"), "{yaml}");
        assert!(
            !yaml.contains("zh: Clerk") && !yaml.contains("en: 能"),
            "{yaml}"
        );
        assert_eq!(parse(&yaml).unwrap(), l, "written and read back");
        let none = text.replace("{ zh: 甲 }", "{ zh-TW: 甲 }");
        assert!(parse(&none).unwrap_err()[0]
            .message
            .contains("a text needs `zh` or `en`"));
        let heavy = text.replace("12.5", "120");
        assert_eq!(
            parse(&heavy).unwrap_err()[0].message,
            "the weight 120 is not between 0 and 100"
        );
    }

    #[test]
    fn builtin_rungs_have_five_to_eight_standards() {
        for l in &Ladders::builtin().all {
            for r in &l.rungs {
                assert!((5..=8).contains(&r.standards.len()), "{} {}", l.id, r.id);
                for st in &r.standards {
                    assert!(area_id(&st.area).is_some());
                }
            }
        }
    }
}
