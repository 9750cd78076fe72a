//! Broken and hostile profiles: exit code 1, an error naming the file, no panic, no
//! output file, and no hang (each run is killed after 20 s, far above the real time).

use assert_cmd::Command;
use std::path::PathBuf;
use std::time::Duration;

fn cb() -> Command {
    let mut c = Command::cargo_bin("careerbook").unwrap();
    c.timeout(Duration::from_secs(20));
    c.env("CAREERBOOK_LANG", "en");
    c
}

fn hostile() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with("tags.yaml"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_hostile_profile_is_refused_with_its_name() {
    let out_dir = tempfile::tempdir().unwrap();
    let cases = hostile();
    assert!(cases.len() >= 9);
    for path in cases {
        let out = cb()
            .arg("render")
            .arg(&path)
            .arg("-o")
            .arg(out_dir.path())
            .args(["--today", "2026-11-23"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(&*name),
            "{name}: error does not name the file: {stderr}"
        );
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    assert_eq!(
        std::fs::read_dir(out_dir.path()).unwrap().count(),
        0,
        "no output for refused profiles"
    );
}

#[test]
fn hostile_messages_say_what_to_do() {
    let check = |file: &str, needle: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(file);
        let out = cb().arg("check").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{file}: {stderr}");
    };
    check("alias-bomb.yaml", "with its aliases (`*name`) expanded");
    check("deep-flow.yaml", "deep-flow.yaml:1:41");
    check("deep-block.yaml", "nests more than 32 levels");
    check("binary.yaml", "binary file");
    check("gbk.yaml", "save the file as UTF-8");
    check("multi-doc.yaml", "remove the `---` line");
    check("null-name.yaml", "null-name.yaml:2:3");
}

#[test]
fn a_40_mb_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(40 * 1024 * 1024).unwrap();
    let out = cb().arg("check").arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 1048576 bytes"));
}

#[test]
fn hostile_inputs_in_batch_leave_the_good_ones_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for p in hostile() {
        std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(input.join("good.yaml"), "person:\n  name: 好人\n  id: G1\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = cb()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out_dir)
        .args(["--today", "2026-11-23", "-f", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["G1.pdf", "_overview.csv", "_overview.html"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "1 ok (0 skipped as existing), {} failed",
            hostile().len()
        )),
        "{stderr}"
    );
}

#[test]
fn fuzz_findings_stay_fixed() {
    // every input a fuzzer once crashed or hung on: each must now finish with an answer
    use careerbook::profile::model::Date;
    use careerbook::render::engine::{Engine, Format};
    let engine = {
        let mut e = Engine::new(Date {
            year: 2026,
            month: 11,
            day: 23,
        });
        e.modules = true;
        e
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    // the folders there are the targets' findings: each is read, none is skipped
    let mut targets: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        ["linebreak", "profile"],
        "a fuzz target without a check here"
    );
    let mut seen = 0;
    for entry in std::fs::read_dir(root.join("profile")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // loaded and rendered, or refused with every problem placed
        match engine.load(&bytes) {
            Ok(p) => {
                let docs = engine
                    .render(&p, &[Format::Html, Format::Json, Format::Pdf])
                    .unwrap();
                assert!(docs.iter().all(|d| !d.bytes.is_empty()), "{path:?}");
            }
            Err(e) => {
                assert!(!e.diagnostics.is_empty(), "{path:?}");
                for d in &e.diagnostics {
                    assert!(d.pos.is_some(), "{path:?}: {} has no place", d.message);
                }
            }
        }
        seen += 1;
    }
    // linebreak inputs are (width byte, text) as the fuzz target decodes them
    for entry in std::fs::read_dir(root.join("linebreak")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let (w, rest) = bytes.split_first().unwrap();
        let text = match std::str::from_utf8(rest) {
            Ok(t) => t,
            Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap(),
        };
        let width = 5.0 + *w as f32;
        let measure = |s: &str| {
            s.chars()
                .map(|c| if (c as u32) > 0x2E80 { 10.0 } else { 5.5 })
                .sum::<f32>()
        };
        for l in careerbook::text::linebreak::break_lines(text, width, &measure) {
            let line = &text[l.start..l.end];
            assert!(
                measure(line) <= width || line.chars().count() == 1,
                "{line:?}"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, 4, "two findings of each target");
}

/// A profile within the file-size and alias-count limits whose aliases would expand
/// to about 60 MB of text (it once took 18.8 s and 3.4 GB to render): refused before
/// expansion, naming the place (`scripts/bench.sh`-style timing is in the README:
/// the release build refuses it in milliseconds).
#[test]
fn alias_amplification_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let big = "长".repeat(5_000);
    let mut y = String::from("person:\n  name: 放大\nanswers:\n  anchor: &t \"");
    y.push_str(&big);
    y.push_str("\"\n  skills:\n");
    for _ in 0..60 {
        y.push_str("    - *t\n");
    }
    // pad with plain text to just under 1 MiB, like the report's 976 KB file
    let filler = format!("  dream: \"{}\"\n", "x".repeat(1_000_000 - y.len() - 40));
    y.push_str(&filler);
    assert!(y.len() < 1024 * 1024 && y.matches('*').count() <= 64);
    let path = dir.path().join("amp.yaml");
    std::fs::write(&path, &y).unwrap();
    let out = cb()
        .args(["render", "--today", "2026-11-23", "-o"])
        .arg(dir.path().join("out"))
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("amp.yaml:"), "{stderr}");
    assert!(stderr.contains("aliases (`*name`) expanded"), "{stderr}");
    assert!(!dir.path().join("out").join("放大.pdf").exists());
}

/// Ids (and other text) are taken exactly as written, not as YAML reads numbers:
/// feedback keyed on the written id must match.
#[test]
fn ids_stay_as_written() {
    let dir = tempfile::tempdir().unwrap();
    for (i, id) in ["1e3", "0x1F", "+12", "007", "1.50", "true"]
        .iter()
        .enumerate()
    {
        let path = dir.path().join(format!("p{i}.yaml"));
        std::fs::write(
            &path,
            format!("person:\n  name: 某人\n  id: {id}\n  department: 2024\n"),
        )
        .unwrap();
        let out = cb()
            .args(["render", "--today", "2026-11-23", "-f", "json", "-q", "-o"])
            .arg(dir.path().join("out"))
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{id}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stem: String = id
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        let stem = stem.trim_matches('_').to_string();
        let json: serde_json::Value = serde_json::from_slice(
            &std::fs::read(dir.path().join("out").join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(json["person"]["id"], *id, "{id}");
        assert_eq!(json["person"]["department"], "2024");
    }
}

/// Every error about a place in the file names it with line:col — also for extra
/// documents, complex or quoted keys, keys that are not text, and empty documents.
#[test]
fn every_error_names_its_place() {
    let cases: &[(&str, &str)] = &[
        ("multi", "person:\n  name: a\n---\nperson:\n  name: b\n"),
        ("multi-empty", "person:\n  name: a\n--- \n"),
        ("complex-key", "person:\n  name: a\n  ? [x, y]\n  : z\n"),
        ("complex-top", "? [x, y]\n: z\nperson:\n  name: a\n"),
        ("int-key", "person:\n  name: a\n  1: x\n"),
        ("null-key", "person:\n  name: a\n  ~: x\n"),
        ("bool-top-key", "true: 1\nperson:\n  name: a\n"),
        (
            "quoted-key",
            "\"person\":\n  \"na\\u006de\": a\n  'rank': x\n",
        ),
        ("empty-doc", "---\n...\n"),
        ("null-doc", "~\n"),
        ("only-comments", "# nothing\n# here\n"),
        ("scalar-doc", "hello\n"),
        ("list-doc", "- a\n- b\n"),
        ("tagged", "person: !who\n  name: a\n"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in cases {
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, text).unwrap();
        let out = cb().arg("check").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        for line in stderr
            .lines()
            .filter(|l| l.trim_start().starts_with("--> "))
        {
            let place = line.rsplit(".yaml").next().unwrap_or("");
            let mut parts = place.trim_start_matches(':').split(':');
            let ok = parts.next().is_some_and(|l| l.parse::<usize>().is_ok())
                && parts.next().is_some_and(|c| c.parse::<usize>().is_ok());
            assert!(ok, "{name}: no line:col in `{line}`\n{stderr}");
        }
        assert!(stderr.contains("--> "), "{name}: {stderr}");
    }
}

#[test]
fn an_endless_word_is_refused_not_laid_out_for_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("word.yaml");
    std::fs::write(
        &p,
        format!(
            "person:\n  name: 某人\nanswers:\n  summary: {}\n",
            "字".repeat(300_000)
        ),
    )
    .unwrap();
    let out = cb().arg("check").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a field holds at most 20000"));
}
