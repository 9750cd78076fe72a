//! Runs the real `careerbook` binary on the bundled profiles and on invalid fixtures,
//! and pins what a user sees.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

/// The binary, with messages in English whatever the machine's locale (tests that
/// want Chinese pass `--lang zh-CN`).
fn cb() -> Command {
    let mut c = Command::cargo_bin("careerbook").expect("binary built");
    c.env("CAREERBOOK_LANG", "en");
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn profile(name: &str) -> PathBuf {
    root().join("profiles").join(name)
}

fn render(args: &[&str], out: &Path) -> std::process::Output {
    cb().arg("render")
        .args(args)
        .arg("-o")
        .arg(out)
        .args(["--today", TODAY])
        .output()
        .expect("runs")
}

fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    (pages.len(), text)
}

#[test]
fn bundled_profiles_render_to_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for p in [
        "li-na.zh.yaml",
        "alex-chen.en.yaml",
        "minimal.zh.yaml",
        "zhang-wei.zh.yaml",
        "maria-lopez.en.yaml",
    ] {
        let out = render(
            &[profile(p).to_str().unwrap(), "-f", "html,json,pdf"],
            dir.path(),
        );
        assert!(
            out.status.success(),
            "{p}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = render(
        &[
            profile("chen-jie.sales.zh.yaml").to_str().unwrap(),
            "-f",
            "pdf,json",
            "--ladders",
            root().join("profiles/ladders").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "E2041.pdf",
        "E2041.html",
        "E2041.json",
        "E1187.pdf",
        "王芳.pdf",
        "王芳.html",
        "E3310.pdf",
        "E0457.html",
        "S0781.pdf",
    ] {
        assert!(dir.path().join(f).is_file(), "{f} missing");
    }
    // every SVG shape has a real paint (an empty fill paints black)
    let html = std::fs::read_to_string(dir.path().join("E2041.html")).unwrap();
    assert!(
        html.contains("<svg") && !html.contains("fill=\"\"") && !html.contains("fill=\"null\"")
    );
    // table columns carry percentages a browser honours (CSS has no `fr` for <col>)
    assert!(html.contains("<col style=\"width: ") && !html.contains("fr\">"));
    let cols: Vec<f64> = html
        .split("<col style=\"width: ")
        .skip(1)
        .map(|rest| rest.split('%').next().unwrap().parse::<f64>().unwrap())
        .collect();
    assert!(
        !cols.is_empty() && cols.iter().all(|w| *w > 0.0 && *w < 100.0),
        "{cols:?}"
    );
}

#[test]
fn json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(
        &[profile("li-na.zh.yaml").to_str().unwrap(), "-f", "json"],
        dir.path(),
    );
    assert!(out.status.success());
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("E2041.json")).unwrap()).unwrap();
    assert_eq!(
        v["johari"]["open"],
        serde_json::json!(["dependable", "organised", "patient", "warm"])
    );
    assert_eq!(v["johari"]["hidden"], serde_json::json!(["shy"]));
    assert_eq!(
        v["johari"]["blind"],
        serde_json::json!(["calm", "helpful", "quiet"]),
        "a trait needs two peers: kind, observant and reflective had one each"
    );
    assert_eq!(v["johari"]["unknown"].as_array().unwrap().len(), 47);
    assert_eq!(v["johari"]["raters"], 6);
    assert_eq!(v["ladder"]["track"], "administrative");
    assert_eq!(v["ladder"]["level"], "staff");
    assert_eq!(v["ladder"]["position"], "behind");
    assert_eq!(v["ladder"]["years_from_typical"], 5);
    assert_eq!(v["ladder"]["next_level"], "supervisor");
    assert_eq!(v["ladder"]["next_typical_age"], 30);
    assert_eq!(v["ladder"]["target_gap"], 2);
    assert_eq!(v["ladder"]["years_left"], 5);
    assert_eq!(v["track_fit"]["leaning"], "technical");
    assert_eq!(v["track_fit"]["matches_track"], false);
    assert_eq!(v["reviews"][0], "2027-01-01");
    assert_eq!(v["reviews"][1], "2027-04-01");
    assert_eq!(v["reviews"].as_array().unwrap().len(), 8);
    // counts only: no list of who picked what
    assert!(v["johari"].get("peers").is_none());
}

#[test]
fn pdf_has_key_words_pages_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(
        &[profile("li-na.zh.yaml").to_str().unwrap(), "-f", "pdf"],
        dir.path(),
    );
    assert!(out.status.success());
    let bytes = std::fs::read(dir.path().join("E2041.pdf")).unwrap();
    assert!(
        bytes.len() <= 150 * 1024,
        "li-na PDF is {} bytes",
        bytes.len()
    );
    let (pages, text) = pdf_text(&bytes);
    assert!((8..=14).contains(&pages), "{pages} pages");
    for word in [
        "李娜",
        "公开的我",
        "隐私的我",
        "脊背的我",
        "潜在的我",
        "职员",
        "主管",
        "经理",
        "总监",
        "初级",
        "副高级",
        "行动计划",
        "取得客户服务管理师证书",
        "第2页/共",
    ] {
        let compact: String = text.split_whitespace().collect();
        assert!(compact.contains(word), "PDF text lacks {word}");
    }
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let title = doc
        .get_object(info)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Title")
        .unwrap();
    let title = lopdf::decode_text_string(title).unwrap();
    assert_eq!(title, "李娜 — 职业发展工作手册");
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(|o| o.as_reference())
        .unwrap();
    let catalog = doc.get_object(root).unwrap().as_dict().unwrap();
    assert!(catalog.get(b"Outlines").is_ok(), "an outline");
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"zh-CN");
    // PDF 1.7, dated from --today (never 1970), no empty entries, XMP metadata
    assert!(bytes.starts_with(b"%PDF-1.7"), "a PDF 1.7 header");
    let info = doc.get_object(info).unwrap().as_dict().unwrap();
    let day =
        String::from_utf8_lossy(info.get(b"CreationDate").unwrap().as_str().unwrap()).into_owned();
    assert_eq!(day, format!("D:{}000000Z", TODAY.replace('-', "")));
    assert_eq!(
        info.get(b"ModDate").unwrap().as_str().unwrap(),
        day.as_bytes()
    );
    assert!(!info.has(b"GTS_PDFXVersion"), "no empty /GTS_PDFXVersion");
    assert!(
        info.iter()
            .all(|(_, v)| !matches!(v, lopdf::Object::String(s, _) if s.is_empty())),
        "no empty strings in /Info"
    );
    let xmp_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = doc.get_object(xmp_id).unwrap().as_stream().unwrap();
    assert_eq!(xmp.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"XML");
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    for part in [
        "<rdf:li xml:lang=\"x-default\">李娜 — 职业发展工作手册</rdf:li>",
        "<dc:creator><rdf:Seq><rdf:li>李娜</rdf:li>",
        "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li>",
        &format!("<xmp:CreateDate>{TODAY}T00:00:00Z</xmp:CreateDate>"),
    ] {
        assert!(xmp.contains(part), "XMP lacks {part}: {xmp}");
    }
    // two embedded subsets of the one font, the shared template font and this
    // document's own glyphs, each named ABCDEF+Name with a ToUnicode map for copy
    // and search
    let fonts: Vec<&lopdf::Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type")
                .and_then(|t| t.as_name())
                .is_ok_and(|n| n == b"Font")
                && d.has(b"ToUnicode")
        })
        .collect();
    assert_eq!(fonts.len(), 2);
    for f in fonts {
        let base =
            String::from_utf8(f.get(b"BaseFont").unwrap().as_name().unwrap().to_vec()).unwrap();
        assert!(
            base.len() > 7
                && base.as_bytes()[6] == b'+'
                && base[..6].chars().all(|c| c.is_ascii_uppercase()),
            "{base}"
        );
    }
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = cb().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("careerbook"));
    }
}

#[test]
fn english_pdf_and_blank_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(
        &[
            profile("alex-chen.en.yaml").to_str().unwrap(),
            profile("minimal.zh.yaml").to_str().unwrap(),
            "-f",
            "pdf",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    let (_, text) = pdf_text(&std::fs::read(dir.path().join("E1187.pdf")).unwrap());
    for word in [
        "Alex Chen",
        "Open self",
        "Blind self",
        "Intermediate",
        "Page 2 of",
        "Lead the design",
    ] {
        assert!(text.contains(word), "PDF text lacks {word}");
    }
    let (pages, text) = pdf_text(&std::fs::read(dir.path().join("王芳.pdf")).unwrap());
    assert!(pages >= 8, "a complete blank workbook, got {pages} pages");
    let compact: String = text.split_whitespace().collect();
    for word in ["王芳", "同事反馈不足", "行动计划", "反馈与修正", "厌倦预警"]
    {
        assert!(compact.contains(word), "blank workbook lacks {word}");
    }
}

#[test]
fn output_is_byte_identical_across_runs_and_within_one_run() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let li = profile("li-na.zh.yaml");
    let alex = profile("alex-chen.en.yaml");
    // run 1: li-na alone; run 2: two documents in one process, li-na second
    assert!(
        render(&[li.to_str().unwrap(), "-f", "pdf,html,json"], a.path())
            .status
            .success()
    );
    assert!(render(
        &[
            alex.to_str().unwrap(),
            li.to_str().unwrap(),
            "-f",
            "pdf,html,json"
        ],
        b.path()
    )
    .status
    .success());
    for f in ["E2041.pdf", "E2041.html", "E2041.json"] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn html_prints_profile_text_literally() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("x.yaml");
    std::fs::write(
        &src,
        "person:\n  name: \"<script>document.title='pwned'</script>\"\n  id: \"../../escape\"\n  department: \"{{ 7 * 7 }} {% raw %}\"\n  role: \"<img src=x onerror=alert(1)>\"\nanswers:\n  summary: \"a & b < c\"\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = render(&[src.to_str().unwrap(), "-f", "html"], &out_dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // the id ../../escape becomes a plain file name inside -o
    let html = std::fs::read_to_string(out_dir.join("escape.html")).unwrap();
    assert!(!html.contains("<script>document"), "script tag not escaped");
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("<img src=x"));
    assert!(
        html.contains("{{ 7 * 7 }}"),
        "template syntax must print literally"
    );
    assert!(!html.contains(">49<"));
    assert!(html.contains("a &amp; b &lt; c"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing written outside -o"
    );
}

fn stderr_of_check(fixture: &str) -> (i32, String) {
    let path = format!("tests/fixtures/invalid/{fixture}");
    let out = cb()
        .current_dir(root())
        .args(["check", &path, "--today", TODAY])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn invalid_profiles_report_every_problem_with_position() {
    for f in [
        "typo-keys",
        "bad-values",
        "syntax",
        "duplicate-key",
        "empty",
        "list-root",
        "wrong-types",
        "future-birth",
    ] {
        let (code, stderr) = stderr_of_check(&format!("{f}.yaml"));
        assert_eq!(code, 1, "{f}: exit code");
        insta::assert_snapshot!(f, stderr);
    }
}

#[test]
fn a_bad_profile_writes_nothing_and_others_still_render() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(
        &[
            root()
                .join("tests/fixtures/invalid/bad-values.yaml")
                .to_str()
                .unwrap(),
            profile("alex-chen.en.yaml").to_str().unwrap(),
            "-f",
            "pdf,html",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, vec!["E1187.html", "E1187.pdf"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad-values.yaml:7:10"), "{stderr}");
    assert!(stderr.contains("1 of 2 profile(s) failed"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let out = cb()
        .args(["render", "profiles/li-na.zh.yaml", "--today", "2026-13-01"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--today `2026-13-01` is not a date"));
    let out = cb()
        .args(["render", "profiles/li-na.zh.yaml", "-f", "docx"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = cb().args(["check", "no-such-file.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn init_writes_profiles_that_validate() {
    let dir = tempfile::tempdir().unwrap();
    for (locale, track) in [
        ("zh-CN", "administrative"),
        ("en", "technical"),
        ("en", "administrative"),
        ("zh-CN", "technical"),
    ] {
        let path = dir.path().join(format!("{locale}-{track}.yaml"));
        cb().args(["init", "--locale", locale, "--track", track, "-o"])
            .arg(&path)
            .assert()
            .success();
        cb().args(["check", "--today", TODAY])
            .arg(&path)
            .assert()
            .success();
        // never overwrites by accident
        cb().args(["init", "-o"]).arg(&path).assert().code(2);
        // the editor schema beside it, named by a relative modeline
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=./careerbook.schema.json\n"),
            "{text}"
        );
        let schema: serde_json::Value = serde_json::from_slice(
            &std::fs::read(dir.path().join("careerbook.schema.json")).unwrap(),
        )
        .unwrap();
        assert!(
            schema["definitions"]["RawJohari"]["properties"]["self"]["items"]["enum"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w == "可靠")
        );
    }
}

#[test]
fn schema_is_draft_07_and_strict() {
    let out = cb().arg("schema").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(v["additionalProperties"], false);
    assert_eq!(v["required"], serde_json::json!(["person"]));
    assert!(v["definitions"]["RawPerson"]["properties"]["birth_year"].is_object());
    // -o FILE writes it; company ladders add their rungs
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.json");
    cb().args(["schema", "--ladders"])
        .arg(root().join("profiles/ladders"))
        .arg("-o")
        .arg(&file)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let rungs = v["definitions"]["RawCareer"]["properties"]["level"]["enum"]
        .as_array()
        .unwrap();
    assert!(
        rungs.iter().any(|r| r == "销售顾问"),
        "the company ladder's rungs"
    );
}

#[test]
fn ladders_list_show_and_company_ladders() {
    let out = cb().arg("ladders").output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("administrative") && s.contains("职员") && s.contains("副高级"));
    let out = cb()
        .args(["ladders", "show", "technical"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("id: associate_senior") && s.contains("typical_age: 35"));
    let out = cb()
        .args([
            "ladders",
            "--ladders",
            root().join("profiles/ladders").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("sales"));
    cb().args(["ladders", "show", "sails"]).assert().code(2);
    // without the company folder, the sales profile names an unknown ladder
    let out = cb()
        .args(["check", "--today", TODAY])
        .arg(profile("chen-jie.sales.zh.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown ladder `sales`"));
}

#[test]
fn templates_eject_and_override_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    cb().args(["templates", "eject"])
        .arg(&tpl)
        .assert()
        .success();
    for f in ["workbook.html", "block.html", "style.css"] {
        assert!(tpl.join(f).is_file());
    }
    // override only the stylesheet; the other templates stay built-in
    std::fs::remove_file(tpl.join("workbook.html")).unwrap();
    std::fs::remove_file(tpl.join("block.html")).unwrap();
    std::fs::write(tpl.join("style.css"), "body { color: rebeccapurple; }").unwrap();
    let out_dir = dir.path().join("out");
    let out = render(
        &[
            profile("li-na.zh.yaml").to_str().unwrap(),
            "-f",
            "html",
            "--templates",
            tpl.to_str().unwrap(),
        ],
        &out_dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(out_dir.join("E2041.html")).unwrap();
    assert!(html.contains("rebeccapurple"));
    assert!(html.contains("橱窗分析法"));
    // ejecting twice refuses to overwrite
    cb().args(["templates", "eject"]).arg(&tpl).assert().code(2);
}

#[test]
fn long_plans_flow_over_pages_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut y = String::from("person:\n  name: 长计划\nactions:\n");
    for i in 0..60 {
        y.push_str(&format!(
            "  - goal: 第{i}项目标：{}\n    steps: {}\n    due: 2027-06\n",
            "提升客户满意度".repeat(3),
            "每周复盘一次并记录结果，".repeat(4)
        ));
    }
    y.push_str(&format!(
        "answers:\n  summary: \"{}\"\n  most_needed: \"https://example.com/{}\"\n",
        "龘".repeat(6000),
        "a".repeat(400)
    ));
    let src = dir.path().join("long.yaml");
    std::fs::write(&src, y).unwrap();
    let out = render(&[src.to_str().unwrap(), "-f", "pdf"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (pages, text) = pdf_text(&std::fs::read(dir.path().join("长计划.pdf")).unwrap());
    assert!(pages > 12, "{pages} pages");
    let compact: String = text.split_whitespace().collect();
    for i in 0..60 {
        assert!(compact.contains(&format!("第{i}项目标")), "action {i} lost");
    }
    assert_eq!(
        compact.matches('龘').count(),
        6000,
        "the long paragraph is complete"
    );
    assert!(compact.contains(&"a".repeat(60)));
}

#[test]
fn missing_glyphs_warn_and_still_render() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("x.yaml");
    std::fs::write(&src, "person:\n  name: 𠮷田 😀\n").unwrap();
    let out = render(&[src.to_str().unwrap(), "-f", "pdf"], dir.path());
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("U+20BB7") && stderr.contains("U+1F600"),
        "{stderr}"
    );
    assert!(
        dir.path().join("𠮷田_😀.pdf").is_file()
            || std::fs::read_dir(dir.path()).unwrap().any(|e| e
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf"))
    );
}

#[test]
fn check_notes_unfinished_exercises_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("half.yaml");
    std::fs::write(&src, "person:\n  name: 半成品\njohari:\n  self: [calm, kind]\nneeds:\n  top: [money]\nanswers:\n  activities: [a, b]\n").unwrap();
    let out = cb().arg("check").arg(&src).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("note: johari.self has 2 adjective(s); the exercise asks for 5–6"),
        "{stdout}"
    );
    assert!(stdout.contains("note: needs.top has 1 need(s)"), "{stdout}");
    assert!(
        stdout.contains("note: answers.activities has 2"),
        "{stdout}"
    );
}

/// Print-ready wording: no literal `<br>` in HTML cells, proper plurals, the track-fit
/// note as a question and not a verdict, years on the rung from `career.since`.
#[test]
fn wording_reads_like_prose() {
    let dir = tempfile::tempdir().unwrap();
    for p in ["li-na.zh.yaml", "maria-lopez.en.yaml", "alex-chen.en.yaml"] {
        let out = render(
            &[profile(p).to_str().unwrap(), "-f", "html,pdf,json"],
            dir.path(),
        );
        assert!(out.status.success());
    }
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let p = f.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = if name.ends_with(".pdf") {
            pdf_text(&std::fs::read(&p).unwrap()).1
        } else {
            std::fs::read_to_string(&p).unwrap()
        };
        for bad in ["&lt;br&gt;", "<br>", "(s)", "（依据：", "(from: "] {
            assert!(!text.contains(bad), "{name} contains {bad:?}");
        }
    }
    let li_na = std::fs::read_to_string(dir.path().join("E2041.html")).unwrap();
    assert!(
        li_na.contains("提车次日提供刷卡单\n每月5号前提供欠款报表"),
        "one deliverable per line"
    );
    assert!(
        li_na.contains("和上级一起谈一谈"),
        "the track-fit note is a question"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("E2041.json")).unwrap()).unwrap();
    assert_eq!(json["ladder"]["years_on_rung"], 5, "2026 − since 2021");
}

/// Every subcommand's `--help` ends with examples.
#[test]
fn every_subcommand_help_ends_with_examples() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let name = format!("{path} {}", sub.get_name());
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let has_children = sub.get_subcommands().next().is_some();
            if !help.starts_with("Example") {
                missing.push(name.clone());
            }
            if has_children {
                walk(sub, &name, missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&careerbook::cli::Cli::command(), "careerbook", &mut missing);
    missing.retain(|m| !m.ends_with(" help"));
    assert!(missing.is_empty(), "no examples in --help of: {missing:?}");
}

/// `check -` reads standard input; `render -o -` writes one JSON or HTML to stdout;
/// `render` of a folder points to `batch`.
#[test]
fn dash_means_standard_input_and_output() {
    let yaml = std::fs::read(profile("li-na.zh.yaml")).unwrap();
    let out = cb()
        .args(["check", "-", "--today", TODAY])
        .write_stdin(yaml.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok: <stdin>");
    let out = cb()
        .args(["check", "-"])
        .write_stdin("person:\n  age: [\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--> <stdin>:"));

    let out = cb()
        .arg("render")
        .arg(profile("li-na.zh.yaml"))
        .args(["-f", "json", "-o", "-", "--today", TODAY])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["person"]["name"], "李娜");
    let out = cb()
        .args(["render", "-", "-f", "html", "-o", "-", "--today", TODAY])
        .write_stdin(yaml)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<!DOCTYPE html>"));
    // a PDF, or two documents, do not go to stdout
    let out = cb()
        .arg("render")
        .arg(profile("li-na.zh.yaml"))
        .args(["-f", "pdf", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = cb()
        .arg("render")
        .arg(root().join("profiles"))
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("careerbook batch"));
}

/// `--color always` paints our diagnostics, `never` and a pipe (the default `auto`
/// here) do not; NO_COLOR turns `auto` off but not an explicit `always`.
#[test]
fn color_follows_the_flag_no_color_and_the_terminal() {
    let bad = root().join("tests/fixtures/invalid/bad-values.yaml");
    let run = |args: &[&str], no_color: bool| {
        let mut c = cb();
        c.arg("check").arg(&bad).args(args);
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        String::from_utf8_lossy(&c.output().unwrap().stderr).into_owned()
    };
    assert!(run(&["--color", "always"], false).contains("\x1b[1;31merror\x1b[0m:"));
    assert!(run(&["--color", "always"], true).contains("\x1b["));
    assert!(!run(&["--color", "never"], false).contains('\x1b'));
    assert!(!run(&[], false).contains('\x1b'), "no colour into a pipe");
    assert!(!run(&["--color", "auto"], true).contains('\x1b'));
}
