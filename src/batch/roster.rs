//! Rosters: a CSV (UTF-8 with or without BOM, or GBK as Chinese Excel writes it) or
//! the first sheet of an XLSX, one employee per row, headers in English or Chinese.

use serde_yaml::{Mapping, Value};
use std::path::Path;

/// One roster row turned into a profile value, with where it came from.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based row number in the sheet (the header is row 1).
    pub row: usize,
    /// The profile as a YAML value (person and career fields).
    pub value: Value,
    /// Column header of each field path, for error messages.
    pub columns: Vec<(String, String)>,
}

/// A parsed roster.
#[derive(Debug, Default)]
pub struct Roster {
    /// The rows.
    pub rows: Vec<Row>,
    /// Headers that map to no field (ignored).
    pub ignored: Vec<String>,
    /// Text encoding found ("UTF-8", "UTF-8 with BOM", "GBK", "XLSX").
    pub encoding: &'static str,
}

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

/// Reads a roster file (by extension: .csv or .xlsx).
pub fn read(path: &Path) -> Result<Roster, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (table, encoding) = match ext.as_str() {
        "xlsx" | "xlsm" => (read_xlsx(path)?, "XLSX"),
        _ => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
            if bytes.len() > 256 * 1024 * 1024 {
                return Err("the roster is larger than 256 MiB".into());
            }
            let (text, enc) = decode(&bytes);
            (read_csv(&text)?, enc)
        }
    };
    Ok(from_table(table, encoding))
}

/// Decodes CSV bytes: UTF-8 (BOM stripped) when valid, else GBK.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 with BOM");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::GBK.decode(bytes);
            (text.into_owned(), "GBK")
        }
    }
}

fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("row {}: {e}", i + 1))?;
        out.push(rec.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(out)
}

fn read_xlsx(path: &Path) -> Result<Vec<Vec<String>>, String> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut wb: Xlsx<_> =
        open_workbook(path).map_err(|e| format!("cannot open the workbook: {e}"))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or("the workbook has no sheet")?
        .map_err(|e| format!("cannot read the first sheet: {e}"))?;
    Ok(range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::DateTime(d) => {
                        crate::model::Date::from_unix_days(d.as_f64().floor() as i64 - 25_569).iso()
                    }
                    other => other.to_string().trim().to_string(),
                })
                .collect()
        })
        .collect())
}

fn from_table(table: Vec<Vec<String>>, encoding: &'static str) -> Roster {
    let mut rows = table.into_iter();
    let Some(header) = rows.next() else {
        return Roster {
            encoding,
            ..Roster::default()
        };
    };
    let fields: Vec<Option<&'static str>> = header.iter().map(|h| field_for(h)).collect();
    let ignored = header
        .iter()
        .zip(&fields)
        .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    let mut out = Vec::new();
    for (i, cells) in rows.enumerate() {
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let mut person = Mapping::new();
        let mut career = Mapping::new();
        let mut root = Mapping::new();
        let mut columns = Vec::new();
        for (k, cell) in cells.iter().enumerate() {
            let Some(Some(field)) = fields.get(k) else {
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
            columns.push((field.to_string(), header[k].clone()));
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
        out.push(Row {
            row: i + 2,
            value: Value::Mapping(root),
            columns,
        });
    }
    Roster {
        rows: out,
        ignored,
        encoding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_gbk() {
        let (t, e) = decode("工号,姓名\n".as_bytes());
        assert_eq!((t.as_str(), e), ("工号,姓名\n", "UTF-8"));
        let (t, e) = decode(b"\xef\xbb\xbfid,name\n");
        assert_eq!((t.as_str(), e), ("id,name\n", "UTF-8 with BOM"));
        let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名\nE1,李娜\n");
        let (t, e) = decode(&gbk);
        assert_eq!((t.as_str(), e), ("工号,姓名\nE1,李娜\n", "GBK"));
    }

    #[test]
    fn headers_in_both_languages_map_to_fields() {
        let r = from_table(
            vec![
                vec![
                    "工号".into(),
                    "姓名".into(),
                    "出生年份".into(),
                    "职业路线".into(),
                    "职级".into(),
                    "备注".into(),
                ],
                vec![
                    "E1".into(),
                    "李娜".into(),
                    "1996".into(),
                    "administrative".into(),
                    "职员".into(),
                    "x".into(),
                ],
                vec![String::new(); 6],
            ],
            "UTF-8",
        );
        assert_eq!(r.ignored, vec!["备注"]);
        assert_eq!(r.rows.len(), 1);
        let v = &r.rows[0].value;
        assert_eq!(v["person"]["birth_year"], Value::from(1996));
        assert_eq!(v["career"]["level"], Value::from("职员"));
        assert_eq!(r.rows[0].row, 2);
        assert_eq!(field_for("Employee ID"), Some("person.id"));
    }
}
