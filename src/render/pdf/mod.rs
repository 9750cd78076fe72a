//! PDF output: our own layout (text measured by the font's advances, UAX #14 line
//! breaking with Chinese rules, tables, charts, page breaks) → drawing commands →
//! the direct writer with the shared template font (CFF fonts, the compiled-in one
//! among them), or the printpdf backend with a per-document subset (other fonts).

pub mod backend;
pub mod direct;
pub mod embed;
pub mod layout;
pub mod meta;
pub mod serial;
pub mod shared;

use crate::text::font::FontFace;
use crate::workbook::Workbook;
pub use layout::Paper;
use std::collections::BTreeSet;
use std::sync::Arc;

/// PDF settings shared by every document of a run.
#[derive(Debug, Clone)]
pub struct PdfSettings {
    /// The font (parsed once, shared).
    pub font: Arc<FontFace>,
    /// Paper size.
    pub paper: Paper,
    /// The template fonts made so far (shared by clones of these settings).
    pub shared: Arc<shared::SharedFonts>,
}

impl Default for PdfSettings {
    fn default() -> Self {
        PdfSettings {
            font: FontFace::default_shared(),
            paper: Paper::A4,
            shared: Arc::default(),
        }
    }
}

/// Whether `CAREERBOOK_PDF_WRITER=printpdf` asks for the printpdf writer (to compare
/// the two: tests/print.sh holds their pages to the same pixels).
fn printpdf_asked() -> bool {
    static ASKED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ASKED
        .get_or_init(|| std::env::var_os("CAREERBOOK_PDF_WRITER").is_some_and(|v| v == "printpdf"))
}

/// The PDF bytes of a laid-out document: the direct writer for a CFF font, else
/// printpdf.
fn write(
    laid: &layout::Laid,
    settings: &PdfSettings,
    meta: &backend::Meta,
) -> Result<Vec<u8>, String> {
    let font = &settings.font;
    if font.is_cff() && !printpdf_asked() {
        let template = settings.shared.get(font, meta.lang)?;
        direct::write(laid, font, &template, meta)
    } else {
        backend::write(laid, font, meta)
    }
}

/// A rendered PDF with its warnings.
pub struct PdfDoc {
    /// The file.
    pub bytes: Vec<u8>,
    /// Warnings, such as characters the font lacks.
    pub warnings: Vec<String>,
    /// Number of pages.
    pub pages: usize,
}

/// Renders free-standing pages (one entry per page) to PDF, with warnings such as
/// characters the font lacks.
pub fn render_pages(
    pages: &[Vec<crate::workbook::Block>],
    settings: &PdfSettings,
    title: &str,
    lang: &'static str,
    footer: &str,
) -> Result<PdfDoc, String> {
    let laid = layout::layout_pages(pages, &settings.font, settings.paper, footer);
    let meta = backend::Meta {
        title,
        author: "careerbook",
        lang,
        date: None,
    };
    let warnings = missing_glyphs(&laid, &settings.font);
    let bytes = write(&laid, settings, &meta)?;
    Ok(PdfDoc {
        pages: laid.pages.len(),
        bytes,
        warnings,
    })
}

/// A warning naming the characters the font lacks (shown as □), if any.
fn missing_glyphs(laid: &layout::Laid, font: &FontFace) -> Vec<String> {
    let mut missing = BTreeSet::new();
    for page in &laid.pages {
        for c in &page.cmds {
            if let layout::Cmd::Text { text, .. } = c {
                missing.extend(text.chars().filter(|c| {
                    !font.has(*c) && !c.is_whitespace() && !crate::text::font::ignorable(*c)
                }));
            }
        }
    }
    if missing.is_empty() {
        return Vec::new();
    }
    let list: Vec<String> = missing
        .iter()
        .map(|c| format!("{c} (U+{:04X})", *c as u32))
        .collect();
    vec![crate::msg!(
        "pdf.missing_glyphs",
        font = font.name,
        n = missing.len(),
        list = list.join(", ")
    )]
}

/// Renders a workbook to PDF.
pub fn render(book: &Workbook, settings: &PdfSettings) -> Result<PdfDoc, String> {
    let font = &settings.font;
    let laid = layout::layout(book, font, settings.paper);
    let warnings = missing_glyphs(&laid, font);
    let pages = laid.pages.len();
    let meta = backend::Meta {
        title: &book.doc_title,
        author: &book.name,
        lang: book.lang,
        date: Some(&book.date),
    };
    let bytes = write(&laid, settings, &meta)?;
    Ok(PdfDoc {
        bytes,
        warnings,
        pages,
    })
}
