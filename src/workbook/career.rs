//! The career path section: the ladders, the person's rung, position and target.

use super::ladder_chart::ladder_figure;
use super::{para, section, Block, Section, Words};
use crate::analysis::{Analysis, LadderPosition, Leaning, Position, TrackFit};
use crate::profile::catalog;
use crate::profile::catalog::by_id;
use crate::profile::ladder::{Ladder, Ladders};
use crate::profile::model::Profile;

/// "1 year", "3 years".
fn years_en(n: i32) -> String {
    if n.abs() == 1 {
        format!("{n} year")
    } else {
        format!("{n} years")
    }
}

/// "1 rung", "2 rungs".
fn rungs_en(n: usize) -> String {
    if n == 1 {
        "1 rung".into()
    } else {
        format!("{n} rungs")
    }
}

/// The section: the ladders by typical age, where the person stands, the fit of
/// their needs with their route, and what the next rung expects.
pub(super) fn career(b: &Words, p: &Profile, a: &Analysis, ladders: &Ladders) -> Section {
    let own = p.career.as_ref().and_then(|c| ladders.get(&c.track).ok());
    let mut shown: Vec<&Ladder> = ladders
        .all
        .iter()
        .filter(|l| l.id == "administrative" || l.id == "technical")
        .collect();
    let company = own.filter(|l| !shown.iter().any(|s| s.id == l.id));
    if let Some(l) = company {
        shown.push(l);
    }
    let mut blocks = vec![intro(b, company)];
    blocks.push(Block::Figure {
        figure: ladder_figure(b, &shown, a, own).rounded(),
    });
    let pos = a.ladder.as_ref();
    blocks.push(position_facts(b, own, pos));
    if let Some(fit) = &a.track_fit {
        blocks.push(Block::Heading {
            text: b.t("路线匹配", "Track fit"),
        });
        blocks.push(Block::Note {
            text: track_fit(b, fit),
        });
    } else {
        blocks.push(Block::Prompt { question: b.t("“当领导”和“专家”哪一项对你更重要？这意味着哪条路线？", "Which matters more to you, being a leader or being an expert? Which route does that point to?"), answer: vec![], lines: 2 });
    }
    blocks.extend(next_expects(b, own, pos));
    blocks.push(Block::Prompt {
        question: b.t("我在 45 岁时想到达的位置：", "Where I want to be at 45:"),
        answer: vec![],
        lines: 2,
    });
    section(
        b,
        "career",
        "职业目标与路线",
        "Career goal and route",
        blocks,
    )
}

/// The intro, which says what the chart shows: the two routes, plus the company's
/// own ladder when the person is on one.
fn intro(b: &Words, company: Option<&Ladder>) -> Block {
    para(match company {
        None => b.t(
            "职业生涯有两条路线：带领团队的行政路线，和深耕专业的技术路线。下图按典型年龄画出两条阶梯，45 岁的台阶留给你自己来定。",
            "There are two routes: the administrative route of leading people and the technical route of deepening expertise. The chart shows both ladders by typical age; the step at 45 is yours to set.",
        ),
        Some(l) => b.loc.pick(
            format!("职业生涯有两条路线：带领团队的行政路线，和深耕专业的技术路线。下图按典型年龄画出这两条阶梯和公司的“{}”，每条阶梯最后的虚线台阶留给你自己来定。", l.name.zh),
            format!("There are two routes: the administrative route of leading people and the technical route of deepening expertise. The chart shows both by typical age, with your company's {}; the dashed last step of each is yours to set.", l.name.en),
        ),
    })
}

/// The title of the rung `id` of the person's ladder, or nothing.
fn rung_title(b: &Words, own: Option<&Ladder>, id: &Option<String>) -> String {
    match (own, id) {
        (Some(l), Some(id)) => l
            .rungs
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.title.get(b.loc).to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Where the person stands: route, rung, age, position, next rung and target.
fn position_facts(b: &Words, own: Option<&Ladder>, pos: Option<&LadderPosition>) -> Block {
    let rows = vec![
        (
            b.t("职业路线", "Route"),
            own.map(|l| l.name.get(b.loc).to_string())
                .unwrap_or_default(),
        ),
        (
            b.t("当前职级", "Current rung"),
            pos.map(|x| rung_title(b, own, &x.level))
                .unwrap_or_default(),
        ),
        (
            b.t("年龄", "Age"),
            pos.and_then(|x| x.age)
                .map(|a| a.to_string())
                .unwrap_or_default(),
        ),
        (
            b.t("进度", "Position"),
            pos.and_then(|x| position_text(b, x)).unwrap_or_default(),
        ),
        (
            b.t("下一级", "Next rung"),
            pos.map(
                |x| match (rung_title(b, own, &x.next_level), x.next_typical_age) {
                    (t, Some(age)) if !t.is_empty() => b.loc.pick(
                        format!("{t}（典型年龄 {age} 岁）"),
                        format!("{t} (typical age {age})"),
                    ),
                    _ => String::new(),
                },
            )
            .unwrap_or_default(),
        ),
        (
            b.t("目标", "Target"),
            pos.and_then(|x| target_text(b, own, x)).unwrap_or_default(),
        ),
    ];
    Block::Facts { rows }
}

/// Ahead, on track or behind, against the rung's typical age.
fn position_text(b: &Words, x: &LadderPosition) -> Option<String> {
    let (ps, d, t) = (x.position?, x.years_from_typical?, x.typical_age?);
    Some(match ps {
        Position::Ahead => b.loc.pick(
            format!("领先：比该职级的典型年龄（{t} 岁）早 {} 年", -d),
            format!(
                "Ahead: {} younger than the rung's typical age ({t})",
                years_en(-d)
            ),
        ),
        Position::OnTrack => b.loc.pick(
            format!("正常：处在该职级的典型年龄段（{t} 岁起）"),
            format!("On track: within the rung's typical age band (from {t})"),
        ),
        // the band of a rung ends where the next rung's typical age begins: at that age
        // exactly a person is already "behind", and the wording says "reached", not "past"
        Position::Behind => b.loc.pick(
            format!("落后：已到达或超过下一级的典型年龄（比本级典型年龄 {t} 岁晚 {d} 年）"),
            format!(
                "Behind: at or past the next rung's typical age ({} after this rung's typical {t})",
                years_en(d)
            ),
        ),
    })
}

/// The target rung, by when, and how many rungs and years are left.
fn target_text(b: &Words, own: Option<&Ladder>, x: &LadderPosition) -> Option<String> {
    let t = rung_title(b, own, &x.target_level);
    if t.is_empty() {
        return None;
    }
    let when = match (x.target_age, x.target_year) {
        (Some(age), Some(y)) => b.loc.pick(
            format!("，{age} 岁（{y} 年）前"),
            format!(" by age {age} ({y})"),
        ),
        (Some(age), None) => b
            .loc
            .pick(format!("，{age} 岁前"), format!(" by age {age}")),
        (None, Some(y)) => b.loc.pick(format!("，{y} 年前"), format!(" by {y}")),
        _ => String::new(),
    };
    let gap = match (x.target_gap, x.years_left) {
        (Some(g), Some(y)) if y < 0 => b.loc.pick(
            format!("；还差 {g} 级，目标日期已过，请重新设定"),
            format!(
                "; {} to go and the date has passed: set a new one",
                rungs_en(g)
            ),
        ),
        (Some(g), Some(y)) => b.loc.pick(
            format!("；还差 {g} 级，剩 {y} 年"),
            format!("; {} to go in {}", rungs_en(g), years_en(y)),
        ),
        (Some(g), None) => b
            .loc
            .pick(format!("；还差 {g} 级"), format!("; {} to go", rungs_en(g))),
        _ => String::new(),
    };
    Some(format!("{t}{when}{gap}"))
}

/// The track fit in words: where the person's needs lean, whether that is the route
/// they chose, and which needs count for which route.
fn track_fit(b: &Words, fit: &TrackFit) -> String {
    let leaning = match fit.leaning {
        Leaning::Administrative => b.t(
            "你选择的需要偏向行政路线（带领团队）",
            "Your chosen needs lean to the administrative route (leading people)",
        ),
        Leaning::Technical => b.t(
            "你选择的需要偏向技术路线（成为专家）",
            "Your chosen needs lean to the technical route (becoming an expert)",
        ),
        Leaning::Balanced => b.t(
            "你选择的需要在两条路线之间比较均衡",
            "Your chosen needs are balanced between the two routes",
        ),
    };
    let agree = match fit.matches_track {
        Some(true) => b.t("，与你选择的路线一致。", ", in line with the route you chose."),
        Some(false) => b.t(
            "，而你选择的是另一条路线。这不是结论：需要只是一个信号，你的回答、经验和机会同样重要。不妨把它作为一个问题，和上级一起谈一谈。",
            ", while the route you chose is the other one. This is not a verdict: needs are one signal, and your answers, experience and opportunities count as much. Take it as a question to discuss with your manager.",
        ),
        None => b.t("。", "."),
    };
    // which needs count for which route, said in words
    let names = |ids: &[&'static str]| -> String {
        b.list(
            &ids.iter()
                .map(|id| b.w(by_id(catalog::NEEDS, id)))
                .collect::<Vec<_>>(),
        )
    };
    let mut said = Vec::new();
    if !fit.administrative_needs.is_empty() {
        said.push(b.loc.pick(
            format!("偏向带领团队的需要：{}", names(&fit.administrative_needs)),
            format!(
                "needs that point to leading people: {}",
                names(&fit.administrative_needs)
            ),
        ));
    }
    if !fit.technical_needs.is_empty() {
        said.push(b.loc.pick(
            format!("偏向成为专家的需要：{}", names(&fit.technical_needs)),
            format!(
                "needs that point to expertise: {}",
                names(&fit.technical_needs)
            ),
        ));
    }
    let tail = if said.is_empty() {
        String::new()
    } else {
        b.loc.pick(
            format!("（{}。）", said.join("；")),
            format!(" ({}.)", said.join("; ")),
        )
    };
    format!("{leaning}{agree}{tail}")
}

/// What the next rung of the person's ladder expects, when the ladder says.
fn next_expects(b: &Words, own: Option<&Ladder>, pos: Option<&LadderPosition>) -> Option<Block> {
    let (l, next) = (own?, pos.and_then(|x| x.next_level.clone())?);
    let r = l.rungs.iter().find(|r| r.id == next)?;
    let e = r.expectations.as_ref()?;
    Some(Block::Facts {
        rows: vec![(
            b.loc.pick(
                format!("{}的要求", r.title.zh),
                format!("What {} expects", r.title.en),
            ),
            e.get(b.loc).to_string(),
        )],
    })
}
