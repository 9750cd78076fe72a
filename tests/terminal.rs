//! Names never take over the terminal: file names (and folder names) with control
//! characters are printed escaped by every command, in both languages, with and
//! without colour; and a batch counts every input, a failed roster or spreadsheet
//! included.

mod common;
use common::{cb, root, TODAY};
use std::path::Path;

/// No raw control character but our own line breaks (and, with colour, our own
/// escape codes, which are checked apart).
fn no_raw_controls(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{text:?}"
    );
}

const RED: &str = "a\u{1b}[31mred";
const RED_SHOWN: &str = "a\\u{1b}[31mred";

#[test]
fn check_and_render_print_file_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join(format!("{RED}.yaml"));
    std::fs::write(&bad, "person:\n  name: 王芳\n  age: 三十\n").unwrap();
    // a newline in a name cannot forge a line of its own
    let forged = dir.path().join("x\nerror: forged.yaml");
    std::fs::write(&forged, "person: [\n").unwrap();
    for lang in ["en", "zh-CN"] {
        let out = cb()
            .args(["--lang", lang, "check"])
            .arg(&bad)
            .arg(&forged)
            .args(["--today", TODAY])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        no_raw_controls(&stderr.replace('\n', ""));
        assert!(stderr.contains(&format!("{RED_SHOWN}.yaml:3:")), "{stderr}");
        assert!(stderr.contains("x\\u{a}error: forged.yaml"), "{stderr}");
        assert!(!stderr.lines().any(|l| l.starts_with("error: forged")));
    }
    // with colour on, our own codes paint the frame and the name stays escaped
    let out = cb()
        .args(["--color", "always", "check"])
        .arg(&bad)
        .args(["--today", TODAY])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("\u{1b}[1;31merror\u{1b}[0m"), "{stderr:?}");
    assert!(
        stderr.contains(RED_SHOWN) && !stderr.contains(RED),
        "{stderr:?}"
    );
    // what render writes is listed with the output folder's name escaped
    let out_dir = dir.path().join(format!("{RED}-out"));
    let out = cb()
        .arg("render")
        .arg(root().join("profiles/minimal.zh.yaml"))
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    no_raw_controls(&stdout);
    assert!(stdout.contains(&format!("{RED_SHOWN}-out")), "{stdout}");
}

fn batch(inputs: &[&Path], out: &Path) -> (Option<i32>, String) {
    let o = cb()
        .arg("batch")
        .args(inputs)
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(out)
        .output()
        .unwrap();
    (o.status.code(), String::from_utf8(o.stderr).unwrap())
}

#[test]
fn a_batch_escapes_names_and_counts_every_input() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(format!("{RED}-profiles"));
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join(format!("{RED}.yaml")), "person: [\n").unwrap();
    std::fs::write(folder.join("ok.yaml"), "person:\n  name: 李娜\n  id: K1\n").unwrap();
    // a roster with a row that fails, and one that fails as a whole
    let roster = dir.path().join(format!("{RED}.csv"));
    std::fs::write(&roster, "工号,姓名,出生年份\nR1,周杰,2031\n").unwrap();
    let broken = dir.path().join(format!("{RED}-2.csv"));
    std::fs::write(&broken, "备注\nx\n").unwrap();
    let old = dir.path().join(format!("{RED}.xls"));
    std::fs::write(&old, b"\xd0\xcf\x11\xe0").unwrap();
    let out = dir.path().join("out");
    let (code, stderr) = batch(&[&folder, &roster, &broken, &old], &out);
    assert_eq!(code, Some(1), "{stderr}");
    no_raw_controls(&stderr);
    assert!(stderr.contains(&format!("{RED_SHOWN}.yaml")), "{stderr}");
    assert!(
        stderr.contains(&format!("{RED_SHOWN}.csv:row 2")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{RED_SHOWN}-2.csv")), "{stderr}");
    assert!(stderr.contains(&format!("{RED_SHOWN}.xls")), "{stderr}");
    // two profiles, one roster row, a roster without a header, an old spreadsheet
    assert!(
        stderr.contains("batch: 5 profile(s): 1 ok (0 skipped as existing), 4 failed"),
        "{stderr}"
    );
    assert!(out.join("K1.json").is_file());
}
