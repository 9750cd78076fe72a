//! Workbook blocks (paragraphs, headings, lists, facts, prompts, grids) laid out on the
//! page, with the heights used to keep a block with its heading.

use super::figure::draw_figure;
use super::table::{keeps_together, table, table_heights};
use super::{rgb, Cmd, Flow, BODY, SMALL, TICK};
use crate::workbook::figure::color;
use crate::workbook::figure::Figure;
use crate::workbook::{Block, Check, Rating, Stat};

/// Height a block needs at its start (for keeping headings with what follows).
pub(super) fn lead_height(l: &Flow, block: Option<&Block>) -> f32 {
    match block {
        Some(Block::Figure { figure }) => {
            figure.h as f32 * (l.width() / figure.w as f32).min(1.0) + 12.0
        }
        Some(Block::Table {
            header,
            rows,
            widths,
        }) => {
            let (head, heights) = table_heights(l, header, rows, widths);
            let total = head + heights.iter().sum::<f32>();
            if keeps_together(l, rows.len(), total) {
                total
            } else {
                head + heights.iter().take(3).sum::<f32>()
            }
        }
        Some(Block::Facts { rows }) => facts_height(l, rows).min(l.full() * 0.5),
        Some(_) => Flow::line_h(BODY) * 3.0,
        None => 0.0,
    }
}

/// Lays out one block where the flow stands, by its kind; `next` is the block after
/// it (a heading keeps with its start, a chart with the note that explains it).
pub(super) fn render_block(l: &mut Flow, block: &Block, next: Option<&Block>) {
    match block {
        Block::Paragraph { text } => paragraph(l, text),
        Block::Heading { text } => heading(l, text, next),
        Block::Note { text } => note(l, text),
        Block::Bullets { items } => bullets(l, items),
        Block::Facts { rows } => facts(l, rows),
        Block::Stats { items } => stats(l, items),
        Block::Table {
            header,
            rows,
            widths,
        } => table(l, header, rows, widths),
        Block::Ratings { low, high, items } => ratings(l, low, high, items),
        Block::Grid { items, columns } => grid(l, items, *columns),
        Block::Checklist { items } => checklist(l, items),
        Block::Prompt {
            question,
            answer,
            lines,
        } => prompt(l, question, answer, *lines),
        Block::Figure { figure } => figure_block(l, figure, next),
    }
}

/// A filled rectangle without a stroke.
fn fill_rect(l: &mut Flow, (x, y): (f32, f32), (w, h): (f32, f32), fill: &str) {
    l.push(Cmd::Rect {
        x,
        y,
        w,
        h,
        fill: Some(rgb(fill)),
        stroke: None,
        width: 0.0,
        dashed: false,
    });
}

/// A horizontal rule across the text width at `y`.
fn rule(l: &mut Flow, y: f32, color: &str, width: f32) {
    let (x, w) = (l.left(), l.width());
    l.push(Cmd::Line {
        x1: x,
        y1: y,
        x2: x + w,
        y2: y,
        color: rgb(color),
        width,
        dashed: false,
    });
}

/// A paragraph, with widow and orphan control.
fn paragraph(l: &mut Flow, text: &str) {
    let (x, w) = (l.left(), l.width());
    l.flow(text, x, w, BODY, color::INK, false);
    l.y += 6.0;
}

/// A sub-heading, kept on one page with the start of the block after it.
fn heading(l: &mut Flow, text: &str, next: Option<&Block>) {
    let (x, w) = (l.left(), l.width());
    let lines = l.wrap(text, 12.5, w);
    let lead = l.chain.take().unwrap_or_else(|| lead_height(l, next));
    l.ensure(lines.len() as f32 * 20.0 + 8.0 + lead);
    l.y += 8.0;
    l.flow(text, x, w, 12.5, color::INK, true);
    l.y += 2.0;
}

/// A highlighted remark: a pale box with an accent bar at its left, one box per page
/// it spans.
fn note(l: &mut Flow, text: &str) {
    let (x, w) = (l.left(), l.width());
    let size = BODY - 0.5;
    let lines = l.wrap(text, size, w - 24.0);
    let lh = Flow::line_h(size);
    // a note of a few lines is not split over two pages
    let whole = lines.len() as f32 * lh + 12.0;
    if whole <= l.full() / 3.0 {
        l.ensure(whole);
    }
    let mut i = 0;
    while i < lines.len() {
        l.ensure(lh + 12.0);
        let fit = (((l.room() - 12.0) / lh).floor() as usize)
            .max(1)
            .min(lines.len() - i);
        let top = l.y;
        let h = fit as f32 * lh + 12.0;
        fill_rect(l, (x, top), (w, h), color::PALE);
        fill_rect(l, (x, top), (3.0, h), color::ACCENT);
        for (k, line) in lines[i..i + fit].iter().enumerate() {
            l.text(
                x + 14.0,
                top + 6.0 + k as f32 * lh + size * 1.05,
                size,
                line,
                color::INK,
                false,
            );
        }
        l.y = top + h;
        i += fit;
    }
    l.y += 8.0;
}

/// A bulleted list; an item's first two lines stay together.
fn bullets(l: &mut Flow, items: &[String]) {
    let (x, w) = (l.left(), l.width());
    for item in items {
        let first = l.wrap(item, BODY, w - 16.0).len().min(2) as f32;
        l.ensure(first * Flow::line_h(BODY));
        let base = l.y + BODY * 1.05;
        l.text(x + 3.0, base, BODY, "•", color::ACCENT, true);
        l.flow(item, x + 16.0, w - 16.0, BODY, color::INK, false);
        l.y += 2.0;
    }
    l.y += 4.0;
}

/// Width of the label column of a key–value group.
fn facts_label_w(w: f32) -> f32 {
    (w * 0.26).min(130.0)
}

/// Label / value pairs, each under a rule; a group that fits on a page stays on one.
fn facts(l: &mut Flow, rows: &[(String, String)]) {
    // a key–value group stays together when it fits on a page
    let total = facts_height(l, rows);
    if total <= l.full() {
        l.ensure(total);
    }
    for (label, value) in rows {
        fact(l, label, value);
    }
    l.y += 8.0;
}

/// One label / value pair; a long value continues on the next page.
fn fact(l: &mut Flow, label: &str, value: &str) {
    let (x, w) = (l.left(), l.width());
    let label_w = facts_label_w(w);
    let llines = l.wrap(label, SMALL, label_w - 8.0);
    let vlines = if value.is_empty() {
        vec![]
    } else {
        l.wrap(value, BODY, w - label_w)
    };
    let lh = Flow::line_h(BODY);
    let h = (llines.len().max(vlines.len()).max(1) as f32 * lh).max(24.0) + 6.0;
    if h <= l.full() {
        l.ensure(h);
    }
    let top = l.y;
    for (k, line) in llines.iter().enumerate() {
        l.text(
            x,
            top + 3.0 + k as f32 * lh + BODY * 1.05,
            SMALL,
            line,
            color::MUTED,
            false,
        );
    }
    let mut y = top + 3.0;
    for line in &vlines {
        if y + lh > l.bottom() {
            l.new_page();
            y = l.y;
        }
        l.text(x + label_w, y + BODY * 1.05, BODY, line, color::INK, false);
        y += lh;
    }
    l.y = (y + 3.0).max(top + h).min(l.bottom());
    if vlines.is_empty() {
        l.y = top + h;
    }
    rule(l, l.y, color::RULE, 0.5);
}

/// Big figures side by side, each in a pale box with its caption below.
fn stats(l: &mut Flow, items: &[Stat]) {
    let (x, w) = (l.left(), l.width());
    let n = items.len().max(1);
    let gap = 10.0;
    let bw = (w - gap * (n as f32 - 1.0)) / n as f32;
    let labels: Vec<Vec<&str>> = items
        .iter()
        .map(|s| l.wrap(&s.label, 8.5, bw - 16.0))
        .collect();
    let values: Vec<Vec<&str>> = items
        .iter()
        .map(|s| l.wrap(&s.value, 18.0, bw - 16.0))
        .collect();
    let h = values.iter().map(Vec::len).max().unwrap_or(1) as f32 * 22.0
        + labels.iter().map(Vec::len).max().unwrap_or(1) as f32 * 12.5
        + 18.0;
    l.ensure(h + 6.0);
    let top = l.y;
    for (i, (v, lab)) in values.iter().zip(&labels).enumerate() {
        let bx = x + i as f32 * (bw + gap);
        fill_rect(l, (bx, top), (bw, h), color::PALER);
        let mut y = top + 6.0;
        for line in v {
            y += 22.0;
            l.text(bx + 8.0, y - 3.0, 18.0, line, color::ACCENT, true);
        }
        y += 4.0;
        for line in lab {
            y += 12.5;
            l.text(bx + 8.0, y - 2.0, 8.5, line, color::MUTED, false);
        }
    }
    l.y = top + h + 10.0;
}

/// Width of each of the five tick-box columns of a rating scale.
const RATING_BOX_W: f32 = 26.0;

/// 1–5 ratings: the scale's numbers, one row of five tick boxes per item, and the
/// end labels below.
fn ratings(l: &mut Flow, low: &str, high: &str, items: &[Rating]) {
    let (x, w) = (l.left(), l.width());
    let label_w = w - RATING_BOX_W * 5.0;
    let lh = Flow::line_h(BODY);
    l.ensure(20.0 + lh * 2.0);
    let y = l.y + 12.0;
    for n in 1..=5 {
        let cx = x + label_w + RATING_BOX_W * (n as f32 - 0.5);
        let s = n.to_string();
        let sw = l.font.width(&s, SMALL);
        l.text(cx - sw / 2.0, y, SMALL, &s, color::MUTED, true);
    }
    l.y += 18.0;
    for r in items {
        rating(l, r, label_w);
    }
    l.y += 4.0;
    let legend = format!("1 = {low}    5 = {high}");
    l.ensure(14.0);
    l.y += 11.0;
    l.text(x + label_w, l.y, 8.0, &legend, color::MUTED, false);
    l.y += 10.0;
}

/// One rated item: its label, five tick boxes (the rating ticked), a rule below.
fn rating(l: &mut Flow, r: &Rating, label_w: f32) {
    let x = l.left();
    let lh = Flow::line_h(BODY);
    let lines = l.wrap(&r.label, BODY, label_w - 10.0);
    let h = lines.len() as f32 * lh + 6.0;
    l.ensure(h);
    let top = l.y;
    for (k, line) in lines.iter().enumerate() {
        l.text(
            x,
            top + 3.0 + k as f32 * lh + BODY * 1.05,
            BODY,
            line,
            color::INK,
            false,
        );
    }
    for n in 1..=5u8 {
        let cx = x + label_w + RATING_BOX_W * (n as f32 - 0.5);
        let on = r.value == Some(n);
        l.tick_box(cx - TICK / 2.0, top + 3.0 + (lh - TICK) / 2.0, on);
    }
    l.y = top + h;
    rule(l, l.y, color::RULE, 0.4);
}

/// Tick boxes in `columns` columns, filled column by column, like a printed
/// questionnaire; a grid that fits on a page stays on one.
fn grid(l: &mut Flow, items: &[Check], columns: usize) {
    let (x, w) = (l.left(), l.width());
    let cols = columns.max(1);
    let cw = w / cols as f32;
    let size = SMALL + 0.5;
    let lh = Flow::line_h(size).max(TICK + 4.0);
    let rows = items.len().div_ceil(cols);
    let wrapped: Vec<Vec<&str>> = items
        .iter()
        .map(|c| l.wrap(&c.label, size, cw - 22.0))
        .collect();
    // the grid is filled column by column, like a printed questionnaire
    let row_h: Vec<f32> = (0..rows)
        .map(|r| {
            (0..cols)
                .filter_map(|c| wrapped.get(c * rows + r))
                .map(Vec::len)
                .max()
                .unwrap_or(1) as f32
                * Flow::line_h(size)
                + 6.0
        })
        .map(|h| h.max(lh))
        .collect();
    let total: f32 = row_h.iter().sum();
    if total <= l.full() {
        l.ensure(total);
    }
    for (r, h) in row_h.iter().enumerate() {
        l.ensure(*h);
        let top = l.y;
        for c in 0..cols {
            let Some(i) = (c * rows + r < items.len()).then_some(c * rows + r) else {
                continue;
            };
            let cx = x + c as f32 * cw;
            l.tick_box(cx, top + 2.0, items[i].checked);
            for (k, line) in wrapped[i].iter().enumerate() {
                l.text(
                    cx + 17.0,
                    top + 2.0 + k as f32 * Flow::line_h(size) + size * 1.0,
                    size,
                    line,
                    color::INK,
                    false,
                );
            }
        }
        rule(l, top + h - 1.0, color::PALER, 0.4);
        l.y = top + h;
    }
    l.y += 8.0;
}

/// Tick boxes two to a row.
fn checklist(l: &mut Flow, items: &[Check]) {
    let (x, w) = (l.left(), l.width());
    let cols = 2;
    let cw = w / cols as f32;
    let lh = Flow::line_h(BODY);
    for chunk in items.chunks(cols) {
        let wrapped: Vec<Vec<&str>> = chunk
            .iter()
            .map(|c| l.wrap(&c.label, BODY, cw - 28.0))
            .collect();
        let h = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 4.0;
        l.ensure(h);
        let top = l.y;
        for (i, (c, lines)) in chunk.iter().zip(&wrapped).enumerate() {
            let cx = x + i as f32 * cw;
            l.tick_box(cx, top + (lh - TICK) / 2.0, c.checked);
            for (k, line) in lines.iter().enumerate() {
                l.text(
                    cx + 18.0,
                    top + k as f32 * lh + BODY * 1.05,
                    BODY,
                    line,
                    color::INK,
                    false,
                );
            }
        }
        l.y = top + h;
    }
    l.y += 6.0;
}

/// Spacing of the ruled writing lines (8 mm, as [`Flow::writing_lines`] draws them).
const WRITING_GAP: f32 = 22.7;

/// A question with its answer, or with ruled lines to write on.
fn prompt(l: &mut Flow, question: &str, answer: &[String], lines: usize) {
    let (x, w) = (l.left(), l.width());
    let q = if question.is_empty() {
        0.0
    } else {
        l.wrap(question, BODY, w).len() as f32 * Flow::line_h(BODY)
    };
    let lines = writing_lines_here(l, q, answer.is_empty(), lines);
    // the question stays with its first two lines (or its answer's start)
    let need = q + if answer.is_empty() {
        WRITING_GAP * lines.min(2) as f32
    } else {
        Flow::line_h(BODY) * 2.0
    };
    l.ensure(need + 6.0);
    l.y += 2.0;
    if !question.is_empty() {
        l.flow(question, x, w, BODY, color::INK, true);
    }
    if answer.is_empty() {
        l.writing_lines(x, w, lines);
    } else {
        prompt_answer(l, answer);
    }
    l.y += 8.0;
}

/// How many writing lines a prompt gets here (`q`: its question's height): a prompt
/// that would open a near-empty page may shrink its writing lines to what the room
/// left holds (at least one).
fn writing_lines_here(l: &Flow, q: f32, unanswered: bool, lines: usize) -> usize {
    let mut lines = lines;
    if let Some(k) = l.hints.fewer.get(&l.block) {
        lines = lines.saturating_sub(*k).max(1);
    }
    if unanswered && l.hints.squeeze.contains(&l.block) {
        let fit = ((l.room() - q - 10.0) / WRITING_GAP).floor();
        if fit >= 1.0 {
            lines = lines.min(fit as usize);
        }
    }
    lines
}

/// A prompt's answer, with one bar beside the whole of it, continued on each page it
/// spans.
fn prompt_answer(l: &mut Flow, answer: &[String]) {
    let (x, w) = (l.left(), l.width());
    let (bar_page, bar_top) = (l.pages.len() - 1, l.y);
    let bar_from = l.pages[bar_page].cmds.len();
    for a in answer {
        // a listed answer ("• item") hangs: wrapped lines align with the text, not
        // with the bullet
        match a.strip_prefix("• ") {
            Some(item) => hanging_item(l, item),
            None => l.flow(a, x + 12.0, w - 12.0, BODY, color::INK, false),
        }
    }
    answer_bar(l, x, (bar_page, bar_from), bar_top);
}

/// A listed answer's item, its wrapped lines aligned with its text and its bullet
/// beside its first line, on whichever page that landed.
fn hanging_item(l: &mut Flow, item: &str) {
    let (x, w) = (l.left(), l.width());
    let p0 = l.pages.len() - 1;
    let n0 = l.pages[p0].cmds.len();
    l.flow(item, x + 24.0, w - 24.0, BODY, color::INK, false);
    let text_y = |c: &Cmd| match c {
        Cmd::Text { y, .. } => Some(*y),
        _ => None,
    };
    let first = l.pages[p0].cmds[n0..]
        .iter()
        .find_map(text_y)
        .map(|y| (p0, y))
        .or_else(|| {
            l.pages
                .get(p0 + 1)
                .and_then(|pg| pg.cmds.iter().find_map(text_y))
                .map(|y| (p0 + 1, y))
        });
    if let Some((pi, y)) = first {
        l.pages[pi].cmds.push(Cmd::Text {
            x: x + 14.0,
            y,
            size: BODY,
            text: "•".to_string(),
            color: rgb(color::ACCENT),
            bold: false,
        });
    }
}

/// A chart; a short note after it, which explains it, stays on its page.
fn figure_block(l: &mut Flow, figure: &Figure, next: Option<&Block>) {
    // a short note after a chart explains it: they stay on one page
    if let Some(Block::Note { text }) = next {
        let w = l.width();
        let size = BODY - 0.5;
        let note = l.wrap(text, size, w - 24.0).len() as f32 * Flow::line_h(size) + 12.0;
        let fig = figure.h as f32
            * (l.width() / figure.w as f32)
                .min(l.full() / figure.h as f32)
                .min(1.0);
        if note <= l.full() / 3.0 && fig + note + 24.0 <= l.full() {
            l.ensure(fig + note + 24.0);
        }
    }
    draw_figure(l, figure)
}

/// Height of a key–value group.
fn facts_height(l: &Flow, rows: &[(String, String)]) -> f32 {
    let w = l.width();
    let label_w = facts_label_w(w);
    let lh = Flow::line_h(BODY);
    rows.iter()
        .map(|(label, value)| {
            let ll = l.wrap(label, SMALL, label_w - 8.0).len();
            let vl = if value.is_empty() {
                0
            } else {
                l.wrap(value, BODY, w - label_w).len()
            };
            (ll.max(vl).max(1) as f32 * lh).max(24.0) + 6.0
        })
        .sum()
}

/// The bar beside an answer that started on page `from.0` (its commands from index
/// `from.1`) at `top`: one piece per page it spans, from its first to its last line.
fn answer_bar(l: &mut Flow, x: f32, from: (usize, usize), top: f32) {
    let (first, start) = from;
    for pi in first..l.pages.len() {
        let skip = if pi == first { start } else { 0 };
        let lines = l.pages[pi].cmds[skip..].iter().filter_map(|c| match c {
            Cmd::Text { y, size, .. } => Some((*y, *size)),
            _ => None,
        });
        let (mut lo, mut hi) = (f32::MAX, f32::MIN);
        for (y, size) in lines {
            lo = lo.min(y - size);
            hi = hi.max(y + size * 0.35);
        }
        if hi <= lo {
            continue;
        }
        let lo = if pi == first { top + 3.0 } else { lo };
        l.pages[pi].cmds.push(Cmd::Rect {
            x: x + 2.0,
            y: lo,
            w: 2.0,
            h: hi - lo,
            fill: Some(rgb(color::RULE)),
            stroke: None,
            width: 0.0,
            dashed: false,
        });
    }
}
