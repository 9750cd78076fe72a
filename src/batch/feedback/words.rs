//! What a survey cell says in adjectives: the catalogue words in a multi-select cell
//! (any of the separators survey tools join options with, in zh-CN, zh-TW or en, also
//! written bilingually as `可靠 (dependable)`), the "Other" free text left out, and the
//! adjective a per-option column's header names.

use crate::profile::catalog::{self, Lookup};

/// Separators survey tools put between the options of a multi-select answer:
/// Microsoft Forms `;`, Google `, `, 问卷星 `┋`, 腾讯问卷 `|`, Chinese `、` `，` `；`,
/// slashes and new lines.
pub const SEPARATORS: &[char] = &[';', '；', ',', '，', '、', '┋', '|', '｜', '/', '\n', '\r'];

/// The adjectives found in one cell and what else it held.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CellWords {
    /// Bit k: adjective k of the catalogue was picked.
    pub mask: u64,
    /// Items that are no catalogue adjective (free text, a typo, a foreign option).
    pub unknown: Vec<String>,
    /// Free text written into an "Other" option (问卷星 `其他〖…〗`, `Other: …`).
    pub other: bool,
    /// Items that are option numbers (1 to 99) rather than words.
    pub numbers: usize,
}

impl CellWords {
    /// How many adjectives the cell picked.
    pub fn count(&self) -> u32 {
        self.mask.count_ones()
    }
}

/// Reads a multi-select cell.
pub fn read_cell(cell: &str) -> CellWords {
    let mut out = CellWords::default();
    let text = strip_other(cell, &mut out.other);
    for item in text.split(SEPARATORS) {
        let item = item.trim().trim_matches(['"', '\'', '“', '”']).trim();
        if item.is_empty() {
            continue;
        }
        if is_other_label(item) {
            out.other = true;
            continue;
        }
        match adjective(item) {
            Some(k) => out.mask |= 1u64 << k,
            None if item.chars().all(|c| c.is_ascii_digit()) && item.len() <= 2 => out.numbers += 1,
            None => out.unknown.push(item.to_string()),
        }
    }
    out
}

/// Cuts the text written into an "Other" option out of a cell: 问卷星 writes
/// `其他〖冷静，可靠；值得信赖〗` (the brackets may hold separators, so this comes before
/// splitting); `其他:…` and `Other: …` keep the rest of their item.
fn strip_other(cell: &str, other: &mut bool) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '〖' => {
                depth += 1;
                *other = true;
            }
            '〗' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    // `Other: typed text` / `其他：…`: the item from the label to the next separator
    let mut kept = String::with_capacity(out.len());
    for item in out.split_inclusive(SEPARATORS) {
        let body = item.trim_end_matches(SEPARATORS).trim();
        let labelled = OTHER_LABELS.iter().any(|l| {
            body.len() > l.len()
                && body
                    .get(..l.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(l))
                && body[l.len()..]
                    .trim_start()
                    .starts_with([':', '：', '-', '('])
        });
        if labelled {
            *other = true;
            kept.push_str(&item[item.trim_end_matches(SEPARATORS).len()..]);
        } else {
            kept.push_str(item);
        }
    }
    kept
}

/// How survey tools label their "Other" option.
const OTHER_LABELS: &[&str] = &[
    "其他",
    "其它",
    "other",
    "others",
    "其他（请注明）",
    "其他(请注明)",
];

fn is_other_label(item: &str) -> bool {
    let t = item.trim_end_matches([':', '：']).trim();
    OTHER_LABELS.iter().any(|l| t.eq_ignore_ascii_case(l))
}

/// The catalogue position of one option as survey tools write it: `可靠`, `可靠`,
/// `dependable`, `Dependable`, `可靠 (dependable)`, `Dependable 可靠`, `可靠/dependable`
/// is split before it comes here. Both halves of a bilingual option must name the same
/// adjective.
pub fn adjective(item: &str) -> Option<usize> {
    let whole = |w: &str| -> Option<usize> {
        let w = w.trim().trim_matches([
            '(', ')', '（', '）', '[', ']', '【', '】', '〖', '〗', '“', '”', '"',
        ]);
        if w.is_empty() {
            return None;
        }
        catalog::position_of(catalog::ADJECTIVES, catalog::ADJECTIVE_ALIASES, w)
    };
    if let Some(k) = whole(item) {
        return Some(k);
    }
    // `可靠 (dependable)` / `可靠（dependable）`
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if let (Some(a), Some(b)) = (item.find(open), item.rfind(close)) {
            if a < b {
                let inner = whole(&item[a + open.len_utf8()..b]);
                let outer = whole(&format!("{}{}", &item[..a], &item[b + close.len_utf8()..]));
                // both halves name the same adjective, or the option is not one
                return match (inner, outer) {
                    (Some(x), Some(y)) if x == y => Some(x),
                    _ => None,
                };
            }
        }
    }
    // `Dependable 可靠` / `可靠 Dependable`: a Latin part and a Chinese part
    let han = |c: char| ('\u{3400}'..='\u{9fff}').contains(&c);
    if item.chars().any(han) && item.chars().any(|c| c.is_ascii_alphabetic()) {
        let zh: String = item.chars().filter(|c| han(*c)).collect();
        let en: String = item
            .chars()
            .filter(|c| !han(*c))
            .collect::<String>()
            .trim()
            .to_string();
        if let (Some(x), Some(y)) = (whole(&zh), whole(&en)) {
            if x == y {
                return Some(x);
            }
        }
    }
    None
}

/// Words people put in a survey's options that are not in the catalogue, with the
/// adjective they most likely mean: offered as "did you mean", never taken as a pick.
const NEAR_WORDS: &[(&str, &str)] = &[
    ("幽默", "witty"),
    ("humorous", "witty"),
    ("funny", "witty"),
    ("靠谱", "dependable"),
    ("踏实", "dependable"),
    ("reliable", "dependable"),
    ("诚实", "trustworthy"),
    ("honest", "trustworthy"),
    ("沉稳", "calm"),
    ("稳重", "mature"),
    ("乐观", "cheerful"),
    ("活泼", "cheerful"),
    ("热心", "helpful"),
    ("细心", "observant"),
    ("smart", "clever"),
    ("谦逊", "modest"),
    ("humble", "modest"),
    ("有耐心", "patient"),
    ("自律", "organised"),
];

/// The adjective an unknown option probably means: a known near word, a Traditional
/// form, or the catalogue word closest in spelling.
pub fn near(item: &str) -> Option<&'static str> {
    let n = catalog::normalise(item);
    if let Some((_, id)) = NEAR_WORDS.iter().find(|(w, _)| catalog::normalise(w) == n) {
        return catalog::ADJECTIVES.iter().find(|a| a.id == *id).map(|a| {
            if item.is_ascii() {
                a.en
            } else {
                a.zh
            }
        });
    }
    match catalog::lookup(catalog::ADJECTIVES, catalog::ADJECTIVE_ALIASES, item) {
        Lookup::Missing(near) => near,
        Lookup::Found(_) => None,
    }
}

/// A header without the survey tool's numbering and type marks: `2、请选择…（多选题）：`
/// → `请选择…`.
pub fn clean_header(h: &str) -> String {
    let mut s = h.trim().trim_start_matches('\u{feff}').to_string();
    for mark in [
        "(多选题)",
        "（多选题）",
        "[多选题]",
        "【多选题】",
        "(multiple choice)",
        "（必填）",
        "(必填)",
        "*",
    ] {
        s = s.replace(mark, "");
    }
    // numbering: "2、", "2.", "Q2.", "2)", "（2）"
    let t = s.trim_start();
    let t = t.strip_prefix(['Q', 'q']).unwrap_or(t);
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    let s = if digits > 0 {
        let rest = &t[digits..];
        match rest.chars().next() {
            Some('、' | '.' | '．' | ')' | '）' | ':' | '：' | ' ') => {
                rest[rest.chars().next().map_or(0, char::len_utf8)..].to_string()
            }
            _ => s.clone(),
        }
    } else {
        s.clone()
    };
    s.trim()
        .trim_end_matches([':', '：', ' '])
        .trim()
        .to_string()
}

/// The adjective a header names, as a column of a one-column-per-option export
/// (`2(可靠)`, `第2题(可靠)`, `2.请选出…:可靠`, `可靠`, `Q2_dependable`).
pub fn option_of(header: &str) -> Option<usize> {
    let h = clean_header(header);
    if let Some(k) = adjective(&h) {
        return Some(k);
    }
    // the text inside the last brackets: 题目(可靠), 题目（可靠）, [able]
    for (open, close) in [
        ('(', ')'),
        ('（', '）'),
        ('[', ']'),
        ('【', '】'),
        ('〖', '〗'),
    ] {
        if let (Some(a), Some(b)) = (h.rfind(open), h.rfind(close)) {
            if a < b {
                if let Some(k) = adjective(&h[a + open.len_utf8()..b]) {
                    return Some(k);
                }
            }
        }
    }
    // the longest tail after a separator that names an adjective (self-assertive
    // keeps its dash: "Q2 - … - self-assertive")
    h.char_indices()
        .filter(|(_, c)| matches!(c, ':' | '：' | '—' | '|' | '_' | '-' | ' '))
        .find_map(|(i, c)| adjective(&h[i + c.len_utf8()..]))
}

/// Whether a cell of a one-column-per-option export marks the option as picked.
pub fn ticked(cell: &str) -> bool {
    let c = cell.trim().to_lowercase();
    // 问卷星 writes -2 / -3 for a question skipped or not shown
    if c.parse::<f64>().is_ok_and(|n| n <= 0.0) {
        return false;
    }
    !matches!(
        c.as_str(),
        "" | "0"
            | "false"
            | "no"
            | "n"
            | "否"
            | "未选"
            | "未选中"
            | "-"
            | "—"
            | "(空)"
            | "（空）"
            | "(跳过)"
            | "（跳过）"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(id: &str) -> usize {
        catalog::ADJECTIVES.iter().position(|a| a.id == id).unwrap()
    }

    #[test]
    fn cells_as_each_tool_joins_them() {
        for cell in [
            "calm;kind;wise;",
            "calm, kind, wise",
            "冷静┋善良┋睿智",
            "冷静|善良|睿智",
            "冷静、善良、睿智",
            "Calm\nKind\nWISE",
            "冷靜，善良；睿智",
        ] {
            let w = read_cell(cell);
            assert_eq!(
                w.mask,
                (1 << pos("calm")) | (1 << pos("kind")) | (1 << pos("wise")),
                "{cell}"
            );
            assert!(w.unknown.is_empty() && !w.other, "{cell}: {w:?}");
        }
    }

    #[test]
    fn bilingual_options_count_once_and_must_agree() {
        assert_eq!(adjective("可靠 (dependable)"), Some(pos("dependable")));
        assert_eq!(adjective("可靠（Dependable）"), Some(pos("dependable")));
        assert_eq!(adjective("Dependable 可靠"), Some(pos("dependable")));
        assert_eq!(adjective("可靠 calm"), None, "two different words");
        assert_eq!(adjective("可靠 (calm)"), None);
        assert_eq!(read_cell("可靠 (dependable);冷静 (calm)").count(), 2);
    }

    #[test]
    fn other_text_is_never_a_pick() {
        let w = read_cell("可靠┋其他〖冷静，可靠；值得信赖〗┋耐心");
        assert_eq!(w.mask, (1 << pos("dependable")) | (1 << pos("patient")));
        assert!(w.other && w.unknown.is_empty(), "{w:?}");
        let w = read_cell("calm;Other: kind and wise;");
        assert_eq!(w.mask, 1 << pos("calm"));
        assert!(w.other, "{w:?}");
        let w = read_cell("其他〖善良〗");
        assert_eq!(w.mask, 0, "only an Other answer: no pick");
        // Google appends the typed text as one more item: unknown, left out
        let w = read_cell("calm, kind, works weekends");
        assert_eq!(w.count(), 2);
        assert_eq!(w.unknown, vec!["works weekends".to_string()]);
    }

    #[test]
    fn option_numbers_are_counted_not_read() {
        let w = read_cell("1┋3┋7┋12");
        assert_eq!((w.mask, w.numbers), (0, 4));
    }

    #[test]
    fn near_words_suggest_without_accepting() {
        assert_eq!(adjective("幽默"), None);
        assert_eq!(near("幽默"), Some("风趣"));
        assert_eq!(near("humorous"), Some("witty"));
        assert_eq!(near("dependible"), Some("dependable"));
    }

    #[test]
    fn option_headers_in_brackets_and_with_dashes() {
        assert_eq!(option_of("2(能干)"), Some(pos("able")));
        assert_eq!(option_of("第2题(可靠)"), Some(pos("dependable")));
        assert_eq!(option_of("题目（可靠）"), Some(pos("dependable")));
        assert_eq!(option_of("[able]"), Some(pos("able")));
        assert_eq!(option_of("2.请选出…:可靠"), Some(pos("dependable")));
        assert_eq!(option_of("Q2_dependable"), Some(pos("dependable")));
        assert_eq!(
            option_of("Q2 - Which words - self-assertive"),
            Some(pos("self-assertive"))
        );
        assert_eq!(option_of("Q2_self-assertive"), Some(pos("self-assertive")));
        assert_eq!(option_of("对这位同事还有什么建议？"), None);
    }
}
