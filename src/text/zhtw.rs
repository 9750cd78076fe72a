//! Traditional Chinese (Taiwan) for the zh-TW workbook: our own built-in text, written
//! in Simplified Chinese, is converted with a reviewed glossary of Taiwan terms and
//! phrases first, then character by character (`assets/zhtw/`), and “” becomes 「」.
//! Only built-in text goes through here, never what a person wrote. [`fold`] goes the
//! other way for reading input, so that catalogue words match in either script.

use rustc_hash::FxHashMap as HashMap;
use std::sync::{OnceLock, RwLock};

const CHARS: &str = include_str!("../../assets/zhtw/chars.tsv");
const GLOSSARY: &str = include_str!("../../assets/zhtw/glossary.tsv");

struct Tables {
    /// simplified → traditional (Taiwan form)
    chars: HashMap<char, char>,
    /// characters with more than one traditional form: the glossary must say which
    ambiguous: HashMap<char, &'static str>,
    /// simplified phrase → Taiwan phrase (single characters too: a reviewed default)
    glossary: HashMap<&'static str, &'static str>,
    /// longest glossary key, in characters
    longest: usize,
    /// characters the glossary writes (雇主 stays 雇主: a reviewed choice)
    chosen: std::collections::HashSet<char>,
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn first_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            chars: HashMap::default(),
            ambiguous: HashMap::default(),
            glossary: HashMap::default(),
            longest: 1,
            chosen: Default::default(),
        };
        for r in rows(CHARS) {
            let (Some(s), Some(tc)) = (
                r.first().and_then(|s| first_char(s)),
                r.get(1).and_then(|s| first_char(s)),
            ) else {
                continue;
            };
            t.chars.insert(s, tc);
            if let Some(others) = r.get(2).filter(|o| !o.is_empty()) {
                t.ambiguous.insert(s, others);
            }
        }
        for r in rows(GLOSSARY) {
            if let (Some(k), Some(v)) = (r.first(), r.get(1)) {
                let (k, v) = (k.trim(), v.trim());
                if !k.is_empty() {
                    t.longest = t.longest.max(k.chars().count());
                    t.glossary.insert(k, v);
                    t.chosen.extend(v.chars());
                }
            }
        }
        t
    })
}

/// Converts built-in Simplified text to Taiwan Traditional text.
pub fn convert(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let t = tables();
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    'outer: while i < starts.len() {
        let longest = t.longest.min(starts.len() - i);
        for n in (1..=longest).rev() {
            if let Some(v) = t.glossary.get(&s[starts[i]..ends[i + n - 1]]) {
                out.push_str(v);
                i += n;
                continue 'outer;
            }
        }
        let c = s[starts[i]..].chars().next().unwrap_or(' ');
        out.push(match c {
            '“' => '「',
            '”' => '」',
            '‘' => '『',
            '’' => '』',
            c => t.chars.get(&c).copied().unwrap_or(c),
        });
        i += 1;
    }
    out
}

/// `s` in Traditional characters, character by character, without the glossary's
/// Taiwan terms: how someone typing a word in Traditional characters may write it.
pub fn characters(s: &str) -> String {
    let t = tables();
    s.chars()
        .map(|c| t.chars.get(&c).copied().unwrap_or(c))
        .collect()
}

/// [`convert`] for text that lives as long as the program (catalogue words, literals),
/// converted once and kept.
pub fn convert_static(s: &'static str) -> &'static str {
    static CACHE: OnceLock<RwLock<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(HashMap::default()));
    if let Some(v) = cache.read().ok().and_then(|m| m.get(s).copied()) {
        return v;
    }
    let v: &'static str = Box::leak(convert(s).into_boxed_str());
    if let Ok(mut m) = cache.write() {
        return m.entry(s).or_insert(v);
    }
    v
}

/// traditional → simplified, made from `assets/zhtw/fold.tsv` by build.rs: every
/// lookup of a word folds it, and a static table costs a process nothing to set up
mod table {
    include!(concat!(env!("OUT_DIR"), "/fold.rs"));
}

fn folded(c: char) -> char {
    match table::FOLD.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => table::FOLD[i].1,
        Err(_) => c,
    }
}

/// Traditional characters folded to simplified ones, for matching what people type.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.chars().map(folded).collect()
}

/// The characters of `s` that have several traditional forms and that no glossary
/// entry decides at their place (for the test that every one of ours is reviewed),
/// with their candidates.
pub fn unreviewed(s: &str) -> Vec<(char, &'static str)> {
    let t = tables();
    let chars: Vec<char> = s.chars().collect();
    let mut covered = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let longest = t.longest.min(chars.len() - i);
        let hit = (1..=longest).rev().find(|n| {
            let k: String = chars[i..i + n].iter().collect();
            t.glossary.contains_key(k.as_str())
        });
        match hit {
            Some(n) => {
                covered[i..i + n].iter_mut().for_each(|c| *c = true);
                i += n;
            }
            None => i += 1,
        }
    }
    chars
        .iter()
        .zip(covered)
        .filter(|(c, cov)| !cov && t.ambiguous.contains_key(c))
        .map(|(c, _)| (*c, t.ambiguous[c]))
        .collect()
}

/// Whether `c` is a simplified character with another traditional form, one that a
/// zh-TW page should not show (unless the glossary chose it).
pub fn is_simplified_only(c: char) -> bool {
    let t = tables();
    t.chars.get(&c).is_some_and(|tc| *tc != c)
        && !t.ambiguous.get(&c).is_some_and(|others| others.contains(c))
        && !t.chosen.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_phrases_and_quotes() {
        assert_eq!(convert("职业发展"), "職涯發展"); // a Taiwan term
        assert_eq!(convert("发展"), "發展");
        assert_eq!(convert("“开放的我”"), "「開放的我」");
        assert_eq!(convert("abc 2027-06"), "abc 2027-06");
        assert_eq!(fold("熱情、職業"), "热情、职业");
    }

    #[test]
    fn the_tables_load() {
        let t = tables();
        assert!(t.chars.len() > 3000 && table::FOLD.len() > 3000);
        assert!(t.glossary.len() > 50, "{}", t.glossary.len());
        assert!(is_simplified_only('发') && !is_simplified_only('發'));
        assert!(!is_simplified_only('台'));
    }

    #[test]
    fn static_conversions_are_kept() {
        let a = convert_static("质量");
        let b = convert_static("质量");
        assert!(std::ptr::eq(a, b));
    }
}
