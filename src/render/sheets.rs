//! The peers' side of the feedback round: printable pick sheets (one A4 page per copy:
//! the colleague's name and code, the question, the 55 adjectives in both languages
//! with tick boxes, and no place for the rater's name) and the question as plain text
//! to paste into a survey tool.

use crate::base::locale::Locale;
use crate::profile::catalog;
use crate::workbook::{Block, Check};

/// One subject of the round.
#[derive(Debug, Clone)]
pub struct Subject {
    /// Name shown on the sheet.
    pub name: String,
    /// The code raters copy into the survey (the person's id).
    pub code: String,
}

/// The question, in `loc`.
pub fn question(loc: Locale) -> &'static str {
    loc.pick(
        "请选出最能描述这位同事的 5–6 个形容词。",
        "Pick the 5–6 adjectives that describe this colleague best.",
    )
}

/// The label of the subject's code: the word the company itself uses.
fn code_label(loc: Locale) -> &'static str {
    match loc {
        Locale::Zh => "工号",
        Locale::ZhTw => "員工編號",
        Locale::En => "Employee id",
    }
}

/// The blocks of one sheet: every copy of it is the same, with nothing (no copy
/// number) that could tell whose sheet came back.
pub fn sheet(s: &Subject, loc: Locale) -> Vec<Block> {
    let facts = vec![
        (
            loc.pick("被评价的同事", "Colleague").to_string(),
            s.name.clone(),
        ),
        (code_label(loc).to_string(), s.code.clone()),
    ];
    vec![
        Block::Heading {
            text: loc
                .pick("同事反馈：橱窗分析选择单", "Colleague feedback: Johari pick sheet")
                .to_string(),
        },
        Block::Facts { rows: facts },
        Block::Paragraph {
            text: format!(
                "{}{}{}",
                question(loc),
                loc.pick("", " "),
                loc.pick(
                    "凭你平时的观察勾选，不要多想；勾 5 个或 6 个都可以。",
                    "Tick from what you have seen of them, without thinking too long; 5 or 6 are both fine.",
                )
            ),
        },
        Block::Grid {
            items: catalog::ADJECTIVES
                .iter()
                .map(|a| Check {
                    label: loc.pick(format!("{} {}", a.zh, a.en), format!("{} {}", a.en, a.zh)),
                    checked: false,
                })
                .collect(),
            columns: 4,
        },
        Block::Note {
            text: loc
                .pick(
                    "这张单子是匿名的：不要写你的名字。填好后折起来交给 HR，或投进收集箱。你的选择只和其他同事的一起计入，任何人都看不到是谁选了什么。",
                    "This sheet is anonymous: do not write your name. Fold it and hand it to HR, or drop it in the box. Your picks are only ever counted together with other colleagues'; nobody sees who picked what.",
                )
                .to_string(),
        },
    ]
}

/// The question and its 55 options as plain text, ready to paste into a survey tool.
pub fn template(loc: Locale) -> String {
    let mut out = String::new();
    out.push_str(loc.pick(
        "# 同事反馈问卷（橱窗分析）。在问卷工具里建两道题：\n",
        "# Colleague feedback survey (Johari window). Make two questions in your survey tool:\n",
    ));
    out.push_str(loc.pick(
        "# 第 1 题（填空题，必填）：被评价同事的工号\n",
        "# Question 1 (text, required): Colleague's employee id\n",
    ));
    out.push_str(&format!(
        "{}{}{}\n",
        loc.pick(
            "# 第 2 题（多选题，选 5–6 项）：",
            "# Question 2 (multiple choice, 5–6 answers): "
        ),
        question(loc),
        loc.pick("选项如下，每行一个：", " The options, one per line:")
    ));
    out.push_str(loc.pick(
        "# 不要收集答题人的姓名；如果工具自动记录了，careerbook 只用它把同一人的多次作答算作一次。\n",
        "# Do not ask for the rater's name; if the tool records one, careerbook uses it only to count a rater once.\n",
    ));
    out.push_str(loc.pick(
        "# 导出为 Excel 或 CSV 后：careerbook batch 名单.xlsx --feedback 导出.xlsx -o 输出\n",
        "# Export as Excel or CSV, then: careerbook batch roster.xlsx --feedback export.xlsx -o out\n",
    ));
    for a in catalog::ADJECTIVES {
        out.push_str(a.label(loc));
        out.push('\n');
    }
    out
}
