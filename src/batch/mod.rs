//! HR batch runs: folders of profiles and rosters in, one workbook per employee out,
//! in parallel, with anonymous peer feedback merged in, per-item failures reported and
//! counted (never stopping the rest), shards for spreading a run over machines, and an
//! overview for HR.

pub mod feedback;
pub mod overview;
pub mod roster;

use crate::analysis::{Leaning, Position};
use crate::diag::Diagnostic;
use crate::{output, Engine, Format};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

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
            Source::File(p) => p.display().to_string(),
            Source::Row { roster, row } => format!("{}:row {}", roster.display(), row.row),
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
    /// Parses `K/N`.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("--shard `{s}` must look like K/N, e.g. 2/8"))?;
        let (k, n): (usize, usize) = (
            k.trim()
                .parse()
                .map_err(|_| format!("--shard `{s}`: K is not a number"))?,
            n.trim()
                .parse()
                .map_err(|_| format!("--shard `{s}`: N is not a number"))?,
        );
        if n == 0 || k == 0 || k > n {
            return Err(format!("--shard `{s}`: need 1 ≤ K ≤ N"));
        }
        Ok(Shard { k, n })
    }

    /// Whether the item at `index` (in the sorted list of all items) is ours.
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
    /// Slice of the work to do.
    pub shard: Option<Shard>,
    /// Skip employees whose output files all exist.
    pub skip_existing: bool,
    /// Show a progress bar (only on a terminal).
    pub progress: bool,
    /// Print per-item errors (always) and per-file notes (unless quiet).
    pub quiet: bool,
}

/// What happened to one employee (kept small: no documents are held).
#[derive(Debug, Clone)]
pub struct Summary {
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
    /// Items seen in this shard.
    pub total: usize,
    /// Items rendered (or skipped as existing) without error.
    pub summaries: Vec<Summary>,
    /// Items that failed.
    pub failures: Vec<Failure>,
    /// Items skipped because their outputs existed.
    pub skipped: usize,
    /// Files written.
    pub written: usize,
}

/// Recursively collects `*.yaml`/`*.yml` under `dir`, skipping hidden entries.
pub fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect_yaml(&p, out);
        } else if matches!(
            p.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("yaml" | "yml")
        ) {
            out.push(p);
        }
    }
}

/// Expands the inputs into sources, in a stable order. Roster-level problems (an
/// unreadable roster) are returned as failures.
pub fn sources(inputs: &[PathBuf], notes: &mut Vec<String>) -> (Vec<Source>, Vec<Failure>) {
    let mut out = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut files = Vec::new();
            collect_yaml(input, &mut files);
            if files.is_empty() {
                notes.push(format!(
                    "{}: no *.yaml or *.yml files found",
                    input.display()
                ));
            }
            out.extend(files.into_iter().map(Source::File));
            continue;
        }
        let ext = input
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "xlsx" | "xlsm" | "txt" => match roster::read(input) {
                Ok(r) => {
                    if !r.ignored.is_empty() {
                        notes.push(format!(
                            "{}: ignored columns: {}",
                            input.display(),
                            r.ignored.join(", ")
                        ));
                    }
                    out.extend(r.rows.into_iter().map(|row| Source::Row {
                        roster: input.clone(),
                        row,
                    }));
                }
                Err(e) => failures.push(Failure {
                    source: input.display().to_string(),
                    reason: e,
                }),
            },
            _ => out.push(Source::File(input.clone())),
        }
    }
    (out, failures)
}

fn render_row_error(roster: &Path, row: &roster::Row, diags: &[Diagnostic]) -> String {
    let mut s = String::new();
    for d in diags {
        let column = row
            .columns
            .iter()
            .find(|(f, _)| d.path == *f || d.path.starts_with(&format!("{f}.")))
            .map(|(_, h)| h.clone());
        s.push_str(&format!(
            "error: {}\n  --> {}:row {}",
            d.message,
            roster.display(),
            row.row
        ));
        if let Some(c) = column {
            s.push_str(&format!(", column {c}"));
        } else if !d.path.is_empty() {
            s.push_str(&format!(", field {}", d.path));
        }
        s.push('\n');
        if let Some(h) = &d.help {
            s.push_str(&format!("   = help: {h}\n"));
        }
    }
    s
}

/// Runs a batch: every source in this shard, in parallel. Never stops on a bad item.
pub fn run(
    engine: &Engine,
    inputs: &[PathBuf],
    opts: &BatchOptions,
    log: &(dyn Fn(&str) + Sync),
) -> Report {
    let mut notes = Vec::new();
    let (all, mut failures) = sources(inputs, &mut notes);
    for n in &notes {
        if !opts.quiet {
            log(&format!("note: {n}"));
        }
    }
    let mine: Vec<Source> = all
        .into_iter()
        .enumerate()
        .filter(|(i, _)| opts.shard.is_none_or(|s| s.takes(*i)))
        .map(|(_, s)| s)
        .collect();
    let total = mine.len();
    let bar = if opts.progress && !opts.quiet {
        let pb = indicatif::ProgressBar::new(total as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} eta {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(pb)
    } else {
        None
    };
    let print = |msg: &str| match &bar {
        Some(pb) => pb.suspend(|| log(msg)),
        None => log(msg),
    };
    let claimed: Mutex<HashMap<String, String>> = Mutex::new(HashMap::new());
    let written = AtomicUsize::new(0);
    let results: Vec<Result<Summary, Failure>> = mine
        .par_iter()
        .map(|src| {
            let r = one(engine, src, opts, &claimed, &written, &print);
            if let Some(pb) = &bar {
                pb.inc(1);
            }
            r
        })
        .collect();
    if let Some(pb) = &bar {
        pb.finish_and_clear();
    }
    let mut report = Report {
        total,
        written: written.load(Ordering::Relaxed),
        ..Report::default()
    };
    for r in results {
        match r {
            Ok(s) => {
                if s.skipped {
                    report.skipped += 1;
                }
                report.summaries.push(s);
            }
            Err(f) => failures.push(f),
        }
    }
    failures.extend(opts.feedback.problems.iter().map(|(at, msg)| Failure {
        source: at.clone(),
        reason: format!("feedback: {msg}"),
    }));
    report.failures = failures;
    report
}

fn one(
    engine: &Engine,
    src: &Source,
    opts: &BatchOptions,
    claimed: &Mutex<HashMap<String, String>>,
    written: &AtomicUsize,
    print: &(dyn Fn(&str) + Sync),
) -> Result<Summary, Failure> {
    let label = src.label();
    let fail = |reason: String| Failure {
        source: label.clone(),
        reason,
    };
    let loaded = match src {
        Source::File(path) => {
            let bytes = std::fs::metadata(path)
                .map_err(|e| e.to_string())
                .and_then(|m| {
                    if m.len() > crate::profile::MAX_BYTES as u64 {
                        Err(format!(
                            "the file is {} bytes; a profile may be at most 1 MiB",
                            m.len()
                        ))
                    } else {
                        std::fs::read(path).map_err(|e| e.to_string())
                    }
                });
            match bytes {
                Err(e) => {
                    print(&format!("error: cannot read: {e}\n  --> {label}\n"));
                    return Err(fail(format!("cannot read: {e}")));
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
        profile
            .johari_peers
            .extend(opts.feedback.for_subject(id).iter().cloned());
    }
    let stem = output::file_stem(profile.person.id.as_deref(), &profile.person.name);
    {
        let mut c = claimed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(other) = c.get(&stem) {
            let msg =
                format!("`{stem}` is also the id (or name) of {other}; output files would collide");
            print(&format!("error: {msg}\n  --> {label}\n"));
            return Err(fail(msg));
        }
        c.insert(stem.clone(), label.clone());
    }
    let targets: Vec<(Format, PathBuf)> = opts
        .formats
        .iter()
        .map(|f| (*f, opts.out.join(format!("{stem}.{}", f.ext()))))
        .collect();
    let a = engine.analyse(&profile);
    let skipped = opts.skip_existing && targets.iter().all(|(_, p)| p.is_file());
    if !skipped {
        let docs = engine
            .render_analysed(&profile, &a, &opts.formats)
            .map_err(|e| {
                print(&format!("error: {e}\n  --> {label}\n"));
                fail(e)
            })?;
        for (d, (_, path)) in docs.iter().zip(&targets) {
            if !opts.quiet {
                for w in &d.warnings {
                    print(&format!("warning: {label}: {w}"));
                }
            }
            output::write_atomic(path, &d.bytes).map_err(|e| {
                let msg = format!("cannot write {}: {e}", path.display());
                print(&format!("error: {msg}"));
                fail(msg)
            })?;
            written.fetch_add(1, Ordering::Relaxed);
        }
    }
    let ladder = profile
        .career
        .as_ref()
        .and_then(|c| engine.ladders.get(&c.track).ok());
    Ok(Summary {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
