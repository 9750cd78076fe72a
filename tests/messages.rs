//! The summaries and errors of `render`, `batch`, `feedback`, `init`, `ladders` and
//! `overview` come in the user's language: each is run with `--lang en` and
//! `--lang zh-CN`, and both texts are checked.

mod common;

use common::{cb, root};
use std::path::Path;

/// Runs `careerbook --lang <lang> <args>` and returns (exit code, stdout, stderr).
fn run(lang: &str, args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = cb()
        .current_dir(dir)
        .args(["--lang", lang, "--color", "never"])
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn both(args: &[&str], dir: &Path) -> [(i32, String, String); 2] {
    [run("en", args, dir), run("zh-CN", args, dir)]
}

fn fixture(p: &str) -> String {
    root().join(p).display().to_string()
}

#[test]
fn batch_summary_and_failures_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let [en, zh] = both(
        &[
            "batch",
            &fixture("tests/fixtures/batch/roster-utf8.csv"),
            &fixture("tests/fixtures/rosters/roster-bad-byte.csv"),
            "-f",
            "json",
            "-o",
            out.to_str().unwrap(),
            "--today",
            "2026-11-20",
        ],
        dir.path(),
    );
    assert_eq!(en.0, 1, "{}", en.2);
    assert_eq!(zh.0, 1, "{}", zh.2);
    assert!(
        en.2.contains("batch: ") && en.2.contains("failed"),
        "{}",
        en.2
    );
    assert!(en.2.contains("\nfailed:\n"), "{}", en.2);
    assert!(en.2.contains("is not valid UTF-8"), "{}", en.2);
    assert!(
        zh.2.contains("批量：共 ") && zh.2.contains("个失败"),
        "{}",
        zh.2
    );
    assert!(zh.2.contains("\n失败：\n"), "{}", zh.2);
    assert!(zh.2.contains("不是有效的 UTF-8"), "{}", zh.2);
    assert!(!zh.2.contains("batch: "), "{}", zh.2);
}

#[test]
fn roster_without_a_header_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("r.csv");
    std::fs::write(&roster, "a,b\n1,2\n").unwrap();
    let [en, zh] = both(
        &[
            "batch",
            roster.to_str().unwrap(),
            "-f",
            "json",
            "-o",
            dir.path().join("o").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(
        en.2.contains("no header row recognised in the first"),
        "{}",
        en.2
    );
    assert!(zh.2.contains("中找不到表头"), "{}", zh.2);
}

#[test]
fn render_failures_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "person:\n  name: 王芳\n  age: 三十\n").unwrap();
    let good = fixture("profiles/minimal.zh.yaml");
    let [en, zh] = both(
        &[
            "render",
            &good,
            bad.to_str().unwrap(),
            "-f",
            "json",
            "-o",
            dir.path().join("o").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!((en.0, zh.0), (1, 1));
    assert!(en.2.contains("1 of 2 profile(s) failed:"), "{}", en.2);
    assert!(
        zh.2.contains("共 2 个档案，其中 1 个未能生成："),
        "{}",
        zh.2
    );
    // usage errors, too
    let [en, zh] = both(&["render", &good, "-o", "-", "-f", "pdf"], dir.path());
    assert_eq!((en.0, zh.0), (2, 2));
    assert!(
        en.2.starts_with("error: -o - writes one document"),
        "{}",
        en.2
    );
    assert!(zh.2.starts_with("错误：-o - 只把一份文档"), "{}", zh.2);
    let [en, zh] = both(&["render", &good, "--today", "tomorrow"], dir.path());
    assert!(en.2.contains("is not a date; write YYYY-MM-DD"), "{}", en.2);
    assert!(zh.2.contains("不是日期；写成 YYYY-MM-DD"), "{}", zh.2);
}

#[test]
fn init_and_ladders_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let [en, zh] = both(&["init", "-o", "me.yaml"], dir.path());
    assert_eq!((en.0, zh.0), (0, 2), "{}", zh.2);
    assert!(en.1.contains("wrote me.yaml"), "{}", en.1);
    assert!(en.1.contains("wrote careerbook.schema.json"), "{}", en.1);
    // the second run finds the file written by the first
    assert!(
        zh.2.contains("me.yaml 已经存在；要覆盖请加 --force"),
        "{}",
        zh.2
    );
    let (code, out, _) = run("zh-CN", &["init", "-o", "you.yaml"], dir.path());
    assert_eq!(code, 0);
    assert!(out.contains("已写入 you.yaml"), "{out}");
    let [en, zh] = both(&["ladders", "show", "technicl"], dir.path());
    assert_eq!((en.0, zh.0), (2, 2));
    assert!(
        en.2.contains("no ladder `technicl`; did you mean `technical`?"),
        "{}",
        en.2
    );
    assert!(
        zh.2.contains("没有职业阶梯 `technicl`；是不是 `technical`？"),
        "{}",
        zh.2
    );
    let [en, zh] = both(&["init", "--locale", "fr"], dir.path());
    assert!(en.2.contains("use zh-CN, zh-TW or en"), "{}", en.2);
    assert!(zh.2.contains("请用 zh-CN、zh-TW 或 en"), "{}", zh.2);
}

#[test]
fn feedback_sheets_and_overview_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let noid = dir.path().join("noid.yaml");
    std::fs::write(&noid, "person:\n  name: 王芳\n").unwrap();
    let [en, zh] = both(
        &[
            "feedback",
            "sheets",
            noid.to_str().unwrap(),
            "-o",
            dir.path().join("s").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!((en.0, zh.0), (1, 1));
    assert!(
        en.2.contains("has no person.id, and the sheet needs a code"),
        "{}",
        en.2
    );
    assert!(
        zh.2.contains("没有 person.id，而选择单需要一个编号"),
        "{}",
        zh.2
    );
    let [en, zh] = both(
        &["overview", dir.path().to_str().unwrap(), "-o", "x"],
        dir.path(),
    );
    assert_eq!((en.0, zh.0), (2, 2));
    assert!(en.2.contains("no shard counts"), "{}", en.2);
    assert!(zh.2.contains("没有找到分片计数文件"), "{}", zh.2);
}

#[test]
fn ladder_files_unreadable_and_empty_profiles_and_notes_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let ladders = dir.path().join("ladders");
    std::fs::create_dir(&ladders).unwrap();
    std::fs::write(
        ladders.join("x.yaml"),
        "id: x\nkind: administrative\nname: { zh: 某, en: X }\nrungs: []\n",
    )
    .unwrap();
    let [en, zh] = both(
        &["ladders", "--ladders", ladders.to_str().unwrap()],
        dir.path(),
    );
    assert!(
        en.2.contains("a ladder needs at least one rung") && en.2.contains("have problems"),
        "{}",
        en.2
    );
    assert!(
        zh.2.contains("职业阶梯至少要有一级") && zh.2.contains("中的职业阶梯有问题"),
        "{}",
        zh.2
    );
    assert!(!zh.2.contains("错误：错误："), "{}", zh.2);
    std::fs::write(dir.path().join("empty.yaml"), "# nothing yet\n").unwrap();
    std::fs::write(
        dir.path().join("few.yaml"),
        "person:\n  name: 王芳\njohari:\n  self: [calm, kind]\n",
    )
    .unwrap();
    let [en, zh] = both(
        &["check", "empty.yaml", "missing.yaml", "few.yaml"],
        dir.path(),
    );
    assert!(
        en.2.contains("the profile is empty") && en.2.contains("no such file"),
        "{}",
        en.2
    );
    assert!(
        en.1.contains("johari.self has 2 adjective(s)")
            || en.2.contains("johari.self has 2 adjective(s)"),
        "{en:?}"
    );
    assert!(
        zh.2.contains("档案是空的") && zh.2.contains("没有这个文件"),
        "{}",
        zh.2
    );
    assert!(
        zh.1.contains("johari.self 有 2 个形容词") || zh.2.contains("johari.self 有 2 个形容词"),
        "{zh:?}"
    );
}

/// Under a Chinese system locale (`LANG=zh_CN.UTF-8`, no `--lang`) nothing is left
/// in English: `render` of a folder, a batch's notes, a roster row's place.
#[test]
fn no_english_left_under_a_chinese_system_locale() {
    let dir = tempfile::tempdir().unwrap();
    let zh = |args: &[&str]| {
        let out = cb()
            .env_remove("CAREERBOOK_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "zh_CN.UTF-8")
            .current_dir(dir.path())
            .args(["--color", "never"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let profiles = fixture("profiles");
    let (code, stderr) = zh(&["render", &profiles, "-o", "out"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        format!("错误：{profiles} 是一个文件夹：`render` 只接受档案文件；整个文件夹请用 `careerbook batch {profiles} -o 输出文件夹`\n")
    );
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let roster = fixture("tests/fixtures/batch/roster-utf8.csv");
    let (code, stderr) = zh(&[
        "batch",
        "empty",
        &roster,
        "-f",
        "json",
        "-o",
        "out",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("提示：empty：没有找到 *.yaml 或 *.yml 文件\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("  --> {roster}:第 7 行，E 列（出生年份）\n")),
        "{stderr}"
    );
    for english in ["note:", ":row ", "column", "is a folder"] {
        assert!(!stderr.contains(english), "{english}: {stderr}");
    }
}
