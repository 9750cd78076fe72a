//! Helpers shared by the integration tests: the binary, the project root, PDF text.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `--today` every test renders with.
pub const TODAY: &str = "2026-11-23";

/// The careerbook binary.
pub fn cb() -> Command {
    // messages in English whatever the machine's locale (`--lang zh-CN` for Chinese)
    let mut c = Command::cargo_bin("careerbook").expect("binary built");
    c.env("CAREERBOOK_LANG", "en");
    c
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A PDF's page count and text.
pub fn pdf_text(path: &Path) -> (usize, String) {
    let doc = lopdf::Document::load_mem(&std::fs::read(path).unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    (pages.len(), doc.extract_text(&pages).unwrap())
}

/// stderr with the temporary folder and the project root replaced, for pinning.
pub fn pinned(out: &std::process::Output, dir: &Path) -> String {
    String::from_utf8_lossy(&out.stderr)
        .replace(&dir.display().to_string(), "DIR")
        .replace(&root().display().to_string(), "ROOT")
}

/// Writes `text` as `dir/name` and runs `careerbook check` on it.
pub fn check_text(dir: &Path, name: &str, text: &str) -> std::process::Output {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    cb().arg("check")
        .arg(&p)
        .args(["--today", TODAY])
        .output()
        .unwrap()
}
