//! The font: the compiled-in Noto Sans CJK SC cut (or `--font FILE`), parsed once per
//! process and shared across threads; measuring by glyph advances; per-document
//! subsetting to the glyphs used.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// The default font, compiled in: Noto Sans CJK SC cut to GBK + Latin (SIL OFL 1.1).
pub static DEFAULT_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-GBK.otf");

/// A parsed font face with what layout needs.
pub struct FontFace {
    bytes: std::borrow::Cow<'static, [u8]>,
    index: usize,
    cmap: BTreeMap<u32, u16>,
    /// Basic Multilingual Plane lookup: glyph id per code point (0 = missing); the
    /// measuring hot path reads this instead of the map.
    bmp: Vec<u16>,
    advances: Vec<u16>,
    upem: f32,
    /// Ascender in em.
    pub ascent: f32,
    /// Descender in em (negative).
    pub descent: f32,
    /// Where the font came from, for messages.
    pub name: String,
    /// Where the `CFF ` table lies in `bytes` (offset, length): a font with CFF
    /// outlines is embedded by the direct writer, one without by printpdf.
    cff: Option<(usize, usize)>,
    /// Font bounding box in font units (xMin, yMin, xMax, yMax).
    pub bbox: [i16; 4],
    /// The compiled-in font: its template fonts are committed, made ahead of time.
    builtin: bool,
}

/// Characters that take no room and draw nothing in a PDF: the soft hyphen, zero-width
/// space and joiners, direction marks and embeddings, the word joiner and invisible
/// operators, the byte order mark, variation selectors and tags. They stay in copied
/// HTML text; a PDF leaves them out (a font would draw them as □).
pub fn ignorable(c: char) -> bool {
    matches!(c,
        '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

impl std::fmt::Debug for FontFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontFace({}, {} glyphs)", self.name, self.advances.len())
    }
}

impl FontFace {
    /// Parses `bytes` (TTF, OTF, or face `index` of a TTC): the Unicode cmap, the
    /// advances (hmtx) and the vertical metrics.
    pub fn parse(
        bytes: impl Into<std::borrow::Cow<'static, [u8]>>,
        index: usize,
        name: &str,
    ) -> Result<FontFace, String> {
        let bytes = bytes.into();
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::tables::cmap::Cmap;
        use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
        use allsorts::tag;
        let bad = |what: &str| format!("{name}: not a usable TrueType/OpenType font ({what})");
        let data = ReadScope::new(&bytes)
            .read::<FontData<'_>>()
            .map_err(|_| bad("unreadable"))?;
        let provider = data
            .table_provider(index)
            .map_err(|_| bad(&format!("no face {index}")))?;
        let table = |t: u32| {
            provider
                .read_table_data(t)
                .map_err(|_| bad("a table is missing"))
        };
        let head_data = table(tag::HEAD)?;
        let head = ReadScope::new(&head_data)
            .read::<HeadTable>()
            .map_err(|_| bad("head"))?;
        let maxp_data = table(tag::MAXP)?;
        let maxp = ReadScope::new(&maxp_data)
            .read::<MaxpTable>()
            .map_err(|_| bad("maxp"))?;
        let hhea_data = table(tag::HHEA)?;
        let hhea = ReadScope::new(&hhea_data)
            .read::<HheaTable>()
            .map_err(|_| bad("hhea"))?;
        let hmtx_data = table(tag::HMTX)?;
        let hmtx = ReadScope::new(&hmtx_data)
            .read_dep::<HmtxTable<'_>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .map_err(|_| bad("hmtx"))?;
        let advances = (0..maxp.num_glyphs)
            .map(|g| hmtx.horizontal_advance(g).unwrap_or(0))
            .collect();
        let cmap_data = table(tag::CMAP)?;
        let cmap = ReadScope::new(&cmap_data)
            .read::<Cmap<'_>>()
            .map_err(|_| bad("cmap"))?;
        // the Basic Multilingual Plane straight into its table; only the rest in a map
        let mut map = BTreeMap::new();
        let mut bmp = vec![0u16; 0x10000];
        let mut mapped = 0usize;
        if let Some((_, sub)) = allsorts::font::read_cmap_subtable(&cmap).ok().flatten() {
            let _ = sub.mappings_fn(|cp, gid| {
                mapped += 1;
                match bmp.get_mut(cp as usize) {
                    Some(slot) => *slot = gid,
                    None => {
                        map.insert(cp, gid);
                    }
                }
            });
        }
        if mapped == 0 {
            return Err(format!("{name}: the font has no Unicode character map"));
        }
        let upem = head.units_per_em.max(1) as f32;
        let (ascent, descent) = (hhea.ascender as f32 / upem, hhea.descender as f32 / upem);
        let bbox = [head.x_min, head.y_min, head.x_max, head.y_max];
        // the CFF table as a range of `bytes` (read_table_data borrows from them)
        let cff = provider.read_table_data(tag::CFF).ok().and_then(|t| {
            let start = (t.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
            (start + t.len() <= bytes.len()).then_some((start, t.len()))
        });
        drop(provider);
        drop(data);
        Ok(FontFace {
            upem,
            ascent,
            descent,
            cmap: map,
            bmp,
            advances,
            bytes,
            index,
            name: name.to_string(),
            cff,
            bbox,
            builtin: false,
        })
    }

    /// The compiled-in default, parsed once per process.
    pub fn default_shared() -> Arc<FontFace> {
        static FACE: OnceLock<Arc<FontFace>> = OnceLock::new();
        FACE.get_or_init(|| {
            let mut face = FontFace::parse(DEFAULT_FONT, 0, "Noto Sans CJK SC")
                .expect("the compiled-in font parses");
            face.builtin = true;
            Arc::new(face)
        })
        .clone()
    }

    /// Whether this is the compiled-in font (not one from `--font`).
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// Loads `--font FILE` (`FILE` or `FILE#INDEX` for a face of a collection).
    pub fn load(spec: &str) -> Result<FontFace, String> {
        let (path, index) = match spec.rsplit_once('#') {
            Some((p, i)) if i.parse::<usize>().is_ok() => (p, i.parse().unwrap_or(0)),
            _ => (spec, 0),
        };
        let bytes =
            std::fs::read(path).map_err(|e| format!("{path}: cannot read the font: {e}"))?;
        let stem = std::path::Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(path);
        let mut face = FontFace::parse(bytes, index, path)?;
        face.name = stem.to_string();
        Ok(face)
    }

    /// Glyph id of `c`, if the font has it.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let cp = c as u32;
        if cp < 0x10000 {
            Some(self.bmp[cp as usize]).filter(|g| *g != 0)
        } else {
            self.cmap.get(&cp).copied()
        }
    }

    /// Whether the font can show `c` (control characters count as shown).
    pub fn has(&self, c: char) -> bool {
        c.is_control() || self.glyph(c).is_some()
    }

    /// Advance of one character in em (missing characters measure as the box).
    pub fn advance_em(&self, c: char) -> f32 {
        if ignorable(c) {
            return 0.0;
        }
        let c = if c == '\t' { ' ' } else { c };
        let gid = self.glyph(c).or_else(|| self.glyph('□')).unwrap_or(0);
        self.advances.get(gid as usize).copied().unwrap_or(0) as f32 / self.upem
    }

    /// The character drawn for `c`: itself, or □ where the font lacks it (callers
    /// warn about those); a tab is drawn as a space.
    pub fn shown(&self, c: char) -> char {
        if c == '\t' {
            ' '
        } else if self.glyph(c).is_some() {
            c
        } else {
            '□'
        }
    }

    /// Whether the font draws `c` a full em wide.
    pub fn full_width(&self, c: char) -> bool {
        self.advance_em(c) >= 0.9
    }

    /// The Chinese-typography adjustments of a drawn run (see [`super::clreq`]):
    /// (byte offset into `text`, em).
    pub fn adjustments(&self, text: &str) -> Vec<(usize, f32)> {
        crate::text::clreq::adjustments(text, &|c| self.full_width(self.shown(c)))
    }

    /// Width of `text` at `size` points, as drawn: glyph advances plus the
    /// Chinese-typography adjustments.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        // one pass: each character's advance, and the adjustment with the one before
        let mut sum = 0.0;
        let mut prev: Option<(char, f32)> = None;
        for c in text.chars() {
            let adv = self.advance_em(c);
            if let Some((p, padv)) = prev {
                if let Some(em) = crate::text::clreq::pair_known(p, c, padv >= 0.9, adv >= 0.9) {
                    sum += em;
                }
            }
            sum += adv;
            prev = Some((c, adv));
        }
        sum * size
    }

    /// Whether the font has CFF outlines (the compiled-in font has).
    pub fn is_cff(&self) -> bool {
        self.cff.is_some()
    }

    /// Units per em.
    pub fn units_per_em(&self) -> f32 {
        self.upem
    }

    /// Advance of glyph `gid` in font units.
    pub fn advance_units(&self, gid: u16) -> u16 {
        self.advances.get(gid as usize).copied().unwrap_or(0)
    }

    /// A bare CFF font program holding only `gids` (sorted, with 0 first), renumbered
    /// so that the n-th glyph has CID n: what PDF embeds as `/FontFile3`
    /// `/CIDFontType0C`, shown with two-byte codes 0…n under Identity-H. The charset
    /// and the font-DICT selection are written as ranges. Only the CFF table is read,
    /// not the cmap or the metrics.
    pub fn subset_cff(&self, gids: &[u16]) -> Result<Vec<u8>, String> {
        use allsorts::binary::read::{ReadArrayCow, ReadScope};
        use allsorts::binary::write::{WriteBinary, WriteBuffer};
        use allsorts::cff::{CFFVariant, Charset, CustomCharset, FDSelect, Range, CFF};
        let (at, len) = self.cff.ok_or("the font has no CFF outlines")?;
        let data = &self.bytes[at..at + len];
        let cff = ReadScope::new(data)
            .read::<CFF<'_>>()
            .map_err(|e| format!("font: {e}"))?;
        let mut sub: CFF<'_> = cff
            .subset(gids, true)
            .map_err(|e| format!("font subsetting failed: {e}"))?
            .into();
        let font = sub
            .fonts
            .first_mut()
            .ok_or("the font has no CFF outlines")?;
        let n = font.char_strings_index.len();
        if font.is_cid_keyed() && n > 1 {
            font.charset = Charset::Custom(CustomCharset::Format2 {
                ranges: ReadArrayCow::Owned(vec![Range {
                    first: 1,
                    n_left: (n - 2) as u16,
                }]),
            });
            if let CFFVariant::CID(cid) = &mut font.data {
                let mut ranges: Vec<Range<u16, u8>> = Vec::new();
                for g in 0..n as u16 {
                    let fd = cid
                        .fd_select
                        .font_dict_index(g)
                        .ok_or("font: bad FDSelect")?;
                    if ranges.last().is_none_or(|r| r.n_left != fd) {
                        ranges.push(Range {
                            first: g,
                            n_left: fd,
                        });
                    }
                }
                cid.fd_select = FDSelect::Format3 {
                    ranges: ReadArrayCow::Owned(ranges),
                    sentinel: n as u16,
                };
            }
        }
        let mut out = WriteBuffer::new();
        CFF::write(&mut out, &sub).map_err(|e| format!("font subsetting failed: {e}"))?;
        Ok(out.into_inner())
    }

    /// Builds a subset font holding only the glyphs for `chars` (plus .notdef).
    pub fn subset(&self, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        let gids: BTreeSet<u16> = chars
            .iter()
            .filter_map(|c| self.glyph(*c))
            .filter(|g| *g != 0)
            .collect();
        let ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
        let data = ReadScope::new(&self.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| format!("font: {e}"))?;
        let provider = data
            .table_provider(self.index)
            .map_err(|e| format!("font: {e}"))?;
        subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
            .map_err(|e| format!("font subsetting failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_draws_nothing_takes_no_room() {
        let font = FontFace::default_shared();
        for c in [
            '\u{AD}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{FE0F}', '\u{2060}',
        ] {
            assert!(ignorable(c), "U+{:04X}", c as u32);
            assert_eq!(font.advance_em(c), 0.0);
        }
        for c in ['a', '职', ' ', '•', '□'] {
            assert!(!ignorable(c));
        }
        assert_eq!(
            font.width("软连字符\u{AD}以及", 10.0),
            font.width("软连字符以及", 10.0)
        );
    }
}
