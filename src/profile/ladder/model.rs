//! A ladder as careerbook holds it: its rungs with their typical ages and
//! qualification standards (by area, with items and weights), its names in each
//! language, and the areas standards belong to.

use super::Bilingual;
use crate::base::locale::Locale;
use crate::profile::catalog::{nearest, normalise};
use serde::{Deserialize, Serialize};

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
pub(super) fn named<T>(
    items: &[T],
    w: &str,
    name: impl Fn(&T) -> (&String, &Bilingual),
) -> Option<usize> {
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
