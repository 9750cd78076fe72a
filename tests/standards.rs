//! Rung standards: the ladder format, `career.assessment`, the "Reaching the next
//! rung" section (filled and blank), readiness in JSON and in the HR overview.

mod common;

use common::{cb, check_text, pdf_text, pinned, root, TODAY};
use std::path::Path;

#[test]
fn ladder_files_are_checked_like_profiles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("shop.yaml"),
        "id: shop\nkind: administrative\nname: { zh: 门店路线, en: Shop route }\nrungs:\n  - id: clerk\n    title: { zh: 店员, en: Clerk }\n    typical_age: 22\n    standards:\n      - id: clerk_service\n        area: behavior\n        text: { zh: 热情接待每一位顾客。, en: Welcomes every customer. }\n      - id: clerk_stock\n        area: skils\n        text: { zh: 能独立完成盘点。, en: Counts the stock alone. }\n  - id: lead\n    title: { zh: 店长, en: Shop lead }\n    typical_age: 28\n    min_years: 3\n    standards:\n      - id: clerk_service\n        area: 绩效\n        text: { zh: 门店完成月度目标。, en: The shop meets its monthly target. }\n",
    )
    .unwrap();
    let out = cb()
        .arg("ladders")
        .arg("--ladders")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("ladder-errors", pinned(&out, dir.path()));
}

#[test]
fn ladders_show_prints_the_standards() {
    let out = cb()
        .args(["ladders", "show", "technical"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("standards:") && text.contains("associate_senior_design"));
    assert!(text.contains("min_years: 4") && text.contains("area: behaviour"));
    let out = cb()
        .args(["ladders", "show", "sales", "--ladders"])
        .arg(root().join("profiles/ladders"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("team_lead_") && text.contains("requires:"),
        "{text}"
    );
}

#[test]
fn assessment_keys_and_marks_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let out = check_text(
        dir.path(),
        "marks.yaml",
        "person:\n  name: 某人\n  birth_year: 1992\ncareer:\n  track: administrative\n  level: staff\n  assessment:\n    supervisor_coching: { self: meets }\n    manager_budget: { self: meets }\n    supervisor_planning: { self: 达成, manager: exceed }\n    staff_results: { self: towards, manager: meets }\n",
    );
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("assessment-errors", pinned(&out, dir.path()));
}

#[test]
fn the_filled_section_shows_marks_readiness_and_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let out = cb()
        .args(["render", "-f", "pdf,html,json", "--today", TODAY, "-o"])
        .arg(dir.path())
        .arg(root().join("profiles/zhang-wei.zh.yaml"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&dir.path().join("E3310.pdf")).1;
    for needle in [
        "迈向下一级",
        "本级：中级",
        "下一级：副高级",
        "逐项评估：副高级的任职资格",
        "超出",
        "7 项标准中，你自评达到或超出 5 项",
        "这不是晋升结论",
        "发展建议",
        "【迈向下一级】",
        "双方确认",
        "刘洋",
    ] {
        assert!(text.contains(needle), "PDF lacks {needle}");
    }
    let html = std::fs::read_to_string(dir.path().join("E3310.html")).unwrap();
    assert!(
        html.contains("迈向下一级") && html.contains("依据与事例") && html.contains("上级签名")
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("E3310.json")).unwrap()).unwrap();
    let r = &json["readiness"];
    assert_eq!(r["next_level"], "associate_senior");
    assert_eq!(
        (r["met_self"].as_u64(), r["met_manager"].as_u64()),
        (Some(5), Some(5))
    );
    assert_eq!(r["total"], 7);
    assert_eq!(r["years_on_rung"], 5);
    assert_eq!(r["min_years"], 4);
    assert_eq!(r["standards"][2]["id"], "associate_senior_design");
    assert_eq!(r["standards"][2]["self"], "towards");
    assert_eq!(r["standards"][3]["manager"], "exceeds");
}

#[test]
fn the_blank_and_the_top_rung_sections_can_be_filled_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().join("top.yaml");
    std::fs::write(
        &top,
        "person:\n  name: 赵总\n  id: T1\n  birth_year: 1975\ncareer:\n  track: administrative\n  level: director\n",
    )
    .unwrap();
    let out = cb()
        .args(["render", "-f", "pdf", "--today", TODAY, "-o"])
        .arg(dir.path())
        .arg(root().join("profiles/minimal.zh.yaml"))
        .arg(&top)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let blank = pdf_text(&dir.path().join("王芳.pdf")).1;
    assert!(
        blank.contains("迈向下一级") && blank.contains("□ 待提高"),
        "blank section"
    );
    assert!(blank.contains("员工签名") && blank.contains("上级签名"));
    let top = pdf_text(&dir.path().join("T1.pdf")).1;
    assert!(top.contains("这条路线上没有更高的级别"));
    assert!(top.contains("逐项评估：总监的任职资格") && top.contains("□ 达到"));
}

fn profile_with_marks(dir: &Path, i: usize, met: bool) {
    let m = if met { "meets" } else { "towards" };
    let ids = [
        "supervisor_entry",
        "supervisor_process",
        "supervisor_planning",
        "supervisor_coaching",
        "supervisor_ownership",
        "supervisor_internal_customer",
        "supervisor_results",
    ];
    let marks: String = ids
        .iter()
        .map(|id| format!("    {id}: {{ self: meets, manager: {m} }}\n"))
        .collect();
    std::fs::write(
        dir.join(format!("p{i}.yaml")),
        format!("person:\n  name: 员工{i}\n  id: R{i}\n  department: 客服部\n  birth_year: 1994\ncareer:\n  track: administrative\n  level: staff\n  assessment:\n{marks}"),
    )
    .unwrap();
}

#[test]
fn the_overview_counts_readiness_by_department_and_rung_with_suppression() {
    // 10 people, 5 ready: both sides have 5, shown; 6 people, 3 ready: suppressed,
    // because 3 ready (and the 3 not ready that the total gives away) are under 5
    for (people, ready) in [(10usize, 5usize), (6, 3)] {
        let input = tempfile::tempdir().unwrap();
        for i in 0..people {
            profile_with_marks(input.path(), i, i < ready);
        }
        let out_dir = tempfile::tempdir().unwrap();
        let out = cb()
            .arg("batch")
            .arg(input.path())
            .args(["-f", "json", "--today", TODAY, "-o"])
            .arg(out_dir.path())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = std::fs::read_to_string(out_dir.path().join("_overview.csv")).unwrap();
        assert!(
            csv.contains(&format!("readiness_people,客服部,行政路线/职员,{people}\n")),
            "{csv}"
        );
        if people == 10 {
            assert!(
                csv.contains(&format!("readiness_ready,客服部,行政路线/职员,{ready}\n")),
                "{csv}"
            );
        } else {
            assert!(
                csv.contains("readiness_ready,客服部,行政路线/职员,suppressed\n"),
                "a cell under 5 is suppressed: {csv}"
            );
        }
        let html = std::fs::read_to_string(out_dir.path().join("_overview.html")).unwrap();
        assert!(html.contains("迈向下一级 Readiness for the next rung"));
    }
}
