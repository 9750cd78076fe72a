//! The development cycle: status and review-log validation, `--previous` for render
//! and batch, the "Since last time" section, carry-over, progress and the calendar.

mod common;

use common::{cb, check_text, pdf_text, pinned, root, TODAY};
use std::path::{Path, PathBuf};

fn prev() -> PathBuf {
    root().join("profiles/cycle/2025/chen-li.zh.yaml")
}

fn cur() -> PathBuf {
    root().join("profiles/cycle/2026/chen-li.zh.yaml")
}

#[test]
fn status_done_on_and_review_log_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let out = check_text(
        dir.path(),
        "plan.yaml",
        "person:\n  name: 某人\nactions:\n  - { goal: 甲, status: finished }\n  - { goal: 乙, status: 进行中, done_on: 2026-05 }\n  - { goal: 丙, done_on: 2026-05 }\n  - { goal: 丁, status: done, done_on: 2027-01-05 }\nreviews:\n  every: quarter\n  log:\n    - { date: 2026-12-20, notes: 还没到 }\n    - { date: 2026-13, notes: 月份写错 }\n",
    );
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("cycle-errors", pinned(&out, dir.path()));
}

#[test]
fn render_with_previous_shows_what_changed_and_carries_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = cb()
        .arg("render")
        .arg(cur())
        .arg("--previous")
        .arg(prev())
        .args(["-f", "pdf,html,json", "--today", TODAY, "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&dir.path().join("E3521.pdf")).1;
    for needle in [
        "上次以来",
        "橱窗：那时与现在",
        "别人看到了，现在你自己也看到了",
        "上期 4 位，本期 5 位",
        "你上了一个台阶",
        "○ 未完成",
        "已转入本期",
        "● 已完成 2025-06-20",
        "× 已放弃",
        "上一期的复盘记录",
        "放弃轮岗",
        "【上期转入】",
        "▲ 已逾期",
        "● 已复盘",
        "→ 下次复盘",
        "△ 未复盘",
    ] {
        assert!(text.contains(needle), "PDF lacks {needle}");
    }
    let html = std::fs::read_to_string(dir.path().join("E3521.html")).unwrap();
    assert!(html.contains("上次以来") && html.contains("【上期转入】"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("E3521.json")).unwrap()).unwrap();
    let c = &json["changes"];
    assert_eq!(c["then_date"], "2025-07-10");
    assert!(c["johari"]["moves"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!({"id": "helpful", "from": "blind", "to": "open"})));
    assert_eq!(c["ladder"]["then"]["level"], "staff");
    assert_eq!(c["ladder"]["now"]["level"], "supervisor");
    assert_eq!(c["ladder"]["promoted"], true);
    assert_eq!(c["needs"]["then"][0], "security");
    assert_eq!(c["actions"][1]["outcome"], "carried");
    assert_eq!(c["actions"][3]["outcome"], "still_planned");
    let p = &json["progress"];
    assert_eq!(p["counts"]["done"], 1);
    assert_eq!(
        p["overdue"],
        serde_json::json!([2]),
        "the carried action needs a new date, it is not overdue"
    );
    assert_eq!(p["carried"], 1);
    assert_eq!(
        (p["reviews_held"].as_u64(), p["reviews_due"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(p["next_review"], "2026-12-01");
    // without --previous there is no comparison and nothing is carried
    let plain = tempfile::tempdir().unwrap();
    cb().arg("render")
        .arg(cur())
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(plain.path())
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(plain.path().join("E3521.json")).unwrap()).unwrap();
    assert!(json["changes"].is_null());
    assert_eq!(json["progress"]["carried"], 0);
}

#[test]
fn a_bad_or_foreign_previous_profile() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "person:\n  name: 陈立\n  id: E3521\n  birth_year: 19x5\n",
    )
    .unwrap();
    let out = cb()
        .arg("render")
        .arg(cur())
        .arg("--previous")
        .arg(&broken)
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "the current workbook still renders"
    );
    insta::assert_snapshot!("previous-invalid", pinned(&out, dir.path()));
    assert!(dir.path().join("out/E3521.json").is_file());
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, "person:\n  name: 别人\n  id: E9999\n").unwrap();
    let out = cb()
        .arg("render")
        .arg(cur())
        .arg("--previous")
        .arg(&other)
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(dir.path().join("out2"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("previous-other-person", pinned(&out, dir.path()));
    assert!(!dir.path().join("out2/E3521.json").exists());
}

#[test]
fn batch_matches_previous_profiles_by_id_and_counts_first_cycles() {
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(cur(), input.path().join("chen-li.yaml")).unwrap();
    for i in 0..4 {
        std::fs::write(
            input.path().join(format!("p{i}.yaml")),
            format!("person:\n  name: 同事{i}\n  id: N{i}\n  department: 仓储物流部\nactions:\n  - {{ goal: 练习{i}, due: 2026-06, status: in_progress }}\n  - {{ goal: 完成{i}, status: done, done_on: 2026-03 }}\n"),
        )
        .unwrap();
    }
    let out_dir = tempfile::tempdir().unwrap();
    let out = cb()
        .arg("batch")
        .arg(input.path())
        .arg("--previous")
        .arg(root().join("profiles/cycle/2025"))
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(out_dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("previous cycle: 1 of 5 workbook(s) compared with last cycle; 4 rendered as a first cycle"),
        "{stderr}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.path().join("E3521.json")).unwrap()).unwrap();
    assert_eq!(json["changes"]["ladder"]["promoted"], true);
    let csv = std::fs::read_to_string(out_dir.path().join("_overview.csv")).unwrap();
    for row in [
        "progress,仓储物流部,actions_done,5\n",
        "progress,仓储物流部,actions_overdue,5\n",
        "progress,仓储物流部,with_previous_cycle,1\n",
        "progress,仓储物流部,people_blind_to_open,suppressed\n",
        "progress,仓储物流部,reviews_held,2\n",
    ] {
        assert!(csv.contains(row), "{row} missing:\n{csv}");
    }
    // a department under 5 people shows no progress cells
    std::fs::remove_file(input.path().join("p0.yaml")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    cb().arg("batch")
        .arg(input.path())
        .args(["-f", "json", "--today", TODAY, "-o"])
        .arg(out_dir.path())
        .assert()
        .success();
    let csv = std::fs::read_to_string(out_dir.path().join("_overview.csv")).unwrap();
    assert!(
        !csv.contains("actions_") && csv.contains("progress,仓储物流部,people,4"),
        "{csv}"
    );
}

#[test]
fn the_calendar_is_deterministic_folded_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cal.yaml");
    std::fs::write(
        &p,
        "person:\n  name: 林晓\n  id: C1\nactions:\n  - goal: \"Ship v2; then, rest: a \\\\ backslash and a very long goal that goes well past seventy-five octets of text\"\n    due: 2027-02\n    steps: \"第一步；第二步\\n第三步\"\nreviews: { every: half_year, start: 2027-01 }\n",
    )
    .unwrap();
    let render = |out: &Path| {
        cb().arg("render")
            .arg(&p)
            .args(["-f", "ics", "--today", TODAY, "-o"])
            .arg(out)
            .assert()
            .success();
        std::fs::read(out.join("C1.ics")).unwrap()
    };
    let a = render(&dir.path().join("a"));
    let b = render(&dir.path().join("b"));
    assert_eq!(a, b, "same input and --today, same bytes");
    let text = String::from_utf8(a).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:行动到期：Ship v2\\; then\\, rest: a \\\\ backslash"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20270228"),
        "due 2027-02 is the end of February"
    );
    assert_eq!(
        unfolded.matches("BEGIN:VEVENT").count(),
        4 + 1,
        "4 reviews + 1 action"
    );
    assert!(unfolded.contains("DTSTAMP:20261123T000000Z"));
    let uids: std::collections::BTreeSet<&str> =
        unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 5, "UIDs are unique");
}

#[test]
fn calendar_uids_name_the_person_and_every_line_is_escaped_and_short() {
    // two people with the same goal and the same reviews share no UID
    let dir = tempfile::tempdir().unwrap();
    let uids = |id: &str, name: &str| -> std::collections::BTreeSet<String> {
        let p = dir.path().join(format!("{id}.yaml"));
        std::fs::write(
            &p,
            format!("person:\n  name: \"{name}\"\n  id: {id}\nactions:\n  - {{ goal: 考证, due: 2027-06 }}\nreviews: {{ every: year, start: 2027-01 }}\n"),
        )
        .unwrap();
        cb().arg("render")
            .arg(&p)
            .args(["-f", "ics", "--today", TODAY, "-o"])
            .arg(dir.path())
            .assert()
            .success();
        let text = std::fs::read_to_string(dir.path().join(format!("{id}.ics"))).unwrap();
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
        }
        let unfolded = text.replace("\r\n ", "");
        let name_line = unfolded.lines().find(|l| l.starts_with("NAME:")).unwrap();
        // every `,` and `;` escaped (an escaped backslash does not escape what follows)
        let mut escaped = false;
        for c in name_line["NAME:".len()..].chars() {
            assert!(escaped || !matches!(c, ',' | ';'), "{name_line}");
            escaped = !escaped && c == '\\';
        }
        unfolded
            .lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    let a = uids("P1", "王芳");
    let b = uids("P2", "王芳");
    assert_eq!(a.len(), 4, "{a:?}");
    assert!(a.is_disjoint(&b), "{a:?} {b:?}");
    // a hostile name: the calendar's NAME is escaped like every other TEXT
    let c = uids(
        "P3",
        "Wang, Li; Jr\\\\ — 很长很长很长很长很长很长很长很长很长很长很长很长很长的名字",
    );
    assert!(a.is_disjoint(&c));
    let text = std::fs::read_to_string(dir.path().join("P3.ics")).unwrap();
    assert!(
        text.replace("\r\n ", "")
            .contains("\r\nNAME:Wang\\, Li\\; Jr\\\\ — 很长"),
        "{text}"
    );
}

#[test]
fn forms_are_written_by_form_render_and_batch_without_peers() {
    let dir = tempfile::tempdir().unwrap();
    let li_na = root().join("profiles/li-na.zh.yaml");
    let out = cb()
        .arg("form")
        .arg(&li_na)
        .args(["--today", TODAY, "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("peer picks (johari.peers) are kept out"));
    let html = std::fs::read_to_string(dir.path().join("E2041.form.html")).unwrap();
    assert_csp_pinned(&html);
    let data = html
        .split("id=\"cb-data\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(v["model"]["person"]["name"], "李娜");
    assert_eq!(v["peers_kept_out"], true);
    assert!(
        !data.contains("peers\":[") && !data.contains("\"peers\""),
        "no peer picks in the page"
    );
    // a blank form
    cb().args(["form", "--locale", "en", "--today", TODAY, "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let blank = std::fs::read_to_string(dir.path().join("profile.form.html")).unwrap();
    assert!(blank.contains("<html lang=\"en\">"));
    // one per employee in a batch, and -f form in render
    let out_dir = tempfile::tempdir().unwrap();
    cb().arg("batch")
        .arg(root().join("tests/fixtures/batch/roster-utf8.csv"))
        .args(["-f", "form", "--today", TODAY, "-q", "-o"])
        .arg(out_dir.path())
        .output()
        .unwrap();
    assert!(out_dir.path().join("R001.form.html").is_file());
    cb().arg("render")
        .arg(&li_na)
        .args(["-f", "form,pdf", "--today", TODAY, "-q", "-o"])
        .arg(out_dir.path())
        .assert()
        .success();
    assert!(
        out_dir.path().join("E2041.form.html").is_file()
            && out_dir.path().join("E2041.pdf").is_file()
    );
}

/// The form's Content-Security-Policy, directive by directive: nothing may load or
/// be sent anywhere, and only the page's own inline script and style (by the hash
/// of what the page holds) may run. A policy weakened by one directive
/// (`img-src *`, `connect-src *`, `form-action *`) fails here.
fn assert_csp_pinned(html: &str) {
    use base64::Engine as _;
    use sha2::Digest as _;
    let between = |start: &str, end: &str| -> Vec<String> {
        html.split(start)
            .skip(1)
            .map(|rest| rest.split(end).next().unwrap().to_string())
            .collect()
    };
    let csp = between("http-equiv=\"Content-Security-Policy\" content=\"", "\"");
    assert_eq!(csp.len(), 1, "one policy: {csp:?}");
    let csp = csp[0].replace("&#39;", "'");
    let hash = |text: &str| {
        let digest = sha2::Sha256::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    let scripts = between("<script>", "</script>");
    let styles = between("<style>", "</style>");
    assert_eq!((scripts.len(), styles.len()), (1, 1));
    let mut got: Vec<&str> = csp.split(';').map(str::trim).collect();
    got.sort_unstable();
    let script_src = format!("script-src {}", hash(&scripts[0]));
    let style_src = format!("style-src {}", hash(&styles[0]));
    let mut want = vec![
        "default-src 'none'",
        script_src.as_str(),
        style_src.as_str(),
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ];
    want.sort_unstable();
    assert_eq!(got, want, "the form's policy changed: {csp}");
}
