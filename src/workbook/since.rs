//! "Since last time" (上次以来), shown when the last cycle's profile is given: the
//! Johari window then and now (pane sizes as a small chart, the traits that moved and
//! what the move means), the ladder, the top needs, what became of the last plan's
//! actions, and the last cycle's review log as a record.

use super::{para, percent, section, Block, Section, Words, FIG_W};
use crate::analysis::cycle::{
    ActionOutcome, Changes, JohariChange, LadderChange, LadderSnap, NeedsChange, Outcome, Pane,
    PaneSizes,
};
use crate::analysis::Position;
use crate::profile::catalog;
use crate::profile::ladder::Ladders;
use crate::profile::model::ReviewEntry;
use crate::workbook::figure::{color, Anchor, Figure};

fn pane_name(b: &Words, p: Pane) -> String {
    match p {
        Pane::Open => b.t("公开的我", "open"),
        Pane::Hidden => b.t("隐私的我", "hidden"),
        Pane::Blind => b.t("脊背的我", "blind"),
        Pane::Unknown => b.t("潜在的我", "unknown"),
    }
}

/// What a move from one pane to another means, in plain words.
fn meaning(b: &Words, from: Pane, to: Pane) -> String {
    use Pane::*;
    match (from, to) {
        (Blind, Open) => b.t(
            "别人看到了，现在你自己也看到了",
            "others saw it, and now you see it too",
        ),
        (Hidden, Open) => b.t(
            "你表现了出来，别人也看到了",
            "you showed it, and others see it now",
        ),
        (Unknown, Open) => b.t(
            "新发现：你和别人都看到了",
            "newly found: you and others both see it",
        ),
        (Unknown, Blind) => b.t(
            "别人开始看到，你还没有选它",
            "others have begun to see it; you have not picked it",
        ),
        (Unknown, Hidden) => b.t(
            "你新选了它，别人还没看到",
            "you picked it newly; others do not see it yet",
        ),
        (Open, Blind) => b.t(
            "别人仍然看到，你不再选它",
            "others still see it; you no longer pick it",
        ),
        (Open, Hidden) => b.t(
            "你仍然这样看自己，别人不再提到",
            "you still see it; others no longer mention it",
        ),
        (Open, Unknown) => b.t("你和别人都不再选它", "neither you nor others pick it now"),
        (Blind, Unknown) => b.t("别人不再提到", "others no longer mention it"),
        (Blind, Hidden) => b.t(
            "你选了它，别人却不再提到",
            "you pick it now, but others no longer mention it",
        ),
        (Hidden, Blind) => b.t(
            "你不再选它，别人却开始看到",
            "you no longer pick it, but others now see it",
        ),
        (Hidden, Unknown) => b.t("你不再选它", "you no longer pick it"),
        _ => String::new(),
    }
}

/// Height of the pane-size chart; the baseline its bars stand on, and the top of
/// the tallest bar.
const PANES_H: f64 = 150.0;
const BARS_FOOT: f64 = 118.0;
const BARS_TOP: f64 = 22.0;
/// Width of a bar, and the gap between the two bars of a pane.
const BAR_W: f64 = 30.0;
const BAR_GAP: f64 = 6.0;

/// Pane sizes then and now, as pairs of bars.
fn panes_chart(b: &Words, then: PaneSizes, now: PaneSizes) -> Figure {
    let w = FIG_W;
    let mut f = Figure::new(
        w,
        PANES_H,
        b.t(
            "橱窗四个窗格的形容词数：上期与本期",
            "Traits per Johari pane: last cycle and now",
        ),
    );
    let panes = [
        (Pane::Open, then.open, now.open),
        (Pane::Hidden, then.hidden, now.hidden),
        (Pane::Blind, then.blind, now.blind),
        (Pane::Unknown, then.unknown, now.unknown),
    ];
    let max = panes
        .iter()
        .map(|(_, a, b)| (*a).max(*b))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let group = w / 4.0;
    panes_legend(&mut f, b);
    for (i, (pane, a, c)) in panes.iter().enumerate() {
        let cx = group * i as f64 + group / 2.0;
        for (k, (n, fill)) in [(*a, color::RULE), (*c, color::ACCENT)].iter().enumerate() {
            let x = cx - BAR_W - BAR_GAP / 2.0 + k as f64 * (BAR_W + BAR_GAP);
            bar(&mut f, x, (*n, max), fill);
        }
        f.text(
            cx,
            BARS_FOOT + 16.0,
            10.0,
            pane_name(b, *pane),
            Anchor::Middle,
            color::INK,
            true,
        );
    }
    f.line(6.0, BARS_FOOT, w - 6.0, BARS_FOOT, color::RULE, 0.8, false);
    f
}

/// A bar from `x` for a count `n` of at most `max`, with the count above it.
fn bar(f: &mut Figure, x: f64, (n, max): (usize, f64), fill: &'static str) {
    let hgt = (BARS_FOOT - BARS_TOP) * (n as f64) / max;
    f.rect(
        x,
        BARS_FOOT - hgt,
        BAR_W,
        hgt.max(0.5),
        Some(fill),
        None,
        false,
    );
    f.text(
        x + BAR_W / 2.0,
        BARS_FOOT - hgt - 4.0,
        9.0,
        n.to_string(),
        Anchor::Middle,
        color::INK,
        false,
    );
}

/// The legend at the top right: last cycle's bars, this cycle's.
fn panes_legend(f: &mut Figure, b: &Words) {
    let w = FIG_W;
    f.rect(w - 190.0, 2.0, 10.0, 10.0, Some(color::RULE), None, false);
    f.text(
        w - 176.0,
        11.0,
        9.0,
        b.t("上期", "last cycle"),
        Anchor::Start,
        color::MUTED,
        false,
    );
    f.rect(w - 100.0, 2.0, 10.0, 10.0, Some(color::ACCENT), None, false);
    f.text(
        w - 86.0,
        11.0,
        9.0,
        b.t("本期", "now"),
        Anchor::Start,
        color::MUTED,
        false,
    );
}

fn snap_rows(
    b: &Words,
    then: Option<&LadderSnap>,
    now: Option<&LadderSnap>,
    ladders: &Ladders,
) -> Vec<Vec<String>> {
    let title = |s: Option<&LadderSnap>, id: Option<&String>| -> String {
        let (Some(s), Some(id)) = (s, id) else {
            return String::new();
        };
        ladders
            .get(&s.track)
            .ok()
            .and_then(|l| l.rungs.iter().find(|r| &r.id == id))
            .map(|r| r.title.get(b.loc).to_string())
            .unwrap_or_else(|| id.clone())
    };
    let position = |s: Option<&LadderSnap>| -> String {
        match s.and_then(|s| s.position) {
            Some(Position::Ahead) => b.t("领先", "ahead"),
            Some(Position::OnTrack) => b.t("正常", "on track"),
            Some(Position::Behind) => b.t("落后", "behind"),
            None => String::new(),
        }
    };
    let target = |s: Option<&LadderSnap>| -> String {
        let Some(s) = s else { return String::new() };
        let mut t = title(Some(s), s.target_level.as_ref());
        if let Some(a) = s.target_age {
            t.push_str(&b.loc.pick(format!("，{a} 岁前"), format!(", by age {a}")));
        } else if let Some(y) = s.target_year {
            t.push_str(&b.loc.pick(format!("，{y} 年前"), format!(", by {y}")));
        }
        t
    };
    let route = |s: Option<&LadderSnap>| -> String {
        s.and_then(|s| ladders.get(&s.track).ok())
            .map(|l| l.name.get(b.loc).to_string())
            .unwrap_or_default()
    };
    vec![
        vec![b.t("路线", "Route"), route(then), route(now)],
        vec![
            b.t("职级", "Rung"),
            title(then, then.and_then(|s| s.level.as_ref())),
            title(now, now.and_then(|s| s.level.as_ref())),
        ],
        vec![
            b.t("年龄", "Age"),
            then.and_then(|s| s.age)
                .map(|a| a.to_string())
                .unwrap_or_default(),
            now.and_then(|s| s.age)
                .map(|a| a.to_string())
                .unwrap_or_default(),
        ],
        vec![b.t("进度", "Position"), position(then), position(now)],
        vec![b.t("目标", "Target"), target(then), target(now)],
    ]
}

/// The section.
pub(super) fn since(b: &Words, c: &Changes, ladders: &Ladders) -> Section {
    let mut blocks = vec![para(b.loc.pick(
        format!(
            "职业规划是一个循环：认识自己 → 确定目标和路线 → 策略实施 → 反馈与修正 → 再认识自己。上一期的档案截至 {}（最近一次复盘），下面是从那时到今天的变化：哪些做到了，哪些变了，哪些还要继续。",
            c.then_date.iso()
        ),
        format!(
            "Career planning is a cycle: know yourself → set goal and route → strategy → feedback and revision → know yourself again. Last cycle's profile dates from {} (its latest review); here is what changed since: what you achieved, what moved, and what is still open.",
            c.then_date.iso()
        ),
    ))];
    blocks.extend(johari_then_now(b, &c.johari));
    blocks.extend(ladder_then_now(b, &c.ladder, ladders));
    blocks.extend(needs_then_now(b, &c.needs));
    blocks.extend(last_actions(b, &c.actions));
    blocks.extend(last_review_log(b, &c.review_log));
    section(b, "since", "上次以来", "Since last time", blocks)
}

/// The Johari window then and now: the raters and the person's own picks; when
/// both cycles had enough raters, the pane sizes and the traits that moved.
fn johari_then_now(b: &Words, j: &JohariChange) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        text: b.t("橱窗：那时与现在", "Johari window: then and now"),
    }];
    let mut facts = vec![(
        b.t("同事作答人数", "Peers who answered"),
        b.loc.pick(
            format!("上期 {} 位，本期 {} 位", j.raters_then, j.raters_now),
            format!("{} last cycle, {} now", j.raters_then, j.raters_now),
        ),
    )];
    let words =
        |ids: &[&str]| -> String { b.list(&ids.iter().map(|id| b.adj(id)).collect::<Vec<_>>()) };
    if !j.self_added.is_empty() {
        facts.push((
            b.t("你新选的形容词", "Your new picks"),
            words(&j.self_added),
        ));
    }
    if !j.self_dropped.is_empty() {
        facts.push((
            b.t("你不再选的形容词", "No longer picked"),
            words(&j.self_dropped),
        ));
    }
    blocks.push(Block::Facts { rows: facts });
    match (j.compared, j.then, j.now) {
        (true, Some(then), Some(now)) => {
            blocks.push(Block::Figure {
                figure: panes_chart(b, then, now).rounded(),
            });
            blocks.push(moves(b, j));
        }
        _ => blocks.push(Block::Note {
            text: b.loc.pick(
                "至少两期都有足够的同事匿名作答，才比较别人眼中的你；这里只比较你自己的选择，以免推测出是谁选了什么。".to_string(),
                "The peers' view is compared only when both cycles have enough anonymous raters; here only your own picks are compared, so that nobody's picks can be inferred.".to_string(),
            ),
        }),
    }
    blocks
}

/// The traits that moved pane, with what each move means, the moves that open the
/// window first; or a note that none moved.
fn moves(b: &Words, j: &JohariChange) -> Block {
    if j.moves.is_empty() {
        return Block::Note {
            text: b.t(
                "每个形容词都还在原来的窗格里。",
                "Every trait is in the same pane as last cycle.",
            ),
        };
    }
    let mut moves = j.moves.clone();
    // the moves that open the window first
    moves.sort_by_key(|m| (m.to != Pane::Open, m.from as u8, m.id));
    Block::Table {
        header: vec![
            b.t("形容词", "Trait"),
            b.t("上期", "Then"),
            b.t("本期", "Now"),
            b.t("这意味着", "What it means"),
        ],
        rows: moves
            .iter()
            .map(|m| {
                vec![
                    b.adj(m.id),
                    pane_name(b, m.from),
                    pane_name(b, m.to),
                    meaning(b, m.from, m.to),
                ]
            })
            .collect(),
        widths: percent(&[1.3, 1.2, 1.2, 3.6]),
    }
}

/// The career path then and now, and a word on a promotion, a new route or a new
/// target.
fn ladder_then_now(b: &Words, l: &LadderChange, ladders: &Ladders) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading {
            text: b.t("职业路线：那时与现在", "Career path: then and now"),
        },
        Block::Table {
            header: vec![String::new(), b.t("上期", "Then"), b.t("本期", "Now")],
            rows: snap_rows(b, l.then.as_ref(), l.now.as_ref(), ladders),
            widths: percent(&[1.2, 3.0, 3.0]),
        },
    ];
    let mut said = Vec::new();
    if l.promoted {
        said.push(b.t(
            "你上了一个台阶——祝贺！",
            "You moved up a rung — congratulations!",
        ));
    }
    if l.changed_track {
        said.push(b.t("你换了一条职业路线。", "You changed route."));
    }
    if l.changed_target {
        said.push(b.t("你调整了目标。", "You revised your target."));
    }
    if !said.is_empty() {
        blocks.push(Block::Note {
            text: said.join(b.loc.pick("", " ")),
        });
    }
    blocks
}

/// The top three needs then and now.
fn needs_then_now(b: &Words, n: &NeedsChange) -> Vec<Block> {
    let need = |v: &[&str], i: usize| -> String {
        v.get(i)
            .map(|id| b.w(catalog::by_id(catalog::NEEDS, id)))
            .unwrap_or_default()
    };
    vec![
        Block::Heading {
            text: b.t("最重要的三项需要", "Top three needs"),
        },
        Block::Table {
            header: vec![b.t("排序", "Rank"), b.t("上期", "Then"), b.t("本期", "Now")],
            rows: (0..3)
                .map(|i| vec![(i + 1).to_string(), need(&n.then, i), need(&n.now, i)])
                .collect(),
            widths: percent(&[0.8, 3.0, 3.0]),
        },
    ]
}

/// What became of the last plan's actions, and how many were done.
fn last_actions(b: &Words, actions: &[ActionOutcome]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        text: b.t("上一期的行动", "Last cycle's actions"),
    }];
    if actions.is_empty() {
        blocks.push(Block::Note {
            text: b.t(
                "上一期的档案里没有行动计划。",
                "Last cycle's profile had no action plan.",
            ),
        });
        return blocks;
    }
    let done = actions
        .iter()
        .filter(|a| a.outcome == Outcome::Done)
        .count();
    blocks.push(Block::Table {
        header: vec![
            b.t("目标", "Goal"),
            b.t("完成时间", "Due"),
            b.t("结果", "Outcome"),
            b.t("说明", "Note"),
        ],
        rows: actions
            .iter()
            .map(|a| {
                vec![
                    a.goal.clone(),
                    a.due.map(|d| d.display()).unwrap_or_default(),
                    outcome(b, a),
                    a.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
        widths: percent(&[2.8, 1.1, 2.0, 2.3]),
    });
    blocks.push(para(b.loc.pick(
        format!("上一期的 {} 项行动中，完成了 {done} 项。没完成的不等于失败：想一想原因，再决定继续、调整还是放下。", actions.len()),
        format!(
            "You completed {done} of last cycle's {} {}. What is unfinished is not a failure: think about why, then continue, adjust or let it go.",
            actions.len(),
            if actions.len() == 1 { "action" } else { "actions" }
        ),
    )));
    blocks
}

/// What became of one action, in words.
fn outcome(b: &Words, a: &ActionOutcome) -> String {
    match a.outcome {
        Outcome::Done => match a.done_on {
            Some(d) => b.loc.pick(
                format!("● 已完成 {}", d.display()),
                format!("● done {}", d.display()),
            ),
            None => b.t("● 已完成", "● done"),
        },
        Outcome::Dropped => b.t("× 已放弃", "× dropped"),
        Outcome::Carried => b.t(
            "○ 未完成，已转入本期计划",
            "○ unfinished: carried into this plan",
        ),
        Outcome::StillPlanned => b.t(
            "○ 未完成，本期计划中已有",
            "○ unfinished: already in this plan",
        ),
    }
}

/// The last cycle's review log as a record, when it has entries.
fn last_review_log(b: &Words, log: &[ReviewEntry]) -> Vec<Block> {
    if log.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading {
            text: b.t("上一期的复盘记录", "Last cycle's review log"),
        },
        Block::Table {
            header: vec![
                b.t("日期", "Date"),
                b.t("发现", "What was found"),
                b.t("修正", "What was revised"),
            ],
            rows: log
                .iter()
                .map(|e| {
                    vec![
                        e.date.display(),
                        e.notes.clone().unwrap_or_default(),
                        e.changes.join("\n"),
                    ]
                })
                .collect(),
            widths: percent(&[1.2, 3.0, 3.0]),
        },
    ]
}
