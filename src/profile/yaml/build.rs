//! The pass itself: each event of saphyr-parser opens, fills or closes a
//! collection, or is a scalar or an alias; the value grows as yaml_serde would build
//! it (aliases are copies of their anchor's value, keys are checked for repeats as
//! they come), and every node that has a field path records its place.

use super::scalar;
use super::source::Source;
use super::{Caps, Failure, Read, Why};
use crate::profile::locate::{Locations, Place};
use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use serde_yaml::{Mapping, Value};
use std::collections::HashMap;

/// yaml_serde refuses collections nested deeper than this …
const MAX_NESTING: usize = 128;
/// … and more alias jumps than this many for each event of the document.
const JUMPS_PER_EVENT: usize = 100;

/// What a node costs once its aliases are expanded.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    /// Bytes of text (each scalar counts its length and one).
    text: usize,
    /// Values.
    nodes: usize,
    /// Aliases followed, the ones inside expanded aliases too.
    jumps: usize,
    /// Collections nested inside, itself included.
    height: usize,
}

impl Cost {
    fn absorb(&mut self, child: Cost) {
        self.text += child.text;
        self.nodes += child.nodes;
        self.jumps += child.jumps;
        self.height = self.height.max(child.height);
    }
}

/// A finished node.
struct Node {
    value: Value,
    cost: Cost,
    /// Its text as written, when it is a plain scalar YAML does not read as text.
    plain: Option<String>,
}

/// A collection being filled.
struct Frame {
    items: Items,
    /// Its field path (`None` inside a key that is not text, or a complex key).
    path: Option<String>,
    /// A local tag, which makes it a tagged value.
    tag: Option<String>,
    anchor: usize,
    flow: bool,
    /// The column (from 0) of a block collection's keys or dashes.
    column: isize,
    cost: Cost,
    /// Where it starts.
    start: (usize, usize),
}

enum Items {
    Seq(Vec<Value>),
    /// The mapping, and the key whose value comes next (with that value's path).
    Map(Mapping, Option<(Value, Option<String>)>),
}

/// Where the next node goes.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Root,
    Item { flow: bool },
    Key,
    Value,
}

struct Builder<'a> {
    src: Source<'a>,
    caps: Caps,
    frames: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    /// What the document holds, its aliases expanded.
    total: Cost,
    /// What the copies kept for aliases hold (an anchor inside an anchor is kept twice).
    kept: Cost,
    /// yaml_serde's events of the first document (nodes and collection ends).
    events: usize,
    documents: usize,
    /// Where the last event ended (a block scalar's header follows it).
    last_end: usize,
    root: Option<Value>,
    places: Vec<Place>,
    out: Read,
}

/// Reads `text` in one pass.
pub fn run(text: &str, caps: &Caps) -> Result<Read, Failure> {
    let mut b = Builder {
        src: Source::new(text),
        caps: *caps,
        frames: Vec::new(),
        anchors: HashMap::new(),
        total: Cost::default(),
        kept: Cost::default(),
        events: 0,
        documents: 0,
        last_end: 0,
        root: None,
        places: Vec::new(),
        out: Read::default(),
    };
    for ev in Parser::new_from_str(text) {
        let (event, span) = ev.map_err(|e| b.syntax(e))?;
        b.event(event, span)?;
    }
    b.repetitions((1, 1))?;
    let mut out = b.out;
    out.value = b.root.unwrap_or(Value::Null);
    out.locations = Locations::new(b.places);
    Ok(out)
}

fn at(span: Span) -> (usize, usize) {
    (span.start.line(), span.start.col() + 1)
}

/// A collection's tag when it is a local one (`!name`), which makes a tagged value.
fn local(tag: Option<&Tag>) -> Option<String> {
    tag.map(|t| format!("{}{}", t.handle, t.suffix))
        .filter(|t| scalar::is_local(Some(t)))
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn fail(why: Why, text: impl Into<String>, pos: (usize, usize)) -> Failure {
    Failure {
        why,
        text: text.into(),
        pos,
        key: None,
    }
}

impl Builder<'_> {
    fn event(&mut self, event: Event, span: Span) -> Result<(), Failure> {
        let pos = at(span);
        let header = self.last_end;
        // an implicit document starts where its first node does
        if !matches!(event, Event::DocumentStart(false)) {
            self.last_end = span.end.index();
        }
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(fail(
                        Why::Documents,
                        "deserializing from YAML containing more than one document is not supported",
                        pos,
                    ));
                }
            }
            Event::DocumentEnd => self.repetitions(pos)?,
            Event::Scalar(mut text, style, anchor, tag) => {
                self.events += 1;
                let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
                if block && text.ends_with('\n') {
                    let column = self.frames.last().map_or(-1, |f| f.column);
                    if self.src.added_break(span, header, column) {
                        text.to_mut().pop();
                    }
                }
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                let value = match scalar::resolve(&text, style, tag.as_deref()) {
                    Ok(v) => v,
                    // yaml_serde's words, after the field's path as it gives it
                    Err(e) => {
                        let text = match self.role().1.filter(|p| !p.is_empty()) {
                            Some(p) => format!("{p}: {e}"),
                            None => e,
                        };
                        return Err(fail(Why::Value, text, pos));
                    }
                };
                let plain =
                    (style == ScalarStyle::Plain && !value.is_string()).then(|| text.to_string());
                let cost = Cost {
                    text: text.len() + 1,
                    nodes: 1,
                    ..Cost::default()
                };
                self.charge(cost, pos)?;
                let len = if block {
                    self.src.extent(span, None)
                } else {
                    self.src.extent(span, Some(style))
                };
                let node = Node { value, cost, plain };
                self.leaf(node, anchor, span, len)?;
            }
            Event::Alias(id) => {
                self.events += 1;
                let Some(mut cost) = self.anchors.get(&id).map(|a| a.cost) else {
                    // an alias inside its own anchor: yaml_serde recurses until its limit
                    return Err(fail(Why::Deep, "recursion limit exceeded", pos));
                };
                cost.jumps += 1;
                if self.frames.len() + cost.height > MAX_NESTING {
                    return Err(fail(Why::Deep, "recursion limit exceeded", pos));
                }
                // refused above the caps before anything is copied
                self.charge(cost, pos)?;
                let anchored = &self.anchors[&id];
                let node = Node {
                    value: anchored.value.clone(),
                    cost,
                    plain: anchored.plain.clone(),
                };
                let len = self.src.extent(span, None);
                self.leaf(node, 0, span, len)?;
            }
            Event::SequenceStart(anchor, tag) => {
                self.events += 1;
                self.open(Items::Seq(Vec::new()), anchor, local(tag.as_deref()), span)?;
            }
            Event::MappingStart(anchor, tag) => {
                self.events += 1;
                let items = Items::Map(Mapping::new(), None);
                self.open(items, anchor, local(tag.as_deref()), span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.events += 1;
                self.close()?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Adds to the running totals; fails when they pass the caps.
    fn charge(&mut self, cost: Cost, pos: (usize, usize)) -> Result<(), Failure> {
        self.total.text += cost.text;
        self.total.nodes += cost.nodes;
        self.within_caps(self.total, pos)
    }

    fn within_caps(&self, cost: Cost, pos: (usize, usize)) -> Result<(), Failure> {
        if cost.text > self.caps.text || cost.nodes > self.caps.nodes {
            let text = format!(
                "with its aliases expanded, the file would hold more than {} bytes of text or {} values",
                self.caps.text, self.caps.nodes
            );
            return Err(fail(Why::Cost, text, pos));
        }
        Ok(())
    }

    /// Keeps a copy of an anchored node for its aliases. The copies count against
    /// the caps too: anchors nested in anchors, each kept whole, would otherwise
    /// make a small file take much memory without a single alias.
    fn remember(&mut self, anchor: usize, node: &Node, pos: (usize, usize)) -> Result<(), Failure> {
        if anchor == 0 {
            return Ok(());
        }
        self.kept.text += node.cost.text;
        self.kept.nodes += node.cost.nodes;
        self.within_caps(self.kept, pos)?;
        let copy = Node {
            value: node.value.clone(),
            cost: node.cost,
            plain: node.plain.clone(),
        };
        self.anchors.insert(anchor, copy);
        Ok(())
    }

    /// After the first document: yaml_serde gives up after so many alias jumps.
    fn repetitions(&mut self, pos: (usize, usize)) -> Result<(), Failure> {
        if self.total.jumps > self.events.max(1) * JUMPS_PER_EVENT {
            return Err(fail(Why::Deep, "repetition limit exceeded", pos));
        }
        Ok(())
    }

    /// Where the next node goes, and its field path.
    fn role(&self) -> (Role, Option<String>) {
        match self.frames.last() {
            None => (Role::Root, Some(String::new())),
            Some(f) => match &f.items {
                Items::Seq(items) => (
                    Role::Item { flow: f.flow },
                    f.path.as_ref().map(|p| format!("{p}[{}]", items.len())),
                ),
                Items::Map(_, None) => (Role::Key, None),
                Items::Map(_, Some((_, path))) => (Role::Value, path.clone()),
            },
        }
    }

    /// A scalar or an alias: placed by its role, then given to its parent.
    fn leaf(&mut self, node: Node, anchor: usize, span: Span, len: usize) -> Result<(), Failure> {
        let pos = at(span);
        let (role, path) = self.role();
        if let Some(p) = &path {
            if let Role::Item { flow } = role {
                let dash = (len == 0 && !flow)
                    .then(|| self.src.dash_before(span))
                    .flatten();
                let item = match dash {
                    Some(dash) => (dash, 1),
                    None => (pos, if flow { len.max(1) } else { 1 }),
                };
                self.places.push((p.clone(), item.0, item.1));
            }
            if len > 0 {
                self.places.push((format!("{p}#v"), pos, len));
            }
            if let Some(text) = &node.plain {
                self.out.plain.insert(p.clone(), text.clone());
            }
        }
        self.remember(anchor, &node, pos)?;
        self.attach(node, pos, Some(len))
    }

    fn open(
        &mut self,
        items: Items,
        anchor: usize,
        tag: Option<String>,
        span: Span,
    ) -> Result<(), Failure> {
        let pos = at(span);
        let (role, path) = self.role();
        if self.frames.len() + 1 > MAX_NESTING {
            return Err(fail(Why::Deep, "recursion limit exceeded", pos));
        }
        self.charge(
            Cost {
                text: 1,
                nodes: 1,
                ..Cost::default()
            },
            pos,
        )?;
        match (role, &path) {
            (Role::Item { .. }, Some(p)) => self.places.push((p.clone(), pos, 1)),
            (Role::Key, _) => self.odd_key(pos),
            _ => {}
        }
        let flow = self.src.is_flow(span);
        self.frames.push(Frame {
            items,
            path,
            tag,
            anchor,
            flow,
            column: span.end.col() as isize,
            cost: Cost {
                text: 1,
                nodes: 1,
                ..Cost::default()
            },
            start: pos,
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), Failure> {
        let Some(frame) = self.frames.pop() else {
            return Ok(());
        };
        let mut value = match frame.items {
            Items::Seq(items) => Value::Sequence(items),
            Items::Map(map, _) => Value::Mapping(map),
        };
        if let Some(tag) = &frame.tag {
            value = scalar::tagged(tag, value);
        }
        let mut cost = frame.cost;
        cost.height += 1;
        let node = Node {
            value,
            cost,
            plain: None,
        };
        self.remember(frame.anchor, &node, frame.start)?;
        self.attach(node, frame.start, None)
    }

    /// A key that is not text, at `pos`, in a mapping with a path.
    fn odd_key(&mut self, pos: (usize, usize)) {
        if let Some(p) = self.frames.last().and_then(|f| f.path.clone()) {
            self.out.odd_keys.push((p, pos));
        }
    }

    /// Gives a finished node that starts at `pos` to the collection it is in (or
    /// makes it the root); `len` is a scalar's or an alias's, `None` a collection's.
    fn attach(
        &mut self,
        node: Node,
        pos: (usize, usize),
        len: Option<usize>,
    ) -> Result<(), Failure> {
        let Some(frame) = self.frames.last_mut() else {
            self.total.jumps = node.cost.jumps;
            self.root = Some(node.value);
            return Ok(());
        };
        frame.cost.absorb(node.cost);
        let parent = frame.path.clone();
        match &mut frame.items {
            Items::Seq(items) => items.push(node.value),
            Items::Map(map, pending @ None) => {
                let child = match (&parent, &node.value) {
                    (Some(p), Value::String(k)) => Some(join(p, k)),
                    _ => None,
                };
                if map.contains_key(&node.value) {
                    return Err(duplicate(&node.value, child, parent.as_deref(), pos));
                }
                // a collection as a key was named odd when it opened
                match (&child, &parent, len) {
                    (Some(c), _, _) => self.places.push((c.clone(), pos, len.unwrap_or(1).max(1))),
                    (None, Some(p), Some(_)) => self.out.odd_keys.push((p.clone(), pos)),
                    _ => {}
                }
                *pending = Some((node.value, child));
            }
            Items::Map(map, pending @ Some(_)) => {
                if let Some((key, _)) = pending.take() {
                    map.insert(key, node.value);
                }
            }
        }
        Ok(())
    }

    /// The parser's error, placed (brackets nested past its limit are too deep), in
    /// its words for the problem; inside a `[ ]` or `{ }`, with where that starts
    /// (libyaml said "while parsing a flow sequence at …"): often the bracket that
    /// was never closed.
    fn syntax(&self, e: saphyr_parser::ScanError) -> Failure {
        let m = e.marker();
        let info = e.info();
        if info == "recursion limit exceeded" {
            return fail(Why::Deep, info, (m.line(), m.col() + 1));
        }
        // "while parsing a block mapping, did not find expected key": the problem
        let problem = match info.strip_prefix("while parsing ") {
            Some(rest) => rest.split_once(", ").map_or(info, |(_, p)| p),
            None => info,
        };
        // said of single quotes too
        let problem = match problem {
            "invalid trailing content after double-quoted scalar" => {
                "invalid trailing content after the closing quote"
            }
            p => p,
        };
        let text = match self.frames.iter().rev().find(|f| f.flow) {
            Some(f) => {
                let what = match f.items {
                    Items::Seq(_) => "`[ ]` list",
                    Items::Map(..) => "`{ }` mapping",
                };
                let (line, col) = f.start;
                format!("{problem}, in the {what} that starts at line {line} column {col}")
            }
            None => problem.to_string(),
        };
        fail(Why::Syntax, text, (m.line(), m.col() + 1))
    }
}

/// A key seen twice: yaml_serde's words, and the key's path when it is text.
fn duplicate(
    key: &Value,
    child: Option<String>,
    parent: Option<&str>,
    pos: (usize, usize),
) -> Failure {
    let what = match key {
        Value::Null => "with null key".to_string(),
        Value::Bool(b) => format!("with key `{b}`"),
        Value::Number(n) => format!("with key {n}"),
        Value::String(s) => format!("with key {s:?}"),
        _ => "in YAML map".to_string(),
    };
    let text = match parent {
        Some(p) if !p.is_empty() => format!("{p}: duplicate entry {what}"),
        _ => format!("duplicate entry {what}"),
    };
    Failure {
        why: Why::Duplicate,
        text,
        pos,
        key: match (child, key) {
            (Some(c), Value::String(k)) => Some((c, k.clone())),
            _ => None,
        },
    }
}
