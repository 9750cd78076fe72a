//! The workbook: what the document says, section by section, in the profile's
//! language. Built from a profile and its analysis; every output renders this.

use crate::analysis::Analysis;
use crate::base::locale::Locale;
use crate::profile::catalog::{self, by_id, Item};
use crate::profile::ladder::Ladders;
use crate::profile::model::{Date, Profile};
use crate::workbook::figure::Figure;
use serde::Serialize;

mod career;
pub mod figure;
mod intro;
mod johari;
mod ladder_chart;
mod needs;
mod next_rung;
mod plan;
mod service;
mod since;
mod wellbeing;

use career::career;
use intro::{self_check, why};
use johari::johari;
use needs::needs;
use next_rung::next_rung;
use plan::{actions, reviews, strategy};
use service::service;
use wellbeing::burnout;

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
    /// Tick boxes in a grid of `columns` columns (e.g. the 55 adjectives).
    Grid { items: Vec<Check>, columns: usize },
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

/// The workbook's words in its language: [`Words::t`] picks the zh or en text of a
/// phrase, [`Words::w`] names a catalogue item.
struct Words {
    loc: Locale,
}

impl Words {
    fn t(&self, zh: &str, en: &str) -> String {
        self.loc.text(zh, en)
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
    let b = Words { loc: p.locale };
    let book = b.t("职业发展工作手册", "Career development workbook");
    let mut sections = vec![why(&b)];
    if let Some(c) = &a.changes {
        sections.push(since::since(&b, c, ladders));
    }
    sections.extend([
        self_check(&b, p),
        johari(&b, p, a),
        needs(&b, p),
        career(&b, p, a, ladders),
        next_rung(&b, p, a, ladders),
        strategy(&b, p),
        actions(&b, p, a, ladders),
        reviews(&b, p, a),
        burnout(&b, p),
    ]);
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

fn section(b: &Words, id: &'static str, zh: &str, en: &str, blocks: Vec<Block>) -> Section {
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
