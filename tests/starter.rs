//! `init`'s starter validates, and `check` warns while the starter's placeholder
//! name is left unchanged (in every starter language), and no longer once it is.

mod common;
use common::{cb, TODAY};

#[test]
fn check_warns_on_the_starters_placeholder_until_it_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    for (locale, placeholder) in [
        ("zh-CN", "你的名字"),
        ("zh-TW", "你的名字"),
        ("en", "Your Name"),
    ] {
        let me = dir.path().join(format!("{locale}.yaml"));
        cb().args(["init", "--locale", locale, "--force", "-o"])
            .arg(&me)
            .assert()
            .success();
        let check = |lang: &str| {
            let out = cb()
                .args(["--lang", lang, "check"])
                .arg(&me)
                .args(["--today", TODAY])
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{locale}: a warning, not an error"
            );
            String::from_utf8(out.stderr).unwrap()
        };
        assert_eq!(
            check("en"),
            format!(
                "warning: {}: `person.name` is still the starter's placeholder `{placeholder}`: write your own name\n",
                me.display()
            ),
            "{locale}"
        );
        assert_eq!(
            check("zh-CN"),
            format!(
                "警告：{}：`person.name` 还是新档案里的占位文字 `{placeholder}`：写上你自己的名字\n",
                me.display()
            ),
            "{locale}"
        );
        let text = std::fs::read_to_string(&me).unwrap();
        std::fs::write(&me, text.replace(placeholder, "王芳")).unwrap();
        assert_eq!(check("en"), "", "{locale}");
    }
}
