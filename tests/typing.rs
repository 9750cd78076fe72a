//! The mistakes people typing on a Chinese keyboard make: each fixture in
//! `tests/fixtures/typing/` is checked in Chinese and in English, and the messages
//! are pinned (snapshots `typing__<name>-<lang>.snap`): the real line and column, a
//! caret as wide as the characters, and what to type instead.

mod common;
use common::{cb, pinned, root};

const CASES: &[(&str, &str)] = &[
    // (fixture, a part of the Chinese message that must be there)
    ("colon", "把全角冒号“：”改成半角冒号加空格“: ”"),
    ("fwspace", "缩进里有全角空格"),
    ("nospace", "在冒号后面加一个空格"),
    ("tab", "制表符（Tab）"),
    ("comma", "各项之间用半角逗号加空格"),
    ("bracket", "YAML 的列表用半角方括号"),
    ("cnkey", "把 `姓名` 改成 `name`"),
    ("date", "`2027-06`"),
    ("rung", "“技术路线”（`technical`）的一级"),
    ("one-pass", "不认识的形容词 `外星人`"),
    ("fwafter", "冒号后面要用半角空格"),
    ("quoted", "是不是 `manager`"),
    ("types", "`2027年9月` 不是有效的日期"),
];

#[test]
fn each_mistake_is_named_in_both_languages_at_the_right_place() {
    for (name, zh_part) in CASES {
        let path = root().join(format!("tests/fixtures/typing/{name}.yaml"));
        for lang in ["zh-CN", "en"] {
            let out = cb()
                .arg("check")
                .arg(&path)
                .args(["--lang", lang, "--today", "2026-12-01"])
                .current_dir(root())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{name} {lang}");
            let text = pinned(&out, &root());
            if lang == "zh-CN" {
                assert!(text.contains(zh_part), "{name}: lacks {zh_part}:\n{text}");
                assert!(text.starts_with("错误："), "{name}: {text}");
            } else {
                assert!(text.starts_with("error: "), "{name}: {text}");
            }
            insta::assert_snapshot!(format!("{name}-{lang}"), text);
        }
    }
}

/// An unknown key no longer hides the value errors after it: one pass reports both.
#[test]
fn an_unknown_key_does_not_hide_the_other_problems() {
    let out = cb()
        .arg("check")
        .arg(root().join("tests/fixtures/typing/one-pass.yaml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("unknown key `birth_yaer`"), "{text}");
    assert!(text.contains("unknown adjective `外星人`"), "{text}");
}

/// The environment decides the language when there is no --lang.
#[test]
fn the_language_comes_from_careerbook_lang_then_the_locale() {
    let path = root().join("tests/fixtures/typing/colon.yaml");
    let run = |envs: &[(&str, &str)]| {
        let mut c = cb();
        c.arg("check").arg(&path);
        c.env_remove("CAREERBOOK_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (k, v) in envs {
            c.env(k, v);
        }
        String::from_utf8_lossy(&c.output().unwrap().stderr).into_owned()
    };
    assert!(run(&[("CAREERBOOK_LANG", "zh-CN")]).starts_with("错误："));
    assert!(run(&[("LANG", "zh_CN.UTF-8")]).starts_with("错误："));
    assert!(run(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]).starts_with("error: "));
    assert!(run(&[]).starts_with("error: "));
}

/// Every problem at once, at its place: a full-width space after a colon (line 8)
/// and after a list dash (line 12) are named there, in Chinese, and the real error
/// after them (`manger`, line 16) is reported too; three type and value errors in
/// one file are all shown; a quoted text whose second line reads `END:VEVENT` is
/// text, and the file's real error is the one reported.
#[test]
fn every_problem_is_reported_at_once_at_its_place() {
    let check = |name: &str| {
        let out = cb()
            .args(["--lang", "zh-CN", "check"])
            .arg(root().join(format!("tests/fixtures/typing/{name}.yaml")))
            .args(["--today", "2026-12-01"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8_lossy(&out.stderr).into_owned();
        let places: Vec<String> = text
            .lines()
            .filter_map(|l| l.split(&format!("{name}.yaml:")).nth(1))
            .map(str::to_string)
            .collect();
        (text, places)
    };
    let (text, places) = check("fwafter");
    assert_eq!(places, ["8:8", "12:6", "16:10"], "{text}");
    assert!(
        text.contains("错误：`role:` 的冒号后面是全角空格“　”"),
        "{text}"
    );
    assert!(!text.contains("could not find expected"), "{text}");
    let (text, places) = check("types");
    assert_eq!(places, ["3:15", "6:10", "9:10"], "{text}");
    let (text, places) = check("quoted");
    assert_eq!(places, ["5:10"], "{text}");
    assert!(!text.contains("END:"), "{text}");
}
