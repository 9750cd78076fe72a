//! The two workbook languages.

use serde::Serialize;

/// Language of a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub enum Locale {
    /// Simplified Chinese (the default).
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Parses `zh-CN`, `zh`, `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh-cn" | "zh" | "zh_cn" | "zh-hans" => Some(Locale::Zh),
            "en" | "en-us" | "en-gb" | "en_us" => Some(Locale::En),
            _ => None,
        }
    }

    /// BCP 47 tag, as written in HTML `lang` and PDF `/Lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Picks the zh or en variant.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Locale::Zh => zh,
            Locale::En => en,
        }
    }
}
