//! A ladder as read from a grid, before it is checked and given ids: rungs with the
//! cells they came from, their standards, and the readers of the cells' values
//! (ages, years, weights, rung labels such as `L2 Senior Engineer`).

use super::columns::{has_cjk, Lang};
use super::place::{At, Read};

/// A text in one or both languages, with its cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    /// The Chinese text.
    pub zh: Option<Read<String>>,
    /// The English text.
    pub en: Option<Read<String>>,
}

impl Texts {
    /// A text in the language its characters show.
    pub fn guessed(value: &str, at: At) -> Texts {
        let mut t = Texts::default();
        t.set(if has_cjk(value) { Lang::Zh } else { Lang::En }, value, at);
        t
    }

    /// Sets one language.
    pub fn set(&mut self, lang: Lang, value: &str, at: At) {
        let r = Some(Read {
            value: value.to_string(),
            at,
        });
        match lang {
            Lang::Zh => self.zh = r,
            Lang::En => self.en = r,
        }
    }

    /// Whether neither language has text.
    pub fn is_empty(&self) -> bool {
        self.zh.is_none() && self.en.is_none()
    }

    /// The texts, as (language, value, cell).
    pub fn each(&self) -> impl Iterator<Item = (Lang, &Read<String>)> {
        self.zh
            .iter()
            .map(|r| (Lang::Zh, r))
            .chain(self.en.iter().map(|r| (Lang::En, r)))
    }

    /// The text shown in the report: the Chinese, else the English.
    pub fn shown(&self) -> &str {
        self.zh
            .as_ref()
            .or(self.en.as_ref())
            .map_or("", |r| r.value.as_str())
    }

    /// The text as a ladder text; `None` when there is none.
    pub fn bilingual(&self) -> Option<crate::profile::ladder::Bilingual> {
        use crate::profile::ladder::Bilingual;
        match (&self.zh, &self.en) {
            (Some(z), Some(e)) => Some(Bilingual::new(z.value.clone(), e.value.clone())),
            (Some(z), None) => Some(Bilingual::zh_only(z.value.clone())),
            (None, Some(e)) => Some(Bilingual::en_only(e.value.clone())),
            (None, None) => None,
        }
    }
}

/// A weight as written: `30%` (percent) or a plain number (`0.3` or `30`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weight {
    /// The number written.
    pub value: f64,
    /// Whether a `%` followed it.
    pub percent: bool,
}

/// One standard read from a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftStandard {
    /// The row it was read from.
    pub row: usize,
    /// An id given in the grid.
    pub id: Option<Read<String>>,
    /// Its area's id.
    pub area: &'static str,
    /// Its item (标准项).
    pub item: Texts,
    /// What its id is made from when the grid gives none: the item, or a matrix's
    /// row label with a count (`None`: the area and a count).
    pub key: Option<Read<String>>,
    /// Its weight.
    pub weight: Option<Read<Weight>>,
    /// The standard.
    pub text: Texts,
}

/// One rung read from a grid.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftRung {
    /// Where the rung first appears (its level or title cell).
    pub first: Option<At>,
    /// Its code (`P3`, `L2`, `3`).
    pub code: Option<Read<String>>,
    /// Its title.
    pub title: Texts,
    /// Its typical age.
    pub age: Option<Read<u32>>,
    /// Years usually spent on the rung below.
    pub min_years: Option<Read<u32>>,
    /// A prerequisite.
    pub requires: Texts,
    /// What the rung expects.
    pub expectations: Texts,
    /// Its standards in the grid's order.
    pub standards: Vec<DraftStandard>,
    /// Its rows refused (so that it is not also said to have no standards).
    pub refused: usize,
}

impl DraftRung {
    /// The rung's level number from its code (`P3` → [3], `T2-1` → [2, 1], `三级` →
    /// [3]), for ordering.
    pub fn number(&self) -> Option<Vec<u32>> {
        level_number(&self.code.as_ref()?.value)
    }

    /// How the report and messages name the rung: code and title.
    pub fn shown(&self) -> String {
        let code = self.code.as_ref().map_or("", |c| c.value.as_str());
        let title = self.title.shown();
        // a name from a cell, printed on one line
        crate::base::term::escape(
            &match (code.is_empty(), title.is_empty() || title == code) {
                (false, false) => format!("{code} {title}"),
                (false, true) => code.to_string(),
                _ => title.to_string(),
            },
        )
    }
}

/// Why a row was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// Above the header: a title or a note.
    AboveHeader,
    /// Blank.
    Blank,
    /// The header again.
    RepeatedHeader,
    /// A title inside the table (one text across the row).
    Title,
    /// A note (`注：…`, `说明`, `Note`).
    Note,
    /// The rung's own cells and no standard.
    RungOnly,
}

/// A ladder as read, with what was skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// The family (序列), the ladder's name.
    pub family: Texts,
    /// The rungs in the order they first appear.
    pub rungs: Vec<DraftRung>,
    /// The column of typical ages, when the grid has one.
    pub age_col: Option<usize>,
    /// Rows passed over, with the reason.
    pub skipped: Vec<(usize, Skip)>,
}

/// A cell read as empty: blank, or a dash or "none" standing for nothing.
pub fn nothing(s: &str) -> bool {
    matches!(
        s.trim(),
        "" | "-" | "—" | "–" | "/" | "无" | "n/a" | "N/A" | "none" | "None"
    )
}

/// Full-width digits, signs and the full-width percent as ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .collect()
}

/// A whole number of years: `25`, `25岁`, `3 年`, `about 3 years`; the first number.
pub fn years(s: &str) -> Option<u32> {
    let s = ascii_digits(s);
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let digits: String = s[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = &s[start + digits.len()..];
    // 2.5 years is no whole number
    if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A weight: `30%`, `30 %`, `0.3`, `30`.
pub fn weight(s: &str) -> Option<Weight> {
    let s = ascii_digits(s);
    let t = s.trim();
    let (num, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let value: f64 = num.parse().ok().filter(|v: &f64| v.is_finite())?;
    Some(Weight { value, percent })
}

/// The numbers in a rung code, for ordering: `P3` → [3], `T2-1` → [2, 1], `L10` →
/// [10], `三级` → [3]; `None` without a number.
pub fn level_number(code: &str) -> Option<Vec<u32>> {
    let s = ascii_digits(code);
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    if !nums.is_empty() {
        return Some(nums);
    }
    chinese_number(code).map(|n| vec![n])
}

/// A Chinese numeral from one to ninety-nine at the start of `s` (一, 十二, 二十三).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let mut chars = s.chars().peekable();
    let first = *chars.peek()?;
    let tens = if first == '十' {
        chars.next();
        1
    } else {
        let d = digit(first)?;
        chars.next();
        if chars.peek() == Some(&'十') {
            chars.next();
            d
        } else {
            return Some(d);
        }
    };
    Some(tens * 10 + chars.next().and_then(digit).unwrap_or(0))
}

/// Whether `s` looks like a rung code: up to three letters, then digits, maybe
/// `-2` or `.1` after (`P3`, `L2`, `T2-1`, `3`, `M10`).
fn is_code(s: &str) -> bool {
    let letters = s.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &s[letters..];
    letters <= 3
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
        && !rest.ends_with(['-', '.'])
}

/// A rung label split into code and title: `L2 Senior Engineer`, `P3-高级工程师`,
/// `高级工程师（P3）`, `Senior Engineer (L2)`, `L2`, `Senior Engineer`.
pub fn split_label(label: &str) -> (Option<String>, Option<String>) {
    let s: String = label
        .trim()
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let some = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
    if s.ends_with(')') {
        if let Some(i) = s.rfind('(') {
            let inner = s[i + 1..s.len() - 1].trim();
            if is_code(inner) {
                return (some(inner), some(&s[..i]));
            }
        }
    }
    // the code, then a space, a dash, a colon or straight into Chinese
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let mut code = &s[..end];
    while code.ends_with(['-', '.']) {
        code = &code[..code.len() - 1];
    }
    if is_code(code) {
        let rest = s[code.len()..].trim_start_matches([' ', '-', ':', '：', '—', '–', '/', '.']);
        return (some(code), some(rest));
    }
    (None, some(&s))
}

/// An id part made of `s`: ASCII letters and digits in lower case and Chinese
/// characters kept, anything else one `_`; at most `max` characters.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in crate::text::zhtw::fold(&s.to_lowercase()).chars() {
        if c.is_ascii_alphanumeric() || has_cjk(c.encode_utf8(&mut [0; 4])) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        if out.chars().count() >= max {
            break;
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_hr_writes_them() {
        assert_eq!(years("25"), Some(25));
        assert_eq!(years("25岁"), Some(25));
        assert_eq!(years("约 3 年"), Some(3));
        assert_eq!(years("３年"), Some(3));
        assert_eq!(years("2.5"), None);
        assert_eq!(years("三年"), None);
        assert_eq!(
            weight("30%"),
            Some(Weight {
                value: 30.0,
                percent: true
            })
        );
        assert_eq!(
            weight("0.3").map(|w| (w.value, w.percent)),
            Some((0.3, false))
        );
        assert_eq!(weight("２０％").map(|w| w.value), Some(20.0));
        assert_eq!(weight("high"), None);
        assert!(nothing(" — ") && nothing("无") && !nothing("0"));
    }

    #[test]
    fn rung_labels_split_into_code_and_title() {
        let s = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            split_label("L2 Senior Engineer"),
            s("L2", "Senior Engineer")
        );
        assert_eq!(split_label("P3-高级工程师"), s("P3", "高级工程师"));
        assert_eq!(split_label("P3高级工程师"), s("P3", "高级工程师"));
        assert_eq!(split_label("高级工程师（P3）"), s("P3", "高级工程师"));
        assert_eq!(
            split_label("Staff Engineer (L5)"),
            s("L5", "Staff Engineer")
        );
        assert_eq!(split_label("L2"), (Some("L2".into()), None));
        assert_eq!(
            split_label("Senior Engineer"),
            (None, Some("Senior Engineer".into()))
        );
        assert_eq!(split_label("Level 2"), (None, Some("Level 2".into())));
    }

    #[test]
    fn level_numbers_and_slugs() {
        assert_eq!(level_number("P3"), Some(vec![3]));
        assert_eq!(level_number("T2-1"), Some(vec![2, 1]));
        assert_eq!(level_number("十二级"), Some(vec![12]));
        assert_eq!(level_number("三级"), Some(vec![3]));
        assert_eq!(level_number("Senior"), None);
        assert_eq!(slug("Senior Engineer", 40), "senior_engineer");
        assert_eq!(slug("专业知识 / Java", 40), "专业知识_java");
        assert_eq!(slug("專業", 40), "专业");
        assert_eq!(slug("abcdef", 3), "abc");
    }
}
