//! Career ladders: the built-in administrative and technical routes (YAML under
//! templates/ladders, compiled in) plus a company's own from `--ladders DIR`.

use crate::catalog::{nearest, normalise};
use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Text in both languages.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// zh-CN text.
    pub zh: String,
    /// English text.
    pub en: String,
}

impl Bilingual {
    /// The text in `loc`.
    pub fn get(&self, loc: Locale) -> &str {
        loc.pick(&self.zh, &self.en)
    }
}

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
    pub expectations: Option<Bilingual>,
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

impl Ladder {
    /// Finds a rung by id, zh title or en title (case-insensitive).
    pub fn rung(&self, word: &str) -> Result<usize, Option<String>> {
        let w = normalise(word);
        if let Some(i) = self.rungs.iter().position(|r| {
            normalise(&r.id) == w || normalise(&r.title.zh) == w || normalise(&r.title.en) == w
        }) {
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

    /// Typical age after the top rung (the open milestone the person sets).
    pub fn open_age(&self) -> u32 {
        self.rungs.last().map_or(45, |r| r.typical_age + 5)
    }
}

const BUILTIN: &[(&str, &str)] = &[
    (
        "administrative.yaml",
        include_str!("../templates/ladders/administrative.yaml"),
    ),
    (
        "technical.yaml",
        include_str!("../templates/ladders/technical.yaml"),
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
                parse(text).unwrap_or_else(|e| panic!("built-in ladder {name}: {e}"))
            })
            .collect();
        Ladders { all }
    }

    /// Built-ins plus every `*.yaml`/`*.yml` in `dir`. Errors name the file.
    pub fn with_dir(dir: &Path) -> Result<Ladders, String> {
        let mut ladders = Ladders::builtin();
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: cannot read the ladders folder: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
            .collect();
        files.sort();
        for path in files {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let ladder = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            match ladders.all.iter_mut().find(|l| l.id == ladder.id) {
                Some(slot) => *slot = ladder,
                None => ladders.all.push(ladder),
            }
        }
        Ok(ladders)
    }

    /// Finds a ladder by id or name (either language).
    pub fn get(&self, word: &str) -> Result<&Ladder, Option<String>> {
        let w = normalise(word);
        if let Some(l) = self.all.iter().find(|l| {
            normalise(&l.id) == w || normalise(&l.name.zh) == w || normalise(&l.name.en) == w
        }) {
            return Ok(l);
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

/// Parses and checks one ladder definition.
pub fn parse(text: &str) -> Result<Ladder, String> {
    if text.len() > 256 * 1024 {
        return Err("ladder file is larger than 256 KiB".into());
    }
    let ladder: Ladder = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    if ladder.rungs.is_empty() {
        return Err("a ladder needs at least one rung".into());
    }
    if ladder.rungs.len() > 12 {
        return Err("a ladder has at most 12 rungs".into());
    }
    for pair in ladder.rungs.windows(2) {
        if pair[1].typical_age <= pair[0].typical_age {
            return Err(format!(
                "rung `{}` has typical_age {} but must be older than `{}` ({})",
                pair[1].id, pair[1].typical_age, pair[0].id, pair[0].typical_age
            ));
        }
    }
    if let Some(r) = ladder
        .rungs
        .iter()
        .find(|r| !(14..=80).contains(&r.typical_age))
    {
        return Err(format!(
            "rung `{}`: typical_age {} is outside 14–80",
            r.id, r.typical_age
        ));
    }
    Ok(ladder)
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
        assert!(parse(bad).unwrap_err().contains("must be older"));
    }
}
