//! The overview's two charts, as inline SVG figures: ladder positions by department
//! (suppressed cells drawn together, so their sizes cannot be told apart) and the
//! most chosen needs.

use super::cells::{NeedCount, Positions};
use crate::base::locale::Locale;
use crate::workbook::figure::{color, fit, Anchor, Figure};

pub(super) fn position_chart(rows: &[Positions], loc: Locale) -> Figure {
    let rows: Vec<&Positions> = rows.iter().take(30).collect();
    let bar_h = 16.0;
    let mut f = Figure::new(
        640.0,
        34.0 + rows.len() as f64 * (bar_h + 8.0),
        "Ladder positions by department",
    );
    let (left, width) = (150.0, 470.0);
    let legend = [
        ("领先 ahead", color::ACCENT),
        ("正常 on track", "#8fb3de"),
        ("落后 behind", color::WARM),
        ("未知 unknown", color::RULE),
        ("不显示 suppressed", color::PALE),
    ];
    for (i, (label, c)) in legend.iter().enumerate() {
        let x = left + i as f64 * 94.0;
        f.rect(x, 4.0, 10.0, 10.0, Some(c), None, false);
        f.text(
            x + 14.0,
            13.0,
            9.0,
            // the labels are in both languages; zh-TW gets Traditional characters
            if loc == Locale::ZhTw {
                crate::text::zhtw::convert_static(label)
            } else {
                label
            },
            Anchor::Start,
            color::MUTED,
            false,
        );
    }
    for (r, p) in rows.iter().enumerate() {
        let y = 26.0 + r as f64 * (bar_h + 8.0);
        let total = p.people.max(1) as f64;
        let shown: usize = [p.ahead, p.on_track, p.behind, p.unknown]
            .iter()
            .flatten()
            .sum();
        f.text(
            left - 8.0,
            y + 12.0,
            10.0,
            fit(&p.department, 10.0, left - 12.0),
            Anchor::End,
            color::INK,
            false,
        );
        let mut x = left;
        // suppressed cells are drawn together, so their sizes cannot be told apart
        for (n, c) in [
            (p.ahead.unwrap_or(0), color::ACCENT),
            (p.on_track.unwrap_or(0), "#8fb3de"),
            (p.behind.unwrap_or(0), color::WARM),
            (p.unknown.unwrap_or(0), color::RULE),
            (p.people - shown, color::PALE),
        ] {
            if n == 0 {
                continue;
            }
            let w = width * n as f64 / total;
            f.rect(x, y, w, bar_h, Some(c), None, false);
            if w > 18.0 && c != color::PALE {
                f.text(
                    x + w / 2.0,
                    y + 12.0,
                    9.0,
                    n.to_string(),
                    Anchor::Middle,
                    color::WHITE,
                    true,
                );
            }
            x += w;
        }
    }
    f
}

pub(super) fn needs_chart(rows: &[NeedCount]) -> Figure {
    let rows: Vec<&NeedCount> = rows.iter().take(10).collect();
    let bar_h = 14.0;
    let mut f = Figure::new(
        640.0,
        10.0 + rows.len() as f64 * (bar_h + 8.0),
        "Most chosen needs",
    );
    let max = rows
        .iter()
        .map(|r| r.top.unwrap_or(0) + r.next.unwrap_or(0))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let (left, width) = (190.0, 400.0);
    for (i, r) in rows.iter().enumerate() {
        let y = 6.0 + i as f64 * (bar_h + 8.0);
        f.text(
            left - 8.0,
            y + 11.0,
            10.0,
            fit(&r.label, 10.0, left - 12.0),
            Anchor::End,
            color::INK,
            false,
        );
        let wt = width * r.top.unwrap_or(0) as f64 / max;
        let wn = width * r.next.unwrap_or(0) as f64 / max;
        f.rect(
            left,
            y,
            wt.max(0.5),
            bar_h,
            Some(color::ACCENT),
            None,
            false,
        );
        f.rect(
            left + wt,
            y,
            wn.max(0.5),
            bar_h,
            Some("#8fb3de"),
            None,
            false,
        );
        f.text(
            left + wt + wn + 6.0,
            y + 11.0,
            9.0,
            format!(
                "{} + {}",
                r.top.map_or("—".to_string(), |n| n.to_string()),
                r.next.map_or("—".to_string(), |n| n.to_string())
            ),
            Anchor::Start,
            color::MUTED,
            false,
        );
    }
    f
}
