//! Page layout: turns the workbook into pages of backend-neutral drawing commands
//! (text runs, rectangles, lines, ellipses) with page breaks, repeated table
//! headers, kept-together headings, and header/footer with page X / Y.

use crate::text::font::FontFace;
use crate::workbook::figure::color;
use crate::workbook::Block;

mod blocks;
mod figure;
mod front;
mod passes;
mod table;
mod wraps;

use blocks::render_block;
pub use passes::layout;
use wraps::Wraps;

/// An RGB colour, 0–1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// An ellipse as four cubic Bézier curves, in PDF coordinates: the start point, then
/// for each quarter its two control points and its end point (13 points).
pub fn ellipse_curve(cx: f32, cy: f32, rx: f32, ry: f32) -> [(f32, f32); 13] {
    const K: f32 = 0.552_284_8; // the circle constant of the Bézier quarter
    let (kx, ky) = (rx * K, ry * K);
    [
        (cx + rx, cy),
        (cx + rx, cy + ky),
        (cx + kx, cy + ry),
        (cx, cy + ry),
        (cx - kx, cy + ry),
        (cx - rx, cy + ky),
        (cx - rx, cy),
        (cx - rx, cy - ky),
        (cx - kx, cy - ry),
        (cx, cy - ry),
        (cx + kx, cy - ry),
        (cx + rx, cy - ky),
        (cx + rx, cy),
    ]
}

/// Parses `#rrggbb`.
pub fn rgb(hex: &str) -> Rgb {
    let h = hex.trim_start_matches('#');
    let ch = |i: usize| {
        u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f32 / 255.0
    };
    Rgb(ch(0), ch(2), ch(4))
}

/// A drawing command. Coordinates in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Rgb,
        bold: bool,
    },
    /// A rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
        width: f32,
        dashed: bool,
    },
    /// A line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
        width: f32,
        dashed: bool,
    },
    /// An ellipse.
    Ellipse {
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
        width: f32,
    },
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// One laid-out page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Commands in painting order.
    pub cmds: Vec<Cmd>,
}

/// The laid-out document.
#[derive(Debug, Clone)]
pub struct Laid {
    /// Page width and height in points.
    pub size: (f32, f32),
    /// Pages.
    pub pages: Vec<Page>,
    /// Outline entries: (title, 0-based page index).
    pub outline: Vec<(String, usize)>,
}

const MARGIN_X: f32 = 56.7; // 20 mm
const MARGIN_TOP: f32 = 56.7;
const MARGIN_BOTTOM: f32 = 62.0;
const BODY: f32 = 10.5;
const LEADING: f32 = 1.62;
const SMALL: f32 = 9.0;
/// Side of a tick box.
const TICK: f32 = 11.0;

/// A block's place in the workbook: (section, block).
type BlockAt = (usize, usize);

/// What a second layout pass does differently to avoid a near-empty page.
#[derive(Debug, Default, Clone, PartialEq)]
struct Hints {
    /// Prompts whose writing lines may shrink to fit the room left on the page.
    squeeze: std::collections::BTreeSet<BlockAt>,
    /// Blocks that start a new page (to keep company with the block after them).
    break_before: std::collections::BTreeSet<BlockAt>,
    /// Prompts that give up writing lines (this many) to make room for the prompt
    /// after them.
    fewer: std::collections::BTreeMap<BlockAt, usize>,
}

/// The flow of pages being laid out: the page being filled, its position, and what
/// the passes learnt about where blocks break.
struct Flow<'a> {
    font: &'a FontFace,
    /// Line breaks made so far (in this layout and its earlier passes).
    wraps: &'a Wraps,
    /// The block being laid out, and the block that opened each page.
    block: BlockAt,
    owners: Vec<BlockAt>,
    hints: Hints,
    /// What a heading must keep with it, when the block after it is a paragraph that
    /// leads into a chart or table (set per block by the section loop).
    chain: Option<f32>,
    /// (page index, starts at the top of the page, title) of each section, for running headers.
    section_pages: Vec<(usize, bool, String)>,
    w: f32,
    h: f32,
    pages: Vec<Page>,
    y: f32,
}

impl<'a> Flow<'a> {
    fn left(&self) -> f32 {
        MARGIN_X
    }
    fn width(&self) -> f32 {
        self.w - 2.0 * MARGIN_X
    }
    fn bottom(&self) -> f32 {
        self.h - MARGIN_BOTTOM
    }
    fn room(&self) -> f32 {
        self.bottom() - self.y
    }
    fn full(&self) -> f32 {
        self.bottom() - MARGIN_TOP
    }
    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.owners.push(self.block);
        self.y = MARGIN_TOP;
    }
    fn ensure(&mut self, h: f32) {
        if h > self.room() && self.y > MARGIN_TOP + 0.5 {
            self.new_page();
        }
    }
    fn push(&mut self, c: Cmd) {
        self.pages.last_mut().expect("a page exists").cmds.push(c);
    }
    fn text(&mut self, x: f32, y: f32, size: f32, text: &str, color: &str, bold: bool) {
        if !text.is_empty() {
            // clreq: an opening bracket or quote at the start of a line is set half
            // width, its blank left half hanging into the margin, so the ink aligns
            let x = match text.chars().next() {
                Some(c) if crate::text::clreq::opens(c) && self.font.full_width(c) => {
                    x - 0.5 * size
                }
                _ => x,
            };
            self.push(Cmd::Text {
                x,
                y,
                size,
                text: text.to_string(),
                color: rgb(color),
                bold,
            });
        }
    }
    fn wrap<'t>(&self, text: &'t str, size: f32, width: f32) -> Vec<&'t str> {
        self.wraps
            .lines(self.font, text, size, width)
            .iter()
            .map(|(a, b)| &text[*a..*b])
            .collect()
    }
    fn line_h(size: f32) -> f32 {
        size * LEADING
    }

    /// Flows wrapped lines at x with `width`, breaking pages as needed.
    /// Flows a paragraph, with widow and orphan control: a paragraph split across
    /// pages leaves at least two lines on each side.
    fn flow(&mut self, text: &str, x: f32, width: f32, size: f32, color: &str, bold: bool) {
        let lh = Self::line_h(size);
        let lines = self.wrap(text, size, width);
        let n = lines.len();
        let fit = (self.room() / lh).floor().max(0.0) as usize;
        // where the page break falls (None: the paragraph fits, or it is one line)
        let mut break_after = None;
        if n > 1 && fit < n && self.y > MARGIN_TOP + 0.5 {
            break_after = Some(if fit < 2 {
                0 // not a lone first line at the foot: start on the next page
            } else if n - fit < 2 {
                fit - 1 // not a lone last line at the head: take one more along
            } else {
                fit
            });
        }
        for (i, line) in lines.iter().enumerate() {
            if break_after == Some(i) {
                self.new_page();
            }
            self.ensure(lh);
            let base = self.y + size * 1.05;
            self.text(x, base, size, line, color, bold);
            self.y += lh;
        }
    }

    /// A tick box of side [`TICK`] at (x, y), filled with a tick when `on`.
    fn tick_box(&mut self, x: f32, y: f32, on: bool) {
        self.push(Cmd::Rect {
            x,
            y,
            w: TICK,
            h: TICK,
            fill: on.then(|| rgb(color::ACCENT)),
            stroke: Some(rgb(if on { color::ACCENT } else { color::MUTED })),
            width: 0.8,
            dashed: false,
        });
        if on {
            let cw = self.font.width("✓", 9.0);
            self.text(
                x + TICK / 2.0 - cw / 2.0,
                y + 8.8,
                9.0,
                "✓",
                color::WHITE,
                true,
            );
        }
    }

    fn writing_lines(&mut self, x: f32, width: f32, n: usize) {
        let gap = 22.7; // 8 mm
        for _ in 0..n {
            self.ensure(gap);
            self.y += gap;
            let y = self.y - 4.0;
            self.push(Cmd::Line {
                x1: x,
                y1: y,
                x2: x + width,
                y2: y,
                color: rgb(color::RULE),
                width: 0.6,
                dashed: false,
            });
        }
        self.y += 4.0;
    }
}

/// Lays out free-standing pages (e.g. the peers' pick sheets): each entry starts a
/// new page; `footer` is printed at the foot of every page, the same on each (copies
/// of a sheet must not be told apart).
pub fn layout_pages(pages: &[Vec<Block>], font: &FontFace, paper: Paper, footer: &str) -> Laid {
    let (w, h) = paper.size();
    let wraps = Wraps::default();
    let mut l = Flow {
        font,
        wraps: &wraps,
        block: (0, 0),
        owners: Vec::new(),
        hints: Hints::default(),
        chain: None,
        section_pages: Vec::new(),
        w,
        h,
        pages: Vec::new(),
        y: MARGIN_TOP,
    };
    for blocks in pages {
        l.new_page();
        for (i, b) in blocks.iter().enumerate() {
            render_block(&mut l, b, blocks.get(i + 1));
        }
    }
    for page in l.pages.iter_mut() {
        line_pair(
            page,
            font,
            (MARGIN_X, w - MARGIN_X),
            h - 30.0,
            8.0,
            footer,
            "",
            (color::MUTED, color::MUTED),
        );
    }
    Laid {
        size: (w, h),
        pages: l.pages,
        outline: Vec::new(),
    }
}

/// `text` cut to `max` points at `size`, ending with "…" when cut.
fn fit_width(font: &FontFace, text: &str, size: f32, max: f32) -> String {
    if font.width(text, size) <= max {
        return text.to_string();
    }
    let budget = max - font.width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        used += font.advance_em(c) * size;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// One line with `left` at the left margin and `right` flush right, the left text
/// cut so that the two never touch.
#[allow(clippy::too_many_arguments)]
fn line_pair(
    page: &mut Page,
    font: &FontFace,
    (x0, x1): (f32, f32),
    y: f32,
    size: f32,
    left: &str,
    right: &str,
    colors: (&str, &str),
) {
    let rw = font.width(right, size);
    let left = fit_width(font, left, size, x1 - x0 - rw - 16.0);
    page.cmds.push(Cmd::Text {
        x: x0,
        y,
        size,
        text: left,
        color: rgb(colors.0),
        bold: false,
    });
    page.cmds.push(Cmd::Text {
        x: x1 - rw,
        y,
        size,
        text: right.to_string(),
        color: rgb(colors.1),
        bold: false,
    });
}

#[cfg(test)]
mod sheet_tests {
    use super::*;
    use crate::base::locale::Locale;
    use crate::render::sheets::{sheet, Subject};

    #[test]
    fn a_pick_sheet_has_55_tick_boxes_inside_the_page_each_beside_its_word() {
        let font = FontFace::default_shared();
        let s = Subject {
            name: "同事甲".into(),
            code: "S1".into(),
        };
        for paper in [Paper::A4, Paper::Letter] {
            let laid = layout_pages(&[sheet(&s, Locale::Zh)], &font, paper, "同事反馈 · 匿名");
            assert_eq!(laid.pages.len(), 1, "one sheet, one page");
            let (w, h) = laid.size;
            let cmds = &laid.pages[0].cmds;
            let boxes: Vec<(f32, f32)> = cmds
                .iter()
                .filter_map(|c| match c {
                    Cmd::Rect { x, y, w, h, .. }
                        if (*w - TICK).abs() < 0.01 && (*h - TICK).abs() < 0.01 =>
                    {
                        Some((*x, *y))
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(boxes.len(), 55);
            for (x, y) in &boxes {
                assert!(
                    *x >= MARGIN_X - 0.5 && x + TICK <= w - MARGIN_X + 0.5,
                    "box off the page"
                );
                assert!(*y >= MARGIN_TOP - 0.5 && y + TICK <= h - MARGIN_BOTTOM + 0.5);
                // a word starts just right of every box, on its line
                assert!(cmds
                    .iter()
                    .any(|c| matches!(c, Cmd::Text { x: tx, y: ty, .. }
                    if (*tx - (x + 17.0)).abs() < 0.5 && *ty > *y && *ty < y + TICK + 6.0)));
            }
            let texts: Vec<&str> = cmds
                .iter()
                .filter_map(|c| match c {
                    Cmd::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            for a in crate::profile::catalog::ADJECTIVES {
                assert!(texts.iter().any(|t| t.contains(a.zh)), "{} missing", a.zh);
            }
        }
    }
}
