//! The needs questionnaire section: the top 3 + next 3 of the 20 needs and its chart.

use super::{para, section, Block, Section, Words, FIG_W};
use crate::profile::catalog;
use crate::profile::model::Profile;
use crate::workbook::figure::{color, fit, text_width, Anchor, Figure, Shape};

pub(super) fn needs(b: &Words, p: &Profile) -> Section {
    let mut blocks = vec![
        para(b.t(
            "下面是 20 项个人需要。第 1 题：圈出下一份工作中最重要的 3 项，在其次重要的 3 项下划线。",
            "Below are 20 personal needs. Question 1: circle the 3 that matter most in your next job and underline the next 3.",
        )),
        Block::Figure { figure: needs_figure(b, p).rounded() },
    ];
    // question 2 is a question like the others (same size), answered by the extras
    blocks.push(Block::Prompt {
        question: format!("2. {}", b.w(&catalog::QUESTIONS[1])),
        answer: p.needs_extra.iter().map(|s| format!("• {s}")).collect(),
        lines: 2,
    });
    for (n, q) in catalog::QUESTIONS.iter().enumerate().skip(2) {
        let question = format!("{}. {}", n + 1, b.w(q));
        let (answer, lines) = match q.id {
            "activities" => (p.activities.clone(), 5),
            "skills_to_develop" => (p.skills_to_develop.clone(), 3),
            id => (
                p.answer(id)
                    .map(|s| vec![s.to_string()])
                    .unwrap_or_default(),
                3,
            ),
        };
        let as_list = matches!(q.id, "activities" | "skills_to_develop");
        let answer = if as_list {
            answer.iter().map(|s| format!("• {s}")).collect()
        } else {
            answer
        };
        blocks.push(Block::Prompt {
            question,
            answer,
            lines,
        });
    }
    if !p.activities.is_empty() && p.activities.len() < 4 {
        blocks.push(Block::Note {
            text: b.t(
                "第 6 题要求至少 4 项活动，请补足。",
                "Question 6 asks for at least 4 activities: add more.",
            ),
        });
    }
    section(
        b,
        "needs",
        "需要与八个问题",
        "Needs and the eight questions",
        blocks,
    )
}

/// Columns of the grid of needs, the height of its rows, and the baseline of its
/// first row.
const COLS: usize = 4;
const ROW_H: f64 = 34.0;
const FIRST_BASELINE: f64 = 22.0;
/// Size of a need's name, and the room it leaves in its cell for the ring and
/// the rank beside it.
const LABEL_SIZE: f64 = 10.0;
const LABEL_MARGIN: f64 = 26.0;
/// Baseline of the legend, and the figure's foot, below the last row.
const LEGEND_BELOW: f64 = 18.0;
const FOOT_BELOW: f64 = 26.0;

/// The 20 needs in a grid, the top three circled and numbered 1–3, the next three
/// underlined and numbered 4–6, and a legend.
pub(super) fn needs_figure(b: &Words, p: &Profile) -> Figure {
    let cw = FIG_W / COLS as f64;
    let rows = catalog::NEEDS.len().div_ceil(COLS);
    let mut f = Figure::new(
        FIG_W,
        rows as f64 * ROW_H + FOOT_BELOW,
        b.t(
            "20 项需要，最重要的 3 项圈出，其次 3 项划线",
            "The 20 needs: top 3 circled, next 3 underlined",
        ),
    );
    for (i, need) in catalog::NEEDS.iter().enumerate() {
        let (c, r) = (i % COLS, i / COLS);
        let x = c as f64 * cw + cw / 2.0;
        let y = r as f64 * ROW_H + FIRST_BASELINE;
        let top = p.needs_top.iter().position(|n| n.id == need.id);
        let next = p.needs_next.iter().position(|n| n.id == need.id);
        need_cell(&mut f, &b.w(need), (x, y), cw, (top, next));
    }
    legend(&mut f, b, rows as f64 * ROW_H + LEGEND_BELOW);
    f
}

/// One need's name centred at (x, y) in a cell `cw` wide; `rank` is its place among
/// the top three and among the next three, if any: the top ones ringed and
/// numbered, the next ones underlined and numbered.
fn need_cell(
    f: &mut Figure,
    name: &str,
    (x, y): (f64, f64),
    cw: f64,
    rank: (Option<usize>, Option<usize>),
) {
    // one size for every need; a name too long for its cell wraps onto two lines
    let size = LABEL_SIZE;
    let lines = label_lines(name, size, cw - LABEL_MARGIN);
    let lw = lines
        .iter()
        .map(|l| text_width(l, size))
        .fold(0.0, f64::max);
    let two = lines.len() > 1;
    // baselines: one line at y, two lines around it
    let base = |k: usize| if two { y - 5.5 + k as f64 * 12.0 } else { y };
    let last = base(lines.len() - 1);
    let (top, next) = rank;
    let (ink, bold) = match (top, next) {
        (Some(_), _) => (color::ACCENT, true),
        (None, Some(_)) => (color::INK, true),
        _ => (color::INK, false),
    };
    let ry = if two { 16.0 } else { 12.0 };
    let cy = if two { y - 3.0 } else { y - 3.5 };
    if let Some(k) = top {
        f.shapes.push(Shape::Ellipse {
            cx: x,
            cy,
            rx: lw / 2.0 + 12.0,
            ry,
            fill: Some(color::PALE),
            stroke: Some(color::ACCENT),
            width: 1.4,
        });
        f.text(
            x - lw / 2.0 - 14.0,
            cy - ry + 2.0,
            8.0,
            format!("{}", k + 1),
            Anchor::End,
            color::ACCENT,
            true,
        );
    }
    for (k, line) in lines.iter().enumerate() {
        f.text(x, base(k), size, line.clone(), Anchor::Middle, ink, bold);
    }
    if let (None, Some(k)) = (top, next) {
        let uw = text_width(&lines[lines.len() - 1], size);
        f.line(
            x - uw / 2.0,
            last + 3.5,
            x + uw / 2.0,
            last + 3.5,
            color::WARM,
            1.4,
            false,
        );
        f.text(
            x - lw / 2.0 - 6.0,
            base(0) - 8.0,
            8.0,
            format!("{}", k + 4),
            Anchor::End,
            color::WARM,
            true,
        );
    }
}

/// The legend at baseline `ly`: a ring for the top three, a line for the next three.
fn legend(f: &mut Figure, b: &Words, ly: f64) {
    f.shapes.push(Shape::Ellipse {
        cx: 10.0,
        cy: ly - 3.0,
        rx: 8.0,
        ry: 6.0,
        fill: Some(color::PALE),
        stroke: Some(color::ACCENT),
        width: 1.2,
    });
    f.text(
        24.0,
        ly,
        8.5,
        b.t("最重要的 3 项（1–3）", "most important 3 (1–3)"),
        Anchor::Start,
        color::MUTED,
        false,
    );
    f.line(180.0, ly + 2.0, 196.0, ly + 2.0, color::WARM, 1.4, false);
    f.text(
        202.0,
        ly,
        8.5,
        b.t("其次重要的 3 项（4–6）", "next 3 (4–6)"),
        Anchor::Start,
        color::MUTED,
        false,
    );
}

/// A need's name as one line, or as two balanced lines (split at a space, or between
/// two Chinese characters) when one line is wider than `max`; cut with "…" only when
/// even two lines cannot hold it.
fn label_lines(word: &str, size: f64, max: f64) -> Vec<String> {
    if text_width(word, size) <= max {
        return vec![word.to_string()];
    }
    // split at a space, or (Chinese) between two characters
    let spaces: Vec<(usize, usize)> = word.match_indices(' ').map(|(i, _)| (i, i + 1)).collect();
    let places = if spaces.is_empty() {
        word.char_indices().skip(1).map(|(i, _)| (i, i)).collect()
    } else {
        spaces
    };
    let best = places
        .into_iter()
        .map(|(i, j)| {
            let (a, b) = (&word[..i], &word[j..]);
            (text_width(a, size).max(text_width(b, size)), i, j)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((w, i, j)) if w <= max => vec![word[..i].to_string(), word[j..].to_string()],
        _ => vec![fit(word, size, max)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::locale::Locale;

    #[test]
    fn long_need_names_wrap_at_one_size_instead_of_shrinking() {
        assert_eq!(label_lines("money", 10.0, 94.0), vec!["money"]);
        let two = label_lines("educational facilities extra", 10.0, 94.0);
        assert_eq!(two.len(), 2);
        assert!(two.iter().all(|l| text_width(l, 10.0) <= 94.0), "{two:?}");
        assert_eq!(two.join(" "), "educational facilities extra");
        let zh = label_lines("与家庭在一起的时间时间", 10.0, 94.0);
        assert_eq!(zh.len(), 2);
        assert_eq!(zh.concat(), "与家庭在一起的时间时间");
        // every catalogue need fits its cell in both languages without a cut
        for need in catalog::NEEDS {
            for loc in [Locale::Zh, Locale::En] {
                let lines = label_lines(need.label(loc), 10.0, FIG_W / 4.0 - 26.0);
                assert!(lines.iter().all(|l| !l.ends_with('…')), "{lines:?}");
            }
        }
    }
}
