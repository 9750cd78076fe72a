//! Career ladders: the built-in administrative and technical routes (YAML under
//! templates/ladders, compiled in) plus a company's own from `--ladders DIR`.

use crate::base::term::Shown;
use crate::profile::catalog::{nearest, normalise};
use model::named;
use std::path::Path;

mod bilingual;
mod model;
mod parse;

pub use bilingual::Bilingual;
pub use model::{area_id, area_name, percent_text, Kind, Ladder, Rung, Standard, AREAS};
pub use parse::parse;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::locale::Locale;

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
