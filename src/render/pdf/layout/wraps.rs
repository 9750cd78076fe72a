//! Line breaking, remembered: a layout asks for the same text at the same size and
//! width several times (a table's row heights, then its rows; a paragraph's height,
//! then its lines; each pass of the layout), and breaking is its costliest part.

use crate::text::font::FontFace;
use crate::text::linebreak::break_lines;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// The lines of a text: byte ranges.
pub type Lines = Rc<[(usize, usize)]>;

struct Entry {
    text: Box<str>,
    size: u32,
    width: u32,
    lines: Lines,
}

/// The line breaks made so far, by text, size and width.
#[derive(Default)]
pub struct Wraps {
    map: RefCell<FxHashMap<u64, Vec<Entry>>>,
}

impl Wraps {
    /// The lines of `text` at `size` in `width` (points), broken once.
    pub fn lines(&self, font: &FontFace, text: &str, size: f32, width: f32) -> Lines {
        let (size_bits, width_bits) = (size.to_bits(), width.to_bits());
        let mut h = rustc_hash::FxHasher::default();
        text.hash(&mut h);
        size_bits.hash(&mut h);
        width_bits.hash(&mut h);
        let key = h.finish();
        let mut map = self.map.borrow_mut();
        let bucket = map.entry(key).or_default();
        if let Some(e) = bucket
            .iter()
            .find(|e| e.size == size_bits && e.width == width_bits && &*e.text == text)
        {
            return e.lines.clone();
        }
        let m = |s: &str| font.width(s, size);
        let lines: Lines = break_lines(text, width, &m)
            .into_iter()
            .map(|l| (l.start, l.end))
            .collect();
        bucket.push(Entry {
            text: text.into(),
            size: size_bits,
            width: width_bits,
            lines: lines.clone(),
        });
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_broken_as_break_lines_breaks_it_whatever_came_before() {
        let font = FontFace::default_shared();
        let wraps = Wraps::default();
        let text =
            "一个常被引用的故事（并非严格的科学结论）：一项调查中，3% 的人有清晰而长远的目标。";
        let m = |s: &str| font.width(s, 10.5);
        let want: Vec<(usize, usize)> = break_lines(text, 120.0, &m)
            .into_iter()
            .map(|l| (l.start, l.end))
            .collect();
        assert!(want.len() > 2);
        assert_eq!(&wraps.lines(&font, text, 10.5, 120.0)[..], &want[..]);
        // the same again, and other sizes and widths of the same text, stay apart
        assert_eq!(&wraps.lines(&font, text, 10.5, 120.0)[..], &want[..]);
        assert!(wraps.lines(&font, text, 10.5, 400.0).len() < want.len());
        assert!(wraps.lines(&font, text, 21.0, 120.0).len() > want.len());
        assert_eq!(&wraps.lines(&font, text, 10.5, 120.0)[..], &want[..]);
    }
}
