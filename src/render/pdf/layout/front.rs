//! The page furniture: running footer, cover with its contents, and section titles.

use super::{line_pair, rgb, Cmd, Flow, Page, BODY, MARGIN_BOTTOM, MARGIN_X};
use crate::text::font::FontFace;
use crate::workbook::figure::color;
use crate::workbook::Workbook;

pub(super) fn footer(
    page: &mut Page,
    font: &FontFace,
    w: f32,
    h: f32,
    book: &Workbook,
    n: usize,
    m: usize,
) {
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
        (MARGIN_X, w - MARGIN_X),
        y,
        8.0,
        &left,
        &right,
        (color::MUTED, color::MUTED),
    );
}

/// The table of contents on the cover, below `top`, when it fits.
pub(super) fn contents(
    page: &mut Page,
    font: &FontFace,
    w: f32,
    h: f32,
    top: f32,
    book: &Workbook,
    entries: &[(String, usize)],
) {
    let y0 = top + 18.0;
    // rows tighten to fit the cover's remaining room; when one column would be too
    // tight (many sections, Letter paper) the entries go in two columns
    let room = h - MARGIN_BOTTOM - y0 - 22.0;
    let n = entries.len();
    let Some((cols, row)) = [1usize, 2].iter().find_map(|&cols| {
        let row = (room / (n.div_ceil(cols) as f32 + 1.0)).min(17.0);
        (row >= 12.5).then_some((cols, row))
    }) else {
        return;
    };
    let size = if row >= 15.0 { 10.0 } else { 9.0 };
    page.cmds.push(Cmd::Text {
        x: MARGIN_X,
        y: y0 + 12.0,
        size: 12.0,
        text: book.contents_title.clone(),
        color: rgb(color::ACCENT),
        bold: true,
    });
    let gap = 20.0;
    let col_w = (w - 2.0 * MARGIN_X - gap * (cols as f32 - 1.0)) / cols as f32;
    let per_col = n.div_ceil(cols);
    for (i, (title, p)) in entries.iter().enumerate() {
        let (c, r) = (i / per_col, i % per_col);
        let x0 = MARGIN_X + c as f32 * (col_w + gap);
        let y = y0 + 22.0 + (r + 1) as f32 * row;
        line_pair(
            page,
            font,
            (x0, x0 + col_w),
            y,
            size,
            title,
            &(p + 1).to_string(),
            (color::INK, color::MUTED),
        );
        // the dotted rule just under the descenders, clear of the next entry
        page.cmds.push(Cmd::Line {
            x1: x0,
            y1: y + 0.3 * size,
            x2: x0 + col_w,
            y2: y + 0.3 * size,
            color: rgb(color::RULE),
            width: 0.4,
            dashed: true,
        });
    }
}

/// Lays out the cover page; returns where its content ends.
pub(super) fn cover(l: &mut Flow, book: &Workbook) -> f32 {
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
        l.text(MARGIN_X, y, title_size, line, color::WHITE, true);
        y += title_size * 1.3;
    }
    l.y = band + 50.0;
    let name_size = 24.0;
    for line in l.wrap(&book.cover.name, name_size, l.width()) {
        l.y += name_size * 1.3;
        l.text(MARGIN_X, l.y, name_size, line, color::INK, true);
    }
    l.y += 24.0;
    let label_w = 90.0;
    for (label, value) in &book.cover.fields {
        let x = l.left();
        let vw = l.width() - label_w;
        let lines = if value.is_empty() {
            vec![""]
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

pub(super) fn section_title(l: &mut Flow, title: &str, gloss: &str) {
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
