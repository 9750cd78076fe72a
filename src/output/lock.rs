//! The lock on an output folder for the length of a run: a whole run holds it alone;
//! the shards of one run share it, each with a lock of its own.

use super::write::{remove_stale_temps, tag_temporaries};
use crate::base::term::Shown;
use std::io::Write;
use std::path::Path;

/// A lock on an output folder, held until dropped (the OS releases it if the process
/// dies, so a killed run never leaves the folder locked). A whole run holds it alone;
/// the shards of one run share it, each holding its own shard lock as well.
#[derive(Debug)]
pub struct DirLock {
    file: Option<std::fs::File>,
    path: Option<std::path::PathBuf>,
    shard: Option<(std::fs::File, std::path::PathBuf)>,
}

impl Drop for DirLock {
    fn drop(&mut self) {
        if let Some((f, p)) = self.shard.take() {
            let _ = std::fs::remove_file(&p);
            drop(f);
        }
        // unlink while still holding the lock; a run that opened the old file then
        // sees that the path no longer names it and opens the path anew
        if let Some(p) = self.path.take() {
            let _ = std::fs::remove_file(&p);
        }
        self.file.take();
    }
}

/// Name of the lock file in the output folder.
pub const LOCK_FILE: &str = ".careerbook.lock";

/// How a run uses its output folder.
#[derive(Debug, Clone)]
pub enum LockMode {
    /// The whole folder, alone (render, or a batch without shards).
    Whole,
    /// Shard K of N of one run: shards of the same run (the same settings) may write
    /// into one folder at once; another run may not.
    Shard {
        /// Which shard.
        k: usize,
        /// Of how many.
        n: usize,
        /// The run's settings, to tell runs apart.
        settings: String,
    },
}

#[cfg(unix)]
fn same_file(f: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (f.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::File, path: &Path) -> bool {
    path.exists()
}

fn holder_of(file: &mut std::fs::File) -> String {
    let mut holder = String::new();
    let _ = std::io::Read::read_to_string(file, &mut holder);
    let holder = holder.trim().to_string();
    if holder.is_empty() {
        crate::msg!("lock.unknown")
    } else {
        holder
    }
}

/// Takes the lock on `dir` for a run described by `what` (e.g. "careerbook batch"),
/// then removes temporary files a killed run left there. Refused, naming who holds
/// it, when another run is writing into the same folder. When the folder cannot hold
/// a lock file at all (read-only), the run goes on without one — its writes will fail
/// and be reported one by one — and the second value says so.
pub fn lock_dir(
    dir: &Path,
    what: &str,
    started: &str,
    mode: &LockMode,
) -> Result<(DirLock, Option<String>), String> {
    let path = dir.join(LOCK_FILE);
    let me = format!("pid {}, {what}, started {started}", std::process::id());
    for _ in 0..5 {
        let mut file = match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) => {
                let unlocked = DirLock {
                    file: None,
                    path: None,
                    shard: None,
                };
                return Ok((
                    unlocked,
                    Some(crate::msg!(
                        "lock.cannot_create",
                        dir = dir.shown(),
                        err = e
                    )),
                ));
            }
        };
        let got = match mode {
            LockMode::Whole => file.try_lock(),
            LockMode::Shard { .. } => file.try_lock_shared(),
        };
        match got {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(crate::msg!(
                    "lock.busy",
                    dir = dir.shown(),
                    holder = holder_of(&mut file)
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(crate::msg!(
                    "lock.cannot_lock",
                    path = path.shown(),
                    err = e
                ));
            }
        }
        if !same_file(&file, &path) {
            // the holder removed the file as we locked it: lock the new one
            continue;
        }
        let shard = match mode {
            LockMode::Whole => {
                let _ = file.set_len(0);
                let _ = file.write_all(format!("{me}\n").as_bytes());
                let _ = file.flush();
                None
            }
            LockMode::Shard { k, n, settings } => Some(shard_lock(dir, *k, *n, settings, &me)?),
        };
        let shard = match mode {
            LockMode::Whole => {
                remove_stale_temps(dir, None);
                shard
            }
            LockMode::Shard { k, n, .. } => {
                tag_temporaries(*k, *n);
                remove_stale_temps(dir, Some((*k, *n)));
                shard
            }
        };
        let whole = matches!(mode, LockMode::Whole);
        return Ok((
            DirLock {
                file: Some(file),
                // shards leave the shared lock file for the others
                path: whole.then_some(path),
                shard,
            },
            None,
        ));
    }
    Err(crate::msg!("lock.racing", dir = dir.shown()))
}

/// The lock of one shard, after checking that the shards running here now are of the
/// same run.
fn shard_lock(
    dir: &Path,
    k: usize,
    n: usize,
    settings: &str,
    me: &str,
) -> Result<(std::fs::File, std::path::PathBuf), String> {
    let fingerprint = format!(
        "{:016x}",
        crate::base::hash::fnv(&format!("{n}\u{0}{settings}"))
    );
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(".careerbook-shard-") || !name.ends_with(".lock") {
                continue;
            }
            let Ok(mut other) = std::fs::OpenOptions::new().read(true).open(e.path()) else {
                continue;
            };
            if let Err(std::fs::TryLockError::WouldBlock) = other.try_lock_shared() {
                // a live shard: it must be of the same run
                let holder = holder_of(&mut other);
                if !holder.contains(&fingerprint) {
                    return Err(crate::msg!(
                        "lock.other_run",
                        dir = dir.shown(),
                        holder = holder
                    ));
                }
            }
        }
    }
    let path = dir.join(format!(".careerbook-shard-{k}-of-{n}.lock"));
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| crate::msg!("lock.shard_file", path = path.shown(), err = e))?;
    match f.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(crate::msg!(
                "lock.shard_busy",
                dir = dir.shown(),
                k = k,
                n = n,
                holder = holder_of(&mut f)
            ))
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(crate::msg!(
                "lock.cannot_lock",
                path = path.shown(),
                err = e
            ))
        }
    }
    let _ = f.set_len(0);
    let _ = f.write_all(format!("{me}, shard {k}/{n}, run {fingerprint}\n").as_bytes());
    let _ = f.flush();
    Ok((f, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_exclusive_and_stale_temps_go() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".careerbook-abc.tmp"), "x").unwrap();
        let held = lock_dir(dir.path(), "careerbook batch", "now", &LockMode::Whole).unwrap();
        assert!(!dir.path().join(".careerbook-abc.tmp").exists());
        let err = lock_dir(dir.path(), "careerbook render", "later", &LockMode::Whole).unwrap_err();
        assert!(err.contains("careerbook batch"), "{err}");
        drop(held);
        assert!(
            !dir.path().join(LOCK_FILE).exists(),
            "the lock file goes with the run"
        );
        assert!(lock_dir(dir.path(), "careerbook render", "later", &LockMode::Whole).is_ok());
    }

    #[test]
    fn a_starting_shard_removes_only_its_own_stale_temporaries() {
        // shard 2 is writing while shard 1 starts (GNU parallel starts them together):
        // shard 1 must not remove shard 2's temporary file, only its own old ones
        let dir = tempfile::tempdir().unwrap();
        let theirs = dir.path().join(".careerbook-s2of4-abc.tmp");
        let mine = dir.path().join(".careerbook-s1of4-old.tmp");
        std::fs::write(&theirs, "x").unwrap();
        std::fs::write(&mine, "x").unwrap();
        assert_eq!(remove_stale_temps(dir.path(), Some((1, 4))), 1);
        assert!(theirs.exists() && !mine.exists());
        // a whole run holds the folder alone and removes every one
        assert_eq!(remove_stale_temps(dir.path(), None), 1);
        assert!(!theirs.exists());
    }

    #[test]
    fn shards_of_one_run_share_a_folder_other_runs_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let shard = |k: usize, settings: &str| LockMode::Shard {
            k,
            n: 4,
            settings: settings.into(),
        };
        let one = lock_dir(dir.path(), "careerbook batch", "t", &shard(1, "pdf")).unwrap();
        let two = lock_dir(dir.path(), "careerbook batch", "t", &shard(2, "pdf")).unwrap();
        let again = lock_dir(dir.path(), "careerbook batch", "t", &shard(2, "pdf")).unwrap_err();
        assert!(
            again.contains("shard 2/4 is already being written"),
            "{again}"
        );
        let other = lock_dir(dir.path(), "careerbook batch", "t", &shard(3, "html")).unwrap_err();
        assert!(other.contains("other settings"), "{other}");
        let whole = lock_dir(dir.path(), "careerbook render", "t", &LockMode::Whole).unwrap_err();
        assert!(whole.contains("another careerbook run"), "{whole}");
        drop((one, two));
        assert!(lock_dir(dir.path(), "careerbook render", "t", &LockMode::Whole).is_ok());
    }
}
