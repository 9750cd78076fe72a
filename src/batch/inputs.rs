//! A run's inputs: folders of profiles and rosters walked in one canonical order, each
//! employee's source handed out (only this shard's), counted before the run, and read
//! quickly for its name, id and language.

use super::feedback;
use super::roster;
use super::shard::Shard;
use crate::base::diag::Diagnostic;
use crate::base::term::Shown;
use crate::output;
use crate::profile::files::{collect_yaml, is_roster};
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// A failed item.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Where (file, or roster row).
    pub source: String,
    /// The first line of the error.
    pub reason: String,
}

/// Where one employee's profile comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A YAML profile file.
    File(PathBuf),
    /// A roster row.
    Row {
        /// The roster file.
        roster: PathBuf,
        /// The row.
        row: roster::Row,
    },
}

impl Source {
    /// How the source is named in messages: the file, or `roster.csv:row 12`.
    pub fn label(&self) -> String {
        match self {
            Source::File(p) => p.shown().to_string(),
            Source::Row { roster, row } => {
                crate::msg!("batch.row_label", file = roster.shown(), row = row.row)
            }
        }
    }
}

/// The inputs in canonical order: by their real paths, each once, whatever order the
/// arguments were given in (so that shards of one run always cover every item).
fn canonical_inputs(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut keyed: Vec<(PathBuf, PathBuf)> = inputs
        .iter()
        .map(|p| {
            (
                std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
                p.clone(),
            )
        })
        .collect();
    keyed.sort();
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// Walks every item of the inputs in canonical order — profile files of folders (by
/// path), then roster rows (by row) — numbering them all, and hands this shard's
/// items to `each` with their number. Roster-level problems become failures, placed
/// at the roster's position in that order. Nothing is kept but what `each` keeps.
pub fn walk(
    inputs: &[PathBuf],
    shard: Option<Shard>,
    notes: &mut Vec<String>,
    failures: &mut Vec<(usize, Failure)>,
    each: &mut dyn FnMut(usize, Source, Option<usize>),
) {
    walk_items(inputs, shard, notes, failures, &mut Visit::Give(each));
}

/// How many items [`walk`] gives this shard, found without reading any profile:
/// folders are listed and rosters read for their rows, which are not turned into
/// profiles. It is what the progress bar counts towards from the start.
pub fn count(inputs: &[PathBuf], shard: Option<Shard>) -> usize {
    let mut n = 0usize;
    let (mut notes, mut failures) = (Vec::new(), Vec::new());
    walk_items(
        inputs,
        shard,
        &mut notes,
        &mut failures,
        &mut Visit::Count(&mut n),
    );
    n
}

/// What [`walk_items`] does with each item of this shard: hand it on, or count it.
enum Visit<'a> {
    Give(&'a mut dyn FnMut(usize, Source, Option<usize>)),
    Count(&'a mut usize),
}

fn walk_items(
    inputs: &[PathBuf],
    shard: Option<Shard>,
    notes: &mut Vec<String>,
    failures: &mut Vec<(usize, Failure)>,
    visit: &mut Visit,
) {
    let mut w = Walker {
        shard,
        counting: matches!(visit, Visit::Count(_)),
        visit,
        notes,
        failures,
        index: 0,
        firsts: HashMap::new(),
        earlier: None,
        seen_files: std::collections::HashSet::new(),
    };
    for input in canonical_inputs(inputs) {
        if input.is_dir() {
            w.folder(&input);
        } else if is_roster(&input) {
            w.roster(&input);
        } else if matches!(
            input
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("xls" | "xlsb" | "ods" | "numbers" | "et")
        ) {
            w.failures.push((
                w.index,
                Failure {
                    source: input.shown().to_string(),
                    reason: crate::msg!("batch.sheet_format"),
                },
            ));
        } else {
            w.file(input.clone());
        }
    }
}

/// One walk over the inputs: the items numbered in canonical order, this shard's
/// handed on (or counted).
struct Walker<'a, 'v> {
    shard: Option<Shard>,
    counting: bool,
    visit: &'a mut Visit<'v>,
    notes: &'a mut Vec<String>,
    failures: &'a mut Vec<(usize, Failure)>,
    /// The next item's number.
    index: usize,
    /// In a sharded run, the first item of every output name over the whole input
    /// (other shards' items included), so that colliding names are decided the same
    /// way in every shard. Only a hash and an index are kept per name.
    firsts: HashMap<u64, usize>,
    /// The earlier item of the current item's output name, if any.
    earlier: Option<usize>,
    /// Profile files already numbered (a file given twice counts once).
    seen_files: std::collections::HashSet<PathBuf>,
}

impl Walker<'_, '_> {
    /// Hands on (or counts) the item `index` of this shard.
    fn each(&mut self, index: usize, src: &dyn Fn() -> Source) {
        match self.visit {
            Visit::Give(f) => f(index, src(), self.earlier),
            Visit::Count(n) => **n += 1,
        }
    }

    /// Notes the output name of the item `index`, in a sharded run.
    fn note_stem(&mut self, stem: Option<String>, index: usize) {
        self.earlier = None;
        if let Some(stem) = stem {
            let first = *self
                .firsts
                .entry(crate::base::hash::fnv(&stem.to_lowercase()))
                .or_insert(index);
            if first != index {
                self.earlier = Some(first);
            }
        }
    }

    /// A profile file: numbered once, however often it is given.
    fn file(&mut self, f: PathBuf) {
        let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
        if self.shard.is_some() && !self.counting && !self.seen_files.contains(&key) {
            self.note_stem(file_stem_of(&f), self.index);
        }
        if !self.seen_files.insert(key) {
            return;
        }
        if self.shard.is_none_or(|s| s.takes(self.index)) {
            let src = Source::File(f);
            self.each(self.index, &|| src.clone());
        }
        self.index += 1;
    }

    /// Every profile of a folder.
    fn folder(&mut self, input: &Path) {
        let mut files = Vec::new();
        collect_yaml(input, &mut files, self.notes);
        if files.is_empty() {
            self.notes
                .push(crate::msg!("batch.no_yaml", dir = input.shown()));
        }
        for f in files {
            self.file(f);
        }
    }

    /// Every row of a roster; a row with an oversized cell fails alone, and a roster
    /// that cannot be read fails as one item.
    fn roster(&mut self, input: &Path) {
        let at = self.index;
        let mut oversized: Vec<(usize, Failure)> = Vec::new();
        let read = roster::read(input, &mut |header, t| {
            if let Some(c) = t.oversized {
                // that row alone fails; the roster goes on
                oversized.push((self.index, oversized_row(input, t.row, c)));
                self.index += 1;
                return ControlFlow::Continue(());
            }
            if self.shard.is_some() && !self.counting {
                let stem = stem_of_value(&header.row(&t).value, None);
                self.note_stem(Some(stem), self.index);
            }
            if self.shard.is_none_or(|s| s.takes(self.index)) {
                let src = || Source::Row {
                    roster: input.to_path_buf(),
                    row: header.row(&t),
                };
                self.each(self.index, &src);
            }
            self.index += 1;
            ControlFlow::Continue(())
        });
        let shard = self.shard;
        self.failures.extend(
            oversized
                .into_iter()
                .filter(|(i, _)| shard.is_none_or(|s| s.takes(*i))),
        );
        match read {
            Ok(info) => {
                if self.index == at {
                    self.notes
                        .push(crate::msg!("batch.roster_empty", path = input.shown()));
                }
                if !info.ignored.is_empty() {
                    self.notes.push(crate::msg!(
                        "batch.ignored_columns",
                        path = input.shown(),
                        cols = info.ignored.join(", ")
                    ));
                }
            }
            Err(e) => self.failures.push((
                at,
                Failure {
                    source: match e.row {
                        Some(r) => crate::msg!("batch.row_label", file = input.shown(), row = r),
                        None => input.shown().to_string(),
                    },
                    reason: e.message,
                },
            )),
        }
    }
}

/// The failure of a roster row with a cell over the limit.
fn oversized_row(input: &Path, row: usize, col: usize) -> Failure {
    Failure {
        source: crate::msg!("batch.row_label", file = input.shown(), row = row),
        reason: crate::msg!(
            "batch.cell_long",
            col = crate::tables::column_letters(col),
            max = crate::tables::MAX_CELL
        ),
    }
}

/// A profile as YAML, with its plain scalars as written, read quickly (no checks).
type Quick = (serde_yaml::Value, Option<HashMap<String, String>>);

fn quick_value(src: &Source) -> Option<Quick> {
    match src {
        Source::Row { row, .. } => Some((row.value.clone(), None)),
        Source::File(path) => {
            let bytes = crate::profile::files::read_file(path).ok()?;
            let text = std::str::from_utf8(&bytes).ok()?;
            let read =
                crate::profile::yaml::read(text, &crate::profile::yaml::Caps::PROFILE).ok()?;
            Some((read.value, Some(read.plain)))
        }
    }
}

/// `person.<key>` as text, as written where the YAML text is known (`id: 0x1F`).
fn person_text(
    v: &serde_yaml::Value,
    plain: Option<&HashMap<String, String>>,
    key: &str,
) -> Option<String> {
    let x = v.get("person")?.get(key)?;
    if let Some(raw) = plain.and_then(|p| p.get(&format!("person.{key}"))) {
        if !x.is_string() {
            return Some(raw.clone());
        }
    }
    match x {
        serde_yaml::Value::String(s) => Some(s.trim().to_string()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// The output name a profile would get (from `person.id`, else the name).
fn stem_of_value(v: &serde_yaml::Value, plain: Option<&HashMap<String, String>>) -> String {
    output::file_stem(
        person_text(v, plain, "id").as_deref(),
        &person_text(v, plain, "name").unwrap_or_default(),
    )
}

/// The name and id of a source, read quickly (for the feedback sheets).
pub fn name_and_id(src: &Source) -> Option<(String, Option<String>)> {
    let (v, plain) = quick_value(src)?;
    Some((
        person_text(&v, plain.as_ref(), "name")?,
        person_text(&v, plain.as_ref(), "id"),
    ))
}

/// The language a source asks for (`locale:`, or a roster's language column), read
/// quickly (for the feedback sheets); `None` when it names none we know.
pub fn locale_of(src: &Source) -> Option<crate::base::locale::Locale> {
    let (v, _) = quick_value(src)?;
    crate::base::locale::Locale::parse(v.get("locale")?.as_str()?)
}

/// The employees of a run's inputs (ids and names, read quickly), for finding and
/// matching the colleague of each feedback row.
pub fn employees_of(inputs: &[PathBuf]) -> feedback::Employees {
    let mut e = feedback::Employees::default();
    let (mut notes, mut failures) = (Vec::new(), Vec::new());
    walk(inputs, None, &mut notes, &mut failures, &mut |_, src, _| {
        if let Some((name, id)) = name_and_id(&src) {
            e.add(id.as_deref(), &name);
        }
    });
    e
}

/// The output name of a profile file, read quickly; `None` when it does not parse
/// (it then fails in its own shard).
fn file_stem_of(path: &Path) -> Option<String> {
    let (v, plain) = quick_value(&Source::File(path.to_path_buf()))?;
    Some(stem_of_value(&v, plain.as_ref()))
}

pub(super) fn render_row_error(roster: &Path, row: &roster::Row, diags: &[Diagnostic]) -> String {
    let mut s = String::new();
    for d in diags {
        let column = row
            .columns
            .iter()
            .find(|(f, _)| d.path == *f || d.path.starts_with(&format!("{f}.")))
            .map(|(_, h)| h.clone());
        s.push_str(&crate::msg!(
            "batch.row_error",
            text = d.message,
            place = crate::msg!("batch.row_label", file = roster.shown(), row = row.row)
        ));
        if let Some(c) = column {
            s.push_str(&crate::msg!("batch.row_error.column", col = c));
        } else if !d.path.is_empty() {
            s.push_str(&crate::msg!("batch.row_error.field", field = d.path));
        }
        s.push('\n');
        if let Some(h) = &d.help {
            s.push_str(&crate::msg!("batch.row_error.help", text = h));
        }
    }
    s
}

/// Runs a batch: every item of this shard, in parallel chunks, in canonical order
/// for everything that decides an outcome. Never stops on a bad item.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_before_a_run_is_what_the_run_gives() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let inputs = vec![
            fixtures.join("batch/profiles"),
            fixtures.join("batch/roster-utf8.csv"),
            fixtures.join("rosters/roster-bad-byte.csv"),
            fixtures.join("batch/roster-utf8.csv"),
        ];
        for shard in [None, Some(Shard { k: 1, n: 1 }), Some(Shard { k: 2, n: 3 })] {
            let mut given = 0;
            let (mut notes, mut failures) = (Vec::new(), Vec::new());
            walk(&inputs, shard, &mut notes, &mut failures, &mut |_, _, _| {
                given += 1
            });
            assert!(given >= 3, "{shard:?}: {given}");
            assert_eq!(count(&inputs, shard), given, "{shard:?}");
        }
    }
}
