//! The `batch` command: rosters, feedback, privacy, failure isolation, shards.

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/batch")
}

fn batch(args: &[&str], out: &Path) -> std::process::Output {
    Command::cargo_bin("careerbook")
        .unwrap()
        .arg("batch")
        .args(args)
        .arg("-o")
        .arg(out)
        .args(["--today", TODAY])
        .output()
        .unwrap()
}

fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn f(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

#[test]
fn csv_in_utf8_bom_and_gbk_give_the_same_workbooks() {
    let mut outputs = Vec::new();
    for roster in ["roster-utf8.csv", "roster-bom.csv", "roster-gbk.csv"] {
        let dir = tempfile::tempdir().unwrap();
        let out = batch(&[&f(roster), "-f", "json,html", "-q"], dir.path());
        // rows 7 and 8 are broken on purpose: the run goes on and exits 1
        assert_eq!(out.status.code(), Some(1), "{roster}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{roster}:row 7, column E (出生年份)")),
            "{stderr}"
        );
        assert!(stderr.contains("did you mean `中级`"), "{stderr}");
        let names = files(dir.path());
        for id in ["R001", "R002", "R003", "R004", "R005"] {
            assert!(
                names.contains(&format!("{id}.json")),
                "{roster}: {id} missing"
            );
        }
        assert!(!names.contains("R006.json") && !names.contains("R007.json"));
        let json = std::fs::read_to_string(dir.path().join("R001.json")).unwrap();
        assert!(
            json.contains("\"name\": \"周杰\"") && json.contains("\"department\": \"客服部\""),
            "{roster}: {json}"
        );
        outputs.push(
            names
                .iter()
                .filter(|n| n.ends_with(".json"))
                .map(|n| std::fs::read(dir.path().join(n)).unwrap())
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn xlsx_first_sheet_with_english_headers() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[&f("roster.xlsx"), "-f", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("X002.json")).unwrap()).unwrap();
    assert_eq!(v["person"]["name"], "Ben Okafor");
    assert_eq!(v["ladder"]["level"], "associate_senior");
    assert_eq!(v["ladder"]["age"], 35);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("roster.xlsx:row 4, column G (Level)")
            && stderr.contains("did you mean `senior`"),
        "{stderr}"
    );
}

#[test]
fn feedback_merges_counts_each_rater_once_and_names_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(
        &[
            &f("roster-utf8.csv"),
            &f("profiles"),
            "--feedback",
            &f("feedback.csv"),
            "-f",
            "json,html,pdf",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let r001: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("R001.json")).unwrap()).unwrap();
    assert_eq!(r001["johari"]["raters"], 3);
    assert_eq!(r001["johari"]["enough_raters"], true);
    assert_eq!(
        r001["johari"]["peer_counts"],
        serde_json::json!([]),
        "no per-trait counts without --peer-counts"
    );
    assert!(r001["johari"]["blind"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("quiet")));
    let r003: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("R003.json")).unwrap()).unwrap();
    assert_eq!(
        r003["johari"]["raters"], 1,
        "the same rater twice counts once"
    );
    assert_eq!(r003["johari"]["enough_raters"], false);
    // no rater name in any output file, the overview or the log
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!stderr.contains("RATER") && !stderr.contains("秘密") && !stdout.contains("RATER"));
    for name in files(dir.path()) {
        let bytes = std::fs::read(dir.path().join(&name)).unwrap();
        let text = if name.ends_with(".pdf") {
            let doc = lopdf::Document::load_mem(&bytes).unwrap();
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).unwrap()
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(
            !text.contains("RATER") && !text.contains("秘密"),
            "{name} names a rater"
        );
    }
    // the bad feedback row is reported with its line, the rest is used
    assert!(
        stderr.contains("feedback.csv:row 9, column C: feedback: pick 1 is not one of the 55 adjectives; did you mean `dependable`?"),
        "{stderr}"
    );
    let overview = std::fs::read_to_string(dir.path().join("_overview.csv")).unwrap();
    assert!(overview.contains("feedback,,too_few_raters,"));
    assert!(overview.contains("failed,,"));
}

#[test]
fn one_bad_profile_never_stops_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[&f("profiles"), "-f", "pdf,html"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let names = files(dir.path());
    let expected: BTreeSet<String> = [
        "P001.pdf",
        "P001.html",
        "P002.pdf",
        "P002.html",
        "_overview.html",
        "_overview.csv",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(
        names, expected,
        "no file for the broken profile, no temporary files"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.yaml:3:3"), "{stderr}");
    assert!(
        stderr.contains("3 profile(s): 2 ok (0 skipped as existing), 1 failed"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(dir.path().join("_overview.html")).unwrap();
    assert!(html.contains("broken.yaml") && html.contains("<svg"));
}

#[test]
fn shards_cover_every_row_exactly_once_and_resume_skips() {
    let inputs = [f("roster-utf8.csv"), f("roster.xlsx"), f("profiles")];
    let full = tempfile::tempdir().unwrap();
    let mut args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    args.extend(["-f", "json"]);
    batch(&args, full.path());
    let all: BTreeSet<String> = files(full.path())
        .into_iter()
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert_eq!(all.len(), 9);
    let mut seen = BTreeSet::new();
    for k in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let shard = format!("{k}/3");
        let mut a = args.clone();
        a.extend(["--shard", &shard]);
        batch(&a, dir.path());
        assert!(dir.path().join(format!("_overview-{k}-of-3.csv")).is_file());
        for name in files(dir.path())
            .into_iter()
            .filter(|n| n.ends_with(".json"))
        {
            assert!(seen.insert(name.clone()), "{name} rendered by two shards");
        }
    }
    assert_eq!(seen, all);
    // resume: everything exists, nothing is rendered again
    let mut a = args.clone();
    a.push("--skip-existing");
    let out = batch(&a, full.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("9 ok (9 skipped as existing)") && stderr.contains("0 file(s) written"),
        "{stderr}"
    );
}

#[test]
fn bad_shard_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[&f("profiles"), "--shard", "4/3"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}
