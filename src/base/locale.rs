//! The workbook languages: Simplified Chinese, Traditional Chinese (Taiwan), English.

use serde::Serialize;

/// Language of a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub enum Locale {
    /// Simplified Chinese (the default).
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    /// Traditional Chinese with Taiwan terms: our zh-CN text through [`crate::text::zhtw`].
    #[serde(rename = "zh-TW")]
    ZhTw,
    /// English.
    #[serde(rename = "en")]
    En,
}

/// Text that [`Locale::pick`] can turn into Traditional Chinese.
pub trait Pick {
    /// This text in Taiwan Traditional Chinese.
    fn traditional(self) -> Self;
}

impl Pick for &'static str {
    fn traditional(self) -> Self {
        crate::text::zhtw::convert_static(self)
    }
}

impl Pick for String {
    fn traditional(self) -> Self {
        crate::text::zhtw::convert(&self)
    }
}

impl Locale {
    /// Parses `zh-CN`, `zh`, `zh-TW`, `zh-Hant`, `en` (case-insensitive).
    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" | "zh-sg" => Some(Locale::Zh),
            "zh-tw" | "zh-hant" | "zh-hant-tw" => Some(Locale::ZhTw),
            "en" | "en-us" | "en-gb" => Some(Locale::En),
            _ => None,
        }
    }

    /// BCP 47 tag, as written in HTML `lang` and PDF `/Lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    /// Whether the workbook is in Chinese (either script).
    pub fn is_zh(self) -> bool {
        !matches!(self, Locale::En)
    }

    /// Picks the zh or en variant of built-in text; zh-TW gets the zh text converted.
    pub fn pick<T: Pick>(self, zh: T, en: T) -> T {
        match self {
            Locale::Zh => zh,
            Locale::ZhTw => zh.traditional(),
            Locale::En => en,
        }
    }

    /// Picks the zh or en variant of something that is not text (a size, a flag).
    pub fn choose<T>(self, zh: T, en: T) -> T {
        if self.is_zh() {
            zh
        } else {
            en
        }
    }

    /// [`Locale::pick`] for borrowed built-in text, as an owned string.
    pub fn text(self, zh: &str, en: &str) -> String {
        match self {
            Locale::Zh => zh.to_string(),
            Locale::ZhTw => crate::text::zhtw::convert(zh),
            Locale::En => en.to_string(),
        }
    }
}
