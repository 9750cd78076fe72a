//! The shared template font holds every character of the workbook's own text: the
//! committed lists under `assets/template/` cover what a blank workbook with every
//! module draws, in each language, and the template fonts committed beside them are
//! exactly what the code makes of those lists. `CAREERBOOK_BLESS=1 cargo test --release --test
//! template_font` rewrites both after the built-in text (or the font, the subsetter,
//! the deflate library) changes.

use careerbook::analysis::{analyse, JohariRules};
use careerbook::profile::ladder::Ladders;
use careerbook::profile::model::Date;
use careerbook::profile::{load_bytes, LoadOptions};
use careerbook::render::pdf::embed::embed;
use careerbook::render::pdf::shared::{committed, committed_font, template_chars, COMMITTED_LEVEL};
use careerbook::render::pdf::{layout, Paper};
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
        "run `CAREERBOOK_BLESS=1 cargo test --release --test template_font`: {stale:?}"
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
        "run `CAREERBOOK_BLESS=1 cargo test --release --test template_font`: the template fonts of {stale:?} differ from what their lists make"
    );
}

/// Every character a blank workbook of `lang` (with the service modules) draws:
/// what `assets/template/<lang>.txt` must hold (see tests/template_font.rs).
fn blank_chars(lang: &str, font: &FontFace) -> BTreeSet<char> {
    let ladders = Ladders::builtin();
    let today = Date {
        year: 2026,
        month: 1,
        day: 1,
    };
    let yaml = format!("locale: {lang}\nperson:\n  name: x\n");
    let Ok(p) = load_bytes(
        yaml.as_bytes(),
        &LoadOptions {
            ladders: &ladders,
            today,
        },
    ) else {
        return BTreeSet::new();
    };
    let a = analyse(&p, &ladders, JohariRules::default(), today);
    let opts = careerbook::workbook::BookOptions { modules: true };
    let book = careerbook::workbook::build(&p, &a, &ladders, today, opts);
    let laid = layout::layout(&book, font, Paper::A4);
    let mut set = BTreeSet::new();
    for page in &laid.pages {
        for c in &page.cmds {
            if let layout::Cmd::Text { text, .. } = c {
                set.extend(text.chars().map(|c| font.shown(c)).filter(|c| *c != '\n'));
            }
        }
    }
    set
}
