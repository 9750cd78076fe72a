//! Loading a profile: guards before parsing, one YAML reading that gives the value
//! and the places of its fields ([`yaml`]), a structural check of every key against
//! the schema (so all problems are reported together), then validation into
//! [`crate::profile::model::Profile`].

pub mod catalog;
pub mod editor_schema;
pub mod files;
mod freetext;
pub mod ladder;
mod lint;
pub mod locate;
pub mod model;
pub mod previous;
pub mod raw;
mod repair;
pub mod starter;
mod typing;
mod validate;
pub mod yaml;

use crate::base::diag::{line_col, Diagnostic};
use crate::profile::ladder::Ladders;
use crate::profile::model::{Date, Profile};
use locate::Locations;

/// Largest profile accepted, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Deepest nesting accepted (profiles need 4).
pub const MAX_DEPTH: usize = 32;

/// Settings that validation needs from outside the file.
#[derive(Debug, Clone)]
pub struct LoadOptions<'a> {
    /// Known ladders.
    pub ladders: &'a Ladders,
    /// Today's date (birth years in the future are rejected).
    pub today: Date,
}

/// A profile that failed to load: every problem found, in source order.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// The problems.
    pub diagnostics: Vec<Diagnostic>,
    /// The source text (for showing lines), when it was readable text.
    pub source: Option<String>,
}

impl LoadError {
    fn one(d: Diagnostic, source: Option<&str>) -> LoadError {
        LoadError {
            diagnostics: vec![d],
            source: source.map(str::to_string),
        }
    }

    /// Renders every diagnostic for `file`.
    pub fn render(&self, file: &str) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(file, self.source.as_deref()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Loads a profile from raw bytes.
pub fn load_bytes(bytes: &[u8], opts: &LoadOptions) -> Result<Profile, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::one(
            Diagnostic::new(crate::msg!(
                "load.too_big",
                bytes = bytes.len(),
                max = MAX_BYTES
            ))
            .help(crate::msg!("load.too_big.help")),
            None,
        ));
    }
    if bytes.iter().take(8192).filter(|b| **b == 0).count() > 0 {
        return Err(LoadError::one(
            Diagnostic::new(crate::msg!("load.binary")).help(crate::msg!("load.binary.help")),
            None,
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let (line, col) = line_col(std::str::from_utf8(valid).unwrap_or(""), valid.len());
            let looks_gbk = bytes.iter().any(|b| *b >= 0x81);
            return Err(LoadError::one(
                Diagnostic::new(crate::msg!("load.not_utf8"))
                    .at(Some((line, col)), 1)
                    .help(if looks_gbk {
                        crate::msg!("load.not_utf8.gbk")
                    } else {
                        crate::msg!("load.not_utf8.help")
                    }),
                None,
            ));
        }
    };
    load_str(text, opts)
}

/// Loads a profile from text. When it fails, the mistakes people typing on a
/// Chinese keyboard make (full-width colons, spaces and commas, tabs) are named in
/// the message language, in place of what the parser made of them.
pub fn load_str(text: &str, opts: &LoadOptions) -> Result<Profile, LoadError> {
    load_text(text, opts).map_err(|mut e| {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let findings = typing::scan(text, crate::base::lang::current());
        let others = if findings.iter().any(|f| f.kind == typing::Kind::Structure) {
            // what the parser made of a broken structure cannot be trusted: the rest
            // is what the file, mended, says
            let (mended, edits) = typing::mend(text, &findings);
            match load_text(&mended, opts) {
                Ok(_) => Vec::new(),
                Err(m) => m
                    .diagnostics
                    .into_iter()
                    .map(|d| typing::place_back(d, &edits))
                    .collect(),
            }
        } else {
            std::mem::take(&mut e.diagnostics)
        };
        e.diagnostics = typing::merge(findings, others);
        e
    })
}

fn load_text(text: &str, opts: &LoadOptions) -> Result<Profile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load_placed(text, opts).map_err(|mut e| {
        for d in &mut e.diagnostics {
            within(d, text);
        }
        e
    })
}

/// Keeps a diagnostic's place inside `text`: the parser places an error at the end
/// of input on a line after the last one.
fn within(d: &mut Diagnostic, text: &str) {
    let Some((line, col)) = d.pos else { return };
    let lines: Vec<&str> = text.split('\n').collect();
    let line = line.clamp(1, lines.len());
    let end = lines[line - 1].chars().count() + 1;
    d.pos = Some((line, col.clamp(1, end)));
}

fn load_placed(text: &str, opts: &LoadOptions) -> Result<Profile, LoadError> {
    let fail = |d: Diagnostic| Err(LoadError::one(d, Some(text)));
    if let Some(d) = prescan(text) {
        return fail(d);
    }
    if text
        .trim()
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return fail(
            Diagnostic::new(crate::msg!("load.empty"))
                .at(Some((1, 1)), 1)
                .help(crate::msg!("load.empty.help")),
        );
    }
    let read = match yaml::read(text, &yaml::Caps::PROFILE) {
        Ok(r) => r,
        Err(f) => return fail(unread(f)),
    };
    let mut value = read.value;
    lint::restore_text(&mut value, &read.plain);
    check_value(value, &read.locations, opts).map_err(|diagnostics| LoadError {
        diagnostics: diagnostics
            .into_iter()
            .map(|d| place_unplaced(d, &read.locations, &read.odd_keys))
            .collect(),
        source: Some(text.to_string()),
    })
}

/// What a failed read says: the parser's words for a syntax error, the key for a
/// duplicate, the caps for aliases that would expand too far.
fn unread(f: yaml::Failure) -> Diagnostic {
    use yaml::Why;
    if f.why == Why::Cost {
        return Diagnostic::new(crate::msg!(
            "load.alias_cost",
            kib = yaml::Caps::PROFILE.text / 1024,
            values = yaml::Caps::PROFILE.nodes
        ))
        .at(Some(f.pos), 1)
        .help(crate::msg!("load.alias_cost.help"));
    }
    if let (Why::Duplicate, Some((path, key))) = (f.why, &f.key) {
        let mut d = Diagnostic::new(crate::msg!("load.dup_key", key = key))
            .at(Some(f.pos), key.chars().count().max(1))
            .help(help(Why::Duplicate));
        d.path = path.clone();
        return d;
    }
    Diagnostic::new(crate::msg!("yaml.syntax", text = f.text))
        .at(Some(f.pos), 1)
        .help(help(f.why))
}

fn help(why: yaml::Why) -> String {
    use yaml::Why;
    let key = match why {
        Why::Documents => "yaml.help.documents",
        Why::Duplicate => "yaml.help.duplicate",
        Why::Deep => "yaml.help.deep",
        _ => "yaml.help.other",
    };
    crate::base::messages::fill(crate::base::lang::current(), key, &[])
}

/// Gives a place to a diagnostic about a file that has none yet: a key that is not
/// text where the reader saw it, else the nearest enclosing field, else line 1.
fn place_unplaced(
    d: Diagnostic,
    locs: &Locations,
    odd_keys: &[(String, (usize, usize))],
) -> Diagnostic {
    if d.code == "key_not_text" {
        if let Some((_, pos)) = odd_keys.iter().find(|(p, _)| *p == d.path) {
            return d.at(Some(*pos), 1);
        }
    }
    if d.pos.is_some() {
        return d;
    }
    match locs.find(&d.path) {
        Some((pos, len)) => d.at(Some(pos), len),
        None => d.at(Some((1, 1)), 1),
    }
}

/// Checks and validates an already-built YAML value (e.g. a roster row): the same
/// schema check and validation as a file, with field paths but no positions.
pub fn load_value(
    value: serde_yaml::Value,
    opts: &LoadOptions,
) -> Result<Profile, Vec<Diagnostic>> {
    check_value(value, &Locations::default(), opts)
}

fn check_value(
    value: serde_yaml::Value,
    locs: &Locations,
    opts: &LoadOptions,
) -> Result<Profile, Vec<Diagnostic>> {
    let mut value = value;
    let found = lint::check(&value, locs);
    let mut diags = found.diagnostics;
    // a root that is not a mapping, or keys that are not text: nothing below can be
    // read, so that is all there is to say
    if found.fixes.len() < diags.len() {
        diags.sort_by_key(|d| d.pos);
        return Err(diags);
    }
    // every other structural problem is taken out of the way (an unknown key left
    // out, a wrong value emptied) and the rest validated too, so that one pass
    // reports everything; validation says nothing more where the check has spoken
    repair::apply(&mut value, &found.fixes);
    let checked = serde_yaml::from_value::<raw::RawProfile>(value)
        .map_err(|e| vec![yaml_error(&e)])
        .and_then(|raw| validate::validate(raw, locs, opts));
    match checked {
        Ok(p) if diags.is_empty() => Ok(p),
        Ok(_) => {
            diags.sort_by_key(|d| d.pos);
            Err(diags)
        }
        Err(more) => {
            diags.extend(more.into_iter().filter(|d| !repair::owned(d, &found.fixes)));
            diags.sort_by_key(|d| d.pos);
            Err(diags)
        }
    }
}

/// A value that does not fit the profile's types (what the structure check let
/// through), in serde's words.
fn yaml_error(e: &serde_yaml::Error) -> Diagnostic {
    let msg = e.to_string();
    // serde_yaml appends " at line L column C"; we show the position ourselves.
    let msg = match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let pos = e.location().map(|l| (l.line(), l.column()));
    Diagnostic::new(crate::msg!("yaml.syntax", text = msg))
        .at(pos, 1)
        .help(help(yaml::Why::Syntax))
}

/// Rejects inputs that would make the parser slow before parsing them: deep flow
/// nesting (`[[[[…`), deep indentation, and many aliases (billion laughs).
fn prescan(text: &str) -> Option<Diagnostic> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut aliases = 0usize;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) => {
                if c == q && prev != '\\' {
                    quote = None;
                }
                if c == '\n' && q == '\'' {
                    // unterminated single quotes are the parser's to report
                }
            }
            None => match c {
                '"' | '\'' if matches!(prev, ' ' | '[' | '{' | ',' | ':' | '\n' | '-') => {
                    quote = Some(c)
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        let (l, col) = line_col(text, i);
                        return Some(
                            Diagnostic::new(crate::msg!("load.brackets_deep", max = MAX_DEPTH))
                                .at(Some((l, col)), 1)
                                .help(crate::msg!("load.brackets_deep.help")),
                        );
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                '*' if matches!(prev, ' ' | '[' | ',' | ':') => aliases += 1,
                _ => {}
            },
        }
        prev = c;
    }
    if aliases > 64 {
        return Some(
            Diagnostic::new(crate::msg!("load.aliases", count = aliases))
                .help(crate::msg!("load.aliases.help")),
        );
    }
    let mut levels: Vec<usize> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start_matches(' ');
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = line.len() - t.len();
        while levels.last().is_some_and(|l| *l > ind) {
            levels.pop();
        }
        if levels.last() != Some(&ind) {
            levels.push(ind);
        }
        // "- - - x" nests without indentation
        let dashes = t.split_inclusive("- ").take_while(|p| *p == "- ").count();
        if levels.len() + dashes > MAX_DEPTH {
            return Some(
                Diagnostic::new(crate::msg!("load.nested_deep", max = MAX_DEPTH))
                    .at(Some((n + 1, ind + 1)), 1)
                    .help(crate::msg!("load.nested_deep.help")),
            );
        }
    }
    None
}
