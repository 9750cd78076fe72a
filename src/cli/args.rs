//! The command line's flags and subcommands, as clap derives them: what each accepts,
//! its defaults (the privacy floors among them) and its help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn a YAML employee profile into a career-development workbook (PDF, HTML, JSON).
#[derive(Debug, Parser)]
#[command(name = "careerbook", version, about, long_about = None, after_help = "Run `careerbook init -o me.yaml` to start a profile, then `careerbook render me.yaml -o out`.")]
pub struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
    /// Colour our messages: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub(super) color: crate::base::term::ColorChoice,
    /// Language of our messages: zh-CN or en [default: CAREERBOOK_LANG, else the
    /// system locale (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, value_name = "LANG")]
    pub(super) lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
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
pub(super) struct Common {
    /// Today's date (YYYY-MM-DD) for ages and reviews; default: the system date.
    /// Fix it to make output reproducible.
    #[arg(long, value_name = "DATE")]
    pub(super) today: Option<String>,
    /// Folder of company ladder files (*.yaml) that add to or replace the built-ins.
    #[arg(long, value_name = "DIR")]
    pub(super) ladders: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(super) struct RenderArgs {
    /// Profile files (YAML).
    #[arg(required = true, value_name = "PROFILE")]
    pub(super) profiles: Vec<PathBuf>,
    /// Last cycle's profile of the same person (with one PROFILE), or a folder of last
    /// cycle's profiles matched by person.id: adds "Since last time" and carries
    /// unfinished actions over.
    #[arg(long, value_name = "FILE|DIR")]
    pub(super) previous: Option<PathBuf>,
    /// Peer feedback for these profiles: a survey export, a YAML file, or a folder of
    /// them, as for batch (matched by person.id or name). Raters are never shown.
    #[arg(long, value_name = "FILE|DIR")]
    pub(super) feedback: Option<PathBuf>,
    /// The feedback columns, as for batch: subject=F,picks=G[,identity=D+E].
    #[arg(long, value_name = "ROLES", requires = "feedback")]
    pub(super) feedback_columns: Option<String>,
    #[command(flatten)]
    pub(super) doc: DocOpts,
}

#[derive(Debug, Args)]
pub(super) struct BatchArgs {
    /// Folders of profiles (*.yaml, *.yml, searched recursively), profile files, and
    /// rosters (.csv in UTF-8 or GBK, .xlsx: one employee per row).
    #[arg(required = true, value_name = "INPUT")]
    pub(super) inputs: Vec<PathBuf>,
    /// Peer feedback: a survey export (CSV, TSV or XLSX from Microsoft Forms, Google
    /// Forms, 问卷星, 腾讯问卷, 飞书 or an in-house form), a YAML file, or a folder of
    /// them. Columns are found from their values; raters are never shown.
    #[arg(long, value_name = "FILE|DIR")]
    pub(super) feedback: Option<PathBuf>,
    /// The feedback columns, when the guess is wrong or refused: subject=F,picks=G
    /// (picks=H-BJ for one column per adjective), identity=D+E or identity=none
    /// (`careerbook feedback inspect` shows how a file is read).
    #[arg(long, value_name = "ROLES", requires = "feedback")]
    pub(super) feedback_columns: Option<String>,
    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    pub(super) jobs: Option<usize>,
    /// Do only the K-th of N deterministic slices of the work (1 ≤ K ≤ N), or
    /// `auto/N` with K from the job engine (CAREERBOOK_SHARD_INDEX,
    /// JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, PARALLEL_SEQ), to spread
    /// a large run over machines.
    #[arg(long, value_name = "K/N")]
    pub(super) shard: Option<String>,
    /// Skip employees whose output files already exist (to resume a large run).
    #[arg(long)]
    pub(super) skip_existing: bool,
    /// Folder of last cycle's profiles, matched by person.id; employees without one
    /// render as a first cycle.
    #[arg(long, value_name = "DIR")]
    pub(super) previous: Option<PathBuf>,
    #[command(flatten)]
    pub(super) overview: OverviewOpts,
    #[command(flatten)]
    pub(super) doc: DocOpts,
}

#[derive(Debug, Args)]
pub(super) struct OverviewOpts {
    /// Fewest people behind a cell of the overview that counts people by something
    /// personal (needs, positions, blind spots, readiness, progress); smaller cells are
    /// suppressed. At least 3.
    #[arg(long, default_value_t = crate::base::privacy::MIN_GROUP, value_name = "N")]
    pub(super) min_group: usize,
    /// Add HR's named lists to the overview (who is behind, who leans against their
    /// ladder, who has too few raters). Never share such an overview.
    #[arg(long)]
    pub(super) named: bool,
}

#[derive(Debug, Args)]
pub(super) struct OverviewArgs {
    /// Output folders of the shards of one run (their _overview-K-of-N.json files), or
    /// the files themselves.
    #[arg(required = true, value_name = "DIR|FILE")]
    pub(super) inputs: Vec<PathBuf>,
    /// Where to write _overview.html and _overview.csv.
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    pub(super) output: PathBuf,
    /// Language of rung titles, needs and traits: zh-CN, zh-TW or en [default: zh-CN].
    #[arg(long, value_name = "LOCALE")]
    pub(super) locale: Option<String>,
    /// Folder of company ladder files (*.yaml), for their rung titles.
    #[arg(long, value_name = "DIR")]
    pub(super) ladders: Option<PathBuf>,
    #[command(flatten)]
    pub(super) overview: OverviewOpts,
}

#[derive(Debug, Args)]
pub(super) struct DocOpts {
    /// Output formats, comma-separated.
    #[arg(
        short,
        long,
        value_delimiter = ',',
        default_value = "pdf,html",
        value_name = "FORMATS"
    )]
    pub(super) format: Vec<FormatArg>,
    /// Output folder (created if missing). Files are named from person.id, else the name.
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    pub(super) output: PathBuf,
    /// Language of the workbook, overriding the profile's `locale`: zh-CN, zh-TW
    /// (Traditional Chinese, Taiwan terms) or en.
    #[arg(long, value_name = "LOCALE")]
    pub(super) locale: Option<String>,
    /// Folder whose files replace the built-in HTML templates of the same name.
    #[arg(long, value_name = "DIR")]
    pub(super) templates: Option<PathBuf>,
    /// Font for the PDF (TTF/OTF, or FILE#N for face N of a TTC) instead of the built-in Noto Sans CJK SC.
    #[arg(long, value_name = "FILE")]
    pub(super) font: Option<String>,
    /// Paper size for the PDF.
    #[arg(long, value_enum, default_value = "a4")]
    pub(super) paper: PaperArg,
    /// Include the service-mindset modules even when a profile has none.
    #[arg(long)]
    pub(super) modules: bool,
    /// Fewest peers whose answers are shown in the Johari window. At least 3.
    #[arg(long, default_value_t = crate::base::privacy::MIN_RATERS, value_name = "N")]
    pub(super) min_raters: usize,
    /// Share of peers (0–1) that must pick a trait for it to count as known to
    /// others; never fewer than 2 peers, so one peer alone never places a trait.
    #[arg(long, default_value_t = crate::base::privacy::DEFAULT_MIN_SHARE, value_name = "SHARE")]
    pub(super) min_share: f64,
    /// Show the subject how many peers picked each trait (HR's choice; off by
    /// default). Even then counts appear only when at least 5 peers answered, so that
    /// two rounds a rater apart cannot be subtracted to recover one rater's picks.
    #[arg(long)]
    pub(super) peer_counts: bool,
    /// Print nothing but errors and the final summary.
    #[arg(short, long)]
    pub(super) quiet: bool,
    #[command(flatten)]
    pub(super) common: Common,
}

#[derive(Debug, Args)]
pub(super) struct FormArgs {
    /// A profile to pre-fill the form with (peer picks are kept out).
    #[arg(value_name = "PROFILE")]
    pub(super) profile: Option<PathBuf>,
    /// Output folder (created if missing): writes <id>.form.html.
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    pub(super) output: PathBuf,
    /// Language of the form: zh-CN, zh-TW or en [default: the profile's, else zh-CN].
    #[arg(long, value_name = "LOCALE")]
    pub(super) locale: Option<String>,
    #[command(flatten)]
    pub(super) common: Common,
}

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// Profile files (YAML).
    #[arg(required = true, value_name = "PROFILE")]
    pub(super) profiles: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) common: Common,
}

#[derive(Debug, Args)]
pub(super) struct SchemaArgs {
    /// Write the schema to FILE (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Folder of company ladder files: their rungs join the schema's words.
    #[arg(long, value_name = "DIR")]
    pub(super) ladders: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub(super) force: bool,
}

#[derive(Debug, Args)]
pub(super) struct InitArgs {
    /// Where to write the profile (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Language of the starter profile: zh-CN, zh-TW or en.
    #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
    pub(super) locale: String,
    /// Ladder of the starter profile.
    #[arg(long, default_value = "administrative", value_name = "LADDER")]
    pub(super) track: String,
    /// Overwrite FILE (and a different careerbook.schema.json beside it) if it exists.
    #[arg(long)]
    pub(super) force: bool,
}

#[derive(Debug, Args)]
pub(super) struct LaddersArgs {
    #[command(subcommand)]
    pub(super) action: Option<LaddersAction>,
    /// Folder of company ladder files (*.yaml) that add to or replace the built-ins.
    #[arg(long, value_name = "DIR", global = true)]
    pub(super) ladders: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(super) enum LaddersAction {
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
    Import(ImportArgs),
    /// Write a ladder (built-in or company) as a grid, one row per standard, to edit
    /// in Excel and import again.
    #[command(
        after_help = "Examples:\n  careerbook ladders export administrative -o admin.xlsx\n  careerbook ladders export sales --ladders company-ladders -o sales.csv"
    )]
    Export(ExportArgs),
    /// Write an empty grid to fill in: the headers, a row explaining each column and
    /// one example rung.
    #[command(
        after_help = "Examples:\n  careerbook ladders template -o 任职资格模板.xlsx\n  careerbook ladders template --locale en -o grid.xlsx"
    )]
    Template(TemplateArgs),
}

#[derive(Debug, Subcommand)]
pub(super) enum FeedbackAction {
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
pub(super) enum TemplatesAction {
    /// Write the built-in templates into DIR for editing; use them with --templates DIR.
    #[command(after_help = "Example:\n  careerbook templates eject my-templates")]
    Eject {
        /// Target folder (must not contain the template files yet).
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum FormatArg {
    Html,
    Json,
    Pdf,
    /// iCalendar (RFC 5545): review dates and action due dates.
    Ics,
    /// The fill-in form (<id>.form.html).
    Form,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum PaperArg {
    A4,
    Letter,
}

/// `--kind` of `ladders import`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum KindArg {
    Administrative,
    Technical,
    Other,
}

#[derive(Debug, Args)]
pub(super) struct ImportArgs {
    /// The grid: .xlsx, .csv or .tsv (UTF-8, GBK or UTF-16).
    #[arg(value_name = "FILE")]
    pub(super) file: PathBuf,
    /// The ladder's id (used as career.track, and as the file's name).
    #[arg(long, value_name = "ID")]
    pub(super) id: String,
    /// What the ladder leads to, for track fit [default: other].
    #[arg(long, value_enum)]
    pub(super) kind: Option<KindArg>,
    /// The sheet of a workbook to read [default: the first].
    #[arg(long, value_name = "NAME")]
    pub(super) sheet: Option<String>,
    /// The ladder's name [default: the 序列/family column, else the sheet's name].
    #[arg(long, value_name = "TEXT")]
    pub(super) name: Option<String>,
    /// The folder to write ID.yaml into (a folder for --ladders).
    #[arg(short, long, value_name = "DIR")]
    pub(super) output: PathBuf,
    /// Replace DIR/ID.yaml if it exists (a re-import of an edited grid; texts added by
    /// hand to the ladder file are lost).
    #[arg(long)]
    pub(super) force: bool,
}

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    /// Ladder id.
    pub(super) id: String,
    /// The file to write: .xlsx or .csv.
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: PathBuf,
    /// Language of the headers and categories: zh-CN or en.
    #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
    pub(super) locale: String,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub(super) force: bool,
}

#[derive(Debug, Args)]
pub(super) struct TemplateArgs {
    /// The file to write: .xlsx or .csv.
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: PathBuf,
    /// Language of the template: zh-CN or en.
    #[arg(long, default_value = "zh-CN", value_name = "LOCALE")]
    pub(super) locale: String,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub(super) force: bool,
}
