//! Output files: names from the person's id or name (never outside the output
//! folder), atomic writes (temporary file, then rename), a person's files written all
//! or nothing, and a lock on the output folder for the length of a run.

use crate::base::term::Shown;
use std::io::Write;
use std::path::Path;

/// A safe file stem from an id or name: letters (any script), digits, `-` and `_`;
/// everything else becomes `_`; no leading dots or separators; at most 80 chars.
pub fn file_stem(id: Option<&str>, name: &str) -> String {
    let source = id.filter(|s| !s.trim().is_empty()).unwrap_or(name);
    let mut s: String = source
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .scan(0usize, |bytes, c| {
            // at most 80 characters and 200 bytes (file names are limited in bytes)
            *bytes += c.len_utf8();
            (*bytes <= 200).then_some(c)
        })
        .take(80)
        .collect();
    while s.starts_with(['_', '-']) {
        s.remove(0);
    }
    while s.ends_with(['_', '-']) {
        s.pop();
    }
    if s.is_empty() {
        "workbook".to_string()
    } else {
        s
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then
/// renamed over the target, so a reader (or a failure) never sees a partial file. No
/// fsync: a batch writes thousands of files and syncing each one made the run wait on
/// the disk rather than compute (14 s against 9 s for 1,000 workbooks).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(&tmp_prefix())
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // tempfile creates 0600; output files are ordinary documents (0644 before umask)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Prefix and suffix of our temporary files (removed by the next run if a run is
/// killed before it can rename them). A shard's carry its number
/// (`.careerbook-s3of8-….tmp`), so that a shard starting in a folder the others are
/// writing into removes only what an earlier run of the same shard left.
const TMP_PREFIX: &str = ".careerbook-";
const TMP_SUFFIX: &str = ".tmp";

/// This process's shard tag for temporary files (`s3of8-`), set when a shard takes
/// its lock; empty for a whole run.
static TMP_TAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn tmp_prefix() -> String {
    format!("{TMP_PREFIX}{}", TMP_TAG.get().map_or("", String::as_str))
}

/// Writes a set of files all or nothing: every file goes to a temporary file first;
/// only when all are written are they renamed into place. If a write fails, no file
/// of the set is left (new ones are removed); the OS error is returned with the file.
pub fn write_set(files: &[(std::path::PathBuf, &[u8])]) -> Result<(), String> {
    let mut temps = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let made = tempfile::Builder::new()
            .prefix(&tmp_prefix())
            .suffix(TMP_SUFFIX)
            .tempfile_in(dir)
            .and_then(|mut t| t.write_all(bytes).and(t.flush()).map(|_| t));
        match made {
            Ok(t) => temps.push(t),
            // the temporaries written so far are removed when dropped
            Err(e) => return Err(crate::msg!("write.cannot", path = path.shown(), err = e)),
        }
    }
    // Put each new file in place, keeping the old one as a backup until the whole set
    // is in: if any step fails, the old set is restored, so a failed write never
    // loses the previous good workbook nor leaves a mix of old and new.
    let mut done: Vec<(&Path, Option<tempfile::TempPath>)> = Vec::new();
    let undo = |done: Vec<(&Path, Option<tempfile::TempPath>)>| {
        for (path, backup) in done.into_iter().rev() {
            match backup {
                Some(b) => {
                    let _ = b.persist(path);
                }
                None => {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
    };
    for (tmp, (path, _)) in temps.into_iter().zip(files) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        let backup = if path.is_file() {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let b = tempfile::Builder::new()
                .prefix(&tmp_prefix())
                .suffix(TMP_SUFFIX)
                .make_in(dir, |p| std::fs::rename(path, p));
            match b {
                Ok(b) => Some(b.into_temp_path()),
                Err(e) => {
                    undo(done);
                    return Err(crate::msg!("write.cannot", path = path.shown(), err = e));
                }
            }
        } else {
            None
        };
        if let Err(e) = tmp.persist(path) {
            if let Some(b) = backup {
                let _ = b.persist(path);
            }
            undo(done);
            return Err(crate::msg!(
                "write.cannot",
                path = path.shown(),
                err = e.error
            ));
        }
        done.push((path, backup));
    }
    // the backups are removed as they drop
    Ok(())
}

/// Removes temporary files that a killed run left in `dir` — all of them (a whole
/// run, holding the folder alone), or those of one shard (`Some((k, n))`: the other
/// shards may be writing now) — and returns how many.
pub fn remove_stale_temps(dir: &Path, shard: Option<(usize, usize)>) -> usize {
    let prefix = match shard {
        Some((k, n)) => format!("{TMP_PREFIX}s{k}of{n}-"),
        None => TMP_PREFIX.to_string(),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(TMP_SUFFIX))
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

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
                let _ = TMP_TAG.set(format!("s{k}of{n}-"));
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
    fn stems_never_escape_the_folder() {
        assert_eq!(file_stem(Some("../../x"), "n"), "x");
        assert_eq!(file_stem(Some("E2041"), "李娜"), "E2041");
        assert_eq!(file_stem(None, "李 娜"), "李_娜");
        assert_eq!(file_stem(Some("/"), "..."), "workbook");
        assert_eq!(file_stem(Some("a/b\\c:d"), ""), "a_b_c_d");
        let wide = "𠀀".repeat(70);
        assert!(file_stem(Some(&wide), "").len() <= 200);
    }

    #[test]
    fn a_failed_set_keeps_the_previous_set() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("p.html");
        let b = dir.path().join("p.pdf");
        std::fs::write(&a, "old html").unwrap();
        write_set(&[(a.clone(), b"new html"), (b.clone(), b"new pdf")]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new html");
        // the PDF cannot be replaced (a folder is in the way): the old HTML comes back
        std::fs::write(&a, "old html").unwrap();
        std::fs::remove_file(&b).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(b.join("x"), "x").unwrap();
        assert!(write_set(&[(a.clone(), b"newer html"), (b.clone(), b"newer pdf")]).is_err());
        assert_eq!(std::fs::read(&a).unwrap(), b"old html");
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_failed_set_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("p.html");
        let b = dir.path().join("p.pdf");
        // a folder where the PDF should go: its rename fails after the HTML's
        std::fs::create_dir(&b).unwrap();
        std::fs::write(b.join("x"), "x").unwrap();
        let err = write_set(&[(a.clone(), b"h"), (b.clone(), b"p")]).unwrap_err();
        assert!(err.contains("p.pdf"), "{err}");
        assert!(!a.exists());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the blocking folder is left");
    }

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
