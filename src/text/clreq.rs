//! Chinese typography for the PDF, after the W3C "Requirements for Chinese Text
//! Layout" (clreq): adjacent punctuation compressed, a quarter-em space between
//! Chinese and Latin letters or digits, and the places a line may not break
//! (inside a number range, between a number and its unit).

/// Full-width opening brackets and quotes: their ink sits in the right half of the
/// em box (Simplified Chinese glyphs), the left half is blank.
const OPEN: &[char] = &['（', '「', '『', '《', '【', '〔', '〈', '“', '‘', '〖'];
/// Full-width closing brackets and quotes and the stops (，。、：；！？): their ink
/// sits in the left half, the right half is blank.
const CLOSE: &[char] = &[
    '）', '」', '』', '》', '】', '〕', '〉', '”', '’', '〗', '，', '。', '、', '：', '；', '！',
    '？',
];

/// Space between Chinese and Latin letters or digits, in em.
pub const MIXED_SPACE: f32 = 0.25;
/// What a pair of adjacent full-width punctuation marks gives back, in em.
pub const PUNCT_SQUEEZE: f32 = 0.5;

/// Units that stay on the line of the number before them (`30 岁`, `3 年`, `50%`).
/// (with the Traditional forms of the zh-TW workbook: 歲 號 時 週 個 項 級 層 萬 億 頁 條)
const UNITS: &[char] = &[
    '岁', '年', '月', '日', '号', '时', '分', '秒', '周', '天', '个', '次', '项', '名', '人', '位',
    '级', '层', '万', '亿', '元', '倍', '页', '章', '条', '步', '歲', '號', '時', '週', '個', '項',
    '級', '層', '萬', '億', '頁', '條', '%', '‰', '℃',
];
/// Dashes and tildes that join a number range (`5–6`, `3~5`).
const RANGE: &[char] = &['–', '—', '-', '~', '～'];

/// Whether `c` is a full-width opening bracket or quote (its ink in the right half).
pub fn opens(c: char) -> bool {
    OPEN.contains(&c)
}

/// Whether `c` is a Han ideograph (or a full-width kana / Hangul syllable): the
/// scripts that take the mixed-script space.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x3FFFF) // extensions B and on
}

fn is_western(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'À'..='ÿ') && c != '×' && c != '÷'
}

/// The extra advance after each character of `text`, in em (negative: tighter),
/// as (byte offset just after the character, em). `full_width(c)` says whether the
/// font draws `c` a full em wide; only such punctuation is compressed.
pub fn adjustments(text: &str, full_width: &dyn Fn(char) -> bool) -> Vec<(usize, f32)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, a)) = it.next() {
        let Some(&(j, b)) = it.peek() else { break };
        let at = i + a.len_utf8();
        debug_assert_eq!(at, j);
        if let Some(em) = pair(a, b, full_width) {
            out.push((at, em));
        }
    }
    out
}

/// Whether no adjustment can ever come between `a` and `b` (two ideographs, or two
/// ASCII characters): the common case, known without measuring.
pub fn never_adjusted(a: char, b: char) -> bool {
    (is_han(a) && is_han(b)) || (a.is_ascii() && b.is_ascii())
}

/// The adjustment between `a` and the `b` after it, if any.
fn pair(a: char, b: char, full_width: &dyn Fn(char) -> bool) -> Option<f32> {
    // the common cases first: two ideographs, or two ASCII characters
    if never_adjusted(a, b) {
        return None;
    }
    let (ha, hb) = (is_han(a), is_han(b));
    if (ha && is_western(b)) || (is_western(a) && hb) {
        return Some(MIXED_SPACE);
    }
    // full-width punctuation lives in these blocks only
    let maybe = |c: char| matches!(c as u32, 0x2018..=0x201D | 0x3000..=0x303F | 0xFF00..=0xFFEF);
    if !maybe(a) || !maybe(b) {
        return None;
    }
    let punct = |c: char| OPEN.contains(&c) || CLOSE.contains(&c);
    if punct(a) && punct(b) && full_width(a) && full_width(b) {
        return squeeze(a, b);
    }
    None
}

/// [`pair`] when the full-width test of both characters is already known.
pub fn pair_known(a: char, b: char, fw_a: bool, fw_b: bool) -> Option<f32> {
    pair(a, b, &|c| if c == a { fw_a } else { fw_b })
}

/// Two adjacent full-width punctuation marks: what the pair gives back.
fn squeeze(a: char, b: char) -> Option<f32> {
    // closing + anything: the first loses its blank right half; opening + opening:
    // the second loses its blank left half
    (CLOSE.contains(&a) || OPEN.contains(&b)).then_some(-PUNCT_SQUEEZE)
}

/// Whether clreq forbids a line break at byte offset `at` of `text`: inside a number
/// range (`5–6`, `2027-06`), or between a number and its unit (`30 岁`, `30岁`, `50%`).
pub fn keeps_together(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    let after = &text[at..];
    let (Some(b), Some(a)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    // a number and its unit
    if b.is_ascii_digit() && UNITS.contains(&a) {
        return true;
    }
    // a range: digit, dash, digit (break after the dash, or before it)
    if RANGE.contains(&b) && a.is_ascii_digit() {
        let mut back = before.chars().rev().skip(1);
        if back.next().is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    if b.is_ascii_digit() && RANGE.contains(&a) {
        let mut fwd = after.chars().skip(1);
        if fwd.next().is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_full(c: char) -> bool {
        !c.is_ascii()
    }

    fn adj(text: &str) -> Vec<(String, f32)> {
        adjustments(text, &all_full)
            .into_iter()
            .map(|(at, em)| (text[..at].chars().last().unwrap().to_string(), em))
            .collect()
    }

    #[test]
    fn adjacent_punctuation_is_compressed_to_one_em() {
        // each pair would otherwise leave 1 em of blank between the two inks
        for pairs in ["”；", "）：", "。（", "，“", "）。", "」，"] {
            assert_eq!(
                adj(pairs),
                vec![(pairs.chars().next().unwrap().to_string(), -0.5)],
                "{pairs}"
            );
        }
        // opening + opening: the second gives back its left half
        assert_eq!(adj("（“"), vec![("（".to_string(), -0.5)]);
        // a run of three gives back twice
        let total: f32 = adjustments("）。”", &all_full)
            .iter()
            .map(|(_, em)| em)
            .sum();
        assert_eq!(total, -1.0);
        // plain text and a single mark: nothing
        assert!(adj("我们，你们").is_empty());
    }

    #[test]
    fn proportional_punctuation_is_left_alone() {
        // an ASCII ")" followed by "," is not full-width: no squeeze
        assert!(adjustments("a),b", &all_full).is_empty());
        // full-width marks the font draws narrow are left alone too
        assert!(adjustments("”；", &|_| false).is_empty());
    }

    #[test]
    fn a_quarter_em_separates_chinese_from_latin_and_digits() {
        assert_eq!(
            adj("用Rust写"),
            vec![("用".to_string(), 0.25), ("t".to_string(), 0.25)]
        );
        assert_eq!(
            adj("2027年6月"),
            vec![
                ("7".to_string(), 0.25),
                ("年".to_string(), 0.25),
                ("6".to_string(), 0.25)
            ]
        );
        // text that already has a space gets no more
        assert!(adj("用 Rust 写").is_empty());
        // punctuation next to Latin is not spaced
        assert!(adj("（A）").is_empty());
    }

    #[test]
    fn numbers_keep_their_units_and_ranges() {
        let t = "工作5–6年，30 岁时，完成2027-06的50%。";
        let at = |s: &str| t.find(s).unwrap();
        // inside 5–6, on both sides of the dash
        assert!(keeps_together(t, at("–")));
        assert!(keeps_together(t, at("6年")));
        // 6 and its unit 年
        assert!(keeps_together(t, at("年")));
        // 30 and 岁, across the space
        assert!(keeps_together(t, at("30 岁") + 3));
        assert!(keeps_together(t, at("岁")));
        // 2027-06 stays whole
        assert!(keeps_together(t, at("-06")));
        assert!(keeps_together(t, at("06")));
        // 50 and %
        assert!(keeps_together(t, at("%")));
        // ordinary places may break
        assert!(!keeps_together(t, at("工作") + 3));
        assert!(!keeps_together(t, at("时")));
    }
}
