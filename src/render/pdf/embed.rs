//! A font as PDF embeds it: a CFF subset (`/FontFile3` `/CIDFontType0C`), its widths
//! and its ToUnicode map, compressed, ready to be copied into any document. Its
//! glyphs are numbered 1…n in the order of the font's glyph ids (0 is .notdef), and
//! these small numbers are the codes the pages show: two bytes each under
//! Identity-H, whose high byte is nearly always 0, 1 or 2, which compresses well.
//! A code stands for one character: two characters the font draws with one glyph
//! (• and ·, ～ and 〜) get a code each, the glyph twice, so that copied text gives
//! back what was written.

use crate::text::font::FontFace;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::Write;

/// One embedded subset.
pub struct Embedded {
    /// The code of each character it holds (the writer asks for every character
    /// drawn).
    codes: rustc_hash::FxHashMap<char, u16>,
    /// The CFF program, deflated.
    pub program: Cow<'static, [u8]>,
    /// The ToUnicode CMap, deflated.
    pub to_unicode: Cow<'static, [u8]>,
    /// The `/W` array as PDF writes it (widths that differ from the default of 1000).
    pub widths: Vec<u8>,
    /// `ABCDEF+Name`: six letters from the glyph set, as PDF names subsets.
    pub base_font: String,
}

/// Deflates `data` (zlib format, as `/FlateDecode` reads it) with libdeflate at
/// `level` (1–12), one compressor per thread and level.
pub fn deflate(data: &[u8], level: i32) -> Vec<u8> {
    use libdeflater::{CompressionLvl, Compressor};
    use std::cell::RefCell;
    thread_local! {
        static BY_LEVEL: RefCell<Vec<(i32, Compressor)>> = const { RefCell::new(Vec::new()) };
    }
    BY_LEVEL.with(|cell| {
        let mut list = cell.borrow_mut();
        let at = match list.iter().position(|(l, _)| *l == level) {
            Some(i) => i,
            None => {
                let lvl = CompressionLvl::new(level).unwrap_or_default();
                list.push((level, Compressor::new(lvl)));
                list.len() - 1
            }
        };
        let c = &mut list[at].1;
        let mut out = vec![0u8; c.zlib_compress_bound(data.len())];
        match c.zlib_compress(data, &mut out) {
            Ok(n) => {
                out.truncate(n);
                out
            }
            Err(_) => Vec::new(),
        }
    })
}

/// Embeds the glyphs of `chars` (those the font has) at deflate `level`.
pub fn embed(font: &FontFace, chars: &BTreeSet<char>, level: i32) -> Result<Embedded, String> {
    let pairs = pairs(font, chars);
    let gids: Vec<u16> = std::iter::once(0)
        .chain(pairs.iter().map(|(g, _)| *g))
        .collect();
    let program = deflate(&font.subset_cff(&gids)?, level);
    let to_unicode = deflate(to_unicode(&pairs).as_bytes(), level);
    Ok(assemble(font, &pairs, program.into(), to_unicode.into()))
}

/// The embedding of `chars` whose program and ToUnicode map were made (by [`embed`])
/// and compressed ahead of time: the rest is cheap to make.
pub fn precompressed(
    font: &FontFace,
    chars: &BTreeSet<char>,
    program: &'static [u8],
    to_unicode: &'static [u8],
) -> Embedded {
    assemble(font, &pairs(font, chars), program.into(), to_unicode.into())
}

/// The characters of `chars` the font has, each with its glyph id, in glyph order
/// (.notdef left out); a glyph that draws two characters is there twice.
fn pairs(font: &FontFace, chars: &BTreeSet<char>) -> Vec<(u16, char)> {
    let mut pairs: Vec<(u16, char)> = chars
        .iter()
        .filter_map(|c| font.glyph(*c).map(|g| (g, *c)))
        .filter(|(g, _)| *g != 0)
        .collect();
    pairs.sort_unstable();
    pairs
}

fn assemble(
    font: &FontFace,
    pairs: &[(u16, char)],
    program: Cow<'static, [u8]>,
    to_unicode: Cow<'static, [u8]>,
) -> Embedded {
    // widths in thousandths of an em, runs of consecutive codes: [g [w w …] …]
    let scale = 1000.0 / font.units_per_em();
    let mut widths = b"[".to_vec();
    let mut prev = i64::MIN;
    let mut open = false;
    for (code, (g, _)) in (1i64..).zip(pairs) {
        let w = (f32::from(font.advance_units(*g)) * scale).round() as i64;
        if w == 1000 {
            continue;
        }
        let g = code;
        if g != prev + 1 {
            if open {
                widths.push(b']');
            }
            let _ = write!(widths, "{g}[{w}");
            open = true;
        } else {
            let _ = write!(widths, " {w}");
        }
        prev = g;
    }
    if open {
        widths.push(b']');
    }
    widths.push(b']');
    // the subset tag: a hash of the glyphs and characters
    let mut hash = crate::base::hash::Fnv::new();
    for (g, c) in pairs {
        hash.feed(&g.to_le_bytes());
        hash.feed(&(*c as u32).to_le_bytes());
    }
    let h = hash.0;
    let tag: String = (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect();
    let name: String = font
        .name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let codes = (1u16..)
        .zip(pairs)
        .map(|(code, (_, c))| (*c, code))
        .collect();
    Embedded {
        codes,
        program,
        to_unicode,
        widths,
        base_font: format!("{tag}+{name}"),
    }
}

impl Embedded {
    /// The code that shows character `c`, if this subset holds it.
    pub fn code(&self, c: char) -> Option<u16> {
        self.codes.get(&c).copied()
    }
}

/// A ToUnicode CMap for the codes 1…n of `pairs`: a range where consecutive codes
/// show consecutive characters (ASCII, mostly), single codes elsewhere.
fn to_unicode(pairs: &[(u16, char)]) -> String {
    let mut s = String::from(concat!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n",
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n",
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    ));
    // runs of (first code, first character, length)
    let mut runs: Vec<(u32, u32, u32)> = Vec::new();
    for (code, (_, c)) in (1u32..).zip(pairs) {
        let c = *c as u32;
        match runs.last_mut() {
            // a range stays within one low byte of source and destination, and in
            // the Basic Multilingual Plane
            Some((at, first, n))
                if *at + *n == code
                    && *first + *n == c
                    && c <= 0xFFFF
                    && code & 0xFF != 0
                    && c & 0xFF != 0 =>
            {
                *n += 1
            }
            _ => runs.push((code, c, 1)),
        }
    }
    let hex = |c: u32| -> String {
        let mut units = [0u16; 2];
        char::from_u32(c)
            .unwrap_or('\u{fffd}')
            .encode_utf16(&mut units)
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect()
    };
    let (ranges, singles): (Vec<_>, Vec<_>) = runs.into_iter().partition(|r| r.2 > 1);
    for chunk in ranges.chunks(100) {
        s.push_str(&format!("{} beginbfrange\n", chunk.len()));
        for (code, c, n) in chunk {
            s.push_str(&format!(
                "<{code:04X}> <{:04X}> <{}>\n",
                code + n - 1,
                hex(*c)
            ));
        }
        s.push_str("endbfrange\n");
    }
    for chunk in singles.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (code, c, _) in chunk {
            s.push_str(&format!("<{code:04X}> <{}>\n", hex(*c)));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_numbers_its_glyphs_in_glyph_order() {
        let font = FontFace::default_shared();
        let text = "职业 AB1";
        let chars: BTreeSet<char> = text.chars().collect();
        let e = embed(&font, &chars, 6).unwrap();
        let mut by_gid: Vec<(u16, char)> =
            text.chars().map(|c| (font.glyph(c).unwrap(), c)).collect();
        by_gid.sort_unstable();
        for (i, (_, c)) in by_gid.iter().enumerate() {
            assert_eq!(e.code(*c).map(usize::from), Some(i + 1), "{c}");
        }
        assert_eq!(e.code('我'), None);
        assert!(e.base_font.ends_with("+NotoSansCJKSC") && e.base_font.len() > 7);
        // a space (224 of 1000) is listed, a full-width ideograph (1000) is not
        let space = e.code(' ').unwrap();
        let w = String::from_utf8(e.widths.clone()).unwrap();
        assert!(w.starts_with('[') && w.ends_with("]]"), "{w}");
        assert!(w.contains(&format!("{space}[224")), "{w}");
        assert!(!w.contains("1000"), "{w}");
    }

    #[test]
    fn two_characters_of_one_glyph_get_a_code_each() {
        let font = FontFace::default_shared();
        // the font draws the bullet and the middle dot, ～ and 〜, with one glyph each
        for (a, b) in [('•', '·'), ('～', '〜')] {
            assert_eq!(font.glyph(a), font.glyph(b), "{a} {b}");
            let chars: BTreeSet<char> = [a, b].into_iter().collect();
            let e = embed(&font, &chars, 6).unwrap();
            let (ca, cb) = (e.code(a).unwrap(), e.code(b).unwrap());
            assert_ne!(ca, cb);
            let cmap = to_unicode(&pairs(&font, &chars));
            for (code, c) in [(ca, a), (cb, b)] {
                assert!(
                    cmap.contains(&format!("<{code:04X}> <{:04X}>", c as u32)),
                    "{cmap}"
                );
            }
        }
    }

    #[test]
    fn the_map_gives_ranges_to_consecutive_characters() {
        let (a, b, zhi) = (36, 37, 9000);
        let cmap = to_unicode(&[(a, 'A'), (b, 'B'), (zhi, '职'), (zhi + 1, '𠀀')]);
        assert!(
            cmap.contains("1 beginbfrange\n<0001> <0002> <0041>\nendbfrange"),
            "{cmap}"
        );
        assert!(
            cmap.contains("2 beginbfchar\n<0003> <804C>\n<0004> <D840DC00>\n"),
            "{cmap}"
        );
        // a range never crosses a low byte
        let pairs: Vec<(u16, char)> = (0..300u16)
            .map(|i| (i + 1, char::from_u32(0x4e00 + u32::from(i)).unwrap()))
            .collect();
        let cmap = to_unicode(&pairs);
        assert!(cmap.contains("<0001> <00FF> <4E00>"), "{cmap}");
        assert!(cmap.contains("<0101> <012C> <4F00>"), "{cmap}");
        assert!(cmap.contains("<0100> <4EFF>"), "{cmap}");
    }

    #[test]
    fn the_program_gives_each_glyph_its_code_as_cid() {
        use allsorts::binary::read::ReadScope;
        use allsorts::cff::{CFFVariant, CFF};
        let font = FontFace::default_shared();
        let chars: BTreeSet<char> = "职业发展 AB1，。•·".chars().collect();
        let gids: Vec<u16> = std::iter::once(0)
            .chain(pairs(&font, &chars).iter().map(|(g, _)| *g))
            .collect();
        let bytes = font.subset_cff(&gids).unwrap();
        let cff = ReadScope::new(&bytes).read::<CFF<'_>>().unwrap();
        let f = &cff.fonts[0];
        // • and · share a glyph, which the program holds twice
        assert!(chars.contains(&'•') && chars.contains(&'·'));
        assert_eq!(f.char_strings_index.len(), gids.len());
        for i in 0..gids.len() as u16 {
            assert_eq!(f.charset.id_for_glyph(i), Some(i), "glyph {i}");
        }
        let CFFVariant::CID(cid) = &f.data else {
            panic!("not CID-keyed")
        };
        assert!(cid
            .fd_select
            .font_dict_index(gids.len() as u16 - 1)
            .is_some());
    }
}
