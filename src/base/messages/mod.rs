//! The message catalogue: our diagnostics, help lines and summaries by key, one
//! table per language (`zh.rs`, `en.rs`), with `{name}` placeholders filled by
//! [`msg`]. A test holds the two tables to the same keys and placeholders.

mod en;
mod zh;

use crate::base::lang::Lang;

/// The text of `key` in `lang` (the key itself when it is missing, which the test
/// rules out).
pub fn text(lang: Lang, key: &str) -> &'static str {
    let table = match lang {
        Lang::Zh => zh::TABLE,
        Lang::En => en::TABLE,
    };
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, t)| *t)
}

/// `key` in `lang` with its placeholders filled: `{name}` → the value of `name`.
pub fn fill(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = text(lang, key).to_string();
    if out.is_empty() {
        return key.to_string();
    }
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// A catalogue message in the current language: `msg!("key", name = value, ...)`;
/// `msg!(in lang, "key", ...)` for an explicit language.
#[macro_export]
macro_rules! msg {
    (in $lang:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::base::messages::fill($lang, $key, &[$((stringify!($name), &$value as &dyn std::fmt::Display)),*])
    };
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::base::messages::fill($crate::base::lang::current(), $key, &[$((stringify!($name), &$value as &dyn std::fmt::Display)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(t: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            let Some(j) = rest[i..].find('}') else { break };
            let name = &rest[i + 1..i + j];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                out.insert(name.to_string());
            }
            rest = &rest[i + j + 1..];
        }
        out
    }

    #[test]
    fn both_catalogues_have_the_same_keys_and_placeholders() {
        fn keys(t: &[(&'static str, &'static str)]) -> Vec<&'static str> {
            t.iter().map(|(k, _)| *k).collect()
        }
        let (zk, ek) = (keys(zh::TABLE), keys(en::TABLE));
        let (zs, es): (BTreeSet<_>, BTreeSet<_>) = (zk.iter().collect(), ek.iter().collect());
        assert_eq!(zs.len(), zk.len(), "a key appears twice in zh.rs");
        assert_eq!(es.len(), ek.len(), "a key appears twice in en.rs");
        let only_zh: Vec<_> = zs.difference(&es).collect();
        let only_en: Vec<_> = es.difference(&zs).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "only in zh: {only_zh:?}; only in en: {only_en:?}"
        );
        for (k, z) in zh::TABLE {
            let e = text(Lang::En, k);
            assert_eq!(
                placeholders(z),
                placeholders(e),
                "placeholders of `{k}` differ"
            );
            assert!(!z.is_empty() && !e.is_empty(), "`{k}` is empty");
        }
    }

    #[test]
    fn every_message_is_written_in_each_language() {
        // the zh text of every key is Chinese, and the en text is not a copy of it
        let cjk = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        // (a message of placeholders and punctuation only has no words to translate)
        let words = |t: &str| {
            let mut rest = t.to_string();
            for p in placeholders(t) {
                rest = rest.replace(&format!("{{{p}}}"), "");
            }
            rest.chars().any(char::is_alphabetic)
        };
        for (k, z) in zh::TABLE {
            let e = text(Lang::En, k);
            if !words(z) {
                continue;
            }
            assert!(cjk(z), "`{k}` is not in Chinese: {z}");
            assert!(*z != e, "`{k}` is the same in both: {z}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                Lang::En,
                "check.summary.many",
                &[("bad", &2), ("total", &5)]
            ),
            "2 of 5 profiles have problems"
        );
        assert_eq!(
            fill(
                Lang::Zh,
                "check.summary.many",
                &[("bad", &2), ("total", &5)]
            ),
            "共 5 个档案，其中 2 个有问题"
        );
    }
}
