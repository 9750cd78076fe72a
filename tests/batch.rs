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

/// A batch run's failures as its summary counts them; its exit code is checked to
/// be 1 exactly when there are any, else 0 (every shard run goes through here).
fn failed(out: &std::process::Output) -> usize {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary = stderr
        .lines()
        .find(|l| l.starts_with("batch: "))
        .unwrap_or_else(|| panic!("no summary: {stderr}"));
    // `…, 1 ok (0 skipped as existing), 2 failed; …`
    let n: usize = summary
        .split_once(" failed")
        .and_then(|(before, _)| before.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no failure count: {summary}"));
    assert_eq!(out.status.code(), Some(i32::from(n > 0)), "{stderr}");
    n
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
                .filter(|n| n.ends_with(".json") && !n.starts_with('_'))
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
        stderr.contains("feedback.csv:row 9, column C: an option that is not one of the 55 adjectives is left out; did you mean `dependable`? (the other picks count)"),
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
    let whole = failed(&batch(&args, full.path()));
    assert!(whole > 0, "the fixtures hold broken rows");
    let mut shard_failures = 0;
    let all: BTreeSet<String> = files(full.path())
        .into_iter()
        .filter(|n| n.ends_with(".json") && !n.starts_with('_'))
        .collect();
    assert_eq!(all.len(), 9);
    let mut seen = BTreeSet::new();
    for k in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let shard = format!("{k}/3");
        let mut a = args.clone();
        a.extend(["--shard", &shard]);
        shard_failures += failed(&batch(&a, dir.path()));
        assert!(dir
            .path()
            .join(format!("_overview-{k}-of-3.json"))
            .is_file());
        assert!(
            !dir.path().join(format!("_overview-{k}-of-3.csv")).exists(),
            "a shard writes counts only"
        );
        for name in files(dir.path())
            .into_iter()
            .filter(|n| n.ends_with(".json") && !n.starts_with('_'))
        {
            assert!(seen.insert(name.clone()), "{name} rendered by two shards");
        }
    }
    assert_eq!(seen, all);
    assert_eq!(shard_failures, whole, "each failure in one shard");
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

fn roster(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rosters")
        .join(name)
        .display()
        .to_string()
}

fn json(dir: &Path, stem: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join(format!("{stem}.json"))).unwrap()).unwrap()
}

#[test]
fn a_bad_roster_fails_alone_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(
        &[
            &roster("xlsx-far-cell.xlsx"),
            &roster("xlsx-whitespace-bomb.xlsx"),
            &roster("roster-bad-byte.csv"),
            &f("profiles"),
            "-f",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let names = files(dir.path());
    assert!(
        names.contains("P001.json") && names.contains("P002.json"),
        "{names:?}"
    );
    assert!(names.contains("_overview.html") && names.contains("_overview.csv"));
    assert!(
        stderr.contains("xlsx-far-cell.xlsx: the first sheet's used range is A1:XFD1048576"),
        "{stderr}"
    );
    assert!(stderr.contains("Ctrl+End"), "{stderr}");
    assert!(
        stderr.contains(
            "xlsx-whitespace-bomb.xlsx: the workbook part xl/worksheets/sheet1.xml inflates to"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("roster-bad-byte.csv:row 4: the file is UTF-8 but byte 0xFF on line 4"),
        "{stderr}"
    );
    // nothing was decoded lossily: no workbook from the bad-byte roster
    assert!(!names.iter().any(|n| n.starts_with("B00")), "{names:?}");
}

#[test]
fn excel_realities_title_rows_offsets_merges_1904_and_unicode_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(
        &[
            &roster("xlsx-title-row.xlsx"),
            &roster("xlsx-offset.xlsx"),
            &roster("xlsx-1904.xlsx"),
            &roster("roster-utf16.txt"),
            "-f",
            "json,html",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // the header is found below the title row; the merged department fills its range
    let t1 = json(dir.path(), "T001");
    let t2 = json(dir.path(), "T002");
    assert!(!t1["person"]["department"].as_str().unwrap().is_empty());
    assert_eq!(t1["person"]["department"], t2["person"]["department"]);
    // real Excel row numbers and column letters, blank rows and columns counted
    assert!(
        stderr.contains("xlsx-title-row.xlsx:row 6, column F (职级)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("xlsx-offset.xlsx:row 5, column E (出生年份)"),
        "{stderr}"
    );
    assert!(files(dir.path()).contains("O001.json"));
    // a 1904-date workbook keeps its dates
    let d1 = std::fs::read_to_string(dir.path().join("D001.html")).unwrap();
    assert!(d1.contains("2020-03-01"), "1904 date shifted");
    // Excel's "Unicode text" (UTF-16, tabs)
    assert_eq!(json(dir.path(), "U001")["person"]["name"], "李娜");
    assert_eq!(json(dir.path(), "U002")["person"]["name"], "王芳");
}

#[test]
fn csv_we_write_is_safe_to_open_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    batch(&[&roster("roster-formula.csv"), "-f", "json"], dir.path());
    let csv = std::fs::read_to_string(dir.path().join("_overview.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let mut cells = 0;
    for rec in reader.records() {
        for cell in rec.unwrap().iter() {
            cells += 1;
            let risky = cell
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with(['=', '+', '-', '@'])
                || cell.starts_with(['\t', '\r']);
            assert!(!risky, "a cell Excel would run: {cell:?}");
        }
    }
    assert!(cells > 10);
    assert!(csv.contains(",'=1+1,") && csv.contains(",'-1 "), "{csv}");
}

fn write_profile(dir: &Path, file: &str, id: &str, name: &str) {
    std::fs::create_dir_all(dir.join(file).parent().unwrap()).unwrap();
    std::fs::write(
        dir.join(file),
        format!("person:\n  name: {name}\n  id: \"{id}\"\n  department: 部\n"),
    )
    .unwrap();
}

#[test]
fn colliding_output_names_go_to_the_first_in_input_order() {
    let input = tempfile::tempdir().unwrap();
    write_profile(input.path(), "a.yaml", "x/5", "甲");
    write_profile(input.path(), "b.yaml", "x_5", "乙");
    write_profile(input.path(), "c.yaml", "X_5", "丙");
    let mut seen = Vec::new();
    for jobs in ["1", "2"] {
        for _ in 0..3 {
            let dir = tempfile::tempdir().unwrap();
            let out = batch(
                &[input.path().to_str().unwrap(), "-f", "json", "-j", jobs],
                dir.path(),
            );
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1));
            assert_eq!(json(dir.path(), "x_5")["person"]["name"], "甲", "{stderr}");
            assert!(
                stderr.contains("b.yaml: `x_5` is also the output name of"),
                "{stderr}"
            );
            assert!(
                stderr.contains("c.yaml: `X_5` is also the output name of"),
                "{stderr}"
            );
            seen.push(std::fs::read(dir.path().join("_overview.csv")).unwrap());
        }
    }
    assert!(
        seen.windows(2).all(|w| w[0] == w[1]),
        "overview.csv changes run to run"
    );
}

#[test]
fn an_employee_called_overview_keeps_their_workbook() {
    let input = tempfile::tempdir().unwrap();
    write_profile(input.path(), "a.yaml", "overview", "甲");
    write_profile(input.path(), "b.yaml", "overview-1-of-2", "乙");
    write_profile(input.path(), "c.yaml", "_overview", "丙");
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[input.path().to_str().unwrap(), "-f", "html"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    // `_overview` makes the same file name as `overview` (names never start with
    // `_`), so the second is reported; the HR overview is untouched by either
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("c.yaml: `overview` is also the output name of"),
        "{stderr}"
    );
    let names = files(dir.path());
    for n in [
        "overview.html",
        "overview-1-of-2.html",
        "_overview.html",
        "_overview.csv",
    ] {
        assert!(names.contains(n), "{n} missing: {names:?}");
    }
    let ov = std::fs::read_to_string(dir.path().join("overview.html")).unwrap();
    assert!(ov.contains("甲"), "the employee's workbook was overwritten");
    let ov = std::fs::read_to_string(dir.path().join("_overview.html")).unwrap();
    assert!(ov.contains("<svg"), "the HR overview is there");
}

#[test]
fn shards_cover_everyone_whatever_the_argument_order() {
    let d1 = tempfile::tempdir().unwrap();
    let d2 = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write_profile(d1.path(), &format!("p{i}.yaml"), &format!("A{i}"), "甲");
        write_profile(d2.path(), &format!("q{i}.yaml"), &format!("B{i}"), "乙");
    }
    let (a, b) = (d1.path().to_str().unwrap(), d2.path().to_str().unwrap());
    let mut all = BTreeSet::new();
    for (args, shard) in [([a, b], "1/2"), ([b, a], "2/2")] {
        let dir = tempfile::tempdir().unwrap();
        let out = batch(
            &[args[0], args[1], "-f", "json", "--shard", shard],
            dir.path(),
        );
        assert_eq!(failed(&out), 0);
        for n in files(dir.path())
            .into_iter()
            .filter(|n| n.ends_with(".json") && !n.starts_with('_'))
        {
            assert!(all.insert(n.clone()), "{n} in both shards");
        }
    }
    assert_eq!(all.len(), 10, "{all:?}");
}

#[test]
fn a_write_failure_fails_that_person_whole_and_the_run_reports() {
    let dir = tempfile::tempdir().unwrap();
    // a folder where P001's PDF should go makes its write fail after the HTML
    std::fs::create_dir_all(dir.path().join("P001.pdf").join("x")).unwrap();
    // the same for the overview
    std::fs::create_dir_all(dir.path().join("_overview.csv").join("x")).unwrap();
    // a killed run's leftovers are cleaned up
    std::fs::write(dir.path().join(".careerbook-dead.tmp"), "x").unwrap();
    let out = batch(&[&f("profiles"), "-f", "html,pdf"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let names = files(dir.path());
    assert!(
        !names.contains("P001.html"),
        "a half set was left: {names:?}"
    );
    assert!(names.contains("P002.html") && names.contains("P002.pdf"));
    assert!(names.contains("_overview.html"));
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("P001.pdf"),
        "{stderr}"
    );
    assert!(stderr.contains("cannot write the overview"), "{stderr}");
    assert!(
        stderr.contains("3 profile(s): 1 ok"),
        "the summary appears: {stderr}"
    );
    assert!(stderr.contains("failed:"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_walked_once() {
    let input = tempfile::tempdir().unwrap();
    write_profile(input.path(), "sub/a.yaml", "L1", "甲");
    std::os::unix::fs::symlink(input.path(), input.path().join("sub").join("loop")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[input.path().to_str().unwrap(), "-f", "json"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("1 profile(s): 1 ok"), "{stderr}");
    assert_eq!(stderr.matches("leads back into").count(), 1, "{stderr}");
}

#[test]
fn feedback_for_unknown_subjects_is_counted_not_lost() {
    let input = tempfile::tempdir().unwrap();
    write_profile(input.path(), "a.yaml", "S1", "甲");
    let fb = input.path().join("fb.csv");
    std::fs::write(
        &fb,
        "subject_id,rater_email,adjectives\nS1,a@x,calm\nS9,b@x,kind\nS9,c@x,calm\nS8,d@x,wise\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = batch(
        &[
            input.path().join("a.yaml").to_str().unwrap(),
            "--feedback",
            fb.to_str().unwrap(),
            "-f",
            "json",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "3 answer(s) for 2 subject id(s) not among the employees of this run were not used"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("@x"), "{stderr}");
}

#[test]
fn a_second_run_into_the_same_folder_is_refused_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let lock = dir.path().join(".careerbook.lock");
    let held = std::fs::File::create(&lock).unwrap();
    held.try_lock().unwrap();
    std::fs::write(
        &lock,
        "pid 4242, careerbook batch, started 2026-11-23 08:00:00 UTC\n",
    )
    .unwrap();
    let out = batch(&[&f("profiles"), "-f", "json"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("another careerbook run is writing into this folder"),
        "{stderr}"
    );
    assert!(stderr.contains("pid 4242, careerbook batch"), "{stderr}");
    assert!(!dir.path().join("P001.json").exists());
    drop(held);
    let out = batch(&[&f("profiles"), "-f", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1), "runs once the lock is free");
    assert!(dir.path().join("P001.json").exists());
}

#[test]
fn a_closed_pipe_does_not_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_careerbook"))
        .arg("batch")
        .arg(f("profiles"))
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // the reader goes away at once, like `| head -c0`
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "the broken profile, not a panic (101)"
    );
    assert!(dir.path().join("P001.json").is_file());
    assert!(
        dir.path().join("_overview.csv").is_file(),
        "the run finished"
    );
}

#[test]
fn colliding_names_are_decided_over_the_whole_input_even_in_shards() {
    let input = tempfile::tempdir().unwrap();
    write_profile(input.path(), "a.yaml", "x/5", "第一");
    write_profile(input.path(), "b.yaml", "x_5", "第二");
    write_profile(input.path(), "c.yaml", "Ab", "三");
    write_profile(input.path(), "d.yaml", "AB", "四");
    for order in [[1, 2], [2, 1]] {
        let dir = tempfile::tempdir().unwrap();
        let mut stderr = String::new();
        for k in order {
            let out = batch(
                &[
                    input.path().to_str().unwrap(),
                    "-f",
                    "json",
                    "--shard",
                    &format!("{k}/2"),
                ],
                dir.path(),
            );
            // both collisions (b.yaml, d.yaml) fail in the shard of the second names
            assert_eq!(failed(&out), if k == 2 { 2 } else { 0 }, "shard {k}/2");
            stderr.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        assert_eq!(
            json(dir.path(), "x_5")["person"]["name"],
            "第一",
            "{stderr}"
        );
        assert_eq!(json(dir.path(), "Ab")["person"]["name"], "三", "{stderr}");
        assert!(!dir.path().join("AB.json").exists() || cfg!(target_os = "macos"));
        assert!(
            stderr.contains(
                "b.yaml: `x_5` is also the output name of item 1 of this run (in another shard)"
            ),
            "{stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn links_out_of_the_folder_devices_and_old_excel_are_refused() {
    let input = tempfile::tempdir().unwrap();
    write_profile(input.path(), "sub/a.yaml", "L1", "甲");
    let outside = tempfile::tempdir().unwrap();
    write_profile(outside.path(), "o.yaml", "OUT", "外");
    std::os::unix::fs::symlink(outside.path(), input.path().join("sub").join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("/", input.path().join("root")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", input.path().join("zero.yaml")).unwrap();
    let xls = input.path().join("old.xls");
    std::fs::write(&xls, b"\xd0\xcf\x11\xe0").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = batch(
        &[
            input.path().to_str().unwrap(),
            xls.to_str().unwrap(),
            "-f",
            "json",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(dir.path().join("L1.json").is_file());
    assert!(
        !dir.path().join("OUT.json").exists(),
        "a link out of the input is not followed"
    );
    assert!(stderr.contains("leads out of"), "{stderr}");
    assert!(
        stderr.contains("old.xls: this spreadsheet format is not read"),
        "{stderr}"
    );
    // the device is not a profile; the old spreadsheet is an input that failed
    assert!(
        stderr.contains("2 profile(s): 1 ok (0 skipped as existing), 1 failed"),
        "{stderr}"
    );
}

#[test]
fn too_many_jobs_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[&f("profiles"), "-j", "100000"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 256"));
}

#[test]
fn shard_overviews_merge_into_the_overview_of_one_run() {
    let input = tempfile::tempdir().unwrap();
    for i in 0..14 {
        let dept = if i % 2 == 0 {
            "客服部"
        } else {
            "研发中心"
        };
        let (track, level, locale) = if i % 3 == 0 {
            ("technical", "intermediate", "en")
        } else {
            ("administrative", "staff", "zh-CN")
        };
        std::fs::write(
            input.path().join(format!("p{i:02}.yaml")),
            format!("locale: {locale}\nperson:\n  name: 员工{i}\n  id: M{i:02}\n  department: {dept}\n  birth_year: {}\ncareer: {{ track: {track}, level: {level} }}\nneeds:\n  top: [money, security, challenge]\n", 1980 + i),
        )
        .unwrap();
    }
    std::fs::write(input.path().join("bad.yaml"), "person: [\n").unwrap();
    let whole = tempfile::tempdir().unwrap();
    let out = batch(
        &[input.path().to_str().unwrap(), "-f", "json"],
        whole.path(),
    );
    assert_eq!(failed(&out), 1, "bad.yaml");
    let parts: Vec<tempfile::TempDir> = (1..=3).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut shard_failures = 0;
    for (k, dir) in parts.iter().enumerate() {
        shard_failures += failed(&batch(
            &[
                input.path().to_str().unwrap(),
                "-f",
                "json",
                "--shard",
                &format!("{}/3", k + 1),
            ],
            dir.path(),
        ));
    }
    assert_eq!(shard_failures, 1, "bad.yaml fails in its one shard");
    let merged = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("careerbook")
        .unwrap()
        .arg("overview")
        .args(parts.iter().map(|d| d.path()))
        .arg("-o")
        .arg(merged.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["_overview.csv", "_overview.html"] {
        let a = std::fs::read_to_string(whole.path().join(name)).unwrap();
        let b = std::fs::read_to_string(merged.path().join(name)).unwrap();
        assert_eq!(a, b, "{name} of the merged shards differs from one run's");
    }
    // one rung, one row, whatever the workbooks' languages
    let csv = std::fs::read_to_string(whole.path().join("_overview.csv")).unwrap();
    assert!(csv.contains("headcount,客服部,技术路线/中级,"), "{csv}");
    assert!(!csv.contains("Intermediate"), "{csv}");
    // shards of different runs, a shard twice, a missing shard
    let refuse = |args: Vec<&Path>, needle: &str| {
        let out = Command::cargo_bin("careerbook")
            .unwrap()
            .arg("overview")
            .args(args)
            .arg("-o")
            .arg(merged.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(needle), "{stderr}");
    };
    refuse(
        vec![parts[0].path(), parts[1].path()],
        "shard(s) 3/3 are missing",
    );
    refuse(
        vec![
            parts[0].path(),
            parts[0].path(),
            parts[1].path(),
            parts[2].path(),
        ],
        "is given twice",
    );
    let other = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("careerbook")
        .unwrap()
        .arg("batch")
        .arg(input.path())
        .args([
            "-f",
            "json",
            "--today",
            "2026-12-01",
            "--shard",
            "3/3",
            "-o",
        ])
        .arg(other.path())
        .output()
        .unwrap();
    failed(&out);
    refuse(
        vec![parts[0].path(), parts[1].path(), other.path()],
        "shards of different runs",
    );
}

#[test]
fn a_small_group_shows_nothing_and_reasons_stay_in_the_log() {
    let input = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(
            input.path().join(format!("f{i}.yaml")),
            format!("person:\n  name: 财务{i}\n  id: F{i}\n  department: 财务部\n  birth_year: 1970\ncareer: {{ track: administrative, level: staff }}\n"),
        )
        .unwrap();
    }
    std::fs::write(
        input.path().join("bad.yaml"),
        "person:\n  name: 坏\n  id: BAD\nneeds:\n  top: [想离职去竞争对手]\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = batch(&[input.path().to_str().unwrap(), "-f", "json"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("想离职去竞争对手"),
        "the run's own log has the details: {stderr}"
    );
    let csv = std::fs::read_to_string(dir.path().join("_overview.csv")).unwrap();
    for cell in ["ahead", "on_track", "behind", "unknown"] {
        assert!(
            csv.contains(&format!("position,财务部,{cell},suppressed\n")),
            "zeros beside a hidden cell would give it away: {csv}"
        );
    }
    assert!(
        csv.contains("track_mismatch,财务部,people,suppressed\n"),
        "{csv}"
    );
    let html = std::fs::read_to_string(dir.path().join("_overview.html")).unwrap();
    assert!(
        !html.contains("想离职去竞争对手"),
        "the shared overview quotes no profile"
    );
    assert!(html.contains("详见运行日志"));
    // with --named, HR's own overview has the reason
    let named = tempfile::tempdir().unwrap();
    batch(
        &[input.path().to_str().unwrap(), "-f", "json", "--named"],
        named.path(),
    );
    let html = std::fs::read_to_string(named.path().join("_overview.html")).unwrap();
    assert!(html.contains("想离职去竞争对手") && html.contains("财务0 (F0)"));
}

#[test]
fn one_giant_cell_fails_its_row_alone() {
    let input = tempfile::tempdir().unwrap();
    let roster = input.path().join("r.csv");
    std::fs::write(
        &roster,
        format!(
            "工号,姓名,部门\nG1,甲,{}\nG2,乙,客服部\n",
            "长".repeat(20_000)
        ),
    )
    .unwrap();
    let fb = input.path().join("fb.csv");
    std::fs::write(
        &fb,
        format!(
            "subject_id,rater,adjectives\nG2,{},calm\nG2,b,kind\nG2,c,calm\n",
            "x".repeat(20_000)
        ),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = batch(
        &[
            roster.to_str().unwrap(),
            "--feedback",
            fb.to_str().unwrap(),
            "-f",
            "json",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("r.csv:row 2: column C: the cell is longer than 10000 characters"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "fb.csv:row 2, column B: the cell is longer than 10000 characters; the row is skipped"
        ),
        "{stderr}"
    );
    assert_eq!(
        json(dir.path(), "G2")["johari"]["raters"],
        2,
        "the other answers count"
    );
}

#[test]
fn pdfs_are_byte_identical_across_thread_counts_input_orders_and_single_renders() {
    // the shared template font is a fixed set: whatever documents come first, and
    // on however many threads, each PDF comes out the same
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = [
        "li-na.zh.yaml",
        "alex-chen.en.yaml",
        "lin-yating.zh-TW.yaml",
        "minimal.zh.yaml",
    ]
    .iter()
    .map(|f| root.join("profiles").join(f).display().to_string())
    .collect();
    let run = |files: &[String], jobs: &str| {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::cargo_bin("careerbook")
            .unwrap()
            .arg("batch")
            .args(files)
            .args(["-f", "pdf", "-q", "--today", "2026-11-20", "-j", jobs, "-o"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    };
    let one = run(&files, "1");
    files.reverse();
    let two = run(&files, "2");
    let single = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("careerbook")
        .unwrap()
        .args([
            "render",
            &files[files.len() - 1],
            "-f",
            "pdf",
            "--today",
            "2026-11-20",
            "-o",
        ])
        .arg(single.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    for name in ["E2041.pdf", "E1187.pdf", "T3107.pdf"] {
        let a = std::fs::read(one.path().join(name));
        let b = std::fs::read(two.path().join(name));
        assert!(
            a.is_ok(),
            "{name} missing: {:?}",
            std::fs::read_dir(one.path()).unwrap().count()
        );
        assert_eq!(
            a.unwrap(),
            b.unwrap(),
            "{name} differs between -j 1 and -j 2 reversed"
        );
    }
    assert_eq!(
        std::fs::read(one.path().join("E2041.pdf")).unwrap(),
        std::fs::read(single.path().join("E2041.pdf")).unwrap(),
        "a batch and a single render differ"
    );
}

#[test]
fn one_count_of_failures_in_the_summary_the_overview_and_the_exit_code() {
    // the README's example: a misspelt key, two bad roster rows, and a feedback pick
    // that is no adjective — a skipped feedback row is no failure
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("careerbook")
        .unwrap()
        .env("CAREERBOOK_LANG", "en")
        .arg("batch")
        .args([
            &f("profiles"),
            &f("roster-gbk.csv"),
            "--feedback",
            &f("feedback.csv"),
        ])
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "10 profile(s): 7 ok (0 skipped as existing), 3 failed, 1 feedback row(s) skipped"
        ),
        "{stderr}"
    );
    let csv = std::fs::read_to_string(dir.path().join("_overview.csv")).unwrap();
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("failed,")).count(),
        3,
        "{csv}"
    );
    let html = std::fs::read_to_string(dir.path().join("_overview.html")).unwrap();
    assert!(
        !html.contains("feedback.csv"),
        "feedback files by number only"
    );
    // a run whose only problem is a feedback row exits 0, with no failure listed
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("r1.yaml"),
        "person:\n  name: 甲\n  id: R001\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("careerbook")
        .unwrap()
        .env("CAREERBOOK_LANG", "en")
        .arg("batch")
        .arg(input.path())
        .args(["--feedback", &f("feedback.csv")])
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 ok (0 skipped as existing), 0 failed, "),
        "{stderr}"
    );
    assert!(!stderr.contains("failed:"), "{stderr}");
}

#[test]
fn a_shard_resumed_after_a_crash_writes_what_a_clean_run_writes() {
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            f("profiles"),
            f("roster-utf8.csv"),
            "--feedback".into(),
            f("feedback.csv"),
            "-f".into(),
            "json,html".into(),
            "-q".into(),
            "--shard".into(),
            "1/2".into(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run = |dir: &Path, extra: &[&'static str]| {
        let a = args(extra);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        batch(&a, dir)
    };
    let clean = tempfile::tempdir().unwrap();
    run(clean.path(), &[]);
    // a crash: the counts file and some workbooks are missing
    let crashed = tempfile::tempdir().unwrap();
    run(crashed.path(), &[]);
    std::fs::remove_file(crashed.path().join("_overview-1-of-2.json")).unwrap();
    let mut gone = 0;
    for name in files(crashed.path()) {
        if !name.starts_with('_') && gone < 3 {
            std::fs::remove_file(crashed.path().join(&name)).unwrap();
            gone += 1;
        }
    }
    let out = run(crashed.path(), &["--skip-existing"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped as existing"));
    assert_eq!(files(clean.path()), files(crashed.path()));
    for name in files(clean.path()) {
        assert_eq!(
            std::fs::read(clean.path().join(&name)).unwrap(),
            std::fs::read(crashed.path().join(&name)).unwrap(),
            "{name} differs after the resumed run"
        );
    }
}
