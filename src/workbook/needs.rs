//! The needs questionnaire section: the top 3 + next 3 of the 20 needs and its chart.

use super::*;

pub(super) fn needs(b: &B, p: &Profile) -> Section {
    let mut blocks = vec![
        para(b.t(
            "下面是 20 项个人需要。第 1 题：圈出下一份工作中最重要的 3 项，在其次重要的 3 项下划线。",
            "Below are 20 personal needs. Question 1: circle the 3 that matter most in your next job and underline the next 3.",
        )),
        Block::Figure { figure: needs_figure(b, p).rounded() },
        Block::Heading { text: format!("2. {}", b.w(&catalog::QUESTIONS[1])) },
    ];
    if p.needs_extra.is_empty() {
        blocks.push(Block::Prompt {
            question: String::new(),
            answer: vec![],
            lines: 2,
        });
    } else {
        blocks.push(Block::Bullets {
            items: p.needs_extra.clone(),
        });
    }
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

pub(super) fn needs_figure(b: &B, p: &Profile) -> Figure {
    let cols = 4;
    let (cw, ch) = (FIG_W / cols as f64, 34.0);
    let rows = catalog::NEEDS.len().div_ceil(cols);
    let mut f = Figure::new(
        FIG_W,
        rows as f64 * ch + 26.0,
        b.t(
            "20 项需要，最重要的 3 项圈出，其次 3 项划线",
            "The 20 needs: top 3 circled, next 3 underlined",
        ),
    );
    for (i, need) in catalog::NEEDS.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let x = c as f64 * cw + cw / 2.0;
        let y = r as f64 * ch + 22.0;
        let word = b.w(need);
        let mut size: f64 = 10.0;
        while approx_width(&word, size) > cw - 34.0 && size > 7.5 {
            size -= 0.5;
        }
        let label = fit(&word, size, cw - 34.0);
        let top = p.needs_top.iter().position(|n| n.id == need.id);
        let next = p.needs_next.iter().position(|n| n.id == need.id);
        let lw = approx_width(&label, size);
        match (top, next) {
            (Some(k), _) => {
                f.shapes.push(Shape::Ellipse {
                    cx: x,
                    cy: y - 3.5,
                    rx: lw / 2.0 + 12.0,
                    ry: 12.0,
                    fill: Some(color::PALE),
                    stroke: Some(color::ACCENT),
                    width: 1.4,
                });
                f.text(x, y, size, label, Anchor::Middle, color::ACCENT, true);
                f.text(
                    x - lw / 2.0 - 14.0,
                    y - 10.0,
                    8.0,
                    format!("{}", k + 1),
                    Anchor::End,
                    color::ACCENT,
                    true,
                );
            }
            (None, Some(k)) => {
                f.text(x, y, size, label, Anchor::Middle, color::INK, true);
                f.line(
                    x - lw / 2.0,
                    y + 3.5,
                    x + lw / 2.0,
                    y + 3.5,
                    color::WARM,
                    1.4,
                    false,
                );
                f.text(
                    x - lw / 2.0 - 6.0,
                    y - 8.0,
                    8.0,
                    format!("{}", k + 4),
                    Anchor::End,
                    color::WARM,
                    true,
                );
            }
            _ => f.text(x, y, size, label, Anchor::Middle, color::INK, false),
        }
    }
    let ly = rows as f64 * ch + 18.0;
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
    f
}
