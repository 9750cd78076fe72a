//! Anonymous peer feedback for batch runs: a table (CSV in any supported encoding, or
//! XLSX: a subject column, an adjectives column and optionally a rater column) or a
//! folder of YAML files, merged into each subject's Johari peers. Rater identities
//! are used only to count each rater once per subject; they are never written
//! anywhere, and no message about a feedback row quotes a cell of it.

use super::table::{self, column_letters, TableRow};
use crate::catalog::{self, Item, Lookup};
use crate::profile::locate::Locations;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::Path;

/// Feedback per subject id: one adjective list per (anonymous) rater.
#[derive(Debug, Default)]
pub struct Feedback {
    /// subject id → adjective lists.
    pub by_subject: HashMap<String, Vec<Vec<&'static Item>>>,
    /// Problems found: (where, message). Rows with problems are skipped.
    pub problems: Vec<(String, String)>,
    /// Notes for the run summary (e.g. no rater column).
    pub notes: Vec<String>,
    /// Answers without any pick: not raters, counted here.
    pub empty_answers: usize,
}

impl Feedback {
    /// Picks for a subject.
    pub fn for_subject(&self, id: &str) -> &[Vec<&'static Item>] {
        self.by_subject.get(id.trim()).map_or(&[], Vec::as_slice)
    }

    /// Answers (and subjects) whose subject is not in `matched`.
    pub fn unmatched(&self, matched: &HashSet<String>) -> (usize, usize) {
        self.by_subject
            .iter()
            .filter(|(s, _)| !matched.contains(s.as_str()))
            .fold((0, 0), |(a, n), (_, v)| (a + v.len(), n + 1))
    }
}

/// Headers of the subject column.
const SUBJECT: &[&str] = &[
    "subject_id",
    "subject",
    "id",
    "employee_id",
    "colleague",
    "colleague_id",
    "工号",
    "员工编号",
    "被评价人工号",
    "被评价人",
    "同事工号",
];
/// Headers of the picks column.
const PICKS: &[&str] = &["adjectives", "picks", "words", "形容词", "选择"];
/// Headers of columns that identify whoever answered, in order of preference for
/// telling raters apart. Used only for de-duplication.
const IDENTITY: &[&str] = &[
    "rater",
    "rater_id",
    "rater_email",
    "reviewer",
    "reviewer_id",
    "reviewer_email",
    "respondent",
    "respondent_id",
    "respondent_email",
    "email",
    "e_mail",
    "email_address",
    "评价人",
    "评价人工号",
    "评价人邮箱",
    "邮箱",
    "提交人",
    "答题人",
    "填写人",
    "用户名",
    "rater_name",
    "reviewer_name",
    "respondent_name",
    "name",
    "full_name",
    "姓名",
    "评价人姓名",
    "来自ip",
    "ip",
    "ip_address",
];

fn norm(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// Collects answers, de-duplicating raters per subject.
#[derive(Default)]
struct Merge {
    merged: BTreeMap<String, BTreeMap<String, Vec<&'static Item>>>,
    anon: usize,
    empty: usize,
    problems: Vec<(String, String)>,
}

impl Merge {
    /// Adds one answer. `at` names the place (file, row, column), never a cell.
    fn add(&mut self, subject: &str, rater: Option<&str>, words: &[&str], at: &str) {
        let subject = subject.trim();
        if subject.is_empty() {
            self.problems
                .push((at.to_string(), "the subject id is empty".into()));
            return;
        }
        let mut picks = Vec::new();
        for (k, w) in words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            match catalog::lookup(catalog::ADJECTIVES, catalog::ADJECTIVE_ALIASES, w) {
                Lookup::Found(i) if !picks.contains(&i) => picks.push(i),
                Lookup::Found(_) => {}
                Lookup::Missing(near) => {
                    let hint = near
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default();
                    self.problems.push((
                        at.to_string(),
                        format!(
                            "pick {} is not one of the 55 adjectives{hint} (the row is skipped)",
                            k + 1
                        ),
                    ));
                    return;
                }
            }
        }
        if picks.is_empty() {
            // an empty answer is not a rater, wherever it comes from
            self.empty += 1;
            return;
        }
        let key = rater
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| format!("r{r}"))
            .unwrap_or_else(|| {
                self.anon += 1;
                format!("\u{0}{}", self.anon)
            });
        self.merged
            .entry(subject.to_string())
            .or_default()
            .insert(key, picks);
    }
}

/// Reads a feedback table (CSV/XLSX) or a folder of YAML feedback files.
pub fn read(path: &Path) -> Result<Feedback, String> {
    let mut m = Merge::default();
    let mut notes = Vec::new();
    if path.is_dir() {
        let mut files = Vec::new();
        super::collect_yaml(path, &mut files, &mut notes);
        for f in files {
            read_yaml_file(&f, &mut m);
        }
    } else {
        read_table(path, &mut m, &mut notes)?;
    }
    let by_subject = m
        .merged
        .into_iter()
        .map(|(s, raters)| (s, raters.into_values().collect()))
        .collect();
    Ok(Feedback {
        by_subject,
        problems: m.problems,
        notes,
        empty_answers: m.empty,
    })
}

fn read_table(path: &Path, m: &mut Merge, notes: &mut Vec<String>) -> Result<(), String> {
    let shown = path.display().to_string();
    // (subject, picks, identity columns, header width)
    let mut cols: Option<(usize, usize, Vec<usize>, usize)> = None;
    let mut header_seen = 0usize;
    let mut missing: Option<String> = None;
    let res = table::read_rows(path, &mut |t: TableRow| {
        let Some((subject, picks, identity, width)) = &cols else {
            header_seen += 1;
            let h: Vec<String> = t.cells.iter().map(|c| norm(c)).collect();
            let find = |names: &[&str]| h.iter().position(|c| names.contains(&c.as_str()));
            match (find(SUBJECT), find(PICKS)) {
                (Some(s), Some(p)) => {
                    let mut id: Vec<usize> = Vec::new();
                    for name in IDENTITY {
                        if let Some(i) = h.iter().position(|c| c == name) {
                            if !id.contains(&i) {
                                id.push(i);
                            }
                        }
                    }
                    if id.is_empty() {
                        notes.push(format!(
                            "{shown}: no rater column (such as rater, email, name, 评价人 or 提交人), so each row counts as one rater"
                        ));
                    }
                    cols = Some((s, p, id, t.cells.len()));
                }
                (s, p) if header_seen >= super::roster::HEADER_SEARCH_ROWS => {
                    missing = Some(
                        match (s, p) {
                            (None, _) => "no subject column (subject_id, 工号 or 被评价人工号)",
                            _ => "no adjectives column (adjectives or 形容词)",
                        }
                        .to_string(),
                    );
                    return ControlFlow::Break(());
                }
                _ => {}
            }
            return ControlFlow::Continue(());
        };
        let at = format!("{shown}:row {}", t.row);
        if t.cells.len() > *width && t.cells[*width..].iter().any(|c| !c.is_empty()) {
            m.problems.push((
                at,
                format!(
                    "the row has {} cells but the header has {width}: a value probably contains an unquoted comma (quote it); the row is skipped",
                    t.cells.len()
                ),
            ));
            return ControlFlow::Continue(());
        }
        let get = |k: usize| t.cells.get(k).map_or("", String::as_str);
        let words: Vec<&str> = get(*picks)
            .split([';', '、', ',', '，', '；', '┋', '\n'])
            .collect();
        let rater = identity
            .iter()
            .map(|k| get(*k))
            .find(|v| !v.trim().is_empty());
        m.add(
            get(*subject),
            rater,
            &words,
            &format!("{at}, column {}", column_letters(*picks)),
        );
        ControlFlow::Continue(())
    });
    if let Err(e) = res {
        return Err(match e.row {
            Some(r) => format!("{shown}:row {r}: {}", e.message),
            None => format!("{shown}: {}", e.message),
        });
    }
    if let Some(what) = missing {
        return Err(format!("{shown}: {what} in the first rows"));
    }
    if cols.is_none() {
        return Err(format!(
            "{shown}: no header row with a subject column (subject_id, 工号) and an adjectives column (adjectives, 形容词)"
        ));
    }
    Ok(())
}

fn read_yaml_file(f: &Path, m: &mut Merge) {
    let shown = f.display().to_string();
    let text = match std::fs::read(f) {
        Ok(t) if t.len() > crate::profile::MAX_BYTES => {
            m.problems
                .push((shown, "the file is larger than 1 MiB".into()));
            return;
        }
        Ok(t) => match String::from_utf8(t) {
            Ok(s) => s,
            Err(_) => {
                m.problems
                    .push((shown, "the file is not UTF-8 text".into()));
                return;
            }
        },
        Err(e) => {
            m.problems.push((shown, format!("cannot read: {e}")));
            return;
        }
    };
    let value: serde_yaml::Value = match serde_yaml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let at = e
                .location()
                .map(|l| format!("{shown}:{}:{}", l.line(), l.column()))
                .unwrap_or_else(|| shown.clone());
            m.problems
                .push((at, "YAML syntax error (the file is skipped)".into()));
            return;
        }
    };
    let locs = Locations::scan(&text);
    let (entries, prefix): (Vec<serde_yaml::Value>, bool) = match value {
        serde_yaml::Value::Sequence(s) => (s, true),
        other => (vec![other], false),
    };
    for (i, e) in entries.into_iter().enumerate() {
        let path = if prefix {
            format!("[{i}]")
        } else {
            String::new()
        };
        let at = match locs.find(&path) {
            Some(((l, c), _)) if prefix || l > 0 => format!("{shown}:{l}:{c}"),
            _ => format!("{shown}:1:1"),
        };
        match serde_yaml::from_value::<Entry>(e) {
            Ok(e) => {
                let words: Vec<&str> = e.adjectives.iter().map(String::as_str).collect();
                m.add(&e.subject_id, e.rater.as_deref(), &words, &at);
            }
            Err(err) => {
                // serde's message names fields and types, never the values
                let why = err.to_string();
                let why = why.split(" at line ").next().unwrap_or(&why).to_string();
                m.problems.push((
                    at,
                    format!(
                        "entry {}: {why} (expected `subject_id`, `rater` and `adjectives: [..]`; the entry is skipped)",
                        i + 1
                    ),
                ));
            }
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(deserialize_with = "text")]
    subject_id: String,
    #[serde(default, deserialize_with = "opt_text")]
    rater: Option<String>,
    adjectives: Vec<String>,
}

fn scalar_text(v: serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v: serde_yaml::Value = serde::Deserialize::deserialize(d)?;
    scalar_text(v).ok_or_else(|| serde::de::Error::custom("`subject_id` must be text"))
}

fn opt_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v: serde_yaml::Value = serde::Deserialize::deserialize(d)?;
    Ok(scalar_text(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_csv(text: &str) -> Feedback {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        std::fs::write(&p, text).unwrap();
        read(&p).unwrap()
    }

    #[test]
    fn a_comma_in_a_rater_name_never_reaches_a_message() {
        let f = read_csv("subject_id,rater,adjectives\nS1,Wang, Xiaoming,calm;bold\n");
        assert_eq!(f.problems.len(), 1);
        let (at, msg) = &f.problems[0];
        assert!(at.ends_with(":row 2"), "{at}");
        assert!(!format!("{at}{msg}").contains("Xiaoming"), "{msg}");
        assert!(!format!("{at}{msg}").contains("Wang"), "{msg}");
    }

    #[test]
    fn rater_name_columns_de_duplicate() {
        let f = read_csv(
            "subject_id,rater_name,adjectives\nS1,A,calm\nS1,A,bold\nS1,A,kind\nS1,B,calm\n",
        );
        assert_eq!(f.for_subject("S1").len(), 2);
        assert!(f.notes.is_empty());
        let f = read_csv("subject_id,adjectives\nS1,calm\nS1,bold\n");
        assert_eq!(f.for_subject("S1").len(), 2);
        assert!(f.notes[0].contains("each row counts as one rater"));
    }

    #[test]
    fn empty_answers_are_not_raters() {
        let f = read_csv("subject_id,rater,adjectives\nS1,a,\nS1,b, ; \nS1,c,calm\n");
        assert_eq!(f.for_subject("S1").len(), 1);
        assert_eq!(f.empty_answers, 2);
        assert!(f.problems.is_empty());
    }

    #[test]
    fn unknown_words_are_placed_by_row_and_column_without_quoting() {
        let f = read_csv("subject_id,rater,adjectives\nS1,a,calm;Zhangsan\n");
        let (at, msg) = &f.problems[0];
        assert!(at.ends_with(":row 2, column C"), "{at}");
        assert!(
            msg.starts_with("pick 2 is not one of the 55 adjectives"),
            "{msg}"
        );
        assert!(!msg.contains("Zhangsan"));
    }

    #[test]
    fn one_bad_yaml_entry_skips_only_itself_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.yaml"),
            "- subject_id: S1\n  adjectives: [calm]\n- subject_id: S1\n  adjektives: [bold]\n- subject_id: 0x1F\n  adjectives: [kind]\n",
        )
        .unwrap();
        let f = read(dir.path()).unwrap();
        assert_eq!(f.for_subject("S1").len(), 1);
        assert_eq!(f.problems.len(), 1);
        assert!(f.problems[0].0.ends_with("a.yaml:3:3"), "{:?}", f.problems);
        assert!(f.problems[0].1.starts_with("entry 2:"), "{:?}", f.problems);
    }
}
