//! The shared template font holds every character of the workbook's own text: the
//! committed lists under `assets/template/` cover what a blank workbook with every
//! module draws, in each language, and the template fonts committed beside them are
//! exactly what the code makes of those lists. `CAREERBOOK_BLESS=1 cargo test --test
//! template_font` rewrites both after the built-in text (or the font, the subsetter,
//! the deflate library) changes.

use careerbook::render::pdf::embed::embed;
use careerbook::render::pdf::shared::{
    blank_chars, committed, committed_font, template_chars, COMMITTED_LEVEL,
};
use careerbook::text::font::FontFace;
use std::collections::BTreeSet;

#[test]
fn the_template_lists_cover_a_blank_workbook() {
    let font = FontFace::default_shared();
    let bless = std::env::var_os("CAREERBOOK_BLESS").is_some();
    let mut stale = Vec::new();
    for lang in ["zh-CN", "zh-TW", "en"] {
        let want = blank_chars(lang, &font);
        assert!(want.len() > 20, "{lang}: only {} characters", want.len());
        let have: BTreeSet<char> = committed(lang).chars().collect();
        let missing: String = want.difference(&have).collect();
        if bless {
            let path = format!("{}/assets/template/{lang}.txt", env!("CARGO_MANIFEST_DIR"));
            let mut text: String = want.iter().collect();
            text.push('\n');
            std::fs::write(path, text).unwrap();
        } else if !missing.is_empty() {
            stale.push(format!("{lang} lacks {missing}"));
        }
    }
    assert!(
        stale.is_empty(),
        "run `CAREERBOOK_BLESS=1 cargo test --test template_font`: {stale:?}"
    );
}

#[test]
fn the_committed_template_fonts_are_what_the_lists_make() {
    let font = FontFace::default_shared();
    let bless = std::env::var_os("CAREERBOOK_BLESS").is_some();
    let mut stale = Vec::new();
    for lang in ["zh-CN", "zh-TW", "en"] {
        // blessing rewrites the list in the same run: make the font of the new list
        let chars: BTreeSet<char> = if bless {
            let mut set = blank_chars(lang, &font);
            set.extend('0'..='9');
            set
        } else {
            template_chars(lang)
        };
        let made = embed(&font, &chars, COMMITTED_LEVEL).unwrap();
        let (program, to_unicode) = committed_font(lang);
        if bless {
            let dir = format!("{}/assets/template", env!("CARGO_MANIFEST_DIR"));
            std::fs::write(format!("{dir}/{lang}.cff.z"), &made.program[..]).unwrap();
            std::fs::write(format!("{dir}/{lang}.cmap.z"), &made.to_unicode[..]).unwrap();
        } else {
            assert!(
                program.len() > 1000,
                "{lang}: the committed program is empty"
            );
            if made.program[..] != *program || made.to_unicode[..] != *to_unicode {
                stale.push(lang);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "run `CAREERBOOK_BLESS=1 cargo test --test template_font`: the template fonts of {stale:?} differ from what their lists make"
    );
}
