//! The workbook: what the document says, section by section, in the profile's
//! language. Built from a profile and its analysis; every output renders this.

use crate::analysis::{Analysis, Leaning, Position};
use crate::catalog::{self, by_id, Item};
use crate::figure::{approx_width, color, fit, flow_chips, flow_words, Anchor, Figure, Shape};
use crate::ladder::{Ladder, Ladders};
use crate::locale::Locale;
use crate::model::{Date, Profile};
use serde::Serialize;

/// A 1–5 self-rating row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rating {
    /// What is rated.
    pub label: String,
    /// The rating, or None for a blank to fill in.
    pub value: Option<u8>,
}

/// A checklist row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Check {
    /// The item.
    pub label: String,
    /// Ticked.
    pub checked: bool,
}

/// A big figure with a caption (e.g. "80%" — "weight of professional conduct").
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stat {
    /// The number.
    pub value: String,
    /// What it means.
    pub label: String,
}

/// One block of content.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph { text: String },
    /// A highlighted remark.
    Note { text: String },
    /// A sub-heading.
    Heading { text: String },
    /// A bulleted list.
    Bullets { items: Vec<String> },
    /// Label / value pairs (an empty value prints a line to fill in).
    Facts { rows: Vec<(String, String)> },
    /// Big figures.
    Stats { items: Vec<Stat> },
    /// A table; empty cells are spaces to write in. `widths` are relative.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        widths: Vec<f64>,
    },
    /// 1–5 ratings with the scale's end labels.
    Ratings {
        low: String,
        high: String,
        items: Vec<Rating>,
    },
    /// Tick boxes.
    Checklist { items: Vec<Check> },
    /// A question with its answer, or ruled lines to write on.
    Prompt {
        question: String,
        answer: Vec<String>,
        lines: usize,
    },
    /// A chart.
    Figure { figure: Figure },
}

/// A section (starts a new page when little room is left).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// Stable id (`johari`, `career`, …).
    pub id: &'static str,
    /// Title in the workbook's language.
    pub title: String,
    /// A gloss in the other language (zh workbooks show the English term).
    pub gloss: String,
    /// Content.
    pub blocks: Vec<Block>,
}

/// The cover page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cover {
    /// Book title.
    pub title: String,
    /// Subtitle (the other language).
    pub subtitle: String,
    /// Person's name.
    pub name: String,
    /// Fields: id, department, role, manager, date.
    pub fields: Vec<(String, String)>,
    /// How to use the book.
    pub howto: Vec<String>,
}

/// The whole document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Workbook {
    /// Language tag (`zh-CN`, `en`).
    pub lang: &'static str,
    /// Document title for metadata: "<name> — 职业发展工作手册".
    pub doc_title: String,
    /// Short running title for footers.
    pub running_title: String,
    /// Person's name (author metadata, footer).
    pub name: String,
    /// "Page {n} of {m}" pattern with `{n}` and `{m}`.
    pub page_pattern: String,
    /// Heading of the table of contents.
    pub contents_title: String,
    /// Date the workbook was made (ISO).
    pub date: String,
    /// The cover.
    pub cover: Cover,
    /// Sections in order.
    pub sections: Vec<Section>,
}

/// Options that change what the book contains.
#[derive(Debug, Clone, Copy, Default)]
pub struct BookOptions {
    /// Include the service modules even when the profile has none.
    pub modules: bool,
}

/// Width of figures in points (A4 text width with 20 mm margins).
pub const FIG_W: f64 = 482.0;

struct B {
    loc: Locale,
}

impl B {
    fn t(&self, zh: &str, en: &str) -> String {
        self.loc.pick(zh, en).to_string()
    }
    fn w(&self, item: &Item) -> String {
        item.label(self.loc).to_string()
    }
    fn adj(&self, id: &str) -> String {
        self.w(by_id(catalog::ADJECTIVES, id))
    }
    fn list(&self, words: &[String]) -> String {
        words.join(self.loc.pick("、", ", "))
    }
}

/// Builds the workbook.
pub fn build(
    p: &Profile,
    a: &Analysis,
    ladders: &Ladders,
    today: Date,
    opts: BookOptions,
) -> Workbook {
    let b = B { loc: p.locale };
    let book = b.t("职业发展工作手册", "Career development workbook");
    let mut sections = vec![
        why(&b),
        self_check(&b, p),
        johari(&b, p, a),
        needs(&b, p),
        career(&b, p, a, ladders),
        strategy(&b, p),
        actions(&b, p),
        reviews(&b, a),
        burnout(&b, p),
    ];
    if p.service.is_some() || opts.modules {
        sections.push(service(&b, p));
    }
    let mut fields = Vec::new();
    let person = &p.person;
    for (label, value) in [
        (b.t("工号", "Employee id"), person.id.clone()),
        (b.t("部门", "Department"), person.department.clone()),
        (b.t("岗位", "Role"), person.role.clone()),
        (b.t("直属上级", "Manager"), person.manager.clone()),
        (
            b.t("入职时间", "Joined"),
            person.joined.map(|d| d.display()),
        ),
    ] {
        fields.push((label, value.unwrap_or_default()));
    }
    fields.push((b.t("制作日期", "Prepared on"), today.iso()));
    Workbook {
        lang: p.locale.tag(),
        doc_title: format!("{} — {}", person.name, book),
        running_title: book.clone(),
        name: person.name.clone(),
        page_pattern: b.t("第 {n} 页 / 共 {m} 页", "Page {n} of {m}"),
        contents_title: b.t("目录", "Contents"),
        date: today.iso(),
        cover: Cover {
            title: book,
            subtitle: b.t("Career development workbook", "职业发展工作手册"),
            name: person.name.clone(),
            fields,
            howto: vec![
                b.t(
                    "这本手册帮助你认识自己、确定职业目标和路线、制定行动计划，并定期回顾修正。已经填写的内容来自你的档案；空白处请在阅读时亲手填写。",
                    "This book helps you know yourself, set a career goal and route, plan your actions and review them regularly. What is filled in comes from your profile; write in the blank spaces as you go.",
                ),
                b.t(
                    "建议的顺序：先完成自我检查和橱窗分析，再确定需要与目标，最后写下策略和行动，并按复盘日期回顾。",
                    "Suggested order: self-check and Johari window first, then needs and goals, then strategy and actions; review on the dates given.",
                ),
            ],
        },
        sections,
    }
}

fn section(b: &B, id: &'static str, zh: &str, en: &str, blocks: Vec<Block>) -> Section {
    Section {
        id,
        title: b.t(zh, en),
        gloss: b.t(en, zh),
        blocks,
    }
}

/// Relative column widths as percentages (summing to 100), for HTML and PDF alike.
fn percent(w: &[f64]) -> Vec<f64> {
    let total: f64 = w.iter().sum();
    w.iter()
        .map(|x| (x / total * 1000.0).round() / 10.0)
        .collect()
}

fn para(s: String) -> Block {
    Block::Paragraph { text: s }
}

fn why(b: &B) -> Section {
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

fn goals_chart(b: &B) -> Figure {
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

fn self_check(b: &B, p: &Profile) -> Section {
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
            "Seven marks are typical of mediocre work. Rate each honestly: 1 means \"not me at all\", 5 \"very much me\". The highest scores are where to start.",
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

fn johari(b: &B, p: &Profile, a: &Analysis) -> Section {
    let j = &a.johari;
    let mut blocks = vec![para(b.t(
        "橱窗分析法把“我”分成四个窗格：自己知道、别人也知道的“公开的我”；自己知道、别人不知道的“隐私的我”；自己不知道、别人知道的“脊背的我”；自己和别人都不知道的“潜在的我”。",
        "The Johari window splits the self into four panes: the open self (known to me and to others), the hidden self (known to me only), the blind self (known to others only) and the unknown self (known to nobody).",
    ))];
    let own: Vec<String> = p.johari_self.iter().map(|i| b.w(i)).collect();
    blocks.push(Block::Facts {
        rows: vec![(b.t("我选的形容词", "My own picks"), b.list(&own))],
    });
    blocks.push(Block::Figure {
        figure: johari_figure(b, a).rounded(),
    });
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
                format!("Build on the open pane: {} is already seen by others; take on work that uses it.", b.list(&words)),
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
                    format!("Not enough raters yet: {n} peer(s) answered, and the peers' view is shown from {}. Invite more colleagues to pick 5–6 adjectives anonymously, then fill in the panes above by hand.", j.min_raters),
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

fn johari_figure(b: &B, a: &Analysis) -> Figure {
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
    // columns: known / not known to self; rows: known / not known to others
    // a blank window (too few raters) has four equal panes to write in
    let (col, row) = if a.johari.enough_raters {
        (
            split(n_open + n_hidden, n_blind + 1.0),
            split(n_open + n_blind, n_hidden + 1.0),
        )
    } else {
        (0.5, 0.5)
    };
    let (left, top, gw, gh) = (58.0, 34.0, FIG_W - 58.0, 330.0);
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
        for (k, part) in b
            .loc
            .pick(vec![&zh[..6], &zh[6..]], en.split(' ').collect::<Vec<_>>())
            .iter()
            .enumerate()
        {
            f.text(
                left - 8.0,
                y + k as f64 * 12.0,
                9.5,
                *part,
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
            color::PALE,
        ),
        (
            cx,
            top,
            left + gw - cx,
            cy - top,
            b.t("脊背的我", "Blind self"),
            blind,
            color::PALER,
        ),
        (
            left,
            cy,
            cx - left,
            top + gh - cy,
            b.t("隐私的我", "Hidden self"),
            hidden,
            color::PALER,
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
        let mut size: f64 = 10.0;
        let mut rows = flow_chips(&list, size, w - 20.0, 5.0);
        while rows.len() as f64 * size * 2.0 > h - 40.0 && size > 6.5 {
            size -= 0.5;
            rows = flow_chips(&list, size, w - 20.0, 4.0);
        }
        let line_h = size * 2.0;
        let max_rows = ((h - 40.0) / line_h).floor().max(1.0) as usize;
        let shown = rows.len().min(max_rows);
        for (r, row) in rows.iter().take(shown).enumerate() {
            let mut wx = x + 10.0;
            let wy = y + 34.0 + r as f64 * line_h;
            for word in row {
                let ww = approx_width(word, size) + size * 0.9;
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
                wx += ww + 5.0;
            }
        }
        if rows.len() > shown {
            let rest: usize = rows[shown..].iter().map(Vec::len).sum();
            f.text(
                x + w - 10.0,
                y + h - 8.0,
                8.0,
                b.loc
                    .pick(format!("另有 {rest} 个"), format!("+{rest} more")),
                Anchor::End,
                color::MUTED,
                false,
            );
        }
    }
    f
}

fn needs(b: &B, p: &Profile) -> Section {
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

fn needs_figure(b: &B, p: &Profile) -> Figure {
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

fn career(b: &B, p: &Profile, a: &Analysis, ladders: &Ladders) -> Section {
    let mut blocks = vec![para(b.t(
        "职业生涯有两条路线：带领团队的行政路线，和深耕专业的技术路线。下图按典型年龄画出两条阶梯，45 岁的台阶留给你自己来定。",
        "There are two routes: the administrative route of leading people and the technical route of deepening expertise. The chart shows both ladders by typical age; the step at 45 is yours to set.",
    ))];
    let own = p.career.as_ref().and_then(|c| ladders.get(&c.track).ok());
    let mut shown: Vec<&Ladder> = ladders
        .all
        .iter()
        .filter(|l| l.id == "administrative" || l.id == "technical")
        .collect();
    if let Some(l) = own {
        if !shown.iter().any(|s| s.id == l.id) {
            shown.push(l);
        }
    }
    blocks.push(Block::Figure {
        figure: ladder_figure(b, &shown, a, own).rounded(),
    });
    let mut rows = Vec::new();
    let pos = a.ladder.as_ref();
    let rung_title = |id: &Option<String>| -> String {
        match (own, id) {
            (Some(l), Some(id)) => l
                .rungs
                .iter()
                .find(|r| &r.id == id)
                .map(|r| r.title.get(b.loc).to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    rows.push((
        b.t("职业路线", "Route"),
        own.map(|l| l.name.get(b.loc).to_string())
            .unwrap_or_default(),
    ));
    rows.push((
        b.t("当前职级", "Current rung"),
        pos.map(|x| rung_title(&x.level)).unwrap_or_default(),
    ));
    rows.push((
        b.t("年龄", "Age"),
        pos.and_then(|x| x.age)
            .map(|a| a.to_string())
            .unwrap_or_default(),
    ));
    let position_text = pos.and_then(|x| Some((x.position?, x.years_from_typical?, x.typical_age?))).map(|(ps, d, t)| match ps {
        Position::Ahead => b.loc.pick(format!("领先：比该职级的典型年龄（{t} 岁）早 {} 年", -d), format!("Ahead: {} year(s) younger than the rung's typical age ({t})", -d)),
        Position::OnTrack => b.loc.pick(format!("正常：处在该职级的典型年龄段（{t} 岁起），已 {d} 年"), format!("On track: within the rung's typical age band (from {t}), {d} year(s) in")),
        Position::Behind => b.loc.pick(format!("落后：已超过下一级的典型年龄（比本级典型年龄 {t} 岁晚 {d} 年）"), format!("Behind: past the next rung's typical age ({d} years past this rung's typical {t})")),
    });
    rows.push((b.t("进度", "Position"), position_text.unwrap_or_default()));
    rows.push((
        b.t("下一级", "Next rung"),
        pos.map(|x| match (rung_title(&x.next_level), x.next_typical_age) {
            (t, Some(age)) if !t.is_empty() => b.loc.pick(
                format!("{t}（典型年龄 {age} 岁）"),
                format!("{t} (typical age {age})"),
            ),
            _ => String::new(),
        })
        .unwrap_or_default(),
    ));
    let target_text = pos.and_then(|x| {
        let t = rung_title(&x.target_level);
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
                format!("; {g} rung(s) to go and the date has passed: set a new one"),
            ),
            (Some(g), Some(y)) => b.loc.pick(
                format!("；还差 {g} 级，剩 {y} 年"),
                format!("; {g} rung(s) to go in {y} year(s)"),
            ),
            (Some(g), None) => b
                .loc
                .pick(format!("；还差 {g} 级"), format!("; {g} rung(s) to go")),
            _ => String::new(),
        };
        Some(format!("{t}{when}{gap}"))
    });
    rows.push((b.t("目标", "Target"), target_text.unwrap_or_default()));
    blocks.push(Block::Facts { rows });
    if let Some(fit) = &a.track_fit {
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
            Some(true) => b.t("，与你选择的路线一致。", ", which agrees with the route you chose."),
            Some(false) => b.t("，与你选择的路线不一致——值得和上级谈一谈，或者重新考虑路线。", ", which does not agree with the route you chose — worth a talk with your manager, or a second look at the route."),
            None => b.t("。", "."),
        };
        let mut evidence: Vec<String> = fit
            .administrative_needs
            .iter()
            .chain(fit.technical_needs.iter())
            .map(|id| b.w(by_id(catalog::NEEDS, id)))
            .collect();
        evidence.dedup();
        let tail = if evidence.is_empty() {
            String::new()
        } else {
            b.loc.pick(
                format!("（依据：{}）", b.list(&evidence)),
                format!(" (from: {})", b.list(&evidence)),
            )
        };
        blocks.push(Block::Heading {
            text: b.t("路线匹配", "Track fit"),
        });
        blocks.push(Block::Note {
            text: format!("{leaning}{agree}{tail}"),
        });
    } else {
        blocks.push(Block::Prompt { question: b.t("“当领导”和“专家”哪一项对你更重要？这意味着哪条路线？", "Which matters more to you, being a leader or being an expert? Which route does that point to?"), answer: vec![], lines: 2 });
    }
    if let (Some(l), Some(next)) = (own, pos.and_then(|x| x.next_level.clone())) {
        if let Some(r) = l.rungs.iter().find(|r| r.id == next) {
            if let Some(e) = &r.expectations {
                blocks.push(Block::Facts {
                    rows: vec![(
                        b.loc.pick(
                            format!("{}的要求", r.title.zh),
                            format!("What {} expects", r.title.en),
                        ),
                        e.get(b.loc).to_string(),
                    )],
                });
            }
        }
    }
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

fn ladder_figure(b: &B, shown: &[&Ladder], a: &Analysis, own: Option<&Ladder>) -> Figure {
    let min_age = shown
        .iter()
        .filter_map(|l| l.rungs.first())
        .map(|r| r.typical_age)
        .min()
        .unwrap_or(25)
        .min(25) as f64;
    let max_age = shown
        .iter()
        .map(|l| l.open_age())
        .max()
        .unwrap_or(45)
        .max(45) as f64;
    let (left, right) = (92.0, FIG_W - 6.0);
    let step_h = 17.0;
    let band = 112.0;
    let axis_y = 24.0 + band * shown.len() as f64;
    let mut f = Figure::new(
        FIG_W,
        axis_y + 34.0,
        b.t(
            "两条职业阶梯与典型年龄",
            "The two career ladders by typical age",
        ),
    );
    let xat = |age: f64| left + (age - min_age) / (max_age + 5.0 - min_age) * (right - left);
    // age axis
    f.line(left, axis_y, right, axis_y, color::MUTED, 0.8, false);
    let mut age = min_age;
    while age <= max_age {
        let x = xat(age);
        f.line(x, axis_y - 3.0, x, axis_y + 3.0, color::MUTED, 0.8, false);
        f.text(
            x,
            axis_y + 14.0,
            8.5,
            b.loc.pick(format!("{age} 岁"), format!("{age}")),
            Anchor::Middle,
            color::MUTED,
            false,
        );
        age += 5.0;
    }
    f.text(
        right,
        axis_y + 28.0,
        8.0,
        b.t("典型年龄", "typical age"),
        Anchor::End,
        color::MUTED,
        false,
    );
    let pos = a.ladder.as_ref();
    for (li, l) in shown.iter().enumerate() {
        let base = 24.0 + band * (li as f64 + 1.0) - 8.0;
        let is_own = own.is_some_and(|o| o.id == l.id);
        let name_rows = flow_words(l.name.get(b.loc), 10.5, left - 8.0);
        for (k, row) in name_rows.iter().take(2).enumerate() {
            f.text(
                0.0,
                base - band / 2.0 + 10.0 + k as f64 * 13.0,
                10.5,
                fit(row, 10.5, left - 8.0),
                Anchor::Start,
                if is_own { color::ACCENT } else { color::INK },
                true,
            );
        }
        let n = l.rungs.len() + 1;
        let tall = (band - 22.0).min(step_h * n as f64);
        let sh = tall / n as f64;
        for (ri, r) in l.rungs.iter().enumerate() {
            let x = xat(r.typical_age as f64);
            let nx = l
                .rungs
                .get(ri + 1)
                .map_or(xat(l.open_age() as f64), |nr| xat(nr.typical_age as f64));
            let h = sh * (ri as f64 + 1.0);
            let current = is_own && pos.and_then(|p| p.level.as_ref()) == Some(&r.id);
            let target = is_own && pos.and_then(|p| p.target_level.as_ref()) == Some(&r.id);
            let fill = if current {
                color::ACCENT
            } else if target {
                color::PALE
            } else {
                color::PALER
            };
            f.shapes.push(Shape::Rect {
                x: x + 1.0,
                y: base - h,
                w: nx - x - 2.0,
                h,
                r: 2.0,
                fill: Some(fill),
                stroke: Some(if target { color::WARM } else { color::RULE }),
                width: if target { 1.4 } else { 0.6 },
                dashed: false,
            });
            f.text(
                x + 5.0,
                base - h + 12.0,
                9.0,
                fit(r.title.get(b.loc), 9.0, nx - x - 10.0),
                Anchor::Start,
                if current { color::WHITE } else { color::INK },
                current || target,
            );
        }
        // the open step
        let x = xat(l.open_age() as f64);
        let h = sh * n as f64;
        f.shapes.push(Shape::Rect {
            x: x + 1.0,
            y: base - h,
            w: xat(max_age + 5.0) - x - 2.0,
            h,
            r: 2.0,
            fill: None,
            stroke: Some(color::MUTED),
            width: 0.8,
            dashed: true,
        });
        f.text(
            x + 5.0,
            base - h + 12.0,
            9.0,
            b.t("由你来定", "yours to set"),
            Anchor::Start,
            color::MUTED,
            false,
        );
        // markers
        if is_own {
            if let Some(p) = pos {
                if let Some(age) = p.age {
                    let x = xat((age as f64).clamp(min_age - 2.0, max_age + 4.0));
                    f.line(x, base - band + 30.0, x, axis_y, color::WARM, 1.0, true);
                    f.shapes.push(Shape::Ellipse {
                        cx: x,
                        cy: axis_y,
                        rx: 4.0,
                        ry: 4.0,
                        fill: Some(color::WARM),
                        stroke: None,
                        width: 0.0,
                    });
                    f.text(
                        x,
                        base - band + 26.0,
                        8.5,
                        b.loc.pick(
                            format!("你在这里 · {age} 岁"),
                            format!("you are here · {age}"),
                        ),
                        Anchor::Middle,
                        color::WARM,
                        true,
                    );
                }
                if let (Some(tage), Some(tl)) = (p.target_age, p.target_level.as_ref()) {
                    let x = xat((tage as f64).clamp(min_age, max_age + 4.0));
                    let title = l
                        .rungs
                        .iter()
                        .find(|r| &r.id == tl)
                        .map(|r| r.title.get(b.loc).to_string())
                        .unwrap_or_default();
                    f.shapes.push(Shape::Ellipse {
                        cx: x,
                        cy: base + 2.0,
                        rx: 3.5,
                        ry: 3.5,
                        fill: None,
                        stroke: Some(color::WARM),
                        width: 1.4,
                    });
                    f.text(
                        x,
                        base + 14.0,
                        8.0,
                        b.loc.pick(
                            format!("目标：{title} · {tage} 岁"),
                            format!("target: {title} · {tage}"),
                        ),
                        Anchor::Middle,
                        color::WARM,
                        false,
                    );
                }
            }
        }
    }
    f
}

fn strategy(b: &B, p: &Profile) -> Section {
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

fn actions(b: &B, p: &Profile) -> Section {
    let header = vec![
        b.t("目标", "Goal"),
        b.t("步骤", "Steps"),
        b.t("完成时间", "Due"),
        b.t("所需支持", "Support"),
        b.t("衡量标准", "Measure"),
    ];
    let mut rows: Vec<Vec<String>> = p
        .actions
        .iter()
        .map(|a| {
            vec![
                a.goal.clone(),
                a.steps.clone().unwrap_or_default(),
                a.due.map(|d| d.display()).unwrap_or_default(),
                a.support.clone().unwrap_or_default(),
                a.measure.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let blanks = if rows.len() >= 5 { 2 } else { 5 - rows.len() };
    rows.extend((0..blanks).map(|_| vec![String::new(); 5]));
    let blocks = vec![
        para(b.t(
            "把目标拆成具体的行动：每一项都写清步骤、完成时间、需要的支持和衡量标准。空行留给你补充新的行动。",
            "Break the goal into concrete actions, each with steps, a due date, the support you need and how you will measure it. Blank rows are for new actions.",
        )),
        Block::Table { header, rows, widths: percent(&[2.2, 2.6, 1.1, 1.6, 1.8]) },
    ];
    section(b, "actions", "行动计划", "Action plan", blocks)
}

fn reviews(b: &B, a: &Analysis) -> Section {
    let header = vec![
        b.t("复盘日期", "Review date"),
        b.t("进展与收获", "Progress and lessons"),
        b.t("需要修正的目标或行动", "What to revise"),
    ];
    let mut rows: Vec<Vec<String>> = a
        .reviews
        .iter()
        .map(|d| vec![d.iso(), String::new(), String::new()])
        .collect();
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
        Block::Table { header, rows, widths: percent(&[1.2, 3.0, 3.0]) },
    ];
    section(b, "reviews", "反馈与修正", "Feedback and revision", blocks)
}

fn burnout(b: &B, p: &Profile) -> Section {
    let items = catalog::BURNOUT_SIGNS
        .iter()
        .map(|s| Check {
            label: b.w(s),
            checked: p.burnout.iter().any(|x| x.id == s.id),
        })
        .collect();
    let mut blocks = vec![
        para(b.t("对工作产生厌倦常有八种迹象。勾出你最近注意到的：", "Eight signs often show that work is wearing you down. Tick the ones you have noticed lately:")),
        Block::Checklist { items },
    ];
    if p.burnout.len() >= 3 {
        blocks.push(Block::Note { text: b.t("你勾选了三项或更多迹象，建议尽快和上级或人力资源伙伴谈一谈。", "You ticked three signs or more: consider talking to your manager or HR partner soon.") });
    }
    blocks.push(Block::Heading {
        text: b.t("应对方法", "Remedies"),
    });
    blocks.push(Block::Bullets {
        items: catalog::BURNOUT_REMEDIES.iter().map(|r| b.w(r)).collect(),
    });
    blocks.push(Block::Prompt {
        question: b.t(
            "接下来一个月，我会这样照顾自己：",
            "Next month I will look after myself by:",
        ),
        answer: vec![],
        lines: 2,
    });
    section(b, "burnout", "厌倦预警", "Burnout watch", blocks)
}

fn service(b: &B, p: &Profile) -> Section {
    let s = p.service.clone().unwrap_or_default();
    let mut blocks = vec![
        Block::Heading { text: b.t("我的内部客户", "My internal customers") },
        para(b.t(
            "工作流程的下一个环节就是我的客户；上级、同事和下属都是内部客户。列出他们，以及我欠他们的具体交付和期限。",
            "The next step of every workflow is my customer; my manager, colleagues and reports are internal customers. List them with what I owe each, and by when.",
        )),
    ];
    let mut rows: Vec<Vec<String>> = s
        .internal_customers
        .iter()
        .map(|c| vec![c.who.clone(), c.owe.join("\n")])
        .collect();
    rows.extend(
        (0..if rows.len() >= 4 { 1 } else { 4 - rows.len() }).map(|_| vec![String::new(); 2]),
    );
    blocks.push(Block::Table {
        header: vec![
            b.t("内部客户", "Customer"),
            b.t("我应提供的交付（含期限）", "What I owe (with deadlines)"),
        ],
        rows,
        widths: percent(&[1.2, 3.8]),
    });
    blocks.push(Block::Heading {
        text: b.t("我的服务类型", "My service style"),
    });
    blocks.push(para(b.t(
        "服务可以从程序特性（流程是否规范）和个人特性（是否热情）两个维度来看，组合成四种类型。",
        "Service can be seen on two axes, procedure quality and personal warmth, which give four types.",
    )));
    blocks.push(Block::Figure {
        figure: service_figure(b, s.style).rounded(),
    });
    blocks.push(Block::Heading {
        text: b.t(
            "客户评价服务的五个维度",
            "Five dimensions customers judge service by",
        ),
    });
    let items = catalog::QUALITY_DIMENSIONS
        .iter()
        .zip(s.quality.iter().chain(std::iter::repeat(&None)))
        .map(|(d, v)| Rating {
            label: b.w(d),
            value: *v,
        })
        .collect();
    blocks.push(Block::Ratings {
        low: b.t("弱", "weak"),
        high: b.t("强", "strong"),
        items,
    });
    blocks.push(Block::Note {
        text: b.t(
            "其中信赖度最为重要。",
            "Of the five, reliability matters most.",
        ),
    });
    blocks.push(Block::Facts {
        rows: vec![
            (
                b.t("服务的四个层次", "Four levels of service"),
                b.list(
                    &catalog::SERVICE_LEVELS
                        .iter()
                        .map(|l| b.w(l))
                        .collect::<Vec<_>>(),
                ),
            ),
            (
                b.t("优秀服务人员的外在", "Outer qualities"),
                b.list(
                    &catalog::SERVICE_OUTER
                        .iter()
                        .map(|l| b.w(l))
                        .collect::<Vec<_>>(),
                ),
            ),
            (
                b.t("优秀服务人员的内在", "Inner qualities"),
                b.list(
                    &catalog::SERVICE_INNER
                        .iter()
                        .map(|l| b.w(l))
                        .collect::<Vec<_>>(),
                ),
            ),
        ],
    });
    blocks.push(Block::Stats {
        items: vec![
            Stat {
                value: "5 / 10".into(),
                label: b.t(
                    "满意的客户会告诉 5 个人，不满的会告诉 10 个人",
                    "a satisfied customer tells 5 people, an unhappy one 10",
                ),
            },
            Stat {
                value: "≈5×".into(),
                label: b.t(
                    "争取新客户的成本约是留住老客户的 5 倍",
                    "winning a new customer costs about 5× keeping one",
                ),
            },
            Stat {
                value: "4%".into(),
                label: b.t(
                    "不满意的客户中只有 4% 会投诉",
                    "only 4% of unhappy customers complain",
                ),
            },
        ],
    });
    section(b, "service", "服务意识", "Service mindset", blocks)
}

fn service_figure(b: &B, style: Option<(u8, u8)>) -> Figure {
    let (left, top, w, h) = (70.0, 10.0, FIG_W - 140.0, 200.0);
    let mut f = Figure::new(
        FIG_W,
        top + h + 34.0,
        b.t("服务类型四象限", "The four service types"),
    );
    let (hw, hh) = (w / 2.0, h / 2.0);
    // quadrants: warmth is the vertical axis (high at top), procedure horizontal (high at right)
    for (item, proc_high, warm_high) in catalog::SERVICE_TYPES {
        let x = left + if *proc_high { hw } else { 0.0 };
        let y = top + if *warm_high { 0.0 } else { hh };
        let mine = style.is_some_and(|(p, wv)| (p >= 3) == *proc_high && (wv >= 3) == *warm_high);
        f.shapes.push(Shape::Rect {
            x,
            y,
            w: hw,
            h: hh,
            r: 0.0,
            fill: Some(if mine { color::PALE } else { color::PALER }),
            stroke: Some(color::RULE),
            width: 1.0,
            dashed: false,
        });
        f.text(
            x + hw / 2.0,
            y + hh / 2.0 + 4.0,
            11.0,
            b.w(item),
            Anchor::Middle,
            if mine { color::ACCENT } else { color::INK },
            mine,
        );
    }
    f.text(
        left + w / 2.0,
        top + h + 16.0,
        9.0,
        b.t("程序特性 →", "procedure quality →"),
        Anchor::Middle,
        color::MUTED,
        true,
    );
    f.text(
        left - 8.0,
        top + h / 2.0,
        9.0,
        b.t("个人特性", "warmth"),
        Anchor::End,
        color::MUTED,
        true,
    );
    f.text(
        left - 8.0,
        top + h / 2.0 + 12.0,
        9.0,
        "↑",
        Anchor::End,
        color::MUTED,
        true,
    );
    match style {
        Some((p, wv)) => {
            let x = left + (p as f64 - 0.5) / 5.0 * w;
            let y = top + h - (wv as f64 - 0.5) / 5.0 * h;
            f.shapes.push(Shape::Ellipse {
                cx: x,
                cy: y,
                rx: 5.0,
                ry: 5.0,
                fill: Some(color::WARM),
                stroke: None,
                width: 0.0,
            });
            f.text(
                x + 8.0,
                y - 6.0,
                8.5,
                b.loc
                    .pick(format!("我（{p}, {wv}）"), format!("me ({p}, {wv})")),
                Anchor::Start,
                color::WARM,
                true,
            );
        }
        None => f.text(
            left + w / 2.0,
            top + h + 30.0,
            8.5,
            b.t("在图中标出你自己的位置", "Mark where you stand"),
            Anchor::Middle,
            color::MUTED,
            false,
        ),
    }
    f
}
