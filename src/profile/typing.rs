//! The mistakes people typing on a Chinese keyboard make in YAML, found in the text
//! itself and named in the user's language, with what to type instead: a full-width
//! colon after a key, a full-width space or a tab in the indentation, no space after
//! the colon, full-width commas in a `[ ]` list, and 【】 or 「」 used as brackets.
//!
//! The parser's own message for these is about something else, and often on
//! another line ("`person` must be a mapping"); these findings replace it.

use crate::diag::Diagnostic;
use crate::lang::Lang;

/// What a finding breaks: the file's structure (nothing else on it can be trusted
/// until it is fixed), or one value (the other problems still count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Indentation and key punctuation.
    Structure,
    /// A list written with the wrong punctuation.
    Value,
}

/// One mistake, placed.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Structure or value.
    pub kind: Kind,
    /// The message, placed at the mistake.
    pub diagnostic: Diagnostic,
}

/// Whether `s` looks like a key: ASCII letters, digits and `_`, or Chinese
/// characters (someone writing `姓名`), at most 20 characters.
fn is_key(s: &str) -> bool {
    let n = s.chars().count();
    (1..=20).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || crate::render::pdf::clreq::is_han(c))
        && !s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Every mistake in `text`, in order, outside quotes, comments and block scalars.
pub fn scan(text: &str, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    // the indentation of a block scalar (`key: |`) whose lines are free text
    let mut block: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let no = n + 1;
        let indent_chars: Vec<char> = line
            .chars()
            .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
            .collect();
        let indent = indent_chars.len();
        let rest: String = line.chars().skip(indent).collect();
        if let Some(b) = block {
            if rest.is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        if rest.starts_with('#') || rest.is_empty() {
            continue;
        }
        let col = |chars_before: usize| chars_before + 1;
        // indentation: a full-width space, or a tab
        let bad_indent = [('\u{3000}', "typing.fullwidth_space"), ('\t', "typing.tab")]
            .iter()
            .find_map(|(ch, key)| indent_chars.iter().position(|c| c == ch).map(|i| (i, *key)));
        if let Some((i, key)) = bad_indent {
            let help = format!("{key}.help");
            out.push(Finding {
                kind: Kind::Structure,
                diagnostic: Diagnostic::new(crate::messages::fill(lang, key, &[]))
                    .at(Some((no, col(i))), 1)
                    .help(crate::messages::fill(lang, &help, &[])),
            });
            continue;
        }
        // `- ` list items carry their key after the dash
        let (dash, body) = match rest.strip_prefix("- ") {
            Some(b) => (
                2 + b.chars().take_while(|c| *c == ' ').count(),
                b.trim_start(),
            ),
            None => (0, rest.as_str()),
        };
        let at = indent + dash;
        // a key ending in a full-width colon, or a colon without a space after it
        let key_end = body.find([':', '：']);
        if let Some(k) = key_end {
            let key = &body[..k];
            let colon = body[k..].chars().next().unwrap_or(':');
            let after = &body[k + colon.len_utf8()..];
            let key_col = at + key.chars().count();
            if is_key(key) && colon == '：' {
                let value = after.trim_start();
                out.push(Finding {
                    kind: Kind::Structure,
                    diagnostic: Diagnostic::new(crate::msg!(in lang, "typing.colon", key = key))
                        .at(Some((no, col(key_col))), 1)
                        .help(crate::msg!(in lang, "typing.colon.help", key = key, value = value)),
                });
                continue;
            }
            let next = after.chars().next();
            if is_key(key)
                && colon == ':'
                && next.is_some_and(|c| !c.is_whitespace() && c != '/' && c != ':')
                && !key.chars().all(|c| c.is_ascii_digit())
            {
                out.push(Finding {
                    kind: Kind::Structure,
                    diagnostic: Diagnostic::new(crate::msg!(in lang, "typing.no_space", key = key))
                        .at(Some((no, col(key_col))), 1)
                        .help(
                            crate::msg!(in lang, "typing.no_space.help", key = key, value = after),
                        ),
                });
                continue;
            }
            // the value of a `key: value` line
            let value = after.trim_start();
            let value_col = key_col + 2 + (after.chars().count() - value.chars().count());
            if value.starts_with(['|', '>'])
                && value[1..]
                    .trim_start_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| c == '#')
            {
                block = Some(indent);
                continue;
            }
            out.extend(value_findings(value, no, value_col, lang));
        } else if let Some(v) = rest.strip_prefix("- ") {
            let value = v.trim_start();
            let value_col = indent + 1 + (rest.chars().count() - value.chars().count());
            out.extend(value_findings(value, no, value_col, lang));
        }
    }
    out
}

/// Findings in one value: 【】 or 「」 as list brackets, full-width commas in `[ ]`.
fn value_findings(value: &str, line: usize, col: usize, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    for (open, close) in [('【', '】'), ('「', '」'), ('〔', '〕')] {
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
                    });
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// Merges the findings into a failed load's diagnostics. A structural mistake makes
/// the rest unreliable: only the findings are reported. Otherwise a finding replaces
/// the diagnostics on its line (the consequence, worded for something else) and the
/// other problems stay; a value finding on a line without a problem is dropped (a
/// full-width comma inside free text is fine).
pub fn merge(findings: Vec<Finding>, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return diagnostics;
    }
    if findings.iter().any(|f| f.kind == Kind::Structure) {
        return findings.into_iter().map(|f| f.diagnostic).collect();
    }
    let line = |d: &Diagnostic| d.pos.map(|p| p.0);
    let lines_with_problems: Vec<Option<usize>> = diagnostics.iter().map(line).collect();
    let kept: Vec<Diagnostic> = findings
        .into_iter()
        .map(|f| f.diagnostic)
        .filter(|d| lines_with_problems.contains(&line(d)))
        .collect();
    let covered: Vec<Option<usize>> = kept.iter().map(line).collect();
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| !covered.contains(&line(d)))
        .chain(kept)
        .collect();
    out.sort_by_key(|d| d.pos);
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
        // a structural one replaces everything
        let colon = scan("person:\n  name：王芳\n", Lang::En);
        let merged = merge(colon, vec![other]);
        assert_eq!(merged.len(), 1);
        assert!(merged[0].message.contains("colon"));
    }
}
