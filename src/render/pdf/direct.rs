//! The lean PDF writer: page content streams written straight from the drawing
//! commands, the document written by [`super::serial`], and two fonts per document —
//! the process's shared template font (subset, widths and ToUnicode made and
//! compressed once, copied as bytes) and a small subset of what the document adds
//! (names, answers). Used for fonts with CFF outlines, such as the compiled-in one;
//! the printpdf writer ([`super::backend`]) takes any other font.

use super::embed::{deflate, embed, Embedded};
use super::layout::{Cmd, Laid, Rgb};
use super::meta::{file_id, pdf_date, utf16be, xmp, Meta};
use super::serial::{centi, hundredths, literal, num, reference, File};
use crate::text::font::{ignorable, FontFace};
use std::collections::BTreeSet;
use std::io::Write;

/// Deflate level of each document's page content streams and small objects: level 1
/// (libdeflate's fastest) takes 10 % fewer instructions per li-na workbook than 6
/// and makes its PDF 1 KB (0.7 %) larger.
const PAGE_LEVEL: i32 = 1;

/// Deflate level of each document's own font: CFF outlines hardly compress; level 1
/// takes half the time of 3 and makes li-na's own font 32 bytes (0.2 %) larger.
const FONT_LEVEL: i32 = 1;

/// Writes the laid-out pages as PDF bytes, with `shared` as the first font.
pub fn write(
    laid: &Laid,
    font: &FontFace,
    shared: &Embedded,
    meta: &Meta,
) -> Result<Vec<u8>, String> {
    let own = own_chars(laid, font, shared);
    let extra = if own.is_empty() {
        None
    } else {
        Some(embed(font, &own, FONT_LEVEL)?)
    };

    let capacity = shared.program.len() + extra.as_ref().map_or(0, |e| e.program.len()) + 64 * 1024;
    let mut f = File::new("1.7", capacity, PAGE_LEVEL);
    let catalog = f.reserve();
    let info = f.reserve();
    let pages = f.reserve();
    let resources = f.reserve();
    font_resources(&mut f, resources, font, (shared, extra.as_ref()));
    let kids = page_objects(&mut f, laid, font, (shared, extra.as_ref()), pages);
    page_tree(&mut f, pages, &kids, laid.size, resources);
    let outline = outline(&mut f, laid, &kids);
    let xmp_id = f.reserve();
    // XMP stays uncompressed, so that tools that scan for it find it
    f.stream(xmp_id, b"/Type/Metadata/Subtype/XML", xmp(meta).as_bytes());
    catalog_object(&mut f, catalog, meta, (pages, xmp_id, outline));
    info_object(&mut f, info, meta);

    let mut t = Vec::with_capacity(128);
    t.extend_from_slice(b"/Root ");
    reference(&mut t, catalog);
    t.extend_from_slice(b"/Info ");
    reference(&mut t, info);
    let id = file_id(laid, meta);
    let _ = write!(t, "/ID[<{id}><{id}>]");
    Ok(f.finish(&t))
}

/// The characters the document draws that the font has and the shared template font
/// lacks: the document's own font holds them.
fn own_chars(laid: &Laid, font: &FontFace, shared: &Embedded) -> BTreeSet<char> {
    let mut own = BTreeSet::new();
    for page in &laid.pages {
        for c in &page.cmds {
            if let Cmd::Text { text, .. } = c {
                own.extend(
                    text.chars()
                        .filter(|c| !ignorable(*c))
                        .map(|c| font.shown(c))
                        .filter(|c| font.glyph(*c).is_some() && shared.code(*c).is_none()),
                );
            }
        }
    }
    own
}

/// The resources every page inherits, as object `id`: the shared font as /F1 and
/// the document's own font, if any, as /F2.
fn font_resources(f: &mut File, id: u32, font: &FontFace, (shared, extra): Fonts) {
    let mut body = Vec::with_capacity(256);
    body.extend_from_slice(b"<</Font<</F1 ");
    let f1 = add_font(f, font, shared);
    reference(&mut body, f1);
    if let Some(e) = extra {
        body.extend_from_slice(b"/F2 ");
        let f2 = add_font(f, font, e);
        reference(&mut body, f2);
    }
    body.extend_from_slice(b">>>>");
    f.object(id, body);
}

/// Each page with its content stream (compressed when that makes it smaller),
/// children of the page tree `pages`; their ids.
fn page_objects(f: &mut File, laid: &Laid, font: &FontFace, fonts: Fonts, pages: u32) -> Vec<u32> {
    let ph = laid.size.1;
    let mut kids = Vec::with_capacity(laid.pages.len());
    let mut buf = Vec::with_capacity(16 * 1024);
    for page in &laid.pages {
        buf.clear();
        content(&mut buf, page, font, fonts, ph);
        let contents = f.reserve();
        let packed = deflate(&buf, PAGE_LEVEL);
        if packed.len() < buf.len() {
            f.stream(contents, b"/Filter/FlateDecode", &packed);
        } else {
            f.stream(contents, b"", &buf);
        }
        let id = f.reserve();
        // the media box and the resources are the pages' own, inherited from the
        // page tree
        let mut p = Vec::with_capacity(48);
        p.extend_from_slice(b"<</Type/Page/Parent ");
        reference(&mut p, pages);
        p.extend_from_slice(b"/Contents ");
        reference(&mut p, contents);
        p.extend_from_slice(b">>");
        f.object(id, p);
        kids.push(id);
    }
    kids
}

/// The page tree, object `pages`: its `kids`, and the media box (`size`) and
/// `resources` they inherit.
fn page_tree(f: &mut File, pages: u32, kids: &[u32], (pw, ph): (f32, f32), resources: u32) {
    let mut p = Vec::with_capacity(32 + kids.len() * 8);
    let _ = write!(p, "<</Type/Pages/Count {}/MediaBox[0 0 ", kids.len());
    num(&mut p, pw);
    p.push(b' ');
    num(&mut p, ph);
    p.extend_from_slice(b"]/Resources ");
    reference(&mut p, resources);
    p.extend_from_slice(b"/Kids[");
    for (i, k) in kids.iter().enumerate() {
        if i > 0 {
            p.push(b' ');
        }
        reference(&mut p, *k);
    }
    p.extend_from_slice(b"]>>");
    f.object(pages, p);
}

/// The catalog, object `id`: the page tree, the language, the XMP metadata and the
/// outline, opened beside the pages, when there is one.
fn catalog_object(
    f: &mut File,
    id: u32,
    meta: &Meta,
    (pages, xmp_id, outline): (u32, u32, Option<u32>),
) {
    let mut c = Vec::with_capacity(128);
    c.extend_from_slice(b"<</Type/Catalog/Pages ");
    reference(&mut c, pages);
    c.extend_from_slice(b"/Lang");
    literal(&mut c, meta.lang.as_bytes());
    c.extend_from_slice(b"/Metadata ");
    reference(&mut c, xmp_id);
    if let Some(root) = outline {
        c.extend_from_slice(b"/Outlines ");
        reference(&mut c, root);
        c.extend_from_slice(b"/PageMode/UseOutlines");
    }
    c.extend_from_slice(b">>");
    f.object(id, c);
}

/// The document information dictionary, object `id`.
fn info_object(f: &mut File, id: u32, meta: &Meta) {
    let mut i = Vec::with_capacity(256);
    i.extend_from_slice(b"<</Title");
    literal(&mut i, &utf16be(meta.title));
    i.extend_from_slice(b"/Author");
    literal(&mut i, &utf16be(meta.author));
    let _ = write!(
        i,
        "/Creator(careerbook)/Producer(careerbook {})",
        env!("CARGO_PKG_VERSION")
    );
    if let Some(d) = pdf_date(meta) {
        let _ = write!(i, "/CreationDate({d})/ModDate({d})");
    }
    i.extend_from_slice(b">>");
    f.object(id, i);
}

/// The outline (bookmarks) of the sections, each opening its page; its root.
fn outline(f: &mut File, laid: &Laid, kids: &[u32]) -> Option<u32> {
    if laid.outline.is_empty() || kids.is_empty() {
        return None;
    }
    let root = f.reserve();
    let ids: Vec<u32> = laid.outline.iter().map(|_| f.reserve()).collect();
    for (i, (title, page)) in laid.outline.iter().enumerate() {
        let mut d = Vec::with_capacity(96);
        d.extend_from_slice(b"<</Title");
        literal(&mut d, &utf16be(title));
        d.extend_from_slice(b"/Parent ");
        reference(&mut d, root);
        d.extend_from_slice(b"/Dest[");
        reference(&mut d, kids[(*page).min(kids.len() - 1)]);
        d.extend_from_slice(b"/Fit]");
        if i > 0 {
            d.extend_from_slice(b"/Prev ");
            reference(&mut d, ids[i - 1]);
        }
        if i + 1 < ids.len() {
            d.extend_from_slice(b"/Next ");
            reference(&mut d, ids[i + 1]);
        }
        d.extend_from_slice(b">>");
        f.object(ids[i], d);
    }
    let mut d = Vec::with_capacity(64);
    d.extend_from_slice(b"<</Type/Outlines/First ");
    reference(&mut d, ids[0]);
    d.extend_from_slice(b"/Last ");
    reference(&mut d, ids[ids.len() - 1]);
    let _ = write!(d, "/Count {}>>", ids.len());
    f.object(root, d);
    Some(root)
}

/// Adds the objects of one embedded font; returns its Type0 font dictionary.
fn add_font(f: &mut File, font: &FontFace, e: &Embedded) -> u32 {
    let program = f.reserve();
    f.stream(
        program,
        b"/Subtype/CIDFontType0C/Filter/FlateDecode",
        &e.program,
    );
    let to_unicode = f.reserve();
    f.stream(to_unicode, b"/Filter/FlateDecode", &e.to_unicode);
    let k = 1000.0 / font.units_per_em();
    let em = |v: f32| (v * 1000.0).round() as i64;
    let desc = f.reserve();
    let mut d = Vec::with_capacity(256);
    let _ = write!(
        d,
        "<</Type/FontDescriptor/FontName/{}/Flags 4/FontBBox[",
        e.base_font
    );
    for (i, v) in font.bbox.iter().enumerate() {
        if i > 0 {
            d.push(b' ');
        }
        let _ = write!(d, "{}", (f32::from(*v) * k).round() as i64);
    }
    let _ = write!(
        d,
        "]/ItalicAngle 0/Ascent {a}/Descent {}/CapHeight {a}/StemV 80/FontFile3 ",
        em(font.descent),
        a = em(font.ascent)
    );
    reference(&mut d, program);
    d.extend_from_slice(b">>");
    f.object(desc, d);
    let id = f.reserve();
    let mut t = Vec::with_capacity(256 + e.widths.len());
    let _ = write!(
        t,
        "<</Type/Font/Subtype/Type0/BaseFont/{b}/Encoding/Identity-H/DescendantFonts[<</Type/Font/Subtype/CIDFontType0/BaseFont/{b}/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ",
        b = e.base_font
    );
    reference(&mut t, desc);
    t.extend_from_slice(b"/DW 1000/W");
    t.extend_from_slice(&e.widths);
    t.extend_from_slice(b">>]/ToUnicode ");
    reference(&mut t, to_unicode);
    t.extend_from_slice(b">>");
    f.object(id, t);
    id
}

fn nums(out: &mut Vec<u8>, vs: &[f32], op: &str) {
    for v in vs {
        num(out, *v);
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// The graphics and text state a content stream has set, so that nothing is set
/// twice (the font, its size and the rendering mode outlast `ET`).
#[derive(Default)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
    dashed: bool,
    font: Option<(u8, f32)>,
    bold: bool,
    /// Inside a text object, and where its current line starts (hundredths of a
    /// point): consecutive texts share one `BT … ET` and move by relative `Td`.
    text: Option<(i64, i64)>,
}

impl State {
    fn fill(&mut self, out: &mut Vec<u8>, c: Rgb) {
        if self.fill != Some(c) {
            nums(out, &[c.0, c.1, c.2], "rg");
            self.fill = Some(c);
        }
    }
    fn stroke(&mut self, out: &mut Vec<u8>, c: Rgb, width: f32, dashed: bool) {
        if self.stroke != Some(c) {
            nums(out, &[c.0, c.1, c.2], "RG");
            self.stroke = Some(c);
        }
        if self.width != Some(width) {
            nums(out, &[width], "w");
            self.width = Some(width);
        }
        if self.dashed != dashed {
            out.extend_from_slice(if dashed {
                b"[3 2.5] 0 d\n"
            } else {
                b"[] 0 d\n"
            });
            self.dashed = dashed;
        }
    }
    /// Starts a line of text at (x, y), in a text object.
    fn line(&mut self, out: &mut Vec<u8>, x: f32, y: f32) {
        let (lx, ly) = match self.text {
            Some(at) => at,
            None => {
                out.extend_from_slice(b"BT\n");
                (0, 0)
            }
        };
        let (cx, cy) = (centi(x), centi(y));
        hundredths(out, cx - lx);
        out.push(b' ');
        hundredths(out, cy - ly);
        out.extend_from_slice(b" Td\n");
        self.text = Some((cx, cy));
    }
    /// Ends the text object, if one is open (paths may not be drawn inside one).
    fn end_text(&mut self, out: &mut Vec<u8>) {
        if self.text.take().is_some() {
            out.extend_from_slice(b"ET\n");
        }
    }
    /// Text rendering mode: fill and stroke for bold, fill otherwise.
    fn bold(&mut self, out: &mut Vec<u8>, bold: bool) {
        if self.bold != bold {
            out.extend_from_slice(if bold { b"2 Tr\n" } else { b"0 Tr\n" });
            self.bold = bold;
        }
    }
    fn font(&mut self, out: &mut Vec<u8>, which: u8, size: f32) {
        if self.font != Some((which, size)) {
            out.extend_from_slice(if which == 1 { b"/F1 " } else { b"/F2 " });
            num(out, size);
            out.extend_from_slice(b" Tf\n");
            self.font = Some((which, size));
        }
    }
}

/// The shared template font (F1) and the document's own (F2), if it needs one.
type Fonts<'a> = (&'a Embedded, Option<&'a Embedded>);

/// Writes one page's drawing commands as PDF operators.
fn content(out: &mut Vec<u8>, page: &super::layout::Page, font: &FontFace, fonts: Fonts, ph: f32) {
    let mut st = State::default();
    for c in &page.cmds {
        match c {
            Cmd::Text {
                x,
                y,
                size,
                text,
                color,
                bold,
            } => {
                st.fill(out, *color);
                if *bold {
                    st.stroke(out, *color, size * 0.035, false);
                }
                st.bold(out, *bold);
                st.line(out, *x, ph - y);
                show(out, &mut st, font, fonts, text, *size);
            }
            Cmd::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                width,
                dashed,
            } => {
                if fill.is_none() && stroke.is_none() {
                    continue;
                }
                st.end_text(out);
                let Some(op) = paint(out, &mut st, *fill, *stroke, *width, *dashed) else {
                    continue;
                };
                nums(out, &[*x, ph - y - h, *w, *h], "re");
                out.extend_from_slice(op);
            }
            Cmd::Line {
                x1,
                y1,
                x2,
                y2,
                color,
                width,
                dashed,
            } => {
                st.end_text(out);
                st.stroke(out, *color, *width, *dashed);
                nums(out, &[*x1, ph - y1], "m");
                nums(out, &[*x2, ph - y2], "l");
                out.extend_from_slice(b"S\n");
            }
            Cmd::Ellipse {
                cx,
                cy,
                rx,
                ry,
                fill,
                stroke,
                width,
            } => {
                if fill.is_none() && stroke.is_none() {
                    continue;
                }
                st.end_text(out);
                let Some(op) = paint(out, &mut st, *fill, *stroke, *width, false) else {
                    continue;
                };
                let pts = super::layout::ellipse_curve(*cx, ph - cy, *rx, *ry);
                nums(out, &[pts[0].0, pts[0].1], "m");
                for q in pts[1..].chunks(3) {
                    nums(out, &[q[0].0, q[0].1, q[1].0, q[1].1, q[2].0, q[2].1], "c");
                }
                out.extend_from_slice(b"h\n");
                out.extend_from_slice(op);
            }
        }
    }
    st.end_text(out);
}

/// Sets fill and stroke for a closed shape; the painting operator (None: nothing to
/// paint).
fn paint(
    out: &mut Vec<u8>,
    st: &mut State,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: f32,
    dashed: bool,
) -> Option<&'static [u8]> {
    if let Some(f) = fill {
        st.fill(out, f);
    }
    if let Some(s) = stroke {
        st.stroke(out, s, width, dashed);
    }
    match (fill.is_some(), stroke.is_some()) {
        (true, true) => Some(b"B\n"),
        (true, false) => Some(b"f\n"),
        (false, true) => Some(b"S\n"),
        (false, false) => None,
    }
}

/// Shows `text`, switching between the shared font (F1) and the document's own (F2)
/// where needed: each run one string of two-byte glyph ids (`Tj`), or with the
/// Chinese-typography adjustments between them as TJ offsets.
fn show(out: &mut Vec<u8>, st: &mut State, font: &FontFace, fonts: Fonts, text: &str, size: f32) {
    let (shared, own) = fonts;
    let adjust = font.adjustments(text);
    let mut next = adjust.iter().peekable();
    // the current run: its font, and its items (glyph strings and offsets)
    let mut run: Option<u8> = None;
    let mut items: Vec<u8> = Vec::with_capacity(text.len() * 2 + 8);
    let mut array = false;
    let mut open = false;
    let flush = |out: &mut Vec<u8>, items: &[u8], array: bool, open: bool| {
        if array {
            out.push(b'[');
            out.extend_from_slice(items);
            if open {
                out.push(b')');
            }
            out.extend_from_slice(b"] TJ\n");
        } else {
            out.extend_from_slice(items);
            out.extend_from_slice(b") Tj\n");
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if ignorable(c) {
            // drawn as nothing; an adjustment after it still counts
            offsets(&mut next, end, &mut items, &mut array, &mut open);
            continue;
        }
        let s = font.shown(c);
        let (which, code) = match shared.code(s) {
            Some(k) => (1, k),
            None => match own.and_then(|o| o.code(s)) {
                Some(k) => (2, k),
                None => (1, 0), // .notdef
            },
        };
        if run != Some(which) {
            if run.is_some() {
                flush(out, &items, array, open);
            }
            st.font(out, which, size);
            run = Some(which);
            items.clear();
            array = false;
            open = false;
        }
        if !open {
            items.push(b'(');
            open = true;
        }
        for b in code.to_be_bytes() {
            // a literal string of bytes: only the delimiters, the escape and a
            // carriage return (an end of line to a reader) are escaped
            match b {
                b'(' | b')' | b'\\' => items.extend_from_slice(&[b'\\', b]),
                b'\r' => items.extend_from_slice(b"\\r"),
                _ => items.push(b),
            }
        }
        offsets(&mut next, end, &mut items, &mut array, &mut open);
    }
    if run.is_some() {
        flush(out, &items, array, open);
    }
}

/// Writes the Chinese-typography adjustments that fall at byte `end` of the text (after
/// a character) as TJ offsets, closing the open string; those before it are passed.
fn offsets(
    next: &mut std::iter::Peekable<std::slice::Iter<'_, (usize, f32)>>,
    end: usize,
    items: &mut Vec<u8>,
    array: &mut bool,
    open: &mut bool,
) {
    while let Some((at, em)) = next.peek() {
        if *at > end {
            break;
        }
        if *at == end && *open {
            items.extend_from_slice(b") ");
            num(items, -em * 1000.0);
            items.push(b' ');
            *array = true;
            *open = false;
        }
        next.next();
    }
}
