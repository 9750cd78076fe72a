//! Anonymous peer feedback for batch runs: a CSV (subject_id, rater, adjectives) or a
//! folder of YAML files, merged into each subject's Johari peers. Raters are used
//! only to count each rater once per subject; they are never written anywhere.

use crate::catalog::{self, Item, Lookup};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Feedback per subject id: one adjective list per (anonymous) rater.
#[derive(Debug, Default)]
pub struct Feedback {
    /// subject id → adjective lists.
    pub by_subject: HashMap<String, Vec<Vec<&'static Item>>>,
    /// Problems found: (where, message). Rows with problems are skipped.
    pub problems: Vec<(String, String)>,
}

impl Feedback {
    /// Picks for a subject.
    pub fn for_subject(&self, id: &str) -> &[Vec<&'static Item>] {
        self.by_subject.get(id.trim()).map_or(&[], Vec::as_slice)
    }
}

/// Reads a feedback CSV file or a folder of YAML feedback files.
pub fn read(path: &Path) -> Result<Feedback, String> {
    // subject → rater key → picks; the rater key is only for de-duplication
    let mut merged: BTreeMap<String, BTreeMap<String, Vec<&'static Item>>> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut anon = 0usize;
    let mut add = |subject: String,
                   rater: Option<String>,
                   words: Vec<String>,
                   at: String,
                   problems: &mut Vec<(String, String)>| {
        if subject.is_empty() {
            problems.push((at, "the subject id is empty".into()));
            return;
        }
        let mut picks = Vec::new();
        for w in words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
            match catalog::lookup(catalog::ADJECTIVES, catalog::ADJECTIVE_ALIASES, w) {
                Lookup::Found(i) if !picks.contains(&i) => picks.push(i),
                Lookup::Found(_) => {}
                Lookup::Missing(near) => {
                    let hint = near
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default();
                    problems.push((at.clone(), format!("unknown adjective `{w}`{hint}")));
                    return;
                }
            }
        }
        if picks.is_empty() {
            problems.push((at, "no adjectives".into()));
            return;
        }
        let key = rater.filter(|r| !r.trim().is_empty()).unwrap_or_else(|| {
            anon += 1;
            format!("\u{0}{anon}")
        });
        merged.entry(subject).or_default().insert(key, picks);
    };
    if path.is_dir() {
        let mut files = Vec::new();
        super::collect_yaml(path, &mut files);
        for f in files {
            let shown = f.display().to_string();
            let text = match std::fs::read_to_string(&f) {
                Ok(t) if t.len() <= crate::profile::MAX_BYTES => t,
                Ok(_) => {
                    problems.push((shown, "the file is larger than 1 MiB".into()));
                    continue;
                }
                Err(e) => {
                    problems.push((shown, format!("cannot read: {e}")));
                    continue;
                }
            };
            match serde_yaml::from_str::<YamlFeedback>(&text) {
                Ok(YamlFeedback::One(e)) => {
                    add(e.subject_id, e.rater, e.adjectives, shown, &mut problems)
                }
                Ok(YamlFeedback::Many(list)) => {
                    for (i, e) in list.into_iter().enumerate() {
                        add(
                            e.subject_id,
                            e.rater,
                            e.adjectives,
                            format!("{shown} (entry {})", i + 1),
                            &mut problems,
                        );
                    }
                }
                Err(e) => problems.push((
                    shown,
                    format!("{e} (expected `subject_id`, `rater` and `adjectives: [..]`)"),
                )),
            }
        }
    } else {
        let bytes = std::fs::read(path)
            .map_err(|e| format!("{}: cannot read the feedback file: {e}", path.display()))?;
        let (text, _) = super::roster::decode(&bytes);
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| format!("{}: {e}", path.display()))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
        let subject = col(&["subject_id", "subject", "id", "工号", "被评价人工号"])
            .ok_or_else(|| format!("{}: no `subject_id` column", path.display()))?;
        let rater = col(&["rater", "rater_id", "评价人"]);
        let adjs = col(&["adjectives", "picks", "形容词"])
            .ok_or_else(|| format!("{}: no `adjectives` column", path.display()))?;
        for (i, rec) in rdr.records().enumerate() {
            let at = format!("{}:{}", path.display(), i + 2);
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    problems.push((at, e.to_string()));
                    continue;
                }
            };
            let get = |k: usize| rec.get(k).unwrap_or("").trim().to_string();
            let words = get(adjs)
                .split([';', '、', ',', '，', '；'])
                .map(str::to_string)
                .collect();
            add(get(subject), rater.map(get), words, at, &mut problems);
        }
    }
    let by_subject = merged
        .into_iter()
        .map(|(s, raters)| (s, raters.into_values().collect()))
        .collect();
    Ok(Feedback {
        by_subject,
        problems,
    })
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum YamlFeedback {
    One(Entry),
    Many(Vec<Entry>),
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    subject_id: String,
    rater: Option<String>,
    adjectives: Vec<String>,
}
