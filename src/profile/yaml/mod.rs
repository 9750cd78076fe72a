//! Reading YAML text, once: one pass over saphyr-parser's events (each with its
//! span) builds the value, the same `serde_yaml::Value` yaml_serde would build, and
//! with it where every key, scalar and list item sits (field paths such as
//! `person.name` and `johari.peers[1][2]` → line:col and length), the text of plain
//! scalars YAML does not read as text (so `id: 1e3` stays `1e3`), and the keys that
//! are not text. Aliases are costed before they are expanded and refused above the
//! caps; a key seen twice, a second document and yaml_serde's nesting and repetition
//! limits fail the read at their place, and a syntax error is the parser's, placed.
//!
//! Profiles, ladder files and feedback files are read here; `tests/reader.rs` holds
//! the values equal to yaml_serde's on every YAML file of the repository and on
//! generated text.

mod build;
mod scalar;
mod source;

use crate::profile::locate::Locations;
use std::collections::HashMap;

/// The most a read may hold once aliases are expanded: text (in bytes, over all
/// scalars, keys included) and values (scalars and collections).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Bytes of text.
    pub text: usize,
    /// Values.
    pub nodes: usize,
}

impl Caps {
    /// A profile: no more text than the largest file, and 200,000 values.
    pub const PROFILE: Caps = Caps {
        text: super::MAX_BYTES,
        nodes: 200_000,
    };
    /// Any other file of up to 1 MiB (feedback, ladders): four times the text and a
    /// million values, more than such a file holds without aliases.
    pub const FILE: Caps = Caps {
        text: 4 * super::MAX_BYTES,
        nodes: 1_000_000,
    };
}

/// What a read gives.
#[derive(Debug, Default)]
pub struct Read {
    /// The document, as yaml_serde builds it (`Null` for an empty text).
    pub value: serde_yaml::Value,
    /// Where each key, scalar and list item sits.
    pub locations: Locations,
    /// Path → the text as written of each plain scalar YAML reads as something
    /// other than text (a number, a boolean, null): `id: 0x1F` → `0x1F`.
    pub plain: HashMap<String, String>,
    /// Keys that are not text, by the path of their mapping: (line, col).
    pub odd_keys: Vec<(String, (usize, usize))>,
}

/// Why a text could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The parser stopped (its words are the failure's text).
    Syntax,
    /// A second document (`---`) begins at the failure's place.
    Documents,
    /// A key appears twice in one mapping; the failure is at the second one.
    Duplicate,
    /// Collections nest, or aliases repeat, beyond yaml_serde's limits.
    Deep,
    /// A value its tag does not allow (`!!int x`), or an integer too wide.
    Value,
    /// The aliases would expand beyond the caps (refused before expanding).
    Cost,
}

/// A read that failed, at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong.
    pub why: Why,
    /// The parser's or yaml_serde's words for it (English).
    pub text: String,
    /// Line and column (1-based, in characters).
    pub pos: (usize, usize),
    /// For a duplicate key: its field path and the key itself, when it is text.
    pub key: Option<(String, String)>,
}

/// saphyr-parser's words for a tab after a key's colon before a word, which YAML
/// allows (a tab separates as a space does) and yaml_serde read.
const TAB_AFTER_COLON: &str = "':' must be followed by a valid YAML whitespace";
/// How many such tabs are read as spaces (each costs a pass) before the parser's
/// error stands.
const TAB_RETRIES: usize = 64;

/// Reads `text` (a leading byte-order mark is skipped).
pub fn read(text: &str, caps: &Caps) -> Result<Read, Failure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut spaced: Option<String> = None;
    for _ in 0..TAB_RETRIES {
        let t = spaced.as_deref().unwrap_or(text);
        match build::run(t, caps) {
            // the tabs between the colon and the value become spaces, one for one,
            // so every place stays where it is and the value is what YAML says
            Err(f) if f.why == Why::Syntax && f.text.starts_with(TAB_AFTER_COLON) => {
                match source::untab_before(t, f.pos) {
                    Some(fixed) => spaced = Some(fixed),
                    None => return Err(f),
                }
            }
            done => return done,
        }
    }
    build::run(spaced.as_deref().unwrap_or(text), caps)
}

#[cfg(test)]
mod tests;
