//! Last cycle's profiles (`--previous`): one file, or a folder of them indexed by
//! `person.id`. A previous profile that does not load is reported, never fatal: the
//! current workbook then renders as a first cycle.

use crate::base::term::Shown;
use crate::profile::model::Profile;
use crate::profile::LoadError;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How a previous profile is loaded from its bytes: with the run's ladders, date and
/// language (the caller's `Engine::load`).
pub type Loader<'a> = dyn Fn(&[u8]) -> Result<Profile, LoadError> + Sync + 'a;

/// Last cycle's profiles of a folder, by `person.id` (only the paths are kept).
#[derive(Debug, Default)]
pub struct Index {
    by_id: HashMap<String, PathBuf>,
    /// Problems found while indexing, rendered for the log (file and line:col).
    pub problems: Vec<String>,
}

impl Index {
    /// Indexes every `*.yaml`/`*.yml` under `dir` (recursively).
    pub fn build(loader: &Loader, dir: &Path) -> Result<Index, String> {
        if !dir.is_dir() {
            return Err(crate::msg!("prev.not_folder", path = dir.shown()));
        }
        let mut files = Vec::new();
        let mut notes = Vec::new();
        crate::profile::files::collect_yaml(dir, &mut files, &mut notes);
        let loaded: Vec<(PathBuf, Result<Option<String>, String>)> = files
            .into_par_iter()
            .map(|f| {
                let r = load(loader, &f).map(|p| p.person.id.map(|i| i.trim().to_string()));
                (f, r)
            })
            .collect();
        let mut index = Index {
            problems: notes,
            ..Index::default()
        };
        for (f, r) in loaded {
            match r {
                Ok(Some(id)) => {
                    if let Some(first) = index.by_id.get(&id) {
                        index.problems.push(crate::msg!(
                            "prev.same_id",
                            path = f.shown(),
                            id = id,
                            first = first.shown()
                        ));
                    } else {
                        index.by_id.insert(id, f);
                    }
                }
                Ok(None) => index
                    .problems
                    .push(crate::msg!("prev.no_id", path = f.shown())),
                Err(e) => index.problems.push(e),
            }
        }
        Ok(index)
    }

    /// The file of last cycle's profile of `id`.
    pub fn path(&self, id: &str) -> Option<&Path> {
        self.by_id.get(id.trim()).map(PathBuf::as_path)
    }

    /// How many previous profiles are indexed.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// Loads one previous profile; the error is rendered with file and line:col.
pub fn load(loader: &Loader, path: &Path) -> Result<Profile, String> {
    let shown = path.shown().to_string();
    let bytes = crate::profile::files::read_file(path)
        .map_err(|e| crate::msg!("p.error_at", text = e, file = shown))?;
    loader(&bytes).map_err(|e| e.render(&shown))
}
