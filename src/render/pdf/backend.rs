//! The only module that talks to the PDF library: drawing commands → printpdf ops,
//! the subset font, metadata, outline, and deterministic ids.

use super::layout::{Cmd, Laid, Page, Rgb};
pub use super::meta::Meta;
use super::meta::{file_id, pdf_date, utf16be, xmp};
use crate::base::hash::Fnv;
use crate::text::font::FontFace;
use printpdf::*;
use std::collections::BTreeSet;

fn shown(font: &FontFace, c: char) -> char {
    font.shown(c)
}

/// A text run as TJ items: the characters as drawn, with the Chinese-typography
/// adjustments between them (TJ counts thousandths of an em, positive = tighter).
fn text_items(font: &FontFace, text: &str) -> Vec<TextItem> {
    let mut items = Vec::new();
    let mut from = 0;
    let drawn = |s: &str| -> String {
        s.chars()
            .filter(|c| !crate::text::font::ignorable(*c))
            .map(|c| shown(font, c))
            .collect()
    };
    for (at, em) in font.adjustments(text) {
        items.push(TextItem::Text(drawn(&text[from..at])));
        items.push(TextItem::Offset(-em * 1000.0));
        from = at;
    }
    items.push(TextItem::Text(drawn(&text[from..])));
    items
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn pt(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn ctrl(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: true,
    }
}

/// Switches the dash pattern when it changes.
fn set_dash(ops: &mut Vec<Op>, on: bool, state: &mut bool) {
    if on != *state {
        ops.push(Op::SetLineDashPattern {
            dash: if on {
                LineDashPattern::new(0.0, &[3.0, 2.5])
            } else {
                LineDashPattern::solid()
            },
        });
        *state = on;
    }
}

/// Sets fill and stroke for a closed shape and returns how to paint it (None: nothing
/// to paint).
fn paint(
    ops: &mut Vec<Op>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: f32,
    dashed: bool,
    dash_state: &mut bool,
) -> Option<PaintMode> {
    if let Some(f) = fill {
        ops.push(Op::SetFillColor { col: color(f) });
    }
    if let Some(s) = stroke {
        ops.push(Op::SetOutlineColor { col: color(s) });
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        set_dash(ops, dashed, dash_state);
    }
    match (fill.is_some(), stroke.is_some()) {
        (true, true) => Some(PaintMode::FillStroke),
        (true, false) => Some(PaintMode::Fill),
        (false, true) => Some(PaintMode::Stroke),
        (false, false) => None,
    }
}

/// Writes the laid-out pages as PDF bytes.
pub fn write(laid: &Laid, font: &FontFace, meta: &Meta) -> Result<Vec<u8>, String> {
    let (pw, ph) = laid.size;
    // the glyphs this document uses, and a subset font holding only them
    let chars = used_chars(laid, font);
    let subset = font.subset(&chars)?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&subset, 0, &mut warnings)
        .ok_or("the subset font could not be read back")?;
    let mut doc = PdfDocument::new(meta.title);
    // a fixed font id keeps output byte-identical however many documents a process makes
    let font_id = FontId("F1".to_string());
    doc.resources
        .fonts
        .map
        .insert(font_id.clone(), PdfFont::new(parsed));
    let handle = PdfFontHandle::External(font_id);
    doc.pages = laid
        .pages
        .iter()
        .map(|page| {
            let ops = page_ops(page, font, &handle, ph);
            PdfPage::new(Mm::from(Pt(pw)), Mm::from(Pt(ph)), ops)
        })
        .collect();
    doc.metadata.info.author = meta.author.to_string();
    doc.metadata.info.creator = "careerbook".to_string();
    doc.metadata.info.producer = format!("careerbook {}", env!("CARGO_PKG_VERSION"));

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut pdf_warnings = Vec::new();
    let mut lo = printpdf::serialize::to_lopdf_doc(&doc, &opts, &mut pdf_warnings);
    finish(&mut lo, laid, meta, &subset_name(font, &chars));
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| format!("writing the PDF failed: {e}"))?;
    Ok(out)
}

/// The characters the document draws, as the font shows them.
fn used_chars(laid: &Laid, font: &FontFace) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    for page in &laid.pages {
        for c in &page.cmds {
            if let Cmd::Text { text, .. } = c {
                chars.extend(
                    text.chars()
                        .filter(|c| !crate::text::font::ignorable(*c))
                        .map(|c| shown(font, c)),
                );
            }
        }
    }
    chars
}

/// The subset font's name, by the PDF convention for subset fonts: six capital
/// letters (from a hash of the characters it holds), "+", the font's name.
fn subset_name(font: &FontFace, chars: &BTreeSet<char>) -> String {
    let mut h = Fnv::new();
    for c in chars {
        h.feed(&(*c as u32).to_le_bytes());
    }
    let tag: String = (0..6)
        .map(|i| (b'A' + ((h.0 >> (i * 5)) % 26) as u8) as char)
        .collect();
    format!(
        "{tag}+{}",
        font.name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    )
}

/// One page's drawing commands as printpdf ops.
fn page_ops(page: &Page, font: &FontFace, handle: &PdfFontHandle, ph: f32) -> Vec<Op> {
    let mut out = PageOps {
        ops: Vec::with_capacity(page.cmds.len() * 4),
        dashed: false,
        font,
        handle,
        ph,
    };
    for c in &page.cmds {
        match c {
            Cmd::Text {
                x,
                y,
                size,
                text,
                color: col,
                bold,
            } => out.text((*x, *y), *size, text, *col, *bold),
            Cmd::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                width,
                dashed,
            } => out.rect((*x, *y, *w, *h), (*fill, *stroke), *width, *dashed),
            Cmd::Line {
                x1,
                y1,
                x2,
                y2,
                color: col,
                width,
                dashed,
            } => out.line((*x1, *y1), (*x2, *y2), *col, *width, *dashed),
            Cmd::Ellipse {
                cx,
                cy,
                rx,
                ry,
                fill,
                stroke,
                width,
            } => out.ellipse((*cx, *cy, *rx, *ry), (*fill, *stroke), *width),
        }
    }
    out.ops
}

/// A page's ops as they are written: the ops so far, whether lines are dashed now,
/// the font, and the page's height (PDF counts y up from the foot of the page; the
/// layout, down from its top).
struct PageOps<'a> {
    ops: Vec<Op>,
    dashed: bool,
    font: &'a FontFace,
    handle: &'a PdfFontHandle,
    ph: f32,
}

impl PageOps<'_> {
    /// A text run with its baseline at (x, y); bold is drawn as fill and a thin
    /// stroke.
    fn text(&mut self, (x, y): (f32, f32), size: f32, text: &str, col: Rgb, bold: bool) {
        let ops = &mut self.ops;
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: self.handle.clone(),
            size: Pt(size),
        });
        ops.push(Op::SetFillColor { col: color(col) });
        if bold {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
            ops.push(Op::SetOutlineColor { col: color(col) });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(size * 0.035),
            });
        }
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(self.ph - y),
            },
        });
        ops.push(Op::ShowText {
            items: text_items(self.font, text),
        });
        if bold {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
        ops.push(Op::EndTextSection);
    }

    /// A rectangle (x, y, w, h) from its top-left corner, filled and/or stroked.
    fn rect(
        &mut self,
        (x, y, w, h): (f32, f32, f32, f32),
        (fill, stroke): (Option<Rgb>, Option<Rgb>),
        width: f32,
        dashed: bool,
    ) {
        let Some(mode) = paint(&mut self.ops, fill, stroke, width, dashed, &mut self.dashed) else {
            return;
        };
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.ph - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    /// A straight line.
    fn line(
        &mut self,
        (x1, y1): (f32, f32),
        (x2, y2): (f32, f32),
        col: Rgb,
        width: f32,
        dashed: bool,
    ) {
        let ph = self.ph;
        self.ops.push(Op::SetOutlineColor { col: color(col) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        set_dash(&mut self.ops, dashed, &mut self.dashed);
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![pt(x1, ph - y1), pt(x2, ph - y2)],
                is_closed: false,
            },
        });
    }

    /// An ellipse (centre x, y, radii), filled and/or stroked, as four Bézier curves.
    fn ellipse(
        &mut self,
        (cx, cy, rx, ry): (f32, f32, f32, f32),
        (fill, stroke): (Option<Rgb>, Option<Rgb>),
        width: f32,
    ) {
        let Some(mode) = paint(&mut self.ops, fill, stroke, width, false, &mut self.dashed) else {
            return;
        };
        // every third point is on the curve, the two between are controls
        let points = super::layout::ellipse_curve(cx, self.ph - cy, rx, ry)
            .iter()
            .enumerate()
            .map(|(i, (x, y))| if i % 3 == 0 { pt(*x, *y) } else { ctrl(*x, *y) })
            .collect();
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
}

/// Adds what printpdf leaves out or makes non-deterministic: /Lang, an ordered
/// outline, and a trailer /ID derived from the content; names printpdf's font as a
/// subset (`base_font`).
fn finish(lo: &mut lopdf::Document, laid: &Laid, meta: &Meta, base_font: &str) {
    use lopdf::{Dictionary, Object, StringFormat};
    for obj in lo.objects.values_mut() {
        if let Ok(d) = obj.as_dict_mut() {
            tidy_font_dict(d, base_font);
        }
    }
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().values().copied().collect();
    let catalog_id = lo.trailer.get(b"Root").and_then(Object::as_reference).ok();
    // outline
    if !laid.outline.is_empty() && !page_ids.is_empty() {
        let root_id = lo.new_object_id();
        let ids: Vec<lopdf::ObjectId> = laid.outline.iter().map(|_| lo.new_object_id()).collect();
        for (i, (title, page)) in laid.outline.iter().enumerate() {
            let mut d = Dictionary::new();
            d.set(
                "Title",
                Object::String(utf16be(title), StringFormat::Hexadecimal),
            );
            d.set("Parent", Object::Reference(root_id));
            let target = page_ids[(*page).min(page_ids.len() - 1)];
            d.set(
                "Dest",
                Object::Array(vec![Object::Reference(target), "Fit".into()]),
            );
            if i > 0 {
                d.set("Prev", Object::Reference(ids[i - 1]));
            }
            if i + 1 < ids.len() {
                d.set("Next", Object::Reference(ids[i + 1]));
            }
            lo.objects.insert(ids[i], Object::Dictionary(d));
        }
        let mut root = Dictionary::new();
        root.set("Type", "Outlines");
        root.set("First", Object::Reference(ids[0]));
        root.set("Last", Object::Reference(ids[ids.len() - 1]));
        root.set("Count", ids.len() as i64);
        lo.objects.insert(root_id, Object::Dictionary(root));
        if let Some(cid) = catalog_id {
            if let Ok(cat) = lo.get_object_mut(cid).and_then(Object::as_dict_mut) {
                cat.set("Outlines", Object::Reference(root_id));
                cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
            }
        }
    }
    info_and_xmp(lo, meta, catalog_id);
    // trailer /ID from a hash of the content, so identical input gives identical bytes
    let id = file_id(laid, meta);
    let id_obj = Object::String(id.into_bytes(), StringFormat::Hexadecimal);
    lo.trailer
        .set("ID", Object::Array(vec![id_obj.clone(), id_obj]));
}

/// The document information dictionary without printpdf's empty or epoch entries,
/// dated from `--today`, and the same facts as an XMP metadata stream (title, author,
/// language, dates, producer) on the catalog, with /Lang; PDF 1.7.
fn info_and_xmp(lo: &mut lopdf::Document, meta: &Meta, catalog_id: Option<lopdf::ObjectId>) {
    use lopdf::{Dictionary, Object, Stream};
    lo.version = "1.7".to_string();
    let pdf_date = pdf_date(meta);
    if let Ok(info_id) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(info) = lo.get_object_mut(info_id).and_then(Object::as_dict_mut) {
            let empty: Vec<Vec<u8>> = info
                .iter()
                .filter(|(_, v)| matches!(v, Object::String(s, _) if s.is_empty()))
                .map(|(k, _)| k.clone())
                .collect();
            for k in empty {
                info.remove(&k);
            }
            for key in [b"CreationDate".as_slice(), b"ModDate"] {
                match &pdf_date {
                    Some(d) => info.set(key, Object::string_literal(d.as_str())),
                    None => {
                        info.remove(key);
                    }
                }
            }
            info.set(
                "Author",
                Object::String(utf16be(meta.author), lopdf::StringFormat::Hexadecimal),
            );
        }
    }
    let xmp = xmp(meta);
    let mut dict = Dictionary::new();
    dict.set("Type", "Metadata");
    dict.set("Subtype", "XML");
    // XMP stays uncompressed, so that tools that scan for it find it
    let stream = Stream::new(dict, xmp.into_bytes()).with_compression(false);
    let xmp_id = lo.add_object(Object::Stream(stream));
    if let Some(cid) = catalog_id {
        if let Ok(cat) = lo.get_object_mut(cid).and_then(Object::as_dict_mut) {
            cat.set("Lang", Object::string_literal(meta.lang));
            cat.set("Metadata", Object::Reference(xmp_id));
        }
    }
}

/// Names the font as a subset and drops /W entries equal to the default width.
fn tidy_font_dict(d: &mut lopdf::Dictionary, base_font: &str) {
    use lopdf::Object;
    let is = |d: &lopdf::Dictionary, k: &[u8], v: &[u8]| {
        d.get(k).and_then(Object::as_name).is_ok_and(|n| n == v)
    };
    if is(d, b"Type", b"FontDescriptor") {
        d.set("FontName", Object::Name(base_font.as_bytes().to_vec()));
        return;
    }
    if !is(d, b"Type", b"Font") {
        return;
    }
    if d.has(b"BaseFont") {
        d.set("BaseFont", Object::Name(base_font.as_bytes().to_vec()));
    }
    if let Ok(Object::Array(desc)) = d.get_mut(b"DescendantFonts") {
        for f in desc.iter_mut() {
            if let Ok(fd) = f.as_dict_mut() {
                tidy_font_dict(fd, base_font);
            }
        }
    }
    let dw = d.get(b"DW").and_then(Object::as_i64).unwrap_or(1000);
    let Ok(Object::Array(w)) = d.get(b"W") else {
        return;
    };
    let mut widths: Vec<(i64, Object)> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match (w.get(i), w.get(i + 1), w.get(i + 2)) {
            (Some(Object::Integer(c)), Some(Object::Array(ws)), _) => {
                for (k, x) in ws.iter().enumerate() {
                    widths.push((c + k as i64, x.clone()));
                }
                i += 2;
            }
            (Some(Object::Integer(a)), Some(Object::Integer(b)), Some(x)) => {
                for c in *a..=*b {
                    widths.push((c, x.clone()));
                }
                i += 3;
            }
            _ => return, // unknown shape: leave it alone
        }
    }
    let mut out: Vec<Object> = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut start = 0;
    let mut prev = i64::MIN;
    for (c, x) in widths
        .into_iter()
        .filter(|(_, x)| x.as_float().map_or(true, |v| (v - dw as f32).abs() > 0.01))
    {
        if c != prev + 1 && !run.is_empty() {
            out.push(Object::Integer(start));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            start = c;
        }
        run.push(x);
        prev = c;
    }
    if !run.is_empty() {
        out.push(Object::Integer(start));
        out.push(Object::Array(run));
    }
    d.set("W", Object::Array(out));
}

/// Deflates every stream that may be compressed. lopdf's own `compress` uses level 9,
/// where deflate took a third of the render time (perf); level 3 is 15% faster per
/// document for files 0.8% larger (li-na.zh: 136.8 KB against 135.8 KB).
fn compress(lo: &mut lopdf::Document) {
    use std::io::Write;
    for obj in lo.objects.values_mut() {
        if let lopdf::Object::Stream(st) = obj {
            if !st.allows_compression || st.dict.has(b"Filter") || st.content.len() < 64 {
                continue;
            }
            let mut enc = flate2::write::ZlibEncoder::new(
                Vec::with_capacity(st.content.len() / 2),
                flate2::Compression::new(3),
            );
            if enc.write_all(&st.content).is_err() {
                continue;
            }
            if let Ok(out) = enc.finish() {
                if out.len() < st.content.len() {
                    st.dict
                        .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                    st.set_content(out);
                }
            }
        }
    }
}
