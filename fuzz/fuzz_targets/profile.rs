//! Parsing and validating arbitrary bytes as a profile never panics.
#![no_main]
use careerbook::profile::{self, ladder::Ladders, model::Date};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static LADDERS: OnceLock<Ladders> = OnceLock::new();
    let ladders = LADDERS.get_or_init(Ladders::builtin);
    let opts = profile::LoadOptions {
        ladders,
        today: Date {
            year: 2026,
            month: 11,
            day: 23,
        },
    };
    if let Err(e) = profile::load_bytes(data, &opts) {
        let _ = e.render("fuzz.yaml");
    }
});
