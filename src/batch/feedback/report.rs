//! What became of each feedback file's rows, bounded whatever the input: at most
//! [`MAX_LINES`] problem lines per file (by file, row and column, never quoting a
//! cell), then counts by kind; an unlisted option that several respondents chose is
//! named once with its row count, since it is the question's option and nobody's own
//! words.

use std::collections::{BTreeMap, HashMap};

/// Problem lines printed per file; the rest are counted by kind.
pub const MAX_LINES: usize = 20;
/// Distinct unlisted options remembered per file (the rest are counted only).
const MAX_OPTIONS: usize = 10_000;
/// Rows an unlisted option must appear in to be named: as many as the fewest raters
/// the peers' view needs, so no one respondent's own words are ever quoted.
const NAMED_FROM: usize = 3;

/// Why a row did not count as an answer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Skip {
    /// The subject cell is empty.
    NoSubject,
    /// The subject is not one of this run's employees.
    NotEmployee,
    /// The subject is a name two employees share.
    SharedName,
    /// An id with another employee's name beside it.
    Conflict,
    /// No listed adjective: not a rater.
    NoAdjective,
    /// More cells than the header.
    RowWide,
    /// A cell over the length limit.
    CellLong,
    /// A YAML file or entry that could not be read.
    Unreadable,
}

impl Skip {
    /// Every kind, in the order reports list them.
    pub const ALL: [Skip; 8] = [
        Skip::NoSubject,
        Skip::NotEmployee,
        Skip::SharedName,
        Skip::Conflict,
        Skip::NoAdjective,
        Skip::RowWide,
        Skip::CellLong,
        Skip::Unreadable,
    ];

    /// The kind in words (for counts), in the messages' language.
    pub fn words(self) -> String {
        self.words_in_lang(crate::base::lang::current())
    }

    /// The kind in words in a workbook locale's language (the overview's).
    pub fn words_in(self, loc: crate::base::locale::Locale) -> String {
        self.words_in_lang(if loc.is_zh() {
            crate::base::lang::Lang::Zh
        } else {
            crate::base::lang::Lang::En
        })
    }

    fn words_in_lang(self, lang: crate::base::lang::Lang) -> String {
        let key = match self {
            Skip::NoSubject => "fb.skip.no_subject",
            Skip::NotEmployee => "fb.skip.not_employee",
            Skip::SharedName => "fb.skip.shared_name",
            Skip::Conflict => "fb.skip.conflict",
            Skip::NoAdjective => "fb.skip.no_adjective",
            Skip::RowWide => "fb.skip.row_wide",
            Skip::CellLong => "fb.skip.cell_long",
            Skip::Unreadable => "fb.skip.unreadable",
        };
        crate::base::messages::text(lang, key).to_string()
    }
}

/// Picks left out of an answer that still counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum LeftOut {
    /// Free text of an "Other" option.
    Other,
    /// An option that is not one of the 55 adjectives.
    Unlisted,
}

/// Where an unlisted option was seen: in how many rows, the first two of them, and
/// the column.
type Seen = (usize, [usize; 2], usize);

/// What became of one feedback file.
#[derive(Debug, Default)]
pub struct FileReport {
    /// The file's number in the run (1-based): the overview names files so.
    pub number: usize,
    /// The file as given (for HR's terminal only, escaped).
    pub path: String,
    /// The one-line mapping (tables only).
    pub mapping: Option<String>,
    /// Whether the file had a column telling raters apart.
    pub identity: bool,
    /// Data rows (or YAML entries) read.
    pub rows: usize,
    /// Answers counted.
    pub used: usize,
    /// Subjects not among this run's employees (hashes of the folded cells).
    pub unmatched: std::collections::HashSet<u64>,
    /// Rows not counted, by why.
    pub skipped: BTreeMap<Skip, usize>,
    /// Picks left out of answers that count, by kind.
    pub left_out: BTreeMap<LeftOut, usize>,
    /// Problem lines, at most [`MAX_LINES`].
    pub lines: Vec<String>,
    /// Problem lines not kept.
    pub more: usize,
    /// Unlisted options: text → where it was seen.
    options: HashMap<String, Seen>,
}

impl FileReport {
    /// A report for file `number`.
    pub fn new(number: usize, path: &str) -> FileReport {
        FileReport {
            number,
            path: path.to_string(),
            ..FileReport::default()
        }
    }

    /// A row for someone not among this run's employees (counted, never named);
    /// `folded`: the subject cell as [`super::employees::fold`] gives it.
    pub fn not_employee(&mut self, folded: &str) {
        *self.skipped.entry(Skip::NotEmployee).or_default() += 1;
        self.unmatched.insert(crate::base::hash::fnv(folded));
    }

    /// Keeps a problem line, or counts it past the limit.
    pub fn line(&mut self, text: String) {
        if self.lines.len() < MAX_LINES {
            self.lines.push(text);
        } else {
            self.more += 1;
        }
    }

    /// A row not counted; `line`: the problem line to print, if any.
    pub fn skip(&mut self, why: Skip, line: Option<String>) {
        *self.skipped.entry(why).or_default() += 1;
        if let Some(l) = line {
            self.line(l);
        }
    }

    /// An "Other" text left out of row `row`, column `col`.
    pub fn other(&mut self, row: usize, col: usize) {
        *self.left_out.entry(LeftOut::Other).or_default() += 1;
        let at = self.at(row, col);
        self.line(crate::msg!("fb.other_left_out", at = at));
    }

    /// An unlisted option in row `row`, column `col`: remembered, and said at the end
    /// (named once when several rows chose it).
    pub fn unlisted(&mut self, option: &str, row: usize, col: usize) {
        *self.left_out.entry(LeftOut::Unlisted).or_default() += 1;
        let key = crate::profile::catalog::normalise(option);
        let full = self.options.len() >= MAX_OPTIONS;
        match self.options.get_mut(&key) {
            Some(e) => {
                if e.0 < 2 {
                    e.1[e.0] = row;
                }
                e.0 += 1;
            }
            None if !full => {
                self.options.insert(key, (1, [row, 0], col));
            }
            None => self.more += 1,
        }
    }

    /// Where a row's cell is: `file:row 7, column G`.
    pub fn at(&self, row: usize, col: usize) -> String {
        crate::msg!(
            "fb.at",
            path = self.path,
            row = row,
            col = crate::tables::column_letters(col)
        )
    }

    /// Says what the unlisted options were: an option several rows chose by its text,
    /// row count and nearest adjective; a rarer one by its rows only.
    pub fn finish(&mut self) {
        let mut options: Vec<(String, Seen)> = self.options.drain().collect();
        options.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
        for (text, (n, rows, col)) in options {
            let hint = super::words::near(&text)
                .map(|w| crate::msg!("fb.near", near = w))
                .unwrap_or_default();
            if n >= NAMED_FROM && quotable(&text) {
                let line = crate::msg!(
                    "fb.unlisted_option",
                    path = self.path,
                    col = crate::tables::column_letters(col),
                    option = text,
                    n = n,
                    hint = hint
                );
                self.line(line);
            } else {
                for r in rows.iter().take(n.min(2)) {
                    let at = self.at(*r, col);
                    self.line(crate::msg!("fb.unlisted_row", at = at, hint = hint.clone()));
                }
                self.more += n.saturating_sub(2);
            }
        }
    }

    /// Rows not counted, in all.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// The rows not counted, by why, in words (`3 not among this run's employees`).
    pub fn skipped_words(&self) -> Vec<String> {
        Skip::ALL
            .iter()
            .filter_map(|k| self.skipped.get(k).map(|n| format!("{n} {}", k.words())))
            .collect()
    }

    /// The picks left out, by kind, in words (`2 "Other" text(s)`).
    pub fn left_out_words(&self) -> Vec<String> {
        self.left_out
            .iter()
            .map(|(k, n)| match k {
                LeftOut::Other => crate::msg!("fb.left_out.other", n = n),
                LeftOut::Unlisted => crate::msg!("fb.left_out.unlisted", n = n),
            })
            .collect()
    }
}

/// What the overview keeps of a feedback file: counts only, the file by number (a
/// file's name could be its rater's).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileCounts {
    /// The file's number in the run.
    pub number: usize,
    /// Rows (or entries) read.
    pub rows: usize,
    /// Answers counted.
    pub used: usize,
    /// Rows not counted, by why.
    pub skipped: BTreeMap<Skip, usize>,
    /// Picks left out of answers that count.
    pub left_out: BTreeMap<LeftOut, usize>,
    /// Whether raters could be told apart (a column identified them).
    pub identity: bool,
}

impl FileReport {
    /// The counts the overview keeps.
    pub fn counts(&self) -> FileCounts {
        FileCounts {
            number: self.number,
            rows: self.rows,
            used: self.used,
            skipped: self.skipped.clone(),
            left_out: self.left_out.clone(),
            identity: self.identity,
        }
    }
}

/// Whether an option text may be named: short, and not shaped like an address, a
/// phone number or an id.
fn quotable(text: &str) -> bool {
    text.chars().count() <= 20
        && !text.contains('@')
        && text.chars().filter(char::is_ascii_digit).count() < 3
        && !text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_bounded_and_counted() {
        let mut r = FileReport::new(1, "f.csv");
        for i in 0..50 {
            r.skip(Skip::SharedName, Some(format!("line {i}")));
        }
        assert_eq!(r.lines.len(), MAX_LINES);
        assert_eq!(r.more, 30);
        assert_eq!(r.skipped[&Skip::SharedName], 50);
    }

    #[test]
    fn an_option_many_chose_is_named_once_free_text_never() {
        let mut r = FileReport::new(1, "f.csv");
        for row in 2..14 {
            r.unlisted("幽默", row, 6);
        }
        r.unlisted("张三总是加班", 20, 6);
        r.unlisted("13800000001", 21, 6);
        r.unlisted("13800000001", 22, 6);
        r.unlisted("13800000001", 23, 6);
        r.finish();
        let all = r.lines.join("\n");
        assert!(all.contains("幽默") && all.contains("12"), "{all}");
        assert!(all.contains("风趣"), "did you mean: {all}");
        assert!(!all.contains("张三") && !all.contains("1380000"), "{all}");
        assert!(all.contains("row 20, column G"), "{all}");
        assert_eq!(r.left_out[&LeftOut::Unlisted], 16);
    }
}
