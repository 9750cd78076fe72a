//! The Johari window section (橱窗分析法) and its four-pane chart.

use super::{para, section, Block, Check, Section, Words, FIG_W};
use crate::analysis::{Analysis, Johari};
use crate::profile::catalog;
use crate::profile::model::Profile;
use crate::workbook::figure::{color, flow_chips, flow_words, text_width, Anchor, Figure, Shape};

/// The 55 adjectives as tick boxes, in the workbook's language with the other beside.
pub fn adjective_grid(b: &Words) -> Block {
    Block::Grid {
        items: catalog::ADJECTIVES
            .iter()
            .map(|a| Check {
                label: b
                    .loc
                    .pick(format!("{} {}", a.zh, a.en), format!("{} {}", a.en, a.zh)),
                checked: false,
            })
            .collect(),
        columns: 4,
    }
}

pub(super) fn johari(b: &Words, p: &Profile, a: &Analysis) -> Section {
    let j = &a.johari;
    let mut blocks = vec![para(b.t(
        "橱窗分析法把“我”分成四个窗格：自己知道、别人也知道的“公开的我”；自己知道、别人不知道的“隐私的我”；自己不知道、别人知道的“脊背的我”；自己和别人都不知道的“潜在的我”。",
        "The Johari window splits the self into four panes: the open self (known to me and to others), the hidden self (known to me only), the blind self (known to others only) and the unknown self (known to nobody).",
    ))];
    let own: Vec<String> = p.johari_self.iter().map(|i| b.w(i)).collect();
    blocks.push(Block::Facts {
        rows: vec![(b.t("我选的形容词", "My own picks"), b.list(&own))],
    });
    if p.johari_self.is_empty() {
        // the exercise with a pen: the 55 words to tick
        blocks.push(para(b.t(
            "从下面 55 个形容词中勾出最能描述你的 5–6 个；再请几位同事匿名地为你勾选 5–6 个（HR 可以用 careerbook feedback sheets 打印同事用的选择单）。",
            "Tick the 5–6 of these 55 adjectives that describe you best; then ask a few colleagues to tick 5–6 for you, anonymously (HR can print the colleagues' pick sheets with careerbook feedback sheets).",
        )));
        blocks.push(adjective_grid(b));
    }
    let (figure, overflow) = johari_figure(b, a);
    blocks.push(Block::Figure {
        figure: figure.rounded(),
    });
    // words a pane had no room for are listed under the window: none is left out
    if !overflow.is_empty() {
        blocks.push(overflow_facts(b, overflow));
    }
    if j.enough_raters {
        blocks.extend(peers_view(b, j));
    } else {
        blocks.push(too_few_raters(b, j));
    }
    blocks.push(Block::Prompt {
        question: b.t("看到这个结果，我最意外的是：", "What surprised me most:"),
        answer: vec![],
        lines: 3,
    });
    section(b, "johari", "自我定位：橱窗分析法", "Johari window", blocks)
}

/// The words the window's panes had no room for, by pane.
fn overflow_facts(b: &Words, overflow: Vec<(String, Vec<String>)>) -> Block {
    Block::Facts {
        rows: overflow
            .into_iter()
            .map(|(pane, words)| {
                (
                    b.loc
                        .pick(format!("{pane}（续）"), format!("{pane} (continued)")),
                    b.list(&words),
                )
            })
            .collect(),
    }
}

/// What follows the window when enough peers answered: how it was made, the peer
/// counts when HR asked for them, and what to do next.
fn peers_view(b: &Words, j: &Johari) -> Vec<Block> {
    let mut blocks = vec![Block::Note {
        text: b.loc.pick(
                format!("共有 {} 位同事匿名作答；至少 {} 位同事选中的形容词算作“别人知道”。这里只显示每个形容词落在哪个窗格，不显示是谁选的。", j.raters, j.min_votes),
                format!("{} peers answered anonymously; a trait counts as known to others when at least {} of them picked it. Only the pane of each trait is shown, never who picked what.", j.raters, j.min_votes),
            ),
    }];
    if !j.peer_counts.is_empty() {
        let counts: Vec<String> = j
            .peer_counts
            .iter()
            .map(|(id, n)| format!("{} ×{}", b.adj(id), n))
            .collect();
        blocks.push(Block::Facts {
            rows: vec![(b.t("同事选择的次数", "Peer picks"), b.list(&counts))],
        });
    }
    blocks.push(Block::Heading {
        text: b.t("发展建议", "What to do next"),
    });
    blocks.push(Block::Bullets { items: tips(b, j) });
    blocks
}

/// What to do about each pane: shrink the blind and hidden ones, build on the open
/// one, explore the unknown one.
fn tips(b: &Words, j: &Johari) -> Vec<String> {
    let mut tips = Vec::new();
    if !j.blind.is_empty() {
        let words: Vec<String> = j.blind.iter().map(|id| b.adj(id)).collect();
        tips.push(b.loc.pick(
            format!("主动征求反馈：请同事举例说说你“{}”的时刻，缩小脊背的我。", b.list(&words)),
            format!("Ask for feedback: ask colleagues for examples of when you seem {}; this shrinks the blind pane.", b.list(&words)),
        ));
    }
    if !j.hidden.is_empty() {
        let words: Vec<String> = j.hidden.iter().map(|id| b.adj(id)).collect();
        tips.push(b.loc.pick(
            format!(
                "适度自我表露：让别人看到你“{}”的一面，缩小隐私的我。",
                b.list(&words)
            ),
            format!(
                "Disclose: let others see that you are {}; this shrinks the hidden pane.",
                b.list(&words)
            ),
        ));
    }
    if !j.open.is_empty() {
        let words: Vec<String> = j.open.iter().map(|id| b.adj(id)).collect();
        tips.push(b.loc.pick(
            format!(
                "发挥公开的优势：“{}”已被大家认可，可以在工作中承担更多相应的责任。",
                b.list(&words)
            ),
            format!(
                "Build on the open pane: {} {} already seen by others; take on work that uses {}.",
                and_list(&words),
                if words.len() == 1 { "is" } else { "are" },
                if words.len() == 1 { "it" } else { "them" },
            ),
        ));
    }
    tips.push(b.t(
        "探索潜在的我：尝试新的任务、轮岗或跨部门项目，在新挑战中发现自己和别人都还不知道的能力。",
        "Explore the unknown pane: take on new tasks, rotations or cross-team projects to discover abilities nobody has seen yet.",
    ));
    tips
}

/// The note under a blank window: too few peers answered to show their view.
fn too_few_raters(b: &Words, j: &Johari) -> Block {
    Block::Note {
        text: match j.raters {
            0 => b.loc.pick(
                format!("同事反馈不足：还没有同事作答，至少需要 {} 位才显示别人的看法。请邀请同事匿名选择 5–6 个形容词，然后在上面的窗格里亲手填写。", j.min_raters),
                format!("Not enough raters yet: no peer has answered, and the peers' view is shown from {}. Invite colleagues to pick 5–6 adjectives anonymously, then fill in the panes above by hand.", j.min_raters),
            ),
            n => b.loc.pick(
                format!("同事反馈不足：目前只有 {n} 位同事作答，至少需要 {} 位才显示别人的看法。请邀请更多同事匿名选择 5–6 个形容词，然后在上面的窗格里亲手填写。", j.min_raters),
                format!("Not enough raters yet: {n} {} answered, and the peers' view is shown from {}. Invite more colleagues to pick 5–6 adjectives anonymously, then fill in the panes above by hand.", if n == 1 { "peer has" } else { "peers have" }, j.min_raters),
            ),
        },
    }
}

/// Top of the window, under the column headings.
const TOP: f64 = 34.0;
/// Baseline of the column headings ("Known to self").
const HEADING_Y: f64 = 14.0;
/// Size of the column and side headings.
const HEADING_SIZE: f64 = 9.5;
/// The side headings end this far left of the window, and wrap to its left less
/// [`SIDE_WRAP`]; their rows are [`SIDE_ROW`] apart.
const SIDE_GAP: f64 = 8.0;
const SIDE_WRAP: f64 = 10.0;
const SIDE_ROW: f64 = 12.0;
/// The window's left edge is tried from [`LEFT_MIN`] in steps of [`LEFT_STEP`]
/// (eight at most) until both side headings fit in two rows.
const LEFT_MIN: f64 = 58.0;
const LEFT_STEP: f64 = 6.0;
/// Height and chip size of a window whose layout was not planned (blank, or when
/// nothing fits).
const DEFAULT_H: f64 = 330.0;
const DEFAULT_CHIP: f64 = 10.0;
/// A pane's inner margin, its title's baseline and size, and the top of its first
/// row of chips, from the pane's top.
const PANE_PAD: f64 = 10.0;
const PANE_TITLE_Y: f64 = 20.0;
const PANE_TITLE_SIZE: f64 = 12.0;
const CHIPS_TOP: f64 = 34.0;
/// A pane's height with no words, and at least.
const PANE_MIN_H: f64 = 60.0;
/// A chip's row height, height, end padding (both ends) and corner radius, as
/// multiples of its size.
const CHIP_ROW: f64 = 1.8;
const CHIP_H: f64 = 1.55;
const CHIP_PAD: f64 = 0.9;
const CHIP_ROUND: f64 = 0.7;
/// A blank pane's writing lines: the first's y from the pane's top, and their gap.
const WRITING_TOP: f64 = 44.0;
const WRITING_GAP: f64 = 22.0;

/// The window, and for each pane that had no room for all its words, the rest.
pub(super) fn johari_figure(b: &Words, a: &Analysis) -> (Figure, Vec<(String, Vec<String>)>) {
    let j = &a.johari;
    let words = |ids: &[&str]| -> Vec<String> { ids.iter().map(|id| b.adj(id)).collect() };
    let (open, hidden, blind, unknown) = (
        words(&j.open),
        words(&j.hidden),
        words(&j.blind),
        words(&j.unknown),
    );
    let preferred = preferred_splits(j, (open.len(), hidden.len(), blind.len()));
    let left = window_left(b);
    // a point short of the edge, so that the right border is not clipped by the viewBox
    let gw = FIG_W - left - 1.0;
    let plan = if j.enough_raters {
        plan_window([&open, &blind, &hidden, &unknown], gw, preferred)
    } else {
        None
    };
    let (col, row, gh, chip) = plan.unwrap_or((preferred.0, preferred.1, DEFAULT_H, DEFAULT_CHIP));
    let window = Window {
        left,
        right: left + gw,
        bottom: TOP + gh,
        cx: left + gw * col,
        cy: TOP + gh * row,
    };
    let mut f = Figure::new(
        FIG_W,
        TOP + gh + 4.0,
        b.t("橱窗分析四个窗格", "The four panes of the Johari window"),
    );
    headings(&mut f, b, &window);
    let panes = window.panes(b, [open, blind, hidden, unknown]);
    let mut overflow = Vec::new();
    for pane in panes {
        if let Some(rest) = draw_pane(&mut f, b, pane, !j.enough_raters, chip) {
            overflow.push(rest);
        }
    }
    (f, overflow)
}

/// The column and row splits the panes would have by meaning: sized by what the
/// open pane shares with the others (`n` counts the open, hidden and blind words);
/// a blank window (too few raters) has four equal panes to write in.
fn preferred_splits(j: &Johari, n: (usize, usize, usize)) -> (f64, f64) {
    let (n_open, n_hidden, n_blind) = (n.0 as f64, n.1 as f64, n.2 as f64);
    let split = |a: f64, b: f64| {
        if a + b == 0.0 {
            0.5
        } else {
            (a / (a + b)).clamp(0.38, 0.62)
        }
    };
    if j.enough_raters {
        (
            split(n_open + n_hidden, n_blind + 1.0),
            split(n_open + n_blind, n_hidden + 1.0),
        )
    } else {
        (0.5, 0.5)
    }
}

/// The window's left edge: the side headings ("Known to others") get at most two
/// lines, and the window starts where both fit.
fn window_left(b: &Words) -> f64 {
    let sides = [
        b.t("别人知道", "Known to others"),
        b.t("别人不知道", "Not known to others"),
    ];
    (0..=8)
        .map(|k| LEFT_MIN + LEFT_STEP * k as f64)
        .find(|l| {
            sides
                .iter()
                .all(|t| flow_words(t, HEADING_SIZE, l - SIDE_WRAP).len() <= 2)
        })
        .unwrap_or(LEFT_MIN + LEFT_STEP * 8.0)
}

/// Where the window lies: its edges, and the column and row splits between its
/// panes. Columns: known / not known to self; rows: known / not known to others.
struct Window {
    left: f64,
    right: f64,
    bottom: f64,
    cx: f64,
    cy: f64,
}

/// One pane: where it lies, its title, its words and its fill.
struct WindowPane {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    title: String,
    words: Vec<String>,
    fill: &'static str,
}

impl Window {
    /// The four panes: open, blind, hidden, unknown; `words` in that order.
    fn panes(&self, b: &Words, words: [Vec<String>; 4]) -> [WindowPane; 4] {
        let Window {
            left,
            right,
            bottom,
            cx,
            cy,
        } = *self;
        let [open, blind, hidden, unknown] = words;
        let pane = |(x, y, w, h), title: String, words, fill| WindowPane {
            x,
            y,
            w,
            h,
            title,
            words,
            fill,
        };
        [
            pane(
                (left, TOP, cx - left, cy - TOP),
                b.t("公开的我", "Open self"),
                open,
                color::PANE_OPEN,
            ),
            pane(
                (cx, TOP, right - cx, cy - TOP),
                b.t("脊背的我", "Blind self"),
                blind,
                color::PANE_SIDE,
            ),
            pane(
                (left, cy, cx - left, bottom - cy),
                b.t("隐私的我", "Hidden self"),
                hidden,
                color::PANE_SIDE,
            ),
            pane(
                (cx, cy, right - cx, bottom - cy),
                b.t("潜在的我", "Unknown self"),
                unknown,
                color::WHITE,
            ),
        ]
    }
}

/// The column headings over the window and the row headings left of it.
fn headings(f: &mut Figure, b: &Words, w: &Window) {
    f.text(
        w.left + (w.cx - w.left) / 2.0,
        HEADING_Y,
        HEADING_SIZE,
        b.t("自己知道", "Known to self"),
        Anchor::Middle,
        color::MUTED,
        true,
    );
    f.text(
        w.cx + (w.right - w.cx) / 2.0,
        HEADING_Y,
        HEADING_SIZE,
        b.t("自己不知道", "Not known to self"),
        Anchor::Middle,
        color::MUTED,
        true,
    );
    side_heading(
        f,
        w.left,
        TOP + (w.cy - TOP) / 2.0 - 4.0,
        &b.t("别人知道", "Known to others"),
    );
    side_heading(
        f,
        w.left,
        w.cy + (w.bottom - w.cy) / 2.0 - 4.0,
        &b.t("别人不知道", "Not known to others"),
    );
}

/// A row heading at `y`, wrapped to the room left of the window (at `left`):
/// "Known to / others", "别人知道".
fn side_heading(f: &mut Figure, left: f64, y: f64, text: &str) {
    for (k, part) in flow_words(text, HEADING_SIZE, left - SIDE_WRAP)
        .iter()
        .enumerate()
    {
        f.text(
            left - SIDE_GAP,
            y + k as f64 * SIDE_ROW,
            HEADING_SIZE,
            part.clone(),
            Anchor::End,
            color::MUTED,
            true,
        );
    }
}

/// A pane with its title and count, then its words as chips of `chip` points, or,
/// when `blank`, ruled lines to write on. Returns the pane's title and the words it
/// had no room for, if any.
fn draw_pane(
    f: &mut Figure,
    b: &Words,
    pane: WindowPane,
    blank: bool,
    chip: f64,
) -> Option<(String, Vec<String>)> {
    let WindowPane { x, y, w, h, .. } = pane;
    f.shapes.push(Shape::Rect {
        x,
        y,
        w,
        h,
        r: 0.0,
        fill: Some(pane.fill),
        stroke: Some(color::RULE),
        width: 1.0,
        dashed: false,
    });
    f.text(
        x + PANE_PAD,
        y + PANE_TITLE_Y,
        PANE_TITLE_SIZE,
        format!(
            "{}{}",
            pane.title,
            if blank {
                String::new()
            } else {
                format!("  {}", pane.words.len())
            }
        ),
        Anchor::Start,
        color::ACCENT,
        true,
    );
    if blank {
        // ruled lines to write on
        let mut ly = y + WRITING_TOP;
        while ly < y + h - 8.0 {
            f.line(
                x + PANE_PAD,
                ly,
                x + w - PANE_PAD,
                ly,
                color::RULE,
                0.6,
                false,
            );
            ly += WRITING_GAP;
        }
        return None;
    }
    let rest = chips(f, b, &pane, chip)?;
    Some((pane.title, rest))
}

/// A pane's words as chips of `size` points, as many rows as it holds; when some
/// are left over, a line saying so at its foot. Returns the words left over.
fn chips(f: &mut Figure, b: &Words, pane: &WindowPane, size: f64) -> Option<Vec<String>> {
    let WindowPane { x, y, w, h, .. } = *pane;
    let rows = flow_chips(&pane.words, size, w - 2.0 * PANE_PAD, CHIP_GAP);
    let line_h = size * CHIP_ROW;
    let mut max_rows = ((h - 40.0) / line_h).floor().max(1.0) as usize;
    if rows.len() > max_rows {
        // room for the "more below" line under the last row
        max_rows = ((h - 52.0) / line_h).floor().max(1.0) as usize;
    }
    let shown = rows.len().min(max_rows);
    for (r, row) in rows.iter().take(shown).enumerate() {
        chip_row(
            f,
            row,
            x + PANE_PAD,
            y + CHIPS_TOP + r as f64 * line_h,
            size,
        );
    }
    if rows.len() <= shown {
        return None;
    }
    let rest: Vec<String> = rows[shown..].iter().flatten().cloned().collect();
    f.text(
        x + w - PANE_PAD,
        y + h - 8.0,
        8.0,
        b.loc.pick(
            format!("另有 {} 个，见图下", rest.len()),
            format!("{} more below the window", rest.len()),
        ),
        Anchor::End,
        color::MUTED,
        false,
    );
    Some(rest)
}

/// One row of word chips of `size` points from (x, y).
fn chip_row(f: &mut Figure, row: &[String], x: f64, y: f64, size: f64) {
    let mut wx = x;
    for word in row {
        let ww = text_width(word, size) + size * CHIP_PAD;
        f.shapes.push(Shape::Rect {
            x: wx,
            y,
            w: ww,
            h: size * CHIP_H,
            r: size * CHIP_ROUND,
            fill: Some(color::WHITE),
            stroke: Some(color::RULE),
            width: 0.6,
            dashed: false,
        });
        f.text(
            wx + ww / 2.0,
            y + size * 1.12,
            size,
            word.clone(),
            Anchor::Middle,
            color::INK,
            false,
        );
        wx += ww + CHIP_GAP;
    }
}

/// Space between chips.
const CHIP_GAP: f64 = 5.0;

/// Height a pane of width `w` needs for chips of `size` whose widths are `chips`
/// (title, rows, padding), or None when a chip is wider than the pane. The rows are
/// flowed as [`flow_chips`] flows them.
fn pane_height(chips: &[f64], size: f64, w: f64) -> Option<f64> {
    if chips.is_empty() {
        return Some(PANE_MIN_H);
    }
    if chips.iter().any(|ww| *ww > w - 2.0 * PANE_PAD) {
        return None;
    }
    let (mut rows, mut x) = (1.0, 0.0);
    for ww in chips {
        if x > 0.0 && x + ww > w - 2.0 * PANE_PAD {
            rows += 1.0;
            x = 0.0;
        }
        x += ww + CHIP_GAP;
    }
    Some((CHIPS_TOP + (rows - 1.0) * size * CHIP_ROW + size * CHIP_H + PANE_PAD).max(PANE_MIN_H))
}

/// The window's layout in which every word fits: (column split, row split, height,
/// chip size). The largest chip size wins (10 pt down to 7 pt), then the lowest
/// height (330 up to 450 pt), then the splits nearest `preferred`. `panes` are open,
/// blind, hidden, unknown. None when nothing fits (the caller lists the rest below).
fn plan_window(
    panes: [&[String]; 4],
    gw: f64,
    preferred: (f64, f64),
) -> Option<(f64, f64, f64, f64)> {
    for size in [10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0] {
        // each word's chip width at this size, measured once for every layout tried
        let [open, blind, hidden, unknown] = panes.map(|words| {
            words
                .iter()
                .map(|wd| text_width(wd, size) + size * CHIP_PAD)
                .collect::<Vec<f64>>()
        });
        let (open, blind, hidden, unknown) = (&open[..], &blind[..], &hidden[..], &unknown[..]);
        for gh in [330.0, 370.0, 410.0, 450.0] {
            let mut best: Option<(f64, f64, f64)> = None;
            for k in 0..=20 {
                let col: f64 = 0.28 + 0.022 * k as f64;
                let (lw, rw) = (gw * col, gw * (1.0 - col));
                let need = (
                    pane_height(open, size, lw),
                    pane_height(blind, size, rw),
                    pane_height(hidden, size, lw),
                    pane_height(unknown, size, rw),
                );
                let (Some(o), Some(bl), Some(hi), Some(un)) = need else {
                    continue;
                };
                let (top_h, bottom_h) = (o.max(bl), hi.max(un));
                if top_h + bottom_h > gh {
                    continue;
                }
                // the row split nearest the preferred one that leaves both rows room
                let row = preferred.1.max(top_h / gh).min(1.0 - bottom_h / gh);
                let cost = (col - preferred.0).abs() + (row - preferred.1).abs();
                if best.is_none_or(|(c, _, _)| cost < c) {
                    best = Some((cost, col, row));
                }
            }
            if let Some((_, col, row)) = best {
                return Some((col, row, gh, size));
            }
        }
    }
    None
}

/// An English list: "a", "a and b", "a, b and c".
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
