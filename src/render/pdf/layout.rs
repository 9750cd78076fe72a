//! Page layout: turns the workbook into pages of backend-neutral drawing commands
//! (text runs, rectangles, lines, ellipses) with page breaks, repeated table
//! headers, kept-together headings, and header/footer with page X / Y.

use super::font::FontFace;
use super::linebreak::break_lines;
use crate::figure::{color, Anchor, Figure, Shape};
use crate::workbook::{Block, Workbook};

/// An RGB colour, 0–1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

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

struct L<'a> {
    font: &'a FontFace,
    /// (page index, starts at the top of the page, title) of each section, for running headers.
    section_pages: Vec<(usize, bool, String)>,
    w: f32,
    h: f32,
    pages: Vec<Page>,
    y: f32,
}

impl<'a> L<'a> {
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
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let m = |s: &str| self.font.width(s, size);
        break_lines(text, width, &m)
            .into_iter()
            .map(|l| text[l.start..l.end].to_string())
            .collect()
    }
    fn line_h(size: f32) -> f32 {
        size * LEADING
    }

    /// Flows wrapped lines at x with `width`, breaking pages as needed.
    fn flow(&mut self, text: &str, x: f32, width: f32, size: f32, color: &str, bold: bool) {
        let lh = Self::line_h(size);
        for line in self.wrap(text, size, width) {
            self.ensure(lh);
            let base = self.y + size * 1.05;
            self.text(x, base, size, &line, color, bold);
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

/// Lays out a workbook.
pub fn layout(book: &Workbook, font: &FontFace, paper: super::layout::Paper) -> Laid {
    let (w, h) = paper.size();
    let mut l = L {
        font,
        section_pages: Vec::new(),
        w,
        h,
        pages: Vec::new(),
        y: MARGIN_TOP,
    };
    let mut outline = Vec::new();
    let cover_end = cover(&mut l, book);
    outline.push((book.cover.title.clone(), 0));
    l.new_page();
    for section in &book.sections {
        // a section starts on a new page when less than a third is left, or when its
        // title, intro and first element would not fit together
        let intro = match section.blocks.first() {
            Some(Block::Paragraph { text }) => {
                l.wrap(text, BODY, l.width()).len() as f32 * L::line_h(BODY)
                    + 6.0
                    + lead_height(&l, section.blocks.get(1))
            }
            first => lead_height(&l, first),
        };
        if l.room() < l.full() / 3.0 || (l.room() < 90.0 + intro && intro + 90.0 <= l.full()) {
            l.new_page();
        }
        let at_top = l.y <= MARGIN_TOP + 0.5;
        let pages_before = l.pages.len();
        section_title(&mut l, &section.title, &section.gloss);
        // the title may have moved to a new page to stay with its content
        let page = l.pages.len() - 1;
        outline.push((section.title.clone(), page));
        l.section_pages.push((
            page,
            at_top || l.pages.len() != pages_before,
            section.title.clone(),
        ));
        for (i, block) in section.blocks.iter().enumerate() {
            let next = section.blocks.get(i + 1);
            render_block(&mut l, block, next);
        }
        l.y += 14.0;
    }
    contents(&mut l.pages[0], font, w, h, cover_end, book, &outline[1..]);
    let total = l.pages.len();
    let sections = std::mem::take(&mut l.section_pages);
    for (i, page) in l.pages.iter_mut().enumerate().skip(1) {
        footer(page, font, w, h, book, i + 1, total);
        // running header: the section this page continues (pages that open a section show its title already)
        if !sections.iter().any(|(p, top, _)| *p == i && *top) {
            if let Some((_, _, title)) = sections.iter().rev().find(|(p, _, _)| *p < i) {
                page.cmds.push(Cmd::Text {
                    x: MARGIN_X,
                    y: 34.0,
                    size: 8.0,
                    text: title.clone(),
                    color: rgb(color::MUTED),
                    bold: false,
                });
                page.cmds.push(Cmd::Line {
                    x1: MARGIN_X,
                    y1: 40.0,
                    x2: w - MARGIN_X,
                    y2: 40.0,
                    color: rgb(color::RULE),
                    width: 0.5,
                    dashed: false,
                });
            }
        }
    }
    Laid {
        size: (w, h),
        pages: l.pages,
        outline,
    }
}

/// Lays out free-standing pages (e.g. the peers' pick sheets): each entry starts a
/// new page; `footer` is printed at the foot of every page, the same on each (copies
/// of a sheet must not be told apart).
pub fn layout_pages(pages: &[Vec<Block>], font: &FontFace, paper: Paper, footer: &str) -> Laid {
    let (w, h) = paper.size();
    let mut l = L {
        font,
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
            w,
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
    w: f32,
    y: f32,
    size: f32,
    left: &str,
    right: &str,
    colors: (&str, &str),
) {
    let rw = font.width(right, size);
    let left = fit_width(font, left, size, w - 2.0 * MARGIN_X - rw - 16.0);
    page.cmds.push(Cmd::Text {
        x: MARGIN_X,
        y,
        size,
        text: left,
        color: rgb(colors.0),
        bold: false,
    });
    page.cmds.push(Cmd::Text {
        x: w - MARGIN_X - rw,
        y,
        size,
        text: right.to_string(),
        color: rgb(colors.1),
        bold: false,
    });
}

fn footer(page: &mut Page, font: &FontFace, w: f32, h: f32, book: &Workbook, n: usize, m: usize) {
    let y = h - 34.0;
    page.cmds.push(Cmd::Line {
        x1: MARGIN_X,
        y1: y - 12.0,
        x2: w - MARGIN_X,
        y2: y - 12.0,
        color: rgb(color::RULE),
        width: 0.5,
        dashed: false,
    });
    let left = format!("{} · {}", book.running_title, book.name);
    let right = book
        .page_pattern
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string());
    line_pair(
        page,
        font,
        w,
        y,
        8.0,
        &left,
        &right,
        (color::MUTED, color::MUTED),
    );
}

/// The table of contents on the cover, below `top`, when it fits.
fn contents(
    page: &mut Page,
    font: &FontFace,
    w: f32,
    h: f32,
    top: f32,
    book: &Workbook,
    entries: &[(String, usize)],
) {
    let y0 = top + 18.0;
    // rows tighten to fit the cover's remaining room (more sections, Letter paper)
    let room = h - MARGIN_BOTTOM - y0 - 22.0;
    let row = (room / (entries.len() as f32 + 1.0)).min(17.0);
    if row < 11.0 {
        return;
    }
    let size = if row < 14.0 { 9.0 } else { 10.0 };
    page.cmds.push(Cmd::Text {
        x: MARGIN_X,
        y: y0 + 12.0,
        size: 12.0,
        text: book.contents_title.clone(),
        color: rgb(color::ACCENT),
        bold: true,
    });
    for (i, (title, p)) in entries.iter().enumerate() {
        let y = y0 + 22.0 + (i + 1) as f32 * row;
        line_pair(
            page,
            font,
            w,
            y,
            size,
            title,
            &(p + 1).to_string(),
            (color::INK, color::MUTED),
        );
        page.cmds.push(Cmd::Line {
            x1: MARGIN_X,
            y1: y + 5.0,
            x2: w - MARGIN_X,
            y2: y + 5.0,
            color: rgb(color::RULE),
            width: 0.4,
            dashed: true,
        });
    }
}

/// Lays out the cover page; returns where its content ends.
fn cover(l: &mut L, book: &Workbook) -> f32 {
    l.new_page();
    let band = 210.0;
    l.push(Cmd::Rect {
        x: 0.0,
        y: 0.0,
        w: l.w,
        h: band,
        fill: Some(rgb(color::ACCENT)),
        stroke: None,
        width: 0.0,
        dashed: false,
    });
    l.text(
        MARGIN_X,
        120.0,
        11.0,
        &book.cover.subtitle,
        "#c9d7ea",
        false,
    );
    let title_size = 30.0;
    let mut y = 160.0;
    for line in l.wrap(&book.cover.title, title_size, l.width()) {
        l.text(MARGIN_X, y, title_size, &line, color::WHITE, true);
        y += title_size * 1.3;
    }
    l.y = band + 50.0;
    let name_size = 24.0;
    for line in l.wrap(&book.cover.name, name_size, l.width()) {
        l.y += name_size * 1.3;
        l.text(MARGIN_X, l.y, name_size, &line, color::INK, true);
    }
    l.y += 24.0;
    let label_w = 90.0;
    for (label, value) in &book.cover.fields {
        let x = l.left();
        let vw = l.width() - label_w;
        let lines = if value.is_empty() {
            vec![String::new()]
        } else {
            l.wrap(value, 11.0, vw)
        };
        let row_h = (lines.len() as f32 * 11.0 * 1.5).max(24.0);
        l.text(x, l.y + 16.0, 10.0, label, color::MUTED, false);
        for (k, line) in lines.iter().enumerate() {
            l.text(
                x + label_w,
                l.y + 16.0 + k as f32 * 16.5,
                11.0,
                line,
                color::INK,
                false,
            );
        }
        l.y += row_h;
        l.push(Cmd::Line {
            x1: x,
            y1: l.y,
            x2: x + l.width(),
            y2: l.y,
            color: rgb(color::RULE),
            width: 0.5,
            dashed: false,
        });
    }
    l.y += 28.0;
    for p in &book.cover.howto {
        let (x, w) = (l.left(), l.width());
        // the cover stays one page: long names or fields never push the text off it
        if l.room() < 30.0 {
            break;
        }
        l.flow(p, x, w, BODY, color::INK, false);
        l.y += 6.0;
    }
    l.pages.truncate(1);
    l.y
}

fn section_title(l: &mut L, title: &str, gloss: &str) {
    let size = 18.0;
    let lines = l.wrap(title, size, l.width() - 12.0);
    l.ensure(lines.len() as f32 * size * 1.35 + 60.0);
    let top = l.y;
    for line in &lines {
        l.y += size * 1.35;
        l.text(
            l.left() + 12.0,
            l.y - size * 0.25,
            size,
            line,
            color::ACCENT,
            true,
        );
    }
    if !gloss.is_empty() {
        l.y += 14.0;
        let g = gloss.to_string();
        l.text(l.left() + 12.0, l.y - 2.0, 9.5, &g, color::MUTED, false);
    }
    l.push(Cmd::Rect {
        x: l.left(),
        y: top + 4.0,
        w: 4.0,
        h: l.y - top - 2.0,
        fill: Some(rgb(color::ACCENT)),
        stroke: None,
        width: 0.0,
        dashed: false,
    });
    l.y += 8.0;
    let y = l.y;
    l.push(Cmd::Line {
        x1: l.left(),
        y1: y,
        x2: l.left() + l.width(),
        y2: y,
        color: rgb(color::ACCENT),
        width: 1.2,
        dashed: false,
    });
    l.y += 10.0;
}

/// Height a block needs at its start (for keeping headings with what follows).
fn lead_height(l: &L, block: Option<&Block>) -> f32 {
    match block {
        Some(Block::Figure { figure }) => {
            figure.h as f32 * (l.width() / figure.w as f32).min(1.0) + 12.0
        }
        Some(Block::Table {
            header,
            rows,
            widths,
        }) => {
            let (head, heights) = table_heights(l, header, rows, widths);
            let total = head + heights.iter().sum::<f32>();
            if total <= l.full() {
                total
            } else {
                head + heights.iter().take(3).sum::<f32>()
            }
        }
        Some(Block::Facts { rows }) => facts_height(l, rows).min(l.full() * 0.5),
        Some(_) => L::line_h(BODY) * 3.0,
        None => 0.0,
    }
}

fn render_block(l: &mut L, block: &Block, next: Option<&Block>) {
    let (x, w) = (l.left(), l.width());
    match block {
        Block::Paragraph { text } => {
            l.flow(text, x, w, BODY, color::INK, false);
            l.y += 6.0;
        }
        Block::Heading { text } => {
            let lines = l.wrap(text, 12.5, w);
            l.ensure(lines.len() as f32 * 20.0 + 8.0 + lead_height(l, next));
            l.y += 8.0;
            l.flow(text, x, w, 12.5, color::INK, true);
            l.y += 2.0;
        }
        Block::Note { text } => {
            let size = BODY - 0.5;
            let lines = l.wrap(text, size, w - 24.0);
            let lh = L::line_h(size);
            // a note of a few lines is not split over two pages
            let whole = lines.len() as f32 * lh + 12.0;
            if whole <= l.full() / 3.0 {
                l.ensure(whole);
            }
            let mut i = 0;
            while i < lines.len() {
                l.ensure(lh + 12.0);
                let fit = (((l.room() - 12.0) / lh).floor() as usize)
                    .max(1)
                    .min(lines.len() - i);
                let top = l.y;
                let h = fit as f32 * lh + 12.0;
                l.push(Cmd::Rect {
                    x,
                    y: top,
                    w,
                    h,
                    fill: Some(rgb(color::PALE)),
                    stroke: None,
                    width: 0.0,
                    dashed: false,
                });
                l.push(Cmd::Rect {
                    x,
                    y: top,
                    w: 3.0,
                    h,
                    fill: Some(rgb(color::ACCENT)),
                    stroke: None,
                    width: 0.0,
                    dashed: false,
                });
                for (k, line) in lines[i..i + fit].iter().enumerate() {
                    l.text(
                        x + 14.0,
                        top + 6.0 + k as f32 * lh + size * 1.05,
                        size,
                        line,
                        color::INK,
                        false,
                    );
                }
                l.y = top + h;
                i += fit;
            }
            l.y += 8.0;
        }
        Block::Bullets { items } => {
            for item in items {
                let first = l.wrap(item, BODY, w - 16.0).len().min(2) as f32;
                l.ensure(first * L::line_h(BODY));
                let base = l.y + BODY * 1.05;
                l.text(x + 3.0, base, BODY, "•", color::ACCENT, true);
                l.flow(item, x + 16.0, w - 16.0, BODY, color::INK, false);
                l.y += 2.0;
            }
            l.y += 4.0;
        }
        Block::Facts { rows } => {
            let label_w = (w * 0.26).min(130.0);
            // a key–value group stays together when it fits on a page
            let total = facts_height(l, rows);
            if total <= l.full() {
                l.ensure(total);
            }
            for (label, value) in rows {
                let llines = l.wrap(label, SMALL, label_w - 8.0);
                let vlines = if value.is_empty() {
                    vec![]
                } else {
                    l.wrap(value, BODY, w - label_w)
                };
                let lh = L::line_h(BODY);
                let h = (llines.len().max(vlines.len()).max(1) as f32 * lh).max(24.0) + 6.0;
                if h <= l.full() {
                    l.ensure(h);
                }
                let top = l.y;
                for (k, line) in llines.iter().enumerate() {
                    l.text(
                        x,
                        top + 3.0 + k as f32 * lh + BODY * 1.05,
                        SMALL,
                        line,
                        color::MUTED,
                        false,
                    );
                }
                let mut y = top + 3.0;
                for line in &vlines {
                    if y + lh > l.bottom() {
                        l.new_page();
                        y = l.y;
                    }
                    l.text(x + label_w, y + BODY * 1.05, BODY, line, color::INK, false);
                    y += lh;
                }
                l.y = (y + 3.0).max(top + h).min(l.bottom());
                if vlines.is_empty() {
                    l.y = top + h;
                }
                let yy = l.y;
                l.push(Cmd::Line {
                    x1: x,
                    y1: yy,
                    x2: x + w,
                    y2: yy,
                    color: rgb(color::RULE),
                    width: 0.5,
                    dashed: false,
                });
            }
            l.y += 8.0;
        }
        Block::Stats { items } => {
            let n = items.len().max(1);
            let gap = 10.0;
            let bw = (w - gap * (n as f32 - 1.0)) / n as f32;
            let labels: Vec<Vec<String>> = items
                .iter()
                .map(|s| l.wrap(&s.label, 8.5, bw - 16.0))
                .collect();
            let values: Vec<Vec<String>> = items
                .iter()
                .map(|s| l.wrap(&s.value, 18.0, bw - 16.0))
                .collect();
            let h = values.iter().map(Vec::len).max().unwrap_or(1) as f32 * 22.0
                + labels.iter().map(Vec::len).max().unwrap_or(1) as f32 * 12.5
                + 18.0;
            l.ensure(h + 6.0);
            let top = l.y;
            for (i, (v, lab)) in values.iter().zip(&labels).enumerate() {
                let bx = x + i as f32 * (bw + gap);
                l.push(Cmd::Rect {
                    x: bx,
                    y: top,
                    w: bw,
                    h,
                    fill: Some(rgb(color::PALER)),
                    stroke: None,
                    width: 0.0,
                    dashed: false,
                });
                let mut y = top + 6.0;
                for line in v {
                    y += 22.0;
                    l.text(bx + 8.0, y - 3.0, 18.0, line, color::ACCENT, true);
                }
                y += 4.0;
                for line in lab {
                    y += 12.5;
                    l.text(bx + 8.0, y - 2.0, 8.5, line, color::MUTED, false);
                }
            }
            l.y = top + h + 10.0;
        }
        Block::Table {
            header,
            rows,
            widths,
        } => table(l, header, rows, widths),
        Block::Ratings { low, high, items } => {
            let box_w = 26.0;
            let label_w = w - box_w * 5.0;
            let lh = L::line_h(BODY);
            l.ensure(20.0 + lh * 2.0);
            let y = l.y + 12.0;
            for n in 1..=5 {
                let cx = x + label_w + box_w * (n as f32 - 0.5);
                let s = n.to_string();
                let sw = l.font.width(&s, SMALL);
                l.text(cx - sw / 2.0, y, SMALL, &s, color::MUTED, true);
            }
            l.y += 18.0;
            for r in items {
                let lines = l.wrap(&r.label, BODY, label_w - 10.0);
                let h = lines.len() as f32 * lh + 6.0;
                l.ensure(h);
                let top = l.y;
                for (k, line) in lines.iter().enumerate() {
                    l.text(
                        x,
                        top + 3.0 + k as f32 * lh + BODY * 1.05,
                        BODY,
                        line,
                        color::INK,
                        false,
                    );
                }
                for n in 1..=5u8 {
                    let cx = x + label_w + box_w * (n as f32 - 0.5);
                    let on = r.value == Some(n);
                    l.tick_box(cx - TICK / 2.0, top + 3.0 + (lh - TICK) / 2.0, on);
                }
                l.y = top + h;
                let yy = l.y;
                l.push(Cmd::Line {
                    x1: x,
                    y1: yy,
                    x2: x + w,
                    y2: yy,
                    color: rgb(color::RULE),
                    width: 0.4,
                    dashed: false,
                });
            }
            l.y += 4.0;
            let legend = format!("1 = {low}    5 = {high}");
            l.ensure(14.0);
            l.y += 11.0;
            l.text(x + label_w, l.y, 8.0, &legend, color::MUTED, false);
            l.y += 10.0;
        }
        Block::Grid { items, columns } => {
            let cols = (*columns).max(1);
            let cw = w / cols as f32;
            let size = SMALL + 0.5;
            let lh = L::line_h(size).max(TICK + 4.0);
            let rows = items.len().div_ceil(cols);
            let wrapped: Vec<Vec<String>> = items
                .iter()
                .map(|c| l.wrap(&c.label, size, cw - 22.0))
                .collect();
            // the grid is filled column by column, like a printed questionnaire
            let row_h: Vec<f32> = (0..rows)
                .map(|r| {
                    (0..cols)
                        .filter_map(|c| wrapped.get(c * rows + r))
                        .map(Vec::len)
                        .max()
                        .unwrap_or(1) as f32
                        * L::line_h(size)
                        + 6.0
                })
                .map(|h| h.max(lh))
                .collect();
            let total: f32 = row_h.iter().sum();
            if total <= l.full() {
                l.ensure(total);
            }
            for (r, h) in row_h.iter().enumerate() {
                l.ensure(*h);
                let top = l.y;
                for c in 0..cols {
                    let Some(i) = (c * rows + r < items.len()).then_some(c * rows + r) else {
                        continue;
                    };
                    let cx = x + c as f32 * cw;
                    l.tick_box(cx, top + 2.0, items[i].checked);
                    for (k, line) in wrapped[i].iter().enumerate() {
                        l.text(
                            cx + 17.0,
                            top + 2.0 + k as f32 * L::line_h(size) + size * 1.0,
                            size,
                            line,
                            color::INK,
                            false,
                        );
                    }
                }
                l.push(Cmd::Line {
                    x1: x,
                    y1: top + h - 1.0,
                    x2: x + w,
                    y2: top + h - 1.0,
                    color: rgb(color::PALER),
                    width: 0.4,
                    dashed: false,
                });
                l.y = top + h;
            }
            l.y += 8.0;
        }
        Block::Checklist { items } => {
            let cols = 2;
            let cw = w / cols as f32;
            let lh = L::line_h(BODY);
            for chunk in items.chunks(cols) {
                let wrapped: Vec<Vec<String>> = chunk
                    .iter()
                    .map(|c| l.wrap(&c.label, BODY, cw - 28.0))
                    .collect();
                let h = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 4.0;
                l.ensure(h);
                let top = l.y;
                for (i, (c, lines)) in chunk.iter().zip(&wrapped).enumerate() {
                    let cx = x + i as f32 * cw;
                    l.tick_box(cx, top + (lh - TICK) / 2.0, c.checked);
                    for (k, line) in lines.iter().enumerate() {
                        l.text(
                            cx + 18.0,
                            top + k as f32 * lh + BODY * 1.05,
                            BODY,
                            line,
                            color::INK,
                            false,
                        );
                    }
                }
                l.y = top + h;
            }
            l.y += 6.0;
        }
        Block::Prompt {
            question,
            answer,
            lines,
        } => {
            let need = if question.is_empty() {
                0.0
            } else {
                L::line_h(BODY)
            } + if answer.is_empty() {
                22.7 * (*lines).min(2) as f32
            } else {
                L::line_h(BODY) * 2.0
            };
            l.ensure(need + 4.0);
            l.y += 2.0;
            if !question.is_empty() {
                l.flow(question, x, w, BODY, color::INK, true);
            }
            if answer.is_empty() {
                l.writing_lines(x, w, *lines);
            } else {
                for a in answer {
                    let start_page = l.pages.len();
                    let top = l.y;
                    l.flow(a, x + 12.0, w - 12.0, BODY, color::INK, false);
                    if l.pages.len() == start_page {
                        let yy = l.y;
                        l.push(Cmd::Rect {
                            x: x + 2.0,
                            y: top + 3.0,
                            w: 2.0,
                            h: yy - top - 4.0,
                            fill: Some(rgb(color::RULE)),
                            stroke: None,
                            width: 0.0,
                            dashed: false,
                        });
                    }
                }
            }
            l.y += 8.0;
        }
        Block::Figure { figure } => draw_figure(l, figure),
    }
}

/// Height of a key–value group.
fn facts_height(l: &L, rows: &[(String, String)]) -> f32 {
    let w = l.width();
    let label_w = (w * 0.26).min(130.0);
    let lh = L::line_h(BODY);
    rows.iter()
        .map(|(label, value)| {
            let ll = l.wrap(label, SMALL, label_w - 8.0).len();
            let vl = if value.is_empty() {
                0
            } else {
                l.wrap(value, BODY, w - label_w).len()
            };
            (ll.max(vl).max(1) as f32 * lh).max(24.0) + 6.0
        })
        .sum()
}

/// Height of a table's header and of each of its rows, as [`table`] draws them.
fn table_heights(
    l: &L,
    header: &[String],
    rows: &[Vec<String>],
    widths: &[f64],
) -> (f32, Vec<f32>) {
    let w = l.width();
    let total: f32 = (widths.iter().sum::<f64>() as f32).max(0.001);
    let cols: Vec<f32> = (0..header.len())
        .map(|i| widths.get(i).copied().unwrap_or(1.0) as f32 / total * w)
        .collect();
    let (size, pad) = (9.5, 5.0);
    let lh = L::line_h(size);
    let lines = |cells: &[String]| -> usize {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                l.wrap(c, size, cols.get(i).copied().unwrap_or(50.0) - 2.0 * pad)
                    .len()
            })
            .max()
            .unwrap_or(0)
    };
    let head = lines(header).max(1) as f32 * lh + 2.0 * pad;
    let heights = rows
        .iter()
        .map(|row| {
            if row.iter().all(String::is_empty) {
                30.0
            } else {
                lines(row) as f32 * lh + 2.0 * pad
            }
        })
        .collect();
    (head, heights)
}

fn table(l: &mut L, header: &[String], rows: &[Vec<String>], widths: &[f64]) {
    let (x, w) = (l.left(), l.width());
    let total: f32 = (widths.iter().sum::<f64>() as f32).max(0.001);
    let cols: Vec<f32> = (0..header.len())
        .map(|i| widths.get(i).copied().unwrap_or(1.0) as f32 / total * w)
        .collect();
    let size = 9.5;
    let lh = L::line_h(size);
    let pad = 5.0;
    let wrap_row = |l: &L, cells: &[String], sz: f32| -> Vec<Vec<String>> {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| l.wrap(c, sz, cols.get(i).copied().unwrap_or(50.0) - 2.0 * pad))
            .collect()
    };
    let head = wrap_row(l, header, size);
    let head_h = head.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
    let draw_header = |l: &mut L| {
        let top = l.y;
        l.push(Cmd::Rect {
            x,
            y: top,
            w,
            h: head_h,
            fill: Some(rgb(color::PALE)),
            stroke: None,
            width: 0.0,
            dashed: false,
        });
        let mut cx = x;
        for (i, lines) in head.iter().enumerate() {
            for (k, line) in lines.iter().enumerate() {
                l.text(
                    cx + pad,
                    top + pad + k as f32 * lh + size * 1.05,
                    size,
                    line,
                    color::ACCENT,
                    true,
                );
            }
            cx += cols[i];
        }
        l.y += head_h;
    };
    let wrapped: Vec<Vec<Vec<String>>> = rows.iter().map(|r| wrap_row(l, r, size)).collect();
    let (_, heights) = table_heights(l, header, rows, widths);
    let total: f32 = head_h + heights.iter().sum::<f32>();
    if total <= l.full() {
        // a table that fits on a page stays together
        l.ensure(total);
    } else {
        // a long one starts with at least three rows
        let first: f32 = heights.iter().take(3).sum();
        l.ensure((head_h + first).min(l.full()));
    }
    draw_header(l);
    for (r, row) in rows.iter().enumerate() {
        let cells = &wrapped[r];
        let n = cells.iter().map(Vec::len).max().unwrap_or(0);
        let blank = row.iter().all(String::is_empty);
        let row_h = heights[r];
        let fits_rest =
            |l: &L, from: usize| -> bool { heights[from..].iter().sum::<f32>() <= l.room() };
        // break before this row if it does not fit, or if the rows after it would be
        // fewer than three on the next page (keep at least three on each side)
        let left_on_page = r > 0 && !fits_rest(l, r);
        let remaining = rows.len() - r;
        let would_orphan = left_on_page
            && remaining <= 3
            && r >= 3
            && heights[r..].iter().sum::<f32>() <= l.full() - head_h;
        if (row_h <= l.full() - head_h && row_h > l.room()) || would_orphan {
            l.new_page();
            draw_header(l);
        }
        // a row taller than a page continues line by line on the next pages
        let mut from = 0;
        loop {
            let avail = ((l.room() - 2.0 * pad) / lh).floor().max(0.0) as usize;
            let take = if blank {
                0
            } else {
                (n - from).min(avail.max(1))
            };
            let h = if blank {
                row_h
            } else {
                take as f32 * lh + 2.0 * pad
            };
            let top = l.y;
            let mut cx = x;
            for (i, lines) in cells.iter().enumerate() {
                for (k, line) in lines.iter().skip(from).take(take).enumerate() {
                    l.text(
                        cx + pad,
                        top + pad + k as f32 * lh + size * 1.05,
                        size,
                        line,
                        color::INK,
                        false,
                    );
                }
                l.push(Cmd::Rect {
                    x: cx,
                    y: top,
                    w: cols[i],
                    h,
                    fill: None,
                    stroke: Some(rgb(color::RULE)),
                    width: 0.6,
                    dashed: false,
                });
                cx += cols[i];
            }
            l.y += h;
            from += take;
            if blank || from >= n {
                break;
            }
            l.new_page();
            draw_header(l);
        }
    }
    l.y += 10.0;
}

fn draw_figure(l: &mut L, f: &Figure) {
    let (fw, fh) = (f.w as f32, f.h as f32);
    let scale = (l.width() / fw).min(l.full() / fh).min(1.0);
    let h = fh * scale;
    l.ensure(h + 8.0);
    let ox = l.left() + (l.width() - fw * scale) / 2.0;
    let oy = l.y + 4.0;
    let p = |x: f64, y: f64| (ox + x as f32 * scale, oy + y as f32 * scale);
    for s in &f.shapes {
        match s {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                width,
                dashed,
                ..
            } => {
                let (px, py) = p(*x, *y);
                l.push(Cmd::Rect {
                    x: px,
                    y: py,
                    w: *w as f32 * scale,
                    h: *h as f32 * scale,
                    fill: fill.map(rgb),
                    stroke: stroke.map(rgb),
                    width: *width as f32,
                    dashed: *dashed,
                });
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dashed,
            } => {
                let (a, b) = p(*x1, *y1);
                let (c, d) = p(*x2, *y2);
                l.push(Cmd::Line {
                    x1: a,
                    y1: b,
                    x2: c,
                    y2: d,
                    color: rgb(stroke),
                    width: *width as f32,
                    dashed: *dashed,
                });
            }
            Shape::Ellipse {
                cx,
                cy,
                rx,
                ry,
                fill,
                stroke,
                width,
            } => {
                let (a, b) = p(*cx, *cy);
                l.push(Cmd::Ellipse {
                    cx: a,
                    cy: b,
                    rx: *rx as f32 * scale,
                    ry: *ry as f32 * scale,
                    fill: fill.map(rgb),
                    stroke: stroke.map(rgb),
                    width: *width as f32,
                });
            }
            Shape::Text {
                x,
                y,
                size,
                text,
                anchor,
                fill,
                bold,
            } => {
                let size = *size as f32 * scale;
                let tw = l.font.width(text, size);
                let (mut px, py) = p(*x, *y);
                match anchor {
                    Anchor::Start => {}
                    Anchor::Middle => px -= tw / 2.0,
                    Anchor::End => px -= tw,
                }
                l.push(Cmd::Text {
                    x: px,
                    y: py,
                    size,
                    text: text.clone(),
                    color: rgb(fill),
                    bold: *bold,
                });
            }
        }
    }
    l.y += h + 12.0;
}

#[cfg(test)]
mod sheet_tests {
    use super::*;
    use crate::locale::Locale;
    use crate::render::sheets::{sheet, Subject};

    #[test]
    fn a_pick_sheet_has_55_tick_boxes_inside_the_page_each_beside_its_word() {
        let font = FontFace::default_shared();
        let s = Subject {
            name: "同事甲".into(),
            code: "S1".into(),
        };
        for paper in [Paper::A4, Paper::Letter] {
            let laid = layout_pages(
                &[sheet(&s, Locale::Zh, 1, 1)],
                &font,
                paper,
                "同事反馈 · 匿名",
            );
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
            for a in crate::catalog::ADJECTIVES {
                assert!(texts.iter().any(|t| t.contains(a.zh)), "{} missing", a.zh);
            }
        }
    }
}
