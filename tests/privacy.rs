//! The privacy model end to end, through the CLI with its default flags: below the
//! rater minimum no output carries anything of the peers' picks, peer counts never
//! show a single rater's pick, pick sheets cannot tell raters apart, and the floors
//! of the privacy settings hold.

mod common;

use common::{cb, pdf_text, TODAY};
use std::path::{Path, PathBuf};

/// One subject, S1, in English, who sees themselves as calm and kind.
fn subject(dir: &Path) -> PathBuf {
    let d = dir.join("profiles");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("s1.yaml"),
        "locale: en\nperson:\n  name: Sam Subject\n  id: S1\n  department: Support\njohari:\n  self: [calm, kind]\n",
    )
    .unwrap();
    d
}

/// A plain `subject_id,rater,adjectives` file: one row per (rater, picks).
fn feedback(dir: &Path, name: &str, rows: &[(&str, &str)]) -> PathBuf {
    let mut text = String::from("subject_id,rater,adjectives\n");
    for (rater, picks) in rows {
        text.push_str(&format!("S1,{rater},\"{picks}\"\n"));
    }
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The subject's workbook as (HTML, JSON, PDF text), rendered with default flags
/// (and `extra`).
fn workbook(dir: &Path, fb: &Path, extra: &[&str]) -> (String, serde_json::Value, String) {
    let out = dir.join(format!("out-{}", fb.file_name().unwrap().to_string_lossy()));
    let run = cb()
        .arg("batch")
        .arg(dir.join("profiles"))
        .arg("--feedback")
        .arg(fb)
        .args(["-f", "pdf,html,json", "-q", "--today", TODAY])
        .args(extra)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let html = std::fs::read_to_string(out.join("S1.html")).unwrap();
    let json =
        serde_json::from_str(&std::fs::read_to_string(out.join("S1.json")).unwrap()).unwrap();
    let (_, pdf) = pdf_text(&out.join("S1.pdf"));
    (html, json, pdf)
}

/// The first object under `key`, anywhere in `v`.
fn find<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => {
            m.get(key).or_else(|| m.values().find_map(|x| find(x, key)))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find(x, key)),
        _ => None,
    }
}

#[test]
fn two_raters_show_nothing_of_the_peers_anywhere_and_three_do() {
    let dir = tempfile::tempdir().unwrap();
    subject(dir.path());
    let d = dir.path();
    // the same two raters with other picks: every output must be the same
    let a = feedback(
        d,
        "a.csv",
        &[("r1", "quiet;helpful"), ("r2", "quiet;helpful")],
    );
    let b = feedback(d, "b.csv", &[("r1", "tense;witty"), ("r2", "tense;witty")]);
    let (html_a, json_a, pdf_a) = workbook(d, &a, &[]);
    let (html_b, json_b, pdf_b) = workbook(d, &b, &[]);
    assert_eq!(
        html_a, html_b,
        "the HTML shows something of two raters' picks"
    );
    assert_eq!(
        json_a, json_b,
        "the JSON shows something of two raters' picks"
    );
    assert_eq!(pdf_a, pdf_b, "the PDF shows something of two raters' picks");
    let j = find(&json_a, "johari").expect("johari in the JSON");
    assert_eq!(j["raters"], 2);
    assert_eq!(j["enough_raters"], false);
    assert_eq!(j["min_raters"], 3, "the default minimum is 3");
    for pane in ["open", "blind", "hidden", "unknown", "peer_counts"] {
        assert_eq!(j[pane], serde_json::json!([]), "{pane}");
    }
    // a third rater: the panes show, and they follow the picks
    let c = feedback(
        d,
        "c.csv",
        &[("r1", "quiet;calm"), ("r2", "quiet;calm"), ("r3", "quiet")],
    );
    let (html_c, json_c, pdf_c) = workbook(d, &c, &[]);
    let j = find(&json_c, "johari").unwrap();
    assert_eq!(j["enough_raters"], true);
    assert_eq!(j["blind"], serde_json::json!(["quiet"]));
    assert_eq!(j["open"], serde_json::json!(["calm"]));
    assert_eq!(j["hidden"], serde_json::json!(["kind"]));
    assert!(html_c.contains("3 peers answered anonymously"));
    assert!(pdf_c.contains("3 peers answered anonymously"));
    assert!(!html_a.contains("peers answered anonymously"));
}

#[test]
fn peer_counts_never_show_one_raters_pick() {
    let dir = tempfile::tempdir().unwrap();
    subject(dir.path());
    let d = dir.path();
    let rows: Vec<(String, &str)> = (1..=5)
        .map(|i| {
            (
                format!("r{i}"),
                if i == 1 { "quiet;witty" } else { "quiet" },
            )
        })
        .collect();
    let rows: Vec<(&str, &str)> = rows.iter().map(|(r, p)| (r.as_str(), *p)).collect();
    let fb = feedback(d, "five.csv", &rows);
    let (html, json, _) = workbook(d, &fb, &["--peer-counts"]);
    let j = find(&json, "johari").unwrap();
    assert_eq!(j["peer_counts"], serde_json::json!([["quiet", 5]]));
    assert!(html.contains("quiet ×5"), "counts are on");
    assert!(!html.contains("×1"), "a ×1 is one rater's pick");
    // without --peer-counts, no counts at all
    let (html, json, _) = workbook(d, &fb, &[]);
    assert_eq!(
        find(&json, "johari").unwrap()["peer_counts"],
        serde_json::json!([])
    );
    assert!(!html.contains("×5"));
}

#[test]
fn min_raters_and_min_group_have_floors() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = subject(dir.path());
    for (flag, n) in [
        ("--min-raters", "2"),
        ("--min-raters", "0"),
        ("--min-group", "2"),
    ] {
        let out = cb()
            .arg("batch")
            .arg(&profiles)
            .args([flag, n, "-f", "json", "-o"])
            .arg(dir.path().join("o"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} {n}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{flag} {n} is below 3")), "{err}");
    }
    let out = cb()
        .arg("render")
        .arg(profiles.join("s1.yaml"))
        .args(["--min-raters", "2", "-f", "json", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // the help shows the defaults from the one source of them
    let help = cb().args(["batch", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains("[default: 3]") && help.contains("[default: 5]"),
        "{help}"
    );
}

/// Pick sheets of `profiles` with `args`: (pages, text) of S1's sheets.
fn sheets(dir: &Path, profiles: &Path, args: &[&str], id: &str) -> (usize, String) {
    let out = dir.join(format!("sheets-{}", args.join("-")));
    let run = cb()
        .args(["feedback", "sheets"])
        .arg(profiles)
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    pdf_text(&out.join(format!("{id}.sheets.pdf")))
}

#[test]
fn pick_sheets_carry_no_copy_number_and_follow_the_profiles_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("p");
    std::fs::create_dir_all(&d).unwrap();
    for (id, locale) in [("T1", "zh-TW"), ("C1", "zh-CN"), ("E1", "en")] {
        std::fs::write(
            d.join(format!("{id}.yaml")),
            format!("locale: {locale}\nperson:\n  name: 同事{id}\n  id: {id}\n"),
        )
        .unwrap();
    }
    let (pages, text) = sheets(dir.path(), &d, &["--copies", "3"], "T1");
    assert_eq!(pages, 3);
    let flat: String = text.split_whitespace().collect();
    for copy in ["1/3", "2/3", "3/3", "份數", "份数"] {
        assert!(
            !flat.contains(copy),
            "a copy number tells raters apart: {copy}"
        );
    }
    assert!(
        flat.contains("員工編號") && flat.contains("請選出"),
        "Traditional: {flat}"
    );
    let doc = lopdf::Document::load_mem(
        &std::fs::read(dir.path().join("sheets---copies-3/T1.sheets.pdf")).unwrap(),
    )
    .unwrap();
    let page = |n: u32| doc.extract_text(&[n]).unwrap();
    assert_eq!(page(1), page(3), "every copy is the same page");
    let (_, cn) = sheets(dir.path(), &d, &["--copies", "3"], "C1");
    assert!(cn.contains("工号") && !cn.contains("同事代码"));
    let (_, en) = sheets(dir.path(), &d, &["--copies", "3"], "E1");
    assert!(en.contains("Employee id") && en.contains("Pick the 5–6 adjectives"));
    // --locale given: it wins over the profile's
    let (_, forced) = sheets(dir.path(), &d, &["--locale", "en"], "T1");
    assert!(forced.contains("Employee id") && !forced.contains("員工編號"));
}
