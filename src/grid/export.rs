//! Any ladder written as a long grid (one row per standard) to edit in Excel and
//! import again: XLSX with a title row and the rung's cells merged down over its
//! standards, as HR keeps them, or CSV (UTF-8 with BOM, every cell Excel-safe).
//! A text column is written once per language the ladder gives.

use super::columns::{Field, Lang};
use crate::base::locale::Locale;
use crate::profile::ladder::{area_name, Bilingual, Ladder};

/// The file formats written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// An Excel workbook.
    Xlsx,
    /// Comma-separated text.
    Csv,
}

impl ExportFormat {
    /// The format a file name asks for by its extension.
    pub fn of(path: &std::path::Path) -> Option<ExportFormat> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => Some(ExportFormat::Xlsx),
            Some("csv") => Some(ExportFormat::Csv),
            _ => None,
        }
    }
}

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A whole number (an age, years).
    Number(u32),
    /// A weight in percent.
    Percent(f64),
}

/// One column: what it holds, its language, its header.
#[derive(Debug, Clone)]
pub(super) struct Col {
    pub field: Field,
    pub lang: Option<Lang>,
    pub header: String,
}

/// A long grid to write.
#[derive(Debug, Clone)]
pub(super) struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The title row above everything.
    pub title: String,
    /// A row explaining each column, between the title and the header (templates).
    pub notes: Option<Vec<String>>,
    /// The columns.
    pub cols: Vec<Col>,
    /// Each rung's rows, each row one value per column.
    pub rungs: Vec<Vec<Vec<Value>>>,
}

/// A column's header in the grid's language: a text column carries a language tag
/// when the ladder has the field in both languages or in the other one only.
pub(super) fn header(field: Field, lang: Option<Lang>, loc: Locale, both: bool) -> String {
    let (zh, en) = field.header();
    let base = loc.pick(zh, en).to_string();
    let Some(lang) = lang else {
        return base;
    };
    let own = if loc.is_zh() { Lang::Zh } else { Lang::En };
    if !both && lang == own {
        return base;
    }
    match (loc.is_zh(), lang) {
        (true, Lang::Zh) => format!("{base}（中文）"),
        (true, Lang::En) => format!("{base}（英文）"),
        (false, Lang::Zh) => format!("{base} (zh)"),
        (false, Lang::En) => format!("{base} (en)"),
    }
}

/// The text of a ladder text in one language, as the ladder gave it.
fn given(b: &Bilingual, lang: Lang) -> Option<&str> {
    match lang {
        Lang::Zh => b.given_zh(),
        Lang::En => b.given_en(),
    }
}

/// The columns a ladder needs, in the usual order.
fn columns(l: &Ladder, loc: Locale) -> Vec<Col> {
    let rungs = || l.rungs.iter();
    let stds = || l.rungs.iter().flat_map(|r| r.standards.iter());
    let langs_of = |texts: Vec<&Bilingual>| -> Vec<Lang> {
        [Lang::Zh, Lang::En]
            .into_iter()
            .filter(|lang| texts.iter().any(|b| given(b, *lang).is_some()))
            .collect()
    };
    let mut cols = Vec::new();
    let text = |cols: &mut Vec<Col>, field: Field, texts: Vec<&Bilingual>| {
        let langs = langs_of(texts);
        for lang in &langs {
            cols.push(Col {
                field,
                lang: Some(*lang),
                header: header(field, Some(*lang), loc, langs.len() > 1),
            });
        }
    };
    let plain = |cols: &mut Vec<Col>, field: Field| {
        cols.push(Col {
            field,
            lang: None,
            header: header(field, None, loc, false),
        })
    };
    text(&mut cols, Field::Family, vec![&l.name]);
    plain(&mut cols, Field::Level);
    text(&mut cols, Field::Title, rungs().map(|r| &r.title).collect());
    plain(&mut cols, Field::Age);
    if rungs().any(|r| r.min_years.is_some()) {
        plain(&mut cols, Field::MinYears);
    }
    text(
        &mut cols,
        Field::Requires,
        rungs().filter_map(|r| r.requires.as_ref()).collect(),
    );
    text(
        &mut cols,
        Field::Expectations,
        rungs().filter_map(|r| r.expectations.as_ref()).collect(),
    );
    plain(&mut cols, Field::Id);
    plain(&mut cols, Field::Category);
    text(
        &mut cols,
        Field::Item,
        stds().filter_map(|s| s.item.as_ref()).collect(),
    );
    if stds().any(|s| s.weight.is_some()) {
        plain(&mut cols, Field::Weight);
    }
    text(&mut cols, Field::Text, stds().map(|s| &s.text).collect());
    cols
}

/// A ladder as a long grid.
pub(super) fn sheet(l: &Ladder, loc: Locale) -> Sheet {
    let cols = columns(l, loc);
    let opt_text = |b: Option<&Bilingual>, lang: Option<Lang>| {
        b.zip(lang)
            .and_then(|(b, lang)| given(b, lang))
            .map_or(Value::Empty, |t| Value::Text(t.to_string()))
    };
    let rungs = l
        .rungs
        .iter()
        .map(|r| {
            let rung_cell = |c: &Col| match c.field {
                Field::Family => opt_text(Some(&l.name), c.lang),
                Field::Level => Value::Text(r.id.clone()),
                Field::Title => opt_text(Some(&r.title), c.lang),
                Field::Age => Value::Number(r.typical_age),
                Field::MinYears => r.min_years.map_or(Value::Empty, Value::Number),
                Field::Requires => opt_text(r.requires.as_ref(), c.lang),
                Field::Expectations => opt_text(r.expectations.as_ref(), c.lang),
                _ => Value::Empty,
            };
            if r.standards.is_empty() {
                return vec![cols.iter().map(rung_cell).collect()];
            }
            r.standards
                .iter()
                .map(|s| {
                    cols.iter()
                        .map(|c| match c.field {
                            Field::Id => Value::Text(s.id.clone()),
                            Field::Category => Value::Text(area_name(&s.area, loc).to_string()),
                            Field::Item => opt_text(s.item.as_ref(), c.lang),
                            Field::Weight => s.weight.map_or(Value::Empty, Value::Percent),
                            Field::Text => opt_text(Some(&s.text), c.lang),
                            _ => rung_cell(c),
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let name = l.name.get(loc).to_string();
    Sheet {
        title: loc.pick(
            format!("{name} 任职资格标准"),
            format!("{name}: qualification standards"),
        ),
        name,
        notes: None,
        cols,
        rungs,
    }
}

/// Writes `l` as a long grid in `format`; also the rungs without standards (a grid
/// with such a rung is refused on import until it has some).
pub fn export(
    l: &Ladder,
    loc: Locale,
    format: ExportFormat,
) -> Result<(Vec<u8>, Vec<String>), String> {
    let s = sheet(l, loc);
    let empty = l
        .rungs
        .iter()
        .filter(|r| r.standards.is_empty())
        .map(|r| r.id.clone())
        .collect();
    let bytes = match format {
        ExportFormat::Xlsx => xlsx(&s)?,
        ExportFormat::Csv => csv(&s),
    };
    Ok((bytes, empty))
}

/// A cell as text for CSV: a leading `=`, `+`, `-` or `@` gets a `'` so that Excel
/// never reads it as a formula.
fn csv_text(v: &Value) -> String {
    let t = match v {
        Value::Empty => String::new(),
        Value::Text(t) => t.clone(),
        Value::Number(n) => n.to_string(),
        Value::Percent(p) => format!("{}%", exact(*p)),
    };
    let t = if t.starts_with(['=', '+', '-', '@']) {
        format!("'{t}")
    } else {
        t
    };
    if t.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

/// The grid as CSV: UTF-8 with BOM (so Excel reads the Chinese), the notes row of a
/// template, the header, one line per standard with the rung's cells repeated.
pub(super) fn csv(s: &Sheet) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    if let Some(notes) = &s.notes {
        line(vec![csv_text(&Value::Text(s.title.clone()))]);
        line(
            notes
                .iter()
                .map(|n| csv_text(&Value::Text(n.clone())))
                .collect(),
        );
    }
    line(
        s.cols
            .iter()
            .map(|c| csv_text(&Value::Text(c.header.clone())))
            .collect(),
    );
    for row in s.rungs.iter().flatten() {
        line(row.iter().map(csv_text).collect());
    }
    out.into_bytes()
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str) -> String {
    let n: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let n = n.trim().trim_matches('\'').to_string();
    if n.is_empty() {
        "Sheet1".to_string()
    } else {
        n
    }
}

/// The grid as XLSX: a title row, the notes row of a template, the header (frozen),
/// then the standards; the family over all rows and each rung's cells over its rows
/// are merged, as HR's grids are.
pub(super) fn xlsx(s: &Sheet) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| crate::msg!("grid.xlsx_write", err = e);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&s.name)).map_err(fail)?;
    let border = Format::new().set_border(FormatBorder::Thin);
    let title = Format::new().set_bold().set_font_size(14);
    let note = Format::new()
        .set_italic()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_font_color(0x595959);
    let head = border
        .clone()
        .set_bold()
        .set_background_color(0xDDEBF7)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let text = border.clone().set_text_wrap().set_align(FormatAlign::Top);
    let merged = text.clone().set_align(FormatAlign::VerticalCenter);
    let pct = text.clone().set_num_format("0.##%");
    let width = s.cols.len().max(1) as u16;
    ws.merge_range(0, 0, 0, width - 1, &s.title, &title)
        .map_err(fail)?;
    let mut row: u32 = 1;
    if let Some(notes) = &s.notes {
        for (k, n) in notes.iter().enumerate() {
            ws.write_string_with_format(row, k as u16, n, &note)
                .map_err(fail)?;
        }
        row += 1;
    }
    for (k, c) in s.cols.iter().enumerate() {
        ws.write_string_with_format(row, k as u16, &c.header, &head)
            .map_err(fail)?;
        let w = match c.field {
            Field::Text | Field::Expectations | Field::Requires => 48,
            Field::Item | Field::Title | Field::Family | Field::Id => 16,
            _ => 10,
        };
        ws.set_column_width(k as u16, w).map_err(fail)?;
    }
    ws.set_freeze_panes(row + 1, 0).map_err(fail)?;
    let first_data = row + 1;
    let mut r = first_data;
    for rung in &s.rungs {
        let n = rung.len() as u32;
        for (i, cells) in rung.iter().enumerate() {
            for (k, (c, v)) in s.cols.iter().zip(cells).enumerate() {
                let merge_rung = c.field.of_rung() && c.field != Field::Family && n > 1;
                if merge_rung && i > 0 {
                    continue;
                }
                let (row_k, col_k) = (r + i as u32, k as u16);
                if merge_rung {
                    ws.merge_range(row_k, col_k, row_k + n - 1, col_k, &plain(v), &merged)
                        .map_err(fail)?;
                    continue;
                }
                match v {
                    Value::Empty => ws.write_blank(row_k, col_k, &text),
                    Value::Text(t) => ws.write_string_with_format(row_k, col_k, t, &text),
                    Value::Number(x) => ws.write_number_with_format(row_k, col_k, *x, &text),
                    Value::Percent(p) => {
                        ws.write_number_with_format(row_k, col_k, *p / 100.0, &pct)
                    }
                }
                .map_err(fail)?;
            }
        }
        r += n;
    }
    // the family is one value for the whole sheet
    if let Some(k) = s.cols.iter().position(|c| c.field == Field::Family) {
        let total = r - first_data;
        let v = s
            .rungs
            .first()
            .and_then(|x| x.first())
            .map(|c| plain(&c[k]));
        if total > 1 {
            ws.merge_range(
                first_data,
                k as u16,
                r - 1,
                k as u16,
                &v.unwrap_or_default(),
                &merged,
            )
            .map_err(fail)?;
        }
    }
    wb.save_to_buffer().map_err(fail)
}

/// A weight in full (`12.25`, `30`): the grid is read back to the same ladder.
fn exact(p: f64) -> String {
    if p.fract() == 0.0 && p.abs() < 1e9 {
        format!("{}", p as i64)
    } else {
        p.to_string()
    }
}

/// A value as the text of a merged cell.
fn plain(v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(t) => t.clone(),
        Value::Number(n) => n.to_string(),
        Value::Percent(p) => format!("{}%", exact(*p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_excel_safe_and_quoted() {
        assert_eq!(csv_text(&Value::Text("=SUM(A1)".into())), "'=SUM(A1)");
        assert_eq!(csv_text(&Value::Text("-5%".into())), "'-5%");
        assert_eq!(csv_text(&Value::Text("@x, y".into())), "\"'@x, y\"");
        assert_eq!(
            csv_text(&Value::Text("say \"hi\"".into())),
            "\"say \"\"hi\"\"\""
        );
        assert_eq!(csv_text(&Value::Percent(12.5)), "12.5%");
        assert_eq!(sheet_name("技术/研发[序列]"), "技术研发序列");
    }

    #[test]
    fn headers_carry_a_language_tag_only_when_needed() {
        assert_eq!(
            header(Field::Text, Some(Lang::Zh), Locale::Zh, false),
            "任职标准"
        );
        assert_eq!(
            header(Field::Text, Some(Lang::En), Locale::Zh, true),
            "任职标准（英文）"
        );
        assert_eq!(
            header(Field::Title, Some(Lang::Zh), Locale::En, true),
            "Title (zh)"
        );
        assert_eq!(header(Field::Weight, None, Locale::En, false), "Weight");
    }
}
