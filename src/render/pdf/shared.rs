//! The shared template font: the glyphs of the workbook's own text in each language
//! (the characters of a blank workbook with every module, committed under
//! `assets/template/`, plus the digits), subset, measured and compressed once, and
//! copied as bytes into every document. For the compiled-in font the subset program
//! and its ToUnicode map are committed too (`<lang>.cff.z`, `<lang>.cmap.z`, made at
//! the highest deflate level), so a process only reads them; for a `--font` they are
//! made once per process. Being a fixed set, the template font makes the same bytes
//! whatever the documents, their order or the thread count.

use super::embed::{embed, precompressed, Embedded};
use crate::text::font::FontFace;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, OnceLock};

const ZH_CN: &str = include_str!("../../../assets/template/zh-CN.txt");
const ZH_TW: &str = include_str!("../../../assets/template/zh-TW.txt");
const EN: &str = include_str!("../../../assets/template/en.txt");

/// The committed template fonts of the compiled-in font: program and ToUnicode map,
/// deflated at [`COMMITTED_LEVEL`] (tests/template_font.rs checks and remakes them).
const FONTS: [(&str, &[u8], &[u8]); 3] = [
    (
        "zh-CN",
        include_bytes!("../../../assets/template/zh-CN.cff.z"),
        include_bytes!("../../../assets/template/zh-CN.cmap.z"),
    ),
    (
        "zh-TW",
        include_bytes!("../../../assets/template/zh-TW.cff.z"),
        include_bytes!("../../../assets/template/zh-TW.cmap.z"),
    ),
    (
        "en",
        include_bytes!("../../../assets/template/en.cff.z"),
        include_bytes!("../../../assets/template/en.cmap.z"),
    ),
];

/// Deflate level of the committed template fonts: the highest, made once.
pub const COMMITTED_LEVEL: i32 = 12;

/// Deflate level of a `--font`'s template font, made once per process: level 12
/// saves 0.8 % of its size for five times the time, which a single render would pay.
const LEVEL: i32 = 9;

/// The committed template font of `lang` for the compiled-in font: (program,
/// ToUnicode), both deflated.
pub fn committed_font(lang: &str) -> (&'static [u8], &'static [u8]) {
    let lang = match lang {
        "zh-TW" | "en" => lang,
        _ => "zh-CN",
    };
    FONTS
        .iter()
        .find(|(l, _, _)| *l == lang)
        .map_or((&[][..], &[][..]), |(_, p, t)| (*p, *t))
}

/// The committed character list of `lang` (file name `assets/template/<lang>.txt`).
pub fn committed(lang: &str) -> &'static str {
    match lang {
        "zh-TW" => ZH_TW,
        "en" => EN,
        _ => ZH_CN,
    }
}

/// The characters of the template font of `lang` (digits always among them).
pub fn template_chars(lang: &str) -> BTreeSet<char> {
    let mut set: BTreeSet<char> = committed(lang).chars().filter(|c| *c != '\n').collect();
    set.extend('0'..='9');
    set
}

type Cell = Arc<OnceLock<Result<Arc<Embedded>, String>>>;

/// The template fonts of a run, made on first use: one per font and language.
#[derive(Default)]
pub struct SharedFonts {
    cells: Mutex<Vec<((usize, String), Cell)>>,
}

impl std::fmt::Debug for SharedFonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedFonts")
    }
}

impl SharedFonts {
    /// The template font of `lang` for `font`.
    pub fn get(&self, font: &Arc<FontFace>, lang: &str) -> Result<Arc<Embedded>, String> {
        let key = (Arc::as_ptr(font) as usize, lang.to_string());
        let cell = {
            let mut cells = self.cells.lock().map_err(|_| "font cache poisoned")?;
            match cells.iter().find(|(k, _)| *k == key) {
                Some((_, c)) => c.clone(),
                None => {
                    let c: Cell = Arc::default();
                    cells.push((key, c.clone()));
                    c
                }
            }
        };
        cell.get_or_init(|| {
            let chars = template_chars(lang);
            if font.is_builtin() {
                let (program, to_unicode) = committed_font(lang);
                Ok(Arc::new(precompressed(font, &chars, program, to_unicode)))
            } else {
                embed(font, &chars, LEVEL).map(Arc::new)
            }
        })
        .clone()
    }
}
