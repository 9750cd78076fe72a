//! Anonymous peer feedback for batch runs: a table (CSV in any supported encoding, or
//! XLSX: a subject column, an adjectives column and optionally a rater column) or a
//! folder of YAML files, merged into each subject's Johari peers. Rater identities
//! are used only to count each rater once per subject; they are never written
//! anywhere, and no message about a feedback row quotes a cell of it.

use super::table::{self, column_letters, TableRow};
use crate::catalog::{self, Item, Lookup};
use crate::profile::locate::Locations;
use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::Path;

/// Feedback per subject id: one set of picks per (anonymous) rater, kept compact —
/// a rater's key is a hash and their picks a bit set of the 55 adjectives — so that a
/// million answers take a few tens of megabytes.
#[derive(Debug, Default)]
pub struct Feedback {
    /// subject id → picks (bit k = adjective k), one per rater.
    by_subject: HashMap<String, Vec<u64>>,
    /// Problems found: (where, message). Rows with problems are skipped.
    pub problems: Vec<(String, String)>,
    /// Notes for the run summary (the layout and columns used, no rater column, …).
    pub notes: Vec<String>,
    /// Answers without any pick: not raters, counted here.
    pub empty_answers: usize,
}

impl Feedback {
    /// Picks for a subject, one list per rater.
    pub fn for_subject(&self, id: &str) -> Vec<Vec<&'static Item>> {
        self.by_subject
            .get(id.trim())
            .map(|v| {
                v.iter()
                    .map(|mask| {
                        catalog::ADJECTIVES
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| mask & (1u64 << k) != 0)
                            .map(|(_, a)| a)
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether any rater answered for a subject.
    pub fn has_subject(&self, id: &str) -> bool {
        self.by_subject.contains_key(id.trim())
    }

    /// Answers (and subjects) whose subject is not in `matched`.
    pub fn unmatched(&self, matched: &HashSet<String>) -> (usize, usize) {
        self.by_subject
            .iter()
            .filter(|(s, _)| !matched.contains(s.as_str()))
            .fold((0, 0), |(a, n), (_, v)| (a + v.len(), n + 1))
    }
}

/// Removes anything quoted from a parser's message: a quoted part may be a cell or a
/// key, and either could be a rater's name.
fn unquoted(msg: &str) -> String {
    let mut out = String::new();
    let mut skip: Option<char> = None;
    let mut escaped = false;
    for c in msg.split(" at line ").next().unwrap_or(msg).chars() {
        match skip {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => {
                skip = None;
                out.push('…');
            }
            Some(_) => {}
            None if matches!(c, '`' | '"' | '\'') => skip = Some(c),
            None => out.push(c),
        }
    }
    // an unclosed quote hides the rest: nothing after it is shown
    if skip.is_some() {
        out.push('…');
    }
    out
}

/// Headers that name the subject for sure, best first.
const SUBJECT: &[&str] = &[
    "subject_id",
    "subject",
    "被评价人工号",
    "被评价人",
    "被评价人员工编号",
    "同事工号",
    "colleague",
    "colleague_id",
    "colleague_employee_id",
];
/// Words that mark a header as the subject's (e.g. "2、被评价同事的工号：").
const SUBJECT_WORDS: &[&str] = &["被评价", "同事", "subject", "colleague"];
/// Headers that may name the subject when nothing more specific does; with a specific
/// subject column they are the rater's own id and count as identity.
const GENERIC_ID: &[&str] = &["id", "工号", "employee_id", "员工编号", "员工号"];
/// Headers a survey tool adds for the response itself (time stamps, response numbers):
/// with them a bare `ID` is the response's number, not the subject.
const RESPONSE_META: &[&str] = &[
    "start_time",
    "completion_time",
    "timestamp",
    "开始时间",
    "提交时间",
    "提交答卷时间",
    "所用时间",
    "序号",
    "答卷编号",
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
    "电子邮件",
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
];

/// Values of an identity column that identify nobody (an anonymous form).
const NO_IDENTITY: &[&str] = &[
    "anonymous",
    "匿名",
    "匿名用户",
    "n/a",
    "na",
    "none",
    "-",
    "—",
    "unknown",
    "未知",
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
    /// subject → (rater key, picks); the key is a hash of the rater's identity, or a
    /// unique number for an anonymous row.
    merged: HashMap<String, Vec<(u64, u64)>>,
    anon: u64,
    empty: usize,
    problems: Vec<(String, String)>,
    words: HashMap<String, Option<usize>>,
}

impl Merge {
    fn pick(&mut self, w: &str) -> Result<usize, Option<&'static str>> {
        if let Some(hit) = self.words.get(w) {
            return hit.ok_or(None);
        }
        match catalog::lookup(catalog::ADJECTIVES, catalog::ADJECTIVE_ALIASES, w) {
            Lookup::Found(i) => {
                let k = catalog::ADJECTIVES
                    .iter()
                    .position(|a| a.id == i.id)
                    .unwrap_or(0);
                if self.words.len() < 100_000 {
                    self.words.insert(w.to_string(), Some(k));
                }
                Ok(k)
            }
            Lookup::Missing(near) => {
                if near.is_none() && self.words.len() < 100_000 {
                    self.words.insert(w.to_string(), None);
                }
                Err(near)
            }
        }
    }

    /// Adds one answer. `at` names the place (file, row, column), never a cell.
    fn add(&mut self, subject: &str, rater: Option<&str>, words: &[&str], at: &str) {
        let subject = subject.trim();
        if subject.is_empty() {
            self.problems
                .push((at.to_string(), crate::msg!("fb.subject_empty")));
            return;
        }
        let mut mask = 0u64;
        for (k, w) in words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            match self.pick(w) {
                Ok(i) => mask |= 1u64 << i,
                Err(near) => {
                    // an "Other" answer or a typo: the recognised picks still count
                    let hint = near
                        .map(|n| crate::msg!("fb.near", near = n))
                        .unwrap_or_default();
                    self.problems.push((
                        at.to_string(),
                        crate::msg!("fb.pick_unknown", n = k + 1, hint = hint),
                    ));
                }
            }
        }
        if mask == 0 {
            // an empty answer is not a rater, wherever it comes from
            self.empty += 1;
            return;
        }
        let key = match rater
            .map(str::trim)
            .filter(|r| !r.is_empty() && !NO_IDENTITY.contains(&r.to_lowercase().as_str()))
        {
            Some(r) => crate::output::fnv(&r.to_lowercase()) | (1 << 63),
            None => {
                self.anon += 1;
                self.anon
            }
        };
        self.merged
            .entry(subject.to_string())
            .or_default()
            .push((key, mask));
    }

    /// One answer per rater and subject: a rater who answered twice counts once, with
    /// their last answer.
    fn finish(self) -> HashMap<String, Vec<u64>> {
        self.merged
            .into_iter()
            .map(|(s, mut v)| {
                // stable: for equal keys the later answer comes last
                v.sort_by_key(|(k, _)| *k);
                let mut out: Vec<(u64, u64)> = Vec::with_capacity(v.len());
                for (k, m) in v {
                    match out.last_mut() {
                        Some(last) if last.0 == k => last.1 = m,
                        _ => out.push((k, m)),
                    }
                }
                (s, out.into_iter().map(|(_, m)| m).collect())
            })
            .collect()
    }
}

/// Reads a feedback table (CSV/XLSX) or a folder of YAML feedback files.
pub fn read(path: &Path) -> Result<Feedback, String> {
    match read_with(path, None) {
        Ok(f) => Ok(f),
        Err(ReadError::NeedIds) => Err(crate::msg!("fb.need_ids", path = path.display())),
        Err(ReadError::Other(e)) => Err(e),
    }
}

/// Reads feedback; `ids` (the employees' ids), when given, lets a table without a
/// subject header be read by finding the column whose values are those ids.
pub fn read_with(path: &Path, ids: Option<&HashSet<String>>) -> Result<Feedback, ReadError> {
    let mut m = Merge::default();
    let mut notes = Vec::new();
    if path.is_dir() {
        let mut files = Vec::new();
        super::collect_yaml(path, &mut files, &mut notes);
        for f in files {
            read_yaml_file(&f, &mut m);
        }
    } else {
        read_table(path, &mut m, &mut notes, ids)?;
    }
    let problems = std::mem::take(&mut m.problems);
    let empty_answers = m.empty;
    Ok(Feedback {
        by_subject: m.finish(),
        problems,
        notes,
        empty_answers,
    })
}

/// How the picks are laid out in a survey export.
#[derive(Debug, Clone)]
enum PicksLayout {
    /// One column holds the picks, joined by a separator.
    Column(usize),
    /// One column per adjective (column, adjective index): a cell marks a pick.
    PerOption(Vec<(usize, usize)>),
}

/// The columns of a feedback table.
#[derive(Debug, Clone)]
struct Layout {
    subject: Option<usize>,
    picks: PicksLayout,
    identity: Vec<usize>,
    width: usize,
}

/// A header without the survey tool's numbering and type marks: `2、请选择…（多选题）：`
/// → `请选择…`.
fn clean_header(h: &str) -> String {
    let mut s = h.trim().trim_start_matches('\u{feff}').to_string();
    for mark in [
        "(多选题)",
        "（多选题）",
        "[多选题]",
        "【多选题】",
        "(multiple choice)",
        "（必填）",
        "(必填)",
        "*",
    ] {
        s = s.replace(mark, "");
    }
    // numbering: "2、", "2.", "Q2.", "2)", "（2）"
    let t = s.trim_start();
    let t = t.strip_prefix(['Q', 'q']).unwrap_or(t);
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    let s = if digits > 0 {
        let rest = &t[digits..];
        match rest.chars().next() {
            Some('、' | '.' | '．' | ')' | '）' | ':' | '：' | ' ') => {
                rest[rest.chars().next().map_or(0, char::len_utf8)..].to_string()
            }
            _ => s.clone(),
        }
    } else {
        s.clone()
    };
    s.trim()
        .trim_end_matches([':', '：', ' '])
        .trim()
        .to_string()
}

/// The adjective a header names, as a column of a one-column-per-option export
/// (`2.请选择…:可靠`, `可靠`, `Q2_dependable`).
fn option_of(header: &str) -> Option<usize> {
    let h = clean_header(header);
    let find = |c: &str| -> Option<usize> {
        let c = c
            .trim()
            .trim_matches(['(', ')', '（', '）', '[', ']', '【', '】', '〖', '〗']);
        if c.is_empty() {
            return None;
        }
        match catalog::lookup(catalog::ADJECTIVES, catalog::ADJECTIVE_ALIASES, c) {
            Lookup::Found(item) => catalog::ADJECTIVES.iter().position(|a| a.id == item.id),
            Lookup::Missing(_) => None,
        }
    };
    if let Some(k) = find(&h) {
        return Some(k);
    }
    // the text inside the last brackets: 题目(可靠), 题目（可靠）, [able]
    for (open, close) in [
        ('(', ')'),
        ('（', '）'),
        ('[', ']'),
        ('【', '】'),
        ('〖', '〗'),
    ] {
        if let (Some(a), Some(b)) = (h.rfind(open), h.rfind(close)) {
            if a < b {
                if let Some(k) = find(&h[a + open.len_utf8()..b]) {
                    return Some(k);
                }
            }
        }
    }
    // the longest tail after a separator that names an adjective (self-assertive
    // keeps its dash: "Q2 - … - self-assertive")
    h.char_indices()
        .filter(|(_, c)| matches!(c, ':' | '：' | '—' | '|' | '_' | '-' | ' '))
        .find_map(|(i, c)| find(&h[i + c.len_utf8()..]))
}

/// Whether a cell of a one-column-per-option export marks the option as picked.
fn ticked(cell: &str) -> bool {
    let c = cell.trim().to_lowercase();
    !matches!(
        c.as_str(),
        "" | "0" | "false" | "no" | "n" | "否" | "未选" | "未选中" | "-" | "—" | "(空)" | "（空）"
    )
}

fn layout_of(cells: &[String]) -> Option<(Option<usize>, bool, Layout)> {
    let h: Vec<String> = cells.iter().map(|c| norm(&clean_header(c))).collect();
    let find = |names: &[&str]| names.iter().find_map(|n| h.iter().position(|c| c == n));
    let picks_col = find(PICKS).or_else(|| {
        h.iter().position(|c| {
            ["形容词", "adjective", "描述这位同事", "describe"]
                .iter()
                .any(|w| c.contains(w))
                && option_of(c).is_none()
        })
    });
    let options: Vec<(usize, usize)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| option_of(c).map(|k| (i, k)))
        .collect();
    let picks = if options.len() >= 10 {
        PicksLayout::PerOption(options)
    } else {
        PicksLayout::Column(picks_col?)
    };
    let taken: Vec<usize> = match &picks {
        PicksLayout::Column(c) => vec![*c],
        PicksLayout::PerOption(o) => o.iter().map(|(c, _)| *c).collect(),
    };
    let specific = find(SUBJECT).or_else(|| {
        h.iter()
            .enumerate()
            .position(|(i, c)| !taken.contains(&i) && SUBJECT_WORDS.iter().any(|w| c.contains(w)))
    });
    let response_meta = h.iter().any(|c| RESPONSE_META.contains(&c.as_str()));
    let generic = find(GENERIC_ID).filter(|i| !(response_meta && h[*i] == "id"));
    let subject = specific.or(generic);
    let mut identity: Vec<usize> = Vec::new();
    for name in IDENTITY {
        if let Some(i) = h.iter().position(|c| c == name) {
            if !identity.contains(&i) && Some(i) != subject {
                identity.push(i);
            }
        }
    }
    // with a specific subject column, a plain 工号/id is the rater's own
    if specific.is_some() {
        if let Some(g) = find(GENERIC_ID).filter(|g| Some(*g) != subject && !identity.contains(g)) {
            if !(response_meta && h[g] == "id") {
                identity.insert(0, g);
            }
        }
    }
    Some((
        subject,
        specific.is_some(),
        Layout {
            subject,
            picks,
            identity,
            width: cells.len(),
        },
    ))
}

/// Rows held back until the subject column is found from the values.
const SNIFF_ROWS: usize = 50;

fn read_table(
    path: &Path,
    m: &mut Merge,
    notes: &mut Vec<String>,
    ids: Option<&HashSet<String>>,
) -> Result<(), ReadError> {
    let shown = path.display().to_string();
    let mut layout: Option<Layout> = None;
    let mut header: Vec<String> = Vec::new();
    let mut header_seen = 0usize;
    let mut held: Vec<TableRow> = Vec::new();
    let mut no_subject = false;
    let mut wide = false;
    let say = |l: &Layout, header: &[String], notes: &mut Vec<String>, how: &str| {
        // column letters only: a header could hold anything, a name too
        let _ = header;
        let label = column_letters;
        let picks = match &l.picks {
            PicksLayout::Column(c) => crate::msg!("fb.layout.column", col = label(*c)),
            PicksLayout::PerOption(o) => crate::msg!("fb.layout.per_option", n = o.len()),
        };
        let how = if how.is_empty() {
            String::new()
        } else {
            crate::msg!("fb.layout.found")
        };
        notes.push(crate::msg!(
            "fb.layout",
            path = shown,
            picks = picks,
            col = l.subject.map_or("?".into(), label),
            how = how,
            raters = if l.identity.is_empty() {
                crate::msg!("fb.no_rater_column")
            } else {
                crate::msg!(
                    "fb.rater_column",
                    cols = l
                        .identity
                        .iter()
                        .map(|i| column_letters(*i))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        ));
    };
    let answer = |l: &Layout, t: &TableRow, m: &mut Merge| {
        let at = format!("{shown}:row {}", t.row);
        if let Some(c) = t.oversized {
            m.problems.push((
                at,
                crate::msg!(
                    "fb.cell_long",
                    col = column_letters(c),
                    max = table::MAX_CELL
                ),
            ));
            return;
        }
        if t.cells.len() > l.width && t.cells[l.width..].iter().any(|c| !c.is_empty()) {
            m.problems.push((
                at,
                crate::msg!("fb.row_wide", cells = t.cells.len(), width = l.width),
            ));
            return;
        }
        let get = |k: usize| t.cells.get(k).map_or("", String::as_str);
        let rater = l
            .identity
            .iter()
            .map(|k| get(*k))
            .find(|v| !v.trim().is_empty());
        let subject = l.subject.map_or("", get);
        match &l.picks {
            PicksLayout::Column(c) => {
                let words: Vec<&str> = get(*c)
                    .split([';', '、', ',', '，', '；', '┋', '|', '\n'])
                    .collect();
                m.add(
                    subject,
                    rater,
                    &words,
                    &crate::msg!("fb.at_column", at = at, col = column_letters(*c)),
                );
            }
            PicksLayout::PerOption(o) => {
                let words: Vec<&str> = o
                    .iter()
                    .filter(|(c, _)| ticked(get(*c)))
                    .map(|(_, k)| catalog::ADJECTIVES[*k].id)
                    .collect();
                m.add(subject, rater, &words, &at);
            }
        }
    };
    let res = table::read_rows(path, &mut |t: TableRow| {
        match &layout {
            None => {
                header_seen += 1;
                if let Some((subject, _, l)) = layout_of(&t.cells) {
                    let h: Vec<String> = t.cells.iter().map(|c| norm(&clean_header(c))).collect();
                    let picks_like = |c: &String| {
                        PICKS.contains(&c.as_str())
                            || ["形容词", "adjective"].iter().any(|w| c.contains(w))
                    };
                    let subjects = h
                        .iter()
                        .filter(|c| !picks_like(c))
                        .filter(|c| {
                            SUBJECT.contains(&c.as_str())
                                || SUBJECT_WORDS.iter().any(|w| c.contains(w))
                        })
                        .count();
                    let picks = h.iter().filter(|c| picks_like(c)).count();
                    if matches!(l.picks, PicksLayout::Column(_)) && (subjects > 1 || picks > 1) {
                        wide = true;
                        return ControlFlow::Break(());
                    }
                    header = t.cells.clone();
                    if subject.is_some() {
                        say(&l, &header, notes, "");
                    }
                    layout = Some(l);
                } else if header_seen >= super::roster::HEADER_SEARCH_ROWS {
                    return ControlFlow::Break(());
                }
            }
            Some(l) if l.subject.is_none() => {
                // no subject header: find the column whose values are the employees' ids
                held.push(t);
                if held.len() >= SNIFF_ROWS {
                    return ControlFlow::Break(());
                }
            }
            Some(l) => answer(l, &t, m),
        }
        ControlFlow::Continue(())
    });
    if let Err(e) = res {
        return Err(ReadError::Other(match e.row {
            Some(r) => format!("{shown}:row {r}: {}", e.message),
            None => format!("{shown}: {}", e.message),
        }));
    }
    if wide {
        return Err(ReadError::Other(crate::msg!("fb.wide", path = shown)));
    }
    let Some(mut l) = layout else {
        return Err(ReadError::Other(crate::msg!(
            "fb.no_picks",
            path = shown,
            n = super::roster::HEADER_SEARCH_ROWS
        )));
    };
    if l.subject.is_none() {
        let Some(ids) = ids else {
            return Err(ReadError::NeedIds);
        };
        let mut scores: Vec<(usize, usize)> = (0..l.width)
            .filter(|c| !l.identity.contains(c))
            .map(|c| {
                (
                    held.iter()
                        .filter(|t| t.cells.get(c).is_some_and(|v| ids.contains(v.trim())))
                        .count(),
                    c,
                )
            })
            .filter(|(n, _)| *n > 0 && n * 2 >= held.len())
            .collect();
        scores.sort();
        if scores.len() > 1 {
            return Err(ReadError::Other(crate::msg!(
                "fb.two_subjects",
                path = shown,
                cols = scores
                    .iter()
                    .map(|(_, c)| column_letters(*c))
                    .collect::<Vec<_>>()
                    .join(&crate::msg!("fb.and"))
            )));
        }
        match scores.last().copied() {
            Some((_, c)) => {
                l.subject = Some(c);
                say(&l, &header, notes, "found");
            }
            _ => no_subject = true,
        }
        if no_subject {
            return Err(ReadError::Other(crate::msg!("fb.no_subject", path = shown)));
        }
        // the held rows, then the rest of the file
        for t in std::mem::take(&mut held) {
            answer(&l, &t, m);
        }
        let mut seen = 0usize;
        let skip = header_seen + SNIFF_ROWS;
        let res = table::read_rows(path, &mut |t| {
            seen += 1;
            if seen > skip {
                answer(&l, &t, m);
            }
            ControlFlow::Continue(())
        });
        if let Err(e) = res {
            return Err(ReadError::Other(format!("{shown}: {}", e.message)));
        }
    }
    Ok(())
}

/// Why a feedback table was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The table has no subject header; read it again with the employees' ids to
    /// find the subject column from its values.
    NeedIds,
    /// Any other problem, said for the user.
    Other(String),
}

fn read_yaml_file(f: &Path, m: &mut Merge) {
    let shown = f.display().to_string();
    let text = match std::fs::read(f) {
        Ok(t) if t.len() > crate::profile::MAX_BYTES => {
            m.problems.push((shown, crate::msg!("fb.yaml_big")));
            return;
        }
        Ok(t) => match String::from_utf8(t) {
            Ok(s) => s,
            Err(_) => {
                m.problems.push((shown, crate::msg!("fb.yaml_not_utf8")));
                return;
            }
        },
        Err(e) => {
            m.problems
                .push((shown, crate::msg!("table.cannot_read", err = e)));
            return;
        }
    };
    let value: serde_yaml::Value = match serde_yaml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let (why, pos) = if msg.contains("more than one document") {
                let line = text
                    .lines()
                    .enumerate()
                    .skip(1)
                    .find(|(_, l)| l.starts_with("---"))
                    .map_or(1, |(i, _)| i + 1);
                (crate::msg!("fb.yaml_multi"), (line, 1))
            } else if msg.contains("duplicate entry") {
                (
                    crate::msg!("fb.yaml_dup"),
                    e.location().map_or((1, 1), |l| (l.line(), l.column())),
                )
            } else {
                (
                    crate::msg!("fb.yaml_syntax", text = unquoted(&msg)),
                    e.location().map_or((1, 1), |l| (l.line(), l.column())),
                )
            };
            m.problems.push((
                format!("{shown}:{}:{}", pos.0, pos.1),
                crate::msg!("fb.yaml_skipped", why = why),
            ));
            return;
        }
    };
    let plain = crate::profile::plain_scalars(&text);
    let locs = Locations::scan(&text);
    let (entries, prefix): (Vec<serde_yaml::Value>, bool) = match value {
        serde_yaml::Value::Sequence(s) => (s, true),
        other => (vec![other], false),
    };
    for (i, mut e) in entries.into_iter().enumerate() {
        let path = if prefix {
            format!("[{i}]")
        } else {
            String::new()
        };
        // ids as written: `subject_id: 0x1F` is the id "0x1F", not 31
        if let serde_yaml::Value::Mapping(map) = &mut e {
            for key in ["subject_id", "rater"] {
                let p = if prefix {
                    format!("{path}.{key}")
                } else {
                    key.to_string()
                };
                if let (Some(v), Some(raw)) = (map.get_mut(key), plain.get(&p)) {
                    if matches!(v, serde_yaml::Value::Number(_) | serde_yaml::Value::Bool(_)) {
                        *v = serde_yaml::Value::String(raw.clone());
                    }
                }
            }
        }
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
                // serde's messages may quote a value or a key: keep only the shape
                m.problems.push((
                    at,
                    crate::msg!("fb.entry_bad", n = i + 1, text = unquoted(&err.to_string())),
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
        assert!(
            f.notes[0].contains("rater identity from column B"),
            "{:?}",
            f.notes
        );
        let f = read_csv("subject_id,adjectives\nS1,calm\nS1,bold\n");
        assert_eq!(f.for_subject("S1").len(), 2);
        assert!(f.notes[0].contains("each row counts as one rater"));
    }

    #[test]
    fn specific_subject_headers_win_over_generic_ids() {
        // an internal survey: 工号 is the rater's own id, 被评价人工号 the subject
        let f = read_csv(
            "工号,姓名,被评价人工号,形容词\nE1,李娜,E3,可靠\nE2,王芳,E3,冷静\nE1,李娜,E3,耐心\n",
        );
        assert_eq!(
            f.for_subject("E3").len(),
            2,
            "E1 answered twice and counts once"
        );
        assert!(f.for_subject("E1").is_empty());
        // Microsoft Forms: ID is the response number
        let f = read_csv("ID,Start time,Completion time,Email,Name,subject_id,adjectives\n1,t,t,a@x,A,S1,calm;\n2,t,t,b@x,B,S1,kind;\n");
        assert_eq!(f.for_subject("S1").len(), 2);
        assert!(f.for_subject("1").is_empty());
    }

    #[test]
    fn yaml_messages_quote_nothing_and_ids_stay_as_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.yaml"),
            "- subject_id: 0x1F\n  adjectives: [calm]\n- subject_id: S1\n  王小明: [calm]\n- subject_id: S1\n  adjectives: \"LEAK calm\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.yaml"),
            "subject_id: S2\nadjectives: [calm]\n---\nsubject_id: S3\n",
        )
        .unwrap();
        let f = read(dir.path()).unwrap();
        assert_eq!(f.for_subject("0x1F").len(), 1);
        let all = format!("{:?}", f.problems);
        assert!(!all.contains("王小明") && !all.contains("LEAK"), "{all}");
        assert!(
            all.contains("b.yaml:3:1") && all.contains("more than one YAML document"),
            "{all}"
        );
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

    #[test]
    fn anonymous_placeholders_and_ips_identify_nobody() {
        let f = read_csv("Email,subject_id,adjectives\nanonymous,S1,calm\nanonymous,S1,kind\nAnonymous,S1,wise\n");
        assert_eq!(f.for_subject("S1").len(), 3);
        let f = read_csv(
            "来自IP,被评价人工号,形容词\n203.0.113.77(深圳),S1,冷静\n203.0.113.77(深圳),S1,善良\n",
        );
        assert_eq!(
            f.for_subject("S1").len(),
            2,
            "one office IP is many colleagues"
        );
    }

    #[test]
    fn an_other_answer_keeps_the_recognised_picks() {
        let f = read_csv("subject_id,adjectives\nS1,calm;Other text;kind;\n");
        assert_eq!(f.for_subject("S1")[0].len(), 2);
        assert!(!format!("{:?}", f.problems).contains("Other text"));
    }

    #[test]
    fn option_headers_in_brackets_and_with_dashes() {
        assert_eq!(
            option_of("2(能干)"),
            catalog::ADJECTIVES.iter().position(|a| a.id == "able")
        );
        assert_eq!(
            option_of("题目（可靠）"),
            catalog::ADJECTIVES
                .iter()
                .position(|a| a.id == "dependable")
        );
        assert_eq!(
            option_of("[able]"),
            catalog::ADJECTIVES.iter().position(|a| a.id == "able")
        );
        let sa = catalog::ADJECTIVES
            .iter()
            .position(|a| a.en == "self-assertive");
        assert!(sa.is_some());
        assert_eq!(option_of("Q2 - Which words - self-assertive"), sa);
        assert_eq!(option_of("Q2_self-assertive"), sa);
    }

    #[test]
    fn escaped_quotes_hide_the_whole_quoted_part() {
        let m = unquoted(r#"invalid type: string "x\" LEAK \" y", expected a sequence"#);
        assert!(!m.contains("LEAK"), "{m}");
        assert!(!unquoted(r#"unclosed "LEAK and more"#).contains("LEAK"));
    }

    #[test]
    fn two_columns_of_ids_are_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        std::fs::write(&p, "mine,theirs,adjectives\nE1,E2,calm\nE2,E1,kind\n").unwrap();
        let ids: HashSet<String> = ["E1", "E2"].iter().map(|s| s.to_string()).collect();
        match read_with(&p, Some(&ids)) {
            Err(ReadError::Other(e)) => assert!(e.contains("both hold employee ids"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
