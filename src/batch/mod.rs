//! HR batch runs: folders of profiles and rosters in, one workbook per employee out,
//! in parallel, with anonymous peer feedback merged in, per-item failures reported and
//! counted (never stopping the rest), shards for spreading a run over machines, and an
//! overview for HR.

pub mod counts_file;
pub mod feedback;
pub mod overview;
mod overview_chart;
pub mod roster;
pub mod suppress;

pub mod tally;

use crate::analysis::{Leaning, Position};
use crate::base::diag::Diagnostic;
use crate::base::term::Shown;
use crate::output;
use crate::profile::files::{collect_yaml, is_roster};
use crate::profile::model::Profile;
use crate::render::engine::{Engine, Format};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

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

/// `--shard K/N`: the K-th (1-based) of N deterministic slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, 1..=N.
    pub k: usize,
    /// How many slices.
    pub n: usize,
}

impl Shard {
    /// Parses `K/N`, or `auto/N` with K from the job engine's environment.
    pub fn parse(s: &str) -> Result<Shard, String> {
        Shard::parse_with(s, &|v| std::env::var(v).ok())
    }

    /// Parses `K/N` or `auto/N`, reading the environment through `env`.
    pub fn parse_with(s: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| crate::msg!("arg.shard", text = s))?;
        let n: usize = n
            .trim()
            .parse()
            .map_err(|_| crate::msg!("arg.shard.n", text = s))?;
        let k: usize = if k.trim().eq_ignore_ascii_case("auto") {
            let (k, _) =
                Shard::from_engine(env).ok_or_else(|| crate::msg!("arg.shard.auto", text = s))?;
            k
        } else {
            k.trim()
                .parse()
                .map_err(|_| crate::msg!("arg.shard.k", text = s))?
        };
        if n == 0 || k == 0 || k > n {
            return Err(crate::msg!("arg.shard.range", text = s, k = k, n = n));
        }
        Ok(Shard { k, n })
    }

    /// K (1-based) from the job engines' variables, in order: `CAREERBOOK_SHARD_INDEX`
    /// (0-based), Kubernetes Indexed Jobs' `JOB_COMPLETION_INDEX` (0-based), Slurm
    /// arrays' `SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`, GNU parallel's
    /// `PARALLEL_SEQ` (1-based); with the variable that gave it.
    pub fn from_engine(env: &dyn Fn(&str) -> Option<String>) -> Option<(usize, &'static str)> {
        let num = |v: &str| env(v).and_then(|x| x.trim().parse::<usize>().ok());
        if let Some(i) = num("CAREERBOOK_SHARD_INDEX") {
            return Some((i + 1, "CAREERBOOK_SHARD_INDEX"));
        }
        if let Some(i) = num("JOB_COMPLETION_INDEX") {
            return Some((i + 1, "JOB_COMPLETION_INDEX"));
        }
        if let Some(i) = num("SLURM_ARRAY_TASK_ID") {
            let min = num("SLURM_ARRAY_TASK_MIN").unwrap_or(0);
            return i.checked_sub(min).map(|k| (k + 1, "SLURM_ARRAY_TASK_ID"));
        }
        num("PARALLEL_SEQ")
            .filter(|k| *k > 0)
            .map(|k| (k, "PARALLEL_SEQ"))
    }

    /// Whether the item at `index` (in the canonical order of all items) is ours.
    pub fn takes(&self, index: usize) -> bool {
        index % self.n == self.k - 1
    }
}

/// Settings of a batch run besides the engine.
pub struct BatchOptions {
    /// Output formats.
    pub formats: Vec<Format>,
    /// Output folder.
    pub out: PathBuf,
    /// Peer feedback, merged by subject id.
    pub feedback: feedback::Feedback,
    /// Last cycle's profiles, by person.id.
    pub previous: Option<crate::profile::previous::Index>,
    /// Slice of the work to do.
    pub shard: Option<Shard>,
    /// Skip employees whose output files all exist.
    pub skip_existing: bool,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
    /// Print per-item errors (always) and per-file notes (unless quiet).
    pub quiet: bool,
    /// Keep the overview's lists of people (`--named`, or a shard's counts).
    pub named: bool,
}

/// What happened to one employee (kept small: no documents are held).
#[derive(Debug, Clone)]
pub struct Summary {
    /// Canonical position in the run.
    pub index: usize,
    /// Rung id.
    pub level_id: Option<String>,
    /// Employee id (or the file stem).
    pub id: String,
    /// Name.
    pub name: String,
    /// Department ("" when unknown).
    pub department: String,
    /// Ladder id.
    pub track: Option<String>,
    /// Rung title in the workbook's language (or id).
    pub level: Option<String>,
    /// Ladder position.
    pub position: Option<Position>,
    /// Top needs ids.
    pub top_needs: Vec<&'static str>,
    /// Next needs ids.
    pub next_needs: Vec<&'static str>,
    /// Needs lean against the chosen ladder.
    pub mismatch: Option<Leaning>,
    /// Blind-spot adjective ids.
    pub blind: Vec<&'static str>,
    /// Number of peers who answered.
    pub raters: usize,
    /// Whether that was enough.
    pub enough_raters: bool,
    /// Whether rendering was skipped (`--skip-existing`).
    pub skipped: bool,
    /// Readiness for the next rung by the manager's marks: `Some(true)` when every
    /// standard of the next rung is marked met, `Some(false)` when not (or unmarked),
    /// `None` without a next rung with standards.
    pub ready: Option<bool>,
    /// Whether last cycle's profile was found and compared.
    pub with_previous: bool,
    /// This cycle's progress (counts only are used).
    pub progress: crate::analysis::progress::StatusCounts,
    /// Actions past due and open.
    pub overdue: usize,
    /// Reviews held and due.
    pub reviews: (usize, usize),
    /// Traits moved from blind to open since last cycle.
    pub blind_to_open: usize,
}

/// A failed item.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Where (file, or roster row).
    pub source: String,
    /// The first line of the error.
    pub reason: String,
}

/// Totals of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Inputs of this shard: its items, and the rosters or files that failed whole.
    pub total: usize,
    /// Items rendered (or skipped as existing) without error.
    pub ok: usize,
    /// Of those, the workbooks compared with last cycle's profile.
    pub with_previous: usize,
    /// The overview's counts, added up as the workbooks are done (no summary per
    /// employee is kept, so memory stays flat however many there are).
    pub tally: tally::Tally,
    /// Items that failed.
    pub failures: Vec<Failure>,
    /// Items skipped because their outputs existed.
    pub skipped: usize,
    /// Files written.
    pub written: usize,
    /// Notes about the inputs (ignored columns, links not followed, empty folders).
    pub notes: Vec<String>,
    /// Feedback answers whose subject is not among this run's employees: (answers,
    /// subjects). Counted, never named by rater.
    pub feedback_unmatched: (usize, usize),
    /// The item failures with their canonical position.
    pub indexed_failures: Vec<(usize, Failure)>,
    /// What became of each feedback file (counts only).
    pub feedback: Vec<feedback::report::FileCounts>,
}

/// Items handed to the workers at a time: enough to keep every core busy, few
/// enough that memory stays flat however long the roster is.
const CHUNK: usize = 512;

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

/// Called with each item's number, a maker of its source (not called when counting)
/// and the earlier item of the same output name.
type Each<'a> = dyn FnMut(usize, &dyn Fn() -> Source, Option<usize>) + 'a;

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
    let counting = matches!(visit, Visit::Count(_));
    let mut each = |index: usize, src: &dyn Fn() -> Source, earlier: Option<usize>| match visit {
        Visit::Give(f) => f(index, src(), earlier),
        Visit::Count(n) => **n += 1,
    };
    let mut index = 0usize;
    // In a sharded run, the first item of every output name over the whole input
    // (other shards' items included), so that colliding names are decided the same
    // way in every shard. Only a hash and an index are kept per name.
    let mut firsts: HashMap<u64, usize> = HashMap::new();
    let mut earlier: Option<usize> = None;
    let mut note_stem = |stem: Option<String>, index: usize, earlier: &mut Option<usize>| {
        *earlier = None;
        if let Some(stem) = stem {
            let first = *firsts
                .entry(crate::base::hash::fnv(&stem.to_lowercase()))
                .or_insert(index);
            if first != index {
                *earlier = Some(first);
            }
        }
    };
    let mut seen_files: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let give = |key: PathBuf,
                src: Source,
                index: &mut usize,
                seen: &mut std::collections::HashSet<PathBuf>,
                earlier: Option<usize>,
                each: &mut Each| {
        if !seen.insert(key) {
            return;
        }
        if shard.is_none_or(|s| s.takes(*index)) {
            each(*index, &|| src.clone(), earlier);
        }
        *index += 1;
    };
    for input in canonical_inputs(inputs) {
        if input.is_dir() {
            let mut files = Vec::new();
            collect_yaml(&input, &mut files, notes);
            if files.is_empty() {
                notes.push(crate::msg!("batch.no_yaml", dir = input.shown()));
            }
            for f in files {
                let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
                if shard.is_some() && !counting && !seen_files.contains(&key) {
                    note_stem(file_stem_of(&f), index, &mut earlier);
                }
                give(
                    key,
                    Source::File(f),
                    &mut index,
                    &mut seen_files,
                    earlier,
                    &mut each,
                );
            }
        } else if is_roster(&input) {
            let at = index;
            let mut oversized: Vec<(usize, Failure)> = Vec::new();
            let read = roster::read(&input, &mut |header, t| {
                if let Some(c) = t.oversized {
                    // that row alone fails; the roster goes on
                    oversized.push((
                        index,
                        Failure {
                            source: crate::msg!(
                                "batch.row_label",
                                file = input.shown(),
                                row = t.row
                            ),
                            reason: crate::msg!(
                                "batch.cell_long",
                                col = crate::tables::column_letters(c),
                                max = crate::tables::MAX_CELL
                            ),
                        },
                    ));
                    index += 1;
                    return ControlFlow::Continue(());
                }
                if shard.is_some() && !counting {
                    note_stem(
                        Some(stem_of_value(&header.row(&t).value, None)),
                        index,
                        &mut earlier,
                    );
                }
                if shard.is_none_or(|s| s.takes(index)) {
                    let src = || Source::Row {
                        roster: input.clone(),
                        row: header.row(&t),
                    };
                    each(index, &src, earlier);
                }
                index += 1;
                ControlFlow::Continue(())
            });
            failures.extend(
                oversized
                    .into_iter()
                    .filter(|(i, _)| shard.is_none_or(|s| s.takes(*i))),
            );
            match read {
                Ok(info) => {
                    if index == at {
                        notes.push(crate::msg!("batch.roster_empty", path = input.shown()));
                    }
                    if !info.ignored.is_empty() {
                        notes.push(crate::msg!(
                            "batch.ignored_columns",
                            path = input.shown(),
                            cols = info.ignored.join(", ")
                        ));
                    }
                }
                Err(e) => failures.push((
                    at,
                    Failure {
                        source: match e.row {
                            Some(r) => {
                                crate::msg!("batch.row_label", file = input.shown(), row = r)
                            }
                            None => input.shown().to_string(),
                        },
                        reason: e.message,
                    },
                )),
            }
        } else if matches!(
            input
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("xls" | "xlsb" | "ods" | "numbers" | "et")
        ) {
            failures.push((
                index,
                Failure {
                    source: input.shown().to_string(),
                    reason: crate::msg!("batch.sheet_format"),
                },
            ));
        } else {
            let key = std::fs::canonicalize(&input).unwrap_or_else(|_| input.clone());
            if shard.is_some() && !counting && !seen_files.contains(&key) {
                note_stem(file_stem_of(&input), index, &mut earlier);
            }
            give(
                key,
                Source::File(input.clone()),
                &mut index,
                &mut seen_files,
                earlier,
                &mut each,
            );
        }
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
            let v: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
            Some((v, Some(crate::profile::plain_scalars(text))))
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

fn render_row_error(roster: &Path, row: &roster::Row, diags: &[Diagnostic]) -> String {
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
pub fn run(
    engine: &Engine,
    inputs: &[PathBuf],
    opts: &BatchOptions,
    log: &(dyn Fn(&str) + Sync),
) -> Report {
    let bar = if opts.progress && !opts.quiet {
        // the whole run from the start, so that the bar and its time left are true
        let pb = indicatif::ProgressBar::new(count(inputs, opts.shard) as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                // `per_sec:0`: the rate rounded to a whole number per second
                crate::base::messages::text(crate::base::lang::current(), "batch.progress"),
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb.set_prefix("careerbook batch");
        Some(pb)
    } else {
        None
    };
    let print = |msg: &str| match &bar {
        Some(pb) => pb.suspend(|| log(msg)),
        None => log(msg),
    };
    let mut state = RunState {
        tally: tally::Tally::new(&engine.today.iso(), opts.shard.map(|s| (s.k, s.n))),
        ..RunState::default()
    };
    let mut notes = Vec::new();
    let mut walk_failures = Vec::new();
    let mut chunk: Vec<(usize, Source, Option<usize>)> = Vec::with_capacity(CHUNK);
    walk(
        inputs,
        opts.shard,
        &mut notes,
        &mut walk_failures,
        &mut |i, src, earlier| {
            chunk.push((i, src, earlier));
            if chunk.len() >= CHUNK {
                process(engine, &mut chunk, opts, &mut state, &print, bar.as_ref());
            }
        },
    );
    process(engine, &mut chunk, opts, &mut state, &print, bar.as_ref());
    if let Some(pb) = &bar {
        pb.finish_and_clear();
    }
    if !opts.quiet {
        for n in &notes {
            log(&crate::msg!("p.note", text = n));
        }
    }
    let walk_failed = walk_failures.len();
    let mut failures = walk_failures;
    failures.append(&mut state.failures);
    failures.sort_by_key(|(i, _)| *i);
    let mut report = Report {
        // every input counts: an item, or a roster or file that failed as a whole
        total: state.total + walk_failed,
        ok: state.ok,
        with_previous: state.with_previous,
        failures: failures.iter().map(|(_, f)| f.clone()).collect(),
        indexed_failures: failures,
        feedback: opts.feedback.files.iter().map(|f| f.counts()).collect(),
        skipped: state.skipped,
        written: state.written,
        notes,
        ..Report::default()
    };
    report.feedback_unmatched = opts.feedback.unmatched();
    report.tally = std::mem::take(&mut state.tally).finish(&report);
    report
}

/// What a run has gathered so far.
#[derive(Default)]
struct RunState {
    total: usize,
    ok: usize,
    with_previous: usize,
    tally: tally::Tally,
    failures: Vec<(usize, Failure)>,
    skipped: usize,
    written: usize,
    /// Output names taken, lower-cased (file systems may ignore case) → who took it.
    claimed: HashMap<String, String>,
}

/// A rendered employee's summary and how many files were written, or the failure.
type Finished = Result<(Summary, usize), Failure>;

/// A profile that loaded, waiting for its output names.
struct Loaded {
    label: String,
    profile: Profile,
    previous: Option<Profile>,
    stem: String,
}

/// One chunk: load in parallel, claim output names in input order (the first of two
/// colliding employees wins, whatever the thread timing), then render and write in
/// parallel.
fn process(
    engine: &Engine,
    chunk: &mut Vec<(usize, Source, Option<usize>)>,
    opts: &BatchOptions,
    state: &mut RunState,
    print: &(dyn Fn(&str) + Sync),
    bar: Option<&indicatif::ProgressBar>,
) {
    let items = std::mem::take(chunk);
    state.total += items.len();
    let loaded: Vec<(usize, Option<usize>, Result<Loaded, Failure>)> = items
        .par_iter()
        .map(|(i, src, earlier)| (*i, *earlier, load(engine, src, opts, print)))
        .collect();
    drop(items);
    let mut ready = Vec::with_capacity(loaded.len());
    for (i, earlier, r) in loaded {
        match r {
            Ok(l) => {
                let key = l.stem.to_lowercase();
                let taken = state
                    .claimed
                    .get(&key)
                    .map(|other| crate::msg!("batch.name_of", other = other))
                    .or_else(|| earlier.map(|n| crate::msg!("batch.name_of_shard", n = n + 1)));
                if let Some(other) = taken {
                    let msg = crate::msg!("batch.name_taken", stem = l.stem, other = other);
                    print(&crate::msg!("p.error_at", text = msg, file = l.label));
                    state.failures.push((
                        i,
                        Failure {
                            source: l.label,
                            reason: msg,
                        },
                    ));
                    if let Some(pb) = bar {
                        pb.inc(1);
                    }
                } else {
                    state.claimed.insert(key, l.label.clone());
                    ready.push((i, l));
                }
            }
            Err(f) => {
                state.failures.push((i, f));
                if let Some(pb) = bar {
                    pb.inc(1);
                }
            }
        }
    }
    let done: Vec<(usize, Finished)> = ready
        .into_par_iter()
        .map(|(i, l)| {
            let r = finish(engine, l, i, opts, print);
            if let Some(pb) = bar {
                pb.inc(1);
            }
            (i, r)
        })
        .collect();
    for (i, r) in done {
        match r {
            Ok((s, n)) => {
                state.written += n;
                if s.skipped {
                    state.skipped += 1;
                }
                state.ok += 1;
                state.with_previous += usize::from(s.with_previous);
                state.tally.add(&s, opts.named);
            }
            Err(f) => {
                state.failures.push((i, f));
            }
        }
    }
}

fn load(
    engine: &Engine,
    src: &Source,
    opts: &BatchOptions,
    print: &(dyn Fn(&str) + Sync),
) -> Result<Loaded, Failure> {
    let label = src.label();
    let fail = |reason: String| Failure {
        source: label.clone(),
        reason,
    };
    let loaded = match src {
        Source::File(path) => {
            let bytes = crate::profile::files::read_file(path);
            match bytes {
                Err(e) => {
                    print(&format!("error: {e}\n  --> {label}\n"));
                    return Err(fail(e));
                }
                Ok(b) => engine.load(&b).map_err(|e| {
                    print(&e.render(&label));
                    fail(
                        e.diagnostics
                            .first()
                            .map_or_else(String::new, |d| d.message.clone()),
                    )
                }),
            }
        }
        Source::Row { roster, row } => {
            let lo = crate::profile::LoadOptions {
                ladders: &engine.ladders,
                today: engine.today,
            };
            crate::profile::load_value(row.value.clone(), &lo)
                .map(|mut p| {
                    if let Some(l) = engine.locale {
                        p.locale = l;
                    }
                    p
                })
                .map_err(|diags| {
                    print(&render_row_error(roster, row, &diags));
                    fail(
                        diags
                            .first()
                            .map_or_else(String::new, |d| d.message.clone()),
                    )
                })
        }
    };
    let mut profile = loaded?;
    if let Some(id) = &profile.person.id {
        profile.johari_peers.extend(opts.feedback.for_subject(id));
    }
    let stem = output::file_stem(profile.person.id.as_deref(), &profile.person.name);
    let previous = match (&opts.previous, &profile.person.id) {
        (Some(idx), Some(id)) => idx.path(id).and_then(|pp| {
            crate::profile::previous::load(&|b| engine.load(b), pp)
                .map_err(|e| {
                    print(&crate::msg!(
                        "batch.previous_bad",
                        text = e.trim_end(),
                        label = label
                    ))
                })
                .ok()
        }),
        _ => None,
    };
    Ok(Loaded {
        label,
        profile,
        previous,
        stem,
    })
}

fn finish(
    engine: &Engine,
    l: Loaded,
    index: usize,
    opts: &BatchOptions,
    print: &(dyn Fn(&str) + Sync),
) -> Finished {
    let Loaded {
        label,
        mut profile,
        previous,
        stem,
    } = l;
    let fail = |reason: String| Failure {
        source: label.clone(),
        reason,
    };
    let targets: Vec<PathBuf> = opts
        .formats
        .iter()
        .map(|f| opts.out.join(format!("{stem}.{}", f.ext())))
        .collect();
    let a = engine
        .analyse_cycle(&mut profile, previous.as_ref())
        .map_err(|e| {
            print(&crate::msg!("p.error_at", text = e, file = label));
            fail(e)
        })?;
    let skipped = opts.skip_existing && targets.iter().all(|p| p.is_file());
    let mut written = 0;
    if !skipped {
        let docs = engine
            .render_analysed(&profile, &a, &opts.formats)
            .map_err(|e| {
                print(&crate::msg!("p.error_at", text = e, file = label));
                fail(e)
            })?;
        if !opts.quiet {
            for w in docs.iter().flat_map(|d| &d.warnings) {
                print(&crate::msg!("run.file_warning", file = label, text = w));
            }
        }
        let set: Vec<(PathBuf, &[u8])> = targets
            .iter()
            .cloned()
            .zip(docs.iter().map(|d| d.bytes.as_slice()))
            .collect();
        output::write_set(&set).map_err(|e| {
            print(&crate::msg!("p.error_at", text = e, file = label));
            fail(e)
        })?;
        written = set.len();
    }
    let ladder = profile
        .career
        .as_ref()
        .and_then(|c| engine.ladders.get(&c.track).ok());
    Ok((
        Summary {
            index,
            level_id: ladder.and_then(|l| {
                profile
                    .career
                    .as_ref()?
                    .level
                    .map(|i| l.rungs[i].id.clone())
            }),
            id: profile.person.id.clone().unwrap_or_else(|| stem.clone()),
            name: profile.person.name.clone(),
            department: profile.person.department.clone().unwrap_or_default(),
            track: ladder.map(|l| l.id.clone()),
            level: ladder.and_then(|l| {
                profile
                    .career
                    .as_ref()?
                    .level
                    .map(|i| l.rungs[i].title.get(profile.locale).to_string())
            }),
            position: a.ladder.as_ref().and_then(|l| l.position),
            top_needs: profile.needs_top.iter().map(|i| i.id).collect(),
            next_needs: profile.needs_next.iter().map(|i| i.id).collect(),
            mismatch: a
                .track_fit
                .as_ref()
                .filter(|f| f.matches_track == Some(false))
                .map(|f| f.leaning),
            blind: a.johari.blind.clone(),
            raters: a.johari.raters,
            enough_raters: a.johari.enough_raters,
            skipped,
            ready: a
                .readiness
                .as_ref()
                .filter(|r| r.next_level.is_some() && r.total > 0)
                .map(|r| r.ready_by_manager()),
            with_previous: a.changes.is_some(),
            progress: a.progress.counts,
            overdue: a.progress.overdue.len(),
            reviews: (a.progress.reviews_held, a.progress.reviews_due),
            blind_to_open: a.changes.as_ref().map_or(0, |c| {
                c.johari
                    .moves
                    .iter()
                    .filter(|m| {
                        m.from == crate::analysis::cycle::Pane::Blind
                            && m.to == crate::analysis::cycle::Pane::Open
                    })
                    .count()
            }),
        },
        written,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_shards_take_k_from_the_job_engine() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        let k = |pairs: &'static [(&'static str, &'static str)]| {
            Shard::parse_with("auto/4", &env(pairs)).map(|s| s.k)
        };
        assert_eq!(
            k(&[("CAREERBOOK_SHARD_INDEX", "0"), ("PARALLEL_SEQ", "3")]),
            Ok(1)
        );
        assert_eq!(k(&[("JOB_COMPLETION_INDEX", "3")]), Ok(4));
        assert_eq!(
            k(&[
                ("SLURM_ARRAY_TASK_ID", "12"),
                ("SLURM_ARRAY_TASK_MIN", "10")
            ]),
            Ok(3)
        );
        assert_eq!(k(&[("SLURM_ARRAY_TASK_ID", "2")]), Ok(3));
        assert_eq!(k(&[("PARALLEL_SEQ", "2")]), Ok(2));
        assert!(k(&[("JOB_COMPLETION_INDEX", "4")])
            .unwrap_err()
            .contains("K = 5"));
        let none = k(&[]).unwrap_err();
        for v in [
            "CAREERBOOK_SHARD_INDEX",
            "JOB_COMPLETION_INDEX",
            "SLURM_ARRAY_TASK_ID",
            "PARALLEL_SEQ",
        ] {
            assert!(none.contains(v), "{none}");
        }
        assert_eq!(Shard::parse_with("2/3", &env(&[])).map(|s| s.k), Ok(2));
    }

    #[test]
    fn shards_cover_every_item_exactly_once() {
        for n in 1..=7 {
            let shards: Vec<Shard> = (1..=n).map(|k| Shard { k, n }).collect();
            for i in 0..100 {
                assert_eq!(shards.iter().filter(|s| s.takes(i)).count(), 1);
            }
        }
        assert!(Shard::parse("0/3").is_err());
        assert!(Shard::parse("4/3").is_err());
        assert_eq!(Shard::parse("2/3"), Ok(Shard { k: 2, n: 3 }));
    }

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
