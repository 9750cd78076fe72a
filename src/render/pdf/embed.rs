//! A font as PDF embeds it: a CFF subset (`/FontFile3` `/CIDFontType0C`), its widths
//! and its ToUnicode map, compressed, ready to be copied into any document. Codes
//! are the font's own glyph ids (the compiled-in cut has CID = glyph id, and the
//! subset keeps them), so two subsets of one font share one code space: the shared
//! template font of a process and each document's small font of what it adds.

use super::font::FontFace;
use lopdf::Object;
use std::collections::BTreeSet;

/// One embedded subset.
pub struct Embedded {
    /// Its glyph ids, as a bit set (the writer asks for every character drawn).
    gids: Vec<u64>,
    /// The CFF program, deflated.
    pub program: Vec<u8>,
    /// The ToUnicode CMap, deflated.
    pub to_unicode: Vec<u8>,
    /// The `/W` array (widths that differ from the default of 1000).
    pub widths: Vec<Object>,
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
    let mut pairs: Vec<(u16, char)> = chars
        .iter()
        .filter_map(|c| font.glyph(*c).map(|g| (g, *c)))
        .filter(|(g, _)| *g != 0)
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|(g, _)| *g);
    let gids: Vec<u16> = std::iter::once(0)
        .chain(pairs.iter().map(|(g, _)| *g))
        .collect();
    let program = font.subset_cff(&gids)?;
    // widths in thousandths of an em, runs of consecutive codes
    let scale = 1000.0 / font.units_per_em();
    let mut widths = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut start = 0i64;
    let mut prev = i64::MIN;
    for (g, _) in &pairs {
        let w = (f32::from(font.advance_units(*g)) * scale).round() as i64;
        if w == 1000 {
            continue;
        }
        let g = i64::from(*g);
        if g != prev + 1 && !run.is_empty() {
            widths.push(Object::Integer(start));
            widths.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            start = g;
        }
        run.push(Object::Integer(w));
        prev = g;
    }
    if !run.is_empty() {
        widths.push(Object::Integer(start));
        widths.push(Object::Array(run));
    }
    // the subset tag: a hash of the glyph set
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (g, _) in &pairs {
        for b in g.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    let tag: String = (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect();
    let name: String = font
        .name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let mut bits = vec![0u64; 1024];
    for (g, _) in &pairs {
        bits[usize::from(*g) / 64] |= 1 << (g % 64);
    }
    Ok(Embedded {
        gids: bits,
        program: deflate(&program, level),
        to_unicode: deflate(to_unicode(&pairs).as_bytes(), level),
        widths,
        base_font: format!("{tag}+{name}"),
    })
}

impl Embedded {
    /// Whether glyph `gid` is in this subset.
    pub fn has(&self, gid: u16) -> bool {
        self.gids[usize::from(gid) / 64] & (1 << (gid % 64)) != 0
    }
}

/// A ToUnicode CMap for 2-byte codes: each glyph id → its character.
fn to_unicode(pairs: &[(u16, char)]) -> String {
    let mut s = String::from(concat!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n",
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n",
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    ));
    for chunk in pairs.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (g, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{g:04X}> <{hex}>\n"));
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
    fn a_subset_keeps_the_glyph_ids_as_codes() {
        let font = FontFace::default_shared();
        let chars: BTreeSet<char> = "职业 AB1".chars().collect();
        let e = embed(&font, &chars, 6).unwrap();
        for c in "职业 AB1".chars() {
            assert!(e.has(font.glyph(c).unwrap()), "{c}");
        }
        assert!(!e.has(font.glyph('我').unwrap()));
        assert!(e.base_font.ends_with("+NotoSansCJKSC") && e.base_font.len() > 7);
        // the map names each glyph id with its character
        let cmap = to_unicode(&[(font.glyph('职').unwrap(), '职')]);
        assert!(cmap.contains(&format!("<{:04X}> <804C>", font.glyph('职').unwrap())));
        // a space (224 of 1000) is listed, a full-width ideograph (1000) is not
        let space = i64::from(font.glyph(' ').unwrap());
        assert!(e.widths.iter().any(|o| o.as_i64().ok() == Some(space)));
    }
}
