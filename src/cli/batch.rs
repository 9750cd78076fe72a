//! `careerbook batch` (folders, rosters, feedback, shards) and `careerbook overview`
//! (merging the overviews of a sharded run).

use super::args::{BatchArgs, OverviewArgs};
use super::{engine, formats, load_ladders, started_at, Usage};
use crate::base::locale::Locale;
use crate::base::term::Shown;
use crate::output;
use crate::render::engine::Engine;
use crate::render::html::Templates;
use std::path::{Path, PathBuf};

pub(super) fn batch(b: BatchArgs) -> Result<u8, Usage> {
    let a = &b.doc;
    let started = std::time::Instant::now();
    let shard = b
        .shard
        .as_deref()
        .map(crate::batch::Shard::parse)
        .transpose()
        .map_err(Usage)?;
    let eng = engine(a)?;
    if b.overview.min_group < crate::batch::overview::MIN_GROUP_FLOOR {
        return Err(Usage(crate::msg!(
            "arg.min_group",
            n = b.overview.min_group,
            floor = crate::batch::overview::MIN_GROUP_FLOOR
        )));
    }
    let feedback = match &b.feedback {
        None => crate::batch::feedback::Feedback::default(),
        Some(p) => read_feedback(p, b.feedback_columns.as_deref(), &b.inputs)?,
    };
    std::fs::create_dir_all(&a.output)
        .map_err(|e| Usage(crate::msg!("run.mkdir", dir = a.output.shown(), err = e)))?;
    let settings_of_run = settings_of_run(&b, &eng, shard.map_or(1, |s| s.n));
    let _lock = lock_output(&a.output, shard, &settings_of_run)?;
    let previous = match &b.previous {
        None => None,
        Some(p) => Some(previous_index(&eng, p, a.quiet)?),
    };
    let opts = crate::batch::BatchOptions {
        formats: formats(a),
        out: a.output.clone(),
        feedback,
        previous,
        shard,
        skip_existing: b.skip_existing,
        progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        quiet: a.quiet,
        named: b.overview.named || shard.is_some(),
    };
    if b.jobs.is_some_and(|j| j > 256) {
        return Err(Usage(crate::msg!("arg.jobs", n = b.jobs.unwrap_or(0))));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(b.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Usage(crate::msg!("arg.threads", err = e)))?;
    let log = |m: &str| crate::errln!("{m}");
    let mut report = pool.install(|| crate::batch::run(&eng, &b.inputs, &opts, &log));
    let mut tally = std::mem::take(&mut report.tally);
    // what a merge of the shards checks: one run, and never less suppression
    tally.run = fingerprint(&settings_of_run);
    tally.min_group = b.overview.min_group;
    let settings = crate::batch::overview::Settings {
        min_group: b.overview.min_group,
        locale: eng.locale.unwrap_or(Locale::Zh),
        named: b.overview.named,
        ladders: &eng.ladders,
    };
    let suffix = shard
        .map(|s| format!("-{}-of-{}", s.k, s.n))
        .unwrap_or_default();
    let overview_failed = !write_overview(
        &eng.templates,
        &tally,
        &settings,
        &a.output,
        &suffix,
        a.quiet,
    );
    say_summary(&report, &opts, started);
    say_feedback(&opts.feedback, report.feedback_unmatched);
    if !report.failures.is_empty() {
        crate::errln!("{}", crate::msg!("batch.failed"));
        for f in &report.failures {
            crate::errln!(
                "{}",
                crate::msg!("batch.failed.item", source = f.source, reason = f.reason)
            );
        }
        return Ok(1);
    }
    Ok(if overview_failed { 1 } else { 0 })
}

/// Locks the output folder for this run (or this shard of it); a stale lock's
/// warning is printed.
fn lock_output(
    out: &Path,
    shard: Option<crate::batch::Shard>,
    settings_of_run: &str,
) -> Result<output::DirLock, Usage> {
    let mode = match shard {
        None => output::LockMode::Whole,
        Some(s) => output::LockMode::Shard {
            k: s.k,
            n: s.n,
            settings: settings_of_run.to_string(),
        },
    };
    let (lock, warned) =
        output::lock_dir(out, "careerbook batch", &started_at(), &mode).map_err(Usage)?;
    if let Some(w) = warned {
        crate::errln!("{}", crate::msg!("p.warning", text = w));
    }
    Ok(lock)
}

/// Last cycle's profiles of `dir`, by id; problems found while indexing are printed
/// unless quiet.
fn previous_index(
    eng: &Engine,
    dir: &Path,
    quiet: bool,
) -> Result<crate::profile::previous::Index, Usage> {
    let idx = crate::profile::previous::Index::build(&|b| eng.load(b), dir).map_err(Usage)?;
    if !quiet {
        for w in &idx.problems {
            crate::errln!(
                "{}",
                crate::msg!("run.previous_problem", text = w.trim_end())
            );
        }
    }
    Ok(idx)
}

/// The run's summary line, and how many had a previous cycle.
fn say_summary(
    report: &crate::batch::Report,
    opts: &crate::batch::BatchOptions,
    started: std::time::Instant,
) {
    let shard = opts.shard;
    let ok = report.ok;
    let feedback_skipped = opts.feedback.skipped();
    crate::errln!(
        "{}",
        crate::msg!(
            "batch.summary",
            total = report.total,
            shard = shard
                .map(|s| crate::msg!("batch.summary.shard", k = s.k, n = s.n))
                .unwrap_or_default(),
            ok = ok,
            skipped = report.skipped,
            failed = report.failures.len(),
            feedback = if feedback_skipped > 0 {
                crate::msg!("batch.summary.feedback", n = feedback_skipped)
            } else {
                String::new()
            },
            written = report.written,
            secs = format!("{:.1}", started.elapsed().as_secs_f64())
        )
    );
    if opts.previous.is_some() {
        let with = report.with_previous;
        crate::errln!(
            "{}",
            crate::msg!(
                "batch.previous",
                with = with,
                total = report.ok,
                first = report.ok - with
            )
        );
    }
}

/// The settings of a run as one string: what makes two shards parts of one run
/// (the lock of a shard compares it too). It names the input files, so it is never
/// written out as it is: the shards carry its [`fingerprint`].
fn settings_of_run(b: &BatchArgs, eng: &Engine, shards: usize) -> String {
    let a = &b.doc;
    // how the peers' answers were read: the file or folder and the column override;
    // any further option of the feedback reader belongs in this tuple
    let feedback = (&b.feedback, &b.feedback_columns);
    format!(
        "{:?} {:?} {:?}",
        (
            &b.inputs,
            &a.format,
            eng.today.iso(),
            &a.locale,
            &a.paper,
            a.min_raters,
            a.min_share,
        ),
        (
            a.peer_counts,
            a.modules,
            &a.templates,
            &a.font,
            &a.common.ladders,
            &b.previous,
            b.overview.min_group,
        ),
        (feedback, shards)
    )
}

/// A shard's fingerprint of its run: a SHA-256 of [`settings_of_run`], so that no
/// file name (which may be a person's) is written into the shard's counts.
fn fingerprint(settings: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(settings.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What became of the feedback files: each file's mapping, its problem lines (at most
/// 20, then a count), and its rows used and skipped by kind; the answers for people
/// not in the run.
pub(super) fn say_feedback(
    f: &crate::batch::feedback::Feedback,
    (answers, subjects): (usize, usize),
) {
    let say = |text: &str| crate::errln!("{}", crate::msg!("batch.feedback_note", text = text));
    for r in &f.files {
        if let Some(m) = &r.mapping {
            say(m);
        }
        for l in &r.lines {
            say(l);
        }
        if r.more > 0 {
            say(&crate::msg!("fb.more_lines", n = r.more));
        }
        let (skipped, left) = (r.skipped_words(), r.left_out_words());
        say(&crate::msg!(
            "fb.file_counts",
            path = r.path,
            used = r.used,
            rows = r.rows,
            skipped = if skipped.is_empty() {
                String::new()
            } else {
                crate::msg!("fb.file_counts.skipped", what = skipped.join(", "))
            },
            left = if left.is_empty() {
                String::new()
            } else {
                crate::msg!("fb.file_counts.left", what = left.join(", "))
            }
        ));
    }
    if answers > 0 {
        crate::errln!(
            "{}",
            crate::msg!("batch.unmatched", answers = answers, subjects = subjects)
        );
    }
}

/// Reads `--feedback` (a file or a folder of them) with the run's employees, to find
/// each file's columns from its values and match each row's colleague.
pub(super) fn read_feedback(
    path: &Path,
    columns: Option<&str>,
    inputs: &[PathBuf],
) -> Result<crate::batch::feedback::Feedback, Usage> {
    let given = match columns {
        Some(c) => crate::batch::feedback::Override::parse(c).map_err(Usage)?,
        None => Default::default(),
    };
    let files = crate::batch::feedback::files_of(path).map_err(Usage)?;
    let employees = crate::batch::employees_of(inputs);
    crate::batch::feedback::read(&files, Some(&employees), &given).map_err(Usage)
}

/// Writes `_overview{suffix}.html` and `.csv` (and, for a shard, the raw counts as
/// `.json`); says what went wrong, and returns whether everything was written.
fn write_overview(
    templates: &Templates,
    tally: &crate::batch::tally::Tally,
    settings: &crate::batch::overview::Settings,
    out: &Path,
    suffix: &str,
    quiet: bool,
) -> bool {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let stem = crate::batch::overview::FILE_STEM;
    if tally.shard.is_some() {
        // a shard writes its raw counts only: an overview of part of a run, suppressed
        // on its own small counts, could be set against the whole run's to undo the
        // suppression; `careerbook overview` makes the one overview of the run
        let json = serde_json::to_string_pretty(tally).unwrap_or_default();
        files.push((format!("{stem}{suffix}.json"), json.into_bytes()));
    } else {
        let ov = crate::batch::overview::from_tally(tally, settings);
        match templates.render_overview(&ov, ov.lang) {
            Ok(html) => files.push((format!("{stem}{suffix}.html"), html.into_bytes())),
            Err(e) => {
                crate::errln!("{}", crate::msg!("overview.render", err = e));
                return false;
            }
        }
        files.push((
            format!("{stem}{suffix}.csv"),
            crate::batch::overview::csv(&ov).into_bytes(),
        ));
    }
    let mut ok = true;
    for (name, bytes) in files {
        let path = out.join(name);
        match output::write_atomic(&path, &bytes) {
            Ok(()) => {
                if !quiet {
                    crate::outln!("{}", path.shown());
                }
            }
            Err(e) => {
                crate::errln!(
                    "{}",
                    crate::msg!("overview.write", path = path.shown(), err = e)
                );
                ok = false;
            }
        }
    }
    ok
}

pub(super) fn merge_overview(a: OverviewArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.ladders)?;
    let locale = match &a.locale {
        None => Locale::Zh,
        Some(l) => Locale::parse(l).ok_or_else(|| Usage(crate::msg!("arg.locale", text = l)))?,
    };
    if a.overview.min_group < crate::batch::overview::MIN_GROUP_FLOOR {
        return Err(Usage(crate::msg!(
            "arg.min_group",
            n = a.overview.min_group,
            floor = crate::batch::overview::MIN_GROUP_FLOOR
        )));
    }
    let mut shards = Vec::new();
    for f in crate::batch::tally::file::find(&a.inputs).map_err(Usage)? {
        let t = crate::batch::tally::file::read(&f).map_err(Usage)?;
        shards.push((f.shown(), t));
    }
    let tally = crate::batch::tally::Tally::merge(shards).map_err(Usage)?;
    std::fs::create_dir_all(&a.output)
        .map_err(|e| Usage(crate::msg!("run.mkdir", dir = a.output.shown(), err = e)))?;
    let settings = crate::batch::overview::Settings {
        min_group: a.overview.min_group,
        locale,
        named: a.overview.named,
        ladders: &ladders,
    };
    let templates = Templates::load(None).map_err(Usage)?;
    Ok(
        if write_overview(&templates, &tally, &settings, &a.output, "", false) {
            0
        } else {
            1
        },
    )
}
