//! The peer-feedback round end to end: pick sheets and the survey template, and real
//! survey exports (Microsoft Forms, Google Forms, 问卷星 text and per-option XLSX,
//! GBK, no subject header) read straight in, with no rater ever in any output.

mod common;

use common::{cb, pdf_text, TODAY};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Five colleagues S1..S5 in one department.
fn subjects(dir: &Path) -> PathBuf {
    let d = dir.join("profiles");
    std::fs::create_dir_all(&d).unwrap();
    for i in 1..=5 {
        std::fs::write(
            d.join(format!("s{i}.yaml")),
            format!("person:\n  name: 同事{i}\n  id: S{i}\n  department: 客服部\njohari:\n  self: [calm, kind, dependable, patient, shy]\n"),
        )
        .unwrap();
    }
    d
}

/// Runs a batch with `--feedback`, returns (stderr, every output file's text).
fn run(dir: &Path, feedback: &Path) -> (String, Vec<(String, String)>) {
    let out_dir = dir.join(format!(
        "out-{}",
        feedback.file_name().unwrap().to_string_lossy()
    ));
    let out = cb()
        .arg("batch")
        .arg(subjects(dir))
        .arg("--feedback")
        .arg(feedback)
        .args(["-f", "pdf,html,json", "--today", TODAY, "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // exit 1 exactly when the run lists failures, else 0
    let failed = stderr.contains("\nfailed:\n");
    assert_eq!(out.status.code(), Some(i32::from(failed)), "{stderr}");
    let mut texts = vec![
        ("stderr".to_string(), stderr.clone()),
        (
            "stdout".into(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        ),
    ];
    for e in std::fs::read_dir(&out_dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = if name.ends_with(".pdf") {
            pdf_text(&p).1
        } else {
            std::fs::read_to_string(&p).unwrap()
        };
        texts.push((name, text));
    }
    (stderr, texts)
}

fn raters(dir: &Path, feedback: &Path, id: &str) -> u64 {
    let out_dir = dir.join(format!(
        "out-{}",
        feedback.file_name().unwrap().to_string_lossy()
    ));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join(format!("{id}.json"))).unwrap())
            .unwrap();
    v["johari"]["raters"].as_u64().unwrap()
}

fn assert_nobody(texts: &[(String, String)], secrets: &[&str]) {
    for (name, text) in texts {
        for s in secrets {
            assert!(!text.contains(s), "{name} shows the rater identity {s:?}");
        }
    }
}

#[test]
fn microsoft_forms_export_with_trailing_semicolons_and_emails() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ms-forms.csv");
    let mut s = String::from("\u{feff}ID,Start time,Completion time,Email,Name,Colleague's employee ID,Pick the 5–6 adjectives that describe this colleague best\n");
    for (i, (who, subj, picks)) in [
        ("alice.secret@corp.example", "S1", "calm;kind;wise;"),
        ("bob.secret@corp.example", "S1", "calm;helpful;"),
        ("carol.secret@corp.example", "S1", "kind;calm;quiet;"),
        ("alice.secret@corp.example", "S1", "calm;kind;"),
        ("dave.secret@corp.example", "S2", "bold;tense;"),
    ]
    .iter()
    .enumerate()
    {
        s.push_str(&format!(
            "{},2026-10-0{} 09:00,2026-10-0{} 09:03,{who},Secret Person {i},{subj},{picks}\n",
            i + 1,
            i + 1,
            i + 1
        ));
    }
    std::fs::write(&f, s).unwrap();
    let (stderr, texts) = run(dir.path(), &f);
    assert!(
        stderr.contains("one column of picks, G; subject column F"),
        "{stderr}"
    );
    assert!(
        stderr.contains("rater identity from column D, E"),
        "{stderr}"
    );
    assert_eq!(
        raters(dir.path(), &f, "S1"),
        3,
        "alice answered twice and counts once"
    );
    assert_nobody(&texts, &["secret@corp", "Secret Person"]);
}

#[test]
fn google_forms_export_with_comma_space() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("google.csv");
    std::fs::write(
        &f,
        "Timestamp,Email Address,Colleague,Which adjectives describe them?\n2026/10/01 9:00:00 AM GMT+8,g1@x.example,S3,\"calm, kind, wise\"\n2026/10/01 9:05:00 AM GMT+8,g2@x.example,S3,\"calm, dependable\"\n2026/10/01 9:09:00 AM GMT+8,g3@x.example,S3,\"kind, calm, dependible\"\n",
    )
    .unwrap();
    let (stderr, texts) = run(dir.path(), &f);
    assert_eq!(
        raters(dir.path(), &f, "S3"),
        3,
        "a typo leaves out that pick only"
    );
    assert!(
        stderr.contains("google.csv:row 4, column D: an option that is not one of the 55 adjectives is left out; did you mean `dependable`? (the other picks count)"),
        "{stderr}"
    );
    assert_nobody(&texts, &["x.example"]);
}

#[test]
fn wenjuanxing_text_export_in_gbk() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("wjx.csv");
    let text = "序号,提交答卷时间,所用时间,来源,来自IP,1、被评价同事的工号：,2、请选出最能描述这位同事的5–6个形容词（多选题）\n1,2026/10/8 10:00:01,40秒,手机提交,10.1.2.301(上海),S4,可靠┋耐心┋安静\n2,2026/10/8 10:02:11,52秒,手机提交,10.1.2.302(上海),S4,可靠┋冷静\n3,2026/10/8 10:05:49,33秒,链接,10.1.2.303(上海),S4,耐心┋可靠┋善良\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(&f, gbk).unwrap();
    let (stderr, texts) = run(dir.path(), &f);
    assert!(stderr.contains("subject column F"), "{stderr}");
    assert!(
        stderr.contains("no rater column"),
        "the IP counts a rater once: {stderr}"
    );
    assert_eq!(raters(dir.path(), &f, "S4"), 3);
    assert_nobody(&texts, &["10.1.2.30"]);
}

/// A minimal XLSX (inline strings) with the given rows.
fn xlsx(path: &Path, rows: &[Vec<String>]) {
    let col = |mut i: usize| {
        let mut s = String::new();
        loop {
            s.insert(0, (b'A' + (i % 26) as u8) as char);
            if i < 26 {
                break;
            }
            i = i / 26 - 1;
        }
        s
    };
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.push_str(&format!(
                    r#"<c r="{}{}" t="inlineStr"><is><t>{}</t></is></c>"#,
                    col(c),
                    r + 1,
                    esc(v)
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, body) in parts {
        z.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(body.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

#[test]
fn one_column_per_adjective_xlsx_export() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("per-option.xlsx");
    let words = [
        "可靠",
        "耐心",
        "冷静",
        "善良",
        "安静",
        "大胆",
        "自信",
        "睿智",
        "乐于助人",
        "有条理",
        "逻辑性强",
        "博学",
    ];
    let mut head = vec![
        "序号".to_string(),
        "提交人".into(),
        "1、被评价人工号：".into(),
    ];
    head.extend(
        words
            .iter()
            .map(|w| format!("2.请选择最能描述这位同事的形容词（多选题）:{w}")),
    );
    let row = |n: &str, who: &str, subj: &str, picked: &[&str], mark: &str| {
        let mut r = vec![n.to_string(), who.to_string(), subj.to_string()];
        r.extend(words.iter().map(|w| {
            if picked.contains(w) {
                mark.to_string()
            } else {
                "0".to_string()
            }
        }));
        r
    };
    xlsx(
        &f,
        &[
            head,
            row("1", "提交人甲秘密", "S5", &["可靠", "耐心", "冷静"], "1"),
            row("2", "提交人乙秘密", "S5", &["可靠", "善良"], "选中"),
            row("3", "提交人丙秘密", "S5", &["耐心", "可靠", "博学"], "TRUE"),
        ],
    );
    let (stderr, texts) = run(dir.path(), &f);
    assert!(
        stderr.contains("one column per adjective (12 columns)"),
        "{stderr}"
    );
    assert_eq!(raters(dir.path(), &f, "S5"), 3);
    let out_dir = dir.path().join("out-per-option.xlsx");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("S5.json")).unwrap()).unwrap();
    assert!(
        v["johari"]["open"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("dependable")),
        "{v}"
    );
    assert_nobody(&texts, &["秘密"]);
}

#[test]
fn a_subject_column_is_found_by_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("plain.csv");
    std::fs::write(
        &f,
        "Email,Who,Picks\nq1@y.example,S2,calm;kind\nq2@y.example,S2,calm\nq3@y.example,S2,kind;wise\n",
    )
    .unwrap();
    let (stderr, texts) = run(dir.path(), &f);
    assert!(
        stderr.contains("subject column B (matched by id)"),
        "{stderr}"
    );
    assert_eq!(raters(dir.path(), &f, "S2"), 3);
    assert_nobody(&texts, &["y.example"]);
}

#[test]
fn pick_sheets_and_the_survey_template() {
    let dir = tempfile::tempdir().unwrap();
    let out = cb()
        .args(["feedback", "sheets"])
        .arg(subjects(dir.path()))
        .args(["--copies", "3", "-o"])
        .arg(dir.path().join("sheets"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (pages, text) = pdf_text(&dir.path().join("sheets/S1.sheets.pdf"));
    assert_eq!(pages, 3, "one page per copy");
    for needle in [
        "同事1",
        "S1",
        "请选出最能描述这位同事的 5–6 个形容词",
        "不要写你的名字",
        "可靠 dependable",
        "风趣 witty",
        "工号",
    ] {
        // compared without spaces: the quarter-em between Chinese and digits reads
        // back as a space in some extractors
        let flat = |s: &str| s.split_whitespace().collect::<String>();
        assert!(flat(&text).contains(&flat(needle)), "sheet lacks {needle}");
    }
    let doc =
        lopdf::Document::load_mem(&std::fs::read(dir.path().join("sheets/S1.sheets.pdf")).unwrap())
            .unwrap();
    let first = doc.extract_text(&[1]).unwrap();
    for a in ["能干", "包容", "睿智", "好探究", "通情达理"] {
        assert!(first.contains(a), "page 1 lacks {a}");
    }
    assert!(
        !text.contains("评价人姓名") && !text.contains("Your name"),
        "no field for the rater's name"
    );
    assert!(
        !text.contains("1 / 3") && !text.contains("份数"),
        "no copy number that tells whose sheet came back"
    );
    let t = cb().args(["feedback", "template"]).output().unwrap();
    assert_eq!(t.status.code(), Some(0));
    let t = String::from_utf8(t.stdout).unwrap();
    let options: Vec<&str> = t.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(options.len(), 55);
    assert!(t.contains("被评价同事的工号"));
    let en = cb()
        .args(["feedback", "template", "--locale", "en"])
        .output()
        .unwrap();
    assert_eq!(en.status.code(), Some(0));
    assert!(String::from_utf8(en.stdout)
        .unwrap()
        .lines()
        .any(|l| l == "dependable"));
    // the blank workbook's Johari exercise lists the 55 words with tick boxes too
    let blank = dir.path().join("blank.yaml");
    std::fs::write(&blank, "person:\n  name: 空白\n").unwrap();
    cb().arg("render")
        .arg(&blank)
        .args(["-f", "pdf", "--today", TODAY, "-o"])
        .arg(dir.path().join("b"))
        .assert()
        .success();
    let (_, text) = pdf_text(&dir.path().join("b/空白.pdf"));
    assert!(text.contains("可靠 dependable") && text.contains("feedback sheets"));
}
