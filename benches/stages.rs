//! In-process timings of each stage for the bundled profiles: load and validate,
//! analysis, workbook model, PDF layout, PDF write (the direct writer with the shared
//! template font, and for comparison the printpdf writer with a per-document subset),
//! HTML render, JSON.
//! Run with `cargo bench --bench stages`; prints a table (median of many runs).

use careerbook::analysis::{analyse, JohariRules};
use careerbook::profile::ladder::Ladders;
use careerbook::profile::model::Date;
use careerbook::profile::{load_bytes, LoadOptions};
use careerbook::render::html::Templates;
use careerbook::render::pdf::{backend, direct, layout, shared, Paper};
use careerbook::text::font::FontFace;
use careerbook::workbook::{build, BookOptions};
use std::hint::black_box;
use std::time::Instant;

fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

fn main() {
    let today = Date {
        year: 2026,
        month: 11,
        day: 23,
    };
    let ladders = Ladders::builtin();
    let templates = Templates::load(None).expect("templates");
    let s = Instant::now();
    let font = FontFace::default_shared();
    let font_ms = s.elapsed().as_secs_f64() * 1e3;
    println!("font parse (once per process): {font_ms:.1} ms");
    let s = Instant::now();
    let fonts = shared::SharedFonts::default();
    fonts.get(&font, "zh-CN").expect("template font");
    let t_template = s.elapsed().as_secs_f64() * 1e3;
    println!("shared template font, zh-CN (once per process, committed bytes): {t_template:.1} ms");
    let s = Instant::now();
    let made = careerbook::render::pdf::embed::embed(
        &font,
        &shared::template_chars("zh-CN"),
        shared::COMMITTED_LEVEL,
    )
    .expect("template font");
    black_box(&made);
    let t_make = s.elapsed().as_secs_f64() * 1e3;
    println!("  (making it instead: subset and deflate at level 12: {t_make:.1} ms)\n");
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "profile (µs, median)",
        "load",
        "analyse",
        "model",
        "layout",
        "pdf",
        "printpdf",
        "html",
        "json",
        "total"
    );
    for name in [
        "li-na.zh.yaml",
        "alex-chen.en.yaml",
        "minimal.zh.yaml",
        "maria-lopez.en.yaml",
    ] {
        let bytes = std::fs::read(format!("{}/profiles/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("profile");
        let opts = LoadOptions {
            ladders: &ladders,
            today,
        };
        let runs = 60;
        let p = load_bytes(&bytes, &opts).expect("valid");
        let a = analyse(&p, &ladders, JohariRules::default(), today);
        let book = build(&p, &a, &ladders, today, BookOptions::default());
        let laid = layout::layout(&book, &font, Paper::A4);
        let meta = backend::Meta {
            title: &book.doc_title,
            author: &book.name,
            lang: book.lang,
            date: Some(&book.date),
        };
        let t_load = median_us(runs, || {
            black_box(load_bytes(&bytes, &opts).ok());
        });
        let t_an = median_us(runs, || {
            black_box(analyse(&p, &ladders, JohariRules::default(), today));
        });
        let t_model = median_us(runs, || {
            black_box(build(&p, &a, &ladders, today, BookOptions::default()));
        });
        let t_layout = median_us(runs, || {
            black_box(layout::layout(&book, &font, Paper::A4));
        });
        let template = fonts.get(&font, book.lang).expect("template font");
        let t_pdf = median_us(runs, || {
            black_box(direct::write(&laid, &font, &template, &meta).ok());
        });
        let t_printpdf = median_us(runs, || {
            black_box(backend::write(&laid, &font, &meta).ok());
        });
        let t_html = median_us(runs, || {
            black_box(templates.render(&book, "A4").ok());
        });
        let t_json = median_us(runs, || {
            black_box(careerbook::render::json::render(&p, &a, today));
        });
        let total = t_load + t_an + t_model + t_layout + t_pdf + t_html + t_json;
        println!("{name:<22} {t_load:>9.0} {t_an:>9.0} {t_model:>9.0} {t_layout:>9.0} {t_pdf:>9.0} {t_printpdf:>9.0} {t_html:>9.0} {t_json:>9.0} {total:>9.0}");
    }
}
