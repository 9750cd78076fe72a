//! Charts: a figure's shapes mapped onto page commands, scaled to the text width.

use super::{rgb, Cmd, Flow, MARGIN_TOP};
use crate::text::font::FontFace;
use crate::workbook::figure::{Anchor, Figure, Shape};

/// Draws a chart centred in the text width, scaled down to fit the width, a page,
/// or nearly the room left on this one.
pub(super) fn draw_figure(l: &mut Flow, f: &Figure) {
    let (fw, fh) = (f.w as f32, f.h as f32);
    let scale = figure_scale(l, fw, fh);
    let h = fh * scale;
    l.ensure(h + 8.0);
    let at = Placement {
        ox: l.left() + (l.width() - fw * scale) / 2.0,
        oy: l.y + 4.0,
        scale,
    };
    for s in &f.shapes {
        let c = shape_cmd(l.font, s, &at);
        l.push(c);
    }
    l.y += h + 12.0;
}

/// The scale of a `fw` × `fh` chart: at most 1, within the text width and a page;
/// a chart that nearly fits the room left shrinks (to 75 % at most) rather than
/// leaving its heading and intro alone at the foot of the page.
fn figure_scale(l: &Flow, fw: f32, fh: f32) -> f32 {
    let mut scale = (l.width() / fw).min(l.full() / fh).min(1.0);
    let room = l.room() - 8.0;
    if fh * scale > room && room >= fh * scale * 0.75 && l.y > MARGIN_TOP + 0.5 {
        scale = room / fh;
    }
    scale
}

/// Where a chart lands on the page: its top-left corner and its scale.
struct Placement {
    ox: f32,
    oy: f32,
    scale: f32,
}

impl Placement {
    /// A point of the chart on the page.
    fn p(&self, x: f64, y: f64) -> (f32, f32) {
        (
            self.ox + x as f32 * self.scale,
            self.oy + y as f32 * self.scale,
        )
    }
}

/// One shape of a chart as a page command (a text placed by its anchor, measured
/// in `font`).
fn shape_cmd(font: &FontFace, s: &Shape, at: &Placement) -> Cmd {
    let scale = at.scale;
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
            let (px, py) = at.p(*x, *y);
            Cmd::Rect {
                x: px,
                y: py,
                w: *w as f32 * scale,
                h: *h as f32 * scale,
                fill: fill.map(rgb),
                stroke: stroke.map(rgb),
                width: *width as f32,
                dashed: *dashed,
            }
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
            let (a, b) = at.p(*x1, *y1);
            let (c, d) = at.p(*x2, *y2);
            Cmd::Line {
                x1: a,
                y1: b,
                x2: c,
                y2: d,
                color: rgb(stroke),
                width: *width as f32,
                dashed: *dashed,
            }
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
            let (a, b) = at.p(*cx, *cy);
            Cmd::Ellipse {
                cx: a,
                cy: b,
                rx: *rx as f32 * scale,
                ry: *ry as f32 * scale,
                fill: fill.map(rgb),
                stroke: stroke.map(rgb),
                width: *width as f32,
            }
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
            let tw = font.width(text, size);
            let (mut px, py) = at.p(*x, *y);
            match anchor {
                Anchor::Start => {}
                Anchor::Middle => px -= tw / 2.0,
                Anchor::End => px -= tw,
            }
            Cmd::Text {
                x: px,
                y: py,
                size,
                text: text.clone(),
                color: rgb(fill),
                bold: *bold,
            }
        }
    }
}
