//! The ladder chart: the ladders as steps by typical age, the person's rung and
//! target, and a legend when step titles do not fit inside their steps.

use super::{Words, FIG_W};
use crate::analysis::Analysis;
use crate::profile::ladder::Ladder;
use crate::workbook::figure::{color, flow_words, text_width, Anchor, Figure, Shape};

pub(super) fn ladder_figure(
    b: &Words,
    shown: &[&Ladder],
    a: &Analysis,
    own: Option<&Ladder>,
) -> Figure {
    let min_age = shown
        .iter()
        .filter_map(|l| l.rungs.first())
        .map(|r| r.typical_age)
        .min()
        .unwrap_or(25)
        .min(25) as f64;
    let max_age = shown
        .iter()
        .map(|l| l.open_age())
        .max()
        .unwrap_or(45)
        .max(45) as f64;
    let (left, right) = (92.0, FIG_W - 6.0);
    let step_h = 17.0;
    let band = 112.0;
    let axis_y = 24.0 + band * shown.len() as f64;
    let xat = |age: f64| left + (age - min_age) / (max_age + 5.0 - min_age) * (right - left);
    // every step's title inside its step (9 pt down to 7 pt, wrapped), or, when one
    // does not fit, the ladder's steps are numbered and the titles listed below
    let steps = |l: &Ladder| {
        let n = l.rungs.len() + 1;
        let sh = (band - 22.0).min(step_h * n as f64) / n as f64;
        let labels: Vec<Option<(f64, Vec<String>)>> = l
            .rungs
            .iter()
            .enumerate()
            .map(|(ri, r)| {
                let x = xat(r.typical_age as f64);
                let nx = l
                    .rungs
                    .get(ri + 1)
                    .map_or(xat(l.open_age() as f64), |nr| xat(nr.typical_age as f64));
                let (avail, h) = (nx - x - 10.0, sh * (ri as f64 + 1.0));
                [9.0, 8.0, 7.0].iter().find_map(|sz| {
                    let lines = flow_words(r.title.get(b.loc), *sz, avail);
                    // whole words only: a Latin word is never split across lines
                    let words_fit = r
                        .title
                        .get(b.loc)
                        .split_whitespace()
                        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
                        .all(|w| text_width(w, *sz) <= avail);
                    let fits = words_fit
                        && lines.len() as f64 * (sz + 1.5) <= h - 4.0
                        && lines.iter().all(|l| text_width(l, *sz) <= avail)
                        && lines.len() <= 3;
                    fits.then_some((*sz, lines))
                })
            })
            .collect();
        let inside = labels.iter().all(Option::is_some);
        (sh, inside.then_some(labels))
    };
    // the legend of numbered ladders: (ladder name, [(number, title · age, role)])
    let numbered: Vec<&Ladder> = shown
        .iter()
        .copied()
        .filter(|l| steps(l).1.is_none())
        .collect();
    let legend_size = 8.5;
    let legend_col = (FIG_W - 12.0) / 2.0;
    let legend_rows: f64 = numbered
        .iter()
        .map(|l| {
            let entries: Vec<usize> = l
                .rungs
                .iter()
                .map(|r| flow_words(&legend_entry(b, r), legend_size, legend_col - 18.0).len())
                .collect();
            // two columns: the taller column counts
            let half = entries.len().div_ceil(2);
            let a: usize = entries[..half].iter().sum();
            let c: usize = entries[half..].iter().sum();
            1.0 + a.max(c) as f64
        })
        .sum();
    let legend_top = axis_y + 56.0;
    let legend_h = if numbered.is_empty() {
        0.0
    } else {
        legend_rows * (legend_size + 4.0) + 8.0 * numbered.len() as f64
    };
    let mut f = Figure::new(
        FIG_W,
        axis_y
            + 48.0
            + if numbered.is_empty() {
                0.0
            } else {
                legend_h + 12.0
            },
        b.t(
            "两条职业阶梯与典型年龄",
            "The two career ladders by typical age",
        ),
    );
    // age axis
    f.line(left, axis_y, right, axis_y, color::MUTED, 0.8, false);
    // ticks at round ages, whatever age the first rung has
    let mut age = (min_age / 5.0).ceil() * 5.0;
    while age <= max_age {
        let x = xat(age);
        f.line(x, axis_y - 3.0, x, axis_y + 3.0, color::MUTED, 0.8, false);
        f.text(
            x,
            axis_y + 14.0,
            8.5,
            b.loc.pick(format!("{age} 岁"), format!("{age}")),
            Anchor::Middle,
            color::MUTED,
            false,
        );
        age += 5.0;
    }
    f.text(
        right,
        axis_y + 28.0,
        8.0,
        b.t("典型年龄", "typical age"),
        Anchor::End,
        color::MUTED,
        false,
    );
    let pos = a.ladder.as_ref();
    // the "you are here" and target marker lines: (x, from, to, width)
    let mut markers: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (li, l) in shown.iter().enumerate() {
        let base = 24.0 + band * (li as f64 + 1.0) - 8.0;
        let is_own = own.is_some_and(|o| o.id == l.id);
        // the ladder's name at the left, wrapped (smaller when it needs more than
        // three rows), never cut
        let (name_size, name_rows) = [10.5, 9.5, 8.5]
            .iter()
            .map(|sz| (*sz, flow_words(l.name.get(b.loc), *sz, left - 8.0)))
            .find(|(_, rows)| rows.len() <= 3)
            .unwrap_or_else(|| (8.5, flow_words(l.name.get(b.loc), 8.5, left - 8.0)));
        let name_top = base - band / 2.0 + 10.0 - (name_rows.len() as f64 - 1.0) * 5.0;
        for (k, row) in name_rows.iter().enumerate() {
            f.text(
                0.0,
                name_top + k as f64 * (name_size + 2.5),
                name_size,
                row.clone(),
                Anchor::Start,
                if is_own { color::ACCENT } else { color::INK },
                true,
            );
        }
        let n = l.rungs.len() + 1;
        let (sh, labels) = steps(l);
        for (ri, r) in l.rungs.iter().enumerate() {
            let x = xat(r.typical_age as f64);
            let nx = l
                .rungs
                .get(ri + 1)
                .map_or(xat(l.open_age() as f64), |nr| xat(nr.typical_age as f64));
            let h = sh * (ri as f64 + 1.0);
            let current = is_own && pos.and_then(|p| p.level.as_ref()) == Some(&r.id);
            let target = is_own && pos.and_then(|p| p.target_level.as_ref()) == Some(&r.id);
            let fill = if current {
                color::ACCENT
            } else if target {
                color::PALE
            } else {
                color::PALER
            };
            f.shapes.push(Shape::Rect {
                x: x + 1.0,
                y: base - h,
                w: nx - x - 2.0,
                h,
                r: 2.0,
                fill: Some(fill),
                stroke: Some(if target { color::WARM } else { color::RULE }),
                width: if target { 1.4 } else { 0.6 },
                dashed: false,
            });
            // the title inside its step, or the step's number (titles in the legend)
            let (size, lines) = match &labels {
                Some(labels) => labels[ri].clone().unwrap_or((7.0, Vec::new())),
                None => (8.0, vec![format!("{}", ri + 1)]),
            };
            for (k, line) in lines.iter().enumerate() {
                f.text(
                    x + 5.0,
                    base - h + 3.0 + size + k as f64 * (size + 1.5),
                    size,
                    line.clone(),
                    Anchor::Start,
                    if current { color::WHITE } else { color::INK },
                    current || target,
                );
            }
        }
        // the open step
        let x = xat(l.open_age() as f64);
        let h = sh * n as f64;
        f.shapes.push(Shape::Rect {
            x: x + 1.0,
            y: base - h,
            w: xat(max_age + 5.0) - x - 2.0,
            h,
            r: 2.0,
            fill: None,
            stroke: Some(color::MUTED),
            width: 0.8,
            dashed: true,
        });
        // "yours to set", wrapped to the open step's width
        let open_w = xat(max_age + 5.0) - x - 10.0;
        for (k, line) in flow_words(b.t("由你来定", "yours to set").as_str(), 9.0, open_w)
            .into_iter()
            .enumerate()
        {
            f.text(
                x + 5.0,
                base - h + 12.0 + k as f64 * 11.0,
                9.0,
                line,
                Anchor::Start,
                color::MUTED,
                false,
            );
        }
        // markers
        if is_own {
            if let Some(p) = pos {
                if let Some(age) = p.age {
                    let x = xat((age as f64).clamp(min_age - 2.0, max_age + 4.0));
                    // drawn once every label is placed, with gaps around them
                    markers.push((x, base - band + 30.0, axis_y, 1.0));
                    f.shapes.push(Shape::Ellipse {
                        cx: x,
                        cy: axis_y,
                        rx: 4.0,
                        ry: 4.0,
                        fill: Some(color::WARM),
                        stroke: None,
                        width: 0.0,
                    });
                    f.text(
                        x,
                        base - band + 26.0,
                        8.5,
                        b.loc.pick(
                            format!("你在这里 · {age} 岁"),
                            format!("you are here · {age}"),
                        ),
                        Anchor::Middle,
                        color::WARM,
                        true,
                    );
                }
                if let (Some(tage), Some(tl)) = (p.target_age, p.target_level.as_ref()) {
                    let x = xat((tage as f64).clamp(min_age, max_age + 4.0));
                    let title = l
                        .rungs
                        .iter()
                        .find(|r| &r.id == tl)
                        .map(|r| r.title.get(b.loc).to_string())
                        .unwrap_or_default();
                    f.shapes.push(Shape::Ellipse {
                        cx: x,
                        cy: base + 2.0,
                        rx: 3.5,
                        ry: 3.5,
                        fill: None,
                        stroke: Some(color::WARM),
                        width: 1.4,
                    });
                    // on the lowest ladder the label goes below the age ticks, never on them
                    let last = li + 1 == shown.len();
                    let label_y = if last { axis_y + 40.0 } else { base + 14.0 };
                    if last {
                        markers.push((x, base + 6.0, axis_y + 4.0, 0.6));
                    }
                    // centred under the mark, or held inside the figure when long
                    let label = b.loc.pick(
                        format!("目标：{title} · {tage} 岁"),
                        format!("target: {title} · {tage}"),
                    );
                    let half = text_width(&label, 8.0) / 2.0;
                    let (lx, anchor) = if x + half > FIG_W {
                        (FIG_W, Anchor::End)
                    } else if x - half < 0.0 {
                        (0.0, Anchor::Start)
                    } else {
                        (x, Anchor::Middle)
                    };
                    f.text(lx, label_y, 8.0, label, anchor, color::WARM, false);
                }
            }
        }
    }
    for (x, y1, y2, width) in markers {
        f.vline_around_text(x, y1, y2, color::WARM, width, true);
    }
    // the legend of numbered ladders, in two columns
    let mut y = legend_top;
    for l in &numbered {
        let is_own = own.is_some_and(|o| o.id == l.id);
        f.text(
            0.0,
            y,
            legend_size,
            b.loc.pick(
                format!("{}：各级名称", l.name.zh),
                format!("{}: the rungs", l.name.en),
            ),
            Anchor::Start,
            color::MUTED,
            true,
        );
        y += legend_size + 4.0;
        let half = l.rungs.len().div_ceil(2);
        let mut bottom = y;
        for (c, chunk) in [&l.rungs[..half], &l.rungs[half..]].iter().enumerate() {
            let mut cy = y;
            for (k, r) in chunk.iter().enumerate() {
                let number = c * half + k + 1;
                let current = is_own && pos.and_then(|p| p.level.as_ref()) == Some(&r.id);
                let target = is_own && pos.and_then(|p| p.target_level.as_ref()) == Some(&r.id);
                let ink = if current {
                    color::ACCENT
                } else if target {
                    color::WARM
                } else {
                    color::INK
                };
                let x = c as f64 * (legend_col + 12.0);
                f.text(
                    x + 10.0,
                    cy,
                    legend_size,
                    format!("{number}"),
                    Anchor::End,
                    ink,
                    true,
                );
                for line in flow_words(&legend_entry(b, r), legend_size, legend_col - 18.0) {
                    f.text(
                        x + 16.0,
                        cy,
                        legend_size,
                        line,
                        Anchor::Start,
                        ink,
                        current || target,
                    );
                    cy += legend_size + 4.0;
                }
            }
            bottom = bottom.max(cy);
        }
        y = bottom + 8.0;
    }
    f
}

/// A rung in the legend: its title and typical age.
fn legend_entry(b: &Words, r: &crate::profile::ladder::Rung) -> String {
    b.loc.pick(
        // no-break spaces: the age never goes alone onto a line of its own
        format!("{}\u{a0}·\u{a0}{}\u{a0}岁", r.title.zh, r.typical_age),
        format!("{}\u{a0}·\u{a0}{}", r.title.en, r.typical_age),
    )
}
