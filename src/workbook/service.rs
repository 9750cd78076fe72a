//! The optional service-mindset modules and the service-style chart.

use super::{para, percent, section, Block, Rating, Section, Stat, Words, FIG_W};
use crate::profile::catalog::{self, Item};
use crate::profile::model::{Profile, Service};
use crate::workbook::figure::{color, Anchor, Figure, Shape};

/// The section: the internal customers, the service style, the five dimensions of
/// service quality, and what makes good service.
pub(super) fn service(b: &Words, p: &Profile) -> Section {
    let s = p.service.clone().unwrap_or_default();
    let mut blocks = internal_customers(b, &s);
    blocks.extend(service_style(b, s.style));
    blocks.extend(quality(b, &s.quality));
    blocks.push(good_service(b));
    blocks.push(why_it_matters(b));
    section(b, "service", "服务意识", "Service mindset", blocks)
}

/// The internal customers and what is owed to each, with blank rows to fill in
/// (four rows at least, and always one blank).
fn internal_customers(b: &Words, s: &Service) -> Vec<Block> {
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
    blocks
}

/// The service style: the four types and the person's mark on them, with a note
/// when the mark sits on a divider.
fn service_style(b: &Words, style: Option<(u8, u8)>) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading {
            text: b.t("我的服务类型", "My service style"),
        },
        para(b.t(
            "服务可以从程序特性（流程是否规范）和个人特性（是否热情）两个维度来看，组合成四种类型。",
            "Service can be seen on two axes, procedure quality and personal warmth, which give four types.",
        )),
        Block::Figure {
            figure: service_figure(b, style).rounded(),
        },
    ];
    if style.is_some_and(|(p, w)| p == 3 || w == 3) {
        blocks.push(Block::Note {
            text: b.t(
                "3 分在量表的正中：你的点落在分界线上，不属于任何一个象限。想一想你更常偏向哪一边。",
                "A 3 is the middle of the scale: your mark sits on the dividing line and belongs to no quadrant. Think about which side you lean to more often.",
            ),
        });
    }
    blocks
}

/// The five dimensions customers judge service by, rated 1–5 (blank where the
/// profile has no rating).
fn quality(b: &Words, quality: &[Option<u8>]) -> Vec<Block> {
    let items = catalog::QUALITY_DIMENSIONS
        .iter()
        .zip(quality.iter().chain(std::iter::repeat(&None)))
        .map(|(d, v)| Rating {
            label: b.w(d),
            value: *v,
        })
        .collect();
    vec![
        Block::Heading {
            text: b.t(
                "客户评价服务的五个维度",
                "Five dimensions customers judge service by",
            ),
        },
        Block::Ratings {
            low: b.t("弱", "weak"),
            high: b.t("强", "strong"),
            items,
        },
        Block::Note {
            text: b.t(
                "其中信赖度最为重要。",
                "Of the five, reliability matters most.",
            ),
        },
    ]
}

/// The four levels of service and the outer and inner qualities of good service
/// people.
fn good_service(b: &Words) -> Block {
    let list = |items: &[Item]| b.list(&items.iter().map(|l| b.w(l)).collect::<Vec<_>>());
    Block::Facts {
        rows: vec![
            (
                b.t("服务的四个层次", "Four levels of service"),
                list(catalog::SERVICE_LEVELS),
            ),
            (
                b.t("优秀服务人员的外在", "Outer qualities"),
                list(catalog::SERVICE_OUTER),
            ),
            (
                b.t("优秀服务人员的内在", "Inner qualities"),
                list(catalog::SERVICE_INNER),
            ),
        ],
    }
}

/// Why service matters, in three figures.
fn why_it_matters(b: &Words) -> Block {
    Block::Stats {
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
    }
}

/// Left edge of the quadrants (the same room is kept at the right), their top, and
/// their width and height; the room under them for the scale's labels.
const QUAD_LEFT: f64 = 70.0;
const QUAD_TOP: f64 = 10.0;
const QUAD_W: f64 = FIG_W - 2.0 * QUAD_LEFT;
const QUAD_H: f64 = 200.0;
const BELOW: f64 = 34.0;
/// Baseline of the procedure scale's labels, under the quadrants.
const SCALE_Y: f64 = QUAD_TOP + QUAD_H + 16.0;
/// The warmth scale's labels end this far left of the quadrants.
const SCALE_GAP: f64 = 8.0;

/// The four service types as quadrants (warmth up, procedure quality across), the
/// person's type shaded and their mark on it, or a prompt to mark it.
pub(super) fn service_figure(b: &Words, style: Option<(u8, u8)>) -> Figure {
    let mut f = Figure::new(
        FIG_W,
        QUAD_TOP + QUAD_H + BELOW,
        b.t("服务类型四象限", "The four service types"),
    );
    quadrants(&mut f, b, style);
    scales(&mut f, b);
    match style {
        Some((p, wv)) => style_mark(&mut f, b, p, wv),
        None => f.text(
            QUAD_LEFT + QUAD_W / 2.0,
            QUAD_TOP + QUAD_H + 30.0,
            8.5,
            b.t("在图中标出你自己的位置", "Mark where you stand"),
            Anchor::Middle,
            color::MUTED,
            false,
        ),
    }
    f
}

/// The four quadrants, each with its type's name; the person's shaded.
fn quadrants(f: &mut Figure, b: &Words, style: Option<(u8, u8)>) {
    let (hw, hh) = (QUAD_W / 2.0, QUAD_H / 2.0);
    // quadrants: warmth is the vertical axis (high at top), procedure horizontal (high at right)
    for (item, proc_high, warm_high) in catalog::SERVICE_TYPES {
        let x = QUAD_LEFT + if *proc_high { hw } else { 0.0 };
        let y = QUAD_TOP + if *warm_high { 0.0 } else { hh };
        // a 3 is the middle of the scale: it sits on the divider and claims no quadrant
        let mine = style.is_some_and(|(p, wv)| {
            p != 3 && wv != 3 && (p > 3) == *proc_high && (wv > 3) == *warm_high
        });
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
}

/// The two scales' names and ends: procedure quality under the quadrants, warmth
/// left of them.
fn scales(f: &mut Figure, b: &Words) {
    let (left, top, w, h) = (QUAD_LEFT, QUAD_TOP, QUAD_W, QUAD_H);
    f.text(
        left + w / 2.0,
        SCALE_Y,
        9.0,
        b.t("程序特性 →", "procedure quality →"),
        Anchor::Middle,
        color::MUTED,
        true,
    );
    // the ends of both scales
    for (x, y, anchor, text) in [
        (left, SCALE_Y, Anchor::Start, b.t("低 1", "low 1")),
        (left + w, SCALE_Y, Anchor::End, b.t("5 高", "5 high")),
        (left - SCALE_GAP, top + h, Anchor::End, b.t("低 1", "low 1")),
        (
            left - SCALE_GAP,
            top + 9.0,
            Anchor::End,
            b.t("5 高", "5 high"),
        ),
    ] {
        f.text(x, y, 8.0, text, anchor, color::MUTED, false);
    }
    f.text(
        left - SCALE_GAP,
        top + h / 2.0,
        9.0,
        b.t("个人特性", "warmth"),
        Anchor::End,
        color::MUTED,
        true,
    );
    f.text(
        left - SCALE_GAP,
        top + h / 2.0 + 12.0,
        9.0,
        "↑",
        Anchor::End,
        color::MUTED,
        true,
    );
}

/// The person's mark at (procedure `p`, warmth `wv`), each 1–5, with its label.
fn style_mark(f: &mut Figure, b: &Words, p: u8, wv: u8) {
    let x = QUAD_LEFT + (p as f64 - 0.5) / 5.0 * QUAD_W;
    let y = QUAD_TOP + QUAD_H - (wv as f64 - 0.5) / 5.0 * QUAD_H;
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
