//! One pass over the YAML events of a profile (saphyr-parser, with spans) before the
//! document is built: the size it would reach once aliases are expanded (refused
//! above the cap, before any expansion happens), the text of every plain scalar
//! exactly as written (so `id: 1e3` stays `1e3`), and the places of things the
//! position scanner does not name: extra documents, non-text and complex keys.

use crate::base::diag::Diagnostic;
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;

/// Most text (in bytes, over all scalars) a profile may hold once aliases are
/// expanded: the same as the largest file.
pub const MAX_EXPANDED_TEXT: usize = super::MAX_BYTES;
/// Most nodes (scalars and collections) once aliases are expanded.
pub const MAX_EXPANDED_NODES: usize = 200_000;

/// What the event pass found.
#[derive(Debug, Default)]
pub struct EventScan {
    /// Path → the plain scalar's text as written.
    pub plain: HashMap<String, String>,
    /// Where each document after the first starts (1-based line, col).
    pub extra_documents: Vec<(usize, usize)>,
    /// Keys that are not plain text, by the path of their mapping: (line, col).
    pub odd_keys: Vec<(String, (usize, usize))>,
    /// Path → (line, col) of keys and items, for places the position scanner missed.
    pub places: Vec<(String, (usize, usize), usize)>,
    /// Whether the parser stopped at a syntax error (serde_yaml reports it).
    pub incomplete: bool,
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        expect_key: bool,
        odd_depth: usize,
    },
    Seq {
        path: String,
        index: usize,
    },
}

struct Cost {
    anchor: usize,
    text: usize,
    nodes: usize,
}

/// The path of the node an event starts (None for keys and inside complex keys);
/// a key that is not text is recorded in `odd_keys`.
fn node_path(
    frames: &mut [Frame],
    odd_keys: &mut Vec<(String, (usize, usize))>,
    pos: (usize, usize),
    text_key: Option<&str>,
) -> Option<String> {
    match frames.last_mut() {
        None => Some(String::new()),
        Some(Frame::Seq { path, index }) => {
            let p = format!("{path}[{index}]");
            *index += 1;
            Some(p)
        }
        Some(Frame::Map {
            path,
            key,
            expect_key,
            odd_depth,
        }) => {
            if *odd_depth > 0 {
                return None;
            }
            if *expect_key {
                *expect_key = false;
                match text_key {
                    Some(k) => *key = Some(k.to_string()),
                    None => {
                        *key = None;
                        odd_keys.push((path.clone(), pos));
                    }
                }
                None
            } else {
                *expect_key = true;
                key.take().map(|k| join(path, &k))
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Runs the pass. Fails only when the expanded document would be too large.
pub fn scan(text: &str) -> Result<EventScan, Diagnostic> {
    let mut out = EventScan::default();
    let mut frames: Vec<Frame> = Vec::new();
    // sizes of open collections, and of finished anchored nodes
    let mut costs: Vec<Cost> = vec![Cost {
        anchor: 0,
        text: 0,
        nodes: 0,
    }];
    let mut anchors: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut anchored_plain: HashMap<usize, String> = HashMap::new();
    let (mut total_text, mut total_nodes) = (0usize, 0usize);
    let mut documents = 0usize;
    let parser = Parser::new_from_str(text);
    for ev in parser {
        let (event, span) = match ev {
            Ok(e) => e,
            Err(_) => {
                out.incomplete = true;
                break;
            }
        };
        let pos = (span.start.line(), span.start.col() + 1);
        let mut add = |costs: &mut Vec<Cost>, t: usize, n: usize| -> Result<(), Diagnostic> {
            if let Some(top) = costs.last_mut() {
                top.text += t;
                top.nodes += n;
            }
            total_text += t;
            total_nodes += n;
            if total_text > MAX_EXPANDED_TEXT || total_nodes > MAX_EXPANDED_NODES {
                return Err(Diagnostic::new(crate::msg!(
                    "load.alias_cost",
                    kib = MAX_EXPANDED_TEXT / 1024,
                    values = MAX_EXPANDED_NODES
                ))
                .at(Some(pos), 1)
                .help(crate::msg!("load.alias_cost.help")));
            }
            Ok(())
        };
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    out.extra_documents.push(pos);
                }
            }
            Event::Scalar(value, style, anchor, _) => {
                let in_key = matches!(
                    frames.last(),
                    Some(Frame::Map {
                        expect_key: true,
                        odd_depth: 0,
                        ..
                    })
                );
                let path = if in_key {
                    let k = matches!(
                        style,
                        ScalarStyle::Plain | ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted
                    )
                    .then_some(value.as_ref());
                    // a plain key that YAML reads as a number, bool or null is not text
                    let k = k.filter(|k| style != ScalarStyle::Plain || !non_text_plain(k));
                    if let (Some(k), Some(Frame::Map { path, .. })) = (k, frames.last()) {
                        out.places.push((join(path, k), pos, k.chars().count()));
                    }
                    node_path(&mut frames, &mut out.odd_keys, pos, k)
                } else {
                    node_path(&mut frames, &mut out.odd_keys, pos, None)
                };
                if style == ScalarStyle::Plain && anchor > 0 {
                    anchored_plain.insert(anchor, value.to_string());
                }
                if let Some(p) = path {
                    if style == ScalarStyle::Plain {
                        out.plain.insert(p.clone(), value.to_string());
                    }
                    if !value.is_empty() {
                        out.places
                            .push((format!("{p}#v"), pos, value.chars().count()));
                    }
                }
                let t = value.len() + 1;
                if anchor > 0 {
                    anchors.insert(anchor, (t, 1));
                }
                add(&mut costs, t, 1)?;
            }
            Event::Alias(id) => {
                // an alias of a plain scalar is that scalar as written (`id: *n`)
                if let Some(p) = node_path(&mut frames, &mut out.odd_keys, pos, None) {
                    if let Some(v) = anchored_plain.get(&id) {
                        out.plain.insert(p, v.clone());
                    }
                }
                let (t, n) = anchors.get(&id).copied().unwrap_or((1, 1));
                add(&mut costs, t, n)?;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let is_map = matches!(event, Event::MappingStart(..));
                let odd_parent = match frames.last_mut() {
                    Some(Frame::Map {
                        expect_key: true,
                        odd_depth,
                        ..
                    }) if *odd_depth == 0 => {
                        // a complex key (`? [a, b]`)
                        *odd_depth = 1;
                        true
                    }
                    Some(Frame::Map { odd_depth, .. }) if *odd_depth > 0 => {
                        *odd_depth += 1;
                        true
                    }
                    _ => false,
                };
                let path = if odd_parent {
                    if let Some(Frame::Map { path, .. }) = frames.last() {
                        if let Some(Frame::Map { odd_depth: 1, .. }) = frames.last() {
                            out.odd_keys.push((path.clone(), pos));
                        }
                    }
                    None
                } else {
                    node_path(&mut frames, &mut out.odd_keys, pos, None)
                };
                if let Some(p) = &path {
                    if !p.is_empty() && p.ends_with(']') {
                        out.places.push((p.clone(), pos, 1));
                    }
                }
                if !odd_parent {
                    let p = path.unwrap_or_default();
                    frames.push(if is_map {
                        Frame::Map {
                            path: p,
                            key: None,
                            expect_key: true,
                            odd_depth: 0,
                        }
                    } else {
                        Frame::Seq { path: p, index: 0 }
                    });
                }
                costs.push(Cost {
                    anchor,
                    text: 0,
                    nodes: 0,
                });
                add(&mut costs, 1, 1)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let closing_odd = match frames.last_mut() {
                    Some(Frame::Map { odd_depth, .. }) if *odd_depth > 0 => {
                        *odd_depth -= 1;
                        if *odd_depth == 0 {
                            // the complex key is done; its value comes next
                            if let Some(Frame::Map {
                                expect_key, key, ..
                            }) = frames.last_mut()
                            {
                                *expect_key = false;
                                *key = None;
                            }
                        }
                        true
                    }
                    _ => false,
                };
                if !closing_odd {
                    frames.pop();
                }
                if costs.len() > 1 {
                    let done = costs.pop().unwrap_or(Cost {
                        anchor: 0,
                        text: 0,
                        nodes: 0,
                    });
                    if done.anchor > 0 {
                        anchors.insert(done.anchor, (done.text, done.nodes));
                    }
                    if let Some(top) = costs.last_mut() {
                        top.text += done.text;
                        top.nodes += done.nodes;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Whether a plain scalar is read by YAML (1.1 or 1.2 core) as something other than
/// text: a number, a boolean or null.
fn non_text_plain(s: &str) -> bool {
    matches!(
        s,
        "" | "~"
            | "null"
            | "Null"
            | "NULL"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
    ) || s.parse::<f64>().is_ok()
        || s.starts_with("0x") && i64::from_str_radix(&s[2..], 16).is_ok()
        || s.starts_with("0o") && i64::from_str_radix(&s[2..], 8).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_keep_their_text() {
        let s = scan("person:\n  id: 1e3\n  name: +12\n  tags: [0x1F, 'q']\n").unwrap();
        assert_eq!(s.plain["person.id"], "1e3");
        assert_eq!(s.plain["person.name"], "+12");
        assert_eq!(s.plain["person.tags[0]"], "0x1F");
        assert!(
            !s.plain.contains_key("person.tags[1]"),
            "quoted is not plain"
        );
    }

    #[test]
    fn aliases_are_costed_before_expansion() {
        // each level doubles: 2^20 copies of a 100-byte text
        let mut y = format!("a0: &a0 \"{}\"\n", "x".repeat(100));
        for i in 1..=20 {
            y.push_str(&format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
        }
        let e = scan(&y).unwrap_err();
        assert!(e.message.contains("aliases"), "{}", e.message);
        // a few small aliases are fine
        assert!(scan("a: &x [1, 2]\nb: *x\n").is_ok());
    }

    #[test]
    fn extra_documents_and_odd_keys_are_placed() {
        let s = scan("person:\n  name: a\n---\nperson: {}\n").unwrap();
        assert_eq!(s.extra_documents, vec![(3, 1)]);
        let s = scan("person:\n  name: a\n  1: x\n  ? [a, b]\n  : y\n").unwrap();
        assert_eq!(s.odd_keys[0], ("person".to_string(), (3, 3)));
        assert_eq!(s.odd_keys[1].0, "person");
        assert_eq!(s.odd_keys[1].1 .0, 4);
    }
}
