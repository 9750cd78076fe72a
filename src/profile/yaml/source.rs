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

impl Source<'_> {
    /// Whether saphyr-parser ended the block scalar at `span` with a line break of
    /// its own: it reads the end of a text that has no final line break as one, when
    /// the last line reaches the scalar's indentation, where libyaml (and so
    /// yaml_serde) reads none. `header` is where to look for the scalar's `|` or `>`
    /// (the end of the event before it); `block` the column of the block collection
    /// the scalar is in (-1 at the top).
    pub fn added_break(&mut self, span: Span, header: usize, block: isize) -> bool {
        if self.text.ends_with(['\n', '\r']) || self.byte(span.end.index()) < self.text.len() {
            return false;
        }
        let from = self.byte(header);
        let Some((at, increment, chomp)) = block_header(&self.text[from..]) else {
            return false;
        };
        let after = &self.text[from + at..];
        let Some(body) = after.find('\n').map(|i| &after[i + 1..]) else {
            return false;
        };
        let lines: Vec<&str> = body.split('\n').collect();
        let last = lines.last().copied().unwrap_or("");
        let spaces = |l: &str| l.len() - l.trim_start_matches(' ').len();
        let content = lines
            .iter()
            .position(|l| l.trim_start_matches(' ').chars().next().is_some());
        let indent = match (increment, content) {
            (Some(d), _) if block >= 0 => block as usize + d,
            (Some(d), _) => d,
            (None, found) => {
                let leading = &lines[..found.map_or(lines.len(), |i| i + 1)];
                let widest = leading.iter().map(|l| spaces(l)).max().unwrap_or(0);
                let at_least = (block + 1).max(0) as usize;
                let indent = widest.max(at_least);
                if block > 0 {
                    indent.max(1)
                } else {
                    indent
                }
            }
        };
        match content {
            // no content: only a kept scalar of one unended line gets a break
            None => chomp == '+' && lines.len() == 1 && !last.is_empty(),
            Some(_) => chomp != '-' && last.chars().count() >= indent.max(1),
        }
    }
}

/// A block scalar's header at the start of `rest` (after the key's colon, a list's
/// dash, anchors, tags and comments): where its `|` or `>` is, its indentation digit
/// and its chomping (`+`, `-`, or ` ` for clip).
fn block_header(rest: &str) -> Option<(usize, Option<usize>, char)> {
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' | ':' | '-' | '?' => {}
            '&' | '!' => while chars.next_if(|(_, c)| !c.is_whitespace()).is_some() {},
            '#' => while chars.next_if(|(_, c)| *c != '\n').is_some() {},
            '|' | '>' => {
                let (mut increment, mut chomp) = (None, ' ');
                for c in rest[i + 1..].chars().take(2) {
                    match c {
                        '1'..='9' => increment = c.to_digit(10).map(|d| d as usize),
                        '+' | '-' => chomp = c,
                        _ => break,
                    }
                }
                return Some((i, increment, chomp));
            }
            _ => return None,
        }
    }
    None
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
