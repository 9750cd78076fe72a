//! Line breaking: UAX #14 break opportunities, Chinese line-start/line-end rules
//! (禁则), no break inside a number range or before a unit, no paragraph ending in a
//! lone character, and forced splits of tokens wider than the line.

use crate::text::clreq;

/// Characters that may not start a line.
pub const NO_START: &[char] = &[
    '，', '。', '、', '：', '；', '！', '？', '）', '」', '』', '》', '】', '〕', '〉', '’', '”',
    '%', '‰', '℃', ',', '.', ':', ';', '!', '?', ')', ']', '}', '…', '—', '·', '～',
];
/// Characters that may not end a line.
pub const NO_END: &[char] = &[
    '（', '「', '『', '《', '【', '〔', '〈', '‘', '“', '(', '[', '{',
];

/// A measured line: byte range into the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive), trailing spaces trimmed.
    pub end: usize,
}

/// Breaks `text` into lines no wider than `width`, measuring with `measure`.
/// Hard line breaks (`\n`, and the line and paragraph separators U+2028, U+2029) are
/// kept. Every character of the text ends up in exactly one line (only spaces at the
/// break are dropped).
pub fn break_lines(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut para_start = 0;
    for para in text.split(['\n', '\u{2028}', '\u{2029}']) {
        let first = lines.len();
        break_paragraph(
            text,
            para_start,
            para_start + para.len(),
            width,
            measure,
            &mut lines,
        );
        no_lone_last_character(text, &mut lines[first..], width, measure);
        // past the paragraph and its separator
        para_start += para.len();
        para_start += text[para_start..].chars().next().map_or(0, char::len_utf8);
    }
    lines
}

/// A paragraph of more than one line must not end with a line holding one Chinese
/// character (plus punctuation): pull a character down from the line before.
fn no_lone_last_character(
    text: &str,
    lines: &mut [Line],
    width: f32,
    measure: &dyn Fn(&str) -> f32,
) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    let last = &lines[n - 1];
    let mut content = text[last.start..last.end]
        .chars()
        .filter(|c| !NO_START.contains(c));
    let (Some(lone), None) = (content.next(), content.next()) else {
        return;
    };
    if !clreq::is_han(lone) {
        return;
    }
    let prev = lines[n - 2].clone();
    let mut cand = prev.end;
    for _ in 0..3 {
        let Some((i, _)) = text[prev.start..cand].char_indices().next_back() else {
            return;
        };
        if i == 0 {
            return;
        }
        cand = prev.start + i;
        if allowed_break(text, cand) {
            let end = lines[n - 1].end;
            if measure(text[cand..end].trim()) > width {
                return;
            }
            lines[n - 2] = trimmed(text, prev.start, cand);
            lines[n - 1] = Line {
                start: skip_spaces(text, cand, end),
                end,
            };
            return;
        }
    }
}

fn allowed_break(text: &str, at: usize) -> bool {
    // `at` is between two characters; apply the Chinese rules on both sides.
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => {
            !NO_START.contains(&a) && !NO_END.contains(&b) && !clreq::keeps_together(text, at)
        }
        _ => true,
    }
}

fn break_paragraph(
    text: &str,
    start: usize,
    end: usize,
    width: f32,
    measure: &dyn Fn(&str) -> f32,
    out: &mut Vec<Line>,
) {
    let para = &text[start..end];
    if para.trim().is_empty() {
        out.push(Line { start, end: start });
        return;
    }
    // break opportunities (absolute byte offsets), filtered by the punctuation rules
    let mut opps: Vec<usize> = unicode_linebreak::linebreaks(para)
        .map(|(i, _)| start + i)
        .filter(|&i| i == end || allowed_break(text, i))
        .collect();
    if opps.last() != Some(&end) {
        opps.push(end);
    }
    let mut line_start = start;
    // skip leading spaces of continuation lines
    let mut last_fit: Option<usize> = None;
    // the width of text[line_start..acc_end], grown one segment at a time (measuring
    // every candidate line from its start made breaking quadratic in the line length)
    let (mut acc, mut acc_start, mut acc_end) = (0.0f32, start, start);
    let mut k = 0;
    while k < opps.len() {
        let cand = opps[k];
        if cand <= line_start {
            // an opportunity inside the spaces skipped at the start of this line
            k += 1;
            continue;
        }
        if acc_start != line_start || acc_end > cand {
            (acc, acc_start, acc_end) = (0.0, line_start, line_start);
        }
        acc += grown(&text[line_start..acc_end], &text[acc_end..cand], measure);
        acc_end = cand;
        let kept = text[line_start..cand].trim_end().len();
        let w = if line_start + kept == cand {
            acc
        } else {
            acc - measure(&text[line_start + kept..cand])
        };
        if w <= width {
            last_fit = Some(cand);
            k += 1;
            if cand == end {
                out.push(trimmed(text, line_start, end));
                return;
            }
            continue;
        }
        match last_fit {
            Some(fit) if fit > line_start => {
                out.push(trimmed(text, line_start, fit));
                line_start = skip_spaces(text, fit, end);
                last_fit = None;
            }
            _ => {
                // the segment alone is too wide: force a split by characters
                let split = force_split(text, line_start, cand, width, measure);
                out.push(trimmed(text, line_start, split));
                line_start = skip_spaces(text, split, end);
                last_fit = None;
            }
        }
        if line_start >= end {
            return;
        }
    }
    if line_start < end {
        out.push(trimmed(text, line_start, end));
    }
}

/// What `measure(line + seg)` adds to `measure(line)`: the segment, and the
/// adjustment between the two characters where they meet (widths are additive but
/// for the pair at the joint).
fn grown(line: &str, seg: &str, measure: &dyn Fn(&str) -> f32) -> f32 {
    let w = measure(seg);
    let (Some(a), Some(b)) = (line.chars().next_back(), seg.chars().next()) else {
        return w;
    };
    if clreq::never_adjusted(a, b) {
        return w;
    }
    let mut buf = [0u8; 8];
    let la = a.encode_utf8(&mut buf[..4]).len();
    let lb = b.encode_utf8(&mut buf[la..]).len();
    let pair = std::str::from_utf8(&buf[..la + lb]).unwrap_or("");
    w + measure(pair) - measure(&pair[..la]) - measure(&pair[la..])
}

/// The line text[start..end] without trailing whitespace (the same trimming the
/// width check uses, so a line never measures narrower than it is drawn).
fn trimmed(text: &str, start: usize, end: usize) -> Line {
    let t = text[start..end].trim_end();
    Line {
        start,
        end: start + t.len(),
    }
}

fn skip_spaces(text: &str, at: usize, end: usize) -> usize {
    let rest = &text[at..end];
    at + (rest.len() - rest.trim_start().len())
}

/// The furthest char boundary in (start, limit) such that text[start..b] fits, at
/// least one character, preferring a boundary that obeys the punctuation rules.
fn force_split(
    text: &str,
    start: usize,
    limit: usize,
    width: f32,
    measure: &dyn Fn(&str) -> f32,
) -> usize {
    let mut best = None;
    let mut acc = 0.0;
    let mut first = None;
    for (i, c) in text[start..limit].char_indices() {
        let next = start + i + c.len_utf8();
        acc += measure(&text[start + i..next]);
        if first.is_none() {
            first = Some(next);
        }
        if acc > width {
            break;
        }
        if next < limit {
            best = Some(next);
        }
    }
    let Some(b) = best else {
        return first.unwrap_or(limit);
    };
    // step back (up to 3 chars) to honour the line-start / line-end rules
    let mut cand = b;
    for _ in 0..3 {
        if allowed_break(text, cand) {
            return cand;
        }
        match text[start..cand].char_indices().next_back() {
            Some((i, _)) if i > 0 => cand = start + i,
            _ => break,
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    // 10 units per CJK char, 5 per other char
    fn m(s: &str) -> f32 {
        s.chars()
            .map(|c| if (c as u32) > 0x2E80 { 10.0 } else { 5.0 })
            .sum()
    }

    fn lines(text: &str, w: f32) -> Vec<String> {
        break_lines(text, w, &m)
            .into_iter()
            .map(|l| text[l.start..l.end].to_string())
            .collect()
    }

    #[test]
    fn line_and_paragraph_separators_break_like_a_newline() {
        assert_eq!(
            lines("前\u{2028}中\u{2029}后\n末", 200.0),
            ["前", "中", "后", "末"]
        );
        assert_eq!(lines("a\u{2028}\u{2028}b", 200.0), ["a", "", "b"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // width fits exactly 5 CJK chars; a naive break would put "，" first on line 2
        let out = lines("我们一起工作，然后休息。", 50.0);
        for l in &out[1..] {
            let first = l.chars().next().unwrap();
            assert!(
                !NO_START.contains(&first),
                "line starts with {first}: {out:?}"
            );
        }
        assert_eq!(out.concat(), "我们一起工作，然后休息。");
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        let out = lines("甲乙丙丁（戊己庚辛）壬癸", 50.0);
        for l in &out {
            let last = l.chars().last().unwrap();
            assert!(!NO_END.contains(&last), "line ends with {last}: {out:?}");
        }
        assert_eq!(out.concat(), "甲乙丙丁（戊己庚辛）壬癸");
    }

    #[test]
    fn every_line_fits_and_nothing_is_lost() {
        let text = "职业发展 career development 是一个长期的过程，需要 feedback and revision。";
        for w in [30.0, 55.0, 80.0, 200.0] {
            let out = lines(text, w);
            for l in &out {
                assert!(m(l) <= w, "{l:?} is wider than {w}");
            }
            let joined: String = out.concat().split_whitespace().collect();
            let orig: String = text.split_whitespace().collect();
            assert_eq!(joined, orig);
        }
    }

    #[test]
    fn english_breaks_at_spaces() {
        assert_eq!(
            lines("the quick brown fox", 50.0),
            vec!["the quick", "brown fox"]
        );
    }

    #[test]
    fn overlong_tokens_are_force_split() {
        let url = format!("https://example.com/{}", "a".repeat(400));
        let out = lines(&url, 100.0);
        assert!(out.len() >= 20);
        assert!(out.iter().all(|l| m(l) <= 100.0));
        assert_eq!(out.concat(), url);
        let long: String = "字".repeat(6000);
        let out = lines(&long, 100.0);
        assert_eq!(out.len(), 600);
        assert_eq!(out.concat(), long);
    }

    #[test]
    fn fuzz_regression_trailing_form_feed_is_trimmed_like_it_is_measured() {
        // cargo fuzz (linebreak): "K\x0c\0" at width 9 gave a line "K\x0c" of width 11
        let text = "K\u{c}\0";
        let m5 = |s: &str| s.chars().count() as f32 * 5.5;
        for l in break_lines(text, 9.0, &m5) {
            let line = &text[l.start..l.end];
            assert!(m5(line) <= 9.0 || line.chars().count() == 1, "{line:?}");
        }
    }

    #[test]
    fn fuzz_regression_opportunity_inside_skipped_spaces() {
        // cargo fuzz (linebreak): ":\r\t#," at width 5 sliced text[3..2] and panicked
        let text = ":\r\t#,";
        let m = |s: &str| s.chars().count() as f32 * 5.5;
        let lines = break_lines(text, 5.0, &m);
        let kept: String = lines.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(kept.split_whitespace().collect::<String>(), ":#,");
    }

    #[test]
    fn a_paragraph_never_ends_with_one_character_and_its_stop() {
        // 5 characters a line: "。" after 10 characters would leave "作。" alone
        let out = lines("我们一起努力认真工作。", 50.0);
        assert_eq!(out, vec!["我们一起努", "力认真", "工作。"]);
        let last = out.last().unwrap();
        assert!(
            last.chars().filter(|c| !NO_START.contains(c)).count() >= 2,
            "{out:?}"
        );
        assert_eq!(out.concat(), "我们一起努力认真工作。");
        // a one-line paragraph is left alone
        assert_eq!(lines("好。", 50.0), vec!["好。"]);
    }

    #[test]
    fn numbers_stay_with_their_units_and_ranges_at_a_break() {
        // "30 岁" at the end of a line: the break goes before 30, not after it
        let out = lines("我希望在30 岁前", 40.0);
        assert!(out.iter().all(|l| !l.ends_with("30")), "{out:?}");
        assert!(out.iter().any(|l| l.contains("30 岁")), "{out:?}");
        // "5–6" never splits at the dash
        let out = lines("预计需要5–6年", 45.0);
        assert!(out.iter().any(|l| l.contains("5–6")), "{out:?}");
        assert!(
            out.iter().all(|l| !l.ends_with('–') && !l.starts_with('–')),
            "{out:?}"
        );
        // "2027-06" stays whole
        let out = lines("目标日期2027-06", 50.0);
        assert!(out.iter().any(|l| l.contains("2027-06")), "{out:?}");
    }

    #[test]
    fn hard_breaks_and_blank_lines_are_kept() {
        assert_eq!(lines("a\n\nb", 100.0), vec!["a", "", "b"]);
    }
}
