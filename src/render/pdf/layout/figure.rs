//! Charts: a figure's shapes mapped onto page commands, scaled to the text width.

use super::{rgb, Cmd, Flow, MARGIN_TOP};
use crate::workbook::figure::{Anchor, Figure, Shape};

pub(super) fn draw_figure(l: &mut Flow, f: &Figure) {
    let (fw, fh) = (f.w as f32, f.h as f32);
    let mut scale = (l.width() / fw).min(l.full() / fh).min(1.0);
    // a chart that nearly fits the room left shrinks (to 75 % at most) rather than
    // leaving its heading and intro alone at the foot of the page
    let room = l.room() - 8.0;
    if fh * scale > room && room >= fh * scale * 0.75 && l.y > MARGIN_TOP + 0.5 {
        scale = room / fh;
    }
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
