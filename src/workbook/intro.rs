//! The opening sections: why a career plan matters (with the goals chart) and the
//! self-check of mediocrity signs.

use super::{para, section, Block, Rating, Section, Stat, Words, FIG_W};
use crate::profile::catalog;
use crate::profile::model::Profile;
use crate::workbook::figure::{color, fit, Anchor, Figure};

pub(super) fn why(b: &Words) -> Section {
    let blocks = vec![
        para(b.t(
            "职业素养由四部分组成：职业道德、职业意识、职业行为习惯和职业技能。前三项属于价值观，需要长期养成；技能则可以在几年内学会。",
            "Professional conduct has four parts: professional ethics, professional mindset, work habits and professional skills. The first three are values that form slowly; skills can be learned in a few years.",
        )),
        Block::Stats {
            items: vec![
                Stat { value: "≈80%".into(), label: b.t("大型企业招聘测评中职业素养所占的权重（常被引用的数字）", "weight of professional conduct in large employers' recruiting tests (a reported figure)") },
                Stat { value: "15–20%".into(), label: b.t("专业技术能力所占的权重", "weight of technical skill") },
            ],
        },
        Block::Heading { text: b.t("提升职业素养的三条途径", "Three ways to raise professional conduct") },
        Block::Bullets {
            items: vec![
                b.t("爱岗敬业——首先是乐业：把工作当作自己的事业，以主人翁和合伙人的心态对待。", "Love your post and be dedicated — above all, treat the work as your own career, with an owner's or partner's mindset."),
                b.t("要有责任心。", "Take responsibility."),
                b.t("树立自己的职业生涯规划——这正是本手册的核心。", "Make your own career plan — the core of this workbook."),
            ],
        },
        Block::Heading { text: b.t("目标的力量", "The power of goals") },
        para(b.t(
            "一个常被引用的故事（并非严格的科学结论）：一项调查中，3% 的人有清晰而长远的目标，10% 有清晰的短期目标，60% 目标模糊，27% 没有目标；25 年后，这几组人的境况正好按这个顺序排列。",
            "A commonly told story (not verified science): in one survey 3% had clear long-term goals, 10% clear short-term goals, 60% vague goals and 27% none; 25 years later the groups' outcomes ranked in exactly that order.",
        )),
        Block::Figure { figure: goals_chart(b).rounded() },
        Block::Heading { text: b.t("为什么公司给你这本手册", "Why your company hands you this book") },
        para(b.t(
            "一项国内最佳雇主研究发现：职业发展机会是员工敬业度的第一驱动因素，薪酬排第二；但只有 42% 的员工对发展机会满意，对薪酬满意的为 28%。最佳雇主的员工敬业度为 78%，其他企业为 48%。",
            "A best-employer study in China found career-development opportunity to be the first driver of engagement, pay the second; yet only 42% were satisfied with their development opportunities and 28% with pay. Engagement was 78% at the best employers against 48% elsewhere.",
        )),
        Block::Stats {
            items: vec![
                Stat { value: "42%".into(), label: b.t("对发展机会满意", "satisfied with development") },
                Stat { value: "28%".into(), label: b.t("对薪酬满意", "satisfied with pay") },
                Stat { value: "78% / 48%".into(), label: b.t("敬业度：最佳雇主 / 其他企业", "engagement: best employers / others") },
            ],
        },
    ];
    section(b, "why", "为什么要有这本手册", "Why this workbook", blocks)
}

pub(super) fn goals_chart(b: &Words) -> Figure {
    let rows = [
        ("3%", 3.0, b.t("清晰而长远的目标", "clear long-term goals")),
        ("10%", 10.0, b.t("清晰的短期目标", "clear short-term goals")),
        ("60%", 60.0, b.t("目标模糊", "vague goals")),
        ("27%", 27.0, b.t("没有目标", "no goals")),
    ];
    let mut f = Figure::new(
        FIG_W,
        96.0,
        b.t(
            "目标调查的四组人所占比例",
            "Shares of the four groups in the goals story",
        ),
    );
    let label_w = 150.0;
    for (i, (pct, v, label)) in rows.iter().enumerate() {
        let y = 6.0 + i as f64 * 22.0;
        f.text(
            0.0,
            y + 12.0,
            9.0,
            fit(label, 9.0, label_w - 8.0),
            Anchor::Start,
            color::INK,
            false,
        );
        let w = (FIG_W - label_w - 40.0) * v / 60.0;
        f.rect(
            label_w,
            y + 2.0,
            w.max(2.0),
            14.0,
            Some(if i == 0 { color::ACCENT } else { color::PALE }),
            None,
            false,
        );
        f.text(
            label_w + w + 6.0,
            y + 13.0,
            9.0,
            *pct,
            Anchor::Start,
            color::INK,
            true,
        );
    }
    f
}

pub(super) fn self_check(b: &Words, p: &Profile) -> Section {
    let items = catalog::MEDIOCRITY
        .iter()
        .zip(p.mediocrity.iter().chain(std::iter::repeat(&None)))
        .map(|(i, v)| Rating {
            label: b.w(i),
            value: *v,
        })
        .collect();
    let blocks = vec![
        para(b.t(
            "平庸的人常有七种表现。请诚实地为每一项打分：1 表示“完全不像我”，5 表示“非常像我”。分数高的项目，就是最值得先改的地方。",
            "Seven marks are typical of mediocre work. Rate each honestly: 1 means “not me at all”, 5 “very much me”. The highest scores are where to start.",
        )),
        Block::Ratings { low: b.t("不像我", "not me"), high: b.t("很像我", "very me"), items },
        Block::Heading { text: b.t("责任感", "Responsibility") },
        para(format!(
            "{}{}",
            b.t("责任感表现为：", "Responsibility shows as: "),
            b.list(&catalog::RESPONSIBILITY_SIGNS.iter().map(|i| b.w(i)).collect::<Vec<_>>())
        )),
        Block::Bullets { items: catalog::RESPONSIBILITY_GROWTH.iter().map(|i| b.w(i)).collect() },
        Block::Prompt { question: b.t("我最想先改掉的一个表现，以及具体做法：", "The one mark I will work on first, and how:"), answer: vec![], lines: 3 },
    ];
    section(b, "self_check", "自我检查", "Self-check", blocks)
}
