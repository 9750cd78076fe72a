//! A ladder imported from a grid works wherever a ladder file does: `--ladders`,
//! `check` (marks keyed by the derived ids), the editor schema, the form, the
//! workbook's 迈向下一级 section in HTML and PDF (items and weights quoted, the
//! weighted share met), readiness in JSON, and the HR overview.

mod common;
mod grids;

use common::{cb, pdf_text, TODAY};
use std::path::{Path, PathBuf};

/// Imports the Chinese grid's 技术序列 as ladder `tech` into `dir/ladders`.
fn imported(dir: &Path) -> PathBuf {
    let grid = dir.join("grid.xlsx");
    grids::zh_xlsx(&grid);
    let ladders = dir.join("ladders");
    let out = cb()
        .args(["ladders", "import"])
        .arg(&grid)
        .args([
            "--id",
            "tech",
            "--kind",
            "technical",
            "--sheet",
            "技术序列",
            "-o",
        ])
        .arg(&ladders)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ladders
}

/// A 助理工程师 (P1) with marks against the P2 standards.
const PROFILE: &str = "person:\n  name: 王磊\n  id: E7\n  birth_year: 2000\n  department: 研发部\ncareer:\n  track: tech\n  level: 助理工程师\n  since: 2024\n  assessment:\n    tech_p2_专业知识: { self: meets, manager: meets, evidence: 完成了内部培训 }\n    tech_p2_独立开发: { self: meets, manager: towards }\n    tech_p2_质量意识: { self: exceeds }\n";

fn run(args: &[&str], ladders: &Path, files: &[&Path]) -> std::process::Output {
    cb().args(args)
        .arg("--ladders")
        .arg(ladders)
        .args(files)
        .output()
        .unwrap()
}

#[test]
fn check_knows_the_imported_rungs_and_standards() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = imported(dir.path());
    let p = dir.path().join("p.yaml");
    std::fs::write(&p, PROFILE).unwrap();
    let out = run(&["check", "--today", TODAY], &ladders, &[&p]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: ladder `tech`, rung `p1`: the weights add up to 90%, not 100%"),
        "{err}"
    );
    std::fs::write(&p, PROFILE.replace("tech_p2_独立开发", "tech_p2_独立开放")).unwrap();
    let out = run(&["check", "--today", TODAY], &ladders, &[&p]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `tech_p2_独立开发`?"), "{err}");
}

#[test]
fn the_workbook_quotes_the_companys_own_standards_with_items_and_weights() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = imported(dir.path());
    let p = dir.path().join("p.yaml");
    std::fs::write(&p, PROFILE).unwrap();
    let out_dir = dir.path().join("out");
    let out = cb()
        .args([
            "render",
            "-f",
            "pdf,html,json",
            "--today",
            TODAY,
            "--ladders",
        ])
        .arg(&ladders)
        .arg("-o")
        .arg(&out_dir)
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("E7.json")).unwrap()).unwrap();
    let r = &json["readiness"];
    assert_eq!(r["next_level"], "p2");
    assert_eq!(
        (r["met_self"].as_u64(), r["met_manager"].as_u64()),
        (Some(3), Some(1))
    );
    // by weight: 25 + 35 + 15 of 100 in own marks, 25 in the manager's
    assert_eq!(r["weighted_met_self"], 75.0);
    assert_eq!(r["weighted_met_manager"], 25.0);
    assert_eq!(r["standards"][2]["id"], "tech_p2_独立开发");
    assert_eq!(r["standards"][2]["weight"], 35.0);
    assert_eq!(json["ladder"]["next_level"], "p2");
    let html = std::fs::read_to_string(out_dir.join("E7.html")).unwrap();
    for needle in [
        "技能 · 独立开发（权重 35%）\n能独立完成模块的设计、开发和测试。",
        "• 独立开发：能独立完成模块的设计、开发和测试。",
        "按权重计，自评达到 75%，上级评估达到 25%。",
        "下一级：工程师",
        "完成了内部培训",
    ] {
        assert!(html.contains(needle), "HTML lacks {needle}");
    }
    let text = pdf_text(&out_dir.join("E7.pdf")).1;
    for needle in [
        "迈向下一级",
        "独立开发（权重 35%）",
        "按权重计，自评达到 75%",
        "代码经过自测和评审才提交",
    ] {
        assert!(text.contains(needle), "PDF lacks {needle}: {text}");
    }
}

#[test]
fn an_english_workbook_shows_the_chinese_standards_until_the_english_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = imported(dir.path());
    let p = dir.path().join("p.yaml");
    std::fs::write(&p, PROFILE).unwrap();
    let out_dir = dir.path().join("out");
    let out = cb()
        .args([
            "render",
            "-f",
            "html",
            "--locale",
            "en",
            "--today",
            TODAY,
            "--ladders",
        ])
        .arg(&ladders)
        .arg("-o")
        .arg(&out_dir)
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(out_dir.join("E7.html")).unwrap();
    assert!(
        html.contains("Skills · 独立开发 (weight 35%)\n能独立完成模块的设计、开发和测试。"),
        "{html}"
    );
    let at = html.find("By weight").unwrap_or(0);
    assert!(
        html[at..].starts_with("By weight, that is 75% in your marks and 25% in your manager"),
        "{}",
        &html[at..at + 200]
    );
}

#[test]
fn the_schema_and_the_form_offer_the_imported_rungs_and_standards() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = imported(dir.path());
    let out = run(&["schema"], &ladders, &[]);
    let schema = String::from_utf8_lossy(&out.stdout);
    assert!(
        schema.contains("\"助理工程师\"") && schema.contains("\"p3\""),
        "{schema}"
    );
    assert!(schema.contains("\"tech\""), "{schema}");
    let p = dir.path().join("p.yaml");
    std::fs::write(&p, PROFILE).unwrap();
    let forms = dir.path().join("forms");
    let out = cb()
        .args(["form", "--ladders"])
        .arg(&ladders)
        .arg("-o")
        .arg(&forms)
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(forms.join("E7.form.html")).unwrap();
    assert!(
        html.contains("\"id\":\"tech_p2_独立开发\""),
        "the form offers the standard"
    );
    assert!(html.contains("\"weight\":35"), "with its weight");
    assert!(
        html.contains("\"item\":{\"zh\":\"独立开发\"}"),
        "and its item, in the language given"
    );
}

#[test]
fn the_overview_counts_readiness_on_the_imported_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = imported(dir.path());
    let input = dir.path().join("staff");
    std::fs::create_dir(&input).unwrap();
    let ids = ["学历与经验", "专业知识", "独立开发", "质量意识", "工作成果"];
    for i in 0..10 {
        let m = if i < 5 { "meets" } else { "towards" };
        let marks: String = ids
            .iter()
            .map(|id| format!("    tech_p2_{id}: {{ self: meets, manager: {m} }}\n"))
            .collect();
        std::fs::write(
            input.join(format!("p{i}.yaml")),
            format!("person:\n  name: 员工{i}\n  id: R{i}\n  department: 研发部\n  birth_year: 1998\ncareer:\n  track: tech\n  level: p1\n  assessment:\n{marks}"),
        )
        .unwrap();
    }
    let out_dir = dir.path().join("out");
    let out = cb()
        .arg("batch")
        .arg(&input)
        .args(["-f", "json", "--today", TODAY, "--ladders"])
        .arg(&ladders)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(out_dir.join("_overview.csv")).unwrap();
    assert!(
        csv.contains("readiness_people,研发部,技术序列/助理工程师,10\n"),
        "{csv}"
    );
    assert!(
        csv.contains("readiness_ready,研发部,技术序列/助理工程师,5\n"),
        "{csv}"
    );
}
