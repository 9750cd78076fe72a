//! `careerbook render`: one or more profiles to workbooks, with last cycle's beside.

use super::args::RenderArgs;
use super::{engine, formats, is_dash, read_profile, shown_path, started_at, Previous, Usage};
use crate::base::term::Shown;
use crate::output;
use crate::render::engine::{Engine, Format};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub(super) fn render(r: RenderArgs) -> Result<u8, Usage> {
    let a = &r.doc;
    let formats = formats(a);
    if let Some(dir) = r.profiles.iter().find(|p| p.is_dir()) {
        return Err(Usage(crate::msg!("render.folder", dir = dir.shown())));
    }
    let eng = engine(a)?;
    let feedback = match &r.feedback {
        None => None,
        Some(p) => {
            let f = super::batch::read_feedback(p, r.feedback_columns.as_deref(), &r.profiles)?;
            if !a.quiet {
                super::batch::say_feedback(&f, f.unmatched());
            }
            Some(f)
        }
    };
    if is_dash(&a.output) {
        return render_to_stdout(&r, &formats, &eng, feedback.as_ref());
    }
    std::fs::create_dir_all(&a.output)
        .map_err(|e| Usage(crate::msg!("run.mkdir", dir = a.output.shown(), err = e)))?;
    let (_lock, warned) = output::lock_dir(
        &a.output,
        "careerbook render",
        &started_at(),
        &output::LockMode::Whole,
    )
    .map_err(Usage)?;
    if let Some(w) = warned {
        crate::errln!("{}", crate::msg!("p.warning", text = w));
    }
    let previous = match &r.previous {
        None => None,
        Some(p) if p.is_dir() => {
            let idx = crate::profile::previous::Index::build(&|b| eng.load(b), p).map_err(Usage)?;
            for w in &idx.problems {
                crate::errln!(
                    "{}",
                    crate::msg!("run.previous_problem", text = w.trim_end())
                );
            }
            Some(Previous::Dir(idx))
        }
        Some(_) if r.profiles.len() > 1 => return Err(Usage(crate::msg!("render.previous_many"))),
        Some(p) => Some(Previous::File(p.clone())),
    };
    let mut failed = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for path in &r.profiles {
        let file = shown_path(path);
        let Some((profile, docs)) =
            render_one(&eng, path, previous.as_ref(), feedback.as_ref(), &formats)
        else {
            failed.push(file);
            continue;
        };
        let base = output::file_stem(profile.person.id.as_deref(), &profile.person.name);
        let mut stem = base.clone();
        let mut n = 2;
        while !used.insert(stem.clone()) {
            stem = format!("{base}-{n}");
            n += 1;
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
                        crate::outln!("{}", p.shown());
                    }
                }
            }
            Err(e) => {
                crate::errln!("{}", crate::msg!("p.error_at", text = e, file = file));
                failed.push(file.clone());
            }
        }
    }
    if !failed.is_empty() {
        failed.dedup();
        crate::errln!(
            "{}",
            crate::msg!(
                "render.failed",
                bad = failed.len(),
                total = r.profiles.len(),
                files = failed.join(", ")
            )
        );
        return Ok(1);
    }
    Ok(0)
}

/// `-o -`: one profile, one text format (JSON or HTML), written to standard output;
/// messages go to standard error.
fn render_to_stdout(
    r: &RenderArgs,
    formats: &[Format],
    eng: &Engine,
    feedback: Option<&crate::batch::feedback::Feedback>,
) -> Result<u8, Usage> {
    let text = matches!(formats, [Format::Json] | [Format::Html]);
    if r.profiles.len() != 1 || !text {
        return Err(Usage(crate::msg!("render.stdout_one")));
    }
    let previous = match &r.previous {
        Some(p) if p.is_dir() => return Err(Usage(crate::msg!("render.stdout_previous_dir"))),
        Some(p) => Some(Previous::File(p.clone())),
        None => None,
    };
    let Some((_, docs)) = render_one(eng, &r.profiles[0], previous.as_ref(), feedback, formats)
    else {
        return Ok(1);
    };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for d in &docs {
        // a closed pipe (`| head`) is not an error worth a message
        if out.write_all(&d.bytes).and_then(|()| out.flush()).is_err() {
            return Ok(0);
        }
    }
    Ok(0)
}

/// Loads one profile, analyses it (beside last cycle's profile, if any) and renders
/// it; says what went wrong (and what it warns about) on standard error. None when
/// the profile fails. Shared by `render` into a folder and `render -o -`.
fn render_one(
    eng: &Engine,
    path: &Path,
    previous: Option<&Previous>,
    feedback: Option<&crate::batch::feedback::Feedback>,
    formats: &[Format],
) -> Option<(
    crate::profile::model::Profile,
    Vec<crate::render::engine::Rendered>,
)> {
    let file = shown_path(path);
    let bytes = match read_profile(path) {
        Ok(b) => b,
        Err(e) => {
            crate::errln!("{}", crate::msg!("p.error_at", text = e, file = file));
            return None;
        }
    };
    let mut profile = match eng.load(&bytes) {
        Ok(p) => p,
        Err(e) => {
            crate::errln!("{}", e.render(&file));
            return None;
        }
    };
    if let (Some(f), Some(id)) = (feedback, &profile.person.id) {
        profile.johari_peers.extend(f.for_subject(id));
    }
    let prev_path = match previous {
        None => None,
        Some(Previous::File(p)) => Some(p.clone()),
        Some(Previous::Dir(idx)) => profile
            .person
            .id
            .as_deref()
            .and_then(|id| idx.path(id))
            .map(Path::to_path_buf),
    };
    let prev =
        prev_path.and_then(
            |pp| match crate::profile::previous::load(&|b| eng.load(b), &pp) {
                Ok(p) => Some(p),
                Err(e) => {
                    crate::errln!("{}", crate::msg!("run.previous_bad", text = e.trim_end()));
                    crate::errln!("{}", crate::msg!("run.first_cycle", file = file));
                    None
                }
            },
        );
    let analysis = match eng.analyse_cycle(&mut profile, prev.as_ref()) {
        Ok(a) => a,
        Err(e) => {
            crate::errln!("{}", crate::msg!("run.other_person", text = e, file = file));
            return None;
        }
    };
    match eng.render_analysed(&profile, &analysis, formats) {
        Ok(docs) => {
            for w in docs.iter().flat_map(|d| &d.warnings) {
                crate::errln!("{}", crate::msg!("run.file_warning", file = file, text = w));
            }
            Some((profile, docs))
        }
        Err(e) => {
            crate::errln!("{}", crate::msg!("p.error_at", text = e, file = file));
            None
        }
    }
}
