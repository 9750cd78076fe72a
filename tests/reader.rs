//! The YAML reader (`careerbook::profile::yaml`, one pass over saphyr-parser's
//! events) against yaml_serde, which built every value before it: on every YAML
//! file of the repository, on a list of edge cases and on generated text, the two
//! give the same `Value`, or both refuse the text for the same reason.

use careerbook::profile::yaml::{self, Caps, Why};
use proptest::prelude::*;
use serde_yaml::Value;
use std::path::{Path, PathBuf};

/// How the two readings of one text compare.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Both read it, to the same value.
    Same,
    /// Both refused it, for the same reason.
    BothRefuse,
    /// Something else: the description.
    Differ(String),
}

/// What yaml_serde's error says the reason is.
fn their_why(e: &serde_yaml::Error) -> Why {
    let m = e.to_string();
    if m.contains("more than one document") {
        Why::Documents
    } else if m.contains("duplicate entry") {
        Why::Duplicate
    } else if m.contains("recursion limit") || m.contains("repetition limit") {
        Why::Deep
    } else if m.contains("invalid value") || m.contains("invalid type") {
        Why::Value
    } else {
        Why::Syntax
    }
}

fn compare(text: &str) -> Outcome {
    let ours = yaml::read(text, &Caps::FILE);
    let theirs = serde_yaml::from_str::<Value>(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) if a.value == b => Outcome::Same,
        (Ok(a), Ok(b)) => Outcome::Differ(format!("ours {:?}\ntheirs {b:?}", a.value)),
        (Err(f), Err(e)) if f.why == their_why(&e) => Outcome::BothRefuse,
        // broken text: the two parsers name the break differently (libyaml often
        // takes what follows it for a second document)
        (Err(f), Err(e)) if f.why == Why::Syntax || their_why(&e) == Why::Syntax => {
            Outcome::BothRefuse
        }
        // aliases that expand too far: the reader refuses them at its caps before
        // copying anything, where yaml_serde stops after so many jumps
        (Err(f), Err(e)) if f.why == Why::Cost && their_why(&e) == Why::Deep => Outcome::BothRefuse,
        (Err(f), Err(e)) => Outcome::Differ(format!("ours {f:?}\ntheirs {e}")),
        (Ok(a), Err(e)) => Outcome::Differ(format!("ours {:?}\ntheirs {e}", a.value)),
        (Err(f), Ok(b)) => Outcome::Differ(format!("ours {f:?}\ntheirs {b:?}")),
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml")
            || path.parent().is_some_and(|p| p.ends_with("fuzz/profile"))
        {
            out.push(path);
        }
    }
}

/// A fixture yaml_serde needs minutes to refuse (3.5 min in a release build): the
/// profile loader refuses it before reading, and the reader at once.
const SLOW: &str = "tests/fixtures/hostile/deep-flow.yaml";

#[test]
fn every_yaml_file_of_the_repository_reads_as_yaml_serde_reads_it() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["profiles", "tests/fixtures", "templates"] {
        yaml_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "{} files", files.len());
    let mut differ = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue; // not UTF-8: refused before any reading
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if f.ends_with(SLOW) {
            // yaml_serde takes minutes over these 400 KB of `[`; it refuses them
            // ("recursion limit exceeded"), and so must the reader, at once
            let t0 = std::time::Instant::now();
            let read = yaml::read(text, &Caps::FILE);
            assert!(t0.elapsed().as_secs() < 2, "{:?}", t0.elapsed());
            assert_eq!(read.map(|_| ()).map_err(|f| f.why), Err(Why::Deep));
            continue;
        }
        if let Outcome::Differ(why) = compare(text) {
            differ.push(format!("{}: {why}", f.display()));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

/// Scalars, tags, anchors, keys and documents the way yaml_serde reads them.
const EDGES: &[&str] = &[
    "",
    "# only a comment\n",
    "---\n...\n",
    "~\n",
    "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"\"\n",
    "[true, True, TRUE, false, False, FALSE, yes, no, on, off, y, n]\n",
    "[0, -0, +0, 007, -007, 0x1F, 0X1F, -0x1F, +0x1F, 0o17, -0o17, 0b101, -0b101, 0x, 0o, 0b2]\n",
    "[1e3, 1E3, -1.5, +1.5, .5, 5., 1_000, .inf, -.inf, +.inf, .Inf, .INF, .nan, .NaN, .NAN, +.nan, inf, nan, infinity]\n",
    "[18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809]\n",
    "[340282366920938463463374607431768211456, 1e400, -1e400, 0.1e-400]\n",
    "['12', \"12\", 'true', \"~\", !!str 12, !!str true, !!str, !!int '12', !!int \"0x10\", !!float 1, !!float '1.5', !!bool 'true', !!null '~', !!null null]\n",
    "a: !!int x\n",
    "a: !!bool yes\n",
    "a: !!null ''\n",
    "a: !!float x\n",
    "a: 99999999999999999999\n",
    "a: !!binary aGVsbG8=\nb: !!timestamp 2001-12-14\nc: !<tag:yaml.org,2002:int> '7'\n",
    "a: !who 12\nb: !who '12'\nc: !who [1, '2']\nd: !who {k: 1}\ne: ! 12\nf: !who\n",
    "a: !!seq [1]\nb: !!map {k: v}\nc: !!set {k}\nd: !!omap [a: 1]\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 12\n",
    "%TAG ! tag:example.com,2000:\n---\na: !x 12\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: &x 1e3\nb: *x\nc: &y [1, *x]\nd: *y\ne: &z {k: *y}\nf: [*z, *z]\n",
    "a: &x 1\na2: &x 2\nb: *x\n",
    "a: &x [1, *x]\n",
    "base: &b {k: 1, l: 2}\nderived:\n  <<: *b\n  l: 3\n",
    "a: 1\na: 2\n",
    "a: 1\n'a': 2\n",
    "a: {x: 1, x: 2}\n",
    "1: a\n1.0: b\n'1': c\n",
    "~: a\nnull: b\n",
    "? [a, b]\n: 1\n? [a, b]\n: 2\n",
    "? [a, b]\n: 1\n? {k: v}\n: 2\n? |\n  block\n: 3\n",
    "[a: 1, b: 2]\n",
    "{a: [1, {b: [2, {c: 3}]}]}\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n--- \n",
    "---\n---\n",
    "a: 1\n...\n",
    "a: 1\n...\n---\nb: 2\n",
    "key: |\n  line\n  two\nfolded: >\n  one\n  two\n\n  three\nkeep: |+\n  x\n\nstrip: |-\n  x\n",
    "plain: one\n  two\n  three\nq: 'it''s'\nd: \"tab\\there \\u00e9 \\x41\"\n",
    "\"multi\n  line\": 1\n'also\n\n  this': 2\n",
    "- - - x\n- - y\n",
    "- a\n-\n- c\n",
    "a: - b\n",
    "a: [b, c\n",
    "a: 'unterminated\n",
    "a:\n\t- b\n",
    "a: *nowhere\n",
    "&a [*a]\n",
    "! x\n",
    "!!str\n",
    "person:\n  name: 李娜\n  id: 0x1F\n  department: 2024\n",
    "\u{feff}a: 1\n",
    "a: b: c\n",
    "a: 'x' y\n",
    "? a\n? b\n",
    "[a, b]: c\n",
    "{a: b}: c\n",
    "- &a x\n- *a\n- &a y\n- *a\n",
    "person:\n  name:\tAlex\n  id:\t\tE1\n  role: \t会计\n",
    "{a:\tb, c: [d]}\n",
    "a: 'x:\ty'\nb: |\n  k:\tv\n",
    // block scalars that run to the end of a text without a final line break
    "a: |\n  x",
    "a: >\n  x",
    "a: |+\n  x",
    "a: |-\n  x",
    "a: |\n  x\n  ",
    "a: |\n  x\n   ",
    "a: |\n  x\n ",
    "a: |+\n  x\n\n  ",
    "a: |\n  x\n\n  ",
    "- |\n  x",
    "- - >\n    x\n    y",
    "a: |\n  x\n  y",
    "a: >\n  x\n\n  y",
    "a: |2\n   x",
    "a:\n  b: |1\n    x\n   ",
    "a: |",
    "a: |+\n  ",
    "a: |+\n\n  ",
    "a: |\n  ",
    "a: >+\n  x\n  ",
    "a: |\n  x # c",
    "a: |\n\n  x",
    "a: &x !!str |\n  x",
    "a: !!int |\n  12",
    "? |\n  k\n: v\nb: >-\n  x",
    "|\n x",
    "--- |\n  x",
    "a:\n  - b: |\n      x\n     ",
    "a: # note\n  |\n    x",
];

/// Where the two parsers part: texts yaml_serde's parser (libyaml, YAML 1.1) and the
/// reader's (saphyr, YAML 1.2) read differently, with what each makes of them (the
/// value as YAML, or `None`: refused). Pinned, so that a new saphyr-parser that reads
/// them otherwise is noticed.
const PARTED: &[(&str, Option<&str>, Option<&str>)] = &[
    // an anchor named with other than ASCII letters, digits, `-` and `_`
    ("a: &可靠 x\nb: *可靠\n", Some("{a: x, b: x}"), None),
    // an anchor name running into punctuation: one name (of an empty value) to
    // saphyr, a name and the start of the text to libyaml
    ("a: &x?y\n", Some("{a: null}"), Some("{a: '?y'}")),
    // a tab before a scalar at the top
    ("\tx\n", Some("x"), None),
    // an empty key
    ("a: 1\n: 2\n", Some("{a: 1, null: 2}"), None),
    // a blank line holding a tab, after a plain value
    ("a: x\n\t\nb: y\n", Some("{a: x, b: y}"), None),
    // a comment right after a quoted value, with no space before the `#`
    ("a: 'x'#c\n", None, Some("{a: x}")),
    // a lone `?` at the very end
    ("?", None, Some("{null: null}")),
    // a block scalar at the top whose text starts in the first column (libyaml ends
    // the scalar there and takes the text for a second document, or for a comment)
    ("|\nx\n", Some("\"x\\n\""), None),
    ("|\n#x\n", Some("\"#x\\n\""), Some("''")),
    // `?` right before a word in a flow collection: the start of a text to saphyr,
    // an explicit key to libyaml
    ("[?x]\n", Some("['?x']"), Some("[{x: null}]")),
];

#[test]
fn where_the_parsers_part_is_known() {
    let value = |v: &Option<&str>| v.map(|v| serde_yaml::from_str::<Value>(v).unwrap());
    for (text, ours, theirs) in PARTED {
        let read = yaml::read(text, &Caps::FILE);
        if ours.is_none() {
            assert_eq!(
                read.as_ref().err().map(|f| f.why),
                Some(Why::Syntax),
                "{text:?}"
            );
        }
        assert_eq!(read.ok().map(|r| r.value), value(ours), "{text:?}");
        let serde = serde_yaml::from_str::<Value>(text).ok();
        assert_eq!(serde, value(theirs), "{text:?}");
    }
}

/// Whether `text` has a `?` right before a word, and a bracket (see `PARTED`).
fn flow_question(text: &str) -> bool {
    text.contains(['[', '{'])
        && text.match_indices('?').any(|(i, _)| {
            text[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
        })
}

/// Whether `text` is a block scalar at the top, after any comments (see `PARTED`).
fn root_block(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with(['|', '>']))
}

/// Whether `text` has an anchor or alias whose name holds a character libyaml ends
/// a name at (anything but ASCII letters, digits, `-` and `_`): see `PARTED`.
fn names_parted(text: &str) -> bool {
    text.match_indices(['&', '*']).any(|(i, _)| {
        text[i + 1..]
            .chars()
            .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
            .any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    })
}

#[test]
fn edge_cases_read_as_yaml_serde_reads_them() {
    let differ: Vec<String> = EDGES
        .iter()
        .filter_map(|t| match compare(t) {
            Outcome::Differ(why) => Some(format!("{t:?}:\n{why}")),
            _ => None,
        })
        .collect();
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

/// Scalars as written, every one safe as a plain scalar in block and flow context.
const SCALARS: &[&str] = &[
    "",
    "~",
    "null",
    "NULL",
    "true",
    "False",
    "yes",
    "off",
    "0",
    "-0",
    "+12",
    "007",
    "-007",
    "0x1F",
    "-0x1f",
    "+0x10",
    "0o17",
    "0b11",
    "0x",
    "1e3",
    "-1.5",
    "+.5",
    "5.",
    ".inf",
    "-.Inf",
    ".nan",
    "+.nan",
    "inf",
    "NaN",
    "1_000",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "1e400",
    "abc",
    "a b",
    "李娜",
    "2027-06",
    "E2041",
    "x-y",
    "-x",
    "a'b",
    "a\"b",
];
const KEYS: &[&str] = &[
    "a", "b", "name", "1", "true", "~", "'a'", "\"b\"", "a b", "李", "''", "1.0", "id", "self",
    "peers", "x_y", "0x1F", "-1", "'1'", "null", "李娜", "\"a b\"", "level", "since",
];

/// A YAML document to write out: `Alias(n)` names the n-th anchor written before it.
#[derive(Debug, Clone)]
enum Tree {
    Scalar(usize, u8),
    Alias(usize),
    Seq(Vec<Tree>, bool),
    Map(Vec<(usize, Tree)>, bool),
    Anchored(Box<Tree>),
    Tagged(Box<Tree>),
}

/// How a scalar is written: plain most often, then quoted, `!!str`, a local tag, a
/// block scalar; now and then `!!int`, `!!float` or `!!null`, which may refuse it.
fn style() -> impl Strategy<Value = u8> {
    prop_oneof![
        20 => Just(0u8), 5 => Just(1), 5 => Just(2), 2 => Just(3), 2 => Just(6), 2 => Just(7),
        1 => Just(4), 1 => Just(5), 1 => Just(8),
    ]
}

/// A mapping's entries: keys of the list, each once (but `a` and `'a'` are one key),
/// and now and then the first key again.
fn entries(
    value: impl Strategy<Value = Tree> + Clone,
) -> impl Strategy<Value = Vec<(usize, Tree)>> {
    (
        proptest::collection::btree_map(0..KEYS.len(), value.clone(), 0..6),
        proptest::option::weighted(0.05, value),
    )
        .prop_map(|(m, again)| {
            let mut v: Vec<(usize, Tree)> = m.into_iter().collect();
            if let (Some(t), Some(first)) = (again, v.first().map(|e| e.0)) {
                v.push((first, t));
            }
            v
        })
}

fn tree() -> impl Strategy<Value = Tree> + Clone {
    let leaf = prop_oneof![
        4 => (0..SCALARS.len(), style()).prop_map(|(i, s)| Tree::Scalar(i, s)),
        1 => (0usize..8).prop_map(Tree::Alias),
    ];
    leaf.prop_recursive(5, 40, 5, |inner| {
        prop_oneof![
            (
                proptest::collection::vec(inner.clone(), 0..5),
                any::<bool>()
            )
                .prop_map(|(v, f)| Tree::Seq(v, f)),
            (entries(inner.clone()), any::<bool>()).prop_map(|(v, f)| Tree::Map(v, f)),
            inner.clone().prop_map(|t| Tree::Anchored(Box::new(t))),
            inner.prop_map(|t| Tree::Tagged(Box::new(t))),
        ]
    })
}

/// Whether a node cannot take another anchor, or another tag.
fn props(t: &Tree) -> (bool, bool) {
    match t {
        Tree::Alias(_) => (true, true),
        Tree::Scalar(_, s) => (false, matches!(s, 3..=6 | 8)),
        Tree::Anchored(inner) => (true, props(inner).1),
        Tree::Tagged(inner) => (props(inner).0, true),
        _ => (false, false),
    }
}

/// Writes trees as YAML text, block or flow as each collection asks (flow inside
/// flow), with anchors numbered as they are written.
struct Writer {
    out: String,
    anchors: usize,
}

impl Writer {
    fn scalar(&mut self, i: usize, style: u8, flow: bool, indent: usize) {
        let s = SCALARS[i];
        let quoted = |q: char| match q {
            '\'' => format!("'{}'", s.replace('\'', "''")),
            _ => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        };
        let text = match style {
            1 => quoted('\''),
            2 => quoted('"'),
            3 => format!("!!str {s}"),
            4 => format!("!!int {}", quoted('"')),
            5 => format!("!!float {s}"),
            6 => format!("!local {s}"),
            7 if !flow && !s.is_empty() => format!("|\n{}{s}", " ".repeat(indent + 2)),
            8 => format!("!!null {s}"),
            // an empty entry is no item of a flow list
            _ if flow && s.is_empty() => "~".to_string(),
            _ => s.to_string(),
        };
        self.out.push_str(&text);
    }

    /// Writes `t` where a value goes: after `key: `, `- ` or at the start.
    fn node(&mut self, t: &Tree, flow: bool, indent: usize) {
        match t {
            Tree::Scalar(i, s) => self.scalar(*i, *s, flow, indent),
            Tree::Alias(n) if self.anchors > 0 => {
                self.out.push_str(&format!("*a{}", n % self.anchors))
            }
            Tree::Alias(_) => self.out.push('x'),
            // a node takes one anchor and one tag, and an alias neither
            Tree::Anchored(inner) => {
                if !props(inner).0 {
                    self.out.push_str(&format!("&a{} ", self.anchors));
                    self.anchors += 1;
                }
                self.node(inner, flow, indent);
            }
            Tree::Tagged(inner) => {
                if !props(inner).1 {
                    self.out.push_str("!t ");
                }
                self.node(inner, flow, indent);
            }
            Tree::Seq(items, f) if flow || *f || items.is_empty() => {
                self.out.push('[');
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.node(item, true, indent);
                }
                self.out.push(']');
            }
            Tree::Map(entries, f) if flow || *f || entries.is_empty() => {
                self.out.push('{');
                for (k, (key, value)) in entries.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.out.push_str(KEYS[*key]);
                    self.out.push_str(": ");
                    self.node(value, true, indent);
                }
                self.out.push('}');
            }
            Tree::Seq(items, _) => {
                for item in items {
                    self.out.push('\n');
                    self.out.push_str(&" ".repeat(indent));
                    self.out.push_str("- ");
                    self.node(item, false, indent + 2);
                }
            }
            Tree::Map(entries, _) => {
                for (key, value) in entries {
                    self.out.push('\n');
                    self.out.push_str(&" ".repeat(indent));
                    self.out.push_str(KEYS[*key]);
                    self.out.push_str(": ");
                    self.node(value, false, indent + 2);
                }
            }
        }
    }
}

/// A document: a block mapping most often (as profiles are), then any node; now and
/// then a second document after it.
fn documents() -> impl Strategy<Value = Vec<Tree>> {
    let root = prop_oneof![
        3 => entries(tree()).prop_map(|v| Tree::Map(v, false)),
        1 => tree(),
    ];
    (root, proptest::option::weighted(0.05, tree())).prop_map(|(r, more)| {
        let mut v = vec![r];
        v.extend(more);
        v
    })
}

fn write(trees: &[Tree]) -> String {
    let mut w = Writer {
        out: String::new(),
        anchors: 0,
    };
    for (k, t) in trees.iter().enumerate() {
        if k > 0 {
            w.out.push_str("\n---");
        }
        w.out.push('\n');
        w.node(t, false, 0);
    }
    w.out.push('\n');
    w.out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Generated documents: scalars of every kind in every style, tags, anchors and
    /// aliases, block and flow collections, repeated keys, a second document; each
    /// with its last line ended and not.
    #[test]
    fn generated_documents_read_as_yaml_serde_reads_them(trees in documents()) {
        let text = write(&trees);
        for text in [text.as_str(), text.trim_end_matches('\n')] {
            if let Outcome::Differ(why) = compare(text) {
                prop_assert!(false, "{text}\n{why}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    /// Any text of YAML's punctuation, words, numbers and tabs: where both parsers
    /// read it, the values are the same; where yaml_serde refused it for a reason
    /// other than syntax (a repeated key, a second document, depth, a tag's value),
    /// the reader refuses it for that reason. Where one parser reads what the other
    /// finds broken, names an anchor otherwise, ends a block scalar at the top sooner
    /// or takes `?x` in brackets for a key, they part as `PARTED` shows.
    #[test]
    fn any_yamlish_text_reads_as_yaml_serde_reads_it(text in "(person:\\n  name: x\\n)?([a-z_]{0,6}|[0-9.+]{1,4}|[ \\-:\\[\\]{},'\"#|>&*!?%@`\\t\\n]|可靠|  ){0,60}") {
        let ours = yaml::read(&text, &Caps::FILE);
        let theirs = serde_yaml::from_str::<Value>(&text);
        match (ours, theirs) {
            (Ok(_), Ok(_)) if names_parted(&text) || root_block(&text) || flow_question(&text) => {}
            (Ok(a), Ok(b)) => prop_assert_eq!(a.value, b, "{:?}", text),
            (Err(f), Err(e)) => {
                let (ours, theirs) = (f.why, their_why(&e));
                let same = ours == theirs
                    || ours == Why::Syntax
                    || theirs == Why::Syntax
                    || (ours == Why::Cost && theirs == Why::Deep);
                prop_assert!(same, "{:?}: ours {:?}, theirs {}", text, f, e);
            }
            (Ok(_), Err(e)) if their_why(&e) == Why::Documents && root_block(&text) => {}
            (Ok(a), Err(e)) => prop_assert!(their_why(&e) == Why::Syntax, "{:?}: ours {:?}, theirs {}", text, a.value, e),
            (Err(f), Ok(b)) => prop_assert!(f.why == Why::Syntax, "{:?}: ours {:?}, theirs {:?}", text, f, b),
        }
    }
}
