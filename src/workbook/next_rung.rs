//! "Reaching the next rung" (迈向下一级): the current and the next rung's
//! qualification standards side by side by area, the person's and the manager's marks
//! (tick boxes to fill in where missing), a readiness summary worded as development,
//! and suggestions for the gaps.

use super::{para, percent, section, Block, Section, Words};
use crate::analysis::readiness::{Readiness, StandardMark};
use crate::analysis::Analysis;
use crate::profile::ladder::Ladders;
use crate::profile::ladder::{area_name, Ladder, Rung, AREAS};
use crate::profile::model::{Mark, Profile};

/// Tick boxes for a missing mark, one per line (□ is in the compiled-in font).
fn boxes(b: &Words) -> String {
    b.t(
        "□ 待提高\n□ 达到\n□ 超出",
        "□ working towards\n□ meets\n□ exceeds",
    )
}

fn mark_cell(b: &Words, m: Option<Mark>) -> String {
    match m {
        Some(m) => m.word(b.loc).to_string(),
        None => boxes(b),
    }
}

/// A development suggestion for a gap, by area.
fn suggestion(b: &Words, area: &str) -> String {
    match area {
        "basics" => b.t(
            "对照条件补齐：资格、证书、培训或年限，和 HR 确认还差什么。",
            "Close the gap in the conditions: qualifications, certificates, training or years; check with HR what is missing.",
        ),
        "knowledge" => b.t(
            "安排学习：一门课程、一本书，或向内行请教，并把学到的用在一项工作里。",
            "Plan the learning: a course, a book or an expert to ask, then use it in one piece of work.",
        ),
        "skills" => b.t(
            "找一个能练这项技能的任务，做完请上级给你具体的反馈。",
            "Find a task that exercises this skill and ask your manager for specific feedback afterwards.",
        ),
        "behaviour" => b.t(
            "在日常工作中刻意练习，请同事在一个月后告诉你变化。",
            "Practise it deliberately in daily work and ask a colleague after a month what changed.",
        ),
        _ => b.t(
            "和上级约定一个可衡量的目标，按月跟踪进展。",
            "Agree a measurable target with your manager and track it monthly.",
        ),
    }
}

fn standard_text(rung: &Rung, id: &str, b: &Words) -> String {
    rung.standards
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.text.get(b.loc).to_string())
        .unwrap_or_default()
}

/// A standard's area, with its item and weight when the ladder gives them
/// (`技能 · 问题解决（权重 20%）`), and whether it has either.
fn standard_label(rung: &Rung, s: &StandardMark, b: &Words) -> (String, bool) {
    let mut label = area_name(&s.area, b.loc).to_string();
    let item = rung
        .standards
        .iter()
        .find(|x| x.id == s.id)
        .and_then(|x| x.item.as_ref());
    if let Some(item) = item {
        label.push_str(" · ");
        label.push_str(item.get(b.loc));
    }
    if let Some(w) = s.weight {
        let w = crate::profile::ladder::percent_text(w);
        label.push_str(
            &b.loc
                .pick(format!("（权重 {w}%）"), format!(" (weight {w}%)")),
        );
    }
    (label, item.is_some() || s.weight.is_some())
}

/// The gaps of a readiness as starter goals for the action plan.
pub(super) fn starter_goals(
    b: &Words,
    r: &Readiness,
    ladders: &Ladders,
    p: &Profile,
) -> Vec<String> {
    let Some(ladder) = p.career.as_ref().and_then(|c| ladders.get(&c.track).ok()) else {
        return Vec::new();
    };
    let Some(rung) = ladder.rungs.iter().find(|x| x.id == r.assessed_level) else {
        return Vec::new();
    };
    if !r.any_marks() {
        return Vec::new();
    }
    r.gaps()
        .map(|s| {
            format!(
                "{}{}",
                b.t("【迈向下一级】", "(next rung) Meet the standard: "),
                standard_text(rung, &s.id, b)
            )
        })
        .collect()
}

/// The section; a blank version to fill in by hand when no rung is known.
pub(super) fn next_rung(b: &Words, p: &Profile, a: &Analysis, ladders: &Ladders) -> Section {
    let title = ("迈向下一级", "Reaching the next rung");
    let ladder = p.career.as_ref().and_then(|c| ladders.get(&c.track).ok());
    let (Some(r), Some(ladder)) = (a.readiness.as_ref(), ladder) else {
        return blank(b, title);
    };
    let level = p.career.as_ref().and_then(|c| c.level).unwrap_or(0);
    let cur = &ladder.rungs[level];
    let next = r.next_level.as_ref().map(|_| &ladder.rungs[level + 1]);
    let assessed = next.unwrap_or(cur);
    let mut blocks = vec![intro(b, ladder, cur, next)];
    if let Some(n) = next {
        blocks.extend(side_by_side(b, cur, n));
        blocks.extend(time_on_rung(b, r, cur, n));
    }
    if r.total == 0 {
        blocks.push(Block::Note {
            text: b.t(
                "这条路线还没有写明这一级的任职资格。请向人力资源部索取标准，或和上级一起写下这一级最重要的 5–8 项要求。",
                "This ladder has no written standards for that rung yet. Ask HR for them, or write down the 5–8 things that matter most with your manager.",
            ),
        });
        return section(b, "next_rung", title.0, title.1, blocks);
    }
    blocks.push(Block::Heading {
        text: b.loc.pick(
            format!("逐项评估：{}的任职资格", assessed.title.zh),
            format!("Each standard of the {} rung", assessed.title.en),
        ),
    });
    blocks.push(marks_table(b, p, r, assessed));
    if !r.any_marks() {
        blocks.push(Block::Note {
            text: b.t(
                "先逐项自评，再请上级评估，在“依据与事例”里写下能说明的工作和结果。标为“待提高”或还没有把握的，就是你下一步的发展重点。",
                "Mark yourself first, then ask your manager for their marks, and note the work and results that show it. What is marked “working towards”, or not yet sure, is where to develop next.",
            ),
        });
        return section(b, "next_rung", title.0, title.1, blocks);
    }
    blocks.push(para(summary(b, r)));
    blocks.extend(what_to_work_on(b, r, assessed));
    section(b, "next_rung", title.0, title.1, blocks)
}

/// The opening paragraph: the rung now and the next one, or that this is the top
/// rung of its ladder.
fn intro(b: &Words, ladder: &Ladder, cur: &Rung, next: Option<&Rung>) -> Block {
    let cur_t = cur.title.get(b.loc);
    match next {
        Some(n) => para(b.loc.pick(
            format!(
                "你现在是{cur_t}，下一级是{}。每一级都有写明的任职资格（基本条件、知识、技能、行为、绩效）。下表把两级的标准按类别并列，右栏就是下一级对你的要求。",
                n.title.zh
            ),
            format!(
                "Your rung now is {cur_t}; the next rung is {}. Every rung has written qualification standards (basic conditions, knowledge, skills, behaviour, results). The table sets the two rungs side by side by area: the right column is what the next rung asks of you.",
                n.title.en
            ),
        )),
        None => para(b.loc.pick(
            format!(
                "{cur_t}是{}的最高一级，这条路线上没有更高的级别。下面是本级的任职资格，请逐项自评并请上级评估，再一起商量下一步：扩大职责、带出接班人，或者在另一条路线上发展。",
                ladder.name.zh
            ),
            format!(
                "{cur_t} is the top rung of the {}; there is no next rung on this ladder. Below are this rung's standards: mark yourself, ask your manager for theirs, and discuss what comes next — a wider remit, a successor, or growth on another route.",
                ladder.name.en
            ),
        )),
    }
}

/// The two rungs' standards side by side, a row per area that either has; none
/// when neither rung has written standards.
fn side_by_side(b: &Words, cur: &Rung, n: &Rung) -> Option<Block> {
    if cur.standards.is_empty() && n.standards.is_empty() {
        return None;
    }
    let cur_t = cur.title.get(b.loc);
    let mut rows = Vec::new();
    for (area, _, _) in AREAS {
        let (left, right) = (area_list(b, cur, area), area_list(b, n, area));
        if !left.is_empty() || !right.is_empty() {
            rows.push(vec![area_name(area, b.loc).to_string(), left, right]);
        }
    }
    Some(Block::Table {
        header: vec![
            b.t("类别", "Area"),
            b.loc
                .pick(format!("本级：{cur_t}"), format!("Now: {cur_t}")),
            b.loc.pick(
                format!("下一级：{}", n.title.zh),
                format!("Next: {}", n.title.en),
            ),
        ],
        rows,
        widths: percent(&[1.1, 3.0, 3.0]),
    })
}

/// A rung's standards in one area, a bulleted line each (with its item when the
/// ladder gives one).
fn area_list(b: &Words, r: &Rung, area: &str) -> String {
    r.standards
        .iter()
        .filter(|s| s.area == *area)
        .map(|s| match &s.item {
            Some(item) => format!(
                "• {}{}{}",
                item.get(b.loc),
                b.t("：", ": "),
                s.text.get(b.loc)
            ),
            None => format!("• {}", s.text.get(b.loc)),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The usual time before the next rung, its prerequisite, and the person's time on
/// this rung, as far as they are known.
fn time_on_rung(b: &Words, r: &Readiness, cur: &Rung, n: &Rung) -> Option<Block> {
    let cur_t = cur.title.get(b.loc);
    let mut facts = Vec::new();
    if let Some(y) = n.min_years {
        facts.push((
            b.t("一般晋升年限", "Usual time on this rung"),
            b.loc.pick(
                format!("在{cur_t}这一级工作约 {y} 年"),
                format!(
                    "about {y} {} as {cur_t} before the next rung",
                    if y == 1 { "year" } else { "years" }
                ),
            ),
        ));
    }
    if let Some(req) = &n.requires {
        facts.push((b.t("前提条件", "Prerequisite"), req.get(b.loc).to_string()));
    }
    if let Some(y) = r.years_on_rung {
        facts.push((
            b.t("你在本级已有", "Your time on this rung"),
            match y {
                0 => b.t("不满 1 年", "less than a year"),
                1 => b.t("1 年", "1 year"),
                y => b.loc.pick(format!("{y} 年"), format!("{y} years")),
            },
        ));
    }
    (!facts.is_empty()).then_some(Block::Facts { rows: facts })
}

/// Each standard of the `assessed` rung with the person's and the manager's marks
/// (tick boxes where missing) and the evidence.
fn marks_table(b: &Words, p: &Profile, r: &Readiness, assessed: &Rung) -> Block {
    let rows: Vec<Vec<String>> = r
        .standards
        .iter()
        .map(|s: &StandardMark| {
            let ev = p
                .career
                .as_ref()
                .and_then(|c| c.assessment.iter().find(|x| x.id == s.id))
                .and_then(|x| x.evidence.clone())
                .unwrap_or_default();
            let (label, long) = standard_label(assessed, s, b);
            vec![
                format!(
                    "{label}{}{}",
                    // a label with an item or a weight stands on a line of its own
                    if long {
                        "\n".to_string()
                    } else {
                        b.t("：", ": ")
                    },
                    standard_text(assessed, &s.id, b)
                ),
                mark_cell(b, s.self_mark),
                mark_cell(b, s.manager),
                ev,
            ]
        })
        .collect();
    Block::Table {
        header: vec![
            b.t("标准", "Standard"),
            b.t("自评", "Self"),
            b.t("上级评估", "Manager"),
            b.t("依据与事例", "Evidence"),
        ],
        rows,
        widths: percent(&[3.3, 1.35, 1.35, 2.4]),
    }
}

/// The readiness in words: standards met in the person's and the manager's marks
/// (and by weight), the time on the rung, and that this is no promotion decision.
fn summary(b: &Words, r: &Readiness) -> String {
    let mut summary = b.loc.pick(
        format!(
            "{} 项标准中，你自评达到或超出 {} 项，上级评估达到或超出 {} 项。",
            r.total, r.met_self, r.met_manager
        ),
        format!(
            "Of the {} standards you marked {} as met or exceeded, and your manager {}.",
            r.total, r.met_self, r.met_manager
        ),
    );
    if let (Some(own), Some(mgr)) = (r.weighted_met_self, r.weighted_met_manager) {
        let (own, mgr) = (
            crate::profile::ladder::percent_text(own),
            crate::profile::ladder::percent_text(mgr),
        );
        summary.push_str(&b.loc.pick(
            format!("按权重计，自评达到 {own}%，上级评估达到 {mgr}%。"),
            format!(" By weight, that is {own}% in your marks and {mgr}% in your manager's."),
        ));
    }
    if let (Some(y), Some(m)) = (r.years_on_rung, r.min_years) {
        summary.push_str(&b.loc.pick(
            if (y as u32) < m {
                format!("你在本级已 {y} 年，通常约 {m} 年后晋升，时间还来得及，先把差距补上。")
            } else {
                format!("你在本级已 {y} 年，达到了通常约 {m} 年的年限；接下来看标准的差距。")
            },
            if (y as u32) < m {
                format!(" You have been on this rung for {y} of the usual {m} years or so: there is time to close the gaps first.")
            } else {
                format!(" You have been on this rung for {y} years, at least the usual {m}: what matters now is the standards.")
            },
        ));
    }
    summary.push_str(&b.t(
        "这不是晋升结论，而是告诉你接下来把力气用在哪里。",
        " This is not a promotion decision; it shows where to put your effort next.",
    ));
    summary
}

/// A suggestion for each gap, or, when the manager sees every standard met, what to
/// talk about next.
fn what_to_work_on(b: &Words, r: &Readiness, assessed: &Rung) -> Vec<Block> {
    let gaps: Vec<String> = r
        .gaps()
        .map(|s| {
            format!(
                "{}{}{}",
                standard_text(assessed, &s.id, b).trim_end_matches(['。', '.']),
                b.t("——", " — "),
                suggestion(b, &s.area)
            )
        })
        .collect();
    if gaps.is_empty() {
        vec![Block::Note {
            text: b.t(
                "上级认为你已达到下一级的全部标准。和上级、HR 谈一谈晋升的时间和途径，同时开始培养能接替你的人。",
                "Your manager sees every standard of the next rung as met. Talk with your manager and HR about the timing and route, and start growing someone who can take over from you.",
            ),
        }]
    } else {
        vec![
            Block::Heading {
                text: b.t("发展建议", "What to work on"),
            },
            Block::Bullets { items: gaps },
        ]
    }
}

/// The section to fill in by hand: seven blank standards with tick boxes.
fn blank(b: &Words, title: (&str, &str)) -> Section {
    let blocks = vec![
        para(b.t(
            "每一级都有写明的任职资格：基本条件、知识、技能、行为和绩效。先在“职业路线”里确定你的当前职级，再向人力资源部索取下一级的标准，逐项写在下表里，自评并请上级评估。",
            "Every rung has written qualification standards: basic conditions, knowledge, skills, behaviour and results. Settle your current rung in the career path section, ask HR for the next rung's standards, write them in the table, and mark yourself and ask your manager for theirs.",
        )),
        Block::Table {
            header: vec![
                b.t("标准", "Standard"),
                b.t("自评", "Self"),
                b.t("上级评估", "Manager"),
                b.t("依据与事例", "Evidence"),
            ],
            rows: (0..7)
                .map(|_| vec![String::new(), boxes(b), boxes(b), String::new()])
                .collect(),
            widths: percent(&[3.3, 1.35, 1.35, 2.4]),
        },
    ];
    section(b, "next_rung", title.0, title.1, blocks)
}
