//! An empty qualification grid to fill in: a title row, a row explaining each
//! column, the header and one example rung with a standard in each area, in Chinese
//! or English. It imports as it is.

use super::columns::Field;
use super::export::{csv, header, xlsx, Col, ExportFormat, Sheet, Value};
use crate::base::locale::Locale;

/// Each column of the template with its note and its example per standard, (zh, en).
type Column = (Field, (&'static str, &'static str));

const COLUMNS: &[Column] = &[
    (Field::Family, ("职位序列，整张表相同，导入后作为阶梯的名称；一个序列一张工作表（导入时用 --sheet 选）。", "The job family, the same on every row; it becomes the ladder's name. One family per sheet (pick it with --sheet).")),
    (Field::Level, ("职级代码，如 P1、P2：导入时按其中的数字从低到高排列。一个职级的单元格可以向下合并。", "The level's code, such as L1, L2: rungs are put in the order of its number. A level's cells may be merged down.")),
    (Field::Title, ("职级的称谓。要英文时，加一列“职级名称（英文）”。", "The level's title. For Chinese too, add a column “Title (zh)”.")),
    (Field::Age, ("人们通常达到这一级的年龄，逐级递增；整列不填时，导入会补上并提示你修改。", "The age at which people usually reach the level, rising level by level; leave the column empty and the import fills it in and says so.")),
    (Field::MinYears, ("晋升到这一级之前，通常在下一级工作的年数（可不填）。", "Years usually spent on the level below before this one (optional).")),
    (Field::Requires, ("证书、培训等前提条件（可不填）。", "A prerequisite such as a certificate or a course (optional).")),
    (Field::Category, ("基本条件、知识、技能、行为、绩效之一；素质、能力、业绩、贡献等同义词也可以。", "One of: basic conditions, knowledge, skills, behaviour, results (synonyms such as abilities, values, impact are taken).")),
    (Field::Item, ("标准项的名称，同一职级内不重复；档案里的评估靠它对应，改名就成了新的标准。", "The item's name, once per level; profiles' marks follow it, so a new name makes a new standard.")),
    (Field::Weight, ("这一项在本级中的权重，如 20%；每个职级合计 100%（可不填）。", "The item's weight within the level, such as 20%; a level's weights add up to 100% (optional).")),
    (Field::Text, ("具体的任职标准，不能为空。要英文时，加一列“任职标准（英文）”。", "The standard itself; never empty. For Chinese too, add a column “Standard (zh)”.")),
];

/// The example rung: family, level, title, age, min years, prerequisite, (zh, en).
const RUNG: [(&str, &str); 6] = [
    ("技术序列", "Engineering"),
    ("P2", "L2"),
    ("工程师", "Engineer"),
    ("25", "25"),
    ("2", "2"),
    ("通过试用期考核", "Passed the probation review"),
];

/// The example standards: category, item, standard, (zh, en); each weighs 20 %.
const STANDARDS: [[(&str, &str); 3]; 5] = [
    [("基本条件", "Basic conditions"), ("学历与经验", "Education and experience"), ("本科及以上学历，相关岗位工作 2 年以上。", "A degree and two years or more in a related role.")],
    [("知识", "Knowledge"), ("专业知识", "Know-how"), ("掌握本岗位常用的技术和工具，了解公司的产品和业务流程。", "Knows the role's usual techniques and tools, and the company's products and processes.")],
    [("技能", "Skills"), ("问题解决", "Problem solving"), ("能独立完成中等复杂度的任务，并按时交付。", "Completes tasks of medium complexity alone and on time.")],
    [("行为", "Behaviour"), ("协作", "Collaboration"), ("主动向同事同步进展，及时分享信息和经验。", "Keeps colleagues informed of progress and shares what they learn.")],
    [("绩效", "Results"), ("工作成果", "Results"), ("近一年绩效考核为“良好”及以上。", "Rated “good” or better in the last performance review.")],
];

/// The template in `loc`, as XLSX or CSV.
pub fn template(loc: Locale, format: ExportFormat) -> Result<Vec<u8>, String> {
    let pick = |p: (&'static str, &'static str)| loc.pick(p.0, p.1).to_string();
    let cols: Vec<Col> = COLUMNS
        .iter()
        .map(|(field, _)| Col {
            field: *field,
            lang: None,
            header: header(*field, None, loc, false),
        })
        .collect();
    let rows = STANDARDS
        .iter()
        .map(|st| {
            COLUMNS
                .iter()
                .map(|(field, _)| match field {
                    Field::Family => Value::Text(pick(RUNG[0])),
                    Field::Level => Value::Text(pick(RUNG[1])),
                    Field::Title => Value::Text(pick(RUNG[2])),
                    Field::Age => Value::Number(25),
                    Field::MinYears => Value::Number(2),
                    Field::Requires => Value::Text(pick(RUNG[5])),
                    Field::Category => Value::Text(pick(st[0])),
                    Field::Item => Value::Text(pick(st[1])),
                    Field::Weight => Value::Percent(20.0),
                    _ => Value::Text(pick(st[2])),
                })
                .collect()
        })
        .collect();
    let family = pick(RUNG[0]);
    let s = Sheet {
        title: loc.pick(
            format!("{family} 任职资格标准（模板：第 2 行说明各列，可删去）"),
            format!("{family}: qualification standards (template: row 2 explains the columns and may be deleted)"),
        ),
        name: family,
        notes: Some(COLUMNS.iter().map(|(_, note)| pick(*note)).collect()),
        cols,
        rungs: vec![rows],
    };
    match format {
        ExportFormat::Xlsx => xlsx(&s),
        ExportFormat::Csv => Ok(csv(&s)),
    }
}
