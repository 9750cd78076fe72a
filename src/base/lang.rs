//! The language of our messages: `--lang zh-CN|en`, else `CAREERBOOK_LANG`, else the
//! system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.

use std::sync::atomic::{AtomicU8, Ordering};

/// A message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

static LANG: AtomicU8 = AtomicU8::new(1);

/// The language a tag such as `zh-CN`, `zh_CN.UTF-8`, `en_US` or `C` names, if any.
pub fn from_tag(tag: &str) -> Option<Lang> {
    let t = tag.trim().to_ascii_lowercase();
    if t.is_empty() {
        return None;
    }
    if t.starts_with("zh") {
        Some(Lang::Zh)
    } else {
        // C, POSIX, en_*, and every other language: English
        Some(Lang::En)
    }
}

/// Decides the language from the flag and the environment, in that order.
pub fn decide(flag: Option<&str>, env: &dyn Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = flag.and_then(from_tag) {
        return l;
    }
    for var in ["CAREERBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(l) = env(var).as_deref().and_then(from_tag) {
            return l;
        }
    }
    Lang::En
}

/// Sets the language for the rest of the process.
pub fn init(flag: Option<&str>) {
    set(decide(flag, &|v| std::env::var(v).ok()));
}

/// Sets the language.
pub fn set(l: Lang) {
    LANG.store(matches!(l, Lang::En) as u8, Ordering::Relaxed);
}

/// The current language.
pub fn current() -> Lang {
    if LANG.load(Ordering::Relaxed) == 1 {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The Chinese or the English text, by the current language.
pub fn pick<T>(zh: T, en: T) -> T {
    match current() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_then_careerbook_lang_then_the_locale_then_english() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        assert_eq!(
            decide(Some("zh-CN"), &env(&[("LANG", "en_US.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            decide(Some("en"), &env(&[("CAREERBOOK_LANG", "zh-CN")])),
            Lang::En
        );
        assert_eq!(
            decide(
                None,
                &env(&[("CAREERBOOK_LANG", "zh-CN"), ("LANG", "en_US")])
            ),
            Lang::Zh
        );
        assert_eq!(decide(None, &env(&[("LC_ALL", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            decide(None, &env(&[("LC_MESSAGES", "zh_TW.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            decide(None, &env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        // an empty variable does not count
        assert_eq!(
            decide(None, &env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(decide(None, &env(&[])), Lang::En);
    }
}
