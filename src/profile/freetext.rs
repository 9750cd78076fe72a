//! Which lines of a YAML text are free text — inside a quoted scalar that spans
//! lines, a block scalar (`|`, `>`), a plain scalar's continuation lines or a flow
//! collection (`[ … ]`) that spans lines — so that the typing lint looks for key
//! punctuation only where a key can be. A line reading `END:VEVENT` inside a quoted
//! text is text, not a key without a space after its colon.

/// What the lines after the current one are inside of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Inside {
    /// Nothing: keys and list items.
    Nothing,
    /// A quoted scalar, closed by this quote.
    Quote(char),
    /// A block scalar whose parent is at this column: lines indented more (and
    /// empty lines) are its text.
    Block(usize),
    /// A plain scalar whose parent is at this column: lines indented more are the
    /// scalar's continuation.
    Plain(usize),
    /// A flow collection this deep.
    Flow(usize),
}

/// Follows a YAML text line by line.
#[derive(Debug)]
pub struct Lines {
    inside: Inside,
}

impl Default for Lines {
    fn default() -> Self {
        Lines {
            inside: Inside::Nothing,
        }
    }
}

impl Lines {
    /// Whether `line` (indented by `indent` characters) is free text; when it is not,
    /// the caller reads its key and value and tells [`Lines::value`] about the value.
    pub fn free(&mut self, line: &str, indent: usize) -> bool {
        let blank = line.trim().is_empty();
        match self.inside {
            Inside::Nothing => false,
            Inside::Quote(q) => {
                if let Some(end) = closing_quote(line, q) {
                    self.inside = Inside::Nothing;
                    self.after(&line[end..]);
                }
                true
            }
            Inside::Block(col) | Inside::Plain(col) if blank || indent > col => true,
            Inside::Block(_) | Inside::Plain(_) => {
                self.inside = Inside::Nothing;
                false
            }
            Inside::Flow(depth) => {
                self.inside = match flow_depth(line, depth) {
                    Some(0) => Inside::Nothing,
                    Some(d) => Inside::Flow(d),
                    None => Inside::Quote('"'),
                };
                true
            }
        }
    }

    /// Tells what follows `key:` or `- ` on a line whose parent sits at column
    /// `parent` (0-based): what the next lines are inside of.
    pub fn value(&mut self, value: &str, parent: usize) {
        let v = skip_properties(value.trim());
        self.inside = match v.chars().next() {
            None | Some('#') => Inside::Nothing,
            Some('|' | '>')
                if v[1..]
                    .trim_start_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| c == '#') =>
            {
                Inside::Block(parent)
            }
            Some(q @ ('"' | '\'')) => match closing_quote(&v[1..], q) {
                Some(_) => Inside::Nothing,
                None => Inside::Quote(q),
            },
            Some('[' | '{') => match flow_depth(v, 0) {
                Some(0) => Inside::Nothing,
                Some(d) => Inside::Flow(d),
                None => Inside::Quote('"'),
            },
            Some(_) => Inside::Plain(parent),
        };
    }

    /// The rest of a line after a quoted scalar closed on it.
    fn after(&mut self, rest: &str) {
        let rest = rest.trim();
        if rest.starts_with(['[', '{', ',', ']', '}']) {
            self.inside = match flow_depth(rest, 0) {
                Some(d) if d > 0 => Inside::Flow(d),
                _ => Inside::Nothing,
            };
        }
    }
}

/// Anchors (`&a`) and tags (`!t`) before a value.
fn skip_properties(mut v: &str) -> &str {
    while v.starts_with(['&', '!']) {
        v = v.split_once(' ').map_or("", |(_, r)| r.trim_start());
    }
    v
}

/// The byte just after the quote that closes a `q`-quoted scalar in `s` (which
/// starts after the opening quote), if it closes on this line.
fn closing_quote(s: &str, q: char) -> Option<usize> {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if q == '"' => {
                chars.next();
            }
            c if c == q => {
                // `''` is a quote inside single quotes
                if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                    continue;
                }
                return Some(i + c.len_utf8());
            }
            _ => {}
        }
    }
    None
}

/// The flow depth after `line`, starting at `depth`; `None` when the line ends
/// inside a quoted scalar (which then carries on).
fn flow_depth(line: &str, mut depth: usize) -> Option<usize> {
    let mut skip_to = 0;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        if i < skip_to {
            continue;
        }
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            // a comment only after a space
            '#' if matches!(prev, ' ' | '\t') => break,
            // a quote opens a scalar only where a scalar can start
            '"' | '\'' if matches!(prev, ' ' | '\t' | '[' | '{' | ',' | ':') => {
                match closing_quote(&line[i + 1..], c) {
                    Some(end) => skip_to = i + 1 + end,
                    None => return None,
                }
            }
            _ => {}
        }
        prev = c;
    }
    Some(depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The free lines of `text`, 1-based, following it as the typing lint does.
    fn free(text: &str) -> Vec<usize> {
        let mut l = Lines::default();
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let indent = line.chars().take_while(|c| *c == ' ').count();
            if l.free(line, indent) {
                out.push(n + 1);
                continue;
            }
            let rest = line.trim_start();
            let (dash, body) = match rest.strip_prefix("- ") {
                Some(b) => (2, b.trim_start()),
                None => (0, rest),
            };
            match body.split_once(": ") {
                Some((_, v)) => l.value(v, indent + dash),
                None if dash > 0 => l.value(body, indent),
                None => {}
            }
        }
        out
    }

    #[test]
    fn quoted_block_plain_and_flow_text_spanning_lines_is_free() {
        let quoted = "answers:\n  summary: \"first\n    END:VEVENT\n    last\"\n  most_needed: x\n";
        assert_eq!(free(quoted), vec![3, 4]);
        let single = "a:\n  - 'it''s\n    key:value'\n  - b\n";
        assert_eq!(free(single), vec![3]);
        let block = "actions:\n  - goal: |\n      END:VEVENT\n\n      more\n    due: 2027-06\n";
        assert_eq!(free(block), vec![3, 4, 5]);
        let plain = "answers:\n  summary: first\n    END:VEVENT\n  role:x\n";
        assert_eq!(free(plain), vec![3]);
        let flow = "johari:\n  self: [calm,\n    \"a:b\", kind]\n  peers: []\n";
        assert_eq!(free(flow), vec![3]);
        let escaped = "a: \"x\\\"\n  y:z\"\nb: 1\n";
        assert_eq!(free(escaped), vec![2]);
        // a comment's quote opens nothing
        assert!(free("a: 1 # it's\nb:c\n").is_empty());
        assert!(free("a: [1, 2] # it's\nb:c\n").is_empty());
    }
}
