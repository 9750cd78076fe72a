//! Tables: column widths, row heights, repeated headers, and the keep rules for
//! splitting a table across pages.

use super::{rgb, Cmd, Flow};
use crate::workbook::figure::color;

/// Height of a table's header and of each of its rows, as [`table`] draws them.
pub(super) fn table_heights(
    l: &Flow,
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
    let lh = Flow::line_h(size);
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

pub(super) fn table(l: &mut Flow, header: &[String], rows: &[Vec<String>], widths: &[f64]) {
    let (x, w) = (l.left(), l.width());
    let total: f32 = (widths.iter().sum::<f64>() as f32).max(0.001);
    let cols: Vec<f32> = (0..header.len())
        .map(|i| widths.get(i).copied().unwrap_or(1.0) as f32 / total * w)
        .collect();
    let size = 9.5;
    let lh = Flow::line_h(size);
    let pad = 5.0;
    fn wrap_row<'t>(
        l: &Flow,
        cells: &'t [String],
        sz: f32,
        cols: &[f32],
        pad: f32,
    ) -> Vec<Vec<&'t str>> {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| l.wrap(c, sz, cols.get(i).copied().unwrap_or(50.0) - 2.0 * pad))
            .collect()
    }
    let head = wrap_row(l, header, size, &cols, pad);
    let head_h = head.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
    let draw_header = |l: &mut Flow| {
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
    let wrapped: Vec<Vec<Vec<&str>>> = rows
        .iter()
        .map(|r| wrap_row(l, r, size, &cols, pad))
        .collect();
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
    draw_header(l);
    for (r, row) in rows.iter().enumerate() {
        let cells = &wrapped[r];
        let n = cells.iter().map(Vec::len).max().unwrap_or(0);
        let blank = row.iter().all(String::is_empty);
        let row_h = heights[r];
        let fits_rest =
            |l: &Flow, from: usize| -> bool { heights[from..].iter().sum::<f32>() <= l.room() };
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

/// Whether a table is small enough to stay on one page: five rows or fewer, or at
/// most half a page, and never more than a page (the HTML print keeps the same rule).
pub(super) fn keeps_together(l: &Flow, rows: usize, total: f32) -> bool {
    total <= l.full() && (rows <= 5 || total <= l.full() / 2.0)
}
