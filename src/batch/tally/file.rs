//! Reading the shards' counts (`_overview-K-of-N.json`) for `careerbook overview`:
//! regular files only (a pipe, a device or a link to one is refused before it is
//! opened), at most [`MAX_BYTES`] each, numbers that no count can be refused as
//! damaged, always naming the file ([`Tally::merge`] then checks the counts).

use super::{Tally, FORMAT};
use std::path::{Path, PathBuf};

/// The largest counts file read: a shard of a million people writes a few MiB.
pub const MAX_BYTES: usize = 64 << 20;

/// The counts files of `inputs`: in a folder, its `_overview-*.json` (sorted); a
/// file as given.
pub fn find(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir(input)
            .map_err(|e| crate::msg!("run.cannot_read", path = input.display(), err = e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("_overview-") && n.ends_with(".json"))
            })
            .collect();
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Reads one shard's counts; every error names the file.
pub fn read(path: &Path) -> Result<Tally, String> {
    let shown = path.display().to_string();
    let bytes = crate::profile::files::read_regular(path, MAX_BYTES)
        .map_err(|e| crate::msg!("overview.cannot_read", path = shown, err = e))?;
    serde_json::from_slice(&bytes).map_err(|_| {
        // counts of ours whose numbers do not fit (negative, fractional, beyond any
        // integer) are damaged; anything else is not counts at all
        let ours = serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .is_some_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(FORMAT));
        if ours {
            crate::msg!(
                "overview.damaged",
                path = shown,
                what = crate::msg!("tally.not_counts")
            )
        } else {
            crate::msg!("overview.not_counts", path = shown)
        }
    })
}
