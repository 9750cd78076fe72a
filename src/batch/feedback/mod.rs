//! Anonymous peer feedback for batch runs, from the survey exports HR really has
//! (Microsoft Forms, Google Forms, 问卷星, 腾讯问卷, 飞书, in-house forms; CSV in any
//! supported encoding, or XLSX) or from YAML files, merged into each subject's Johari
//! peers. Columns are told by their values (headers only break ties) or given by HR;
//! in doubt a file is refused with the reason. Rater identities are used only to count
//! each rater once per subject: they are never written anywhere, and no message about
//! a feedback row quotes a cell of it.

pub mod columns;
pub mod employees;
mod export;
pub mod headers;
mod inspect;
mod merge;
pub mod report;
pub mod words;
mod yaml;

pub use columns::Override;
pub use employees::Employees;
pub use inspect::inspect;
pub use report::{FileReport, Skip};

use crate::base::term::Shown;
use crate::profile::catalog::{self, Item};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Feedback per subject id: one set of picks per (anonymous) rater, kept compact —
/// a bit set of the 55 adjectives per answer.
#[derive(Debug, Default)]
pub struct Feedback {
    /// subject id → picks (bit k = adjective k), one per rater.
    by_subject: HashMap<String, Vec<u64>>,
    /// What became of each file, in the order given.
    pub files: Vec<FileReport>,
}

impl Feedback {
    /// Picks for a subject, one list per rater.
    pub fn for_subject(&self, id: &str) -> Vec<Vec<&'static Item>> {
        self.by_subject
            .get(id.trim())
            .map(|v| {
                v.iter()
                    .map(|mask| {
                        catalog::ADJECTIVES
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| mask & (1u64 << k) != 0)
                            .map(|(_, a)| a)
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Answers for people not among the run's employees, and how many such people.
    pub fn unmatched(&self) -> (usize, usize) {
        let answers = self
            .files
            .iter()
            .map(|f| f.skipped.get(&Skip::NotEmployee).copied().unwrap_or(0))
            .sum();
        let people: HashSet<u64> = self
            .files
            .iter()
            .flat_map(|f| f.unmatched.iter().copied())
            .collect();
        (answers, people.len())
    }

    /// Rows skipped in all files.
    pub fn skipped(&self) -> usize {
        self.files.iter().map(FileReport::skipped_total).sum()
    }
}

/// The files `--feedback PATH` names: the file, or every export in the folder and its
/// subfolders (regular files only, hidden ones and links to folders left out), in
/// name order. A folder with nothing readable is an error.
pub fn files_of(path: &Path) -> Result<Vec<PathBuf>, String> {
    let shown = path.shown();
    let meta = std::fs::metadata(path)
        .map_err(|e| crate::msg!("run.cannot_read", path = shown, err = e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let rd = std::fs::read_dir(&d)
            .map_err(|e| crate::msg!("run.cannot_read", path = d.shown(), err = e))?;
        for e in rd.flatten() {
            let p = e.path();
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| n.starts_with('.') || n.starts_with('~'));
            let Ok(ft) = e.file_type() else { continue };
            if hidden {
                continue;
            }
            if ft.is_dir() {
                dirs.push(p);
            } else if ft.is_file()
                && (crate::profile::files::is_roster(&p) || crate::profile::files::is_yaml(&p))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(crate::msg!("fb.folder_empty", path = shown));
    }
    Ok(out)
}

/// Reads one file (number `number` of the run) into `merge`: its report, and its
/// mapping or why it was refused (YAML files have no mapping).
pub fn read_file(
    path: &Path,
    number: usize,
    employees: Option<&Employees>,
    given: &Override,
    merge: &mut merge::Merge,
) -> (FileReport, Result<Option<columns::Mapping>, String>) {
    let shown = path.shown();
    let mut report = FileReport::new(number, &shown);
    if crate::profile::files::is_yaml(path) {
        yaml::read(path, &mut report, employees, merge);
        return (report, Ok(None));
    }
    match export::read(path, &mut report, employees, given, merge) {
        Ok(m) => {
            report.mapping = Some(export::mapping_line(&m, &shown));
            (report, Ok(Some(m)))
        }
        Err(e) => (report, Err(e)),
    }
}

/// Reads every feedback file; the first refused one stops the reading with its reason
/// (feedback is never credited to a guess).
pub fn read(
    files: &[PathBuf],
    employees: Option<&Employees>,
    given: &Override,
) -> Result<Feedback, String> {
    let mut merge = merge::Merge::default();
    let mut reports = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let (report, res) = read_file(f, i + 1, employees, given, &mut merge);
        res?;
        reports.push(report);
    }
    Ok(Feedback {
        by_subject: merge.finish(),
        files: reports,
    })
}

#[cfg(test)]
mod tests;
