//! The mistakes people typing on a Chinese keyboard make in YAML, found in the text
//! itself and named in the user's language, with what to type instead: a full-width
//! colon after a key, a full-width space or a tab in the indentation, no space after
//! the colon, full-width commas in a `[ ]` list, and 【】 or 「」 used as brackets.
//!
//! The parser's own message for these is about something else, and often on
//! another line ("`person` must be a mapping"); these findings replace it.

use crate::base::diag::Diagnostic;
use crate::base::lang::Lang;

/// What a finding breaks: the file's structure (nothing else on it can be trusted
/// until it is fixed), or one value (the other problems still count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Indentation and key punctuation.
    Structure,
    /// A list written with the wrong punctuation.
    Value,
}

/// One mistake, placed, with the edit that mends it when it breaks the structure.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Structure or value.
    pub kind: Kind,
    /// The message, placed at the mistake.
    pub diagnostic: Diagnostic,
    /// What to write instead, for reading the rest of the file as if mended.
    pub edit: Option<Edit>,
}

/// Replaces `remove` characters from column `col` (1-based) of `line` with `insert`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    /// Line, 1-based.
    pub line: usize,
    /// Column, 1-based, in characters.
    pub col: usize,
    /// Characters replaced.
    pub remove: usize,
    /// What replaces them.
    pub insert: String,
}

/// Whether `s` looks like a key: ASCII letters, digits and `_`, or Chinese
/// characters (someone writing `姓名`), at most 20 characters.
fn is_key(s: &str) -> bool {
    let n = s.chars().count();
    (1..=20).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || crate::text::clreq::is_han(c))
        && !s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A structural finding: `key` in the catalogue (its help is `key.help`), at
/// `line:col`, mended by `edit`.
fn structure(
    lang: Lang,
    key: &str,
    args: &[(&str, &dyn std::fmt::Display)],
    at: (usize, usize),
    edit: Edit,
) -> Finding {
    let help = format!("{key}.help");
    Finding {
        kind: Kind::Structure,
        diagnostic: Diagnostic::new(crate::base::messages::fill(lang, key, args))
            .at(Some(at), 1)
            .help(crate::base::messages::fill(lang, &help, args)),
        edit: Some(edit),
    }
}

/// Every mistake in `text`, in order, outside quotes, comments and block scalars.
pub fn scan(text: &str, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut free = super::freetext::Lines::default();
    for (n, line) in text.lines().enumerate() {
        scan_line(&mut free, line, n + 1, lang, &mut out);
    }
    out
}

/// The mistakes of line `no`.
fn scan_line(
    free: &mut super::freetext::Lines,
    line: &str,
    no: usize,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    let indent_chars: Vec<char> = line
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
        .collect();
    let indent = indent_chars.len();
    if free.free(line, indent) {
        return;
    }
    let rest: String = line.chars().skip(indent).collect();
    if rest.starts_with('#') || rest.is_empty() {
        return;
    }
    let col = |chars_before: usize| chars_before + 1;
    // indentation: a full-width space, or a tab (each mended as two spaces)
    let bad_indent = [('\u{3000}', "typing.fullwidth_space"), ('\t', "typing.tab")]
        .iter()
        .find_map(|(ch, key)| indent_chars.iter().position(|c| c == ch).map(|i| (i, *key)));
    if let Some((i, key)) = bad_indent {
        let mended: String = indent_chars
            .iter()
            .map(|c| if *c == ' ' { " " } else { "  " })
            .collect();
        let edit = Edit {
            line: no,
            col: 1,
            remove: indent,
            insert: mended,
        };
        out.push(structure(lang, key, &[], (no, col(i)), edit));
        return;
    }
    // `- ` list items carry their key after the dash; `-　` is a mistake too
    if let Some(after) = rest.strip_prefix("-\u{3000}") {
        let edit = Edit {
            line: no,
            col: col(indent + 1),
            remove: 1,
            insert: " ".into(),
        };
        let item = after.trim_start();
        out.push(structure(
            lang,
            "typing.fullwidth_dash",
            &[("item", &item)],
            (no, col(indent + 1)),
            edit,
        ));
        return;
    }
    let (dash, body) = match rest.strip_prefix("- ") {
        Some(b) => (
            2 + b.chars().take_while(|c| *c == ' ').count(),
            b.trim_start(),
        ),
        None => (0, rest.as_str()),
    };
    let at = indent + dash;
    if key_line(free, body, at, no, lang, out) {
        return;
    }
    if let Some(v) = rest.strip_prefix("- ") {
        let value = v.trim_start();
        let value_col = indent + 1 + (rest.chars().count() - value.chars().count());
        free.value(value, indent);
        out.extend(value_findings(value, no, value_col, lang));
    } else {
        free.value(&rest, indent);
    }
}

/// The mistakes of a `key: value` line (a full-width colon, a colon without a space
/// after it) and of its value; false when the line is not one.
fn key_line(
    free: &mut super::freetext::Lines,
    body: &str,
    at: usize,
    no: usize,
    lang: Lang,
    out: &mut Vec<Finding>,
) -> bool {
    let col = |chars_before: usize| chars_before + 1;
    let key_end = body.find([':', '：']);
    if let Some(k) = key_end {
        let key = &body[..k];
        let colon = body[k..].chars().next().unwrap_or(':');
        let after = &body[k + colon.len_utf8()..];
        let key_col = at + key.chars().count();
        if is_key(key) && colon == '：' {
            let value = after.trim_start();
            let spaced = after.starts_with(char::is_whitespace);
            let edit = Edit {
                line: no,
                col: col(key_col),
                remove: 1,
                insert: if spaced { ":" } else { ": " }.into(),
            };
            out.push(structure(
                lang,
                "typing.colon",
                &[("key", &key), ("value", &value)],
                (no, col(key_col)),
                edit,
            ));
            free.value(value, at);
            return true;
        }
        if is_key(key) && colon == ':' && after.starts_with('\u{3000}') {
            let value = after.trim_start();
            let edit = Edit {
                line: no,
                col: col(key_col + 1),
                remove: 1,
                insert: " ".into(),
            };
            out.push(structure(
                lang,
                "typing.fullwidth_after_colon",
                &[("key", &key), ("value", &value)],
                (no, col(key_col + 1)),
                edit,
            ));
            free.value(value, at);
            return true;
        }
        let next = after.chars().next();
        if is_key(key)
            && colon == ':'
            && next.is_some_and(|c| !c.is_whitespace() && c != '/' && c != ':')
            && !key.chars().all(|c| c.is_ascii_digit())
        {
            let edit = Edit {
                line: no,
                col: col(key_col + 1),
                remove: 0,
                insert: " ".into(),
            };
            out.push(structure(
                lang,
                "typing.no_space",
                &[("key", &key), ("value", &after)],
                (no, col(key_col)),
                edit,
            ));
            free.value(after, at);
            return true;
        }
        if colon == ':' && (next.is_none() || next.is_some_and(char::is_whitespace)) {
            // the value of a `key: value` line
            let value = after.trim_start();
            let value_col = key_col + 1 + (after.chars().count() - value.chars().count());
            free.value(value, at);
            if !value.starts_with(['|', '>']) {
                out.extend(value_findings(value, no, col(value_col), lang));
            }
            return true;
        }
    }
    false
}

/// Findings in one value: 【】 or 「」 as list brackets, full-width commas in `[ ]`.
fn value_findings(value: &str, line: usize, col: usize, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    for (open, close) in [('【', '】'), ('「', '」'), ('〔', '〕'), ('［', '］')] {
        if value.starts_with(open) && value.ends_with(close) && value.chars().count() > 2 {
            let inner: String = value
                .trim_start_matches(open)
                .trim_end_matches(close)
                .replace(['，', '、'], ", ");
            out.push(Finding {
                kind: Kind::Value,
                diagnostic: Diagnostic::new(
                    crate::msg!(in lang, "typing.brackets", brackets = format!("{open}{close}")),
                )
                .at(Some((line, col)), 1)
                .help(crate::msg!(in lang, "typing.brackets.help", items = inner)),
                edit: None,
            });
            return out;
        }
    }
    if value.starts_with('[') {
        // full-width separators outside quotes inside the brackets
        let mut quote: Option<char> = None;
        for (i, c) in value.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '，' | '、') => {
                    let fixed: String = value.replace(['，', '、'], ", ").replace(",  ", ", ");
                    out.push(Finding {
                        kind: Kind::Value,
                        diagnostic: Diagnostic::new(
                            crate::msg!(in lang, "typing.comma", comma = c),
                        )
                        .at(Some((line, col + i)), 1)
                        .help(crate::msg!(in lang, "typing.comma.help", fixed = fixed)),
                        edit: None,
                    });
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// `text` with every structural mistake mended, so that the rest of the file can be
/// read as meant; and the edits, to place what is found there back in `text`.
pub fn mend(text: &str, findings: &[Finding]) -> (String, Vec<Edit>) {
    let mut edits: Vec<Edit> = findings.iter().filter_map(|f| f.edit.clone()).collect();
    edits.sort_by_key(|e| (e.line, e.col));
    let mut out = String::with_capacity(text.len() + edits.len());
    let mut pending = edits.iter().peekable();
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let mut chars: Vec<char> = line.chars().collect();
        let mine: Vec<&Edit> =
            std::iter::from_fn(|| pending.next_if(|e| e.line == n + 1)).collect();
        // right to left, so that each edit's column still holds
        for e in mine.iter().rev() {
            let at = (e.col - 1).min(chars.len());
            let end = (at + e.remove).min(chars.len());
            chars.splice(at..end, e.insert.chars());
        }
        out.extend(chars);
    }
    (out, edits)
}

/// A diagnostic about the mended text, placed in the text as written.
pub fn place_back(mut d: Diagnostic, edits: &[Edit]) -> Diagnostic {
    let Some((line, col)) = d.pos else {
        return d;
    };
    let mut shift: isize = 0;
    for e in edits.iter().filter(|e| e.line == line) {
        let start = (e.col as isize + shift) as usize;
        let inserted = e.insert.chars().count();
        if col >= start + inserted {
            shift += inserted as isize - e.remove as isize;
        } else if col >= start {
            d.pos = Some((line, e.col));
            return d;
        }
    }
    d.pos = Some((line, (col as isize - shift).max(1) as usize));
    d
}

/// Merges the findings into a failed load's diagnostics (those of the mended text
/// when a finding mended the structure). Every structural finding is reported, and
/// so is every other problem. A value finding replaces the diagnostics on its line
/// (the consequence, worded for something else); on a line without a problem it is
/// dropped (a full-width comma inside free text is fine).
pub fn merge(findings: Vec<Finding>, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return diagnostics;
    }
    let line = |d: &Diagnostic| d.pos.map(|p| p.0);
    let lines_with_problems: Vec<Option<usize>> = diagnostics.iter().map(line).collect();
    let (structure, value): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| f.kind == Kind::Structure);
    let kept: Vec<Diagnostic> = value
        .into_iter()
        .map(|f| f.diagnostic)
        .filter(|d| lines_with_problems.contains(&line(d)))
        .collect();
    let covered: Vec<Option<usize>> = kept.iter().map(line).collect();
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| !covered.contains(&line(d)))
        .chain(kept)
        .chain(structure.into_iter().map(|f| f.diagnostic))
        .collect();
    out.sort_by_key(|d| d.pos);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, lang: Lang) -> Diagnostic {
        let f = scan(text, lang);
        assert_eq!(f.len(), 1, "{text:?}: {f:?}");
        f.into_iter().next().unwrap().diagnostic
    }

    #[test]
    fn full_width_colon_after_a_key() {
        let d = one("person:\n  name： 王芳\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 7)));
        assert_eq!(d.message, "`name` 后面用了全角冒号“：”");
        assert_eq!(
            d.help.as_deref(),
            Some("把全角冒号“：”改成半角冒号加空格“: ”，写成 `name: 王芳`")
        );
        let d = one("person:\n  name：王芳\n", Lang::En);
        assert!(d.message.contains("full-width colon"), "{}", d.message);
        // a Chinese key with a full-width colon, in a list item
        let d = one("actions:\n  - 目标：考证\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 7)));
    }

    #[test]
    fn full_width_space_and_tab_in_the_indentation() {
        let d = one("person:\n\u{3000}\u{3000}name: 王芳\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 1)));
        assert!(d.message.contains("全角空格"));
        let d = one("person:\n\tname: 王芳\n", Lang::En);
        assert_eq!(d.message, "a tab in the indentation");
        assert_eq!(d.pos, Some((2, 1)));
        let d = one("person:\n  \tname: 王芳\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 3)));
        assert!(d.message.contains("Tab"));
    }

    #[test]
    fn no_space_after_the_colon() {
        let d = one("person:\n  name:王芳\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 7)));
        assert_eq!(
            d.help.as_deref(),
            Some("在冒号后面加一个空格：`name: 王芳`")
        );
        // URLs and times are values, not keys
        assert!(scan("person:\n  name: a\n  note: http://x.y/z 10:30\n", Lang::Zh).is_empty());
    }

    #[test]
    fn full_width_commas_and_brackets_in_lists() {
        let d = one("johari:\n  self: [可靠，耐心、热情]\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 12)));
        assert_eq!(
            d.help.as_deref(),
            Some("各项之间用半角逗号加空格“, ”：`[可靠, 耐心, 热情]`")
        );
        let d = one("johari:\n  self: 【可靠，耐心】\n", Lang::Zh);
        assert_eq!(d.pos, Some((2, 9)));
        assert_eq!(
            d.help.as_deref(),
            Some("YAML 的列表用半角方括号和半角逗号：`[可靠, 耐心]`")
        );
        let d = one("johari:\n  self: 「可靠, 耐心」\n", Lang::En);
        assert!(d.message.contains("「」"));
        // quoted text and block scalars are free text
        assert!(scan("needs:\n  extra: [\"远程，每周两天\"]\n", Lang::Zh).is_empty());
        assert!(scan(
            "answers:\n  summary: |\n    要点：一、二，三\n    名字：王芳\n",
            Lang::Zh
        )
        .is_empty());
        // a valid file is not touched
        let li_na = include_str!("../../profiles/li-na.zh.yaml");
        assert!(scan(li_na, Lang::Zh).is_empty());
    }

    #[test]
    fn merging_keeps_other_problems_unless_the_structure_is_broken() {
        let other = Diagnostic::new("other").at(Some((9, 1)), 1);
        let same_line = Diagnostic::new("unknown adjective").at(Some((2, 10)), 1);
        let value = scan("johari:\n  self: [可靠，耐心]\n", Lang::En);
        let merged = merge(value, vec![same_line, other.clone()]);
        assert_eq!(merged.len(), 2);
        assert!(merged[0].message.contains("full-width"));
        assert_eq!(merged[1].message, "other");
        // a value finding on a line without a problem is left out
        let value = scan("answers:\n  activities: [整理投诉，写成手册]\n", Lang::En);
        assert!(merge(value, vec![other.clone()])
            .iter()
            .all(|d| d.message == "other"));
        // a structural one is reported beside the others (found in the mended text)
        let colon = scan("person:\n  name：王芳\n", Lang::En);
        let merged = merge(colon, vec![other]);
        assert_eq!(merged.len(), 2);
        assert!(merged[0].message.contains("colon"));
    }

    #[test]
    fn structure_is_mended_and_places_map_back() {
        let text = "person:\n  name：王芳\n  role:　会计\n  id:E1\n\tage: 30\n";
        let f = scan(text, Lang::En);
        assert_eq!(f.len(), 4, "{f:?}");
        let (mended, edits) = mend(text, &f);
        assert_eq!(
            mended,
            "person:\n  name: 王芳\n  role: 会计\n  id: E1\n  age: 30\n"
        );
        // `E1` at 4:7 when mended is at 4:6 as written
        let d = Diagnostic::new("x").at(Some((4, 7)), 1);
        assert_eq!(place_back(d, &edits).pos, Some((4, 6)));
        // before the edit nothing moves; inside the inserted space, the edit's place
        let d = Diagnostic::new("x").at(Some((4, 3)), 1);
        assert_eq!(place_back(d, &edits).pos, Some((4, 3)));
        let d = Diagnostic::new("x").at(Some((5, 4)), 1);
        assert_eq!(place_back(d, &edits).pos, Some((5, 3)));
    }

    #[test]
    fn text_inside_quotes_blocks_and_continuations_is_not_a_key() {
        let text = "person:\n  name: 王芳\nanswers:\n  summary: \"BEGIN:VCALENDAR\nEND:VEVENT\n    x:y\"\n  most_needed: |\n    a:b\n  current_job_fit: first\n    END:VEVENT\n";
        assert!(
            scan(text, Lang::En).is_empty(),
            "{:?}",
            scan(text, Lang::En)
        );
    }
}
