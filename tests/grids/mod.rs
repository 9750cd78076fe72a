//! Grids as HR keeps them, written by the tests: a Chinese qualification grid
//! (任职资格) with title rows, merged cells, weights and a note; the same as a GBK
//! CSV saved from Excel (merged cells blank below their first row); an English
//! competency matrix; and a grid with one of each mistake.
#![allow(dead_code)]

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use std::path::Path;

/// A weight as typed: text such as `10%`, or a number Excel shows as a percentage.
#[derive(Clone, Copy)]
pub enum W {
    Text(&'static str),
    Pct(f64),
}

/// One rung of the Chinese grid: code, title, typical age, min years, standards
/// (category, item, weight, standard).
pub struct Rung {
    pub code: &'static str,
    pub title: &'static str,
    pub age: u32,
    pub min_years: Option<u32>,
    pub standards: &'static [(&'static str, &'static str, W, &'static str)],
}

/// The technical family, listed top rung first as many grids are (the import orders
/// the rungs by their level numbers). P1's weights add up to 90 %.
pub const TECH: &[Rung] = &[
    Rung {
        code: "P3",
        title: "高级工程师",
        age: 32,
        min_years: Some(3),
        standards: &[
            (
                "基本条件",
                "学历与经验",
                W::Text("10%"),
                "本科及以上学历，本专业工作 6 年以上。",
            ),
            (
                "知识",
                "专业知识",
                W::Text("20%"),
                "精通本领域的技术原理，了解行业的发展趋势。",
            ),
            (
                "技能",
                "系统设计",
                W::Text("30%"),
                "能主导中大型系统的架构设计和技术选型。",
            ),
            (
                "技能",
                "技术指导",
                W::Text("10%"),
                "能指导中级工程师解决疑难问题。",
            ),
            (
                "素质",
                "团队协作",
                W::Text("10%"),
                "主动分享经验，推动团队的技术规范落地。",
            ),
            (
                "业绩",
                "项目成果",
                W::Text("20%"),
                "近两年主导完成至少 2 个重要项目。",
            ),
        ],
    },
    Rung {
        code: "P2",
        title: "工程师",
        age: 27,
        min_years: Some(2),
        standards: &[
            (
                "基本条件",
                "学历与经验",
                W::Pct(0.15),
                "本科及以上学历，本专业工作 2 年以上。",
            ),
            (
                "知识",
                "专业知识",
                W::Pct(0.25),
                "掌握本岗位所需的技术和工具。",
            ),
            (
                "技能",
                "独立开发",
                W::Pct(0.35),
                "能独立完成模块的设计、开发和测试。",
            ),
            (
                "行为",
                "质量意识",
                W::Pct(0.15),
                "代码经过自测和评审才提交。",
            ),
            (
                "绩效",
                "工作成果",
                W::Pct(0.1),
                "按时交付分配的任务，质量达到要求。",
            ),
        ],
    },
    Rung {
        code: "P1",
        title: "助理工程师",
        age: 23,
        min_years: None,
        standards: &[
            (
                "基本条件",
                "学历",
                W::Text("30%"),
                "本科及以上学历，计算机相关专业。",
            ),
            (
                "知识",
                "基础知识",
                W::Text("30%"),
                "熟悉一门编程语言和常用的数据结构。",
            ),
            (
                "能力",
                "学习能力",
                W::Text("30%"),
                "能在指导下完成分配的开发任务。",
            ),
        ],
    },
];

const HEADER: [&str; 10] = [
    "序列",
    "职级",
    "职级名称",
    "典型年龄",
    "最低任职年限",
    "标准类别",
    "标准项",
    "权重",
    "任职标准",
    "备注",
];

fn sheet_rows(ws: &mut Worksheet, family: &str, rungs: &[Rung]) {
    let merged = Format::new();
    let pct = Format::new().set_num_format("0%");
    ws.merge_range(
        0,
        0,
        0,
        9,
        &format!("某某科技有限公司 {family}任职资格标准（2026 版）"),
        &merged,
    )
    .unwrap();
    ws.write_string(1, 0, "编制：人力资源部　生效日期：2026-01-01")
        .unwrap();
    for (k, h) in HEADER.iter().enumerate() {
        ws.write_string(2, k as u16, *h).unwrap();
    }
    let mut row = 3u32;
    for rung in rungs {
        let n = rung.standards.len() as u32;
        let last = row + n - 1;
        let age = rung.age.to_string();
        let years = rung.min_years.map(|y| format!("{y}年")).unwrap_or_default();
        for (col, v) in [
            (0, family),
            (1, rung.code),
            (2, rung.title),
            (3, age.as_str()),
            (4, years.as_str()),
        ] {
            if n > 1 {
                ws.merge_range(row, col, last, col, v, &merged).unwrap();
            } else {
                ws.write_string(row, col, v).unwrap();
            }
        }
        // a category merged over the standards that share it
        let mut i = 0;
        while i < rung.standards.len() {
            let cat = rung.standards[i].0;
            let mut j = i;
            while j + 1 < rung.standards.len() && rung.standards[j + 1].0 == cat {
                j += 1;
            }
            let (a, b) = (row + i as u32, row + j as u32);
            if a < b {
                ws.merge_range(a, 5, b, 5, cat, &merged).unwrap();
            } else {
                ws.write_string(a, 5, cat).unwrap();
            }
            i = j + 1;
        }
        for (i, (_, item, w, text)) in rung.standards.iter().enumerate() {
            let r = row + i as u32;
            ws.write_string(r, 6, *item).unwrap();
            match w {
                W::Text(t) => ws.write_string(r, 7, *t).unwrap(),
                W::Pct(p) => ws.write_number_with_format(r, 7, *p, &pct).unwrap(),
            };
            ws.write_string(r, 8, *text).unwrap();
        }
        ws.write_string(row, 9, "2026 年修订").unwrap();
        // a blank row between rungs
        row = last + 2;
    }
    ws.write_string(
        row,
        0,
        "注：每个职级的权重合计应为 100%；标准每年修订一次。",
    )
    .unwrap();
}

/// The Chinese workbook: a cover sheet 说明, then 技术序列 (the grid of [`TECH`]),
/// then 管理序列 (a small second family).
pub fn zh_xlsx(path: &Path) {
    let mut wb = Workbook::new();
    let cover = wb.add_worksheet();
    cover.set_name("说明").unwrap();
    cover
        .write_string(0, 0, "本工作簿每个序列一张表。")
        .unwrap();
    let tech = wb.add_worksheet();
    tech.set_name("技术序列").unwrap();
    sheet_rows(tech, "技术序列", TECH);
    let mgmt = wb.add_worksheet();
    mgmt.set_name("管理序列").unwrap();
    sheet_rows(
        mgmt,
        "管理序列",
        &[Rung {
            code: "M1",
            title: "主管",
            age: 30,
            min_years: None,
            standards: &[(
                "技能",
                "带队",
                W::Text("100%"),
                "能带领 5 人以内的小组完成任务。",
            )],
        }],
    );
    wb.save(path).unwrap();
}

/// [`TECH`] as Excel saves a sheet with merged cells as CSV in GBK: the merged
/// values on their first row only, the percentages as typed.
pub fn zh_gbk_csv(path: &Path) {
    let mut out = String::from("某某科技有限公司 技术序列任职资格标准（2026 版）,,,,,,,,,\n");
    out.push_str(&HEADER.join(","));
    out.push('\n');
    for rung in TECH {
        let mut cat_above = "";
        for (i, (cat, item, w, text)) in rung.standards.iter().enumerate() {
            let first = i == 0;
            let pick = |v: String| if first { v } else { String::new() };
            let weight = match w {
                W::Text(t) => t.to_string(),
                W::Pct(p) => format!("{}%", (p * 100.0).round()),
            };
            let cat_cell = if *cat == cat_above { "" } else { *cat };
            cat_above = cat;
            let cells = [
                pick("技术序列".into()),
                pick(rung.code.into()),
                pick(rung.title.into()),
                pick(rung.age.to_string()),
                pick(rung.min_years.map(|y| format!("{y}年")).unwrap_or_default()),
                cat_cell.to_string(),
                item.to_string(),
                weight,
                text.to_string(),
                String::new(),
            ];
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    let (gbk, _, bad) = encoding_rs::GBK.encode(&out);
    assert!(!bad);
    std::fs::write(path, gbk).unwrap();
}

/// An English competency matrix as CSV: a title row, areas down, three rungs across,
/// a row of typical ages, a cell with two standards on separate lines.
pub fn en_matrix_csv(path: &Path) {
    std::fs::write(
        path,
        "Engineering competency matrix,,,\n\
Competency,L1 Engineer,L2 Senior Engineer,L3 Staff Engineer\n\
Typical age,23,28,34\n\
Knowledge,Knows the team's stack.,Knows the systems the team depends on.,Knows the architecture across teams.\n\
Technical skills,\"• Writes tested code\n• Fixes bugs with help\",\"• Designs features end to end\n• Reviews others' code\",Sets the technical direction of a group.\n\
Behaviour,Asks for help early.,Mentors new engineers.,Grows senior engineers.\n\
Impact,Delivers own tasks.,Delivers a project.,Delivers work across teams.\n",
    )
    .unwrap();
}

/// A grid with one of each mistake (columns A 职级 … F 任职标准): a standard with no
/// rung above it (A2), an item twice in a rung (E4), an unknown category (D5), an
/// empty standard (F6), an age that does not rise (C7), a rung with no standards
/// (A8).
pub fn bad_xlsx(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [[&str; 6]; 8] = [
        [
            "职级",
            "职级名称",
            "典型年龄",
            "标准类别",
            "标准项",
            "任职标准",
        ],
        ["", "", "", "知识", "产品知识", "熟悉在售的产品。"],
        ["P1", "专员", "25", "知识", "产品知识", "熟悉在售的产品。"],
        ["P1", "专员", "25", "知识", "产品知识", "了解主要的竞品。"],
        [
            "P1",
            "专员",
            "25",
            "机能",
            "沟通",
            "能清楚地向客户说明方案。",
        ],
        ["P1", "专员", "25", "行为", "服务意识", ""],
        ["P2", "主管", "24", "技能", "带教", "能带教新人。"],
        ["P3", "经理", "35", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}
