//! Tables: column widths, row heights, repeated headers, and the keep rules for
//! splitting a table across pages.

use super::{rgb, Cmd, Flow};
use crate::workbook::figure::color;

/// Size of a table's text, and the padding inside its cells.
const SIZE: f32 = 9.5;
const PAD: f32 = 5.0;
/// Width a cell beyond the header's columns is wrapped to.
const SPARE_COL: f32 = 50.0;
/// Height of a row of blank cells (room to write in).
const BLANK_ROW: f32 = 30.0;

/// The columns' widths in points: `widths` are relative, a column without one
/// counts as 1, and together they fill the text width.
fn column_widths(l: &Flow, header: &[String], widths: &[f64]) -> Vec<f32> {
    let w = l.width();
    let total: f32 = (widths.iter().sum::<f64>() as f32).max(0.001);
    (0..header.len())
        .map(|i| widths.get(i).copied().unwrap_or(1.0) as f32 / total * w)
        .collect()
}

/// A row's cells wrapped to their columns.
fn wrap_row<'t>(l: &Flow, cells: &'t [String], cols: &[f32]) -> Vec<Vec<&'t str>> {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            l.wrap(
                c,
                SIZE,
                cols.get(i).copied().unwrap_or(SPARE_COL) - 2.0 * PAD,
            )
        })
        .collect()
}

/// Height of a table's header and of each of its rows, as [`table`] draws them.
pub(super) fn table_heights(
    l: &Flow,
    header: &[String],
    rows: &[Vec<String>],
    widths: &[f64],
) -> (f32, Vec<f32>) {
    let cols = column_widths(l, header, widths);
    let lh = Flow::line_h(SIZE);
    let lines = |cells: &[String]| -> usize {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                l.wrap(
                    c,
                    SIZE,
                    cols.get(i).copied().unwrap_or(SPARE_COL) - 2.0 * PAD,
                )
                .len()
            })
            .max()
            .unwrap_or(0)
    };
    let head = lines(header).max(1) as f32 * lh + 2.0 * PAD;
    let heights = rows
        .iter()
        .map(|row| {
            if row.iter().all(String::is_empty) {
                BLANK_ROW
            } else {
                lines(row) as f32 * lh + 2.0 * PAD
            }
        })
        .collect();
    (head, heights)
}

/// A table as it is drawn: its columns' widths and its wrapped header, repeated at
/// the top of each page it spans.
struct Drawn<'t> {
    cols: Vec<f32>,
    head: Vec<Vec<&'t str>>,
    head_h: f32,
}

/// A table with a shaded header repeated on each page; a small table stays on one
/// page, a long one starts with at least three rows and leaves none alone.
pub(super) fn table(l: &mut Flow, header: &[String], rows: &[Vec<String>], widths: &[f64]) {
    let cols = column_widths(l, header, widths);
    let lh = Flow::line_h(SIZE);
    let head = wrap_row(l, header, &cols);
    let head_h = head.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
    let t = Drawn { cols, head, head_h };
    let wrapped: Vec<Vec<Vec<&str>>> = rows.iter().map(|r| wrap_row(l, r, &t.cols)).collect();
    let (_, heights) = table_heights(l, header, rows, widths);
    let total: f32 = head_h + heights.iter().sum::<f32>();
    if keeps_together(l, rows.len(), total) {
        // a small table stays together
        l.ensure(total);
    } else {
        // a long one starts with at least three rows
        let first: f32 = heights.iter().take(3).sum();
        l.ensure((head_h + first).min(l.full()));
    }
    draw_header(l, &t);
    for (r, row) in rows.iter().enumerate() {
        if breaks_before(l, &heights, r, head_h) {
            l.new_page();
            draw_header(l, &t);
        }
        let blank = row.iter().all(String::is_empty);
        draw_row(l, &t, &wrapped[r], blank, heights[r]);
    }
    l.y += 10.0;
}

/// Whether row `r` starts a new page: when it does not fit (and would on a page of
/// its own), or when the rows after it would be fewer than three on the next page
/// (keep at least three on each side).
fn breaks_before(l: &Flow, heights: &[f32], r: usize, head_h: f32) -> bool {
    let row_h = heights[r];
    let fits_rest =
        |l: &Flow, from: usize| -> bool { heights[from..].iter().sum::<f32>() <= l.room() };
    let left_on_page = r > 0 && !fits_rest(l, r);
    let remaining = heights.len() - r;
    let would_orphan = left_on_page
        && remaining <= 3
        && r >= 3
        && heights[r..].iter().sum::<f32>() <= l.full() - head_h;
    (row_h <= l.full() - head_h && row_h > l.room()) || would_orphan
}

/// The header: a shaded band with the column titles.
fn draw_header(l: &mut Flow, t: &Drawn) {
    let (x, w) = (l.left(), l.width());
    let lh = Flow::line_h(SIZE);
    let top = l.y;
    l.push(Cmd::Rect {
        x,
        y: top,
        w,
        h: t.head_h,
        fill: Some(rgb(color::PALE)),
        stroke: None,
        width: 0.0,
        dashed: false,
    });
    let mut cx = x;
    for (i, lines) in t.head.iter().enumerate() {
        for (k, line) in lines.iter().enumerate() {
            l.text(
                cx + PAD,
                top + PAD + k as f32 * lh + SIZE * 1.05,
                SIZE,
                line,
                color::ACCENT,
                true,
            );
        }
        cx += t.cols[i];
    }
    l.y += t.head_h;
}

/// One row of ruled cells (`cells` wrapped, `row_h` high); a row taller than a page
/// continues line by line on the next pages, under the header again.
fn draw_row(l: &mut Flow, t: &Drawn, cells: &[Vec<&str>], blank: bool, row_h: f32) {
    let x = l.left();
    let lh = Flow::line_h(SIZE);
    let n = cells.iter().map(Vec::len).max().unwrap_or(0);
    let mut from = 0;
    loop {
        let avail = ((l.room() - 2.0 * PAD) / lh).floor().max(0.0) as usize;
        let take = if blank {
            0
        } else {
            (n - from).min(avail.max(1))
        };
        let h = if blank {
            row_h
        } else {
            take as f32 * lh + 2.0 * PAD
        };
        let top = l.y;
        let mut cx = x;
        for (i, lines) in cells.iter().enumerate() {
            for (k, line) in lines.iter().skip(from).take(take).enumerate() {
                l.text(
                    cx + PAD,
                    top + PAD + k as f32 * lh + SIZE * 1.05,
                    SIZE,
                    line,
                    color::INK,
                    false,
                );
            }
            l.push(Cmd::Rect {
                x: cx,
                y: top,
                w: t.cols[i],
                h,
                fill: None,
                stroke: Some(rgb(color::RULE)),
                width: 0.6,
                dashed: false,
            });
            cx += t.cols[i];
        }
        l.y += h;
        from += take;
        if blank || from >= n {
            break;
        }
        l.new_page();
        draw_header(l, t);
    }
}

/// Whether a table is small enough to stay on one page: five rows or fewer, or at
/// most half a page, and never more than a page (the HTML print keeps the same rule).
pub(super) fn keeps_together(l: &Flow, rows: usize, total: f32) -> bool {
    total <= l.full() && (rows <= 5 || total <= l.full() / 2.0)
}
