//! `careerbook ladders import | export | template`: qualification grids and
//! competency matrices read into ladder files (what was read, by column letter and
//! row), bad grids refused by sheet, row and column with nothing written, and any
//! ladder written as a grid that imports back to the same ladder.

mod common;
mod grids;

use common::{cb, root};
use std::path::Path;

/// Runs careerbook and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = cb().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `ladders show ID` of the ladders in `dir` (or the built-ins).
fn show(id: &str, dir: Option<&Path>) -> String {
    let mut args = vec!["ladders", "show", id];
    if let Some(d) = dir {
        args.extend(["--ladders", s(d)]);
    }
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_chinese_grid_with_title_rows_merged_cells_and_weights() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("任职资格标准.xlsx");
    grids::zh_xlsx(&grid);
    let out = dir.path().join("ladders");
    let (code, report, err) = run(&[
        "ladders",
        "import",
        s(&grid),
        "--id",
        "tech",
        "--kind",
        "technical",
        "--sheet",
        "技术序列",
        "-o",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    // what was read: sheet, layout, header row, columns by letter, rungs, skipped rows
    assert!(
        report.contains(
            "(XLSX): sheet 技术序列: a long grid (one row per standard), header on row 3"
        ),
        "{report}"
    );
    assert!(report.contains("other sheets: 说明, 管理序列"), "{report}");
    assert!(
        report.contains("B 职级 → level, C 职级名称 → title (zh), D 典型年龄 → typical age"),
        "{report}"
    );
    assert!(
        report.contains("H 权重 → weight, I 任职标准 → standard (zh)"),
        "{report}"
    );
    assert!(report.contains("ignored: J 备注"), "{report}");
    assert!(
        report.contains("3 rungs, lowest first, by level number:"),
        "{report}"
    );
    let rungs: Vec<&str> = report.lines().filter(|l| l.starts_with("    ")).collect();
    assert_eq!(
        rungs,
        [
            "    p1  助理工程师: standards 3, weights 90%",
            "    p2  工程师: standards 5, weights 100%",
            "    p3  高级工程师: standards 6, weights 100%",
        ]
    );
    assert!(
        report.contains(
            "skipped: rows 1–2 (above the header), rows 10, 16, 20 (blank), row 21 (a note)"
        ),
        "{report}"
    );
    assert!(
        report.contains("warning: the weights of rung p1 add up to 90%, not 100%"),
        "{report}"
    );
    assert!(
        report.contains("warning: 14 standards are in Chinese only"),
        "{report}"
    );
    assert!(
        report.contains("wrote ") && report.contains("tech.yaml"),
        "{report}"
    );
    // the ladder file: ids from the ladder, the rung and the item; areas from the
    // categories and their synonyms; items and weights kept; zh only
    let yaml = std::fs::read_to_string(out.join("tech.yaml")).unwrap();
    assert!(
        yaml.starts_with("# Imported by `careerbook ladders import` from "),
        "{yaml}"
    );
    assert!(yaml.contains("name:\n  zh: 技术序列\n"), "{yaml}");
    assert!(
        yaml.contains("- id: p2\n  title:\n    zh: 工程师\n  typical_age: 27\n  min_years: 2\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("  - id: tech_p3_团队协作\n    area: behaviour\n    item:\n      zh: 团队协作\n    weight: 10\n    text:\n      zh: 主动分享经验，推动团队的技术规范落地。\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("- id: tech_p3_项目成果\n    area: results\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("- id: tech_p1_学习能力\n    area: skills\n"),
        "{yaml}"
    );
    assert!(yaml.contains("- id: tech_p2_独立开发\n    area: skills\n    item:\n      zh: 独立开发\n    weight: 35\n"), "{yaml}");
    assert!(
        !yaml.contains("en:"),
        "the English is left for the company to add: {yaml}"
    );
    // the merged 技能 of P3 covers both of its rows
    assert!(
        yaml.contains("- id: tech_p3_技术指导\n    area: skills\n"),
        "{yaml}"
    );
    // it validates as a company ladder
    let listed = show("tech", Some(&out));
    assert!(listed.contains("tech_p1_基础知识"), "{listed}");
}

#[test]
fn the_same_grid_saved_as_gbk_csv_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, csv) = (dir.path().join("g.xlsx"), dir.path().join("g.csv"));
    grids::zh_xlsx(&xlsx);
    grids::zh_gbk_csv(&csv);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&xlsx),
        "--id",
        "tech",
        "--sheet",
        "技术序列",
        "-o",
        s(&a),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, report, err) = run(&["ladders", "import", s(&csv), "--id", "tech", "-o", s(&b)]);
    assert_eq!(code, 0, "{err}");
    assert!(report.contains("(GBK): a long grid"), "{report}");
    assert!(
        report.contains("warning: the ladder's kind is `other`"),
        "{report}"
    );
    assert_eq!(show("tech", Some(&a)), show("tech", Some(&b)));
}

#[test]
fn an_english_matrix_areas_down_rungs_across() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("matrix.csv");
    grids::en_matrix_csv(&grid);
    let out = dir.path().join("ladders");
    let (code, report, err) = run(&[
        "ladders",
        "import",
        s(&grid),
        "--id",
        "eng",
        "--kind",
        "technical",
        "--name",
        "Engineering",
        "-o",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        report.contains("a matrix (areas down, rungs across), header on row 2"),
        "{report}"
    );
    assert!(
        report.contains("A Competency → areas, B L1 Engineer → rung, C L2 Senior Engineer → rung"),
        "{report}"
    );
    assert!(report.contains("    l1  Engineer: standards 5\n    l2  Senior Engineer: standards 5\n    l3  Staff Engineer: standards 4"), "{report}");
    assert!(report.contains("row 1 (above the header)"), "{report}");
    assert!(
        report.contains("warning: 14 standards are in English only"),
        "{report}"
    );
    let yaml = std::fs::read_to_string(out.join("eng.yaml")).unwrap();
    assert!(yaml.contains("name:\n  en: Engineering\n"), "{yaml}");
    assert!(
        yaml.contains("- id: l2\n  title:\n    en: Senior Engineer\n  typical_age: 28\n"),
        "{yaml}"
    );
    // one standard per line of a cell, bullets dropped, the row label as the item
    assert!(
        yaml.contains("  - id: eng_l2_technical_skills_2\n    area: skills\n    item:\n      en: Technical skills\n    text:\n      en: Reviews others' code\n"),
        "{yaml}"
    );
    assert!(yaml.contains("  - id: eng_l1_knowledge_1\n    area: knowledge\n    text:\n      en: Knows the team's stack.\n"), "{yaml}");
    assert!(
        yaml.contains("  - id: eng_l3_impact_1\n    area: results\n"),
        "{yaml}"
    );
    assert!(!yaml.contains("zh:"), "{yaml}");
}

#[test]
fn a_bad_grid_is_refused_by_cell_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("bad.xlsx");
    grids::bad_xlsx(&grid);
    let out = dir.path().join("ladders");
    let (code, stdout, err) = run(&["ladders", "import", s(&grid), "--id", "shop", "-o", s(&out)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.is_empty(), "{stdout}");
    let place =
        |cell: &str, header: &str| format!("--> {}: sheet Sheet1, {cell} ({header})\n", s(&grid));
    for (cell, header, message) in [
        ("A2", "职级", "error: a standard with no rung above it"),
        (
            "E4",
            "标准项",
            "error: the item `产品知识` appears twice in rung P1 专员 (also on row 3)",
        ),
        ("D5", "标准类别", "error: `机能` is not a category"),
        ("F6", "任职标准", "error: the standard's text is empty"),
        (
            "C7",
            "典型年龄",
            "error: rung P2 主管 has typical age 24, but the rung below it (P1 专员) has 25",
        ),
        ("A8", "职级", "error: rung P3 经理 has no standards"),
    ] {
        let expected = format!("{message}\n  {}", place(cell, header));
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    assert!(
        err.contains("= help: did you mean `技能` (skills)?"),
        "{err}"
    );
    assert!(
        err.ends_with("nothing was written; fix the grid and import it again\n"),
        "{err}"
    );
    assert_eq!(err.matches("error: ").count(), 6, "{err}");
    assert!(!out.exists(), "nothing is written when the grid has errors");
}

#[test]
fn sheets_layouts_and_ids_that_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("g.xlsx");
    grids::zh_xlsx(&grid);
    let o = dir.path().join("o");
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&grid),
        "--id",
        "t",
        "--sheet",
        "技术序",
        "-o",
        s(&o),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("the workbook has no sheet `技术序`; did you mean `技术序列`? sheets: 说明, 技术序列, 管理序列"), "{err}");
    // the first sheet (说明) has no header
    let (code, _, err) = run(&["ladders", "import", s(&grid), "--id", "t", "-o", s(&o)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: no header row in the first 1 rows\n  --> ")
            && err.contains("sheet 说明"),
        "{err}"
    );
    let csv = dir.path().join("m.csv");
    grids::en_matrix_csv(&csv);
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&csv),
        "--id",
        "t",
        "--sheet",
        "x",
        "-o",
        s(&o),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--sheet x is for workbooks (.xlsx)"), "{err}");
    let (code, _, err) = run(&["ladders", "import", s(&csv), "--id", "../x", "-o", s(&o)]);
    assert_eq!(code, 2);
    assert!(err.contains("`../x` cannot be a ladder id"), "{err}");
    assert!(!o.exists());
}

#[test]
fn every_built_in_and_company_ladder_goes_to_a_grid_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let company = root().join("profiles/ladders");
    for (id, kind) in [
        ("administrative", "administrative"),
        ("technical", "technical"),
        ("sales", "administrative"),
    ] {
        for (ext, locale) in [("xlsx", "zh-CN"), ("csv", "en")] {
            let file = dir.path().join(format!("{id}-{locale}.{ext}"));
            let (code, _, err) = run(&[
                "ladders",
                "export",
                id,
                "--ladders",
                s(&company),
                "--locale",
                locale,
                "-o",
                s(&file),
            ]);
            assert_eq!(code, 0, "{err}");
            let out = dir.path().join(format!("{id}-{locale}-{ext}"));
            let (code, _, err) = run(&[
                "ladders",
                "import",
                s(&file),
                "--id",
                id,
                "--kind",
                kind,
                "-o",
                s(&out),
            ]);
            assert_eq!(code, 0, "{id} {ext}: {err}");
            assert_eq!(
                show(id, Some(&out)),
                show(id, Some(&company)),
                "{id} via {ext}"
            );
        }
    }
    let csv = std::fs::read(dir.path().join("sales-en.csv")).unwrap();
    assert!(csv.starts_with(
        b"\xef\xbb\xbfFamily (zh),Family (en),Level,Title (zh),Title (en),Typical age,"
    ));
}

#[test]
fn an_imported_grid_goes_to_a_grid_and_back_with_items_and_weights() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("g.xlsx");
    grids::zh_xlsx(&grid);
    let first = dir.path().join("first");
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&grid),
        "--id",
        "tech",
        "--sheet",
        "技术序列",
        "-o",
        s(&first),
    ]);
    assert_eq!(code, 0, "{err}");
    for ext in ["xlsx", "csv"] {
        let file = dir.path().join(format!("tech.{ext}"));
        let (code, _, err) = run(&[
            "ladders",
            "export",
            "tech",
            "--ladders",
            s(&first),
            "-o",
            s(&file),
        ]);
        assert_eq!(code, 0, "{err}");
        let again = dir.path().join(format!("again-{ext}"));
        let (code, report, err) = run(&[
            "ladders",
            "import",
            s(&file),
            "--id",
            "tech",
            "-o",
            s(&again),
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(
            report.contains("标准项 → item (zh), ") && report.contains("权重 → weight"),
            "{report}"
        );
        assert_eq!(
            show("tech", Some(&again)),
            show("tech", Some(&first)),
            "via {ext}"
        );
    }
}

#[test]
fn csv_cells_that_excel_would_run_as_formulas_are_quoted_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let lad = dir.path().join("lad");
    std::fs::create_dir(&lad).unwrap();
    std::fs::write(
        lad.join("x.yaml"),
        "id: x\nkind: other\nname: { zh: 甲 }\nrungs:\n  - id: a\n    title: { zh: 甲级 }\n    typical_age: 25\n    standards:\n      - id: a_cost\n        area: results\n        text: { zh: \"=HYPERLINK(\\\"http://x\\\") 成本 -5%\" }\n      - id: a_mail\n        area: skills\n        text: { en: \"@mentions in reviews, +1s\" }\n",
    )
    .unwrap();
    let file = dir.path().join("x.csv");
    let (code, _, err) = run(&[
        "ladders",
        "export",
        "x",
        "--ladders",
        s(&lad),
        "-o",
        s(&file),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(std::fs::read(&file).unwrap()).unwrap();
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://x\"\") 成本 -5%\""),
        "{text}"
    );
    assert!(text.contains(",\"'@mentions in reviews, +1s\""), "{text}");
    let back = dir.path().join("back");
    let (code, _, err) = run(&["ladders", "import", s(&file), "--id", "x", "-o", s(&back)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(show("x", Some(&back)), show("x", Some(&lad)));
}

#[test]
fn the_template_explains_its_columns_and_imports_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    for (locale, family, category) in [
        ("zh-CN", "技术序列", "标准类别"),
        ("en", "Engineering", "Category"),
    ] {
        let file = dir.path().join(format!("template-{locale}.xlsx"));
        let (code, _, err) = run(&["ladders", "template", "--locale", locale, "-o", s(&file)]);
        assert_eq!(code, 0, "{err}");
        let out = dir.path().join(locale);
        let (code, report, err) = run(&["ladders", "import", s(&file), "--id", "t", "-o", s(&out)]);
        assert_eq!(code, 0, "{err}");
        assert!(
            report.contains(&format!(
                "sheet {family}: a long grid (one row per standard), header on row 3"
            )),
            "{report}"
        );
        assert!(
            report.contains(&format!("G {category} → category")),
            "{report}"
        );
        assert!(report.contains(": standards 5, weights 100%"), "{report}");
        assert!(
            report.contains("skipped: rows 1–2 (above the header)"),
            "{report}"
        );
        let yaml = std::fs::read_to_string(out.join("t.yaml")).unwrap();
        assert!(
            yaml.contains("min_years: 2") && yaml.contains("weight: 20"),
            "{yaml}"
        );
    }
    let (code, _, err) = run(&["ladders", "template", "-o", "grid.ods"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("grid.ods: the file must end in .xlsx or .csv"),
        "{err}"
    );
}

#[test]
fn import_messages_come_in_chinese_too() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("bad.xlsx");
    grids::bad_xlsx(&grid);
    let out = cb()
        .args([
            "--lang",
            "zh-CN",
            "ladders",
            "import",
            s(&grid),
            "--id",
            "shop",
            "-o",
        ])
        .arg(dir.path().join("o"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("错误：`机能` 不是标准类别"), "{err}");
    assert!(
        err.contains(": 工作表 Sheet1，D5 (标准类别)")
            || err.contains("：工作表 Sheet1，D5 (标准类别)"),
        "{err}"
    );
    assert!(err.contains("没有写出任何文件"), "{err}");
}

#[test]
fn a_matrix_saved_as_excel_unicode_text_reads_like_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("m.csv");
    grids::en_matrix_csv(&csv);
    // Excel's "Unicode text": UTF-16 LE with BOM, tab-separated
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut tsv = vec![0xff, 0xfe];
    // every comma separates cells (none of the matrix's texts has one)
    let tabbed: String = text
        .replace('\n', "\r\n")
        .chars()
        .map(|c| if c == ',' { '\t' } else { c })
        .collect();
    for u in tabbed.encode_utf16() {
        tsv.extend_from_slice(&u.to_le_bytes());
    }
    let txt = dir.path().join("m.txt");
    std::fs::write(&txt, tsv).unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let (code, _, err) = run(&["ladders", "import", s(&csv), "--id", "eng", "-o", s(&a)]);
    assert_eq!(code, 0, "{err}");
    let (code, report, err) = run(&["ladders", "import", s(&txt), "--id", "eng", "-o", s(&b)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        report.contains("(UTF-16 (Unicode text)): a matrix"),
        "{report}"
    );
    assert_eq!(show("eng", Some(&a)), show("eng", Some(&b)));
}

#[test]
fn ids_survive_a_reimport_of_an_edited_grid_while_the_items_stay() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("g.csv");
    grids::zh_gbk_csv(&csv);
    let first = dir.path().join("first");
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&csv),
        "--id",
        "tech",
        "-o",
        s(&first),
    ]);
    assert_eq!(code, 0, "{err}");
    // HR rewrites a standard and moves the P3 rung to the bottom
    let bytes = std::fs::read(&csv).unwrap();
    let (text, _, _) = encoding_rs::GBK.decode(&bytes);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let p3: Vec<String> = lines.drain(2..8).collect();
    lines.extend(p3);
    let edited = lines.join("\n").replace(
        "掌握本岗位所需的技术和工具。",
        "掌握本岗位所需的技术、工具和发布流程。",
    );
    std::fs::write(&csv, encoding_rs::GBK.encode(&edited).0).unwrap();
    let again = dir.path().join("again");
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&csv),
        "--id",
        "tech",
        "-o",
        s(&again),
    ]);
    assert_eq!(code, 0, "{err}");
    let ids = |yaml: &str| -> Vec<String> {
        yaml.lines()
            .filter(|l| l.starts_with("  - id: "))
            .map(str::to_string)
            .collect()
    };
    let (before, after) = (show("tech", Some(&first)), show("tech", Some(&again)));
    assert_eq!(ids(&before), ids(&after));
    assert!(
        ids(&after).contains(&"  - id: tech_p2_专业知识".to_string()),
        "{after}"
    );
    assert!(
        after.contains("掌握本岗位所需的技术、工具和发布流程。"),
        "{after}"
    );
    assert_ne!(before, after);
}

#[test]
fn nothing_is_overwritten_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("g.csv");
    grids::zh_gbk_csv(&csv);
    let out = dir.path().join("ladders");
    let import = |extra: &[&str]| {
        let mut args = vec!["ladders", "import", s(&csv), "--id", "tech", "-o", s(&out)];
        args.extend(extra);
        run(&args)
    };
    assert_eq!(import(&[]).0, 0);
    // the same grid again changes nothing and is not refused
    assert_eq!(import(&[]).0, 0);
    // an edited grid, or a ladder file with texts added by hand, is kept unless --force
    let file = out.join("tech.yaml");
    let by_hand = std::fs::read_to_string(&file).unwrap() + "# en added by hand\n";
    std::fs::write(&file, &by_hand).unwrap();
    let (code, _, err) = import(&[]);
    assert_eq!(code, 2);
    assert!(
        err.ends_with(&format!(
            "error: {} already exists; add --force to overwrite it\n",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), by_hand);
    assert_eq!(import(&["--force"]).0, 0);
    assert!(!std::fs::read_to_string(&file).unwrap().contains("by hand"));
    for args in [
        &["ladders", "export", "technical", "-o"][..],
        &["ladders", "template", "-o"][..],
    ] {
        let f = dir.path().join("there.xlsx");
        std::fs::write(&f, "mine").unwrap();
        let (code, _, err) = run(&[args, &[s(&f)]].concat());
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.contains("already exists; add --force to overwrite it"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "mine");
        let (code, _, err) = run(&[args, &[s(&f), "--force"]].concat());
        assert_eq!(code, 0, "{err}");
        assert!(std::fs::read(&f).unwrap().starts_with(b"PK"), "an XLSX");
    }
}

#[test]
fn a_cell_quoted_in_a_message_stays_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("g.csv");
    std::fs::write(
        &csv,
        "职级,标准类别,任职标准\nP1,\"知识\nerror: forged\",熟悉产品。\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "ladders",
        "import",
        s(&csv),
        "--id",
        "x",
        "-o",
        s(&dir.path().join("o")),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: `知识\\u{a}error: forged` is not a category\n"),
        "{err}"
    );
    assert_eq!(
        err.matches("\nerror: ").count() + usize::from(err.starts_with("error: ")),
        1,
        "{err}"
    );
}
