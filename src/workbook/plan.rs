//! The plan: strategy questions, the action plan table and the review schedule.

use super::{para, percent, section, Block, Section, Words};
use crate::analysis::progress::Progress;
use crate::analysis::Analysis;
use crate::profile::catalog;
use crate::profile::ladder::Ladders;
use crate::profile::model::{Action, PartialDate, Profile};

pub(super) fn strategy(b: &Words, p: &Profile) -> Section {
    let mut blocks = vec![para(b.t(
        "职业规划的步骤是：认识自己 → 确定目标和路线 → 策略实施 → 反馈与修正。策略实施回答四个问题：",
        "Career planning goes: know yourself → set goal and route → strategy and implementation → feedback and revision. The strategy answers four questions:",
    ))];
    for (i, q) in catalog::STRATEGY.iter().enumerate() {
        blocks.push(Block::Prompt {
            question: format!("{}. {}", i + 1, b.w(q)),
            answer: p
                .strategy_answer(q.id)
                .map(|s| vec![s.to_string()])
                .unwrap_or_default(),
            lines: 3,
        });
    }
    section(b, "strategy", "策略实施", "Strategy", blocks)
}

/// The action plan: the person's actions, free rows (the gaps to the next rung
/// offered as starter goals in them), the progress so far, and the sign-off.
pub(super) fn actions(b: &Words, p: &Profile, a: &Analysis, ladders: &Ladders) -> Section {
    let header = vec![
        b.t("目标", "Goal"),
        b.t("步骤", "Steps"),
        b.t("完成时间", "Due"),
        b.t("所需支持", "Support"),
        b.t("衡量标准", "Measure"),
        b.t("状态", "Status"),
    ];
    let mut rows: Vec<Vec<String>> = p
        .actions
        .iter()
        .enumerate()
        .map(|(i, x)| action_row(b, x, a.progress.overdue.contains(&(i + 1))))
        .collect();
    let blanks = if rows.len() >= 5 { 2 } else { 5 - rows.len() };
    // the gaps to the next rung are offered as starter goals in the free rows
    let starters = a
        .readiness
        .as_ref()
        .map(|r| super::next_rung::starter_goals(b, r, ladders, p))
        .unwrap_or_default();
    let offered = starters.len().min(blanks);
    for goal in starters.into_iter().take(blanks) {
        let mut row = vec![String::new(); 6];
        row[0] = goal;
        rows.push(row);
    }
    rows.extend((offered..blanks).map(|_| vec![String::new(); 6]));
    let mut blocks = vec![
        para(b.t(
            "把目标拆成具体的行动：每一项都写清步骤、完成时间、需要的支持和衡量标准。空行留给你补充新的行动。",
            "Break the goal into concrete actions, each with steps, a due date, the support you need and how you will measure it. Blank rows are for new actions.",
        )),
        Block::Table { header, rows, widths: percent(&[2.1, 2.3, 1.05, 1.5, 1.6, 1.35]) },
    ];
    if !p.actions.is_empty() {
        blocks.push(Block::Note {
            text: progress_note(b, &a.progress),
        });
    }
    if offered > 0 {
        blocks.push(Block::Note {
            text: b.t(
                "标有【迈向下一级】的行是“迈向下一级”里还没达到的标准，可以直接补上步骤和时间，也可以换成你自己的行动。",
                "Rows marked (next rung) are standards of the next rung not yet met; add steps and dates, or replace them with actions of your own.",
            ),
        });
    }
    blocks.extend(sign_off(b, p));
    section(b, "actions", "行动计划", "Action plan", blocks)
}

/// One action's row: the goal (marked when carried over from the last cycle, with
/// its note), steps, due date, support, measure and status (▲ when `overdue`).
fn action_row(b: &Words, x: &Action, overdue: bool) -> Vec<String> {
    let mut goal = x.goal.clone();
    if x.carried {
        goal = format!("{}{goal}", b.t("【上期转入】", "(carried over) "));
    }
    let mut status = x.status.label(b.loc).to_string();
    if let Some(d) = x.done_on {
        status.push_str(&format!("\n{}", d.display()));
    }
    if overdue {
        status.push_str(&b.t("\n▲ 已逾期", "\n▲ overdue"));
    }
    if let Some(n) = &x.note {
        if x.carried {
            // the words are ours, the note is the person's: only ours converted
            goal.push_str(&b.t("\n（上期：", "\n(last cycle: "));
            goal.push_str(n);
            goal.push_str(&b.t("）", ")"));
        } else {
            goal.push_str(&format!("\n→ {n}"));
        }
    }
    vec![
        goal,
        x.steps.clone().unwrap_or_default(),
        match (x.due, x.carried) {
            (Some(d), true) => b.loc.pick(
                format!("{}（上期）\n新的时间：", d.display()),
                format!("{} (last cycle)\nnew date:", d.display()),
            ),
            (Some(d), false) => d.display(),
            (None, _) => String::new(),
        },
        x.support.clone().unwrap_or_default(),
        x.measure.clone().unwrap_or_default(),
        status,
    ]
}

/// The progress so far: actions by status, the overdue ones, the carried-over ones.
fn progress_note(b: &Words, pr: &Progress) -> String {
    let c = pr.counts;
    let mut s = b.loc.pick(
        format!(
            "进度：已完成 {} 项，进行中 {} 项，计划中 {} 项，已放弃 {} 项",
            c.done, c.in_progress, c.planned, c.dropped
        ),
        format!(
            "Progress: {} done, {} in progress, {} planned, {} dropped",
            c.done, c.in_progress, c.planned, c.dropped
        ),
    );
    if !pr.overdue.is_empty() {
        s.push_str(&b.loc.pick(
            format!(
                "；{} 项已过完成时间（▲），请在下次复盘时调整时间或做法。",
                pr.overdue.len()
            ),
            format!(
                "; {} past {} due date (▲): adjust the date or the approach at the next review.",
                pr.overdue.len(),
                if pr.overdue.len() == 1 {
                    "its"
                } else {
                    "their"
                }
            ),
        ));
    } else {
        s.push_str(b.loc.pick("。", "."));
    }
    if pr.carried > 0 {
        s.push_str(&b.loc.pick(
            format!(
                "标有【上期转入】的 {} 项是上一期没有完成的行动。",
                pr.carried
            ),
            format!(
                " {} marked (carried over) {} unfinished last cycle.",
                pr.carried,
                if pr.carried == 1 { "was" } else { "were" }
            ),
        ));
    }
    s
}

/// Both sides confirm the plan (双方确认): names from the profile where known,
/// signature and date lines.
fn sign_off(b: &Words, p: &Profile) -> Vec<Block> {
    vec![
        Block::Heading {
            text: b.t("双方确认", "Sign-off"),
        },
        Block::Facts {
            rows: vec![
                (b.t("员工", "Employee"), p.person.name.clone()),
                (b.t("员工签名", "Employee's signature"), String::new()),
                (b.t("日期", "Date"), String::new()),
                (
                    b.t("直属上级", "Manager"),
                    p.person.manager.clone().unwrap_or_default(),
                ),
                (b.t("上级签名", "Manager's signature"), String::new()),
                (b.t("日期", "Date"), String::new()),
            ],
        },
        para(b.t(
            "签名表示员工和直属上级一起读过这份计划，认可其中的目标、行动和所需的支持，并约定按复盘日期回顾。",
            "By signing, the employee and their manager confirm they have read this plan together, agree on its goals, actions and support, and will review it on the dates given.",
        )),
    ]
}

pub(super) fn reviews(b: &Words, p: &Profile, a: &Analysis) -> Section {
    let header = vec![
        b.t("复盘日期", "Review date"),
        b.t("进展与收获", "Progress and lessons"),
        b.t("需要修正的目标或行动", "What to revise"),
    ];
    let log_of = |d: PartialDate| p.review_log.iter().find(|e| e.date == d);
    let mut rows: Vec<Vec<String>> = a
        .progress
        .schedule
        .iter()
        .map(|slot| {
            let mut date = slot.date.iso();
            let (mut notes, mut changes) = (String::new(), String::new());
            if let Some(h) = slot.held_on {
                date.push_str(&b.loc.pick(
                    format!("\n● 已复盘 {}", h.display()),
                    format!("\n● held {}", h.display()),
                ));
                if let Some(e) = log_of(h) {
                    notes = e.notes.clone().unwrap_or_default();
                    changes = e.changes.join("\n");
                }
            } else if slot.next {
                date.push_str(&b.t("\n→ 下次复盘", "\n→ next review"));
            } else if slot.date < a.progress.today {
                date.push_str(&b.t("\n△ 未复盘", "\n△ not held"));
            }
            vec![date, notes, changes]
        })
        .collect();
    // reviews held off the schedule are part of the record too
    for e in &p.review_log {
        if !a
            .progress
            .schedule
            .iter()
            .any(|s| s.held_on == Some(e.date))
        {
            rows.push(vec![
                b.loc.pick(
                    format!("{}\n● 已复盘", e.date.display()),
                    format!("{}\n● held", e.date.display()),
                ),
                e.notes.clone().unwrap_or_default(),
                e.changes.join("\n"),
            ]);
        }
    }
    if rows.is_empty() {
        rows = (0..4).map(|_| vec![String::new(); 3]).collect();
    }
    let blocks = vec![
        para(b.t(
            "计划要在执行中不断反思，并根据反馈修正目标。每到一个复盘日期，请回答下面的问题，并记录在表中。",
            "A plan is revised from feedback while it runs. On each review date, answer the questions below and note the result in the table.",
        )),
        Block::Bullets {
            items: vec![
                b.t("上次定下的行动完成了哪些？没完成的原因是什么？", "Which actions did I complete? Why not the others?"),
                b.t("从上级、同事和客户那里得到了什么反馈？", "What feedback did I get from my manager, colleagues and customers?"),
                b.t("我的需要或环境有变化吗？目标和路线还合适吗？", "Have my needs or circumstances changed? Do the goal and route still fit?"),
                b.t("下一阶段要增加、调整或放弃哪些行动？", "Which actions do I add, change or drop for the next period?"),
            ],
        },
        Block::Table { header, rows, widths: percent(&[1.3, 3.0, 3.0]) },
    ];
    section(b, "reviews", "反馈与修正", "Feedback and revision", blocks)
}
