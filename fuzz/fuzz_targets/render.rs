//! Any profile that validates renders to HTML, JSON and PDF without panicking.
#![no_main]
use careerbook::profile::model::Date;
use careerbook::render::engine::{Engine, Format};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| {
        let mut e = Engine::new(Date {
            year: 2026,
            month: 11,
            day: 23,
        });
        e.modules = true;
        e
    });
    if let Ok(p) = engine.load(data) {
        let _ = engine
            .render(&p, &[Format::Html, Format::Json, Format::Pdf])
            .unwrap();
    }
});
