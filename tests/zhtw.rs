//! The zh-TW workbook: every character of our built-in Chinese text that has more
//! than one traditional form is decided by the reviewed glossary, the compiled-in font
//! has every character the zh-TW text uses, and a Taiwan profile renders to JSON,
//! HTML and PDF with no simplified character, 「」 quotes and Taiwan terms, its
//! catalogue words written in Traditional characters.

mod common;

use careerbook::text::font::FontFace;
use careerbook::text::zhtw;
use common::{cb, root};
use std::path::{Path, PathBuf};

/// The files whose Chinese text the zh-TW workbook, form and overview show.
fn built_in_sources() -> Vec<PathBuf> {
    let r = root();
    let mut out = Vec::new();
    let mut walk = vec![
        r.join("src/workbook"),
        r.join("src/render"),
        r.join("src/analysis"),
        r.join("src/output"),
        r.join("src/profile/ladder"),
        r.join("templates/ladders"),
        r.join("templates/form"),
        r.join("templates/html"),
    ];
    for f in ["catalog.rs", "model.rs", "starter.rs"] {
        out.push(r.join("src/profile").join(f));
    }
    while let Some(d) = walk.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// The runs of Chinese text in a source file (tests left out): the glossary's keys
/// are all Chinese, so a run converts as it does inside its string.
fn runs(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(i) if path.extension().is_some_and(|e| e == "rs") => text[..i].to_string(),
        _ => text,
    };
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
    }
    out
}

#[test]
fn every_ambiguous_character_of_our_text_is_decided_by_the_glossary() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for f in built_in_sources() {
        for run in runs(&f) {
            checked += run.chars().count();
            for (c, others) in zhtw::unreviewed(&run) {
                missing.push(format!(
                    "{}: {c} (also {others}) in “{run}”",
                    f.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(checked > 8_000, "only {checked} characters found");
    assert!(
        missing.is_empty(),
        "add these to assets/zhtw/glossary.tsv:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_compiled_in_font_has_every_character_of_the_zh_tw_text() {
    let font = FontFace::default_shared();
    let mut lacking = std::collections::BTreeSet::new();
    for f in built_in_sources() {
        for run in runs(&f) {
            lacking.extend(zhtw::convert(&run).chars().filter(|c| !font.has(*c)));
        }
    }
    // and the words a Taiwan profile is likely to hold
    for c in "林雅婷陳志明臺灣們裡這說讓於為與從個過還點會時間".chars() {
        if !font.has(c) {
            lacking.insert(c);
        }
    }
    assert!(lacking.is_empty(), "the font lacks {lacking:?}");
}

fn rendered(dir: &Path) -> (String, String, String) {
    let out = cb()
        .args([
            "render",
            "profiles/lin-yating.zh-TW.yaml",
            "-f",
            "json,html,pdf",
        ])
        .args(["--today", "2026-11-20", "-o"])
        .arg(dir)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = std::fs::read_to_string(dir.join("T3107.json")).unwrap();
    let html = std::fs::read_to_string(dir.join("T3107.html")).unwrap();
    let (_, pdf) = common::pdf_text(&dir.join("T3107.pdf"));
    (json, html, pdf)
}

#[test]
fn a_taiwan_profile_renders_in_traditional_chinese_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (json, html, pdf) = rendered(dir.path());
    for (what, text) in [("JSON", &json), ("HTML", &html), ("PDF", &pdf)] {
        let simplified: String = text
            .chars()
            .filter(|c| zhtw::is_simplified_only(*c))
            .collect();
        assert!(
            simplified.is_empty(),
            "{what} has simplified characters: {simplified}"
        );
        assert!(
            !text.contains('“') && !text.contains('”'),
            "{what} has “” quotes"
        );
    }
    for (what, text) in [("HTML", &html), ("PDF", &pdf)] {
        for term in ["職涯發展工作手冊", "周哈里窗", "「開放我」", "品質", "回饋"]
        {
            assert!(text.contains(term), "{what} lacks {term}");
        }
    }
    assert!(json.contains("\"locale\": \"zh-TW\""));
    assert!(html.contains("<html lang=\"zh-TW\""));
    // the adjectives and needs, written in Traditional characters, were understood
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["johari"]["open"]
            .as_array()
            .unwrap()
            .contains(&"warm".into()),
        "{json}"
    );
    assert!(json.contains("\"interesting_work\""), "{json}");
}

#[test]
fn the_pdf_says_its_language_and_its_text_copies_out() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, pdf) = rendered(dir.path());
    assert!(
        pdf.contains("林雅婷") && pdf.contains("為什麼公司給你這本手冊"),
        "{pdf}"
    );
    let bytes = std::fs::read(dir.path().join("T3107.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"zh-TW");
}

#[test]
fn catalogue_words_are_accepted_in_both_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.yaml");
    std::fs::write(
        &p,
        "locale: zh-TW\nperson:\n  name: 張\ncareer:\n  track: 技術路線\n  level: 中級\n\
         johari:\n  self: [熱情, 可靠, 冷静, 邏輯性強, 好探究]\nneeds:\n  top: [挑戰, 安全, 金錢]\n\
         actions:\n  - goal: 考證照\n    status: 進行中\n  - goal: 讀書\n    status: 計畫中\n",
    )
    .unwrap();
    let out = cb().args(["check"]).arg(&p).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // a typo in Traditional characters gets its suggestion
    std::fs::write(
        &p,
        "person:\n  name: 張\njohari:\n  self: [熱晴, 可靠, 冷靜, 好探究, 安靜]\n",
    )
    .unwrap();
    let out = cb().args(["check"]).arg(&p).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("熱晴"), "{err}");
}

#[test]
fn init_writes_a_taiwan_starter_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let out = cb()
        .args(["init", "--locale", "zh-TW", "-o", "me.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("me.yaml")).unwrap();
    assert!(
        text.contains("locale: zh-TW") && text.contains("檔案"),
        "{text}"
    );
    let simplified: String = text
        .chars()
        .filter(|c| zhtw::is_simplified_only(*c))
        .collect();
    assert!(simplified.is_empty(), "{simplified}");
    let out = cb()
        .args(["check", "me.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_overview_of_a_zh_tw_batch_is_in_traditional_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = cb()
        .args([
            "batch",
            "profiles/lin-yating.zh-TW.yaml",
            "--locale",
            "zh-TW",
        ])
        .args(["-f", "json", "-q", "--today", "2026-11-20", "-o"])
        .arg(dir.path())
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("_overview.html")).unwrap();
    let simplified: String = html
        .chars()
        .filter(|c| zhtw::is_simplified_only(*c))
        .collect();
    assert!(simplified.is_empty(), "{simplified}");
    assert!(
        html.contains("lang=\"zh-TW\"") && html.contains("總覽"),
        "{html}"
    );
}

#[test]
fn a_company_ladder_may_give_its_own_taiwan_wording() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = dir.path().join("ladders");
    std::fs::create_dir(&ladders).unwrap();
    let sales = std::fs::read_to_string(root().join("profiles/ladders/sales.yaml")).unwrap();
    let sales = sales.replace(
        "title: { zh: 销售顾问, en: Sales consultant }",
        "title: { zh: 销售顾问, en: Sales consultant, zh-TW: 汽車銷售專員 }",
    );
    assert!(sales.contains("汽車銷售專員"));
    std::fs::write(ladders.join("sales.yaml"), sales).unwrap();
    let out = cb()
        .args([
            "render",
            "profiles/chen-jie.sales.zh.yaml",
            "--locale",
            "zh-TW",
            "-f",
            "html",
        ])
        .args(["--today", "2026-11-20", "--ladders"])
        .arg(&ladders)
        .arg("-o")
        .arg(dir.path())
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .unwrap();
    // the company's wording, and the other titles converted (销售组长 → 銷售組長)
    assert!(
        html.contains("汽車銷售專員") && html.contains("銷售組長"),
        "{html}"
    );
}
