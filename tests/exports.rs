//! Survey exports as each tool writes them (tests/fixtures/feedback/exports, made by
//! scripts/make-feedback-exports.py): every file read with the raters per subject its
//! ground truth gives, or refused for the reason it gives; no planted identity in any
//! output or message.

mod common;

use common::{cb, TODAY};
use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = "tests/fixtures/feedback/exports";

struct Case {
    file: String,
    outcome: String,
    raters: BTreeMap<String, u64>,
    skipped: Option<usize>,
    secrets: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(Path::new(DIR).join("expected.tsv")).unwrap();
    let mut out = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        out.push(Case {
            file: f[0].to_string(),
            outcome: f[1].to_string(),
            raters: f[2]
                .split_whitespace()
                .map(|p| {
                    let (id, n) = p.split_once('=').unwrap();
                    (id.to_string(), n.parse().unwrap())
                })
                .collect(),
            skipped: f[3].parse().ok(),
            secrets: f[4]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        });
    }
    assert!(out.len() >= 35, "the corpus is there: {}", out.len());
    out
}

fn employees() -> Vec<String> {
    (1..=12).map(|i| format!("E{i:03}")).collect()
}

#[test]
fn every_export_is_read_right_or_refused_with_its_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    for c in cases() {
        let out = tmp.path().join(&c.file);
        let run = cb()
            .arg("batch")
            .arg(Path::new(DIR).join("employees.csv"))
            .arg("--feedback")
            .arg(Path::new(DIR).join(&c.file))
            .args(["-f", "json", "--today", TODAY, "-o"])
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
        let mut texts = vec![stderr.clone(), String::from_utf8_lossy(&run.stdout).into()];
        if let Some(kind) = c.outcome.strip_prefix("refused:") {
            let phrase = match kind {
                "two-subjects" => "all hold this run's employees",
                "no-subject" => "no column names the colleague",
                "two-picks" => "both hold picks",
                "second-colleague" => "rates a second colleague",
                "option-numbers" => "option numbers",
                "no-picks" => "no column holds picks",
                other => panic!("unknown kind {other}"),
            };
            if run.status.code() != Some(2) || !stderr.contains(phrase) {
                wrong.push(format!(
                    "{}: expected refusal {kind}, got {:?}: {stderr}",
                    c.file,
                    run.status.code()
                ));
            }
        } else {
            if run.status.code() != Some(0) {
                wrong.push(format!(
                    "{}: exit {:?}: {stderr}",
                    c.file,
                    run.status.code()
                ));
                continue;
            }
            for id in employees() {
                let p = out.join(format!("{id}.json"));
                let text = std::fs::read_to_string(&p).unwrap();
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                let got = v["johari"]["raters"].as_u64().unwrap();
                let want = c.raters.get(&id).copied().unwrap_or(0);
                if got != want {
                    wrong.push(format!(
                        "{}: {id} has {got} raters, expected {want}\n{stderr}",
                        c.file
                    ));
                }
                texts.push(text);
            }
            if let Some(n) = c.skipped {
                // "N feedback row(s) skipped" in the summary, when any
                let said = stderr
                    .split(" feedback row(s) skipped")
                    .next()
                    .filter(|_| stderr.contains(" feedback row(s) skipped"))
                    .and_then(|head| head.rsplit(' ').next())
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if said != n {
                    wrong.push(format!(
                        "{}: {said} rows skipped, expected {n}\n{stderr}",
                        c.file
                    ));
                }
            }
            let ov = std::fs::read_to_string(out.join("_overview.html")).unwrap();
            texts.push(ov);
            texts.push(std::fs::read_to_string(out.join("_overview.csv")).unwrap());
        }
        for s in &c.secrets {
            if texts.iter().any(|t| t.contains(s.as_str())) {
                wrong.push(format!("{}: the identity {s:?} reached an output", c.file));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}
