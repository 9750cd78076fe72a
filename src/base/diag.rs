//! User-facing diagnostics: a message with file, line:col, the offending line with a
//! caret, and a hint saying what would be valid.

use std::fmt::Write as _;

/// One problem found in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Field path inside the document, such as `johari.peers[1][0]` (empty for the root).
    pub path: String,
    /// 1-based line and column, when known.
    pub pos: Option<(usize, usize)>,
    /// Length of the offending text in characters, for the caret (at least 1).
    pub len: usize,
    /// What is wrong.
    pub message: String,
    /// What would be valid, and "did you mean" where a near id exists.
    pub help: Option<String>,
    /// What kind of problem, for code that treats some apart (e.g. `unknown_key`);
    /// empty for most. Never shown.
    pub code: &'static str,
}

impl Diagnostic {
    /// A diagnostic without a position.
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            path: String::new(),
            pos: None,
            len: 1,
            message: message.into(),
            help: None,
            code: "",
        }
    }

    /// Sets the kind of problem (see [`Diagnostic::code`]).
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the position.
    pub fn at(mut self, pos: Option<(usize, usize)>, len: usize) -> Self {
        self.pos = pos;
        self.len = len.max(1);
        self
    }

    /// Renders the diagnostic like a compiler error, showing the source line.
    pub fn render(&self, file: &str, source: Option<&str>) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}{}", crate::msg!("diag.error"), self.message);
        match self.pos {
            Some((line, col)) => {
                let _ = writeln!(out, "  --> {file}:{line}:{col}");
                if let Some(text) = source.and_then(|s| s.lines().nth(line - 1)) {
                    let num = line.to_string();
                    let pad = " ".repeat(num.len());
                    let shown: String = text.chars().take(160).collect();
                    // East-Asian wide characters take two columns, in the padding
                    // and under the caret
                    let caret_pad: String = shown
                        .chars()
                        .take(col.saturating_sub(1))
                        .map(|c| {
                            if c == '\t' {
                                "\t"
                            } else if is_wide(c) {
                                "  "
                            } else {
                                " "
                            }
                        })
                        .collect();
                    let caret_len = self
                        .len
                        .min(shown.chars().count().saturating_sub(col - 1).max(1));
                    let carets: String = shown
                        .chars()
                        .skip(col.saturating_sub(1))
                        .take(caret_len)
                        .map(|c| if is_wide(c) { "^^" } else { "^" })
                        .collect();
                    let carets = if carets.is_empty() {
                        "^".to_string()
                    } else {
                        carets
                    };
                    let _ = writeln!(out, "{pad} |");
                    let _ = writeln!(out, "{num} | {shown}");
                    let _ = writeln!(out, "{pad} | {caret_pad}{carets}");
                }
            }
            None => {
                let _ = writeln!(out, "  --> {file}");
            }
        }
        if !self.path.is_empty() {
            let _ = writeln!(out, "   = {}{}", crate::msg!("diag.field"), self.path);
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "   = {}{help}", crate::msg!("diag.help"));
        }
        out
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Converts a byte offset in `source` to a 1-based (line, column in characters).
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source.as_bytes()[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}
