//! The columns of a long grid, found by their headers in Chinese or English (`职级`,
//! `Level`, `任职标准`, `Standard`, …), each text column with its language: from a
//! tag in the header (`任职标准（英文）`, `Title (zh)`), else from its cells.

use super::place::At;
use crate::tables::TableRow;

/// What a column of a long grid holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The job family (序列), i.e. the ladder's name.
    Family,
    /// The rung's code or number (职级).
    Level,
    /// The rung's title (职级名称).
    Title,
    /// The rung's typical age.
    Age,
    /// Years usually spent on the rung below.
    MinYears,
    /// A prerequisite of the rung.
    Requires,
    /// What the rung expects, in a sentence.
    Expectations,
    /// The standard's id.
    Id,
    /// The standard's category (标准类别), one of the five areas.
    Category,
    /// The item the standard belongs to (标准项).
    Item,
    /// The standard's weight.
    Weight,
    /// The standard itself (任职标准).
    Text,
}

/// The language of a text column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
}

/// Header words of each field, normalised (lower case, no spaces, `_`, `*`, `:`).
const WORDS: &[(Field, &[&str])] = &[
    (
        Field::Family,
        &[
            "序列",
            "通道",
            "职位序列",
            "职业序列",
            "序列名称",
            "通道名称",
            "职族",
            "族群",
            "职业路线",
            "发展通道",
            "family",
            "jobfamily",
            "track",
            "careertrack",
            "ladder",
        ],
    ),
    (
        Field::Level,
        &[
            "职级",
            "级别",
            "职等",
            "等级",
            "层级",
            "职级代码",
            "职级编码",
            "级别代码",
            "level",
            "grade",
            "rung",
            "levelcode",
            "grade_code",
        ],
    ),
    (
        Field::Title,
        &[
            "职级名称",
            "级别名称",
            "职级称谓",
            "层级名称",
            "等级名称",
            "title",
            "leveltitle",
            "rungtitle",
            "levelname",
            "rungname",
        ],
    ),
    (
        Field::Age,
        &["典型年龄", "年龄", "参考年龄", "typicalage", "age"],
    ),
    (
        Field::MinYears,
        &[
            "最低任职年限",
            "任职年限",
            "最低年限",
            "最短任职年限",
            "晋升年限",
            "minyears",
            "minimumyears",
            "yearsonrung",
            "yearsinlevel",
        ],
    ),
    (
        Field::Requires,
        &[
            "前提条件",
            "必备条件",
            "先决条件",
            "prerequisite",
            "prerequisites",
            "requires",
        ],
    ),
    (
        Field::Expectations,
        &[
            "职级说明",
            "职级定义",
            "级别定义",
            "角色定位",
            "职责概述",
            "expectations",
            "summary",
            "leveldefinition",
        ],
    ),
    (
        Field::Id,
        &["编号", "标准编号", "标准id", "id", "standardid"],
    ),
    (
        Field::Category,
        &[
            "标准类别",
            "类别",
            "维度",
            "标准维度",
            "标准类型",
            "能力维度",
            "资格类别",
            "任职资格类别",
            "模块",
            "area",
            "category",
            "dimension",
        ],
    ),
    (
        Field::Item,
        &[
            "标准项",
            "行为要项",
            "要项",
            "能力项",
            "标准名称",
            "要素",
            "能力要素",
            "评价项",
            "item",
            "standarditem",
            "competency",
            "element",
        ],
    ),
    (
        Field::Weight,
        &["权重", "比重", "占比", "weight", "weighting"],
    ),
    (
        Field::Text,
        &[
            "任职标准",
            "标准",
            "标准描述",
            "标准内容",
            "具体标准",
            "标准要求",
            "任职要求",
            "行为标准",
            "描述",
            "要求",
            "standard",
            "description",
            "criteria",
            "text",
            "requirement",
        ],
    ),
];

impl Field {
    /// Whether the field holds text in a language (so a grid may have it twice).
    pub fn texty(self) -> bool {
        matches!(
            self,
            Field::Family
                | Field::Title
                | Field::Requires
                | Field::Expectations
                | Field::Item
                | Field::Text
        )
    }

    /// Whether the field belongs to the rung (read once per rung, merged down).
    pub fn of_rung(self) -> bool {
        matches!(
            self,
            Field::Family
                | Field::Level
                | Field::Title
                | Field::Age
                | Field::MinYears
                | Field::Requires
                | Field::Expectations
        )
    }

    /// Its header in an exported grid or a template: (zh, en).
    pub fn header(self) -> (&'static str, &'static str) {
        match self {
            Field::Family => ("序列", "Family"),
            Field::Level => ("职级", "Level"),
            Field::Title => ("职级名称", "Title"),
            Field::Age => ("典型年龄", "Typical age"),
            Field::MinYears => ("最低任职年限", "Min years"),
            Field::Requires => ("前提条件", "Prerequisite"),
            Field::Expectations => ("职级说明", "Expectations"),
            Field::Id => ("编号", "ID"),
            Field::Category => ("标准类别", "Category"),
            Field::Item => ("标准项", "Item"),
            Field::Weight => ("权重", "Weight"),
            Field::Text => ("任职标准", "Standard"),
        }
    }

    /// What the report calls it.
    pub fn role(self) -> String {
        let key = match self {
            Field::Family => "grid.role.family",
            Field::Level => "grid.role.level",
            Field::Title => "grid.role.title",
            Field::Age => "grid.role.age",
            Field::MinYears => "grid.role.min_years",
            Field::Requires => "grid.role.requires",
            Field::Expectations => "grid.role.expectations",
            Field::Id => "grid.role.id",
            Field::Category => "grid.role.category",
            Field::Item => "grid.role.item",
            Field::Weight => "grid.role.weight",
            Field::Text => "grid.role.text",
        };
        crate::base::messages::text(crate::base::lang::current(), key).to_string()
    }
}

/// A header's words without case, spaces, `_`, `*` and `:`, Traditional folded.
fn fold(s: &str) -> String {
    crate::profile::catalog::normalise(s)
        .chars()
        .filter(|c| !matches!(c, '_' | '*' | ':' | '：' | '\u{3000}'))
        .collect()
}

/// A language named in a header's tag, as in `(en)`, `（英文）`, `[zh]`.
fn lang_word(w: &str) -> Option<Lang> {
    match fold(w).as_str() {
        "en" | "eng" | "english" | "英文" | "英" | "英语" => Some(Lang::En),
        "zh" | "cn" | "zhcn" | "chinese" | "中文" | "中" | "汉语" => Some(Lang::Zh),
        _ => None,
    }
}

/// A header split into its words and its language tag; a bracketed unit that is no
/// language (`权重（%）`, `年龄（岁）`) is dropped.
fn split_tag(header: &str) -> (String, Option<Lang>) {
    let h: String = header
        .trim()
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '【' => '[',
            '】' => ']',
            c => c,
        })
        .collect();
    let h = h.lines().next().unwrap_or("").trim().to_string();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if h.ends_with(close) {
            if let Some(i) = h.rfind(open) {
                let inner = &h[i + 1..h.len() - 1];
                return (h[..i].trim().to_string(), lang_word(inner));
            }
        }
    }
    for (sep, lang) in [
        ("_en", Lang::En),
        (" en", Lang::En),
        ("-en", Lang::En),
        ("_zh", Lang::Zh),
        (" zh", Lang::Zh),
        ("-zh", Lang::Zh),
    ] {
        if h.len() > sep.len() && h.to_ascii_lowercase().ends_with(sep) {
            return (h[..h.len() - sep.len()].to_string(), Some(lang));
        }
    }
    (h, None)
}

/// The field a header names, and the language its tag gives.
pub fn recognise(header: &str) -> Option<(Field, Option<Lang>)> {
    let (words, lang) = split_tag(header);
    let w = fold(&words);
    if w.is_empty() {
        return None;
    }
    let field = WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|x| fold(x) == w))
        .map(|(f, _)| *f)?;
    Some((field, if field.texty() { lang } else { None }))
}

/// One column of a long grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its index, 0 = A.
    pub col: usize,
    /// What it holds.
    pub field: Field,
    /// For a text column, its language (resolved from the cells when not tagged).
    pub lang: Option<Lang>,
}

/// The columns of a long grid's header row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    /// The recognised columns, left to right.
    pub used: Vec<Column>,
    /// The header cells, index 0 = column A.
    pub headers: Vec<String>,
    /// The row number of the header.
    pub row: usize,
}

impl Columns {
    /// Reads `t` as the header row of a long grid: a standard column and a level or
    /// title column among at least three known ones.
    pub fn recognise(t: &TableRow) -> Option<Columns> {
        let used: Vec<Column> = t
            .cells
            .iter()
            .enumerate()
            .filter_map(|(col, h)| recognise(h).map(|(field, lang)| Column { col, field, lang }))
            .collect();
        let has = |f: Field| used.iter().any(|c| c.field == f);
        (used.len() >= 3 && has(Field::Text) && (has(Field::Level) || has(Field::Title))).then(
            || Columns {
                used,
                headers: t.cells.clone(),
                row: t.row,
            },
        )
    }

    /// The first column of a field with no language (level, age, weight, …).
    pub fn of(&self, f: Field) -> Option<usize> {
        self.used.iter().find(|c| c.field == f).map(|c| c.col)
    }

    /// The column of a text field in a language.
    pub fn text(&self, f: Field, lang: Lang) -> Option<usize> {
        self.used
            .iter()
            .find(|c| c.field == f && c.lang == Some(lang))
            .map(|c| c.col)
    }

    /// Whether the grid has a column for `f`.
    pub fn has(&self, f: Field) -> bool {
        self.used.iter().any(|c| c.field == f)
    }

    /// Gives every untagged text column its language from its cells (any Chinese
    /// character: zh, else en; no text at all: the header's); returns the columns
    /// of a field that ended up twice in one language, or a second column of a field
    /// without language, as (first, second).
    pub fn resolve(&mut self, rows: &[TableRow]) -> Vec<(At, At, Field)> {
        for c in &mut self.used {
            if !c.field.texty() || c.lang.is_some() {
                continue;
            }
            let cells = || rows.iter().filter_map(|r| r.cells.get(c.col));
            let lang = if cells().any(|s| has_cjk(s)) {
                Lang::Zh
            } else if cells().any(|s| !s.trim().is_empty()) {
                Lang::En
            } else if has_cjk(&self.headers[c.col]) {
                Lang::Zh
            } else {
                Lang::En
            };
            c.lang = Some(lang);
        }
        let mut twice = Vec::new();
        for (i, c) in self.used.iter().enumerate() {
            if let Some(first) = self.used[..i]
                .iter()
                .find(|p| p.field == c.field && p.lang == c.lang)
            {
                let at = |col| At { row: self.row, col };
                twice.push((at(first.col), at(c.col), c.field));
            }
        }
        twice
    }

    /// The header cells that name no field.
    pub fn ignored(&self) -> Vec<(usize, String)> {
        self.headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.trim().is_empty() && !self.used.iter().any(|c| c.col == *i))
            .map(|(i, h)| (i, h.trim().to_string()))
            .collect()
    }
}

/// Whether `s` has a Chinese character.
pub fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_both_languages_with_tags_and_units() {
        assert_eq!(recognise("职级"), Some((Field::Level, None)));
        assert_eq!(recognise(" 任职标准 "), Some((Field::Text, None)));
        assert_eq!(
            recognise("任职标准（英文）"),
            Some((Field::Text, Some(Lang::En)))
        );
        assert_eq!(
            recognise("Title (zh)"),
            Some((Field::Title, Some(Lang::Zh)))
        );
        assert_eq!(
            recognise("standard_en"),
            Some((Field::Text, Some(Lang::En)))
        );
        assert_eq!(recognise("权重（%）"), Some((Field::Weight, None)));
        assert_eq!(recognise("Typical age"), Some((Field::Age, None)));
        assert_eq!(
            recognise("職級名稱"),
            Some((Field::Title, None)),
            "Traditional"
        );
        assert_eq!(recognise("行为要项*"), Some((Field::Item, None)));
        assert_eq!(recognise("备注"), None);
        assert_eq!(recognise(""), None);
    }

    #[test]
    fn a_header_row_needs_a_standard_and_a_rung_column() {
        let row = |cells: &[&str]| TableRow {
            row: 3,
            cells: cells.iter().map(|s| s.to_string()).collect(),
            oversized: None,
        };
        assert!(Columns::recognise(&row(&["2026 年任职资格标准", "", ""])).is_none());
        assert!(Columns::recognise(&row(&["职级", "标准类别", "备注"])).is_none());
        let mut c = Columns::recognise(&row(&["职级", "标准类别", "任职标准", "Standard", "备注"]))
            .unwrap();
        assert_eq!(c.ignored(), vec![(4, "备注".to_string())]);
        let data = vec![row(&["P1", "知识", "熟悉产品", "Knows the range"])];
        assert!(c.resolve(&data).is_empty());
        assert_eq!(c.text(Field::Text, Lang::Zh), Some(2));
        assert_eq!(c.text(Field::Text, Lang::En), Some(3));
        // two Chinese standard columns are one too many
        let mut c = Columns::recognise(&row(&["职级", "标准类别", "任职标准", "标准"])).unwrap();
        let data = vec![row(&["P1", "知识", "熟悉产品", "了解"])];
        let twice = c.resolve(&data);
        assert_eq!(twice.len(), 1);
        assert_eq!(
            (twice[0].0.cell(), twice[0].1.cell()),
            ("C3".into(), "D3".into())
        );
    }
}
