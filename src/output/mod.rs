//! Output files: names from the person's id or name (never outside the output
//! folder), atomic writes (temporary file, then rename), a person's files written all
//! or nothing, and a lock on the output folder for the length of a run.

mod lock;
mod write;

pub use lock::{lock_dir, DirLock, LockMode, LOCK_FILE};
pub use write::{remove_stale_temps, write_atomic, write_set};

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
}
