//! Command-line interface (clap derive). Raw flags are checked and turned into an
//! [`Engine`] before any work starts; each subcommand returns an exit code:
//! 0 all good, 1 some input invalid, 2 usage error.

use crate::analysis::JohariRules;
use crate::base::locale::Locale;
use crate::base::term::Shown;
use crate::profile::ladder::Ladders;
use crate::profile::model::Date;
use crate::render::engine::{Engine, Format};
use crate::render::html::Templates;
use crate::render::pdf::{Paper, PdfSettings};
use crate::text::font::FontFace;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod batch;
mod feedback;
mod ladder_grid;
mod profiles;
mod render;

use batch::{batch, merge_overview};
use feedback::feedback;
use profiles::{check, form, init, ladders, schema};
use render::render;

/// Turn a YAML employee profile into a career-development workbook (PDF, HTML, JSON).
#[derive(Debug, Parser)]
#[command(name = "careerbook", version, about, long_about = None, after_help = "Run `careerbook init -o me.yaml` to start a profile, then `careerbook render me.yaml -o out`.")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour our messages: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: crate::base::term::ColorChoice,
    /// Language of our messages: zh-CN or en [default: CAREERBOOK_LANG, else the
    /// system locale (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render profiles to workbooks (PDF, HTML and/or JSON).
    #[command(
        after_help = "Examples:\n  careerbook render profiles/li-na.zh.yaml -o out\n  careerbook render me.yaml -f json -o - | jq .ladder      (one document to stdout)\n  careerbook render 2026/me.yaml --previous 2025/me.yaml -f pdf,ics -o out"
    )]
    Render(RenderArgs),
    /// HR batch: folders and rosters in, one workbook per employee out, plus an overview.
    #[command(
        after_help = "Examples:\n  careerbook batch profiles/ roster.xlsx -o out\n  careerbook batch staff/ --feedback survey.csv --previous last-year/ -o out\n  careerbook batch staff/ --shard 1/3 -o out/shard-1      (then `careerbook overview`)"
    )]
    Batch(BatchArgs),
    /// Check profiles and report every problem, without writing anything.
    #[command(
        after_help = "Examples:\n  careerbook check me.yaml\n  careerbook check profiles/*.yaml --ladders company-ladders/\n  cat me.yaml | careerbook check -                          (from stdin)"
    )]
    Check(CheckArgs),
    /// Write a form (one self-contained HTML file) to fill a profile in without YAML
    /// and save it; pre-filled from PROFILE, or blank.
    #[command(
        after_help = "Examples:\n  careerbook form profiles/li-na.zh.yaml -o forms\n  careerbook form --locale en -o forms          (a blank form)\n  careerbook batch roster.xlsx -f form -o forms  (one per employee)"
    )]
    Form(FormArgs),
    /// The peer-feedback round: printable pick sheets, and the question for a survey tool.
    #[command(
        after_help = "Examples:\n  careerbook feedback sheets roster.xlsx -o sheets --copies 6\n  careerbook feedback template > question.txt"
    )]
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
    #[command(
        after_help = "Examples:\n  careerbook init -o me.yaml\n  careerbook init --locale en -o me.yaml"
    )]
    Init(InitArgs),
    /// Print the JSON Schema (draft-07) of the profile format, for editors.
    #[command(
        after_help = "Examples:\n  careerbook schema -o careerbook.schema.json\n  careerbook schema --ladders company-ladders/ -o careerbook.schema.json"
    )]
    Schema(SchemaArgs),
    /// List the career ladders, or show one.
    #[command(
        after_help = "Examples:\n  careerbook ladders\n  careerbook ladders show administrative > company-ladders/admin.yaml\n  careerbook ladders --ladders company-ladders/"
    )]
    Ladders(LaddersArgs),
    /// Work with the HTML templates.
    #[command(
        after_help = "Example:\n  careerbook templates eject my-templates   (then render with --templates my-templates)"
    )]
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  careerbook completions bash > ~/.local/share/bash-completion/completions/careerbook\n  careerbook completions zsh > ~/.zfunc/_careerbook"
    )]
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
    /// Peer feedback for these profiles: a survey export, a YAML file, or a folder of
    /// them, as for batch (matched by person.id or name). Raters are never shown.
    #[arg(long, value_name = "FILE|DIR")]
    feedback: Option<PathBuf>,
    /// The feedback columns, as for batch: subject=F,picks=G[,identity=D+E].
    #[arg(long, value_name = "ROLES", requires = "feedback")]
    feedback_columns: Option<String>,
    #[command(flatten)]
    doc: DocOpts,
}

#[derive(Debug, Args)]
struct BatchArgs {
    /// Folders of profiles (*.yaml, *.yml, searched recursively), profile files, and
    /// rosters (.csv in UTF-8 or GBK, .xlsx: one employee per row).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Peer feedback: a survey export (CSV, TSV or XLSX from Microsoft Forms, Google
    /// Forms, 问卷星, 腾讯问卷, 飞书 or an in-house form), a YAML file, or a folder of
    /// them. Columns are found from their values; raters are never shown.
    #[arg(long, value_name = "FILE|DIR")]
    feedback: Option<PathBuf>,
    /// The feedback columns, when the guess is wrong or refused: subject=F,picks=G
    /// (picks=H-BJ for one column per adjective), identity=D+E or identity=none
    /// (`careerbook feedback inspect` shows how a file is read).
    #[arg(long, value_name = "ROLES", requires = "feedback")]
    feedback_columns: Option<String>,
    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Do only the K-th of N deterministic slices of the work (1 ≤ K ≤ N), or
    /// `auto/N` with K from the job engine (CAREERBOOK_SHARD_INDEX,
    /// JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, PARALLEL_SEQ), to spread
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
    #[arg(long, default_value_t = crate::base::privacy::MIN_GROUP, value_name = "N")]
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
    /// Language of rung titles, needs and traits: zh-CN, zh-TW or en [default: zh-CN].
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
    /// Language of the workbook, overriding the profile's `locale`: zh-CN, zh-TW
    /// (Traditional Chinese, Taiwan terms) or en.
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
    /// Fewest peers whose answers are shown in the Johari window. At least 3.
    #[arg(long, default_value_t = crate::base::privacy::MIN_RATERS, value_name = "N")]
    min_raters: usize,
    /// Share of peers (0–1) that must pick a trait for it to count as known to
    /// others; never fewer than 2 peers, so one peer alone never places a trait.
    #[arg(long, default_value_t = crate::base::privacy::DEFAULT_MIN_SHARE, value_name = "SHARE")]
    min_share: f64,
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
    /// Language of the form: zh-CN, zh-TW or en [default: the profile's, else zh-CN].
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
struct SchemaArgs {
    /// Write the schema to FILE (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Folder of company ladder files: their rungs join the schema's words.
    #[arg(long, value_name = "DIR")]
    ladders: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// Where to write the profile (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of the starter profile: zh-CN, zh-TW or en.
    #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
    locale: String,
    /// Ladder of the starter profile.
    #[arg(long, default_value = "administrative", value_name = "LADDER")]
    track: String,
    /// Overwrite FILE (and a different careerbook.schema.json beside it) if it exists.
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
    #[command(
        after_help = "Example:\n  careerbook ladders show technical > company-ladders/technical.yaml"
    )]
    Show {
        /// Ladder id.
        id: String,
    },
    /// Read a qualification grid (one row per standard) or a competency matrix (areas
    /// down, rungs across) from XLSX, CSV or TSV into the ladder file DIR/ID.yaml, and
    /// say what was read. Nothing is written when the grid has problems.
    #[command(
        after_help = "Examples:\n  careerbook ladders import 任职资格.xlsx --id tech --kind technical --sheet 技术序列 -o company-ladders\n  careerbook ladders import matrix.csv --id eng --name \"Engineering\" -o company-ladders"
    )]
    Import(ladder_grid::ImportArgs),
    /// Write a ladder (built-in or company) as a grid, one row per standard, to edit
    /// in Excel and import again.
    #[command(
        after_help = "Examples:\n  careerbook ladders export administrative -o admin.xlsx\n  careerbook ladders export sales --ladders company-ladders -o sales.csv"
    )]
    Export(ladder_grid::ExportArgs),
    /// Write an empty grid to fill in: the headers, a row explaining each column and
    /// one example rung.
    #[command(
        after_help = "Examples:\n  careerbook ladders template -o 任职资格模板.xlsx\n  careerbook ladders template --locale en -o grid.xlsx"
    )]
    Template(ladder_grid::TemplateArgs),
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
        /// Copies of the sheet per subject (one per colleague asked), all identical:
        /// no copy number tells whose sheet came back.
        #[arg(long, default_value_t = 1, value_name = "N")]
        copies: usize,
        /// Language of the sheets: zh-CN, zh-TW or en (the words are always in
        /// both) [default: each profile's own `locale`, else zh-CN].
        #[arg(long, value_name = "LOCALE")]
        locale: Option<String>,
        /// Paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// Show how careerbook reads survey exports: the tool, each column's role, the rows
    /// used and skipped and why. Writes nothing.
    #[command(
        after_help = "Examples:\n  careerbook feedback inspect survey.xlsx --employees roster.xlsx\n  careerbook feedback inspect survey.csv --employees staff/ --feedback-columns subject=F,picks=G"
    )]
    Inspect {
        /// Survey exports (CSV, TSV, XLSX), YAML feedback files, or folders of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The employees (profiles, folders, rosters, as for batch), to find the
        /// colleague's column from its values and match its rows.
        #[arg(long, value_name = "INPUT", num_args = 1..)]
        employees: Vec<PathBuf>,
        /// The columns' roles, as for batch: subject=F,picks=G[,identity=D+E].
        #[arg(long, value_name = "ROLES")]
        feedback_columns: Option<String>,
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
    #[command(after_help = "Example:\n  careerbook templates eject my-templates")]
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
    Dir(crate::profile::previous::Index),
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
    crate::base::term::init(cli.color);
    crate::base::lang::init(cli.lang.as_deref());
    let result = match cli.command {
        Command::Render(a) => render(a),
        Command::Batch(a) => batch(a),
        Command::Check(a) => check(a),
        Command::Init(a) => init(a),
        Command::Form(a) => form(a),
        Command::Overview(a) => merge_overview(a),
        Command::Feedback { action } => feedback(action),
        Command::Schema(a) => schema(a),
        Command::Ladders(a) => ladders(a),
        Command::Templates {
            action: TemplatesAction::Eject { dir },
        } => match crate::render::html::eject(&dir) {
            Ok(files) => {
                for f in files {
                    crate::outln!("{}", crate::msg!("run.wrote", path = f));
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
            crate::errln!("{}", crate::msg!("p.error", text = msg));
            ExitCode::from(2)
        }
    }
}

fn today(arg: &Option<String>) -> Result<Date, Usage> {
    match arg {
        None => Ok(Date::today_utc()),
        Some(s) => Date::parse(s).ok_or_else(|| Usage(crate::msg!("arg.today", text = s))),
    }
}

fn load_ladders(dir: &Option<PathBuf>) -> Result<Ladders, Usage> {
    match dir {
        None => Ok(Ladders::builtin()),
        Some(d) => Ladders::with_dir(d).map_err(Usage),
    }
}

/// Reads a profile: a file, or standard input for `-` (the same 1 MiB bound).
fn read_profile(path: &Path) -> Result<Vec<u8>, String> {
    if is_dash(path) {
        use std::io::Read;
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(crate::profile::MAX_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| crate::msg!("stdin.read", err = e))?;
        if bytes.len() > crate::profile::MAX_BYTES {
            return Err(crate::msg!(
                "stdin.too_big",
                max = crate::profile::MAX_BYTES
            ));
        }
        return Ok(bytes);
    }
    crate::profile::files::read_file(path)
}

/// `-`: standard input (as a profile) or standard output (as `-o`).
fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a profile path is named in messages.
fn shown_path(path: &Path) -> String {
    if is_dash(path) {
        "<stdin>".to_string()
    } else {
        path.shown().to_string()
    }
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
    let locale = match &a.locale {
        None => None,
        Some(l) => {
            Some(Locale::parse(l).ok_or_else(|| Usage(crate::msg!("arg.locale", text = l)))?)
        }
    };
    if a.min_raters < crate::base::privacy::MIN_RATERS_FLOOR {
        return Err(Usage(crate::msg!(
            "arg.min_raters",
            n = a.min_raters,
            floor = crate::base::privacy::MIN_RATERS_FLOOR
        )));
    }
    let s = a.min_share;
    if !(0.0..=1.0).contains(&s) || s == 0.0 {
        return Err(Usage(crate::msg!("arg.min_share", n = s)));
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
            shared: Default::default(),
        },
        rules: JohariRules {
            min_raters: a.min_raters,
            min_share: a.min_share,
            show_counts: a.peer_counts,
        },
        modules: a.modules,
        locale,
        today: today(&a.common.today)?,
    })
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
