//! Command-line interface (clap derive). Raw flags are checked and turned into an
//! [`Engine`] before any work starts; each subcommand returns an exit code:
//! 0 all good, 1 some input invalid, 2 usage error.

use crate::analysis::JohariRules;
use crate::ladder::Ladders;
use crate::locale::Locale;
use crate::model::Date;
use crate::render::html::Templates;
use crate::render::pdf::{font::FontFace, Paper, PdfSettings};
use crate::{output, Engine, Format};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Turn a YAML employee profile into a career-development workbook (PDF, HTML, JSON).
#[derive(Debug, Parser)]
#[command(name = "careerbook", version, about, long_about = None, after_help = "Run `careerbook init -o me.yaml` to start a profile, then `careerbook render me.yaml -o out`.")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render profiles to workbooks (PDF, HTML and/or JSON).
    Render(RenderArgs),
    /// HR batch: folders and rosters in, one workbook per employee out, plus an overview.
    Batch(BatchArgs),
    /// Check profiles and report every problem, without writing anything.
    Check(CheckArgs),
    /// Write a form (one self-contained HTML file) to fill a profile in without YAML
    /// and save it; pre-filled from PROFILE, or blank.
    #[command(
        after_help = "Examples:\n  careerbook form profiles/li-na.zh.yaml -o forms\n  careerbook form --locale en -o forms          (a blank form)\n  careerbook batch roster.xlsx -f form -o forms  (one per employee)"
    )]
    Form(FormArgs),
    /// The peer-feedback round: printable pick sheets, and the question for a survey tool.
    Feedback {
        #[command(subcommand)]
        action: FeedbackAction,
    },
    /// Merge the overviews of a sharded run into one (equal to an unsharded run's).
    #[command(
        after_help = "Example:\n  careerbook overview out/shard-1 out/shard-2 out/shard-3 -o out"
    )]
    Overview(OverviewArgs),
    /// Write a commented starter profile that validates.
    Init(InitArgs),
    /// Print the JSON Schema (draft-07) of the profile format, for editors.
    Schema,
    /// List the career ladders, or show one.
    Ladders(LaddersArgs),
    /// Work with the HTML templates.
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
struct Common {
    /// Today's date (YYYY-MM-DD) for ages and reviews; default: the system date.
    /// Fix it to make output reproducible.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Folder of company ladder files (*.yaml) that add to or replace the built-ins.
    #[arg(long, value_name = "DIR")]
    ladders: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RenderArgs {
    /// Profile files (YAML).
    #[arg(required = true, value_name = "PROFILE")]
    profiles: Vec<PathBuf>,
    /// Last cycle's profile of the same person (with one PROFILE), or a folder of last
    /// cycle's profiles matched by person.id: adds "Since last time" and carries
    /// unfinished actions over.
    #[arg(long, value_name = "FILE|DIR")]
    previous: Option<PathBuf>,
    #[command(flatten)]
    doc: DocOpts,
}

#[derive(Debug, Args)]
struct BatchArgs {
    /// Folders of profiles (*.yaml, *.yml, searched recursively), profile files, and
    /// rosters (.csv in UTF-8 or GBK, .xlsx: one employee per row).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Peer feedback: a CSV (subject_id, rater, adjectives separated by ; 、 or ,) or a
    /// folder of YAML files (subject_id, rater, adjectives). Raters are never shown.
    #[arg(long, value_name = "FILE|DIR")]
    feedback: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Do only the K-th of N deterministic slices of the work (1 ≤ K ≤ N), to spread
    /// a large run over machines.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// Skip employees whose output files already exist (to resume a large run).
    #[arg(long)]
    skip_existing: bool,
    /// Folder of last cycle's profiles, matched by person.id; employees without one
    /// render as a first cycle.
    #[arg(long, value_name = "DIR")]
    previous: Option<PathBuf>,
    #[command(flatten)]
    overview: OverviewOpts,
    #[command(flatten)]
    doc: DocOpts,
}

#[derive(Debug, Args)]
struct OverviewOpts {
    /// Fewest people behind a cell of the overview that counts people by something
    /// personal (needs, positions, blind spots, readiness, progress); smaller cells are
    /// suppressed. At least 3.
    #[arg(long, default_value_t = 5, value_name = "N")]
    min_group: usize,
    /// Add HR's named lists to the overview (who is behind, who leans against their
    /// ladder, who has too few raters). Never share such an overview.
    #[arg(long)]
    named: bool,
}

#[derive(Debug, Args)]
struct OverviewArgs {
    /// Output folders of the shards of one run (their _overview-K-of-N.json files), or
    /// the files themselves.
    #[arg(required = true, value_name = "DIR|FILE")]
    inputs: Vec<PathBuf>,
    /// Where to write _overview.html and _overview.csv.
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    output: PathBuf,
    /// Language of rung titles, needs and traits [default: zh-CN].
    #[arg(long, value_name = "LOCALE")]
    locale: Option<String>,
    /// Folder of company ladder files (*.yaml), for their rung titles.
    #[arg(long, value_name = "DIR")]
    ladders: Option<PathBuf>,
    #[command(flatten)]
    overview: OverviewOpts,
}

#[derive(Debug, Args)]
struct DocOpts {
    /// Output formats, comma-separated.
    #[arg(
        short,
        long,
        value_delimiter = ',',
        default_value = "pdf,html",
        value_name = "FORMATS"
    )]
    format: Vec<FormatArg>,
    /// Output folder (created if missing). Files are named from person.id, else the name.
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    output: PathBuf,
    /// Language of the workbook, overriding the profile's `locale`.
    #[arg(long, value_name = "LOCALE")]
    locale: Option<String>,
    /// Folder whose files replace the built-in HTML templates of the same name.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Font for the PDF (TTF/OTF, or FILE#N for face N of a TTC) instead of the built-in Noto Sans CJK SC.
    #[arg(long, value_name = "FILE")]
    font: Option<String>,
    /// Paper size for the PDF.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// Include the service-mindset modules even when a profile has none.
    #[arg(long)]
    modules: bool,
    /// Fewest peers whose answers are shown in the Johari window.
    #[arg(long, default_value_t = 3, value_name = "N")]
    min_raters: usize,
    /// Share of peers (0–1) that must pick a trait for it to count as known to others
    /// [default: any peer under 4 peers, else 0.25].
    #[arg(long, value_name = "SHARE")]
    min_share: Option<f64>,
    /// Show the subject how many peers picked each trait (HR's choice; off by
    /// default). Even then counts appear only when at least 5 peers answered, so that
    /// two rounds a rater apart cannot be subtracted to recover one rater's picks.
    #[arg(long)]
    peer_counts: bool,
    /// Print nothing but errors and the final summary.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Args)]
struct FormArgs {
    /// A profile to pre-fill the form with (peer picks are kept out).
    #[arg(value_name = "PROFILE")]
    profile: Option<PathBuf>,
    /// Output folder (created if missing): writes <id>.form.html.
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    output: PathBuf,
    /// Language of the form: zh-CN or en [default: the profile's, else zh-CN].
    #[arg(long, value_name = "LOCALE")]
    locale: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Profile files (YAML).
    #[arg(required = true, value_name = "PROFILE")]
    profiles: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// Where to write the profile (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of the starter profile.
    #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
    locale: String,
    /// Ladder of the starter profile.
    #[arg(long, default_value = "administrative", value_name = "LADDER")]
    track: String,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct LaddersArgs {
    #[command(subcommand)]
    action: Option<LaddersAction>,
    /// Folder of company ladder files (*.yaml) that add to or replace the built-ins.
    #[arg(long, value_name = "DIR", global = true)]
    ladders: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum LaddersAction {
    /// Print one ladder in the ladder file format.
    Show {
        /// Ladder id.
        id: String,
    },
}

#[derive(Debug, Subcommand)]
enum FeedbackAction {
    /// Write a printable pick sheet (A4 PDF) per subject: name and code, the question
    /// and the 55 adjectives with tick boxes; no place for the rater's name.
    #[command(
        after_help = "Examples:\n  careerbook feedback sheets roster.xlsx -o sheets --copies 6\n  careerbook feedback sheets profiles/ -o sheets --locale en"
    )]
    Sheets {
        /// Profiles, folders of profiles and rosters, as for batch.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output folder: one <id>.sheets.pdf per subject.
        #[arg(short, long, default_value = ".", value_name = "DIR")]
        output: PathBuf,
        /// Copies of the sheet per subject (one per colleague asked).
        #[arg(long, default_value_t = 1, value_name = "N")]
        copies: usize,
        /// Language of the sheets (the words are always in both).
        #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
        locale: String,
        /// Paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// Print the question and its 55 options as plain text to paste into a survey tool.
    #[command(after_help = "Example:\n  careerbook feedback template --locale zh-CN > 问卷.txt")]
    Template {
        /// Language of the question and options.
        #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
        locale: String,
    },
}

#[derive(Debug, Subcommand)]
enum TemplatesAction {
    /// Write the built-in templates into DIR for editing; use them with --templates DIR.
    Eject {
        /// Target folder (must not contain the template files yet).
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Html,
    Json,
    Pdf,
    /// iCalendar (RFC 5545): review dates and action due dates.
    Ics,
    /// The fill-in form (<id>.form.html).
    Form,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

/// Where `render --previous` finds last cycle's profile.
enum Previous {
    /// One file, for the one profile.
    File(PathBuf),
    /// A folder, matched by person.id.
    Dir(crate::previous::Index),
}

/// A usage error: printed, exit code 2.
struct Usage(String);

/// Runs the CLI and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Render(a) => render(a),
        Command::Batch(a) => batch(a),
        Command::Check(a) => check(a),
        Command::Init(a) => init(a),
        Command::Form(a) => form(a),
        Command::Overview(a) => merge_overview(a),
        Command::Feedback { action } => feedback(action),
        Command::Schema => {
            crate::outln!(
                "{}",
                serde_json::to_string_pretty(&crate::profile::raw::schema()).unwrap_or_default()
            );
            Ok(0)
        }
        Command::Ladders(a) => ladders(a),
        Command::Templates {
            action: TemplatesAction::Eject { dir },
        } => match crate::render::html::eject(&dir) {
            Ok(files) => {
                for f in files {
                    crate::outln!("wrote {f}");
                }
                Ok(0)
            }
            Err(e) => Err(Usage(e)),
        },
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "careerbook",
                &mut std::io::stdout(),
            );
            Ok(0)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Usage(msg)) => {
            crate::errln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn today(arg: &Option<String>) -> Result<Date, Usage> {
    match arg {
        None => Ok(Date::today_utc()),
        Some(s) => Date::parse(s).ok_or_else(|| {
            Usage(format!(
                "--today `{s}` is not a date; write YYYY-MM-DD, e.g. 2026-11-23"
            ))
        }),
    }
}

fn load_ladders(dir: &Option<PathBuf>) -> Result<Ladders, Usage> {
    match dir {
        None => Ok(Ladders::builtin()),
        Some(d) => Ladders::with_dir(d).map_err(Usage),
    }
}

fn read_profile(path: &Path) -> Result<Vec<u8>, String> {
    crate::profile::read_file(path)
}

fn formats(a: &DocOpts) -> Vec<Format> {
    let mut formats: Vec<Format> = a
        .format
        .iter()
        .map(|f| match f {
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Ics => Format::Ics,
            FormatArg::Form => Format::Form,
        })
        .collect();
    formats.sort();
    formats.dedup();
    formats
}

fn engine(a: &DocOpts) -> Result<Engine, Usage> {
    let locale =
        match &a.locale {
            None => None,
            Some(l) => Some(Locale::parse(l).ok_or_else(|| {
                Usage(format!("--locale `{l}` is not supported; use zh-CN or en"))
            })?),
        };
    if let Some(s) = a.min_share {
        if !(0.0..=1.0).contains(&s) || s == 0.0 {
            return Err(Usage(format!(
                "--min-share {s} must be above 0 and at most 1 (e.g. 0.25)"
            )));
        }
    }
    let font = match &a.font {
        None => FontFace::default_shared(),
        Some(spec) => Arc::new(FontFace::load(spec).map_err(Usage)?),
    };
    Ok(Engine {
        ladders: load_ladders(&a.common.ladders)?,
        templates: Templates::load(a.templates.as_deref()).map_err(Usage)?,
        pdf: PdfSettings {
            font,
            paper: match a.paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::Letter => Paper::Letter,
            },
        },
        rules: JohariRules {
            min_raters: a.min_raters.max(1),
            min_share: a.min_share,
            show_counts: a.peer_counts,
        },
        modules: a.modules,
        locale,
        today: today(&a.common.today)?,
    })
}

fn render(r: RenderArgs) -> Result<u8, Usage> {
    let a = &r.doc;
    let formats = formats(a);
    let eng = engine(a)?;
    std::fs::create_dir_all(&a.output).map_err(|e| {
        Usage(format!(
            "{}: cannot create the output folder: {e}",
            a.output.display()
        ))
    })?;
    let (_lock, warned) = output::lock_dir(
        &a.output,
        "careerbook render",
        &started_at(),
        &output::LockMode::Whole,
    )
    .map_err(Usage)?;
    if let Some(w) = warned {
        crate::errln!("warning: {w}");
    }
    let previous = match &r.previous {
        None => None,
        Some(p) if p.is_dir() => {
            let idx = crate::previous::Index::build(&eng, p).map_err(Usage)?;
            for w in &idx.problems {
                crate::errln!("warning: previous cycle: {}", w.trim_end());
            }
            Some(Previous::Dir(idx))
        }
        Some(_) if r.profiles.len() > 1 => {
            return Err(Usage(
                "--previous FILE goes with one profile; for several, pass a folder of last cycle's profiles (matched by person.id)".into(),
            ))
        }
        Some(p) => Some(Previous::File(p.clone())),
    };
    let mut failed = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for path in &r.profiles {
        let file = path.display().to_string();
        let bytes = match read_profile(path) {
            Ok(b) => b,
            Err(e) => {
                crate::errln!("error: {e}\n  --> {file}\n");
                failed.push(file);
                continue;
            }
        };
        let mut profile = match eng.load(&bytes) {
            Ok(p) => p,
            Err(e) => {
                crate::errln!("{}", e.render(&file));
                failed.push(file);
                continue;
            }
        };
        let prev_path = match &previous {
            None => None,
            Some(Previous::File(p)) => Some(p.clone()),
            Some(Previous::Dir(idx)) => profile
                .person
                .id
                .as_deref()
                .and_then(|id| idx.path(id))
                .map(Path::to_path_buf),
        };
        let prev = prev_path.and_then(|pp| match crate::previous::load(&eng, &pp) {
            Ok(p) => Some(p),
            Err(e) => {
                crate::errln!(
                    "warning: the previous cycle's profile does not load:\n{}",
                    e.trim_end()
                );
                crate::errln!(
                    "warning: {file}: rendered as a first cycle, without \"Since last time\"\n"
                );
                None
            }
        });
        let analysis = match eng.analyse_cycle(&mut profile, prev.as_ref()) {
            Ok(a) => a,
            Err(e) => {
                crate::errln!("error: {e}\n  --> {file}\n   = help: give --previous the same person's profile of the last cycle\n");
                failed.push(file);
                continue;
            }
        };
        let docs = match eng.render_analysed(&profile, &analysis, &formats) {
            Ok(d) => d,
            Err(e) => {
                crate::errln!("error: {e}\n  --> {file}\n");
                failed.push(file);
                continue;
            }
        };
        let base = output::file_stem(profile.person.id.as_deref(), &profile.person.name);
        let mut stem = base.clone();
        let mut n = 2;
        while !used.insert(stem.clone()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        for w in docs.iter().flat_map(|d| &d.warnings) {
            crate::errln!("warning: {file}: {w}");
        }
        let set: Vec<(PathBuf, &[u8])> = docs
            .iter()
            .map(|d| {
                (
                    a.output.join(format!("{stem}.{}", d.format.ext())),
                    d.bytes.as_slice(),
                )
            })
            .collect();
        match output::write_set(&set) {
            Ok(()) => {
                if !a.quiet {
                    for (p, _) in &set {
                        crate::outln!("{}", p.display());
                    }
                }
            }
            Err(e) => {
                crate::errln!("error: {e}\n  --> {file}\n");
                failed.push(file.clone());
            }
        }
    }
    if !failed.is_empty() {
        failed.dedup();
        crate::errln!(
            "{} of {} profile(s) failed: {}",
            failed.len(),
            r.profiles.len(),
            failed.join(", ")
        );
        return Ok(1);
    }
    Ok(0)
}

fn batch(b: BatchArgs) -> Result<u8, Usage> {
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
        return Err(Usage(format!(
            "--min-group {} is below {}: cells that small could point at a person",
            b.overview.min_group,
            crate::batch::overview::MIN_GROUP_FLOOR
        )));
    }
    let feedback = match &b.feedback {
        None => crate::batch::feedback::Feedback::default(),
        Some(p) => match crate::batch::feedback::read_with(p, None) {
            Ok(f) => f,
            Err(crate::batch::feedback::ReadError::Other(e)) => return Err(Usage(e)),
            Err(crate::batch::feedback::ReadError::NeedIds) => {
                // no subject header: the column whose values are the employees' ids
                let mut ids = HashSet::new();
                let (mut notes, mut failures) = (Vec::new(), Vec::new());
                crate::batch::walk(
                    &b.inputs,
                    None,
                    &mut notes,
                    &mut failures,
                    &mut |_, src, _| {
                        if let Some((_, Some(id))) = crate::batch::name_and_id(&src) {
                            ids.insert(id);
                        }
                    },
                );
                match crate::batch::feedback::read_with(p, Some(&ids)) {
                    Ok(f) => f,
                    Err(crate::batch::feedback::ReadError::Other(e)) => return Err(Usage(e)),
                    Err(crate::batch::feedback::ReadError::NeedIds) => {
                        return Err(Usage(format!("{}: no subject column", p.display())))
                    }
                }
            }
        },
    };
    std::fs::create_dir_all(&a.output).map_err(|e| {
        Usage(format!(
            "{}: cannot create the output folder: {e}",
            a.output.display()
        ))
    })?;
    // what makes two shards parts of one run
    let settings_of_run = format!(
        "{:?} {:?}",
        (
            &b.inputs,
            &a.format,
            &a.common.today,
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
            &b.feedback,
            &b.previous,
        )
    );
    let mode = match shard {
        None => output::LockMode::Whole,
        Some(s) => output::LockMode::Shard {
            k: s.k,
            n: s.n,
            settings: settings_of_run.clone(),
        },
    };
    let (_lock, warned) =
        output::lock_dir(&a.output, "careerbook batch", &started_at(), &mode).map_err(Usage)?;
    if let Some(w) = warned {
        crate::errln!("warning: {w}");
    }
    let previous = match &b.previous {
        None => None,
        Some(p) => {
            let idx = crate::previous::Index::build(&eng, p).map_err(Usage)?;
            if !a.quiet {
                for w in &idx.problems {
                    crate::errln!("warning: previous cycle: {}", w.trim_end());
                }
            }
            Some(idx)
        }
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
    };
    if b.jobs.is_some_and(|j| j > 256) {
        return Err(Usage(format!(
            "--jobs {} is more threads than careerbook uses (at most 256; the default is one per core)",
            b.jobs.unwrap_or(0)
        )));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(b.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Usage(format!("cannot start worker threads: {e}")))?;
    let log = |m: &str| crate::errln!("{m}");
    let report = pool.install(|| crate::batch::run(&eng, &b.inputs, &opts, &log));
    let tally =
        crate::batch::tally::Tally::of(&report, &eng.today.iso(), shard.map(|s| (s.k, s.n)));
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
    let ok = report.summaries.len();
    let feedback_bad = opts.feedback.problems.len();
    crate::errln!(
        "batch: {} profile(s){}: {} ok ({} skipped as existing), {} failed{}; {} file(s) written in {:.1} s",
        report.total,
        shard.map(|s| format!(" in shard {}/{}", s.k, s.n)).unwrap_or_default(),
        ok,
        report.skipped,
        report.failures.len() - feedback_bad,
        if feedback_bad > 0 { format!(", {feedback_bad} feedback row(s) skipped") } else { String::new() },
        report.written,
        started.elapsed().as_secs_f64()
    );
    if opts.previous.is_some() {
        let with = report.summaries.iter().filter(|s| s.with_previous).count();
        crate::errln!(
            "previous cycle: {with} of {} workbook(s) compared with last cycle; {} rendered as a first cycle",
            report.summaries.len(),
            report.summaries.len() - with
        );
    }
    let (answers, subjects) = report.feedback_unmatched;
    if answers > 0 {
        crate::errln!(
            "feedback: {answers} answer(s) for {subjects} subject id(s) not among the employees of this run{} were not used",
            if shard.is_some() { " (or of this shard)" } else { "" }
        );
    }
    for n in &opts.feedback.notes {
        crate::errln!("feedback: {n}");
    }
    if opts.feedback.empty_answers > 0 {
        crate::errln!(
            "feedback: {} empty answer(s) not counted as raters",
            opts.feedback.empty_answers
        );
    }
    if !report.failures.is_empty() {
        crate::errln!("failed:");
        for f in &report.failures {
            crate::errln!("  {}: {}", f.source, f.reason);
        }
        return Ok(1);
    }
    Ok(if overview_failed { 1 } else { 0 })
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
        match templates.render_overview(&ov) {
            Ok(html) => files.push((format!("{stem}{suffix}.html"), html.into_bytes())),
            Err(e) => {
                crate::errln!("error: cannot render the overview: {e}");
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
                    crate::outln!("{}", path.display());
                }
            }
            Err(e) => {
                crate::errln!("error: {}: cannot write the overview: {e}", path.display());
                ok = false;
            }
        }
    }
    ok
}

/// The wall-clock time a run started, for the lock file (never in any output).
fn started_at() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = Date::from_unix_days((secs / 86_400) as i64);
    let t = secs % 86_400;
    format!(
        "{} {:02}:{:02}:{:02} UTC",
        day.iso(),
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

fn check(a: CheckArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.common.ladders)?;
    let today = today(&a.common.today)?;
    let opts = crate::profile::LoadOptions {
        ladders: &ladders,
        today,
    };
    let mut bad = 0;
    for path in &a.profiles {
        let file = path.display().to_string();
        match read_profile(path) {
            Err(e) => {
                crate::errln!("error: {e}\n  --> {file}\n");
                bad += 1;
            }
            Ok(bytes) => match crate::profile::load_bytes(&bytes, &opts) {
                Ok(p) => {
                    crate::outln!("ok: {file}");
                    for h in p.hints() {
                        crate::outln!("  note: {h}");
                    }
                }
                Err(e) => {
                    crate::errln!("{}", e.render(&file));
                    bad += 1;
                }
            },
        }
    }
    if bad > 0 {
        crate::errln!("{bad} of {} profile(s) have problems", a.profiles.len());
        return Ok(1);
    }
    Ok(0)
}

fn feedback(action: FeedbackAction) -> Result<u8, Usage> {
    let parse_locale = |l: &str| {
        Locale::parse(l)
            .ok_or_else(|| Usage(format!("--locale `{l}` is not supported; use zh-CN or en")))
    };
    match action {
        FeedbackAction::Template { locale } => {
            crate::out!(
                "{}",
                crate::render::sheets::template(parse_locale(&locale)?)
            );
            Ok(0)
        }
        FeedbackAction::Sheets {
            inputs,
            output,
            copies,
            locale,
            paper,
        } => {
            let loc = parse_locale(&locale)?;
            if copies == 0 || copies > 100 {
                return Err(Usage(format!("--copies {copies}: give 1 to 100")));
            }
            std::fs::create_dir_all(&output).map_err(|e| {
                Usage(format!(
                    "{}: cannot create the output folder: {e}",
                    output.display()
                ))
            })?;
            let settings = PdfSettings {
                font: FontFace::default_shared(),
                paper: match paper {
                    PaperArg::A4 => Paper::A4,
                    PaperArg::Letter => Paper::Letter,
                },
            };
            let mut notes = Vec::new();
            let mut failures = Vec::new();
            let mut subjects = Vec::new();
            crate::batch::walk(
                &inputs,
                None,
                &mut notes,
                &mut failures,
                &mut |_, src, _| {
                    subjects.push(src);
                },
            );
            for n in &notes {
                crate::errln!("note: {n}");
            }
            let mut bad = failures.len();
            for (_, f) in &failures {
                crate::errln!("error: {}: {}", f.source, f.reason);
            }
            let mut used = HashSet::new();
            for src in subjects {
                let label = src.label();
                let Some((name, id)) = crate::batch::name_and_id(&src) else {
                    crate::errln!("error: {label}: no person.name to put on the sheet");
                    bad += 1;
                    continue;
                };
                let Some(code) = id else {
                    crate::errln!("error: {label}: {name} has no person.id, and the sheet needs a code that the answers can be matched by");
                    bad += 1;
                    continue;
                };
                let stem = output::file_stem(Some(&code), &name);
                if !used.insert(stem.to_lowercase()) {
                    crate::errln!(
                        "error: {label}: `{stem}` is also the code of an earlier subject"
                    );
                    bad += 1;
                    continue;
                }
                let s = crate::render::sheets::Subject { name, code };
                let pages: Vec<_> = (1..=copies)
                    .map(|k| crate::render::sheets::sheet(&s, loc, k, copies))
                    .collect();
                let footer = loc.pick("同事反馈 · 匿名", "Colleague feedback · anonymous");
                let title = format!(
                    "{} — {}",
                    s.name,
                    loc.pick("同事反馈选择单", "colleague pick sheet")
                );
                let path = output.join(format!("{stem}.sheets.pdf"));
                match crate::render::pdf::render_pages(&pages, &settings, &title, loc.tag(), footer)
                    .and_then(|doc| {
                        for w in &doc.warnings {
                            crate::errln!("warning: {label}: {w}");
                        }
                        output::write_atomic(&path, &doc.bytes).map_err(|e| e.to_string())
                    }) {
                    Ok(()) => crate::outln!("{}", path.display()),
                    Err(e) => {
                        crate::errln!("error: {}: cannot write: {e}", path.display());
                        bad += 1;
                    }
                }
            }
            Ok(u8::from(bad > 0))
        }
    }
}

fn merge_overview(a: OverviewArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.ladders)?;
    let locale = match &a.locale {
        None => Locale::Zh,
        Some(l) => Locale::parse(l)
            .ok_or_else(|| Usage(format!("--locale `{l}` is not supported; use zh-CN or en")))?,
    };
    if a.overview.min_group < crate::batch::overview::MIN_GROUP_FLOOR {
        return Err(Usage(format!(
            "--min-group {} is below {}: cells that small could point at a person",
            a.overview.min_group,
            crate::batch::overview::MIN_GROUP_FLOOR
        )));
    }
    let mut files = Vec::new();
    for input in &a.inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| Usage(format!("{}: cannot read: {e}", input.display())))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("_overview-") && n.ends_with(".json"))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    let mut shards = Vec::new();
    for f in files {
        let shown = f.display().to_string();
        let text =
            std::fs::read_to_string(&f).map_err(|e| Usage(format!("{shown}: cannot read: {e}")))?;
        let t: crate::batch::tally::Tally = serde_json::from_str(&text).map_err(|_| {
            Usage(format!(
                "{shown}: not the counts of a careerbook shard (_overview-K-of-N.json)"
            ))
        })?;
        shards.push((shown, t));
    }
    let tally = crate::batch::tally::Tally::merge(shards).map_err(Usage)?;
    std::fs::create_dir_all(&a.output).map_err(|e| {
        Usage(format!(
            "{}: cannot create the output folder: {e}",
            a.output.display()
        ))
    })?;
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

fn form(a: FormArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.common.ladders)?;
    let today = today(&a.common.today)?;
    let locale = a
        .locale
        .as_deref()
        .map(|l| {
            Locale::parse(l)
                .ok_or_else(|| Usage(format!("--locale `{l}` is not supported; use zh-CN or en")))
        })
        .transpose()?;
    let profile = match &a.profile {
        None => None,
        Some(path) => {
            let file = path.display().to_string();
            let bytes = match read_profile(path) {
                Ok(b) => b,
                Err(e) => {
                    crate::errln!("error: {e}\n  --> {file}\n");
                    return Ok(1);
                }
            };
            let opts = crate::profile::LoadOptions {
                ladders: &ladders,
                today,
            };
            match crate::profile::load_bytes(&bytes, &opts) {
                Ok(p) => Some(p),
                Err(e) => {
                    crate::errln!("{}", e.render(&file));
                    return Ok(1);
                }
            }
        }
    };
    let locale = locale
        .or(profile.as_ref().map(|p| p.locale))
        .unwrap_or_default();
    let html = crate::render::form::page(profile.as_ref(), locale, &ladders, today);
    let stem = match &profile {
        Some(p) => output::file_stem(p.person.id.as_deref(), &p.person.name),
        None => "profile".to_string(),
    };
    std::fs::create_dir_all(&a.output).map_err(|e| {
        Usage(format!(
            "{}: cannot create the output folder: {e}",
            a.output.display()
        ))
    })?;
    let path = a.output.join(format!("{stem}.form.html"));
    output::write_atomic(&path, html.as_bytes())
        .map_err(|e| Usage(format!("{}: cannot write: {e}", path.display())))?;
    if profile.as_ref().is_some_and(|p| !p.johari_peers.is_empty()) {
        crate::errln!("note: the profile's peer picks (johari.peers) are kept out of the form; HR merges feedback when rendering");
    }
    crate::outln!("{}", path.display());
    Ok(0)
}

fn init(a: InitArgs) -> Result<u8, Usage> {
    let locale = Locale::parse(&a.locale).ok_or_else(|| {
        Usage(format!(
            "--locale `{}` is not supported; use zh-CN or en",
            a.locale
        ))
    })?;
    let ladders = Ladders::builtin();
    let ladder = ladders.get(&a.track).map_err(|_| {
        Usage(format!(
            "--track `{}` is not a built-in ladder; use {}",
            a.track,
            ladders.ids()
        ))
    })?;
    let rung = &ladder.rungs[0];
    let text = crate::starter::starter(locale, &ladder.id, locale.pick(&rung.title.zh, &rung.id));
    match a.output {
        None => crate::out!("{text}"),
        Some(path) => {
            if path.exists() && !a.force {
                return Err(Usage(format!(
                    "{} already exists; use --force to overwrite it",
                    path.display()
                )));
            }
            output::write_atomic(&path, text.as_bytes())
                .map_err(|e| Usage(format!("{}: {e}", path.display())))?;
            crate::outln!("wrote {}", path.display());
        }
    }
    Ok(0)
}

fn ladders(a: LaddersArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.ladders)?;
    match a.action {
        None => {
            for l in &ladders.all {
                let rungs: Vec<String> = l
                    .rungs
                    .iter()
                    .map(|r| format!("{} {}/{} ({})", r.id, r.title.zh, r.title.en, r.typical_age))
                    .collect();
                crate::outln!(
                    "{:<16} {} / {}\n  {}",
                    l.id,
                    l.name.zh,
                    l.name.en,
                    rungs.join(" → ")
                );
            }
            Ok(0)
        }
        Some(LaddersAction::Show { id }) => match ladders.get(&id) {
            Ok(l) => {
                crate::out!("{}", serde_yaml::to_string(l).unwrap_or_default());
                Ok(0)
            }
            Err(near) => Err(Usage(match near {
                Some(n) => format!(
                    "no ladder `{id}`; did you mean `{n}`? known: {}",
                    ladders.ids()
                ),
                None => format!("no ladder `{id}`; known: {}", ladders.ids()),
            })),
        },
    }
}
