//! PDF output: our own layout (text measured by the font's advances, UAX #14 line
//! breaking with Chinese rules, tables, charts, page breaks) → drawing commands →
//! the printpdf backend with a per-document font subset.

pub mod backend;
pub mod clreq;
pub mod font;
pub mod layout;
pub mod linebreak;

use crate::workbook::Workbook;
use font::FontFace;
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
}

impl Default for PdfSettings {
    fn default() -> Self {
        PdfSettings {
            font: FontFace::default_shared(),
            paper: Paper::A4,
        }
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
    let bytes = backend::write(&laid, &settings.font, &meta)?;
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
                missing.extend(text.chars().filter(|c| !font.has(*c) && !c.is_whitespace()));
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
    let bytes = backend::write(&laid, font, &meta)?;
    Ok(PdfDoc {
        bytes,
        warnings,
        pages,
    })
}
