//! Charts as plain geometry (rectangles, lines, circles, text in points), computed
//! once and drawn by both the HTML renderer (as inline SVG) and the PDF renderer.

use serde::Serialize;

/// The palette: ink, accent and a pale fill (three colours, as DESIGN.md asks).
pub mod color {
    /// Body text.
    pub const INK: &str = "#1f2933";
    /// Muted text and rules.
    pub const MUTED: &str = "#6b7785";
    /// Accent (headings, marks).
    pub const ACCENT: &str = "#1d4e89";
    /// Second accent (target, warnings).
    pub const WARM: &str = "#c2410c";
    /// Pale fill.
    pub const PALE: &str = "#e8eef6";
    /// Paler fill.
    pub const PALER: &str = "#f4f6f9";
    /// Light rule.
    pub const RULE: &str = "#c9d2dc";
    /// White.
    pub const WHITE: &str = "#ffffff";
    /// The open pane of the Johari window: the darkest of the three pane fills, so
    /// that the panes stay apart in black-and-white print.
    pub const PANE_OPEN: &str = "#d5dfec";
    /// The blind and hidden panes (the unknown pane is white).
    pub const PANE_SIDE: &str = "#eceff4";

    /// Grey level (0 black – 1 white) of `#rrggbb`, as a greyscale printer or
    /// `pdftoppm -gray` converts it (ITU-R BT.601 weights).
    pub fn grey(hex: &str) -> f64 {
        let h = hex.trim_start_matches('#');
        let ch = |i: usize| {
            f64::from(u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0)) / 255.0
        };
        0.299 * ch(0) + 0.587 * ch(2) + 0.114 * ch(4)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Black-and-white printing: what tells things apart by colour also differs
        /// in grey level.
        #[test]
        fn meaning_survives_greyscale() {
            let apart = |a: &str, b: &str, by: f64| {
                let d = (grey(a) - grey(b)).abs();
                assert!(d >= by, "{a} and {b} differ by {d:.3} in grey, need {by}");
            };
            // the person's rung (accent fill, white text) against the other rungs
            apart(ACCENT, PALER, 0.5);
            apart(WHITE, ACCENT, 0.5);
            // the target step's outline against the other outlines
            apart(WARM, RULE, 0.3);
            // the three pane fills of the Johari window
            apart(PANE_OPEN, PANE_SIDE, 0.05);
            apart(PANE_SIDE, WHITE, 0.05);
            // marks on white: top needs (accent circle), next needs (warm underline)
            apart(ACCENT, WHITE, 0.5);
            apart(WARM, WHITE, 0.5);
            // body text on the pale note background
            apart(INK, PALE, 0.6);
        }
    }
}

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// Left edge at x.
    Start,
    /// Centred on x.
    Middle,
    /// Right edge at x.
    End,
}

/// One drawing primitive. y grows downwards; units are points.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "shape", rename_all = "lowercase")]
pub enum Shape {
    /// A rectangle, optionally rounded, filled and/or stroked.
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        r: f64,
        fill: Option<&'static str>,
        stroke: Option<&'static str>,
        width: f64,
        dashed: bool,
    },
    /// A straight line.
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &'static str,
        width: f64,
        dashed: bool,
    },
    /// A circle or ellipse.
    Ellipse {
        cx: f64,
        cy: f64,
        rx: f64,
        ry: f64,
        fill: Option<&'static str>,
        stroke: Option<&'static str>,
        width: f64,
    },
    /// A single line of text; y is the baseline.
    Text {
        x: f64,
        y: f64,
        size: f64,
        text: String,
        anchor: Anchor,
        fill: &'static str,
        bold: bool,
    },
}

/// A chart: a canvas of `w` × `h` points with shapes on it.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Figure {
    /// Width in points.
    pub w: f64,
    /// Height in points.
    pub h: f64,
    /// Accessible description.
    pub alt: String,
    /// Shapes in painting order.
    pub shapes: Vec<Shape>,
}

impl Figure {
    /// An empty canvas.
    pub fn new(w: f64, h: f64, alt: impl Into<String>) -> Figure {
        Figure {
            w,
            h,
            alt: alt.into(),
            shapes: Vec::new(),
        }
    }

    /// The figure with every number rounded to 1/100 pt, so that the SVG carries
    /// `400.2`, not `400.20000000000005`.
    pub fn rounded(mut self) -> Figure {
        let r = |v: &mut f64| *v = (*v * 100.0).round() / 100.0;
        r(&mut self.w);
        r(&mut self.h);
        for s in &mut self.shapes {
            match s {
                Shape::Rect {
                    x,
                    y,
                    w,
                    h,
                    r: rad,
                    width,
                    ..
                } => [x, y, w, h, rad, width].into_iter().for_each(r),
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    ..
                } => [x1, y1, x2, y2, width].into_iter().for_each(r),
                Shape::Ellipse {
                    cx,
                    cy,
                    rx,
                    ry,
                    width,
                    ..
                } => [cx, cy, rx, ry, width].into_iter().for_each(r),
                Shape::Text { x, y, size, .. } => [x, y, size].into_iter().for_each(r),
            }
        }
        self
    }

    /// Adds a vertical line from `y1` down to `y2` at `x`, with gaps where it would
    /// cross a text already on the chart (a marker never strikes through a label).
    /// Call it after the texts are placed.
    pub fn vline_around_text(
        &mut self,
        x: f64,
        y1: f64,
        y2: f64,
        stroke: &'static str,
        width: f64,
        dashed: bool,
    ) {
        let pad = 2.0;
        let mut blocked: Vec<(f64, f64)> = self
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text {
                    x: tx,
                    y,
                    size,
                    text,
                    anchor,
                    ..
                } => {
                    let w = text_width(text, *size);
                    let x0 = match anchor {
                        Anchor::Start => *tx,
                        Anchor::Middle => tx - w / 2.0,
                        Anchor::End => tx - w,
                    };
                    (x > x0 - pad && x < x0 + w + pad)
                        .then_some((y - 0.85 * size - pad, y + 0.2 * size + pad))
                }
                _ => None,
            })
            .collect();
        blocked.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut from = y1.min(y2);
        let end = y1.max(y2);
        for (b0, b1) in blocked {
            if b1 <= from || b0 >= end {
                continue;
            }
            if b0 > from + 1.0 {
                self.line(x, from, x, b0, stroke, width, dashed);
            }
            from = from.max(b1);
        }
        if end > from + 1.0 {
            self.line(x, from, x, end, stroke, width, dashed);
        }
    }

    /// Adds a rectangle.
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Option<&'static str>,
        stroke: Option<&'static str>,
        dashed: bool,
    ) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            r: 3.0,
            fill,
            stroke,
            width: 0.8,
            dashed,
        });
    }

    /// Adds a line.
    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &'static str,
        width: f64,
        dashed: bool,
    ) {
        self.shapes.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
            width,
            dashed,
        });
    }

    /// Adds a text.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        text: impl Into<String>,
        anchor: Anchor,
        fill: &'static str,
        bold: bool,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            size,
            text: text.into(),
            anchor,
            fill,
            bold,
        });
    }
}

/// Advance of `text` at `size` points in the compiled-in font (Noto Sans CJK SC, the
/// font the PDF draws with and the HTML asks for first), so that chips, circles and
/// underlines fit their labels exactly.
pub fn text_width(text: &str, size: f64) -> f64 {
    f64::from(crate::text::font::FontFace::default_shared().width(text, size as f32))
}

/// Cuts `text` to fit `max` points, ending with "…".
pub fn fit(text: &str, size: f64, max: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&out, size) + text_width(&format!("{c}…"), size) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Greedy word chips flowed into a box: returns rows of words that fit `w`.
pub fn flow_chips(words: &[String], size: f64, w: f64, gap: f64) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = vec![Vec::new()];
    let mut x = 0.0;
    for word in words {
        let ww = text_width(word, size) + size * 0.9;
        if x > 0.0 && x + ww > w {
            rows.push(Vec::new());
            x = 0.0;
        }
        rows.last_mut()
            .expect("rows is never empty")
            .push(word.clone());
        x += ww + gap;
    }
    rows.retain(|r| !r.is_empty());
    rows
}

/// Splits a label into rows that fit `w`, with the workbook's own line breaker: at
/// spaces, between Chinese characters (never before closing punctuation), and
/// through a word only when the word alone is wider than `w`.
pub fn flow_words(text: &str, size: f64, w: f64) -> Vec<String> {
    let measure = |s: &str| text_width(s, size) as f32;
    crate::text::linebreak::break_lines(text, w as f32, &measure)
        .into_iter()
        .map(|l| text[l.start..l.end].to_string())
        .filter(|r| !r.is_empty())
        .collect()
}
