//! What both PDF writers say about a document beyond its pages: the metadata (Info
//! dictionary dates, XMP packet), text strings in UTF-16, and the file identifier
//! derived from the content, so that the same input gives the same bytes.

use super::layout::{Cmd, Laid};
use crate::base::hash::Fnv;

/// Document metadata.
pub struct Meta<'a> {
    /// Title.
    pub title: &'a str,
    /// Author (the person).
    pub author: &'a str,
    /// BCP 47 language.
    pub lang: &'a str,
    /// The day the document is made (`--today`, ISO `YYYY-MM-DD`): its creation and
    /// modification date. None leaves the dates out (never 1970).
    pub date: Option<&'a str>,
}

/// A PDF text string: UTF-16BE with its byte order mark.
pub(super) fn utf16be(s: &str) -> Vec<u8> {
    let mut v = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_be_bytes());
    }
    v
}

/// The ISO day of `meta` (`YYYY-MM-DD`), if it is one.
fn day<'a>(meta: &Meta<'a>) -> Option<&'a str> {
    meta.date
        .filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
}

/// The creation and modification date as PDF writes it: `D:YYYYMMDD000000Z`.
pub(super) fn pdf_date(meta: &Meta) -> Option<String> {
    day(meta).map(|d| format!("D:{}{}{}000000Z", &d[..4], &d[5..7], &d[8..10]))
}

/// The XMP metadata packet (title, author, language, dates, tools).
pub(super) fn xmp(meta: &Meta) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let dates = day(meta).map_or(String::new(), |d| {
        format!(
            "<xmp:CreateDate>{d}T00:00:00Z</xmp:CreateDate><xmp:ModifyDate>{d}T00:00:00Z</xmp:ModifyDate><xmp:MetadataDate>{d}T00:00:00Z</xmp:MetadataDate>"
        )
    });
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ",
            "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">",
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>",
            "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>",
            "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>",
            "{dates}<xmp:CreatorTool>careerbook</xmp:CreatorTool>",
            "<pdf:Producer>careerbook {version}</pdf:Producer>",
            "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
        ),
        title = esc(meta.title),
        author = esc(meta.author),
        lang = esc(meta.lang),
        dates = dates,
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// The trailer `/ID`: 32 hex digits from a hash of the title and every drawing
/// command, so identical input gives identical bytes.
pub(super) fn file_id(laid: &Laid, meta: &Meta) -> String {
    let mut h = Fnv::new();
    h.feed(meta.title.as_bytes());
    for page in &laid.pages {
        for c in &page.cmds {
            match c {
                Cmd::Text {
                    x, y, size, text, ..
                } => {
                    h.feed(text.as_bytes());
                    for v in [x, y, size] {
                        h.feed(&v.to_bits().to_le_bytes());
                    }
                }
                Cmd::Rect { x, y, w, h: hh, .. } => {
                    for v in [x, y, w, hh] {
                        h.feed(&v.to_bits().to_le_bytes());
                    }
                }
                Cmd::Line { x1, y1, x2, y2, .. } => {
                    for v in [x1, y1, x2, y2] {
                        h.feed(&v.to_bits().to_le_bytes());
                    }
                }
                Cmd::Ellipse { cx, cy, rx, ry, .. } => {
                    for v in [cx, cy, rx, ry] {
                        h.feed(&v.to_bits().to_le_bytes());
                    }
                }
            }
        }
    }
    format!(
        "{:016x}{:016x}",
        h.0,
        h.0.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15
    )
}
