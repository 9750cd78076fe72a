//! The run itself: every employee's workbook rendered in parallel, in chunks so
//! memory stays flat, each person's files written all or nothing, failures reported
//! and counted without stopping the rest, and the tally for the overview kept.

use super::inputs::{count, render_row_error, walk, Failure, Source};
use super::shard::Shard;
use super::{feedback, tally};
use crate::analysis::{Leaning, Position};
use crate::output;
use crate::profile::model::Profile;
use crate::render::engine::{Engine, Format};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

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
