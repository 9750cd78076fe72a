//! The Johari window section (橱窗分析法) and its four-pane chart.

use super::{para, section, Block, Check, Section, Words, FIG_W};
use crate::analysis::Analysis;
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
        blocks.push(Block::Facts {
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
        });
    }
    if j.enough_raters {
        blocks.push(Block::Note {
            text: b.loc.pick(
                    format!("共有 {} 位同事匿名作答；至少 {} 位同事选中的形容词算作“别人知道”。这里只显示每个形容词落在哪个窗格，不显示是谁选的。", j.raters, j.min_votes),
                    format!("{} peers answered anonymously; a trait counts as known to others when at least {} of them picked it. Only the pane of each trait is shown, never who picked what.", j.raters, j.min_votes),
                ),
        });
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
                format!("发挥公开的优势：“{}”已被大家认可，可以在工作中承担更多相应的责任。", b.list(&words)),
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
        blocks.push(Block::Heading {
            text: b.t("发展建议", "What to do next"),
        });
        blocks.push(Block::Bullets { items: tips });
    } else {
        blocks.push(Block::Note {
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
        });
    }
    blocks.push(Block::Prompt {
        question: b.t("看到这个结果，我最意外的是：", "What surprised me most:"),
        answer: vec![],
        lines: 3,
    });
    section(b, "johari", "自我定位：橱窗分析法", "Johari window", blocks)
}

/// The window, and for each pane that had no room for all its words, the rest.
pub(super) fn johari_figure(b: &Words, a: &Analysis) -> (Figure, Vec<(String, Vec<String>)>) {
    let mut overflow = Vec::new();
    let j = &a.johari;
    let words = |ids: &[&str]| -> Vec<String> { ids.iter().map(|id| b.adj(id)).collect() };
    let (open, hidden, blind, unknown) = (
        words(&j.open),
        words(&j.hidden),
        words(&j.blind),
        words(&j.unknown),
    );
    let (n_open, n_hidden, n_blind) = (open.len() as f64, hidden.len() as f64, blind.len() as f64);
    let split = |a: f64, b: f64| {
        if a + b == 0.0 {
            0.5
        } else {
            (a / (a + b)).clamp(0.38, 0.62)
        }
    };
    // columns: known / not known to self; rows: known / not known to others. The
    // panes are sized by what the open pane shares with the others (the window's
    // meaning), then moved as little as needed for every word to fit, all at one
    // chip size; a blank window (too few raters) has four equal panes to write in.
    let preferred = if a.johari.enough_raters {
        (
            split(n_open + n_hidden, n_blind + 1.0),
            split(n_open + n_blind, n_hidden + 1.0),
        )
    } else {
        (0.5, 0.5)
    };
    // a point short of the edge, so that the right border is not clipped by the viewBox
    // the side labels ("Known to others") get at most two lines: the window starts
    // where both fit
    let sides = [
        b.t("别人知道", "Known to others"),
        b.t("别人不知道", "Not known to others"),
    ];
    let left = (0..=8)
        .map(|k| 58.0 + 6.0 * k as f64)
        .find(|l| {
            sides
                .iter()
                .all(|t| flow_words(t, 9.5, l - 10.0).len() <= 2)
        })
        .unwrap_or(106.0);
    let (top, gw) = (34.0, FIG_W - left - 1.0);
    let plan = if a.johari.enough_raters {
        plan_window([&open, &blind, &hidden, &unknown], gw, preferred)
    } else {
        None
    };
    let (col, row, gh, chip) = plan.unwrap_or((preferred.0, preferred.1, 330.0, 10.0));
    let cx = left + gw * col;
    let cy = top + gh * row;
    let mut f = Figure::new(
        FIG_W,
        top + gh + 4.0,
        b.t("橱窗分析四个窗格", "The four panes of the Johari window"),
    );
    f.text(
        left + (cx - left) / 2.0,
        14.0,
        9.5,
        b.t("自己知道", "Known to self"),
        Anchor::Middle,
        color::MUTED,
        true,
    );
    f.text(
        cx + (left + gw - cx) / 2.0,
        14.0,
        9.5,
        b.t("自己不知道", "Not known to self"),
        Anchor::Middle,
        color::MUTED,
        true,
    );
    let side = |f: &mut Figure, y: f64, zh: &str, en: &str| {
        // wrapped to the room left of the window: "Known to / others", "别人知道"
        for (k, part) in flow_words(&b.loc.text(zh, en), 9.5, left - 10.0)
            .iter()
            .enumerate()
        {
            f.text(
                left - 8.0,
                y + k as f64 * 12.0,
                9.5,
                part.clone(),
                Anchor::End,
                color::MUTED,
                true,
            );
        }
    };
    side(
        &mut f,
        top + (cy - top) / 2.0 - 4.0,
        "别人知道",
        "Known to others",
    );
    side(
        &mut f,
        cy + (top + gh - cy) / 2.0 - 4.0,
        "别人不知道",
        "Not known to others",
    );
    let blank = !j.enough_raters;
    let panes = [
        (
            left,
            top,
            cx - left,
            cy - top,
            b.t("公开的我", "Open self"),
            open,
            color::PANE_OPEN,
        ),
        (
            cx,
            top,
            left + gw - cx,
            cy - top,
            b.t("脊背的我", "Blind self"),
            blind,
            color::PANE_SIDE,
        ),
        (
            left,
            cy,
            cx - left,
            top + gh - cy,
            b.t("隐私的我", "Hidden self"),
            hidden,
            color::PANE_SIDE,
        ),
        (
            cx,
            cy,
            left + gw - cx,
            top + gh - cy,
            b.t("潜在的我", "Unknown self"),
            unknown,
            color::WHITE,
        ),
    ];
    for (x, y, w, h, title, list, fill) in panes {
        f.shapes.push(Shape::Rect {
            x,
            y,
            w,
            h,
            r: 0.0,
            fill: Some(fill),
            stroke: Some(color::RULE),
            width: 1.0,
            dashed: false,
        });
        f.text(
            x + 10.0,
            y + 20.0,
            12.0,
            format!(
                "{title}{}",
                if blank {
                    String::new()
                } else {
                    format!("  {}", list.len())
                }
            ),
            Anchor::Start,
            color::ACCENT,
            true,
        );
        if blank {
            // ruled lines to write on
            let mut ly = y + 44.0;
            while ly < y + h - 8.0 {
                f.line(x + 10.0, ly, x + w - 10.0, ly, color::RULE, 0.6, false);
                ly += 22.0;
            }
            continue;
        }
        let size = chip;
        let gap = CHIP_GAP;
        let rows = flow_chips(&list, size, w - 20.0, gap);
        let line_h = size * 1.8;
        let mut max_rows = ((h - 40.0) / line_h).floor().max(1.0) as usize;
        if rows.len() > max_rows {
            // room for the "more below" line under the last row
            max_rows = ((h - 52.0) / line_h).floor().max(1.0) as usize;
        }
        let shown = rows.len().min(max_rows);
        for (r, row) in rows.iter().take(shown).enumerate() {
            let mut wx = x + 10.0;
            let wy = y + 34.0 + r as f64 * line_h;
            for word in row {
                let ww = text_width(word, size) + size * 0.9;
                f.shapes.push(Shape::Rect {
                    x: wx,
                    y: wy,
                    w: ww,
                    h: size * 1.55,
                    r: size * 0.7,
                    fill: Some(color::WHITE),
                    stroke: Some(color::RULE),
                    width: 0.6,
                    dashed: false,
                });
                f.text(
                    wx + ww / 2.0,
                    wy + size * 1.12,
                    size,
                    word.clone(),
                    Anchor::Middle,
                    color::INK,
                    false,
                );
                wx += ww + gap;
            }
        }
        if rows.len() > shown {
            let rest: Vec<String> = rows[shown..].iter().flatten().cloned().collect();
            f.text(
                x + w - 10.0,
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
            overflow.push((title.clone(), rest));
        }
    }
    (f, overflow)
}

/// Space between chips.
const CHIP_GAP: f64 = 5.0;

/// Height a pane of width `w` needs for chips of `size` whose widths are `chips`
/// (title, rows, padding), or None when a chip is wider than the pane. The rows are
/// flowed as [`flow_chips`] flows them.
fn pane_height(chips: &[f64], size: f64, w: f64) -> Option<f64> {
    if chips.is_empty() {
        return Some(60.0);
    }
    if chips.iter().any(|ww| *ww > w - 20.0) {
        return None;
    }
    let (mut rows, mut x) = (1.0, 0.0);
    for ww in chips {
        if x > 0.0 && x + ww > w - 20.0 {
            rows += 1.0;
            x = 0.0;
        }
        x += ww + CHIP_GAP;
    }
    Some((34.0 + (rows - 1.0) * size * 1.8 + size * 1.55 + 10.0).max(60.0))
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
                .map(|wd| text_width(wd, size) + size * 0.9)
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
