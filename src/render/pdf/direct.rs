//! The lean PDF writer: page content streams written straight from the drawing
//! commands, the document assembled as lopdf objects, and two fonts per document —
//! the process's shared template font (subset, widths and ToUnicode made and
//! compressed once, copied as bytes) and a small subset of what the document adds
//! (names, answers). Used for fonts with CFF outlines, such as the compiled-in one;
//! the printpdf writer ([`super::backend`]) takes any other font.

use super::backend::{self, Meta};
use super::embed::{deflate, embed, Embedded};
use super::font::FontFace;
use super::layout::{Cmd, Laid, Rgb};
use lopdf::{Dictionary, Object, Stream};
use std::collections::BTreeSet;
use std::io::Write;

/// Deflate level of what each document compresses itself (its pages, its own font).
const LEVEL: i32 = 3;

/// Writes the laid-out pages as PDF bytes, with `shared` as the first font.
pub fn write(
    laid: &Laid,
    font: &FontFace,
    shared: &Embedded,
    meta: &Meta,
) -> Result<Vec<u8>, String> {
    let (pw, ph) = laid.size;
    let mut own = BTreeSet::new();
    for page in &laid.pages {
        for c in &page.cmds {
            if let Cmd::Text { text, .. } = c {
                own.extend(
                    text.chars()
                        .map(|c| font.shown(c))
                        .filter(|c| font.glyph(*c).is_some_and(|g| g != 0 && !shared.has(g))),
                );
            }
        }
    }
    let extra = if own.is_empty() {
        None
    } else {
        Some(embed(font, &own, LEVEL)?)
    };

    let mut lo = lopdf::Document::with_version("1.7");
    let pages_id = lo.new_object_id();
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(add_font(&mut lo, font, shared)));
    if let Some(e) = &extra {
        fonts.set("F2", Object::Reference(add_font(&mut lo, font, e)));
    }
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = lo.add_object(resources);

    let mut kids = Vec::with_capacity(laid.pages.len());
    let mut buf = Vec::with_capacity(16 * 1024);
    for page in &laid.pages {
        buf.clear();
        content(&mut buf, page, font, shared, ph);
        let mut dict = Dictionary::new();
        let body = deflate(&buf, LEVEL);
        let stream = if body.len() < buf.len() {
            dict.set("Filter", "FlateDecode");
            Stream::new(dict, body)
        } else {
            Stream::new(dict, buf.clone())
        }
        .with_compression(false);
        let contents = lo.add_object(stream);
        let mut p = Dictionary::new();
        p.set("Type", "Page");
        p.set("Parent", Object::Reference(pages_id));
        p.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), Object::Real(pw), Object::Real(ph)]),
        );
        p.set("Resources", Object::Reference(resources_id));
        p.set("Contents", Object::Reference(contents));
        kids.push(Object::Reference(lo.add_object(p)));
    }
    let mut pages = Dictionary::new();
    pages.set("Type", "Pages");
    pages.set("Count", kids.len() as i64);
    pages.set("Kids", Object::Array(kids));
    lo.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", "Catalog");
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = lo.add_object(catalog);
    lo.trailer.set("Root", Object::Reference(catalog_id));
    let mut info = Dictionary::new();
    info.set(
        "Title",
        Object::String(
            backend::utf16be(meta.title),
            lopdf::StringFormat::Hexadecimal,
        ),
    );
    info.set("Creator", Object::string_literal("careerbook"));
    info.set(
        "Producer",
        Object::string_literal(format!("careerbook {}", env!("CARGO_PKG_VERSION"))),
    );
    let info_id = lo.add_object(info);
    lo.trailer.set("Info", Object::Reference(info_id));
    backend::finish(&mut lo, laid, meta, None);
    let mut out =
        Vec::with_capacity(buf.len() * laid.pages.len() / 2 + shared.program.len() + 64 * 1024);
    lo.save_modern(&mut out)
        .map_err(|e| format!("writing the PDF failed: {e}"))?;
    Ok(out)
}

/// Adds the objects of one embedded font; returns its Type0 font dictionary.
fn add_font(lo: &mut lopdf::Document, font: &FontFace, e: &Embedded) -> lopdf::ObjectId {
    let precompressed = |lo: &mut lopdf::Document, mut dict: Dictionary, bytes: &[u8]| {
        dict.set("Filter", "FlateDecode");
        lo.add_object(Stream::new(dict, bytes.to_vec()).with_compression(false))
    };
    let mut fd = Dictionary::new();
    fd.set("Subtype", "CIDFontType0C");
    let program = precompressed(lo, fd, &e.program);
    let to_unicode = precompressed(lo, Dictionary::new(), &e.to_unicode);
    let k = 1000.0 / font.units_per_em();
    let em = |v: f32| Object::Integer((v * 1000.0).round() as i64);
    let mut desc = Dictionary::new();
    desc.set("Type", "FontDescriptor");
    desc.set("FontName", Object::Name(e.base_font.as_bytes().to_vec()));
    desc.set("Flags", 4);
    desc.set(
        "FontBBox",
        Object::Array(
            font.bbox
                .iter()
                .map(|v| Object::Integer((f32::from(*v) * k).round() as i64))
                .collect(),
        ),
    );
    desc.set("ItalicAngle", 0);
    desc.set("Ascent", em(font.ascent));
    desc.set("Descent", em(font.descent));
    desc.set("CapHeight", em(font.ascent));
    desc.set("StemV", 80);
    desc.set("FontFile3", Object::Reference(program));
    let desc_id = lo.add_object(desc);
    let mut sys = Dictionary::new();
    sys.set("Registry", Object::string_literal("Adobe"));
    sys.set("Ordering", Object::string_literal("Identity"));
    sys.set("Supplement", 0);
    let mut cid = Dictionary::new();
    cid.set("Type", "Font");
    cid.set("Subtype", "CIDFontType0");
    cid.set("BaseFont", Object::Name(e.base_font.as_bytes().to_vec()));
    cid.set("CIDSystemInfo", Object::Dictionary(sys));
    cid.set("FontDescriptor", Object::Reference(desc_id));
    cid.set("DW", 1000);
    cid.set("W", Object::Array(e.widths.clone()));
    let mut t0 = Dictionary::new();
    t0.set("Type", "Font");
    t0.set("Subtype", "Type0");
    t0.set("BaseFont", Object::Name(e.base_font.as_bytes().to_vec()));
    t0.set("Encoding", "Identity-H");
    t0.set(
        "DescendantFonts",
        Object::Array(vec![Object::Dictionary(cid)]),
    );
    t0.set("ToUnicode", Object::Reference(to_unicode));
    lo.add_object(t0)
}

/// A number as PDF writes it: at most two decimals (a hundredth of a point), no
/// trailing zeros.
fn num(out: &mut Vec<u8>, v: f32) {
    let m = (f64::from(v) * 100.0).round() as i64;
    if m < 0 {
        out.push(b'-');
    }
    let m = m.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = m / 100;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    let frac = m % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

fn nums(out: &mut Vec<u8>, vs: &[f32], op: &str) {
    for v in vs {
        num(out, *v);
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// The graphics state a content stream has set, so that nothing is set twice.
#[derive(Default)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
    dashed: bool,
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
}

/// Writes one page's drawing commands as PDF operators.
fn content(
    out: &mut Vec<u8>,
    page: &super::layout::Page,
    font: &FontFace,
    shared: &Embedded,
    ph: f32,
) {
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
                out.extend_from_slice(b"BT\n");
                if *bold {
                    out.extend_from_slice(b"2 Tr\n");
                }
                nums(out, &[*x, ph - y], "Td");
                show(out, font, shared, text, *size);
                if *bold {
                    out.extend_from_slice(b"0 Tr\n");
                }
                out.extend_from_slice(b"ET\n");
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

/// Shows `text` as TJ arrays of glyph ids, switching between the shared font (F1)
/// and the document's own (F2) where needed, with the Chinese-typography
/// adjustments as TJ offsets.
fn show(out: &mut Vec<u8>, font: &FontFace, shared: &Embedded, text: &str, size: f32) {
    let adjust = font.adjustments(text);
    let mut next = adjust.iter().peekable();
    let mut current: Option<u8> = None;
    let mut open = false;
    for (i, c) in text.char_indices() {
        let gid = font.glyph(font.shown(c)).unwrap_or(0);
        let which = if gid == 0 || shared.has(gid) { 1 } else { 2 };
        if current != Some(which) {
            if open {
                out.extend_from_slice(b"] TJ\n");
            }
            let _ = write!(out, "/F{which} ");
            num(out, size);
            out.extend_from_slice(b" Tf\n[");
            current = Some(which);
            open = true;
        }
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.push(b'<');
        for shift in [12, 8, 4, 0] {
            out.push(HEX[usize::from((gid >> shift) & 0xF)]);
        }
        out.push(b'>');
        let end = i + c.len_utf8();
        while let Some((at, em)) = next.peek() {
            if *at > end {
                break;
            }
            if *at == end {
                num(out, -em * 1000.0);
            }
            next.next();
        }
    }
    if open {
        out.extend_from_slice(b"] TJ\n");
    }
}
