//! `careerbook ladders import | export | template`: ladders from the spreadsheets HR
//! keeps and back (see [`crate::grid`]).

use super::args::{ExportArgs, ImportArgs, KindArg, TemplateArgs};
use super::{refuse_to_overwrite, Usage};
use crate::base::locale::Locale;
use crate::base::term::Shown;
use crate::grid::{self, ExportFormat};
use crate::output;
use crate::profile::ladder::Ladders;
use crate::profile::ladder::{Kind, Ladder};
use std::path::Path;

/// `ladders import FILE --id ID -o DIR`: reads the grid, prints what was read, and
/// writes DIR/ID.yaml only when the grid has no problem.
pub(super) fn import(a: ImportArgs) -> Result<u8, Usage> {
    let id = grid::check_id(&a.id).map_err(Usage)?;
    let opts = grid::Options {
        id: id.clone(),
        kind: a.kind.map(|k| match k {
            KindArg::Administrative => Kind::Administrative,
            KindArg::Technical => Kind::Technical,
            KindArg::Other => Kind::Other,
        }),
        sheet: a.sheet,
        name: a.name.filter(|n| !n.trim().is_empty()),
    };
    let shown = a.file.shown();
    let imported = match grid::import(&a.file, &shown, &opts) {
        Ok(i) => i,
        Err(text) => {
            crate::errln!("{}", text.trim_end());
            crate::errln!("{}", crate::msg!("grid.failed", file = shown));
            return Ok(1);
        }
    };
    crate::outln!("{}", imported.report.render());
    if Ladders::builtin().all.iter().any(|l| l.id == id) {
        crate::errln!("{}", crate::msg!("grid.replaces", id = id));
    }
    let path = a.output.join(format!("{id}.yaml"));
    refuse_to_overwrite(&path, Some(&imported.yaml), a.force)?;
    std::fs::create_dir_all(&a.output)
        .map_err(|e| Usage(crate::msg!("run.mkdir", dir = a.output.shown(), err = e)))?;
    write(&path, imported.yaml.as_bytes())?;
    Ok(0)
}

/// `ladders export ID -o FILE.xlsx|.csv`.
pub(super) fn export(ladder: &Ladder, a: &ExportArgs) -> Result<u8, Usage> {
    let loc = grid_locale(&a.locale)?;
    let format = format_of(&a.output)?;
    refuse_to_overwrite(&a.output, None, a.force)?;
    let (bytes, empty) = grid::export(ladder, loc, format).map_err(Usage)?;
    write(&a.output, &bytes)?;
    for rung in empty {
        crate::errln!("{}", crate::msg!("grid.export_empty", rung = rung));
    }
    Ok(0)
}

/// `ladders template -o FILE.xlsx`.
pub(super) fn template(a: &TemplateArgs) -> Result<u8, Usage> {
    let loc = grid_locale(&a.locale)?;
    let format = format_of(&a.output)?;
    refuse_to_overwrite(&a.output, None, a.force)?;
    let bytes = grid::template(loc, format).map_err(Usage)?;
    write(&a.output, &bytes)?;
    Ok(0)
}

/// The warnings of company ladders whose rungs' weights do not add up to 100 %.
pub(super) fn weight_warnings(ladders: &Ladders) {
    for l in &ladders.all {
        for (rung, sum) in l.weights_off() {
            crate::errln!(
                "{}",
                crate::msg!(
                    "ladder.weights_off",
                    ladder = l.id,
                    rung = rung,
                    pct = crate::profile::ladder::percent_text(sum)
                )
            );
        }
    }
}

fn grid_locale(s: &str) -> Result<Locale, Usage> {
    Locale::parse(s).ok_or_else(|| Usage(crate::msg!("arg.locale", text = s)))
}

fn format_of(path: &Path) -> Result<ExportFormat, Usage> {
    ExportFormat::of(path).ok_or_else(|| Usage(crate::msg!("grid.format", path = path.shown())))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Usage> {
    output::write_atomic(path, bytes).map_err(|e| {
        Usage(crate::msg!(
            "run.cannot_write",
            path = path.shown(),
            err = e
        ))
    })?;
    crate::outln!("{}", crate::msg!("run.wrote", path = path.shown()));
    Ok(())
}
