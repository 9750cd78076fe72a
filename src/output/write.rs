//! Writing files so that nothing is ever half-written: one file atomically
//! (temporary file, then rename), a person's set of files all or nothing, and the
//! temporaries a killed run left behind removed.

use crate::base::term::Shown;
use std::io::Write;
use std::path::Path;

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

/// Tags this process's temporary files as shard `k` of `n`'s, so that a starting
/// shard removes only its own stale ones.
pub(super) fn tag_temporaries(k: usize, n: usize) {
    let _ = TMP_TAG.set(format!("s{k}of{n}-"));
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
