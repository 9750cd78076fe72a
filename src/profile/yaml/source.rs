//! The text under an event's span: saphyr-parser counts places in characters, and a
//! quoted scalar's span runs on over the spaces and comment after it, so how long a
//! scalar is on its first line is measured here in the text itself.

use saphyr_parser::{ScalarStyle, Span};

/// The text being read, with a cursor from character index to byte offset (the
/// events come in order, so finding the next one is a short walk forward).
pub struct Source<'a> {
    text: &'a str,
    /// The last character index found, and its byte offset.
    at: (usize, usize),
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Source<'a> {
        Source { text, at: (0, 0) }
    }

    /// The byte offset of character `index` (the end of the text past it), walking
    /// from the last one found, forward or back.
    fn byte(&mut self, index: usize) -> usize {
        let (mut chars, mut byte) = self.at;
        if index < chars {
            for (i, _) in self.text[..byte].char_indices().rev() {
                chars -= 1;
                byte = i;
                if chars == index {
                    break;
                }
            }
        } else {
            let mut found = None;
            for (i, _) in self.text[byte..].char_indices() {
                if chars == index {
                    found = Some(byte + i);
                    break;
                }
                chars += 1;
            }
            // past the end: the end, with the characters counted to there
            byte = found.unwrap_or(self.text.len());
            if found.is_some() {
                chars = index;
            }
        }
        self.at = (chars, byte);
        byte
    }

    /// How many characters a scalar (or alias) takes on the line where it starts:
    /// from its first property or character to its end, or to the end of that line.
    pub fn extent(&mut self, span: Span, style: Option<ScalarStyle>) -> usize {
        let start = self.byte(span.start.index());
        let end = match style {
            Some(ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) => {
                quoted_end(self.text, start)
            }
            _ => self.byte(span.end.index()),
        };
        let rest = &self.text[start..end.max(start)];
        let line = rest.split('\n').next().unwrap_or(rest);
        line.trim_end().chars().count()
    }

    /// Whether a collection starting at `span` is a flow one (`[` or `{`).
    pub fn is_flow(&mut self, span: Span) -> bool {
        if span.end.index() == span.start.index() {
            return false;
        }
        let end = self.byte(span.end.index());
        self.text[..end].ends_with(['[', '{'])
    }

    /// The place of the `-` of a block list item whose value is empty (the parser
    /// places the empty value after it).
    pub fn dash_before(&mut self, span: Span) -> Option<(usize, usize)> {
        let at = self.byte(span.start.index());
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = self.text[line_start..at].trim_end();
        before
            .ends_with('-')
            .then(|| (span.start.line(), before.chars().count()))
    }
}

/// `text` with the tabs between a colon and `pos` (1-based line and column, where
/// the parser stopped) made spaces; `None` when there are none.
pub fn untab_before(text: &str, pos: (usize, usize)) -> Option<String> {
    let line_start = match pos.0 {
        0 | 1 => 0,
        n => text.match_indices('\n').nth(n - 2)?.0 + 1,
    };
    let line = &text[line_start..];
    let at = line_start
        + line
            .char_indices()
            .nth(pos.1 - 1)
            .map_or(line.len(), |(i, _)| i);
    let gap = text[..at].trim_end_matches([' ', '\t']);
    if !gap.ends_with(':') || !text[gap.len()..at].contains('\t') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(gap);
    out.push_str(&text[gap.len()..at].replace('\t', " "));
    out.push_str(&text[at..]);
    Some(out)
}

/// The byte after the closing quote of the quoted scalar at `start` (after its
/// anchor and tag, if it has them), or the end of the text.
fn quoted_end(text: &str, start: usize) -> usize {
    let mut rest = &text[start..];
    while rest.starts_with(['&', '!']) {
        let token = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest[token..].trim_start();
    }
    let offset = text.len() - rest.len();
    let mut chars = rest.char_indices();
    let Some((_, quote)) = chars.next() else {
        return text.len();
    };
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && rest[i + 1..].starts_with('\'') {
                chars.next();
            } else {
                return offset + i + 1;
            }
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_found_forward_and_back() {
        let mut s = Source::new("aé字b\nc");
        assert_eq!(s.byte(3), 6);
        assert_eq!(s.byte(1), 1);
        assert_eq!(s.byte(2), 3);
        assert_eq!(s.byte(0), 0);
        assert_eq!(s.byte(5), 8);
        assert_eq!(s.byte(9), 9, "past the end: the end");
        assert_eq!(s.byte(4), 7);
    }

    #[test]
    fn quoted_scalars_end_at_their_quote() {
        let t = "a: &x \"q\\\"q\"  # c\"\nb: 'it''s' # x'\n";
        assert_eq!(&t[..quoted_end(t, 3)], "a: &x \"q\\\"q\"");
        let b = t.find("'it").unwrap();
        assert_eq!(&t[b..quoted_end(t, b)], "'it''s'");
    }
}
