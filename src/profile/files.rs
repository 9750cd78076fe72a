//! Finding and reading input files: what a file is by its extension, every profile
//! of a folder (links followed only inside it, loops reported), and reading a regular
//! file up to a size limit, with a reason when it cannot be read.

use crate::base::term::Shown;
use std::path::{Path, PathBuf};

/// Reads a profile file: a regular file, at most [`super::MAX_BYTES`] (whatever its size
/// claims: devices report 0), with a reason when it cannot be read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    read_regular(path, super::MAX_BYTES)
}

/// Reads any input file the same way: a regular file (a link is followed, but a
/// device, a pipe or a folder is refused), at most `max` bytes whatever its size
/// claims, with a reason when it cannot be read.
pub fn read_regular(path: &Path, max: usize) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err(crate::msg!("read.folder"));
    }
    if !meta.is_file() {
        return Err(crate::msg!("read.special"));
    }
    if meta.len() > max as u64 {
        return Err(crate::msg!("read.size", n = meta.len(), max = max));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| io_reason(&e))?;
    if bytes.len() > max {
        return Err(crate::msg!("read.larger", max = max));
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::msg!("read.missing"),
        std::io::ErrorKind::PermissionDenied => crate::msg!("read.denied"),
        _ => crate::msg!("read.other", err = e),
    }
}

/// Whether a file is YAML by its extension (`.yaml`, `.yml`, any case).
pub fn is_yaml(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("yaml" | "yml")
    )
}

/// Whether a file is a table by its extension (`.csv`, `.tsv`, `.txt`, `.xlsx`,
/// `.xlsm`, any case): a roster among the inputs, an export among feedback files.
pub fn is_roster(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("csv" | "tsv" | "xlsx" | "xlsm" | "txt")
    )
}

/// Recursively collects `*.yaml`/`*.yml` under `dir` in name order, skipping hidden
/// entries and anything that is not a regular file (devices, pipes). Each folder is
/// read once, and a directory link is followed only when it leads to a folder inside
/// `dir` not read yet: a link back into a folder being read (a loop), to an ancestor
/// or out of `dir` is not followed, and reported once.
pub fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>, notes: &mut Vec<String>) {
    let Ok(root) = std::fs::canonicalize(dir) else {
        notes.push(crate::msg!("batch.folder_unreadable", dir = dir.shown()));
        return;
    };
    let mut seen = std::collections::HashSet::new();
    seen.insert(root.clone());
    walk_dir(dir, &root, out, notes, &mut seen);
}

fn walk_dir(
    dir: &Path,
    root: &Path,
    out: &mut Vec<PathBuf>,
    notes: &mut Vec<String>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        notes.push(crate::msg!("batch.folder_unreadable", dir = dir.shown()));
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            let Ok(real) = std::fs::canonicalize(&p) else {
                continue;
            };
            if !real.starts_with(root) {
                notes.push(crate::msg!(
                    "batch.link_out",
                    path = p.shown(),
                    root = root.shown(),
                    real = real.shown()
                ));
                continue;
            }
            if !seen.insert(real.clone()) {
                notes.push(crate::msg!(
                    "batch.link_loop",
                    path = p.shown(),
                    real = real.shown()
                ));
                continue;
            }
            walk_dir(&p, root, out, notes, seen);
        } else if meta.is_file() && is_yaml(&p) {
            out.push(p);
        }
    }
}
