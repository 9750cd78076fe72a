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
///
/// lopdf's extraction puts a space wherever the font changes within a line (the
/// shared template font and the document's own): those spaces are dropped between
/// two Chinese characters, and runs of spaces become one. (tests/print.sh reads our
/// PDFs with poppler's pdftotext, which needs no such help.)
pub fn pdf_text(path: &Path) -> (usize, String) {
    let doc = lopdf::Document::load_mem(&std::fs::read(path).unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).unwrap();
    let cjk =
        |c: char| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' {
            let prev = out.chars().next_back();
            let next = chars[i + 1..].iter().find(|c| **c != ' ');
            if prev == Some(' ') || (prev.is_some_and(cjk) && next.is_some_and(|n| cjk(*n))) {
                continue;
            }
        }
        out.push(*c);
    }
    (pages.len(), out)
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
