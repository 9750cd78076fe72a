//! Rosters: one employee per row of a table (see [`super::table`] for the formats),
//! headers in English or Chinese, found below any title rows.

use crate::tables::{self, TableError, TableRow};
use serde_yaml::{Mapping, Value};
use std::ops::ControlFlow;
use std::path::Path;

/// One roster row turned into a profile value, with where it came from.
#[derive(Debug, Clone)]
pub struct Row {
    /// Real 1-based row number in the sheet (Excel's number, blank rows counted).
    pub row: usize,
    /// The profile as a YAML value (person and career fields).
    pub value: Value,
    /// Field path → "C (部门)": column letter and header, for error messages.
    pub columns: Vec<(String, String)>,
}

/// What was found about a roster while reading it.
#[derive(Debug, Default, Clone)]
pub struct RosterInfo {
    /// Headers that map to no field (ignored).
    pub ignored: Vec<String>,
    /// Format found ("UTF-8", "UTF-8 with BOM", "GBK", "UTF-16 (Unicode text)", "XLSX").
    pub encoding: &'static str,
    /// Row number of the header row.
    pub header_row: usize,
}

/// How many leading rows are searched for the header row (title rows above it are
/// common in Chinese HR exports).
pub const HEADER_SEARCH_ROWS: usize = 20;
/// Maps a header (English or Chinese, any case) to a profile field path.
pub fn field_for(header: &str) -> Option<&'static str> {
    let h = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_");
    Some(match h.as_str() {
        "id" | "employee_id" | "emp_id" | "staff_id" | "工号" | "员工编号" | "员工号" | "编号" => {
            "person.id"
        }
        "name" | "full_name" | "姓名" | "名字" | "员工姓名" => "person.name",
        "department" | "dept" | "部门" | "所属部门" => "person.department",
        "role" | "title" | "position" | "job_title" | "岗位" | "职位" | "职务" => {
            "person.role"
        }
        "birth_year" | "year_of_birth" | "出生年份" | "出生年" => "person.birth_year",
        "age" | "年龄" => "person.age",
        "joined" | "join_date" | "hire_date" | "入职日期" | "入职时间" => "person.joined",
        "manager" | "直属上级" | "上级" | "汇报对象" => "person.manager",
        "track" | "ladder" | "career_track" | "职业路线" | "路线" | "发展通道" => {
            "career.track"
        }
        "level" | "rung" | "grade" | "职级" | "级别" => "career.level",
        "locale" | "language" | "语言" => "locale",
        _ => return None,
    })
}

/// The header row of a roster: which column feeds which field.
#[derive(Debug, Clone)]
pub struct Header {
    fields: Vec<Option<&'static str>>,
    labels: Vec<String>,
}

impl Header {
    /// Recognises `cells` as a header row: at least two known columns, one of them
    /// the id or the name.
    pub fn recognise(cells: &[String]) -> Option<Header> {
        let fields: Vec<Option<&'static str>> = cells.iter().map(|h| field_for(h)).collect();
        let known = fields.iter().flatten().count();
        let key = fields
            .iter()
            .flatten()
            .any(|f| matches!(*f, "person.id" | "person.name"));
        (known >= 2 && key).then(|| Header {
            labels: cells
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    crate::msg!(
                        "roster.column",
                        letter = crate::tables::column_letters(i),
                        header = h.trim()
                    )
                })
                .collect(),
            fields,
        })
    }

    fn ignored(&self, cells: &[String]) -> Vec<String> {
        cells
            .iter()
            .zip(&self.fields)
            .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
            .map(|(h, _)| h.clone())
            .collect()
    }

    /// Turns a data row into a profile value.
    pub fn row(&self, t: &TableRow) -> Row {
        let mut person = Mapping::new();
        let mut career = Mapping::new();
        let mut root = Mapping::new();
        let mut columns = Vec::new();
        for (k, cell) in t.cells.iter().enumerate() {
            let Some(Some(field)) = self.fields.get(k) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            let value = match *field {
                "person.birth_year" | "person.age" => cell
                    .parse::<i64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::from(cell.clone())),
                _ => Value::from(cell.clone()),
            };
            columns.push((field.to_string(), self.labels[k].clone()));
            let (section, key) = field.split_once('.').unwrap_or(("", field));
            match section {
                "person" => person.insert(key.into(), value),
                "career" => career.insert(key.into(), value),
                _ => root.insert(key.into(), value),
            };
        }
        if !person.contains_key("name") {
            // a row without a name still gets a clear error from validation
            person.insert("name".into(), Value::from(""));
        }
        root.insert("person".into(), Value::Mapping(person));
        if !career.is_empty() {
            root.insert("career".into(), Value::Mapping(career));
        }
        Row {
            row: t.row,
            value: Value::Mapping(root),
            columns,
        }
    }
}

/// Reads a roster (CSV/TSV text in any supported encoding, or the first sheet of an
/// XLSX) row by row: finds the header row within the first rows, then calls `each`
/// with every data row, in order, keeping no rows in memory.
pub fn read(
    path: &Path,
    each: &mut dyn FnMut(&Header, TableRow) -> ControlFlow<()>,
) -> Result<RosterInfo, TableError> {
    let mut header: Option<Header> = None;
    let mut info = RosterInfo::default();
    let mut searched = 0usize;
    let mut gave_up = false;
    let encoding = tables::read_rows(path, &mut |t| match &header {
        Some(h) => each(h, t),
        None => {
            searched += 1;
            if let Some(h) = Header::recognise(&t.cells) {
                info.ignored = h.ignored(&t.cells);
                info.header_row = t.row;
                header = Some(h);
            } else if searched >= HEADER_SEARCH_ROWS {
                gave_up = true;
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        }
    })?;
    if header.is_none() {
        return Err(TableError {
            row: None,
            message: crate::msg!(
                "roster.no_header",
                n = HEADER_SEARCH_ROWS.min(searched.max(1)),
                whole = if gave_up {
                    String::new()
                } else {
                    crate::msg!("roster.no_header.whole")
                }
            ),
        });
    }
    info.encoding = encoding;
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_in_both_languages_map_to_fields() {
        let head = cells(&["工号", "姓名", "出生年份", "职业路线", "职级", "备注"]);
        let h = Header::recognise(&head).unwrap();
        assert_eq!(h.ignored(&head), vec!["备注"]);
        let r = h.row(&TableRow {
            row: 7,
            cells: cells(&["E1", "李娜", "1996", "administrative", "职员", "x"]),
            oversized: None,
        });
        assert_eq!(r.value["person"]["birth_year"], Value::from(1996));
        assert_eq!(r.value["career"]["level"], Value::from("职员"));
        assert_eq!(r.row, 7);
        assert!(r
            .columns
            .contains(&("career.level".into(), "E (职级)".into())));
        assert_eq!(field_for("Employee ID"), Some("person.id"));
    }

    #[test]
    fn a_title_row_is_not_a_header() {
        assert!(Header::recognise(&cells(&["2026 年度员工名单", "", ""])).is_none());
        assert!(Header::recognise(&cells(&["部门", "备注"])).is_none());
        assert!(Header::recognise(&cells(&["工号", "部门"])).is_some());
    }
}
