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
pub use args::Cli;
use args::{Command, DocOpts, FormatArg, PaperArg, TemplatesAction};
use clap::{CommandFactory, Parser};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod args;
mod batch;
mod feedback;
mod ladder_grid;
mod profiles;
mod render;

use batch::{batch, merge_overview};
use feedback::feedback;
use profiles::{check, form, init, ladders, schema};
use render::render;

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

/// Refuses to write `path` when something is there already, unless `--force`, or
/// unless it holds exactly `same` (writing it again would change nothing). The same
/// rule for every command that writes a file the user named (`init`, `schema`,
/// `ladders import | export | template`).
fn refuse_to_overwrite(path: &Path, same: Option<&str>, force: bool) -> Result<(), Usage> {
    let exists = std::fs::symlink_metadata(path).is_ok();
    if !exists || force {
        return Ok(());
    }
    if same.is_some_and(|t| std::fs::read(path).ok().as_deref() == Some(t.as_bytes())) {
        return Ok(());
    }
    Err(Usage(crate::msg!("write.exists", path = path.shown())))
}
