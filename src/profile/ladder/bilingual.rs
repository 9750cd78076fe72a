//! Text of a ladder in Chinese and English (and zh-TW, converted from the Chinese or
//! the company's own): as a ladder file gives it, in one language or both.

use crate::base::locale::Locale;
use serde::{Deserialize, Serialize};

/// Text in both languages (and, made from the zh text, in zh-TW). A ladder file may
/// give one language only (a grid imported from a zh or an en sheet): the other is
/// then shown from the one present, and left out again when the ladder is written.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(try_from = "RawBilingual")]
pub struct Bilingual {
    /// zh-CN text.
    pub zh: String,
    /// English text.
    pub en: String,
    /// zh-TW text, converted from `zh` when first asked for.
    tw: std::sync::OnceLock<String>,
    /// The language the file left out (its text above is the other's).
    missing: Option<Side>,
}

/// One language of a [`Bilingual`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Zh,
    En,
}

/// [`Bilingual`] as written in a ladder file: `zh`, `en` or both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBilingual {
    #[serde(default)]
    zh: Option<String>,
    #[serde(default)]
    en: Option<String>,
    /// A company's own Taiwan wording; without it, `zh` is converted.
    #[serde(rename = "zh-TW", default)]
    tw: Option<String>,
}

impl TryFrom<RawBilingual> for Bilingual {
    type Error = String;

    fn try_from(r: RawBilingual) -> Result<Bilingual, String> {
        let mut b = match (r.zh, r.en) {
            (Some(zh), Some(en)) => Bilingual::new(zh, en),
            (Some(zh), None) => Bilingual::zh_only(zh),
            (None, Some(en)) => Bilingual::en_only(en),
            (None, None) => return Err(crate::msg!("ladder.text_none")),
        };
        if let Some(tw) = r.tw {
            b.tw = std::sync::OnceLock::from(tw);
        }
        Ok(b)
    }
}

impl Serialize for Bilingual {
    /// The languages the ladder gave (the one shown in place of a missing one is not
    /// written back).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        if self.missing != Some(Side::Zh) {
            map.serialize_entry("zh", &self.zh)?;
        }
        if self.missing != Some(Side::En) {
            map.serialize_entry("en", &self.en)?;
        }
        map.end()
    }
}

impl Bilingual {
    /// Text from its zh and en forms.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Bilingual {
        Bilingual {
            zh: zh.into(),
            en: en.into(),
            tw: std::sync::OnceLock::new(),
            missing: None,
        }
    }

    /// Text given in Chinese only (shown in English too until the English is added).
    pub fn zh_only(zh: impl Into<String>) -> Bilingual {
        let zh = zh.into();
        Bilingual {
            missing: Some(Side::En),
            ..Bilingual::new(zh.clone(), zh)
        }
    }

    /// Text given in English only (shown in Chinese too until the Chinese is added).
    pub fn en_only(en: impl Into<String>) -> Bilingual {
        let en = en.into();
        Bilingual {
            missing: Some(Side::Zh),
            ..Bilingual::new(en.clone(), en)
        }
    }

    /// The text as given in zh, `None` when only the English was given.
    pub fn given_zh(&self) -> Option<&str> {
        (self.missing != Some(Side::Zh)).then_some(self.zh.as_str())
    }

    /// The text as given in en, `None` when only the Chinese was given.
    pub fn given_en(&self) -> Option<&str> {
        (self.missing != Some(Side::En)).then_some(self.en.as_str())
    }

    /// The zh-TW text (our zh text in Traditional characters and Taiwan terms).
    pub fn tw(&self) -> &str {
        self.tw.get_or_init(|| crate::text::zhtw::convert(&self.zh))
    }

    /// The text in `loc`.
    pub fn get(&self, loc: Locale) -> &str {
        match loc {
            Locale::Zh => &self.zh,
            Locale::ZhTw => self.tw(),
            Locale::En => &self.en,
        }
    }
}
