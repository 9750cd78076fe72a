//! Where each field of a YAML document sits: a small structural scanner that maps
//! field paths (`person.name`, `johari.peers[1][2]`) to 1-based line:col, so that
//! problems found after parsing can point at the source. It only reads structure
//! (block and flow collections, keys, scalars); the real parsing is serde_yaml's.

use std::collections::HashMap;

/// What the scanner found: path → ((line, col), length of the key or scalar in
/// chars), and the keys seen twice.
#[derive(Debug, Default)]
struct Found {
    map: HashMap<String, ((usize, usize), usize)>,
    /// Keys seen twice in one mapping: (path, position of the second one).
    duplicates: Vec<(String, (usize, usize))>,
}

/// Positions of fields. A file's are found on first use ([`Locations::lazy`]): most
/// files have nothing to point at.
#[derive(Debug, Default)]
pub struct Locations {
    found: std::cell::OnceCell<Found>,
    /// The source to scan, and places found another way (which fill what the
    /// scanner misses).
    source: Option<(String, Vec<Place>)>,
}

/// A field's path, position (line, column) and length.
pub type Place = (String, (usize, usize), usize);

fn scan_found(source: &str) -> Found {
    let lines: Vec<Vec<char>> = source.lines().map(|l| l.chars().collect()).collect();
    let mut s = Scanner {
        lines,
        out: Found::default(),
        line: 0,
    };
    s.skip_blank();
    if s.line < s.lines.len() {
        let indent = s.indent(s.line);
        s.block_node(String::new(), indent, None);
    }
    s.out
}

impl Locations {
    /// The places a read found, in the order found (the first of a path counts).
    pub fn new(places: Vec<Place>) -> Locations {
        let mut f = Found::default();
        for (path, pos, len) in places {
            f.map.entry(path).or_insert((pos, len));
        }
        let found = std::cell::OnceCell::new();
        let _ = found.set(f);
        Locations {
            found,
            source: None,
        }
    }

    /// Scans `source` now. Never fails: what it cannot follow it leaves out.
    pub fn scan(source: &str) -> Locations {
        let found = std::cell::OnceCell::new();
        let _ = found.set(scan_found(source));
        Locations {
            found,
            source: None,
        }
    }

    /// Scans `source` when a position is first asked for; `places` (path, position,
    /// length) fill what the scanner misses.
    pub fn lazy(source: &str, places: Vec<Place>) -> Locations {
        Locations {
            found: std::cell::OnceCell::new(),
            source: Some((source.to_string(), places)),
        }
    }

    fn get(&self) -> &Found {
        self.found.get_or_init(|| match &self.source {
            Some((text, places)) => {
                let mut f = scan_found(text);
                for (path, pos, len) in places {
                    f.map.entry(path.clone()).or_insert((*pos, *len));
                }
                f
            }
            None => Found::default(),
        })
    }

    /// Keys seen twice in one mapping: (path, position of the second one).
    pub fn duplicates(&self) -> &[(String, (usize, usize))] {
        &self.get().duplicates
    }

    /// Position of `path`, or of its nearest ancestor that was found.
    pub fn find(&self, path: &str) -> Option<((usize, usize), usize)> {
        let map = &self.get().map;
        let mut p = path.to_string();
        loop {
            if let Some(v) = map.get(&p) {
                return Some(*v);
            }
            let cut = p.rfind(['.', '['])?;
            p.truncate(cut);
        }
    }

    /// Position of the value of `path` (for scalars), falling back like [`find`](Self::find).
    pub fn value(&self, path: &str) -> Option<((usize, usize), usize)> {
        self.get()
            .map
            .get(&format!("{path}#v"))
            .copied()
            .or_else(|| self.find(path))
    }
}

impl Found {
    fn put(&mut self, path: &str, line: usize, col: usize, len: usize) {
        if self.map.contains_key(path) {
            if !path.ends_with("#v") {
                self.duplicates
                    .push((path.to_string(), (line + 1, col + 1)));
            }
            return;
        }
        self.map
            .insert(path.to_string(), ((line + 1, col + 1), len));
    }
}

struct Scanner {
    lines: Vec<Vec<char>>,
    out: Found,
    line: usize,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Scanner {
    fn indent(&self, l: usize) -> usize {
        self.lines[l].iter().take_while(|c| **c == ' ').count()
    }

    fn is_blank(&self, l: usize) -> bool {
        let t: String = self.lines[l].iter().collect();
        let t = t.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    }

    fn skip_blank(&mut self) {
        while self.line < self.lines.len() && self.is_blank(self.line) {
            self.line += 1;
        }
    }

    /// Finds `key:` at `col` on line `l`: returns (key, key_len, col after the colon).
    fn key_at(&self, l: usize, col: usize) -> Option<(String, usize, usize)> {
        let chars = &self.lines[l];
        let rest = &chars[col.min(chars.len())..];
        let first = *rest.first()?;
        if first == '['
            || first == '{'
            || first == '#'
            || first == '-' && rest.get(1).is_none_or(|c| *c == ' ')
        {
            return None;
        }
        if first == '"' || first == '\'' {
            let close = rest[1..].iter().position(|c| *c == first)? + 1;
            if rest.get(close + 1) == Some(&':') && rest.get(close + 2).is_none_or(|c| *c == ' ') {
                let key: String = rest[1..close].iter().collect();
                return Some((key, close + 1, col + close + 2));
            }
            return None;
        }
        let mut i = 0;
        while i < rest.len() {
            if rest[i] == ':' && rest.get(i + 1).is_none_or(|c| *c == ' ') {
                let key: String = rest[..i].iter().collect::<String>().trim_end().to_string();
                return Some((key, i, col + i + 1));
            }
            if rest[i] == '#' && i > 0 && rest[i - 1] == ' ' {
                return None;
            }
            i += 1;
        }
        None
    }

    fn first_non_space(&self, l: usize, from: usize) -> Option<usize> {
        (from..self.lines[l].len()).find(|&c| self.lines[l][c] != ' ')
    }

    /// Parses the node that starts at (self.line, col) in block context.
    fn block_node(&mut self, path: String, col: usize, parent_indent: Option<usize>) {
        let l = self.line;
        let Some(c) = self.first_non_space(l, col) else {
            return;
        };
        let ch = self.lines[l][c];
        if ch == '-' && self.lines[l].get(c + 1).is_none_or(|x| *x == ' ') {
            self.block_seq(path, c);
        } else if self.key_at(l, c).is_some() {
            self.block_map(path, c);
        } else {
            self.inline_value(&path, l, c, parent_indent.unwrap_or(0));
        }
    }

    fn block_map(&mut self, path: String, indent: usize) {
        let mut first = true;
        while self.line < self.lines.len() {
            self.skip_blank();
            if self.line >= self.lines.len() {
                break;
            }
            let l = self.line;
            // The first key may sit after "- " on a sequence line; later keys sit at `indent`.
            let col = if first { indent } else { self.indent(l) };
            if !first && col != indent {
                break;
            }
            first = false;
            let Some((key, key_len, after)) = self.key_at(l, col) else {
                break;
            };
            let child = join(&path, &key);
            self.out.put(&child, l, col, key_len);
            match self.first_non_space(l, after) {
                Some(v) if self.lines[l][v] != '#' => self.inline_value(&child, l, v, indent),
                _ => {
                    self.line = l + 1;
                    self.skip_blank();
                    if self.line < self.lines.len() {
                        let ni = self.indent(self.line);
                        let seq_same = ni == indent && self.lines[self.line].get(ni) == Some(&'-');
                        if ni > indent || seq_same {
                            self.block_node(child, ni, Some(indent));
                        }
                    }
                }
            }
        }
    }

    fn block_seq(&mut self, path: String, indent: usize) {
        let mut k = 0;
        let mut first = true;
        while self.line < self.lines.len() {
            self.skip_blank();
            if self.line >= self.lines.len() {
                break;
            }
            let l = self.line;
            // The first item may sit after "- " on an outer sequence's line ("- - x").
            let at_col = first || self.indent(l) == indent;
            if !at_col || self.lines[l].get(indent) != Some(&'-') {
                break;
            }
            first = false;
            let child = format!("{path}[{k}]");
            k += 1;
            match self.first_non_space(l, indent + 1) {
                Some(v) if self.lines[l][v] != '#' => {
                    self.out.put(&child, l, v, 1);
                    if self.key_at(l, v).is_some() {
                        self.block_map(child, v);
                    } else if self.lines[l][v] == '-' {
                        self.block_seq(child, v);
                    } else {
                        self.inline_value(&child, l, v, indent);
                    }
                }
                _ => {
                    self.out.put(&child, l, indent, 1);
                    self.line = l + 1;
                    self.skip_blank();
                    if self.line < self.lines.len() && self.indent(self.line) > indent {
                        let ni = self.indent(self.line);
                        self.block_node(child, ni, Some(indent));
                    }
                }
            }
            // always make progress, whatever the input
            if self.line <= l {
                self.line = l + 1;
            }
        }
    }

    /// A value that starts on line `l` at column `c`: flow collection, block scalar
    /// or plain/quoted scalar (possibly continued on more-indented lines).
    fn inline_value(&mut self, path: &str, l: usize, c: usize, indent: usize) {
        let ch = self.lines[l][c];
        if ch == '[' || ch == '{' {
            let mut cur = (l, c);
            self.flow(path, &mut cur);
            self.line = cur.0 + 1;
        } else {
            let len = self.lines[l].len() - c;
            self.out.put(&format!("{path}#v"), l, c, len);
            self.line = l + 1;
            // Skip continuation lines and block scalar bodies.
            while self.line < self.lines.len()
                && (self.is_blank(self.line) || self.indent(self.line) > indent)
            {
                self.line += 1;
            }
        }
    }

    fn peek(&self, cur: (usize, usize)) -> Option<char> {
        self.lines.get(cur.0).and_then(|l| l.get(cur.1)).copied()
    }

    fn advance(&self, cur: &mut (usize, usize)) {
        if cur.0 >= self.lines.len() {
            return;
        }
        if cur.1 + 1 < self.lines[cur.0].len() {
            cur.1 += 1;
        } else {
            cur.0 += 1;
            cur.1 = 0;
            while cur.0 < self.lines.len() && self.lines[cur.0].is_empty() {
                cur.0 += 1;
            }
        }
    }

    fn skip_ws(&self, cur: &mut (usize, usize)) {
        while cur.0 < self.lines.len() {
            match self.peek(*cur) {
                Some(' ') | Some('\t') => self.advance(cur),
                Some('#') => {
                    cur.0 += 1;
                    cur.1 = 0;
                }
                None => {
                    cur.0 += 1;
                    cur.1 = 0;
                }
                _ => break,
            }
        }
    }

    /// Reads a flow scalar at `cur`; returns its text and length.
    fn flow_scalar(&self, cur: &mut (usize, usize)) -> (String, usize) {
        let mut s = String::new();
        let start_line = cur.0;
        match self.peek(*cur) {
            Some(q @ ('"' | '\'')) => {
                self.advance(cur);
                let mut len = 2;
                while cur.0 < self.lines.len() {
                    match self.peek(*cur) {
                        Some(c) if c == q => {
                            self.advance(cur);
                            break;
                        }
                        Some('\\') if q == '"' => {
                            self.advance(cur);
                            s.push(self.peek(*cur).unwrap_or(' '));
                            len += 2;
                            self.advance(cur);
                        }
                        Some(c) => {
                            s.push(c);
                            len += 1;
                            self.advance(cur);
                        }
                        None => self.advance(cur),
                    }
                }
                (s, len)
            }
            _ => {
                while cur.0 == start_line {
                    match self.peek(*cur) {
                        Some(',' | ']' | '}') | None => break,
                        Some(':')
                            if matches!(
                                self.lines[cur.0].get(cur.1 + 1),
                                None | Some(' ') | Some(',')
                            ) =>
                        {
                            break
                        }
                        Some(c) => {
                            s.push(c);
                            self.advance(cur);
                        }
                    }
                }
                let t = s.trim_end().to_string();
                let n = t.chars().count();
                (t, n)
            }
        }
    }

    fn flow(&mut self, path: &str, cur: &mut (usize, usize)) {
        let open = self.peek(*cur);
        self.advance(cur);
        let close = if open == Some('[') { ']' } else { '}' };
        let mut k = 0;
        loop {
            self.skip_ws(cur);
            if cur.0 >= self.lines.len() {
                return;
            }
            match self.peek(*cur) {
                Some(c) if c == close => {
                    // leave the cursor on the closing bracket's line
                    if cur.1 + 1 < self.lines[cur.0].len() {
                        cur.1 += 1;
                    }
                    return;
                }
                Some(',') => {
                    self.advance(cur);
                    continue;
                }
                _ => {}
            }
            let at = *cur;
            if close == ']' {
                let child = format!("{path}[{k}]");
                k += 1;
                if matches!(self.peek(*cur), Some('[' | '{')) {
                    self.out.put(&child, at.0, at.1, 1);
                    self.flow(&child, cur);
                } else {
                    let (_, len) = self.flow_scalar(cur);
                    self.out.put(&child, at.0, at.1, len);
                    self.out.put(&format!("{child}#v"), at.0, at.1, len);
                }
            } else {
                let (key, len) = self.flow_scalar(cur);
                let child = join(path, &key);
                self.out.put(&child, at.0, at.1, len);
                self.skip_ws(cur);
                if self.peek(*cur) == Some(':') {
                    self.advance(cur);
                    self.skip_ws(cur);
                    let vat = *cur;
                    if matches!(self.peek(*cur), Some('[' | '{')) {
                        self.flow(&child, cur);
                    } else {
                        let (_, vlen) = self.flow_scalar(cur);
                        self.out.put(&format!("{child}#v"), vat.0, vat.1, vlen);
                    }
                }
            }
            // guard against no progress
            if *cur == at {
                self.advance(cur);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_sequences_on_one_line_terminate() {
        // cargo fuzz (profile) hung on "- - x": the inner sequence never advanced
        let loc = Locations::scan("- - x\n- - y\n");
        assert_eq!(loc.find("[1][0]"), Some(((2, 5), 1)));
    }

    #[test]
    fn finds_block_flow_and_nested_positions() {
        let src = "version: 1\nperson:\n  name: 李娜\n  id: E1\njohari:\n  self: [dependable, patient]\n  peers:\n    - [a, b]\n    - [c, dd]\nself_check:\n  mediocrity: { no_passion: 2,\n                careless: 1 }\nactions:\n  - goal: x\n    due: 2027-06\n";
        let loc = Locations::scan(src);
        assert_eq!(loc.find("person.name"), Some(((3, 3), 4)));
        assert_eq!(loc.value("person.id"), Some(((4, 7), 2)));
        assert_eq!(loc.find("johari.self[1]"), Some(((6, 22), 7)));
        assert_eq!(loc.find("johari.peers[1][1]"), Some(((9, 11), 2)));
        assert_eq!(
            loc.find("self_check.mediocrity.careless"),
            Some(((12, 17), 8))
        );
        assert_eq!(loc.find("actions[0].due"), Some(((15, 5), 3)));
        // a path that is not in the file falls back to its nearest ancestor
        assert_eq!(loc.find("actions[0].nothing"), Some(((14, 5), 1)));
        assert_eq!(loc.find("actions[0].nothing"), loc.find("actions[0]"));
    }
}
