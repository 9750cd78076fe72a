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
