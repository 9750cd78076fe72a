//! The shared template font holds every character of the workbook's own text: the
//! committed lists under `assets/template/` cover what a blank workbook with every
//! module draws, in each language. `CAREERBOOK_BLESS=1 cargo test --test
//! template_font` rewrites them after the built-in text changes.

use careerbook::render::pdf::font::FontFace;
use careerbook::render::pdf::shared::{blank_chars, committed};
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
