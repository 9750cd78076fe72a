//! The commands that help write a profile: `check`, `init`, `schema`, `form` and
//! `ladders`.

use super::args::{CheckArgs, FormArgs, InitArgs, LaddersAction, LaddersArgs, SchemaArgs};
use super::{
    ladder_grid, load_ladders, read_profile, refuse_to_overwrite, shown_path, today, Usage,
};
use crate::base::locale::Locale;
use crate::base::term::Shown;
use crate::output;
use crate::profile::ladder::Ladders;
use std::path::{Path, PathBuf};

pub(super) fn check(a: CheckArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.common.ladders)?;
    ladder_grid::weight_warnings(&ladders);
    let today = today(&a.common.today)?;
    let opts = crate::profile::LoadOptions {
        ladders: &ladders,
        today,
    };
    let mut bad = 0;
    for path in &a.profiles {
        let file = shown_path(path);
        match read_profile(path) {
            Err(e) => {
                crate::errln!("{}", crate::msg!("p.error_at", text = e, file = file));
                bad += 1;
            }
            Ok(bytes) => match crate::profile::load_bytes(&bytes, &opts) {
                Ok(p) => {
                    crate::outln!("{}", crate::msg!("check.ok", file = file));
                    for name in crate::profile::starter::placeholders_left(&p) {
                        let text = crate::msg!("check.placeholder", file = file, name = name);
                        crate::errln!("{}", crate::msg!("p.warning", text = text));
                    }
                    for h in p.hints() {
                        crate::outln!("{}", crate::msg!("check.note", note = h));
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
        let n = a.profiles.len();
        let summary = if n == 1 {
            crate::msg!("check.summary.one")
        } else {
            crate::msg!("check.summary.many", bad = bad, total = n)
        };
        crate::errln!("{summary}");
        return Ok(1);
    }
    Ok(0)
}

pub(super) fn form(a: FormArgs) -> Result<u8, Usage> {
    let ladders = load_ladders(&a.common.ladders)?;
    let today = today(&a.common.today)?;
    let locale = a
        .locale
        .as_deref()
        .map(|l| Locale::parse(l).ok_or_else(|| Usage(crate::msg!("arg.locale", text = l))))
        .transpose()?;
    let profile = match &a.profile {
        None => None,
        Some(path) => {
            let file = path.shown().to_string();
            let bytes = match read_profile(path) {
                Ok(b) => b,
                Err(e) => {
                    crate::errln!("{}", crate::msg!("p.error_at", text = e, file = file));
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
    std::fs::create_dir_all(&a.output)
        .map_err(|e| Usage(crate::msg!("run.mkdir", dir = a.output.shown(), err = e)))?;
    let path = a.output.join(format!("{stem}.form.html"));
    output::write_atomic(&path, html.as_bytes()).map_err(|e| {
        Usage(crate::msg!(
            "run.cannot_write",
            path = path.shown(),
            err = e
        ))
    })?;
    if profile.as_ref().is_some_and(|p| !p.johari_peers.is_empty()) {
        crate::errln!("{}", crate::msg!("form.peers_kept_out"));
    }
    crate::outln!("{}", path.shown());
    Ok(0)
}

pub(super) fn init(a: InitArgs) -> Result<u8, Usage> {
    let locale = Locale::parse(&a.locale)
        .ok_or_else(|| Usage(crate::msg!("arg.locale", text = a.locale)))?;
    let ladders = Ladders::builtin();
    let ladder = ladders.get(&a.track).map_err(|_| {
        Usage(crate::msg!(
            "init.track",
            track = a.track,
            ladders = ladders.ids()
        ))
    })?;
    let rung = &ladder.rungs[0];
    let schema_name = crate::profile::editor_schema::FILE_NAME;
    let text = crate::profile::starter::starter(
        locale,
        &ladder.id,
        if locale.is_zh() {
            rung.title.get(locale)
        } else {
            &rung.id
        },
        &format!("./{schema_name}"),
    );
    match a.output {
        None => crate::out!("{text}"),
        Some(path) => {
            // the schema beside it, for the editor modeline `$schema=./careerbook.schema.json`
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            let schema_path =
                dir.map_or_else(|| PathBuf::from(schema_name), |d| d.join(schema_name));
            let schema = schema_json(&ladders);
            // nothing is written unless both may be: the profile never overwrites a
            // file unasked, and the schema only when it is ours already (same text)
            refuse_to_overwrite(&path, None, a.force)?;
            refuse_to_overwrite(&schema_path, Some(&schema), a.force)?;
            write_file(&path, &text)?;
            if std::fs::read(&schema_path).ok().as_deref() != Some(schema.as_bytes()) {
                write_file(&schema_path, &schema)?;
            }
        }
    }
    Ok(0)
}

/// The editor schema as pretty JSON with a final newline.
fn schema_json(ladders: &Ladders) -> String {
    let schema = crate::profile::editor_schema::schema(ladders);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Writes `text` to `path` (atomically) and says so.
fn write_file(path: &Path, text: &str) -> Result<(), Usage> {
    output::write_atomic(path, text.as_bytes())
        .map_err(|e| Usage(crate::msg!("init.write", path = path.shown(), err = e)))?;
    crate::outln!("{}", crate::msg!("run.wrote", path = path.shown()));
    Ok(())
}

pub(super) fn schema(a: SchemaArgs) -> Result<u8, Usage> {
    let json = schema_json(&load_ladders(&a.ladders)?);
    match a.output {
        None => crate::out!("{json}"),
        Some(path) => {
            refuse_to_overwrite(&path, None, a.force)?;
            write_file(&path, &json)?;
        }
    }
    Ok(0)
}

pub(super) fn ladders(a: LaddersArgs) -> Result<u8, Usage> {
    let ladders = || load_ladders(&a.ladders);
    let Some(action) = a.action else {
        return list(&ladders()?);
    };
    match action {
        LaddersAction::Show { id } => show(&ladders()?, &id),
        LaddersAction::Import(a) => ladder_grid::import(a),
        LaddersAction::Export(a) => ladder_grid::export(find(&ladders()?, &a.id)?, &a),
        LaddersAction::Template(a) => ladder_grid::template(&a),
    }
}

/// `careerbook ladders`: every ladder with its rungs.
fn list(ladders: &Ladders) -> Result<u8, Usage> {
    ladder_grid::weight_warnings(ladders);
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

/// `careerbook ladders show ID`: one ladder in the ladder file format.
fn show(ladders: &Ladders, id: &str) -> Result<u8, Usage> {
    let l = find(ladders, id)?;
    crate::out!("{}", serde_yaml::to_string(l).unwrap_or_default());
    Ok(0)
}

/// The ladder `id`, or a usage error with the nearest id and the list.
fn find<'a>(ladders: &'a Ladders, id: &str) -> Result<&'a crate::profile::ladder::Ladder, Usage> {
    ladders.get(id).map_err(|near| {
        Usage(match near {
            Some(n) => crate::msg!(
                "ladders.unknown.near",
                id = id,
                near = n,
                ladders = ladders.ids()
            ),
            None => crate::msg!("ladders.unknown", id = id, ladders = ladders.ids()),
        })
    })
}
